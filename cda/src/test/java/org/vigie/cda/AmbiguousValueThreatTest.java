package org.vigie.cda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigie.core.Finding;

/**
 * Threat: a value two reasonable readers read differently (Vigie one way, the DMP another). Each class that reads a
 * compared value says so instead of choosing silently; the legitimate forms stay accepted. Choice of rule: the
 * lexical form of a value (HL7 escapes, characters outside printable ASCII in an identifier) is {@code AI-FORMAT};
 * the XML structure around it (mixed content, an element or text where none belongs, a name that matches only
 * loosely) is {@code AI-XML}. End-to-end cases are in {@link HostileSubmissionThreatTest}.
 */
class AmbiguousValueThreatTest {

    static final String GOOD = "CH TEST^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750100125";

    // ------------------------------------------------------------------------------------------------ Xon

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "CH TEST^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^\\X31\\750100125",
        "CH TEST^^^^^&1.2.250.1.71.4.2.2&ISO^\\H\\IDNST\\N\\^^^1750100125",
        "CH TEST^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750100125\\E\\",
        "CH TEST^^^^^&1.2.250.1.71.4.2.2\\T\\ISO^IDNST^^^1750100125",
        "CH TEST^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750100125\u3000",
        "CH TEST^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^\u00a01750100125",
        "CH TEST^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^17501\u200b00125",
        "CH TEST^^^^^&1.2.250.1.71.4.2.2&ISO\u2003^IDNST^^^1750100125",
        "CH TEST^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750100125\t",
    })
    void xonRefusesEscapesAndNonAsciiInItsIdentifyingComponents(String value) {
        Xon.FrenchProfile fp = Xon.parse(value).frenchProfile();
        assertThat(fp.valid()).isFalse();
        assertThat(String.join(" ; ", fp.problems())).containsAnyOf("échappement", "caractère U+");
    }

    @Test
    void xonStillAcceptsEscapesAndAccentsInTheName() {
        assertThat(Xon.parse(GOOD).frenchProfile().valid()).isTrue();
        assertThat(Xon.parse("H\\T\\ôpital \\S\\ Pitié^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750100125").frenchProfile()
                .valid()).isTrue();
        assertThat(Xon.parse("SERVICE^^^^^&1.3.2&ISO^SIREN^^^130022296").frenchProfile().valid()).isTrue();
    }

    @Test
    void xonDecodingIsUnchangedForTheName() {
        // the decoded identifier is the same as before: what changes is that the profile refuses it
        Xon x = Xon.parse("CH^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^\\X31\\750100125");
        assertThat(x.organizationIdentifier()).isEqualTo("1750100125");
        assertThat(x.frenchProfile().valid()).isFalse();
        assertThat(Xon.visible("a\u3000b")).isEqualTo("a<U+3000>b");
    }

    // ------------------------------------------------------------------------------------------------ XdsMetadataReader

    static XdsMetadata read(String registryObjects) {
        String xml = "<lcm:SubmitObjectsRequest xmlns:lcm=\"urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0\" "
                + "xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\"><rim:RegistryObjectList>"
                + "<rim:RegistryPackage id=\"SS\"><rim:Classification classificationNode=\"" + XdsMetadata.SUBMISSION_SET_NODE
                + "\" classifiedObject=\"SS\" id=\"ssc\"/></rim:RegistryPackage>"
                + registryObjects + "</rim:RegistryObjectList></lcm:SubmitObjectsRequest>";
        return XdsMetadataReader.withDefaults().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static String entry(String scheme, String object, String slotName, String valueXml) {
        return "<rim:ExtrinsicObject id=\"D1\"/><rim:Classification classificationScheme=\"" + scheme
                + "\" classifiedObject=\"" + object + "\" id=\"a1\"><rim:Slot name=\"" + slotName + "\"><rim:ValueList>"
                + valueXml + "</rim:ValueList></rim:Slot></rim:Classification>";
    }

    static String entry(String valueXml) {
        return entry(XdsMetadata.DOCUMENT_ENTRY_AUTHOR_SCHEME, "D1", "authorInstitution", valueXml);
    }

    static List<String> messages(XdsMetadata md) {
        return md.problems().stream().map(Finding::message).toList();
    }

    @Test
    void theReaderAcceptsAPlainValue() {
        XdsMetadata md = read(entry("<rim:Value>" + GOOD.replace("&", "&amp;") + "</rim:Value>"));
        assertThat(md.problems()).isEmpty();
        assertThat(md.entries().get(0).authors().get(0).institutions()).containsExactly(GOOD);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "<rim:Value>A<b>B</b></rim:Value>", "<rim:Value><rim:Value>B</rim:Value>A</rim:Value>",
        "<rim:Value><b>A</b></rim:Value>"})
    void theReaderReportsMixedContentInAValue(String valueXml) {
        XdsMetadata md = read(entry(valueXml));
        assertThat(messages(md)).singleElement().satisfies(m -> assertThat(m).contains("contenu mixte"));
        assertThat(md.problems().get(0).location().toString()).isEqualTo("Classification[a1]");
        // one value is still read (the whole text), and still checked by control 2
        assertThat(md.entries().get(0).authors().get(0).institutions()).hasSize(1);
    }

    @Test
    void theReaderReportsTextOutsideTheValues() {
        assertThat(messages(read(entry("EVIL<rim:Value>A</rim:Value>"))))
                .singleElement().satisfies(m -> assertThat(m).contains("hors de tout rim:Value"));
        assertThat(read(entry("\n  <rim:Value>A</rim:Value>\n")).problems()).isEmpty();
    }

    @Test
    void theReaderReadsLooselyMatchingNamesAndSaysTheyAreAmbiguous() {
        String v = "<rim:Value>A</rim:Value>";
        XdsMetadata upper = read(entry(XdsMetadata.DOCUMENT_ENTRY_AUTHOR_SCHEME.toUpperCase(), "D1", "authorInstitution", v));
        assertThat(messages(upper)).singleElement().satisfies(m -> assertThat(m).contains("classificationScheme"));
        assertThat(upper.entries().get(0).authors()).hasSize(1); // read as an author: its value is checked
        XdsMetadata slot = read(entry(XdsMetadata.DOCUMENT_ENTRY_AUTHOR_SCHEME, "D1", "authorinstitution\u00a0", v));
        assertThat(messages(slot)).singleElement().satisfies(m -> assertThat(m).contains("slot"));
        assertThat(slot.entries().get(0).authors().get(0).institutions()).containsExactly("A");
        XdsMetadata object = read(entry(XdsMetadata.DOCUMENT_ENTRY_AUTHOR_SCHEME, "d1", "authorInstitution", v));
        assertThat(messages(object)).singleElement().satisfies(m -> assertThat(m).contains("classifiedObject"));
        assertThat(object.entries().get(0).authors()).hasSize(1);
        // another scheme that merely resembles nothing we read stays silent (the ipf sample has one with a space)
        assertThat(read(entry("urn:uuid:aa543740-bdda-424e-8c96- df4873be8500", "D1", "codingScheme", v)).problems())
                .isEmpty();
    }

    @Test
    void looseComparisonIgnoresCaseSpacesAndInvisibleCharactersOnly() {
        assertThat(XdsMetadataReader.match("URN:UUID:A\u200b", "urn:uuid:a")).isEqualTo(2);
        assertThat(XdsMetadataReader.match("urn:uuid:a", "urn:uuid:a")).isEqualTo(1);
        assertThat(XdsMetadataReader.match("urn:uuid:b", "urn:uuid:a")).isZero();
        assertThat(XdsMetadataReader.match(null, "urn:uuid:a")).isZero();
        assertThat(XdsMetadataReader.loose("\uff21 B\u3000")).isEqualTo("ab"); // fullwidth A (NFKC)
    }

    // ------------------------------------------------------------------------------------------------ CdaHeaderReader

    static CdaHeader header(String representedOrganization) {
        String xml = "<ClinicalDocument xmlns='urn:hl7-org:v3'><author><assignedAuthor><representedOrganization>"
                + representedOrganization + "</representedOrganization></assignedAuthor></author>"
                + "<component><structuredBody/></component></ClinicalDocument>";
        return CdaHeaderReader.withDefaults().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "CDA[x]");
    }

    @Test
    void theHeaderReaderReportsContentInsideAnOrganisationId() {
        assertThat(header("<id root='1.2.250.1.71.4.2.2' extension='1750100125'/>").problems()).isEmpty();
        assertThat(header("<id root='1.2.250.1.71.4.2.2' extension='1750100125'>1920100013</id>").problems())
                .singleElement().satisfies(f -> assertThat(f.message()).contains("texte dans representedOrganization/id"));
        assertThat(header("<id root='1.2.250.1.71.4.2.2'><extension>1920100013</extension></id>").problems())
                .singleElement().satisfies(f -> assertThat(f.message()).contains("élément <extension>"));
        assertThat(header("<id root='1.2.250.1.71.4.2.2' extension='1750100125'>\n  </id>").problems()).isEmpty();
    }

    @Test
    void theHeaderReaderReportsAnAuthorPathInAForeignNamespace() {
        String xml = "<ClinicalDocument xmlns='urn:hl7-org:v3' xmlns:x='urn:x'><x:author><assignedAuthor>"
                + "<representedOrganization><id root='1.2.250.1.71.4.2.2' extension='1920100013'/></representedOrganization>"
                + "</assignedAuthor></x:author><author><assignedAuthor><representedOrganization><x:id root='r'/>"
                + "</representedOrganization></assignedAuthor></author><component/></ClinicalDocument>";
        CdaHeader h = CdaHeaderReader.withDefaults().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(h.problems()).extracting(Finding::evidence).containsExactly("author", "id");
        assertThat(h.problems()).allSatisfy(f -> assertThat(f.ruleId()).isEqualTo("AI-XML"));
    }
}
