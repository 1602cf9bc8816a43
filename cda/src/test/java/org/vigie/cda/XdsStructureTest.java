package org.vigie.cda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.cda.Fixtures.xon;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

/**
 * Threat: an XDS structure ebRIM / XDS refuses (so the DMP would refuse it or read it otherwise) that hides an
 * authorInstitution. Each is an {@code AI-XML} ERROR, and every document of the request is still checked. A
 * Classification must carry {@code classifiedObject} even when nested in its object: rim.xsd 3.0 declares the
 * attribute {@code use="required"} on ClassificationType (the nesting only tells where it was written).
 */
class XdsStructureTest {

    static final String EG = "1750100125";
    static final String EJ = "1750712184";
    static final String OTHER = "1920100013";
    static final Instant AT = Instant.parse("2025-06-01T10:00:00Z");
    static final AuthorInstitutionValidator VALIDATOR = AuthorInstitutionValidator.builder()
            .directory(Fixtures.directory()).build();

    static Report check(String xml) {
        return VALIDATOR.validate(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), Map.of(),
                StructureId.parse(EJ), AT).report();
    }

    static List<String> errors(Report r, String rule) {
        return r.byRule(rule).stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::message).toList();
    }

    static String valid() {
        return new Fixtures.Submission().ss(xon("H", EG)).doc("D1", xon("H", EG), EG).xml();
    }

    @Test
    void theValidBaseHasNoFinding() {
        ReportAssert.assertThat(check(valid())).hasNoFindings();
    }

    // ------------------------------------------------------------------------------------------------ documents

    @Test
    void aSecondDocumentWithTheSameIdIsRefusedAndItsHeaderIsChecked() {
        String evil = java.util.Base64.getEncoder().encodeToString(Fixtures.cda(OTHER).getBytes(StandardCharsets.UTF_8));
        Report r = check(valid().replace("</xds:ProvideAndRegisterDocumentSetRequest>",
                "<xds:Document id=\"D1\">" + evil + "</xds:Document></xds:ProvideAndRegisterDocumentSetRequest>"));
        assertThat(errors(r, "AI-XML")).singleElement().satisfies(m -> assertThat(m).contains("2 xds:Document"));
        // the second document is compared with the entry and with the VIHF's legal entity
        ReportAssert.assertThat(r).fires(Rules.AI_CDA_MATCH);
        assertThat(r.byRule("AI-SAME-EJ")).extracting(Finding::evidence).contains(OTHER);
        assertThat(r.occurrences()).filteredOn(o -> o.place() == Occurrence.Place.CDA_HEADER).hasSize(2);
    }

    @Test
    void aDocumentWithoutEntryIsAnErrorAndItsHeaderIsChecked() {
        String evil = java.util.Base64.getEncoder().encodeToString(Fixtures.cda(OTHER).getBytes(StandardCharsets.UTF_8));
        Report r = check(valid().replace("</xds:ProvideAndRegisterDocumentSetRequest>",
                "<xds:Document id=\"D9\">" + evil + "</xds:Document></xds:ProvideAndRegisterDocumentSetRequest>"));
        assertThat(ReportAssert.assertThat(r).single(Rules.AI_XML)).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location().toString()).isEqualTo("Document[D9]");
        });
        assertThat(r.byRule("AI-SAME-EJ")).extracting(Finding::evidence).containsExactly(OTHER);
        assertThat(r.occurrences()).extracting(Occurrence::document).contains("D9");
    }

    @Test
    void documentsWithoutAnyEntryAreEachReported() {
        Report r = check(valid().replaceAll("(?s)<rim:ExtrinsicObject .*?</rim:ExtrinsicObject>", ""));
        assertThat(errors(r, "AI-XML")).singleElement().satisfies(m -> assertThat(m).contains("sans fiche"));
        ReportAssert.assertThat(r).rejected();
    }

    // ------------------------------------------------------------------------------------------------ objects

    @Test
    void anUnclassifiedPackageCarryingAnAuthorIsRefused() {
        Report r = check(valid().replace("</rim:RegistryObjectList>", "<rim:RegistryPackage id=\"P2\">"
                + "<rim:Classification classificationScheme=\"" + XdsMetadata.SUBMISSION_SET_AUTHOR_SCHEME
                + "\" classifiedObject=\"P2\" id=\"x\"/></rim:RegistryPackage></rim:RegistryObjectList>"));
        assertThat(errors(r, "AI-XML")).hasSize(2).anySatisfy(m -> assertThat(m).contains("ni SubmissionSet ni Folder"))
                .anySatisfy(m -> assertThat(m).contains("n'est pas le lot de soumission"));
    }

    @Test
    void aFolderIsAnAcceptedPackage() {
        Report r = check(valid().replace("</rim:RegistryObjectList>", "<rim:RegistryPackage id=\"F1\">"
                + "<rim:Classification classificationNode=\"" + XdsMetadataReader.FOLDER_NODE
                + "\" classifiedObject=\"F1\" id=\"f\"/></rim:RegistryPackage></rim:RegistryObjectList>"));
        ReportAssert.assertThat(r).hasNoFindings();
    }

    @Test
    void aNestedClassificationWithoutClassifiedObjectIsAWarningAndReadForItsObject() {
        // rim.xsd 3.0 declares classifiedObject use="required", but the ANS's DMP examples TD3.3c/TD3.3d omit it on
        // a nested author and no reader can attach it elsewhere than to the enclosing object: a WARNING
        String xml = valid().replaceFirst("classifiedObject=\"D1\" id=\"a0_1\"", "id=\"a0_1\"");
        XdsMetadata md = XdsMetadataReader.withDefaults().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(md.problems()).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("classifiedObject");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
        assertThat(md.entries().get(0).authors()).hasSize(1);
        ReportAssert.assertThat(check(xml)).accepted();
    }

    @Test
    void aTopLevelClassificationWithoutClassifiedObjectIsRefused() {
        Report r = check(valid().replace("</rim:RegistryObjectList>", "<rim:Classification classificationScheme=\""
                + XdsMetadata.DOCUMENT_ENTRY_AUTHOR_SCHEME + "\" id=\"t\"/></rim:RegistryObjectList>"));
        assertThat(errors(r, "AI-XML")).anySatisfy(m -> assertThat(m).contains("ne classe rien"));
    }

    @Test
    void aNestedClassificationNamingAnotherObjectIsRefused() {
        Report r = check(valid().replaceFirst("classifiedObject=\"D1\" id=\"a0_1\"", "classifiedObject=\"SS\" id=\"a0_1\""));
        assertThat(errors(r, "AI-XML")).anySatisfy(m -> assertThat(m).contains("imbriquée dans ExtrinsicObject 'D1'"));
    }

    @Test
    void anEntryNestedInTheSubmissionSetIsReadAndRefused() {
        String nested = "<rim:ExtrinsicObject id=\"D9\"><rim:Classification classificationScheme=\""
                + XdsMetadata.DOCUMENT_ENTRY_AUTHOR_SCHEME + "\" classifiedObject=\"D9\" id=\"n\"><rim:Slot "
                + "name=\"authorInstitution\"><rim:ValueList><rim:Value>" + xon("X", OTHER)
                + "</rim:Value></rim:ValueList></rim:Slot></rim:Classification></rim:ExtrinsicObject>";
        Report r = check(valid().replaceFirst("</rim:RegistryPackage>", nested + "</rim:RegistryPackage>"));
        assertThat(errors(r, "AI-XML")).anySatisfy(m -> assertThat(m).contains("imbriqué"));
        assertThat(r.byRule("AI-SAME-EJ")).extracting(Finding::evidence).contains(OTHER);
    }

    @Test
    void twoObjectsWithOneIdAreRefused() {
        Report r = check(valid().replaceFirst("<rim:RegistryPackage id=\"SS\">",
                "<rim:ExtrinsicObject id=\"SS\"/><rim:RegistryPackage id=\"SS\">"));
        assertThat(errors(r, "AI-XML")).anySatisfy(m -> assertThat(m).contains("deux objets portent l'id 'SS'"));
    }

    @Test
    void anAuthorOfAnObjectThatDoesNotExistIsRefused() {
        Report r = check(valid().replaceFirst("classifiedObject=\"D1\" id=\"a0_1\"", "classifiedObject=\"D7\" id=\"a0_1\""));
        assertThat(errors(r, "AI-XML")).anySatisfy(m -> assertThat(m).contains("objet absent"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rim:ExtrinsicObject", "rim:Classification", "rim:Slot", "rim:Value"})
    void metadataElementsInAForeignNamespaceAreRefused(String element) {
        String local = element.substring(4);
        String xml = valid().replaceFirst("<" + element + "([ >])", "<f:" + local + " xmlns:f=\"urn:vigie:foreign\"$1")
                .replaceFirst("</" + element + ">", "</f:" + local + ">");
        assertThat(errors(check(xml), "AI-XML")).anySatisfy(m -> assertThat(m).contains("urn:vigie:foreign"));
    }

    @Test
    void twoSubmitObjectsRequestsAreRefused() {
        String xml = valid();
        String sor = xml.substring(xml.indexOf("<lcm:SubmitObjectsRequest>"),
                xml.indexOf("</lcm:SubmitObjectsRequest>") + "</lcm:SubmitObjectsRequest>".length());
        assertThat(errors(check(xml.replace(sor, sor + sor.replace("\"SS\"", "\"SS2\"").replace("\"D1\"", "\"D2\""))),
                "AI-XML")).anySatisfy(m -> assertThat(m).contains("plusieurs SubmitObjectsRequest"));
    }

    // ------------------------------------------------------------------------------------------------ real samples

    /** The public samples keep their verdicts: none of the new structure findings fires on them. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"xds/ANS-DMP-exemple_TD2.1_Alimentation_requete.soap-part.xml",
"xds/ipf_SubmitObjectsRequest_ebrs30.xml",
        "xds/ipf_continua-hrn_ProvideAndRegisterDocumentSet.xml", "xds/ANS-DMP-exemple_TD3.3c_Supprimer_requete.xml",
        "xds/ANS-DMP-exemple_TD3.3d_Archiver_requete.xml"})
    void theRealSamplesRaiseNoStructureFinding(String file) throws IOException {
        Path f = TestData.file(file);
        try (InputStream in = Files.newInputStream(f)) {
            XdsMetadata md = XdsMetadataReader.withDefaults().read(in);
            // the ANS update examples omit classifiedObject on a nested author: a WARNING, nothing refused
            assertThat(md.problems()).as(file).allSatisfy(p -> {
                assertThat(p.severity()).isEqualTo(Severity.WARNING);
                assertThat(p.message()).contains("classifiedObject");
            });
            assertThat(md.complete()).isTrue();
            md.documents().forEach(d -> d.header().ifPresent(h -> assertThat(h.problems()).as(file).isEmpty()));
        }
    }
}
