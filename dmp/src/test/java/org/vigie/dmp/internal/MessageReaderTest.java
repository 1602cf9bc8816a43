package org.vigie.dmp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.xml.security.c14n.Canonicalizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.core.Report;
import org.vigie.dmp.RequestLimits;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class MessageReaderTest {

    static final String CAPTURE = "xds/ANS-DMP-exemple_TD2.1_Alimentation_requete.xml";
    static final String BOUNDARY = "----=_Part_9_20030738.1554380517598";

    @BeforeAll
    static void initSantuario() {
        org.apache.xml.security.Init.init();
    }

    /** Records what the reader hands over; collects XOP hrefs from the submission like the cda session does. */
    static final class Recorder implements RequestVisitor {
        SoapHeaderInfo header;
        int headerCalls;
        boolean submission;
        final Set<String> pending = new LinkedHashSet<>();
        final Map<String, byte[]> attachments = new LinkedHashMap<>();
        final int keepBytes;

        Recorder() {
            this(Integer.MAX_VALUE);
        }

        Recorder(int keepBytes) {
            this.keepBytes = keepBytes;
        }

        @Override
        public void header(SoapHeaderInfo h) {
            header = h;
            headerCalls++;
        }

        @Override
        public void submission(XMLStreamReader r) throws XMLStreamException {
            submission = true;
            int depth = 0;
            do {
                int ev = r.getEventType();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if ("Include".equals(r.getLocalName())) {
                        pending.add(r.getAttributeValue(null, "href"));
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    if (depth == 0) {
                        return;
                    }
                }
                r.next();
            } while (true);
        }

        @Override
        public Set<String> pendingAttachments() {
            return Set.copyOf(pending);
        }

        @Override
        public void attachment(String href, InputStream content) throws IOException {
            pending.remove(href);
            byte[] head = content.readNBytes(Math.min(keepBytes, 1 << 20));
            content.transferTo(OutputStreamNull.INSTANCE);
            attachments.put(href, head);
        }
    }

    static final class OutputStreamNull extends java.io.OutputStream {
        static final OutputStreamNull INSTANCE = new OutputStreamNull();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    static Path testdata(String rel) {
        String dir = System.getProperty("vigie.testdata");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir)),
                "données de test publiques absentes (propriété vigie.testdata): test ignoré");
        Path p = Path.of(dir, rel);
        assumeTrue(Files.isRegularFile(p), "fichier absent: " + p);
        return p;
    }

    final MessageReader reader = new MessageReader(RequestLimits.defaults());

    MessageReader.Outcome read(byte[] bytes, String ct, Recorder rec, Report.Builder findings) {
        return reader.read(new ByteArrayInputStream(bytes), ct, rec, findings);
    }

    @Test
    void readsTheOfficialAnsMtomCaptureAsIsWithTheBoundaryFromTheFirstLine() throws Exception {
        byte[] bytes = Files.readAllBytes(testdata(CAPTURE));
        Recorder rec = new Recorder();
        Report.Builder findings = Report.builder();
        MessageReader.Outcome o = read(bytes, null, rec, findings);

        assertThat(findings.build().findings()).isEmpty();
        assertThat(o.soapVersion()).contains("1.1");
        assertThat(o.action()).contains("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b");
        assertThat(o.parts()).isEqualTo(3);
        assertThat(rec.headerCalls).isEqualTo(1);
        assertThat(rec.header.assertions()).hasSize(1);
        assertThat(rec.submission).isTrue();
        assertThat(rec.attachments).containsOnlyKeys("cid:WS_DMP_TD2.1-DocumentME2.xml", "cid:WS_DMP_TD2.1-SignatureXades.xml");
        assertThat(new String(rec.attachments.get("cid:WS_DMP_TD2.1-DocumentME2.xml"), StandardCharsets.ISO_8859_1))
                .startsWith("<ClinicalDocument").contains("</ClinicalDocument>");
        assertThat(new String(rec.attachments.get("cid:WS_DMP_TD2.1-SignatureXades.xml"), StandardCharsets.ISO_8859_1))
                .startsWith("<Signature").endsWith("</Signature>");
        Element a = parse(rec.header.assertions().get(0));
        assertThat(a.getLocalName()).isEqualTo("Assertion");
        assertThat(a.getAttribute("ID")).isEqualTo("_ce088e5a-e31d-42d0-ba37-fda5fcbc889d");
    }

    @Test
    void capturedAssertionCanonicalisesLikeTheOriginalInsideTheEnvelope() throws Exception {
        byte[] bytes = Files.readAllBytes(testdata(CAPTURE));
        Recorder rec = new Recorder();
        read(bytes, null, rec, Report.builder());
        String text = new String(bytes, StandardCharsets.UTF_8);
        String envelope = text.substring(text.indexOf("<soap:Envelope"), text.indexOf("</soap:Envelope>") + 16);
        Element original = (Element) parse(envelope.getBytes(StandardCharsets.UTF_8))
                .getElementsByTagNameNS(MessageReader.SAML2, "Assertion").item(0);
        for (String prefixes : new String[] {null, "#default saml2 xsi", "soap xs"}) {
            assertThat(c14n(parse(rec.header.assertions().get(0)), prefixes)).isEqualTo(c14n(original, prefixes));
        }
    }

    @Test
    void captureKeepsInScopeDefaultNamespaceAndEscapedValuesExactly() throws Exception {
        String env = "<Envelope xmlns='" + MessageReader.SOAP12 + "' xmlns:x='urn:x' xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'>"
                + "<Header><wsse:Security xmlns:wsse='" + MessageReader.WSSE + "'>"
                + "<saml2:Assertion xmlns:saml2='" + MessageReader.SAML2 + "' ID='_1' a='l1&#10;l2&#9;t&#13;' b='&lt;&amp;&quot;'>"
                + "<saml2:Issuer>A&#13;B<!--c-->C &amp; &lt;D&gt;</saml2:Issuer><![CDATA[<raw>]]><?pi data?>"
                + "<saml2:Subject xmlns=''><NameID>n</NameID></saml2:Subject></saml2:Assertion>"
                + "</wsse:Security></Header><Body/></Envelope>";
        Recorder rec = new Recorder();
        Report.Builder findings = Report.builder();
        read(env.getBytes(StandardCharsets.UTF_8), "application/soap+xml", rec, findings);
        assertThat(findings.build().findings()).isEmpty();
        Element captured = parse(rec.header.assertions().get(0));
        Element original = (Element) parse(env.getBytes(StandardCharsets.UTF_8))
                .getElementsByTagNameNS(MessageReader.SAML2, "Assertion").item(0);
        assertThat(captured.getAttribute("a")).isEqualTo("l1\nl2\tt\r");
        assertThat(captured.getAttribute("b")).isEqualTo("<&\"");
        for (String prefixes : new String[] {null, "#default xsi", "x"}) {
            assertThat(c14n(captured, prefixes)).isEqualTo(c14n(original, prefixes));
        }
        assertThat(c14n(captured, "#default")).contains("xmlns=\"" + MessageReader.SOAP12 + "\"");
    }

    @Test
    void readsAPlainSoap12EnvelopeWithTheSubmissionInline() {
        String env = envelope(MessageReader.SOAP12, "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b",
                "<saml2:Assertion xmlns:saml2='" + MessageReader.SAML2 + "' ID='_a'/>",
                "<xdsb:ProvideAndRegisterDocumentSetRequest xmlns:xdsb='urn:ihe:iti:xds-b:2007'><xdsb:Document id='d'>PENEQS8+</xdsb:Document></xdsb:ProvideAndRegisterDocumentSetRequest>");
        Recorder rec = new Recorder();
        Report.Builder findings = Report.builder();
        MessageReader.Outcome o = read(env.getBytes(StandardCharsets.UTF_8), null, rec, findings);
        assertThat(findings.build().findings()).isEmpty();
        assertThat(o.soapVersion()).contains("1.2");
        assertThat(o.parts()).isZero();
        assertThat(rec.submission).isTrue();
        assertThat(rec.header.assertions()).hasSize(1);
    }

    @Test
    void nonFeedingTransactionGivesTheHeaderButNoSubmission() throws Exception {
        byte[] bytes = Files.readAllBytes(testdata("xds/ANS-DMP-exemple_TD3.1_Recherche_requete.xml"));
        Recorder rec = new Recorder();
        Report.Builder findings = Report.builder();
        MessageReader.Outcome o = read(bytes, "application/soap+xml", rec, findings);
        assertThat(findings.build().findings()).isEmpty();
        assertThat(o.action()).contains("urn:ihe:iti:2007:RegistryStoredQuery");
        assertThat(rec.submission).isFalse();
        assertThat(rec.header.assertions()).hasSize(1);
        assertThat(o.bodyElement()).hasValueSatisfying(b -> assertThat(b).endsWith("AdhocQueryRequest"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Content-Type given            | given",
        "HTTP headers, CRLF            | http",
        "HTTP headers, chunked body    | chunked",
        "HTTP headers, no boundary     | http-no-boundary"})
    void findsTheMtomLayoutWhicheverWayTheContentTypeArrives(String name, String mode) throws Exception {
        byte[] body = Files.readAllBytes(testdata(CAPTURE));
        String ct = "multipart/related; type=\"application/xop+xml\"; boundary=\"" + BOUNDARY
                + "\"; start=\"<rootpart@soapui.org>\"; start-info=\"application/soap+xml\"";
        byte[] bytes;
        String given = null;
        switch (mode) {
            case "given" -> {
                bytes = body;
                given = ct;
            }
            case "http" -> bytes = concat(("POST /dmp/registry HTTP/1.1\r\nHost: example\r\nContent-Type: " + ct
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body);
            case "chunked" -> bytes = concat(("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Type: " + ct
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), chunk(body, 1000));
            default -> bytes = concat("Content-Type: multipart/related; type=\"application/xop+xml\"\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII), body);
        }
        Recorder rec = new Recorder();
        Report.Builder findings = Report.builder();
        MessageReader.Outcome o = read(bytes, given, rec, findings);
        assertThat(findings.build().findings()).isEmpty();
        assertThat(o.parts()).isEqualTo(3);
        assertThat(rec.header.assertions()).hasSize(1);
        assertThat(rec.attachments).hasSize(2);
    }

    @ParameterizedTest(name = "href {0} matches Content-ID {1}: {2}")
    @CsvSource({
        "cid:doc1@vigie, doc1@vigie, true",
        "cid:doc%201%40vigie, doc 1@vigie, true",
        "cid:DOC1, doc1, false",
        "cid:doc1, doc2, false",
        "doc1, doc1, true"})
    void xopHrefsAreMatchedAsCidUrls(String href, String cid, boolean expected) {
        assertThat(MessageReader.hrefMatches(href, cid)).isEqualTo(expected);
    }

    @Test
    void attachmentContentIdWithOtherCaseIsNotTheAttachmentTheServiceReceives() {
        // issue 18 §2.1: CXF and RFC 2392 compare Content-IDs exactly; the former case-insensitive fallback read a
        // part the service never resolves. The part is not read, MIME-CID says why, the document stays missing.
        String root = envelope(MessageReader.SOAP12, "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b",
                "<saml2:Assertion xmlns:saml2='" + MessageReader.SAML2 + "' ID='_a'/>",
                "<x:ProvideAndRegisterDocumentSetRequest xmlns:x='urn:ihe:iti:xds-b:2007'><x:Document id='d'>"
                        + "<xop:Include xmlns:xop='http://www.w3.org/2004/08/xop/include' href='cid:Doc%401'/></x:Document>"
                        + "</x:ProvideAndRegisterDocumentSetRequest>");
        String mtom = "--B\r\nContent-Type: application/xop+xml; type=\"application/soap+xml\"\r\n\r\n" + root
                + "\r\n--B\r\nContent-ID: <doc@1>\r\nContent-Transfer-Encoding: base64\r\n\r\nPENEQS8+\r\n--B--\r\n";
        Recorder rec = new Recorder();
        Report.Builder findings = Report.builder();
        read(mtom.getBytes(StandardCharsets.UTF_8), "multipart/related; boundary=B", rec, findings);
        assertThat(findings.build().rulesFired()).containsExactly("MIME-CID");
        assertThat(rec.attachments).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Latin-1 declared in the XML declaration, ISO-8859-1, decl, ",
        "Latin-1 given by the MIME charset,       ISO-8859-1, none, application/soap+xml; charset=ISO-8859-1",
        "UTF-16 with a byte order mark,           UTF-16,     none, ",
        "UTF-8 with a byte order mark,            UTF-8-BOM,  none, "})
    void decodesTheEnvelopeInItsDeclaredEncoding(String name, String charset, String decl, String ct) {
        String env = envelope(MessageReader.SOAP12, "x",
                "<saml2:Assertion xmlns:saml2='" + MessageReader.SAML2 + "' ID='_a'><saml2:Issuer>Médecin Hôpital</saml2:Issuer></saml2:Assertion>", "");
        if (decl.equals("decl")) {
            env = "<?xml version='1.0' encoding='" + charset + "'?>" + env;
        }
        byte[] bytes = charset.equals("UTF-8-BOM")
                ? concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, env.getBytes(StandardCharsets.UTF_8))
                : env.getBytes(java.nio.charset.Charset.forName(charset));
        Recorder rec = new Recorder();
        Report.Builder findings = Report.builder();
        read(bytes, ct, rec, findings);
        assertThat(findings.build().findings()).isEmpty();
        assertThat(new String(rec.header.assertions().get(0), StandardCharsets.UTF_8)).contains("Médecin Hôpital");
    }

    @Test
    void malformedBytesAreAnAiXmlFindingAndNothingIsPrinted() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream orig = System.err;
        Report.Builder findings = Report.builder();
        try {
            System.setErr(new java.io.PrintStream(err, true));
            byte[] bad = envelope(MessageReader.SOAP12, "x", "", "").replace("<s:Body>", "<s:Body>\u00e9")
                    .getBytes(StandardCharsets.ISO_8859_1);
            read(bad, "application/soap+xml; charset=UTF-8", new Recorder(), findings);
        } finally {
            System.setErr(orig);
        }
        assertThat(findings.build().rulesFired()).containsExactly("AI-XML");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void mtomWithoutItsClosingDelimiterIsReportedAsTruncated() throws Exception {
        byte[] bytes = Files.readAllBytes(testdata(CAPTURE));
        String text = new String(bytes, StandardCharsets.UTF_8);
        byte[] cut = text.substring(0, text.lastIndexOf("</Signature>")).getBytes(StandardCharsets.UTF_8);
        Report.Builder findings = Report.builder();
        Recorder rec = new Recorder();
        read(cut, null, rec, findings);
        assertThat(findings.build().byRule("AI-XML")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("tronqué"));
        assertThat(rec.header.assertions()).hasSize(1);
    }

    @Test
    void twoAssertionsAreBothHandedOverSoThatTheTokenCheckCanRejectThem() {
        String a = "<saml2:Assertion xmlns:saml2='" + MessageReader.SAML2 + "' ID='_a'/>";
        Recorder rec = new Recorder();
        read(envelope(MessageReader.SOAP12, "x", a + a, "").getBytes(StandardCharsets.UTF_8), null, rec, Report.builder());
        assertThat(rec.header.assertions()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "garbage                | hello world",
        "empty                  | ''",
        "not an envelope        | <a:Envelope xmlns:a='urn:x'/>",
        "doctype                | <!DOCTYPE e [<!ENTITY x 'y'>]><e/>",
        "truncated xml          | <s:Envelope xmlns:s='http://www.w3.org/2003/05/soap-envelope'><s:Header>",
        "no part in multipart   | --nothing here",
        "external entity        | <!DOCTYPE e SYSTEM 'file:///etc/passwd'><e>&x;</e>"})
    void unreadableMessagesBecomeAiXmlFindingsAndAnAbsentToken(String name, String text) {
        Recorder rec = new Recorder();
        Report.Builder findings = Report.builder();
        read(text.getBytes(StandardCharsets.UTF_8), null, rec, findings);
        Report r = findings.build();
        assertThat(r.rulesFired()).containsExactly("AI-XML");
        assertThat(rec.headerCalls).isEqualTo(1);
        assertThat(rec.header.assertions()).isEmpty();
        assertThat(rec.header.vihfProblem()).isPresent();
        assertThat(rec.submission).isFalse();
    }

    @Test
    void oversizedTokenIsReportedAsAProblemNotCaptured() {
        String big = "<saml2:Assertion xmlns:saml2='" + MessageReader.SAML2 + "' ID='_a'>" + "x".repeat(5000) + "</saml2:Assertion>";
        MessageReader small = new MessageReader(RequestLimits.builder().maxVihfBytes(1000).build());
        Recorder rec = new Recorder();
        Report.Builder findings = Report.builder();
        small.read(new ByteArrayInputStream(envelope(MessageReader.SOAP12, "x", big, "").getBytes(StandardCharsets.UTF_8)),
                null, rec, findings);
        assertThat(rec.header.assertions()).isEmpty();
        assertThat(rec.header.vihfProblem()).hasValueSatisfying(p -> assertThat(p).contains("limite"));
    }

    @Test
    void oversizedSoapHeaderStopsTheReadingWithAnAiXmlFinding() {
        String filler = "<f:pad xmlns:f='urn:f'>" + "y".repeat(200_000) + "</f:pad>";
        MessageReader small = new MessageReader(RequestLimits.builder().maxSoapHeaderBytes(50_000).build());
        Recorder rec = new Recorder();
        Report.Builder findings = Report.builder();
        small.read(new ByteArrayInputStream(envelope(MessageReader.SOAP12, "x", "", "").replace("<s:Header>", "<s:Header>" + filler)
                .getBytes(StandardCharsets.UTF_8)), null, rec, findings);
        assertThat(findings.build().rulesFired()).containsExactly("AI-XML");
        assertThat(rec.header.vihfProblem()).isPresent();
    }

    @Test
    void missingSecurityHeaderIsSaidPlainly() {
        Recorder rec = new Recorder();
        Report.Builder findings = Report.builder();
        read(("<s:Envelope xmlns:s='" + MessageReader.SOAP12 + "'><s:Body/></s:Envelope>").getBytes(StandardCharsets.UTF_8),
                null, rec, findings);
        assertThat(findings.build().findings()).isEmpty();
        assertThat(rec.header.vihfProblem()).hasValueSatisfying(p -> assertThat(p).contains("en-tête SOAP"));
    }

    // ------------------------------------------------------------------ helpers

    static String envelope(String soapNs, String action, String securityContent, String body) {
        return "<s:Envelope xmlns:s='" + soapNs + "'><s:Header>"
                + "<wsa:Action xmlns:wsa='http://www.w3.org/2005/08/addressing'>" + action + "</wsa:Action>"
                + "<wsse:Security xmlns:wsse='" + MessageReader.WSSE + "'>" + securityContent + "</wsse:Security>"
                + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] chunk(byte[] body, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += size) {
            int n = Math.min(size, body.length - i);
            out.writeBytes((Integer.toHexString(n) + ";ext=1\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static Element parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        return d.getDocumentElement();
    }

    static String c14n(Element e, String inclusivePrefixes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(e, inclusivePrefixes, out);
        return out.toString(StandardCharsets.UTF_8);
    }

}
