package org.vigie.cda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.vigie.core.Finding;
import org.vigie.core.Occurrence;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.StructureId;
import org.vigie.testkit.ReportAssert;

/**
 * Control 2 on the official ANS ITI-41 example (TD2.1): SOAP part, its CDA (DocumentME2) and its XAdES signature as
 * the two XOP attachments, VIHF Identifiant_Structure 499900063480001 (an RPPS-rang cabinet).
 */
class AnsExampleControl2Test {

    private static final StructureId VIHF = StructureId.parse("499900063480001");
    private static final Instant AT = Instant.parse("2025-06-01T10:00:00Z");

    private static Supplier<InputStream> open(Path p) {
        return () -> {
            try {
                return Files.newInputStream(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private Report check() throws IOException {
        Path soap = TestData.file("xds/ANS-DMP-exemple_TD2.1_Alimentation_requete.soap-part.xml");
        Map<String, Supplier<InputStream>> parts = Map.of(
                "cid:WS_DMP_TD2.1-DocumentME2.xml", open(TestData.file("xds/ANS-DMP-exemple_TD2.1-DocumentME2.xml")),
                "cid:WS_DMP_TD2.1-SignatureXades.xml", open(TestData.file("xds/ANS-DMP-exemple_TD2.1-SignatureXades.xml")));
        try (InputStream in = Files.newInputStream(soap)) {
            return AuthorInstitutionValidator.builder().build().validate(in, parts, VIHF, AT).report();
        }
    }

    @Test
    void listsTheOccurrencesAllEqualToTheVihfStructure() throws IOException {
        Report r = check();
        assertThat(r.occurrences()).extracting(Occurrence::place, Occurrence::document, Occurrence::structureId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Occurrence.Place.SUBMISSION_SET, "", "499900063480001"),
                        org.assertj.core.groups.Tuple.tuple(Occurrence.Place.DOCUMENT_ENTRY, "DocumentME2", "499900063480001"),
                        org.assertj.core.groups.Tuple.tuple(Occurrence.Place.DOCUMENT_ENTRY, "Signature01", "499900063480001"));
        assertThat(r.occurrences()).allSatisfy(o -> assertThat(o.value())
                .isEqualTo("CABINET DR LIBRE^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^499900063480001"));
        ReportAssert.assertThat(r).doesNotFire(Rules.AI_CONSISTENT);
        ReportAssert.assertThat(r).doesNotFire(Rules.AI_SAME_EJ);
        ReportAssert.assertThat(r).doesNotFire(Rules.AI_FORMAT);
        ReportAssert.assertThat(r).doesNotFire(Rules.AI_SINGLE);
        ReportAssert.assertThat(r).fires(Rules.AI_CDA_MATCH); // only the INFO for the XAdES signature
        assertThat(r.byRule("AI-CDA-MATCH")).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void anRppsRangCabinetIsNotSubjectToTheGeographicRule() throws IOException {
        ReportAssert.assertThat(check()).doesNotFire(Rules.AI_GEOGRAPHIC);
    }

    @Test
    void theOfficialCdaCarriesTheInstitutionOnlyInItsCustodianWhichIsReportedAsMissing() throws IOException {
        Report r = check();
        // the ANS example's CDA author has no representedOrganization (the cabinet sits in custodian only)
        assertThat(ReportAssert.assertThat(r).single(Rules.AI_PRESENT)).satisfies(f -> {
            assertThat(f.location().toString()).isEqualTo("CDA[DocumentME2]/author");
            assertThat(f.message()).contains("representedOrganization").contains("custodian")
                    .contains("499900063480001");
        });
    }

    @Test
    void theCaseMismatchBetweenEntryAndDocumentIdsIsAWarningNotALostDocument() throws IOException {
        Report r = check();
        assertThat(ReportAssert.assertThat(r).single(Rules.AI_XML)).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.evidence()).isEqualTo("documentME2");
        });
    }

    @Test
    void theAnsTestRppsPassesItsLuhnKeySoNoIdKeyWarning() throws IOException {
        // RPPS 99900063480 (rank 001) satisfies the Luhn key; ID-KEY both sides are in RuleMatrixTest
        ReportAssert.assertThat(check()).doesNotFire(Rules.ID_KEY);
        ReportAssert.assertThat(check()).rejected(); // only because of the CDA's missing representedOrganization
        assertThat(check().filter(f -> f.severity() == Severity.ERROR)).extracting(Finding::ruleId).containsOnly("AI-PRESENT");
    }

    @Test
    void aMissingXopPartIsAnAiXmlErrorAndTheRestIsStillChecked() throws IOException {
        Path soap = TestData.file("xds/ANS-DMP-exemple_TD2.1_Alimentation_requete.soap-part.xml");
        Report r;
        try (InputStream in = Files.newInputStream(soap)) {
            r = AuthorInstitutionValidator.builder().build().validate(in, Map.of(), VIHF, AT).report();
        }
        assertThat(r.byRule("AI-XML")).filteredOn(f -> f.severity() == Severity.ERROR).hasSize(2)
                .allSatisfy(f -> assertThat(f.message()).contains("absente"));
        assertThat(r.occurrences()).hasSize(3);
    }

    @Test
    void theSessionListsPendingAttachmentsAsWrittenAndAcceptsContentIds() throws IOException {
        Path soap = TestData.file("xds/ANS-DMP-exemple_TD2.1_Alimentation_requete.soap-part.xml");
        AuthorInstitutionValidator.Session s = AuthorInstitutionValidator.builder().build().start(VIHF, AT);
        try (InputStream in = Files.newInputStream(soap)) {
            s.readSubmission(in);
        }
        assertThat(s.pendingAttachments()).containsExactly("cid:WS_DMP_TD2.1-DocumentME2.xml",
                "cid:WS_DMP_TD2.1-SignatureXades.xml");
        try (InputStream in = Files.newInputStream(TestData.file("xds/ANS-DMP-exemple_TD2.1-DocumentME2.xml"))) {
            s.readDocument("<WS_DMP_TD2.1-DocumentME2.xml>", in);
        }
        assertThat(s.pendingAttachments()).containsExactly("cid:WS_DMP_TD2.1-SignatureXades.xml");
        Report r = s.finish().report();
        assertThat(r.byRule("AI-XML")).filteredOn(f -> f.severity() == Severity.ERROR).singleElement()
                .satisfies(f -> assertThat(f.evidence()).isEqualTo("cid:WS_DMP_TD2.1-SignatureXades.xml"));
    }
}
