package org.vigie.cda.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.cda.AuthorInstitutionPolicy;
import org.vigie.cda.CdaHeader;
import org.vigie.cda.XdsMetadata;
import org.vigie.core.Finding;
import org.vigie.core.Location;
import org.vigie.core.Occurrence;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.StructureDirectory;
import org.vigie.core.StructureId;
import org.vigie.testkit.ReportAssert;
import org.vigie.testkit.TestDirectory;

/**
 * The messages, locations and evidence of control-2 findings, checked on metadata and CDA headers built directly
 * (no XML): each finding must say where it was seen (submission set, entry, CDA header, VIHF) and what was expected.
 */
class Control2EvaluatorMessagesTest {

    private static final Instant AT = Instant.parse("2025-06-01T10:00:00Z");
    private static final String IDNST = "1.2.250.1.71.4.2.2";
    private static final String EG = "1750100125";     // EG of AP-HP
    private static final String EG2 = "1750803447";    // another EG of AP-HP
    private static final String EJ = "1750712184";     // AP-HP (EJ), SIREN 267500452
    private static final String OTHER_EJ = "1920000650"; // an EJ without SIREN in the directory
    private static final String OTHER_EG = "1920100013"; // EG of OTHER_EJ
    private static final String UNKNOWN_FINESS = "1330000001";
    private static final String SIRET_APHP = "326750045200003"; // SIREN 267500452
    private static final String SIRET_OTHER = "333048355700017"; // SIREN 330483557
    private static final String CABINET = "499900063480001";

    private static final StructureDirectory DIRECTORY = directory();

    private static StructureDirectory directory() {
        return TestDirectory.builder()
                .legalEntity("750712184", "AP-HP", "267500452", "13")
                .establishments("750712184", "750100125", "750803447")
                .legalEntity("920000650", "AUTRE EJ")
                .establishment("920000650", "920100013")
                .build();
    }

    private static String xon(String id) {
        return "Hopital^^^^^&" + IDNST + "&ISO^IDNST^^^" + id;
    }

    private static XdsMetadata.Author author(String classificationId, String... institutions) {
        return new XdsMetadata.Author(classificationId, Map.of("authorInstitution", List.of(institutions)));
    }

    private static CdaHeader cda(String... orgIds) {
        List<CdaHeader.Author> authors = new ArrayList<>();
        for (int i = 0; i < orgIds.length; i++) {
            authors.add(new CdaHeader.Author(i + 1, true, List.of(new CdaHeader.OrganizationId(IDNST, orgIds[i], "")), "S"));
        }
        return header(authors, Optional.empty());
    }

    private static CdaHeader header(List<CdaHeader.Author> authors, Optional<CdaHeader.OrganizationId> custodian) {
        return new CdaHeader(true, "ClinicalDocument", authors, custodian, true, 0, List.of());
    }

    /** A submission: the set's institution, then for each document its entry's institution and its CDA's id. */
    private static final class Sub {
        Optional<XdsMetadata.SubmissionSet> ss = Optional.empty();
        final List<XdsMetadata.DocumentEntry> entries = new ArrayList<>();
        final List<XdsMetadata.DocumentContent> docs = new ArrayList<>();
        final List<Finding> problems = new ArrayList<>();

        Sub ss(XdsMetadata.Author... authors) {
            ss = Optional.of(new XdsMetadata.SubmissionSet("SS", Arrays.asList(authors)));
            return this;
        }

        Sub ss(String id) {
            return ss(author("ssa1", xon(id)));
        }

        Sub entry(String doc, List<XdsMetadata.Author> authors, CdaHeader header) {
            entries.add(new XdsMetadata.DocumentEntry(doc, "1.2.3." + doc, "", "text/xml", authors));
            if (header != null) {
                docs.add(new XdsMetadata.DocumentContent(doc, Optional.empty(), Optional.of(header)));
            }
            return this;
        }

        Sub doc(String doc, String entryId, String cdaId) {
            return entry(doc, List.of(author("a_" + doc, xon(entryId))), cda(cdaId));
        }

        Sub problem(Severity severity) {
            problems.add(Finding.of(Rules.AI_XML, severity, "xds-limit", Location.of("XDS"), "", "problème de lecture"));
            return this;
        }

        XdsMetadata md() {
            return new XdsMetadata(ss, entries, docs, true, problems);
        }
    }

    private static Report evaluate(AuthorInstitutionPolicy policy, StructureDirectory dir, Sub s, String vihf) {
        return new Control2Evaluator(policy, dir).evaluate(s.md(), Map.of(), vihf == null ? null : StructureId.parse(vihf), AT);
    }

    private static Report evaluate(Sub s, String vihf) {
        return evaluate(AuthorInstitutionPolicy.defaults(), DIRECTORY, s, vihf);
    }

    private static List<String> messages(Report r, String rule) {
        return r.byRule(rule).stream().map(Finding::message).toList();
    }

    // ------------------------------------------------------------------------------------------- AI-CONSISTENT

    @Test
    void consistencyMessagesNameTheDeviatingPlaceAndTheReferencePlace() {
        Report lot = evaluate(new Sub().ss(EG2).doc("D1", EG, EG).doc("D2", EG, EG), EJ);
        assertThat(ReportAssert.assertThat(lot).single(Rules.AI_CONSISTENT)).satisfies(f -> {
            assertThat(f.message()).isEqualTo("lot de soumission : " + EG2 + " diffère de " + EG + " (fiche D1)");
            assertThat(f.location().toString()).isEqualTo("SubmissionSet[SS]/author[ssa1]/authorInstitution");
            assertThat(f.evidence()).isEqualTo(xon(EG2));
        });
        Report entry = evaluate(new Sub().ss(EG).doc("D1", EG, EG).doc("D2", EG2, EG), EJ);
        assertThat(messages(entry, "AI-CONSISTENT"))
                .containsExactly("fiche D2 : " + EG2 + " diffère de " + EG + " (lot de soumission)");
        Report cda = evaluate(new Sub().ss(EG).doc("D1", EG, EG).doc("D2", EG, EG2), EJ);
        assertThat(ReportAssert.assertThat(cda).single(Rules.AI_CONSISTENT)).satisfies(f -> {
            assertThat(f.message()).isEqualTo("en-tête CDA D2 : " + EG2 + " diffère de " + EG + " (lot de soumission)");
            assertThat(f.location().toString()).isEqualTo("CDA[D2]/author[1]/assignedAuthor/representedOrganization/id");
            assertThat(f.evidence()).isEqualTo(IDNST + "/" + EG2);
        });
    }

    @Test
    void inEjEgModeTheVihfIsTheReferenceNamedInTheMessage() {
        AuthorInstitutionPolicy ejeg = AuthorInstitutionPolicy.builder().ejEgMode(true).build();
        Report r = evaluate(ejeg, DIRECTORY, new Sub().ss(EG).doc("D1", EG, EG), EG2);
        assertThat(messages(r, "AI-CONSISTENT")).hasSize(3)
                .allSatisfy(m -> assertThat(m).endsWith(EG + " diffère de " + EG2 + " (VIHF (Identifiant_Structure))"));
    }

    @Test
    void whenTheLotMayDifferTheMessageSaysThatDocumentsMustStillAgree() {
        Sub s = new Sub().ss(EG).doc("D1", EG, EG).doc("D2", EG, EG).doc("D3", EG2, EG2);
        AuthorInstitutionPolicy lot = AuthorInstitutionPolicy.builder().lotMayDiffer(true).build();
        assertThat(messages(evaluate(lot, DIRECTORY, s, EJ), "AI-CONSISTENT")).hasSize(2).allSatisfy(m -> assertThat(m)
                .endsWith(" (fiche D1) ; le lot peut différer des documents (RG_2240), pas les documents entre eux"));
        assertThat(messages(evaluate(s, EJ), "AI-CONSISTENT")).hasSize(2)
                .allSatisfy(m -> assertThat(m).endsWith(" (lot de soumission)").doesNotContain("RG_2240"));
    }

    // ---------------------------------------------------------------------------- AI-PRESENT, AI-SINGLE (XDS)

    @Test
    void missingAuthorsAreReportedForTheSetOrTheEntryWhereTheyAreMissing() {
        Report r = evaluate(new Sub().ss().entry("D1", List.of(), cda(EG)), EG);
        assertThat(r.byRule("AI-PRESENT")).extracting(Finding::message, f -> f.location().toString()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("aucun auteur dans le lot de soumission : authorInstitution absent",
                        "SubmissionSet[SS]"),
                org.assertj.core.groups.Tuple.tuple("aucun auteur dans la fiche D1 : authorInstitution absent",
                        "DocumentEntry[D1]"));
    }

    @Test
    void blankInstitutionsCountAsAbsentNotAsMalformed() {
        Report blank = evaluate(new Sub().ss(EG).entry("D1", List.of(author("a1", " ", "")), cda(EG)), EG);
        assertThat(messages(blank, "AI-PRESENT"))
                .containsExactly("aucun auteur ne porte d'authorInstitution dans la fiche D1");
        ReportAssert.assertThat(blank).doesNotFire(Rules.AI_FORMAT);
        ReportAssert.assertThat(blank).doesNotFire(Rules.AI_SINGLE);
        Report blankAndValue = evaluate(new Sub().ss(author("ssa1", " ", xon(EG))).doc("D1", EG, EG), EG);
        ReportAssert.assertThat(blankAndValue).hasNoFindings();
        Report lot = evaluate(new Sub().ss(author("ssa1", " ")).doc("D1", EG, EG), EG);
        assertThat(messages(lot, "AI-PRESENT"))
                .containsExactly("aucun auteur ne porte d'authorInstitution dans le lot de soumission");
    }

    @Test
    void twoInstitutionsUnderOneAuthorAreOneFindingWithBothValuesAsEvidence() {
        Report r = evaluate(new Sub().ss(author("ssa1", xon(EG), xon(EG2))).doc("D1", EG, EG), EJ);
        assertThat(ReportAssert.assertThat(r).single(Rules.AI_SINGLE)).satisfies(f -> {
            assertThat(f.message()).isEqualTo("l'auteur porte 2 authorInstitution dans le lot de soumission : "
                    + "une seule valeur attendue");
            assertThat(f.location().toString()).isEqualTo("SubmissionSet[SS]/author[ssa1]/authorInstitution");
            assertThat(f.evidence()).isEqualTo(xon(EG) + " | " + xon(EG2));
        });
        Report entry = evaluate(new Sub().ss(EG).entry("D1", List.of(author("a1", xon(EG), xon(EG))), cda(EG)), EJ);
        assertThat(messages(entry, "AI-SINGLE"))
                .containsExactly("l'auteur porte 2 authorInstitution dans la fiche D1 : une seule valeur attendue");
    }

    @Test
    void anAuthorWithoutClassificationIdIsLocatedByItsRank() {
        Report r = evaluate(new Sub().ss(EG).entry("D1", List.of(author("", xon(EG)), author("", "pas un XON")), cda(EG)), EG);
        assertThat(ReportAssert.assertThat(r).single(Rules.AI_FORMAT))
                .satisfies(f -> assertThat(f.location().toString()).isEqualTo("DocumentEntry[D1]/author[2]/authorInstitution"));
    }

    // ----------------------------------------------------------------------------- unreadable metadata

    @ParameterizedTest(name = "reader problem {0}: missing set and missing document reported: {1}")
    @CsvSource({"WARNING, true", "INFO, true", "ERROR, false"})
    void onlyAnErrorOfTheReaderSilencesWhatIsMissingFromTheMetadata(Severity severity, boolean reported) {
        Sub s = new Sub().entry("D1", List.of(author("a1", xon(EG))), null).problem(severity);
        Report r = evaluate(s, EG);
        assertThat(messages(r, "AI-PRESENT").stream().anyMatch(m -> m.startsWith("aucun lot de soumission")))
                .isEqualTo(reported);
        assertThat(r.byRule("AI-XML").stream().anyMatch(f -> f.message()
                .equals("aucun xds:Document pour la fiche 'D1' : en-tête CDA non lu")
                && f.location().toString().equals("DocumentEntry[D1]"))).isEqualTo(reported);
    }

    // ----------------------------------------------------------------------------- AI-PRESENT (CDA)

    @Test
    void cdaHeaderWithoutUsableIdSaysWhatIsMissing() {
        CdaHeader.Author noOrg = new CdaHeader.Author(1, false, List.of(), "");
        CdaHeader.Author nullFlavorOnly = new CdaHeader.Author(1, true, List.of(new CdaHeader.OrganizationId("", "", "NI")), "");
        CdaHeader.Author nullFlavorWithValue = new CdaHeader.Author(1, true,
                List.of(new CdaHeader.OrganizationId(IDNST, EG2, "UNK")), "");
        CdaHeader.Author emptyExtension = new CdaHeader.Author(1, true, List.of(new CdaHeader.OrganizationId(IDNST, "", "")), "");
        Map<String, CdaHeader> cases = Map.of(
                "aucun author dans l'en-tête CDA", header(List.of(), Optional.empty()),
                "aucun author/assignedAuthor/representedOrganization dans l'en-tête CDA", header(List.of(noOrg), Optional.empty()),
                "representedOrganization sans id renseigné (id absent ou nullFlavor)",
                header(List.of(nullFlavorOnly, nullFlavorWithValue, emptyExtension), Optional.empty()));
        cases.forEach((message, header) -> {
            Report r = evaluate(new Sub().ss(EG).entry("D1", List.of(author("a1", xon(EG))), header), EG);
            assertThat(ReportAssert.assertThat(r).single(Rules.AI_PRESENT)).as(message).satisfies(f -> {
                assertThat(f.message()).isEqualTo(message);
                assertThat(f.location().toString()).isEqualTo("CDA[D1]/author");
            });
            assertThat(r.occurrences()).as(message).noneMatch(o -> o.place() == Occurrence.Place.CDA_HEADER);
            ReportAssert.assertThat(r).doesNotFire(Rules.AI_FORMAT);
        });
    }

    @Test
    void theCustodianIsMentionedAsAHintWhenTheAuthorHasNoId() {
        CdaHeader h = header(List.of(new CdaHeader.Author(1, false, List.of(), "")),
                Optional.of(new CdaHeader.OrganizationId(IDNST, EG, "")));
        Report r = evaluate(new Sub().ss(EG).entry("D1", List.of(author("a1", xon(EG))), h), EG);
        assertThat(messages(r, "AI-PRESENT")).containsExactly("aucun author/assignedAuthor/representedOrganization dans "
                + "l'en-tête CDA ; le custodian porte " + IDNST + "/" + EG + ", mais authorInstitution dérive de l'auteur");
    }

    // ---------------------------------------------------------------------------------------- AI-GEOGRAPHIC

    @Test
    void aGeographicWarningSaysFromWhenItBecomesAnError() {
        AuthorInstitutionPolicy later = AuthorInstitutionPolicy.builder().geographicMandatoryFrom(LocalDate.of(2030, 1, 1)).build();
        Report before = evaluate(later, DIRECTORY, new Sub().ss(EJ).doc("D1", EJ, EJ), EJ);
        assertThat(ReportAssert.assertThat(before).single(Rules.AI_GEOGRAPHIC)).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).isEqualTo("authorInstitution " + EJ + " est une entité juridique (EJ) : un FINESS "
                    + "géographique (EG) est attendu (avertissement avant le 2030-01-01)");
        });
        Report after = evaluate(new Sub().ss(EJ).doc("D1", EJ, EJ), EJ);
        assertThat(ReportAssert.assertThat(after).single(Rules.AI_GEOGRAPHIC)).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).doesNotContain("avertissement").endsWith("est attendu");
        });
    }

    // ------------------------------------------------------------------------------------------- AI-SAME-EJ

    @ParameterizedTest(name = "VIHF {0}, authorInstitution {1}: {2} {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // VIHF a FINESS: the EJs are compared through the directory
            UNKNOWN_FINESS + "|" + EG + "|INFO|non évalué pour " + EG + " : structure du VIHF " + UNKNOWN_FINESS
                    + " inconnue du répertoire FINESS",
            EJ + "|" + UNKNOWN_FINESS + "|ERROR|authorInstitution " + UNKNOWN_FINESS + " hors de l'entité juridique de la "
                    + "structure du VIHF " + EJ + " : " + UNKNOWN_FINESS + " inconnu du répertoire FINESS : appartenance à "
                    + "l'EJ 750712184 non établie",
            EJ + "|" + OTHER_EG + "|ERROR|authorInstitution " + OTHER_EG + " hors de l'entité juridique de la structure "
                    + "du VIHF " + EJ + " : EJ 920000650 au lieu de l'EJ 750712184 du VIHF",
            EJ + "|" + SIRET_APHP + "|NONE|",
            EJ + "|2267500452|NONE|",
            EJ + "|" + SIRET_OTHER + "|ERROR|authorInstitution " + SIRET_OTHER + " hors de l'entité juridique de la "
                    + "structure du VIHF " + EJ + " : SIREN 330483557 au lieu du SIREN 267500452 de l'EJ 750712184",
            OTHER_EJ + "|" + SIRET_OTHER + "|INFO|non évalué pour " + SIRET_OTHER + " : SIREN de l'EJ 920000650 inconnu "
                    + "du répertoire",
            EJ + "|" + CABINET + "|ERROR|authorInstitution " + CABINET + " hors de l'entité juridique de la structure du "
                    + "VIHF " + EJ + " : identifiant RPPS_RANG sans lien avec l'EJ 750712184",
            // VIHF a SIRET or a SIREN: the SIRENs are compared, a FINESS through the directory
            SIRET_APHP + "|" + SIRET_OTHER + "|ERROR|authorInstitution " + SIRET_OTHER + " hors de l'entité juridique de "
                    + "la structure du VIHF " + SIRET_APHP + " : SIREN 330483557 au lieu de 267500452",
            SIRET_APHP + "|" + EG + "|NONE|",
            SIRET_OTHER + "|" + EG + "|ERROR|authorInstitution " + EG + " hors de l'entité juridique de la structure du "
                    + "VIHF " + SIRET_OTHER + " : EJ de SIREN 267500452 au lieu de 330483557",
            SIRET_APHP + "|" + OTHER_EG + "|INFO|non évalué pour " + OTHER_EG + " : SIREN de l'EJ de " + OTHER_EG
                    + " inconnu du répertoire",
            SIRET_APHP + "|" + UNKNOWN_FINESS + "|INFO|non évalué pour " + UNKNOWN_FINESS + " : SIREN de l'EJ de "
                    + UNKNOWN_FINESS + " inconnu du répertoire",
            SIRET_APHP + "|" + CABINET + "|ERROR|authorInstitution " + CABINET + " hors de l'entité juridique de la "
                    + "structure du VIHF " + SIRET_APHP + " : identifiant RPPS_RANG sans lien avec le SIREN 267500452",
            // VIHF a cabinet: strict equality
            CABINET + "|499900063480002|ERROR|authorInstitution 499900063480002 hors de l'entité juridique de la "
                    + "structure du VIHF " + CABINET + " : un cabinet (RPPS_RANG) garde son propre identifiant : "
                    + CABINET + " attendu",
            CABINET + "|" + CABINET + "|NONE|",
    })
    void sameEjFindingsSayWhyTheStructuresDifferOrCouldNotBeCompared(String vihf, String ai, String severity,
            String message) {
        Report r = evaluate(new Sub().ss(ai).doc("D1", ai, ai), vihf);
        if (severity.equals("NONE")) {
            ReportAssert.assertThat(r).doesNotFire(Rules.AI_SAME_EJ);
            return;
        }
        assertThat(ReportAssert.assertThat(r).single(Rules.AI_SAME_EJ)).as(r.toString()).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.valueOf(severity));
            assertThat(f.message()).isEqualTo(message);
            assertThat(f.location().toString()).isEqualTo("SubmissionSet[SS]/author[ssa1]/authorInstitution");
            assertThat(f.evidence()).isEqualTo(ai);
        });
    }

    @ParameterizedTest(name = "VIHF {0}, authorInstitution {1}, no directory")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            EJ + "|" + EG + "|aucun répertoire FINESS configuré, seule l'égalité stricte avec " + EJ + " est vérifiable",
            SIRET_APHP + "|" + EG + "|aucun répertoire FINESS configuré pour relier " + EG + " au SIREN 267500452",
    })
    void withoutDirectorySameEjSaysWhatCouldNotBeLinked(String vihf, String ai, String reason) {
        Report r = evaluate(AuthorInstitutionPolicy.defaults(), null, new Sub().ss(ai).doc("D1", ai, ai), vihf);
        assertThat(ReportAssert.assertThat(r).single(Rules.AI_SAME_EJ)).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).isEqualTo("non évalué pour " + ai + " : " + reason);
        });
    }

    // ----------------------------------------------------------------------------------------------- ID-KEY

    @Test
    void idKeyNamesTheKindOfNumberWhoseKeyFailed() {
        Report r = evaluate(AuthorInstitutionPolicy.defaults(), null, new Sub().ss("10B0152872").doc("D1", "10B0152872",
                "10B0152872"), "10B0152872");
        assertThat(ReportAssert.assertThat(r).single(Rules.ID_KEY)).satisfies(f -> {
            assertThat(f.message()).isEqualTo("clé de contrôle invalide pour le FINESS de 10B0152872 "
                    + "(les numéros de test ANS n'ont pas de clé valide)");
            assertThat(f.location().toString()).isEqualTo("SubmissionSet[SS]/author[ssa1]/authorInstitution");
            assertThat(f.evidence()).isEqualTo("10B0152872");
        });
    }
}
