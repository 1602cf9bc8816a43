package org.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.server.Fixture.AUTH;
import static org.vigie.server.Fixture.EG_ID;
import static org.vigie.server.Fixture.OTHER_EG_ID;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigie.server.Fixture.Answer;
import org.vigie.testkit.DmpMessageBuilder;
import org.w3c.dom.Element;

/** The JDK HttpClient, presenting the test-kit client certificate over mutual TLS, posting test-kit requests. */
class JdkHttpClientTest {

    static final List<String> LOG = new CopyOnWriteArrayList<>();
    static VigieTestServer dmp;
    static HttpClient client;

    @BeforeAll
    static void start() {
        dmp = Fixture.server().accessLog(LOG::add).start();
        client = Fixture.client(dmp.clientSslContext(AUTH));
    }

    @AfterAll
    static void stop() {
        dmp.close();
    }

    @ParameterizedTest(name = "mtom={0}")
    @ValueSource(booleans = {true, false})
    void compliantFeedingIsAnsweredSuccess(boolean mtom) throws Exception {
        DmpMessageBuilder m = Fixture.feeding(Fixture.vihf(b -> b), EG_ID, mtom).messageId("urn:uuid:7c6d0f3a-mtom-" + mtom);
        HttpRequest req = mtom ? Fixture.mtomPost(dmp.url(), m)
                : Fixture.post(dmp.url(), m.plainContentType(), m.toPlainXml().getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = Fixture.send(client, req);
        Answer a = Answer.of(r.body());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/soap+xml"));
        assertThat(a.first(Fixture.RS, "RegistryResponse")).isPresent();
        assertThat(a.status()).as(r.body()).isEqualTo(Fixture.SUCCESS);
        assertThat(a.errors().stream().filter(e -> e.getAttribute("severity").equals(Fixture.ERROR))).isEmpty();
        assertThat(r.headers().firstValue("X-Vigie-Verdict")).hasValue("accepted");
        assertThat(a.first("http://www.w3.org/2005/08/addressing", "Action").map(Element::getTextContent))
                .hasValue("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-bResponse");
        assertThat(a.first("http://www.w3.org/2005/08/addressing", "RelatesTo").map(Element::getTextContent))
                .hasValue("urn:uuid:7c6d0f3a-mtom-" + mtom);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void bothTlsVersionsCarryTheClientCertificate(String protocol) throws Exception {
        javax.net.ssl.SSLParameters p = new javax.net.ssl.SSLParameters();
        p.setProtocols(new String[]{protocol});
        HttpClient c = HttpClient.newBuilder().sslContext(dmp.clientSslContext(AUTH)).sslParameters(p)
                .version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> r = Fixture.send(c, Fixture.mtomPost(dmp.url(), Fixture.compliant()));
        assertThat(r.sslSession()).hasValueSatisfying(s -> assertThat(s.getProtocol()).isEqualTo(protocol));
        assertThat(Answer.of(r.body()).status()).isEqualTo(Fixture.SUCCESS);
    }

    @Test
    void vihfStructureOtherThanTheCertificatesIsAnsweredFailureNamingVihfStructEq() throws Exception {
        DmpMessageBuilder m = Fixture.feeding(Fixture.vihf(b -> b.identifiantStructure(EG_ID)), EG_ID, true);
        HttpResponse<String> r = Fixture.send(client, Fixture.mtomPost(dmp.url(), m));
        Answer a = Answer.of(r.body());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(a.status()).isEqualTo(Fixture.FAILURE);
        Element e = a.errors().stream().filter(x -> x.getAttribute("errorCode").equals("VIHF-STRUCT-EQ")).findFirst().orElseThrow();
        assertThat(e.getAttribute("severity")).isEqualTo(Fixture.ERROR);
        assertThat(e.getAttribute("codeContext")).contains(EG_ID);
        assertThat(e.getAttribute("location")).isNotBlank();
        assertThat(a.first(Fixture.RS, "RegistryErrorList").orElseThrow().getAttribute("highestSeverity")).isEqualTo(Fixture.ERROR);
        assertThat(r.headers().firstValue("X-Vigie-Verdict")).hasValue("rejected");
        assertThat(r.headers().firstValue("X-Vigie-Rules")).hasValueSatisfying(v -> assertThat(v).contains("VIHF-STRUCT-EQ"));
    }

    @Test
    void markupInARequestValueStaysTextInTheAnswer() throws Exception {
        String hostile = "1750<x a=\"&amp;\"/>";
        DmpMessageBuilder m = Fixture.feeding(Fixture.vihf(b -> b.identifiantStructure(hostile)), EG_ID, true);
        HttpResponse<String> r = Fixture.send(client, Fixture.mtomPost(dmp.url(), m));
        Answer a = Answer.of(r.body()); // well-formed
        assertThat(a.status()).isEqualTo(Fixture.FAILURE);
        assertThat(a.doc().getElementsByTagName("x").getLength()).isZero();
        assertThat(a.errors()).anySatisfy(e -> assertThat(e.getAttribute("codeContext")).contains(hostile));
    }

    @Test
    void establishmentOfAnotherLegalEntityIsAnsweredFailureNamingAiSameEj() throws Exception {
        HttpResponse<String> r = Fixture.send(client, Fixture.mtomPost(dmp.url(),
                Fixture.feeding(Fixture.vihf(b -> b), OTHER_EG_ID, true)));
        Answer a = Answer.of(r.body());
        assertThat(a.status()).isEqualTo(Fixture.FAILURE);
        assertThat(a.errorCodes()).contains("AI-SAME-EJ").doesNotContain("VIHF-STRUCT-EQ");
    }

    @Test
    void unreadableRequestGetsASoap12SenderFault() throws Exception {
        HttpResponse<String> r = Fixture.send(client, Fixture.post(dmp.url(), "application/soap+xml; charset=UTF-8",
                "ceci n'est pas du XML".getBytes(StandardCharsets.UTF_8)));
        Answer a = Answer.of(r.body());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(a.faultCode()).isEqualTo("soap:Sender");
        assertThat(a.faultSubcode()).isEqualTo("vigie:UnreadableRequest");
        assertThat(a.faultReason()).startsWith("requête illisible");
        assertThat(r.headers().firstValue("X-Vigie-Verdict")).hasValue("unreadable");
    }

    @Test
    void consultationPassingControlOneGetsANotSimulatedFault() throws Exception {
        byte[] body = query(Fixture.vihf(b -> b).toSecurityHeaderXml());
        HttpResponse<String> r = Fixture.send(client, Fixture.post(dmp.url(), "application/soap+xml; charset=UTF-8", body));
        Answer a = Answer.of(r.body());
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(a.faultCode()).isEqualTo("soap:Receiver");
        assertThat(a.faultSubcode()).isEqualTo("vigie:NotSimulated");
        assertThat(a.faultReason()).contains("contrôle 1 conforme", "RegistryStoredQuery", "n'est pas simulée");
        assertThat(r.headers().firstValue("X-Vigie-Verdict")).hasValue("not-simulated");
    }

    @Test
    void consultationFailingControlOneGetsAFailureQueryResponse() throws Exception {
        byte[] body = query(Fixture.vihf(b -> b.identifiantStructure(EG_ID)).toSecurityHeaderXml());
        HttpResponse<String> r = Fixture.send(client, Fixture.post(dmp.url(), "application/soap+xml; charset=UTF-8", body));
        Answer a = Answer.of(r.body());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(a.first("urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0", "AdhocQueryResponse")).isPresent();
        assertThat(a.status()).isEqualTo(Fixture.FAILURE);
        assertThat(a.errorCodes()).contains("VIHF-STRUCT-EQ");
    }

    @Test
    void healthAnswersWithoutAClientCertificate() throws Exception {
        HttpClient anonymous = Fixture.client(dmp.clientSslContext(null));
        HttpResponse<String> r = anonymous.send(HttpRequest.newBuilder(dmp.server().healthUrl()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"UP\"", "\"clientAuth\":\"DIAGNOSE\"");
    }

    @Test
    void getOnTheServiceIsMethodNotAllowed() throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(dmp.url().resolve("si-dmp-server/v2/services")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void everyRequestWritesOneJsonAccessLineWithItsVerdictAndRules() throws Exception {
        Fixture.awaitQuietAccessLog(LOG); // the line of an earlier test's request may still be on its way
        LOG.clear();
        Fixture.send(client, Fixture.mtomPost(dmp.url(), Fixture.feeding(Fixture.vihf(b -> b.identifiantStructure(EG_ID)), EG_ID, true)));
        Fixture.send(client, Fixture.mtomPost(dmp.url(), Fixture.compliant()));
        Fixture.awaitAccessLines(LOG, 2);
        assertThat(LOG).hasSize(2);
        assertThat(LOG.get(0)).startsWith("{").endsWith("}").doesNotContain("\n")
                .contains("\"status\":200", "\"verdict\":\"rejected\"", "\"VIHF-STRUCT-EQ\"",
                        "\"action\":\"urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b\"", "OU=" + Fixture.EJ_ID);
        assertThat(LOG.get(1)).contains("\"verdict\":\"accepted\"", "\"method\":\"POST\"", "\"path\":\"/si-dmp-server/v2/services\"");
    }

    static byte[] query(String securityHeaderXml) {
        String sec = securityHeaderXml.replaceFirst("^<\\?xml[^>]*\\?>", "");
        String env = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:wsa=\"http://www.w3.org/2005/08/addressing\">"
                + "<soap:Header><wsa:MessageID>urn:uuid:6f0c3e1e-0b7a-4c36-9a41-5d1f00d0a001</wsa:MessageID>"
                + "<wsa:Action soap:mustUnderstand=\"true\">urn:ihe:iti:2007:RegistryStoredQuery</wsa:Action>" + sec
                + "</soap:Header><soap:Body><query:AdhocQueryRequest xmlns:query=\"urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0\""
                + " xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\"><query:ResponseOption returnType=\"LeafClass\"/>"
                + "<rim:AdhocQuery id=\"urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d\"/></query:AdhocQueryRequest>"
                + "</soap:Body></soap:Envelope>";
        return env.getBytes(StandardCharsets.UTF_8);
    }
}
