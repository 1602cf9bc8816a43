package org.vigie.doctrine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.doctrine.Fixtures.*;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.vigie.core.LegalStatus;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.doctrine.PlannedCertificate.Action;
import org.vigie.doctrine.PlannedCertificate.HolderKind;

class HospitalDoctrineTest {

    static Organisation hospital(LegalStatus status, String category, ExistingCertificate... certs) {
        Organisation.Builder b = Organisation.builder("CH")
                .member(member("750000010", Corridor.HOSPITAL, status,
                        site("750000028", category), site("750000036", category), site("750000044", category)))
                .solution(solution("dpi", "DPI"));
        for (ExistingCertificate c : certs) {
            b.certificate(c);
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1} on {2}: EJ certificate allowed = {3}")
    @CsvSource({
            "PUBLIC,  355, 2022-05-23, false",
            "PUBLIC,  355, 2022-05-24, true",
            "PRIVATE, 141, 2022-05-23, false",
            "PRIVATE, 141, 2022-05-24, true",
            "PRIVATE, 365, 2022-09-30, false",
            "PRIVATE, 365, 2022-10-01, true",
            "UNKNOWN, 365, 2022-09-30, false",
            "UNKNOWN, 365, 2022-10-01, true",
    })
    void ejCertificateIsPlannedFromTheCorridorDateAndOneEgCertificatePerEgBefore(LegalStatus status, String category,
                                                                               LocalDate date, boolean ejAllowed) {
        CertificatePlan plan = evaluate(hospital(status, category), date).plan();
        if (ejAllowed) {
            assertThat(plan.certificates()).singleElement().satisfies(p -> {
                assertThat(p.holderKind()).isEqualTo(HolderKind.FINESS_EJ);
                assertThat(p.holder().value()).isEqualTo("1750000010");
                assertThat(p.covers()).extracting(f -> f.value()).containsExactly("750000028", "750000036", "750000044");
                assertThat(p.solutions()).containsExactly("dpi");
                assertThat(p.mainRule()).isIn(DoctrineRule.PUBLIC_ES_EJ, DoctrineRule.PRIVATE_ES_EJ);
            });
        } else {
            assertThat(plan.certificates()).hasSize(3).allSatisfy(p -> {
                assertThat(p.holderKind()).isEqualTo(HolderKind.FINESS_EG);
                assertThat(p.mainRule()).isEqualTo(DoctrineRule.EG_BEFORE_EJ);
                assertThat(p.covers()).containsExactly(p.holder().finess().orElseThrow());
            });
        }
    }

    @ParameterizedTest(name = "public CH with an EHPAD on {0}: EHPAD under EJ = {1}, DOC-EJ-NOT-YET = {2}")
    @CsvSource({"2022-05-24, false, true", "2022-05-31, false, true", "2022-06-01, true, false"})
    void anEhpadRunByAPublicHospitalJoinsTheEjCertificateInJune(LocalDate date, boolean ehpadUnderEj, boolean fires) {
        Organisation org = Organisation.builder("CH")
                .member(member("750000010", Corridor.HOSPITAL, LegalStatus.PUBLIC, site("750000028", "355"),
                        site("750000036", "500")))
                .certificate(dmp("1750000010")).build();
        DoctrineResult r = evaluate(org, date);
        PlannedCertificate ej = r.plan().certificates().get(0);
        assertThat(ej.holderKind()).isEqualTo(HolderKind.FINESS_EJ);
        assertThat(ej.covers().stream().anyMatch(f -> f.value().equals("750000036"))).isEqualTo(ehpadUnderEj);
        assertThat(r.plan().certificates()).hasSize(ehpadUnderEj ? 1 : 2);
        assertThat(r.audit().has(Rules.DOC_EJ_NOT_YET)).isEqualTo(fires);
        if (fires) {
            assertThat(r.audit().byRule(Rules.DOC_EJ_NOT_YET).get(0).message())
                    .contains("750000036 (EHPAD : à partir du 01/06/2022)").doesNotContain("750000028");
        }
    }

    @Test
    void dialysisAndPublicFollowThePublicRuleAndPrivateThePrivateRule() {
        LocalDate d = LocalDate.of(2023, 1, 1);
        assertThat(evaluate(hospital(LegalStatus.PUBLIC, "355"), d).plan().certificates().get(0).mainRule())
                .isEqualTo(DoctrineRule.PUBLIC_ES_EJ);
        assertThat(evaluate(hospital(LegalStatus.PRIVATE, "141"), d).plan().certificates().get(0).mainRule())
                .isEqualTo(DoctrineRule.PUBLIC_ES_EJ);
        assertThat(evaluate(hospital(LegalStatus.PRIVATE, "365"), d).plan().certificates().get(0).mainRule())
                .isEqualTo(DoctrineRule.PRIVATE_ES_EJ);
    }

    @ParameterizedTest(name = "{0} {1}: EJ certificate held on {2} → DOC-EJ-NOT-YET {3}")
    @CsvSource({
            "PUBLIC,  355, 2022-05-23, true",
            "PUBLIC,  355, 2022-05-24, false",
            "PRIVATE, 146, 2022-05-23, true",
            "PRIVATE, 146, 2022-05-24, false",
            "PRIVATE, 365, 2022-09-30, true",
            "PRIVATE, 365, 2022-10-01, false",
    })
    void ejCertificateBeforeItsDateIsReported(LegalStatus status, String category, LocalDate date, boolean fires) {
        DoctrineResult r = evaluate(hospital(status, category, dmp("1750000010", "dpi")), date);
        assertThat(r.audit().has(Rules.DOC_EJ_NOT_YET)).isEqualTo(fires);
        if (fires) {
            assertThat(r.audit().accepted()).isFalse();
            assertThat(r.audit().byRule(Rules.DOC_EJ_NOT_YET).get(0).message()).contains("750000028");
        } else {
            assertThat(r.audit().findings()).isEmpty();
        }
    }

    @ParameterizedTest(name = "private ES plan on {0}: mid-July note {1}")
    @CsvSource({"2022-07-14, false", "2022-07-15, true", "2022-09-30, true"})
    void midJulyIsOnlyANoteOnPrivatePlans(LocalDate date, boolean note) {
        CertificatePlan plan = evaluate(hospital(LegalStatus.PRIVATE, "365"), date).plan();
        assertThat(plan.certificates()).allSatisfy(p -> assertThat(p.holderKind()).isEqualTo(HolderKind.FINESS_EG));
        assertThat(plan.certificates().get(0).notes().stream().anyMatch(n -> n.contains("mi-juillet"))).isEqualTo(note);
    }

    @Test
    void unknownStatusIsTreatedAsPrivateWithANote() {
        CertificatePlan plan = evaluate(hospital(LegalStatus.UNKNOWN, "365"), LocalDate.of(2022, 6, 1)).plan();
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("statut juridique inconnu"));
    }

    @Test
    void validEgCertificatesAreKeptUntilRenewalWithAnInfo() {
        LocalDate end = LocalDate.of(2027, 3, 31);
        Organisation org = hospital(LegalStatus.PUBLIC, "355",
                cert("1750000028", "CH site A", EnumSet.of(Usage.DMP), end, "dpi"),
                cert("1750000036", "CH site B", EnumSet.of(Usage.DMP), end, "dpi"),
                cert("1750000044", "CH site C", EnumSet.of(Usage.DMP), end, "dpi"));
        DoctrineResult r = evaluate(org, NOW);
        assertThat(r.plan().certificates()).hasSize(3).allSatisfy(p -> {
            assertThat(p.action()).isEqualTo(Action.KEEP_UNTIL_RENEWAL);
            assertThat(p.keptUntil()).contains(end);
            assertThat(p.mainRule()).isEqualTo(DoctrineRule.EG_KEPT);
        });
        assertThat(r.audit().rulesFired()).containsExactly(Rules.DOC_EG_LEGACY.id());
        assertThat(r.audit().byRule(Rules.DOC_EG_LEGACY)).hasSize(3)
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(r.audit().accepted()).isTrue();
        assertThat(r.procedure().steps().get(0).actions()).anySatisfy(a -> assertThat(a).contains("31/03/2027"));
    }

    @Test
    void expiredEgCertificateIsNotKeptAndTheEjCertificateIsMissing() {
        Organisation org = hospital(LegalStatus.PUBLIC, "355",
                cert("1750000028", "CH site A", EnumSet.of(Usage.DMP), LocalDate.of(2025, 1, 1), "dpi"));
        DoctrineResult r = evaluate(org, NOW);
        assertThat(r.plan().certificates()).singleElement()
                .satisfies(p -> assertThat(p.holderKind()).isEqualTo(HolderKind.FINESS_EJ));
        assertThat(r.audit().rulesFired()).containsExactly(Rules.DOC_MISSING.id());
        assertThat(r.audit().accepted()).isTrue();
    }

    @Test
    void egCertificateBeforeTheEjDateIsNotLegacy() {
        Organisation org = hospital(LegalStatus.PRIVATE, "365", dmp("1750000028", "dpi"), dmp("1750000036", "dpi"),
                dmp("1750000044", "dpi"));
        DoctrineResult r = evaluate(org, LocalDate.of(2022, 9, 30));
        assertThat(r.audit().findings()).isEmpty();
        assertThat(r.plan().certificates()).hasSize(3).allSatisfy(p -> {
            assertThat(p.action()).isEqualTo(Action.ORDER);
            assertThat(p.held()).isTrue();
        });
        assertThat(r.plan().toOrder()).isEmpty();
    }

    @Test
    void egCertificateUsedForOtherEgsIsTheWrongHolder() {
        Organisation org = hospital(LegalStatus.PUBLIC, "355",
                covering("1750000028", "750000028", "750000036", "750000044"));
        DoctrineResult r = evaluate(org, NOW);
        assertThat(r.audit().byRule(Rules.DOC_HOLDER)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("750000036").contains("FINESS EJ"));
    }

    @Test
    void ejCertificateServingEgsFinancedPerEgAsksForEgTraceability() {
        Organisation traced = Organisation.builder("Clinique")
                .member(member("130000010", Corridor.HOSPITAL, LegalStatus.PRIVATE,
                        perEg("130000028", "365"), site("130000036", "365")))
                .certificate(dmp("1130000010"))
                .build();
        DoctrineResult r = evaluate(traced, NOW);
        assertThat(r.audit().rulesFired()).containsExactly(Rules.DOC_EG_TRACE.id());
        assertThat(r.audit().byRule(Rules.DOC_EG_TRACE).get(0).message()).contains("130000028")
                .doesNotContain("130000036");
        assertThat(r.audit().accepted()).isTrue();
        assertThat(r.plan().certificates().get(0).rules()).contains(DoctrineRule.EG_TRACEABILITY);
        assertThat(r.plan().certificates().get(0).notes()).anySatisfy(n -> assertThat(n).contains("130000028"));

        Organisation plain = Organisation.builder("Clinique")
                .member(member("130000010", Corridor.HOSPITAL, LegalStatus.PRIVATE,
                        site("130000028", "365"), site("130000036", "365")))
                .certificate(dmp("1130000010"))
                .build();
        assertThat(evaluate(plain, NOW).audit().findings()).isEmpty();
    }

    @Test
    void noCertificateAtAllIsOnlyMissingWarnings() {
        DoctrineResult r = evaluate(hospital(LegalStatus.PUBLIC, "355"), NOW);
        assertThat(r.audit().byRule(Rules.DOC_MISSING)).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.message()).contains("1750000010").contains("HOP-PUBLIC-EJ");
                });
        assertThat(r.audit().accepted()).isTrue();
    }

    @Test
    void everyPlannedCertificateExplainsItself() {
        CertificatePlan plan = evaluate(hospital(LegalStatus.PRIVATE, "365"), NOW).plan();
        assertThat(plan.certificates()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.explanation()).contains("ES privés"));
    }

    @Test
    void undeclaredSingleSolutionMeansUnifiedSi() {
        Member m = new Member(Optional.of(f("750000010")), "CH", Corridor.HOSPITAL, LegalStatus.PUBLIC,
                Optional.empty(), Optional.empty(), List.of(site("750000028", "355")), 0, Optional.empty());
        Organisation org = Organisation.builder("CH").member(m).solution(solution("dpi", "DPI")).build();
        assertThat(Planner.unified(org, m)).isTrue();
    }
}
