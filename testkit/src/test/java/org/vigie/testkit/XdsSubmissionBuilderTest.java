package org.vigie.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.testkit.internal.Xml;
import org.w3c.dom.Element;

class XdsSubmissionBuilderTest {

    static final String RIM = XdsSubmissionBuilder.RIM;
    static final String XDS = XdsSubmissionBuilder.XDS;

    static Element registryPackage(Element root) {
        return Dom.descendants(root, RIM, "RegistryPackage").get(0);
    }

    static Element entry(Element root, String id) {
        for (Element e : Dom.descendants(root, RIM, "ExtrinsicObject")) {
            if (e.getAttribute("id").equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no ExtrinsicObject " + id);
    }

    static List<List<String>> institutions(Element owner, String scheme) {
        List<List<String>> out = new ArrayList<>();
        for (Element c : Dom.classifications(owner, scheme)) {
            out.add(Dom.slot(c, "authorInstitution"));
        }
        return out;
    }

    @Test
    void xonFollowsTheFrenchProfileAndEscapesDelimiters() {
        assertThat(XdsSubmissionBuilder.xon("Groupe Pitié Salpêtrière", "1750100125"))
                .isEqualTo("Groupe Pitié Salpêtrière^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750100125");
        assertThat(XdsSubmissionBuilder.xon("A&B^C", "1")).startsWith("A\\T\\B\\S\\C^^^^^&");
    }

    @Test
    void byDefaultEveryOccurrenceIsDerivedFromTheCdaHeaders() {
        String xml = XdsSubmissionBuilder.provideAndRegister()
                .document("doc1", CdaBuilder.ciSis().author("CH TEST", "1750100125"))
                .document("doc2", CdaBuilder.ciSis().author("CH TEST", "1750100125").author("CH TEST", "1750100125"))
                .toXml();
        Element root = Xml.parse(xml).getDocumentElement();
        String expected = "CH TEST^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750100125";
        assertThat(institutions(registryPackage(root), XdsSubmissionBuilder.SS_AUTHOR_SCHEME))
                .containsExactly(List.of(expected));
        assertThat(institutions(entry(root, "doc1"), XdsSubmissionBuilder.DOC_AUTHOR_SCHEME))
                .containsExactly(List.of(expected));
        assertThat(institutions(entry(root, "doc2"), XdsSubmissionBuilder.DOC_AUTHOR_SCHEME))
                .containsExactly(List.of(expected), List.of(expected));
        Element author = Dom.classifications(entry(root, "doc1"), XdsSubmissionBuilder.DOC_AUTHOR_SCHEME).get(0);
        assertThat(Dom.children(author, "Slot").stream().map(s -> s.getAttribute("name"))).containsExactly(
                "authorPerson", "authorRole", "authorSpecialty", "authorInstitution", "authorTelecommunication");
        assertThat(author.getAttribute("nodeRepresentation")).isEmpty();
        assertThat(Dom.descendants(root, RIM, "Association")).hasSize(2);
    }

    @Test
    void eachOccurrenceCanBeSetOnItsOwnWithZeroOneOrSeveralValues() {
        String other = XdsSubmissionBuilder.xon("GHT", "1750712184");
        String xml = XdsSubmissionBuilder.provideAndRegister()
                .document("doc1", CdaBuilder.ciSis().author("CH TEST", "1750100125").author("CH TEST", "1750100125"))
                .document("doc2", CdaBuilder.ciSis())
                .submissionSetAuthorInstitution(other)
                .documentAuthorInstitution("doc1", 1, other, XdsSubmissionBuilder.xon("CH TEST", "1750100125"))
                .documentAuthorInstitution("doc2")
                .toXml();
        Element root = Xml.parse(xml).getDocumentElement();
        assertThat(institutions(registryPackage(root), XdsSubmissionBuilder.SS_AUTHOR_SCHEME))
                .containsExactly(List.of(other));
        List<List<String>> doc1 = institutions(entry(root, "doc1"), XdsSubmissionBuilder.DOC_AUTHOR_SCHEME);
        assertThat(doc1.get(0)).containsExactly("CH TEST^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750100125");
        assertThat(doc1.get(1)).hasSize(2);
        assertThat(institutions(entry(root, "doc2"), XdsSubmissionBuilder.DOC_AUTHOR_SCHEME)).containsExactly(List.of());
    }

    @Test
    void nullFlavorOrganisationGivesANameOnlyXon() {
        Element root = Xml.parse(XdsSubmissionBuilder.provideAndRegister()
                .document("d", CdaBuilder.ciSis().authorWithNullFlavorId("Cabinet X", "UNK")).toXml()).getDocumentElement();
        assertThat(institutions(entry(root, "d"), XdsSubmissionBuilder.DOC_AUTHOR_SCHEME)).containsExactly(List.of("Cabinet X"));
    }

    @Test
    void inlineDocumentsDecodeToTheCdaBytes() {
        CdaBuilder cda = CdaBuilder.ciSis().nonXmlBodyPdf(5000);
        Element root = Xml.parse(XdsSubmissionBuilder.provideAndRegister().document("d1", cda).inline().toXml())
                .getDocumentElement();
        Element doc = Dom.descendants(root, XDS, "Document").get(0);
        assertThat(doc.getAttribute("id")).isEqualTo("d1");
        assertThat(Base64.getDecoder().decode(doc.getTextContent())).isEqualTo(cda.toBytes());
    }

    @Test
    void xopDocumentsAreIncludeReferences() {
        Element root = Xml.parse(XdsSubmissionBuilder.provideAndRegister().document("d1", CdaBuilder.ciSis()).xop()
                .toXml()).getDocumentElement();
        Element inc = Dom.descendants(root, "http://www.w3.org/2004/08/xop/include", "Include").get(0);
        assertThat(inc.getAttribute("href")).isEqualTo("cid:d1@vigie.test");
    }

    @Test
    void documentEntryCarriesTheCdaIdentifiersAndUtcCreationTime() {
        CdaBuilder cda = CdaBuilder.ciSis().documentId("1.2.3.4.5").effectiveTime("20260101120000+0100");
        Element root = Xml.parse(XdsSubmissionBuilder.provideAndRegister().document("d", cda).toXml()).getDocumentElement();
        Element e = entry(root, "d");
        assertThat(Dom.slot(e, "creationTime")).containsExactly("20260101110000");
        List<String> ids = Dom.children(e, "ExternalIdentifier").stream().map(x -> x.getAttribute("value")).toList();
        assertThat(ids).contains("1.2.3.4.5", "279035121518989^^^&1.2.250.1.213.1.4.10&ISO^NH");
    }
}
