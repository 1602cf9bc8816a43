package org.vigie.cda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.core.Rules;
import org.vigie.core.Severity;

/**
 * The one Content-ID matcher (RFC 2392: the cid: URL %-decoded, compared exactly with the Content-ID without angle
 * brackets; a bare reference is taken as the Content-ID, as CXF's {@code AttachmentUtil} does), and the Body-child
 * rule of the metadata reader. These assertions now run against the public delegate; the implementation and the same
 * assertions live in core ({@code org.vigie.core.internal.mime.ContentIdsTest}). CXF's own resolution of the same shapes is checked in dmp's {@code MimeAmbiguityThreatTest}.
 */
class ContentIdsTest {

    @ParameterizedTest(name = "href {0} names Content-ID {1}: {2}")
    @CsvSource({
        "cid:doc1@vigie, doc1@vigie, true",
        "CID:doc1@vigie, doc1@vigie, true",
        "cid:doc1%40vigie, doc1@vigie, true",
        "cid:doc%201%40vigie, doc 1@vigie, true",
        "cid:caf%C3%A9, café, true",
        "cid:DOC1@vigie, doc1@vigie, false",
        "cid:doc1@vigie, doc1@Vigie, false",
        "cid:doc1, doc2, false",
        "doc1@vigie, doc1@vigie, true",
        "doc1%40vigie, doc1@vigie, false",
        "cid:doc 1@vigie, doc 1@vigie, false",
        "cid:doc1%4, doc1%4, false",
        "cid:%FF, \u00ff, false",
        "http://evil/doc1, http://evil/doc1, false",
        "cid:, '', false"})
    void hrefsAreResolvedAsRfc2392Says(String href, String contentId, boolean expected) {
        assertThat(ContentIds.matches(href, contentId)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "cid:doc 1@vigie     | espace",
        "cid:doc1%zz         | échappement",
        "cid:doc1%4          | échappement",
        "cid:a<b>            | interdit",
        "cid:a\"b            | interdit",
        "cid:%C3%28          | UTF-8",
        "cid:                | aucun Content-ID",
        "https://host/doc    | hors du message"})
    void invalidHrefsSayWhy(String href, String why) {
        assertThat(ContentIds.problem(href)).hasValueSatisfying(m -> assertThat(m).contains(why));
        assertThat(ContentIds.ofHref(href)).isEmpty();
    }

    @Test
    void validHrefsHaveNoProblemAndHeadersLoseTheirBrackets() {
        assertThat(ContentIds.problem("cid:Doc01@vigie.test")).isEmpty();
        assertThat(ContentIds.problem("cid:a-b._~!$&'()*+,;=:@/?")).isEmpty();
        assertThat(ContentIds.ofHeader(" <doc1@vigie> ")).isEqualTo("doc1@vigie");
        assertThat(ContentIds.ofHeader("doc1@vigie")).isEqualTo("doc1@vigie");
        assertThat(ContentIds.key("<doc1@vigie>")).contains("doc1@vigie");
        assertThat(ContentIds.key("cid:doc1%40vigie")).contains("doc1@vigie");
        assertThat(ContentIds.key("cid:doc 1")).isEmpty();
    }

    static final String PNR = "<xdsb:ProvideAndRegisterDocumentSetRequest xmlns:xdsb='urn:ihe:iti:xds-b:2007'"
            + " xmlns:lcm='urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0' xmlns:rim='urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0'>"
            + "<lcm:SubmitObjectsRequest><rim:RegistryObjectList><rim:RegistryPackage id='%s'/></rim:RegistryObjectList>"
            + "</lcm:SubmitObjectsRequest></xdsb:ProvideAndRegisterDocumentSetRequest>";

    @ParameterizedTest(name = "SOAP {0}")
    @CsvSource({"http://www.w3.org/2003/05/soap-envelope", "http://schemas.xmlsoap.org/soap/envelope/"})
    void inAnEnvelopeOnlyTheBodysChildIsTheRequest(String soapNs) {
        String env = "<s:Envelope xmlns:s='" + soapNs + "'><s:Header><x:Cache xmlns:x='urn:x'>" + PNR.formatted("decoy")
                + "</x:Cache></s:Header><s:Body>" + PNR.formatted("real") + "</s:Body></s:Envelope>";
        XdsMetadata md = XdsMetadataReader.withDefaults().read(new ByteArrayInputStream(env.getBytes(StandardCharsets.UTF_8)));
        String bare = PNR.formatted("real");
        XdsMetadata plain = XdsMetadataReader.withDefaults().read(new ByteArrayInputStream(bare.getBytes(StandardCharsets.UTF_8)));
        // the decoy is reported (WARNING) and ignored: besides that, exactly what the bare Body request gives (the
        // fixture's unclassified package is an AI-XML of its own in both, a decoy's never)
        assertThat(md.problems()).filteredOn(f -> f.ruleId().equals(Rules.SOAP_STRUCTURE.id())).isNotEmpty()
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(md.problems()).filteredOn(f -> !f.ruleId().equals(Rules.SOAP_STRUCTURE.id()))
                .containsExactlyElementsOf(plain.problems());
        assertThat(md.problems()).noneMatch(f -> f.message().contains("decoy") || f.location().toString().contains("decoy"));
        String onlyDecoy = env.replace("<s:Body>" + PNR.formatted("real") + "</s:Body>", "<s:Body/>");
        XdsMetadata none = XdsMetadataReader.withDefaults().read(new ByteArrayInputStream(onlyDecoy.getBytes(StandardCharsets.UTF_8)));
        assertThat(none.problems()).anySatisfy(f -> assertThat(f.ruleId()).isEqualTo("AI-XML"));
    }
}
