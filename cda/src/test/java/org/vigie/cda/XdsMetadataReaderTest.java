package org.vigie.cda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

class XdsMetadataReaderTest {

    private final XdsMetadataReader reader = XdsMetadataReader.withDefaults();

    private XdsMetadata read(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            return reader.read(in);
        }
    }

    @Test
    void readsTheAnsRequestFromItsSoapEnvelope() throws IOException {
        XdsMetadata md = read(TestData.file("xds/ANS-DMP-exemple_TD2.1_Alimentation_requete.soap-part.xml"));
        assertThat(md.problems()).isEmpty();
        assertThat(md.provideAndRegister()).isTrue();
        assertThat(md.submissionSet()).isPresent();
        XdsMetadata.SubmissionSet ss = md.submissionSet().get();
        assertThat(ss.id()).isEqualTo("SubmissionSet01");
        assertThat(ss.authors()).hasSize(1);
        assertThat(ss.authors().get(0).classificationId()).isEqualTo("cla1");
        assertThat(ss.authors().get(0).institutions())
                .containsExactly("CABINET DR LIBRE^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^499900063480001");
        assertThat(ss.authors().get(0).slot("authorPerson"))
                .containsExactly("899900063480^MAX^LIBRE^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS");
        assertThat(ss.authors().get(0).slot("authorSpecialty")).hasSize(1);

        assertThat(md.entries()).extracting(XdsMetadata.DocumentEntry::id).containsExactly("DocumentME2", "Signature01");
        assertThat(md.entries()).extracting(XdsMetadata.DocumentEntry::uniqueId)
                .containsExactly("1.2.250.1.999.1.1.7898.3.1622814651504", "1.2.250.1.999.1.1.7898.4.1622814651504");
        assertThat(md.entry("DocumentME2").orElseThrow().authors()).singleElement()
                .satisfies(a -> assertThat(a.institutions()).hasSize(1));
        assertThat(md.documents()).extracting(XdsMetadata.DocumentContent::id).containsExactly("documentME2", "Signature01");
        assertThat(md.documents()).extracting(d -> d.xopHref().orElse(""))
                .containsExactly("cid:WS_DMP_TD2.1-DocumentME2.xml", "cid:WS_DMP_TD2.1-SignatureXades.xml");
    }

    @Test
    void findsTheSubmissionSetByAStandaloneClassificationNotByPosition() throws IOException {
        XdsMetadata md = read(TestData.file("xds/ipf_SubmitObjectsRequest_ebrs30.xml"));
        assertThat(md.problems()).isEmpty();
        assertThat(md.provideAndRegister()).isFalse();
        assertThat(md.submissionSet()).map(XdsMetadata.SubmissionSet::id).contains("SubmissionSet01");
        assertThat(md.submissionSet().get().authors().get(0).institutions()).containsExactly("Cleveland Clinic", "Berea Community");
        assertThat(md.entries()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("Document01");
            assertThat(e.authors().get(0).institutions()).containsExactly("Cleveland Clinic", "Parma Community");
        });
        assertThat(md.documents()).isEmpty();
    }

    @Test
    void decodesAnInlineDocumentWhileParsingAndReadsItsHeader() throws IOException {
        XdsMetadata md = read(TestData.file("xds/ipf_continua-hrn_ProvideAndRegisterDocumentSet.xml"));
        assertThat(md.problems()).isEmpty();
        assertThat(md.documents()).singleElement().satisfies(d -> {
            assertThat(d.inline()).isTrue();
            CdaHeader h = d.header().orElseThrow();
            assertThat(h.problems()).isEmpty();
            assertThat(h.clinicalDocument()).isTrue();
            assertThat(h.headerComplete()).isTrue();
            assertThat(h.authors()).singleElement().satisfies(a -> assertThat(a.hasRepresentedOrganization()).isFalse());
            assertThat(h.custodianOrganization()).map(CdaHeader.OrganizationId::root)
                    .contains("8a54f393-8015-460c-abd2-f29aad15481c");
        });
    }

    @Test
    void readsFromAPositionedStreamReaderUpToTheEndElement() throws Exception {
        Path f = TestData.file("xds/ANS-DMP-exemple_TD2.1_Alimentation_requete.soap-part.xml");
        try (InputStream in = Files.newInputStream(f)) {
            XMLInputFactory xf = XMLInputFactory.newDefaultFactory();
            xf.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader r = xf.createXMLStreamReader(in);
            while (!(r.getEventType() == XMLStreamConstants.START_ELEMENT
                    && "ProvideAndRegisterDocumentSetRequest".equals(r.getLocalName()))) {
                r.next();
            }
            XdsMetadata md = reader.read(r);
            assertThat(md.problems()).isEmpty();
            assertThat(md.entries()).hasSize(2);
            assertThat(r.getEventType()).isEqualTo(XMLStreamConstants.END_ELEMENT);
            assertThat(r.getLocalName()).isEqualTo("ProvideAndRegisterDocumentSetRequest");
        }
    }

    @Test
    void aReaderNotOnTheSubmissionIsAMisuse() throws Exception {
        XMLStreamReader r = XMLInputFactory.newDefaultFactory().createXMLStreamReader(
                new ByteArrayInputStream("<a/>".getBytes(StandardCharsets.UTF_8)));
        r.next();
        assertThatThrownBy(() -> reader.read(r)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMessageWithoutSubmissionIsAnAiXmlFinding() {
        XdsMetadata md = reader.read(new ByteArrayInputStream("<Envelope><Body/></Envelope>".getBytes(StandardCharsets.UTF_8)));
        assertThat(md.problems()).singleElement().satisfies(f -> assertThat(f.ruleId()).isEqualTo("AI-XML"));
    }
}
