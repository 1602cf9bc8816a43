package org.vigie.cda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.cda.Fixtures.xon;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigie.core.Finding;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.StructureDirectory;
import org.vigie.core.StructureId;
import org.vigie.testkit.FinessFiles;
import org.vigie.testkit.FinessFiles.Load;
import org.vigie.testkit.ReportAssert;

/**
 * AI-SAME-EJ, AI-GEOGRAPHIC and AI-CONSISTENT (EJ/EG policy) on a directory loaded from each FINESS file alone and
 * from all three, written as the real formats are ({@link FinessFiles}: etalab EG extract in Latin-1 with
 * geolocalisation lines and no EJ record, EJ extract, JSON feed with closed EGs). Expected verdicts follow from what
 * each file carries; the closed-EJ case is Vigie's documented decision (StructureDirectory).
 */
class DirectorySourcesTest {

    private static final Instant AT = Instant.parse("2025-06-01T10:00:00Z");

    private static final String CH = "1" + FinessFiles.CH.finess();
    private static final String CLOSED_EJ = "1" + FinessFiles.CLOSED_EJ.finess();

    /** The submission set, two entries and their CDA headers, all carrying {@code ai}. */
    private static Report check(StructureDirectory d, String vihf, String ai, boolean ejEg) {
        Fixtures.Submission s = new Fixtures.Submission().ss(xon("Structure", ai)).doc("D1", xon("Structure", ai), ai)
                .doc("D2", xon("Structure", ai), ai);
        AuthorInstitutionValidator.Builder b = AuthorInstitutionValidator.builder()
                .policy(AuthorInstitutionPolicy.builder().ejEgMode(ejEg).build());
        if (d != null) {
            b.directory(d);
        }
        Map<String, Supplier<InputStream>> parts = new HashMap<>();
        s.attachments().forEach((k, c) -> parts.put(k, () -> new ByteArrayInputStream(c.getBytes(StandardCharsets.UTF_8))));
        return b.build().validate(new ByteArrayInputStream(s.xml().getBytes(StandardCharsets.UTF_8)), parts,
                StructureId.parse(vihf), AT).report();
    }

    private static List<Finding> errors(Report r, org.vigie.core.Rule rule) {
        return r.byRule(rule).stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    @ParameterizedTest
    @EnumSource(Load.class)
    void anEgOfTheVihfEjUnderAnEjCertificate(Load load) {
        // the doctrine's recommended set-up: VIHF = the EJ of the certificate, authorInstitution = one of its EGs
        Report r = check(load.directory(), CH, FinessFiles.CH_SITE.idNat(), false);
        if (load.knowsEgs()) {
            assertThat(r.findings()).as(load + " " + r).isEmpty();
            ReportAssert.assertThat(r).accepted();
        } else {
            // the EJ extract knows no EG: the EG is neither known as geographic nor tied to the EJ
            assertThat(errors(r, Rules.AI_GEOGRAPHIC)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("inconnu du répertoire"));
            assertThat(errors(r, Rules.AI_SAME_EJ)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("non établie"));
        }
    }

    @ParameterizedTest
    @EnumSource(Load.class)
    void anEgOfAnotherEjIsOutsideTheLegalEntity(Load load) {
        Report r = check(load.directory(), CH, FinessFiles.CLINIC_SITE.idNat(), false);
        assertThat(errors(r, Rules.AI_SAME_EJ)).as(load + " " + r).singleElement().satisfies(f -> assertThat(f.message())
                .contains(load.knowsEgs() ? "EJ " + FinessFiles.CLINIC.finess() + " au lieu de l'EJ "
                        + FinessFiles.CH.finess() : "non établie"));
        ReportAssert.assertThat(r).rejected();
    }

    @ParameterizedTest
    @EnumSource(Load.class)
    void theEjItselfIsNotGeographicWhereverItIsKnownFrom(Load load) {
        Report r = check(load.directory(), CH, CH, false);
        assertThat(errors(r, Rules.AI_GEOGRAPHIC)).as(load + " " + r).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("est une entité juridique (EJ)"));
        ReportAssert.assertThat(r).doesNotFire(Rules.AI_SAME_EJ);
    }

    @ParameterizedTest
    @EnumSource(Load.class)
    void aClosedEgOfTheEjIsNotAnActiveEg(Load load) {
        Report r = check(load.directory(), CH, FinessFiles.CH_CLOSED.idNat(), false);
        assertThat(errors(r, Rules.AI_GEOGRAPHIC)).as(load + " " + r).singleElement().satisfies(f -> assertThat(f.message())
                .contains(load.knowsClosedEgs() ? "EG fermé" : "inconnu du répertoire"));
        if (load.knowsClosedEgs()) {
            assertThat(r.byRule(Rules.AI_SAME_EJ)).as("still an EG of the EJ").isEmpty();
        } else {
            assertThat(errors(r, Rules.AI_SAME_EJ)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Load.class)
    void theClosedEjStillOwnsItsClosedEg(Load load) {
        // VIHF-STRUCT-KNOWN (control 1) rejects the closed EJ; control 2 still ties its EG to it
        Report r = check(load.directory(), CLOSED_EJ, FinessFiles.CLOSED_EJ_SITE.idNat(), false);
        if (load.knowsClosedEgs()) {
            assertThat(r.byRule(Rules.AI_SAME_EJ)).as(load + " " + r).isEmpty();
            assertThat(errors(r, Rules.AI_GEOGRAPHIC)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("EG fermé"));
        } else if (load == Load.EJ_ONLY) {
            assertThat(errors(r, Rules.AI_SAME_EJ)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("non établie"));
        } else {
            // etalab alone knows neither the EJ (its only EG is closed) nor the EG
            assertThat(ReportAssert.assertThat(r).single(Rules.AI_SAME_EJ)).satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.INFO);
                assertThat(f.message()).contains("inconnue du répertoire");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Load.class)
    void ejEgPolicyTheVihfEgCountsAsAnOccurrence(Load load) {
        StructureDirectory d = load.directory();
        Report same = check(d, FinessFiles.CH_SITE.idNat(), FinessFiles.CH_SITE.idNat(), true);
        ReportAssert.assertThat(same).doesNotFire(Rules.AI_CONSISTENT);
        ReportAssert.assertThat(same).doesNotFire(Rules.AI_SAME_EJ);
        Report sibling = check(d, FinessFiles.CH_SITE.idNat(), FinessFiles.CH_EHPAD.idNat(), true);
        assertThat(errors(sibling, Rules.AI_CONSISTENT)).as(load + " " + sibling).isNotEmpty();
        if (load.knowsEgs()) {
            assertThat(same.findings()).as(load + " " + same).isEmpty();
            assertThat(sibling.byRule(Rules.AI_SAME_EJ)).as("same EJ, only the occurrence differs").isEmpty();
        } else {
            // the VIHF's EG is unknown to an EJ extract: the EJ of the VIHF cannot be established
            assertThat(sibling.byRule(Rules.AI_SAME_EJ)).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        }
    }

    @Test
    void withoutAnyFileTheDirectoryRulesAreNotEvaluated() {
        Report r = check(null, CH, FinessFiles.CH_SITE.idNat(), false);
        assertThat(ReportAssert.assertThat(r).single(Rules.AI_GEOGRAPHIC)).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("non évalué");
        });
        assertThat(ReportAssert.assertThat(r).single(Rules.AI_SAME_EJ)).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("non évalué");
        });
    }
}
