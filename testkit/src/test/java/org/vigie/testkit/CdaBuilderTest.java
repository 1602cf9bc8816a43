package org.vigie.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.testkit.internal.Streams;
import org.vigie.testkit.internal.Xml;
import org.w3c.dom.Element;

class CdaBuilderTest {

    static final String HL7 = "urn:hl7-org:v3";

    @Test
    void defaultDocumentHasACiSisHeaderWithOneAuthorOrganisation() {
        Element doc = Xml.parse(CdaBuilder.ciSis().toXml()).getDocumentElement();
        assertThat(doc.getNamespaceURI()).isEqualTo(HL7);
        assertThat(Dom.children(doc, null).stream().map(Element::getLocalName).distinct().toList()).containsExactly(
                "realmCode", "typeId", "templateId", "id", "code", "title", "effectiveTime", "confidentialityCode",
                "languageCode", "setId", "versionNumber", "recordTarget", "author", "custodian", "legalAuthenticator",
                "documentationOf", "componentOf", "component");
        Element org = Dom.child(Dom.child(Dom.child(doc, "author"), "assignedAuthor"), "representedOrganization");
        Element id = Dom.child(org, "id");
        assertThat(id.getAttribute("root")).isEqualTo("1.2.250.1.71.4.2.2");
        assertThat(id.getAttribute("extension")).isEqualTo("10B0152872");
        assertThat(Dom.child(org, "name").getTextContent()).isEqualTo("CENTRE DE SANTE RPPS15287");
        assertThat(Dom.descendants(doc, HL7, "structuredBody")).hasSize(1);
    }

    @Test
    void authorsReplaceTheDefaultThenAccumulate() {
        Element doc = Xml.parse(CdaBuilder.ciSis().author("CH A", "1750100125").author("Clinique \"B\" & Co", "1750712184")
                .authorWithNullFlavorId("Cabinet C", "UNK").authorWithIdRoot("Labo D", "1.2.250.1.71.4.2.9", "X1")
                .authorWithoutOrganization().toXml()).getDocumentElement();
        List<Element> authors = Dom.children(doc, "author");
        assertThat(authors).hasSize(5);
        List<Element> orgs = Dom.descendants(doc, HL7, "representedOrganization");
        assertThat(orgs).hasSize(4);
        assertThat(Dom.child(orgs.get(0), "id").getAttribute("extension")).isEqualTo("1750100125");
        assertThat(Dom.child(orgs.get(1), "name").getTextContent()).isEqualTo("Clinique \"B\" & Co");
        assertThat(Dom.child(orgs.get(2), "id").getAttribute("nullFlavor")).isEqualTo("UNK");
        assertThat(Dom.child(orgs.get(2), "id").hasAttribute("root")).isFalse();
        assertThat(Dom.child(orgs.get(3), "id").getAttribute("root")).isEqualTo("1.2.250.1.71.4.2.9");
    }

    @Test
    void nonXmlBodyCarriesABase64PdfOfTheRequestedSize() {
        CdaBuilder cda = CdaBuilder.ciSis().nonXmlBodyPdf(10_000);
        byte[] bytes = cda.toBytes();
        assertThat(cda.length()).isEqualTo(bytes.length);
        Element doc = Xml.parse(new String(bytes, StandardCharsets.UTF_8)).getDocumentElement();
        Element text = Dom.descendants(doc, HL7, "text").get(0);
        assertThat(text.getAttribute("mediaType")).isEqualTo("application/pdf");
        assertThat(text.getAttribute("representation")).isEqualTo("B64");
        byte[] pdf = Base64.getDecoder().decode(text.getTextContent());
        assertThat(pdf).hasSize(10_000);
        assertThat(new String(pdf, 0, 8, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-1.4");
        assertThat(new String(pdf, pdf.length - 7, 7, StandardCharsets.ISO_8859_1)).isEqualTo("\n%%EOF\n");
        assertThat(Dom.descendants(doc, HL7, "templateId").stream().map(e -> e.getAttribute("root")))
                .contains("1.3.6.1.4.1.19376.1.2.20");
    }

    /** The surefire heap of this module is capped at 192 MiB (pom argLine): holding 500 MB would fail. */
    @Test
    void aFiveHundredMegabytePdfIsStreamedWithoutHoldingIt() {
        long size = 500L * 1000 * 1000;
        CdaBuilder cda = CdaBuilder.ciSis().nonXmlBodyPdf(size);
        Streams.Counting out = new Streams.Counting();
        cda.writeTo(out);
        assertThat(out.count()).isEqualTo(cda.length()).isGreaterThan(4 * (size / 3));
        assertThat(Runtime.getRuntime().maxMemory()).isLessThan(size);
    }

    @Test
    void writingTwiceGivesTheSameBytes() {
        CdaBuilder cda = CdaBuilder.ciSis().nonXmlBodyPdf(1000);
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        cda.writeTo(a);
        cda.writeTo(b);
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
    }
}
