package org.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.testkit.Compression.gzip;
import static org.vigie.testkit.Compression.deflate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.testkit.CdaBuilder;
import org.vigie.testkit.DmpMessageBuilder;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.TestPki;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.XdsSubmissionBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code Content-Encoding} on the request body (gzip, deflate) and the SOAP version of the answers, through the JDK
 * HttpClient (exact bytes on the wire). The decoded size is bounded by {@code --max-body} while it streams: a
 * compression bomb gets HTTP 413 after reading no more than the limit. Fixed instants: PKI anchored at a fixed date,
 * server clock fixed.
 */
class ContentEncodingServeTest {

    static final Instant ANCHOR = Instant.parse("2025-03-03T00:00:00Z");
    static final Instant AT = ANCHOR.plusSeconds(10 * 3600);
    static final TestPki PKI = TestPki.create(TestPki.SHARED_SEED, ANCHOR);
    static final String ID = "10B0152872";
    static final OrgCredential AUTH = PKI.authentication(ID);
    static final OrgCredential SIGN = PKI.signature(ID);
    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    static final String SUCCESS = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";
    static final long MAX_BODY = 8L * 1024 * 1024;
    static final List<String> LOG = new CopyOnWriteArrayList<>();
    static VigieTestServer dmp;
    static HttpClient client;

    @BeforeAll
    static void start() {
        dmp = VigieTestServer.builder().pki(PKI).clock(Clock.fixed(AT, ZoneOffset.UTC)).accessLog(LOG::add)
                .limits(ServerLimits.builder().maxBodyBytes(MAX_BODY).build()).start();
        client = Fixture.client(dmp.clientSslContext(AUTH));
    }

    @AfterAll
    static void stop() {
        dmp.close();
    }

    static DmpMessageBuilder message(boolean soap11) {
        XdsSubmissionBuilder sub = XdsSubmissionBuilder.provideAndRegister()
                .document("Doc01", CdaBuilder.ciSis().author("CENTRE DE SANTE", ID))
                .document("Doc02", CdaBuilder.ciSis().author("CENTRE DE SANTE", ID).nonXmlBodyPdf(300_000))
                .submissionSetAuthorInstitution(XdsSubmissionBuilder.xon("CENTRE DE SANTE", ID))
                .documentAuthorInstitution("Doc01", XdsSubmissionBuilder.xon("CENTRE DE SANTE", ID))
                .documentAuthorInstitution("Doc02", XdsSubmissionBuilder.xon("CENTRE DE SANTE", ID));
        DmpMessageBuilder m = DmpMessageBuilder.feeding(
                VihfBuilder.indirect(SIGN).at(AT.minusSeconds(60)).secteurActivite("SA01"), sub.xop());
        return soap11 ? m.soap11Namespace() : m;
    }

    static HttpResponse<String> post(String contentType, String contentEncoding, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(dmp.url().resolve("si-dmp-server/v2/services"))
                .header("Content-Type", contentType).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentEncoding != null) {
            b.header("Content-Encoding", contentEncoding);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static Document xml(String s) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }

    static String status(Document d) {
        Element e = (Element) d.getElementsByTagNameNS("urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0", "RegistryResponse").item(0);
        return e == null ? "" : e.getAttribute("status");
    }

    /** The access line of the request sent when the log held {@code before} lines (written once the answer is out). */
    static String lineAfter(int before) throws InterruptedException {
        for (int i = 0; i < 3000 && LOG.size() <= before; i++) {
            Thread.sleep(10);
        }
        return LOG.get(before);
    }

    @Test
    void gzipBodyIsDecodedAndJudged() throws Exception {
        DmpMessageBuilder m = message(false);
        byte[] z = gzip(m.toMtomBytes());
        int before = LOG.size();
        HttpResponse<String> r = post(m.contentType(), "gzip", z);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(status(xml(r.body()))).isEqualTo(SUCCESS);
        assertThat(lineAfter(before)).contains("\"verdict\":\"accepted\"", "\"bytesIn\":" + z.length,
                "\"bytesDecoded\":" + m.toMtomBytes().length);
    }

    @Test
    void deflateBodyIsDecodedWhetherZlibOrRaw() throws Exception {
        DmpMessageBuilder m = message(false);
        for (boolean raw : new boolean[] {false, true}) {
            HttpResponse<String> r = post(m.contentType(), "deflate", deflate(m.toMtomBytes(), raw));
            assertThat(r.statusCode()).as("raw=" + raw + " " + r.body()).isEqualTo(200);
            assertThat(status(xml(r.body()))).isEqualTo(SUCCESS);
        }
    }

    @Test
    void gzipBombIsAnswered413AfterReadingNoMoreThanTheLimit() throws Exception {
        // 16 gzip members of 64 MiB of 'A' each: 1 GiB decoded (more than the test JVM's heap) in about 1 MiB
        DmpMessageBuilder m = message(false);
        String start = m.toPlainXml();
        byte[] head = start.substring(0, start.indexOf("<xds:Document") + 1).getBytes(StandardCharsets.UTF_8);
        byte[] filler = new byte[64 * 1024 * 1024];
        java.util.Arrays.fill(filler, (byte) 'A');
        byte[] member = gzip(filler);
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        bomb.writeBytes(gzip(head));
        for (int i = 0; i < 16; i++) {
            bomb.writeBytes(member);
        }
        byte[] body = bomb.toByteArray();
        assertThat(body.length).isLessThan(2 * 1024 * 1024);
        int before = LOG.size();
        HttpResponse<String> r = post(m.plainContentType(), "gzip", body);
        assertThat(r.statusCode()).isEqualTo(413);
        Document d = xml(r.body());
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo(SOAP12);
        assertThat(d.getElementsByTagNameNS(SOAP12, "Subcode").item(0).getTextContent().strip()).isEqualTo("vigie:RequestTooLarge");
        String line = lineAfter(before);
        assertThat(line).contains("\"status\":413", "\"verdict\":\"too-large\"");
        long bytesIn = Long.parseLong(line.replaceAll(".*\"bytesIn\":(\\d+).*", "$1"));
        long decoded = Long.parseLong(line.replaceAll(".*\"bytesDecoded\":(\\d+).*", "$1"));
        // the decoder's expansion ratio (100:1 past the first MiB) stopped it before the size limit: the other
        // ~1 GiB was never inflated
        assertThat(decoded).as(line).isGreaterThanOrEqualTo(1L << 20).isLessThanOrEqualTo(MAX_BODY);
        assertThat(bytesIn).as(line).isLessThanOrEqualTo(body.length);
    }

    @Test
    void aBodyOverTheLimitOnceDecodedIs413AtTheLimitWhateverItsRatio() throws Exception {
        // 8 MiB of base64 text (about 1.3:1 under gzip, far below the ratio bound): the size bound stops it
        DmpMessageBuilder m = message(false);
        String start = m.toPlainXml();
        byte[] head = start.substring(0, start.indexOf('>', start.indexOf("<xds:Document")) + 1).getBytes(StandardCharsets.UTF_8);
        byte[] random = new byte[6 * 1024 * 1024]; // 8 MiB once in base64
        new java.util.Random(42).nextBytes(random);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        plain.writeBytes(head);
        plain.writeBytes(java.util.Base64.getEncoder().encode(random));
        byte[] body = gzip(plain.toByteArray());
        assertThat(body.length).isLessThan((int) MAX_BODY); // under the limit as received, over it once decoded
        int before = LOG.size();
        HttpResponse<String> r = post(m.plainContentType(), "gzip", body);
        assertThat(r.statusCode()).isEqualTo(413);
        String line = lineAfter(before);
        long decoded = Long.parseLong(line.replaceAll(".*\"bytesDecoded\":(\\d+).*", "$1"));
        // the decoding stopped at the limit (plus at most one read buffer)
        assertThat(decoded).as(line).isGreaterThan(MAX_BODY).isLessThanOrEqualTo(MAX_BODY + 64 * 1024);
    }

    @Test
    void unsupportedCodingIs415WithAcceptEncoding() throws Exception {
        DmpMessageBuilder m = message(false);
        HttpResponse<String> r = post(m.contentType(), "br", m.toMtomBytes());
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(r.headers().firstValue("Accept-Encoding")).contains("gzip, deflate");
        assertThat(xml(r.body()).getElementsByTagNameNS(SOAP12, "Subcode").item(0).getTextContent())
                .contains("vigie:UnsupportedContentEncoding");
    }

    @Test
    void bodyThatIsNotGzipIs400Unreadable() throws Exception {
        DmpMessageBuilder m = message(false);
        HttpResponse<String> r = post(m.contentType(), "gzip", m.toMtomBytes());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(xml(r.body()).getElementsByTagNameNS(SOAP12, "Subcode").item(0).getTextContent())
                .contains("vigie:UnreadableRequest");
    }

    @Test
    void soap11EnvelopeIsAnsweredInSoap11EvenUnderASoap12ContentType() throws Exception {
        // the shape of the ANS capture: SOAP 1.1 envelope in an MTOM package labelled application/soap+xml
        DmpMessageBuilder m = message(true);
        HttpResponse<String> r = post(m.contentType(), null, m.toMtomBytes());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/xml"));
        Document d = xml(r.body());
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo(SOAP11);
        assertThat(status(d)).isEqualTo(SUCCESS);
        assertThat(r.body()).contains("errorCode=\"SOAP-VERSION\"");
    }

    @Test
    void soap11FaultHasTheSoap11Shape() throws Exception {
        // announced as SOAP 1.1 (text/xml) and refused before its envelope is read: a SOAP 1.1 fault
        HttpResponse<String> r = post("text/xml; charset=UTF-8", "compress", "<x/>".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/xml"));
        Document d = xml(r.body());
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo(SOAP11);
        Element fault = (Element) d.getElementsByTagNameNS(SOAP11, "Fault").item(0);
        assertThat(fault).isNotNull();
        assertThat(fault.getElementsByTagName("faultcode").item(0).getTextContent()).isEqualTo("soap:Client");
        assertThat(fault.getElementsByTagName("faultstring").item(0).getTextContent()).contains("« compress »");
        assertThat(fault.getElementsByTagNameNS("urn:vigie:serve", "Subcode").item(0).getTextContent())
                .isEqualTo("vigie:UnsupportedContentEncoding");
        assertThat(d.getElementsByTagNameNS(SOAP12, "Fault").getLength()).isZero();
    }

    @Test
    void unreadableSoap11RequestGetsASoap11FaultWithTheFindings() throws Exception {
        HttpResponse<String> r = post("text/xml; charset=UTF-8", null,
                "ceci n'est pas une enveloppe SOAP\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(400);
        Document d = xml(r.body());
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo(SOAP11);
        assertThat(d.getElementsByTagName("faultcode").item(0).getTextContent()).isEqualTo("soap:Client");
        assertThat(d.getElementsByTagNameNS("urn:vigie:serve", "Subcode").item(0).getTextContent())
                .isEqualTo("vigie:UnreadableRequest");
    }
}
