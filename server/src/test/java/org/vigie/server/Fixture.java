package org.vigie.server;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.vigie.core.Establishment;
import org.vigie.core.Finess;
import org.vigie.core.InMemoryStructureDirectory;
import org.vigie.core.LegalEntity;
import org.vigie.core.LegalStatus;
import org.vigie.testkit.CdaBuilder;
import org.vigie.testkit.TestNumbers;
import org.vigie.testkit.DmpMessageBuilder;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.TestPki;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.XdsSubmissionBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Shared test data: the test-kit PKI, a small directory (one EJ with one EG, a clinic), request builders, a client. */
final class Fixture {

    static final TestPki PKI = TestPki.shared();
    static final String EJ = "750712184";
    static final String EG = "750100125";
    static final String OTHER_EJ = TestNumbers.finess("69000000");
    static final String OTHER_EG = TestNumbers.finess("69000001");
    static final String EJ_ID = "1" + EJ;
    static final String EG_ID = "1" + EG;
    static final String OTHER_EG_ID = "1" + OTHER_EG;
    static final OrgCredential AUTH = PKI.authentication(EJ_ID);
    static final OrgCredential SIGN = PKI.signature(EJ_ID);

    static final String RS = "urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0";
    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    static final String SUCCESS = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";
    static final String FAILURE = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure";
    static final String ERROR = "urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error";

    private Fixture() {
    }

    static InMemoryStructureDirectory directory() {
        InMemoryStructureDirectory.Builder b = InMemoryStructureDirectory.builder();
        b.add(new LegalEntity(Finess.parse(EJ), "CHU DE TEST", Optional.empty(), "13", LegalStatus.ofCode("13")));
        b.add(new Establishment(Finess.parse(EG), Finess.parse(EJ), "CHU DE TEST - SITE NORD", "101", "CHR", "",
                Optional.empty(), "75", Optional.empty(), true));
        b.add(new LegalEntity(Finess.parse(OTHER_EJ), "SAS CLINIQUE", Optional.empty(), "73", LegalStatus.ofCode("73")));
        b.add(new Establishment(Finess.parse(OTHER_EG), Finess.parse(OTHER_EJ), "CLINIQUE", "365", "ESP", "",
                Optional.empty(), "69", Optional.empty(), true));
        return b.build();
    }

    static VigieTestServer.Builder server() {
        return VigieTestServer.builder().pki(PKI).directory(directory()).accessLog(line -> { });
    }

    static VihfBuilder vihf(UnaryOperator<VihfBuilder> tweak) {
        return tweak.apply(VihfBuilder.indirect(SIGN).at(java.time.Instant.now().minusSeconds(30)).secteurActivite("SA01"));
    }

    /** A feeding of two documents whose authorInstitution is {@code institution} everywhere. */
    static DmpMessageBuilder feeding(VihfBuilder vihf, String institution, boolean xop) {
        XdsSubmissionBuilder sub = XdsSubmissionBuilder.provideAndRegister()
                .document("Doc01", CdaBuilder.ciSis().author("Site", institution))
                .document("Doc02", CdaBuilder.ciSis().author("Site", institution))
                .submissionSetAuthorInstitution(XdsSubmissionBuilder.xon("Site", institution))
                .documentAuthorInstitution("Doc01", XdsSubmissionBuilder.xon("Site", institution))
                .documentAuthorInstitution("Doc02", XdsSubmissionBuilder.xon("Site", institution));
        return DmpMessageBuilder.feeding(vihf, xop ? sub.xop() : sub.inline());
    }

    static DmpMessageBuilder compliant() {
        return feeding(vihf(b -> b), EG_ID, true);
    }

    static HttpClient client(SSLContext ctx) {
        return HttpClient.newBuilder().sslContext(ctx).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    static HttpRequest mtomPost(URI url, DmpMessageBuilder m) {
        return HttpRequest.newBuilder(url.resolve("si-dmp-server/v2/services")).header("Content-Type", m.contentType())
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(m.toMtomBytes())).build();
    }

    static HttpRequest post(URI url, String contentType, byte[] body) {
        return HttpRequest.newBuilder(url.resolve("si-dmp-server/v2/services")).header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    static HttpResponse<String> send(HttpClient c, HttpRequest r) throws Exception {
        return c.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The parsed answer. */
    record Answer(Document doc) {
        static Answer of(String xml) throws Exception {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new Answer(f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        }

        Optional<Element> first(String ns, String local) {
            NodeList nl = doc.getElementsByTagNameNS(ns, local);
            return nl.getLength() == 0 ? Optional.empty() : Optional.of((Element) nl.item(0));
        }

        String status() {
            Element root = (Element) doc.getDocumentElement().getElementsByTagNameNS(SOAP12, "Body").item(0);
            for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    return e.getAttribute("status");
                }
            }
            return "";
        }

        List<Element> errors() {
            NodeList nl = doc.getElementsByTagNameNS(RS, "RegistryError");
            List<Element> out = new ArrayList<>();
            for (int i = 0; i < nl.getLength(); i++) {
                out.add((Element) nl.item(i));
            }
            return out;
        }

        List<String> errorCodes() {
            return errors().stream().map(e -> e.getAttribute("errorCode")).toList();
        }

        String faultSubcode() {
            return first(SOAP12, "Subcode").map(e -> e.getTextContent().strip()).orElse("");
        }

        String faultCode() {
            return first(SOAP12, "Code").map(e -> ((Element) e.getElementsByTagNameNS(SOAP12, "Value").item(0))
                    .getTextContent().strip()).orElse("");
        }

        String faultReason() {
            return first(SOAP12, "Text").map(Element::getTextContent).orElse("");
        }
    }

    /** Waits until no access line has arrived for 200 ms (at most 30 s): earlier requests have all been logged. */
    static void awaitQuietAccessLog(java.util.List<String> log) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            int n = log.size();
            Thread.sleep(200);
            if (log.size() == n) {
                return;
            }
        }
    }

    /**
     * Waits (at most 30 s) until the access log holds {@code n} lines: the server writes a request's line once its
     * answer has gone out, so a client may hold the answer a moment before the line exists.
     */
    static void awaitAccessLines(java.util.List<String> log, int n) throws InterruptedException {
        for (int i = 0; i < 3000 && log.size() < n; i++) {
            Thread.sleep(10);
        }
    }
}
