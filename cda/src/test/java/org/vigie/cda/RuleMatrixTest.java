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
import org.junit.jupiter.params.provider.ValueSource;
import org.vigie.core.Finding;
import org.vigie.core.Occurrence;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.StructureId;
import org.vigie.testkit.ReportAssert;

/** Every control-2 rule on both sides, on hand-built submissions (inline and XOP). */
class RuleMatrixTest {

    private static final Instant AT = Instant.parse("2025-06-01T10:00:00Z");
    private static final String EG = "1750100125";     // EG of AP-HP
    private static final String EG2 = "1750803447";    // another EG of AP-HP
    private static final String EJ = "1750712184";     // AP-HP (EJ)
    private static final String OTHER_EG = "1920100013"; // EG of another EJ

    private static final AuthorInstitutionValidator WITH_DIR = AuthorInstitutionValidator.builder()
            .directory(Fixtures.directory()).build();

    private static Report check(AuthorInstitutionValidator v, Fixtures.Submission s, String vihf, Instant at) {
        Map<String, Supplier<InputStream>> parts = new HashMap<>();
        s.attachments().forEach((k, c) -> parts.put(k, () -> new ByteArrayInputStream(c.getBytes(StandardCharsets.UTF_8))));
        InputStream in = new ByteArrayInputStream(s.xml().getBytes(StandardCharsets.UTF_8));
        return (vihf == null ? v.validate(in, parts, at) : v.validate(in, parts, StructureId.parse(vihf), at)).report();
    }

    private static Report check(Fixtures.Submission s, String vihf) {
        return check(WITH_DIR, s, vihf, AT);
    }

    private static Fixtures.Submission clean(String id) {
        return new Fixtures.Submission().ss(xon("Hopital", id)).doc("D1", xon("Hopital", id), id)
                .doc("D2", xon("Hopital", id), id);
    }

    @ParameterizedTest(name = "xop={0}")
    @ValueSource(booleans = {false, true})
    void aCleanSubmissionUnderTheEjOfTheVihfIsAcceptedWithoutAnyFinding(boolean xop) {
        Fixtures.Submission s = clean(EG);
        if (xop) {
            s.xop();
        }
        Report r = check(s, EJ);
        ReportAssert.assertThat(r).hasNoFindings();
        assertThat(r.occurrences()).extracting(Occurrence::place).containsExactly(Occurrence.Place.SUBMISSION_SET,
                Occurrence.Place.DOCUMENT_ENTRY, Occurrence.Place.CDA_HEADER, Occurrence.Place.DOCUMENT_ENTRY,
                Occurrence.Place.CDA_HEADER);
        assertThat(r.occurrences()).extracting(Occurrence::structureId).containsOnly(EG);
        assertThat(r.occurrences()).filteredOn(o -> o.place() == Occurrence.Place.CDA_HEADER)
                .extracting(Occurrence::value).containsOnly("1.2.250.1.71.4.2.2/" + EG);
    }

    @Test
    void theVihfStructureMayBeTheEgItself() {
        ReportAssert.assertThat(check(clean(EG), EG)).hasNoFindings();
    }

    @Test
    void aiPresentFiresForTheSetAnEntryAndACdaHeaderWithoutInstitution() {
        Fixtures.Submission s = new Fixtures.Submission().ss().doc("D1", null, EG).doc("D2", xon("H", EG), (String) null);
        Report r = check(s, EJ);
        assertThat(r.byRule("AI-PRESENT")).extracting(f -> f.location().toString()).containsExactly(
                "SubmissionSet[SS]", "DocumentEntry[D1]", "CDA[D2]/author");
        ReportAssert.assertThat(check(clean(EG), EJ)).doesNotFire(Rules.AI_PRESENT);
    }

    @Test
    void aiPresentFiresWhenTheSubmissionSetCannotBeFoundByItsNode() {
        Report r = check(clean(EG).noSubmissionSetNode(), EJ);
        assertThat(ReportAssert.assertThat(r).single(Rules.AI_PRESENT))
                .satisfies(f -> assertThat(f.location().toString()).isEqualTo("SubmissionSet"));
    }

    @Test
    void aiSingleFiresForTwoInstitutionsUnderOneAuthorButNotForTwoAuthors() {
        Fixtures.Submission two = new Fixtures.Submission().ss(xon("H", EG), xon("H", EG2)).doc("D1", xon("H", EG), EG);
        assertThat(ReportAssert.assertThat(check(two, EJ)).single(Rules.AI_SINGLE))
                .satisfies(f -> assertThat(f.location().toString()).isEqualTo("SubmissionSet[SS]/author[ssa1]/authorInstitution"));
        Fixtures.Submission twoAuthors = new Fixtures.Submission().ss(xon("H", EG)).ss(xon("H", EG))
                .doc("D1", xon("H", EG), EG);
        ReportAssert.assertThat(check(twoAuthors, EJ)).doesNotFire(Rules.AI_SINGLE);
        Fixtures.Submission twoCdaIds = new Fixtures.Submission().ss(xon("H", EG)).entry("D1", List.of(List.of(xon("H", EG))),
                Fixtures.cda(EG).replace("<name>Structure</name>",
                        "<id root=\"1.2.250.1.71.4.2.2\" extension=\"" + EG + "\"/><name>Structure</name>"));
        assertThat(ReportAssert.assertThat(check(twoCdaIds, EJ)).single(Rules.AI_SINGLE))
                .satisfies(f -> assertThat(f.location().toString()).startsWith("CDA[D1]/author[1]"));
    }

    @Test
    void aiFormatFiresForAWrongXonAndAWrongCdaRoot() {
        String idnps = "Nom^^^^^&amp;1.2.250.1.71.4.2.2&amp;ISO^IDNPS^^^" + EG;
        Fixtures.Submission s = new Fixtures.Submission().ss(idnps).doc("D1", xon("H", EG), "1.2.250.1.71.4.2.1/" + EG)
                .doc("D2", xon("H", "1750100"), EG);
        Report r = check(s, EJ);
        assertThat(r.byRule("AI-FORMAT")).extracting(f -> f.location().toString()).containsExactly(
                "SubmissionSet[SS]/author[ssa1]/authorInstitution",
                "CDA[D1]/author[1]/assignedAuthor/representedOrganization/id",
                "DocumentEntry[D2]/author[a1_1]/authorInstitution");
        assertThat(r.byRule("AI-FORMAT").get(0).message()).contains("XON.7");
        assertThat(r.byRule("AI-FORMAT").get(1).message()).contains("1.2.250.1.71.4.2.2");
        ReportAssert.assertThat(check(clean(EG), EJ)).doesNotFire(Rules.AI_FORMAT);
    }

    @Test
    void aiCdaMatchFiresWhenAnEntryDiffersFromItsOwnCdaHeader() {
        Fixtures.Submission s = new Fixtures.Submission().ss(xon("H", EG)).doc("D1", xon("H", EG), EG2);
        Report r = check(s, EJ);
        assertThat(r.byRule("AI-CDA-MATCH")).extracting(f -> f.location().toString())
                .containsExactly("DocumentEntry[D1]", "CDA[D1]");
        ReportAssert.assertThat(check(clean(EG), EJ)).doesNotFire(Rules.AI_CDA_MATCH);
    }

    @Test
    void aiCdaMatchStillAppliesWhenTheLotMayDiffer() {
        AuthorInstitutionValidator v = AuthorInstitutionValidator.builder().directory(Fixtures.directory())
                .policy(AuthorInstitutionPolicy.builder().lotMayDiffer(true).build()).build();
        Fixtures.Submission s = new Fixtures.Submission().ss(xon("H", EG)).doc("D1", xon("H", EG), EG2);
        ReportAssert.assertThat(check(v, s, EJ, AT)).fires(Rules.AI_CDA_MATCH);
    }

    @Test
    void aiConsistentFiresWhenTheSetDiffersUnlessTheLotMayDiffer() {
        Fixtures.Submission s = new Fixtures.Submission().ss(xon("H", EG2)).doc("D1", xon("H", EG), EG)
                .doc("D2", xon("H", EG), EG);
        Report strict = check(s, EJ);
        // the most frequent value is the reference: only the deviating submission set is reported
        assertThat(ReportAssert.assertThat(strict).single(Rules.AI_CONSISTENT)).satisfies(f -> {
            assertThat(f.location().toString()).isEqualTo("SubmissionSet[SS]/author[ssa1]/authorInstitution");
            assertThat(f.message()).contains(EG2).contains(EG);
        });
        AuthorInstitutionValidator lot = AuthorInstitutionValidator.builder().directory(Fixtures.directory())
                .policy(AuthorInstitutionPolicy.builder().lotMayDiffer(true).build()).build();
        ReportAssert.assertThat(check(lot, s, EJ, AT)).hasNoFindings();
    }

    @Test
    void documentsMustAgreeWithEachOtherEvenWhenTheLotMayDiffer() {
        AuthorInstitutionValidator lot = AuthorInstitutionValidator.builder().directory(Fixtures.directory())
                .policy(AuthorInstitutionPolicy.builder().lotMayDiffer(true).build()).build();
        Fixtures.Submission s = new Fixtures.Submission().ss(xon("H", EG)).doc("D1", xon("H", EG), EG)
                .doc("D2", xon("H", EG2), EG2);
        assertThat(check(lot, s, EJ, AT).byRule("AI-CONSISTENT")).extracting(f -> f.location().toString())
                .containsExactly("DocumentEntry[D2]/author[a1_1]/authorInstitution",
                        "CDA[D2]/author[1]/assignedAuthor/representedOrganization/id");
    }

    @Test
    void inEjEgModeTheVihfStructureIsAnOccurrenceThatMustEqualTheOthers() {
        AuthorInstitutionValidator ejeg = AuthorInstitutionValidator.builder().directory(Fixtures.directory())
                .policy(AuthorInstitutionPolicy.builder().ejEgMode(true).build()).build();
        Report same = check(ejeg, clean(EG), EG, AT);
        ReportAssert.assertThat(same).hasNoFindings();
        assertThat(same.occurrences().get(0)).isEqualTo(new Occurrence(Occurrence.Place.VIHF, "", EG, EG));
        Report differs = check(ejeg, clean(EG), EG2, AT);
        ReportAssert.assertThat(differs).firesTimes(Rules.AI_CONSISTENT, 5);
        ReportAssert.assertThat(differs).doesNotFire(Rules.AI_SAME_EJ); // EG2 and EG are in the same EJ
        // default mode: the VIHF is only the reference of AI-SAME-EJ
        ReportAssert.assertThat(check(clean(EG), EG2)).hasNoFindings();
    }

    @Test
    void aiGeographicFiresForAnEjFromTheMandatoryDateAndWarnsBefore() {
        Report after = check(clean(EJ), EJ);
        ReportAssert.assertThat(after).firesTimes(Rules.AI_GEOGRAPHIC, 1).severity(Rules.AI_GEOGRAPHIC, Severity.ERROR);
        Report before = check(WITH_DIR, clean(EJ), EJ, Instant.parse("2023-12-31T22:59:59Z"));
        ReportAssert.assertThat(before)
                .firesTimes(Rules.AI_GEOGRAPHIC, 1).severity(Rules.AI_GEOGRAPHIC, Severity.WARNING);
        ReportAssert.assertThat(before).accepted();
        Report midnightParis = check(WITH_DIR, clean(EJ), EJ, Instant.parse("2023-12-31T23:00:00Z"));
        ReportAssert.assertThat(midnightParis)
                .firesTimes(Rules.AI_GEOGRAPHIC, 1).severity(Rules.AI_GEOGRAPHIC, Severity.ERROR);
        ReportAssert.assertThat(check(clean(EG), EJ)).doesNotFire(Rules.AI_GEOGRAPHIC);
    }

    @Test
    void aiGeographicFiresForAnUnknownFinessAndForANonFinessValueUnderAFinessVihf() {
        assertThat(ReportAssert.assertThat(check(clean("1330000001"), EJ)).single(Rules.AI_GEOGRAPHIC))
                .satisfies(f -> assertThat(f.message()).contains("inconnu"));
        assertThat(ReportAssert.assertThat(check(clean("326750045200003"), EJ)).single(Rules.AI_GEOGRAPHIC))
                .satisfies(f -> assertThat(f.message()).contains("n'est pas un FINESS"));
    }

    @Test
    void aiGeographicFiresForAClosedEg() {
        assertThat(ReportAssert.assertThat(check(clean("1750000366"), EJ)).single(Rules.AI_GEOGRAPHIC))
                .satisfies(f -> assertThat(f.message()).contains("fermé"));
    }

    @Test
    void aiGeographicDoesNotApplyToCabinetsAndCompanies() {
        ReportAssert.assertThat(check(clean("499900063480001"), "499900063480001")).hasNoFindings();
        ReportAssert.assertThat(check(clean("326750045200003"), "326750045200003")).hasNoFindings();
    }

    @Test
    void withoutDirectoryGeographicAndSameEjSayNotEvaluatedInsteadOfPassing() {
        AuthorInstitutionValidator noDir = AuthorInstitutionValidator.builder().build();
        Report r = check(noDir, clean(EG), EJ, AT);
        ReportAssert.assertThat(r).firesTimes(Rules.AI_GEOGRAPHIC, 1).severity(Rules.AI_GEOGRAPHIC, Severity.INFO);
        ReportAssert.assertThat(r).firesTimes(Rules.AI_SAME_EJ, 1).severity(Rules.AI_SAME_EJ, Severity.INFO);
        ReportAssert.assertThat(r).accepted();
        // strict equality needs no directory
        ReportAssert.assertThat(check(noDir, clean(EG), EG, AT)).doesNotFire(Rules.AI_SAME_EJ);
    }

    @Test
    void aiSameEjFiresForAnEgOfAnotherLegalEntityOrAnUnknownFiness() {
        Report other = check(clean(OTHER_EG), EJ);
        assertThat(ReportAssert.assertThat(other).single(Rules.AI_SAME_EJ)).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("920000650").contains("750712184");
        });
        ReportAssert.assertThat(check(clean("1330000001"), EJ))
                .firesTimes(Rules.AI_SAME_EJ, 1).severity(Rules.AI_SAME_EJ, Severity.ERROR);
        // VIHF given as an EG: its EJ is resolved too
        ReportAssert.assertThat(check(clean(EG2), EG)).doesNotFire(Rules.AI_SAME_EJ);
        ReportAssert.assertThat(check(clean(OTHER_EG), EG)).fires(Rules.AI_SAME_EJ);
    }

    @Test
    void aiSameEjComparesSirenForCompaniesAndEqualityForCabinets() {
        ReportAssert.assertThat(check(clean("326750045200011"), "326750045200003")).doesNotFire(Rules.AI_SAME_EJ);
        ReportAssert.assertThat(check(clean("2267500452"), "326750045200003")).doesNotFire(Rules.AI_SAME_EJ);
        ReportAssert.assertThat(check(clean("333048355700017"), "326750045200003")).fires(Rules.AI_SAME_EJ);
        ReportAssert.assertThat(check(clean("499900063480002"), "499900063480001")).fires(Rules.AI_SAME_EJ);
        ReportAssert.assertThat(check(clean("0123456789"), "0123456780")).fires(Rules.AI_SAME_EJ);
        // a FINESS VIHF whose EJ has this SIREN
        ReportAssert.assertThat(check(clean("326750045200003"), EJ)).doesNotFire(Rules.AI_SAME_EJ);
    }

    @Test
    void idKeyWarnsForAFailedCheckKeyWithoutRejecting() {
        Report r = check(AuthorInstitutionValidator.builder().build(), clean("10B0152872"), "10B0152872", AT);
        ReportAssert.assertThat(r).firesTimes(Rules.ID_KEY, 1).severity(Rules.ID_KEY, Severity.WARNING);
        ReportAssert.assertThat(r).accepted();
        ReportAssert.assertThat(check(clean(EG), EJ)).doesNotFire(Rules.ID_KEY);
    }

    @Test
    void aBareSubmitObjectsRequestHasNoCdaToCompare() {
        String xml = new Fixtures.Submission().ss(xon("H", EG)).doc("D1", xon("H", EG), EG).xml();
        String sor = xml.substring(xml.indexOf("<lcm:SubmitObjectsRequest>"), xml.indexOf("</lcm:SubmitObjectsRequest>"))
                .replace("<lcm:SubmitObjectsRequest>", "<lcm:SubmitObjectsRequest xmlns:lcm=\"urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0\" "
                        + "xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\">") + "</lcm:SubmitObjectsRequest>";
        Report r = WITH_DIR.validate(new ByteArrayInputStream(sor.getBytes(StandardCharsets.UTF_8)), Map.of(),
                StructureId.parse(EJ), AT).report();
        ReportAssert.assertThat(r).accepted();
        ReportAssert.assertThat(r).firesTimes(Rules.AI_CDA_MATCH, 1).severity(Rules.AI_CDA_MATCH, Severity.INFO);
        assertThat(r.occurrences()).hasSize(2);
    }

    @Test
    void withoutAReadableVihfStructureSameEjIsNotEvaluated() {
        Report r = check(clean(EG), null);
        ReportAssert.assertThat(r).firesTimes(Rules.AI_SAME_EJ, 1).severity(Rules.AI_SAME_EJ, Severity.INFO);
        ReportAssert.assertThat(r).doesNotFire(Rules.AI_GEOGRAPHIC);
    }
}
