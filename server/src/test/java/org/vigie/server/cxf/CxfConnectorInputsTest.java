package org.vigie.server.cxf;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.activation.DataHandler;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.SOAPBinding;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.headers.Header;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.common.gzip.GZIPFeature;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.cert.TlsPeer;
import org.vigie.saml.VihfValidation;
import org.vigie.saml.VihfInput;
import org.vigie.saml.VihfValidator;
import org.vigie.server.VigieTestServer;
import org.vigie.testkit.CdaBuilder;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.ReportAssert;
import org.vigie.testkit.TestPki;
import org.vigie.testkit.XdsSubmissionBuilder;
import org.w3c.dom.Element;

/**
 * What a CXF/WSS4J connector sends (issue 14): an Apache CXF 4.0 JAX-WS client with MTOM and WS-Addressing over mutual
 * TLS, the VIHF built and signed by WSS4J 3.0 / OpenSAML 4.0.1 ({@link Wss4jVihf}), the body compressed by CXF's
 * {@link GZIPFeature}, the SOAP 1.1 binding. Every verdict is evaluated at a fixed instant on a PKI anchored at a fixed
 * date: nothing here depends on today's date (the TLS handshake accepts any client chain in the default DIAGNOSE mode,
 * the validator judges the certificates at the server's fixed clock).
 */
class CxfConnectorInputsTest {

    static final Instant ANCHOR = Instant.parse("2025-03-03T00:00:00Z");
    static final Instant AT = ANCHOR.plusSeconds(10 * 3600);
    static final Instant ISSUED = AT.minusSeconds(60);
    static final TestPki PKI = TestPki.create(TestPki.SHARED_SEED, ANCHOR);
    static final String ID = "10B0152872"; // a health centre: its own identifier everywhere, no directory needed
    static final OrgCredential AUTH = PKI.authentication(ID);
    static final OrgCredential SIGN = PKI.signature(ID);
    static final List<String> LOG = new CopyOnWriteArrayList<>();
    static final String SUCCESS = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";
    static final String FAILURE = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure";
    static final String WARNING = "urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Warning";
    static final String ERROR = "urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error";
    static VigieTestServer dmp;

    @BeforeAll
    static void start() {
        java.util.logging.Logger.getLogger("org.apache.cxf").setLevel(java.util.logging.Level.WARNING);
        dmp = VigieTestServer.builder().pki(PKI).clock(Clock.fixed(AT, ZoneOffset.UTC)).accessLog(LOG::add).start();
    }

    @AfterAll
    static void stop() {
        dmp.close();
    }

    /** The HTTP headers of every answer the client received, for the assertions on Content-Type. */
    static final class AnswerHeaders extends AbstractPhaseInterceptor<Message> {
        final List<String> contentTypes = new CopyOnWriteArrayList<>();

        AnswerHeaders() {
            super(Phase.RECEIVE);
        }

        @Override
        public void handleMessage(Message message) {
            contentTypes.add(String.valueOf(message.get(Message.CONTENT_TYPE)));
        }
    }

    record Call(Iti41Port port, AnswerHeaders answers) {
    }

    static Call port(String binding, boolean gzip) {
        JaxWsProxyFactoryBean f = new JaxWsProxyFactoryBean();
        f.getFeatures().add(new WSAddressingFeature());
        if (gzip) {
            GZIPFeature z = new GZIPFeature();
            z.setForce(true); // compress the request itself, as the connector did (not only negotiate the answer)
            z.setThreshold(0);
            f.getFeatures().add(z);
        }
        f.setServiceClass(Iti41Port.class);
        f.setAddress(dmp.url().resolve("si-dmp-server/v2/services/DocumentRepository_Service").toString());
        f.setBindingId(binding);
        f.setProperties(new HashMap<>(Map.of("mtom-enabled", Boolean.TRUE)));
        Iti41Port port = (Iti41Port) f.create();
        Client client = ClientProxy.getClient(port);
        AnswerHeaders answers = new AnswerHeaders();
        client.getInInterceptors().add(answers);
        client.getInFaultInterceptors().add(answers);
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        TLSClientParameters tls = new TLSClientParameters();
        tls.setSslContext(dmp.clientSslContext(AUTH));
        conduit.setTlsClientParameters(tls);
        return new Call(port, answers);
    }

    static RegistryResponse send(Call call, Element vihf) throws Exception {
        Element security = vihf.getOwnerDocument().createElementNS(CxfJaxWsClientTest.WSSE_SECURITY.getNamespaceURI(),
                "wsse:Security");
        security.appendChild(vihf);
        ((BindingProvider) call.port).getRequestContext().put(Header.HEADER_LIST,
                new ArrayList<>(List.of(new Header(CxfJaxWsClientTest.WSSE_SECURITY, security))));
        return call.port.provideAndRegister(request());
    }

    static ProvideAndRegisterRequest request() throws Exception {
        XdsSubmissionBuilder sub = XdsSubmissionBuilder.provideAndRegister()
                .document("Doc01", CdaBuilder.ciSis().author("CENTRE DE SANTE", ID))
                .document("Doc02", CdaBuilder.ciSis().author("CENTRE DE SANTE", ID).nonXmlBodyPdf(200_000))
                .submissionSetAuthorInstitution(XdsSubmissionBuilder.xon("CENTRE DE SANTE", ID))
                .documentAuthorInstitution("Doc01", XdsSubmissionBuilder.xon("CENTRE DE SANTE", ID))
                .documentAuthorInstitution("Doc02", XdsSubmissionBuilder.xon("CENTRE DE SANTE", ID))
                .xop();
        Element whole = CxfJaxWsClientTest.parse(sub.toXml());
        ProvideAndRegisterRequest req = new ProvideAndRegisterRequest();
        for (org.w3c.dom.Node n = whole.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals("SubmitObjectsRequest")) {
                req.submitObjectsRequest = e;
            }
        }
        for (String id : sub.documentIds()) {
            ProvideAndRegisterRequest.Document d = new ProvideAndRegisterRequest.Document();
            d.id = id;
            d.value = new DataHandler(new CxfJaxWsClientTest.Bytes(sub.cda(id).toBytes()));
            req.documents.add(d);
        }
        return req;
    }

    static Element vihf(Consumer<Wss4jVihf.Shape> tweak) throws Exception {
        return Wss4jVihf.build(SIGN, ISSUED, tweak);
    }

    static List<RegistryResponse.Error> errors(RegistryResponse r) {
        return r.errorList == null ? List.of() : r.errorList.errors;
    }

    /**
     * The entries beyond the baseline of every request here: the ID-KEY warnings of the test FINESS (its letter fails the
     * check key, as ANS test numbers do) and the INFO "not evaluated" notes (no directory configured).
     */
    static List<RegistryResponse.Error> notable(RegistryResponse r) {
        return errors(r).stream().filter(e -> !e.errorCode.equals("ID-KEY") && !e.codeContext.startsWith("(information)"))
                .toList();
    }

    static String lastAccessLine() throws InterruptedException {
        for (int i = 0; i < 3000 && LOG.isEmpty(); i++) { // the line is written once the answer has gone out
            Thread.sleep(10);
        }
        return LOG.get(LOG.size() - 1);
    }

    // --- the WSS4J/OpenSAML token ---

    @Test
    void wss4jSignedVihfIsAcceptedByTheVihfValidator() throws Exception {
        Element token = vihf(s -> { });
        String xml = org.apache.wss4j.common.util.DOM2Writer.nodeToString(token);
        assertThat(xml).contains("xml-exc-c14n#", "rsa-sha256", "X509Certificate");
        VihfValidation r = VihfValidator.builder().trust(PKI.trust()).crls(PKI.crls()).build()
                .validate(new TlsPeer(AUTH.certificate(), AUTH.chain()), VihfInput.of(xml.getBytes(StandardCharsets.UTF_8)), AT);
        assertThat(r.accepted()).as(xml + "\n" + r.report()).isTrue();
        assertThat(r.report().findings()).as(r.report().toString())
                .allMatch(f -> f.severity() == Severity.INFO || f.ruleId().equals("ID-KEY"));
        assertThat(r.token().orElseThrow().signatureValid()).isTrue();
        assertThat(r.structureId()).map(Object::toString).contains(ID);
    }

    @Test
    void wss4jSignedVihfAlteredAfterSigningIsRejected() throws Exception {
        String xml = org.apache.wss4j.common.util.DOM2Writer.nodeToString(vihf(s -> { })).replace("Jeanne MARTIN", "Jean MARTIN");
        VihfValidation r = VihfValidator.builder().trust(PKI.trust()).crls(PKI.crls()).build()
                .validate(new TlsPeer(AUTH.certificate(), AUTH.chain()), VihfInput.of(xml.getBytes(StandardCharsets.UTF_8)), AT);
        ReportAssert.assertThat(r.report()).fires(Rules.VIHF_SIGNATURE);
    }

    @Test
    void wholeChainAcceptsTheWss4jVihfFromACxfSoap12MtomClient() throws Exception {
        LOG.clear();
        Call call = port(SOAPBinding.SOAP12HTTP_MTOM_BINDING, false);
        RegistryResponse r = send(call, vihf(s -> { }));
        assertThat(r.status).isEqualTo(SUCCESS);
        assertThat(notable(r)).isEmpty();
        assertThat(call.answers.contentTypes).singleElement().asString().startsWith("application/soap+xml");
        assertThat(lastAccessLine()).contains("\"verdict\":\"accepted\"", "\"attachments\":2");
    }

    @Test
    void structureOfAnotherCertificateInTheWss4jVihfIsRefusedThroughTheChain() throws Exception {
        Call call = port(SOAPBinding.SOAP12HTTP_MTOM_BINDING, false);
        RegistryResponse r = send(call, vihf(s -> s.identifiantStructure = "10B0999992"));
        assertThat(r.status).isEqualTo(FAILURE);
        assertThat(r.errorCodes()).contains("VIHF-STRUCT-EQ");
    }

    // --- the connector's own path: CXF's WSS4JOutInterceptor puts the WSS4J token in wsse:Security ---

    @Test
    void wss4jOutInterceptorPutsTheSignedVihfInTheSecurityHeaderAndTheChainAcceptsIt() throws Exception {
        LOG.clear();
        Element token = vihf(s -> { });
        Call call = port(SOAPBinding.SOAP12HTTP_MTOM_BINDING, true); // no HEADER_LIST: the interceptor alone adds the token
        Map<String, Object> props = new HashMap<>();
        props.put(org.apache.wss4j.common.ConfigurationConstants.ACTION, org.apache.wss4j.common.ConfigurationConstants.SAML_TOKEN_UNSIGNED);
        javax.security.auth.callback.CallbackHandler handler = callbacks -> {
            for (javax.security.auth.callback.Callback c : callbacks) {
                if (c instanceof org.apache.wss4j.common.saml.SAMLCallback saml) {
                    saml.setAssertionElement(token); // issued and signed beforehand, as an LPS caches its VIHF
                }
            }
        };
        props.put(org.apache.wss4j.common.ConfigurationConstants.SAML_CALLBACK_REF, handler);
        ClientProxy.getClient(call.port).getOutInterceptors().add(new org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor(props));
        RegistryResponse r = call.port.provideAndRegister(request());
        assertThat(r.status).as(String.valueOf(r.errorCodes())).isEqualTo(SUCCESS);
        assertThat(notable(r)).isEmpty();
        // SAAJ processing by WSS4J kept the MTOM attachments, and the body went gzipped
        assertThat(lastAccessLine()).contains("\"verdict\":\"accepted\"", "\"attachments\":2");
    }

    // --- item 1: Content-Encoding gzip from CXF's GZIPFeature ---

    @Test
    void gzipCompressedRequestFromCxfGzipFeatureIsDecodedAndAccepted() throws Exception {
        LOG.clear();
        Call call = port(SOAPBinding.SOAP12HTTP_MTOM_BINDING, true);
        RegistryResponse r = send(call, vihf(s -> { }));
        assertThat(r.status).as(String.valueOf(r.errorCodes())).isEqualTo(SUCCESS);
        assertThat(notable(r)).isEmpty();
        String line = lastAccessLine();
        assertThat(line).contains("\"verdict\":\"accepted\"", "\"attachments\":2");
        // the wire carried the compressed body: the 200 kB PDF of zeros is far smaller once gzipped
        long bytesIn = Long.parseLong(line.replaceAll(".*\"bytesIn\":(\\d+).*", "$1"));
        assertThat(bytesIn).isPositive().isLessThan(100_000);
    }

    @Test
    void gzipCompressedRequestWithAForeignStructureIsStillJudged() throws Exception {
        Call call = port(SOAPBinding.SOAP12HTTP_MTOM_BINDING, true);
        RegistryResponse r = send(call, vihf(s -> s.identifiantStructure = "10B0999992"));
        assertThat(r.status).isEqualTo(FAILURE);
        assertThat(r.errorCodes()).contains("VIHF-STRUCT-EQ");
    }

    // --- item 2: SOAP 1.1 answered in SOAP 1.1 ---

    @Test
    void soap11CxfClientGetsASoap11AnswerItCanReadWithTheSoapVersionWarning() throws Exception {
        LOG.clear();
        Call call = port(SOAPBinding.SOAP11HTTP_MTOM_BINDING, false);
        RegistryResponse r = send(call, vihf(s -> { }));
        assertThat(r.status).isEqualTo(SUCCESS);
        assertThat(call.answers.contentTypes).singleElement().asString().startsWith("text/xml");
        RegistryResponse.Error e = notable(r).stream().filter(x -> x.errorCode.equals("SOAP-VERSION")).findFirst().orElseThrow();
        assertThat(e.severity).isEqualTo(WARNING);
        assertThat(e.codeContext).contains("SOAP 1.2");
        assertThat(notable(r)).extracting(x -> x.errorCode).containsExactly("SOAP-VERSION");
        assertThat(lastAccessLine()).contains("\"verdict\":\"accepted\"", "SOAP-VERSION");
    }

    @Test
    void soap11CxfClientWithGzipGetsItsFailureInSoap11() throws Exception {
        Call call = port(SOAPBinding.SOAP11HTTP_MTOM_BINDING, true);
        RegistryResponse r = send(call, vihf(s -> s.identifiantStructure = "10B0999992"));
        assertThat(r.status).isEqualTo(FAILURE);
        assertThat(call.answers.contentTypes).singleElement().asString().startsWith("text/xml");
        assertThat(errors(r)).filteredOn(x -> x.errorCode.equals("VIHF-STRUCT-EQ")).singleElement()
                .satisfies(x -> assertThat(x.severity).isEqualTo(ERROR));
        assertThat(r.errorCodes()).contains("SOAP-VERSION");
    }

    @Test
    void soap11CxfClientReadsTheSoap11FaultOfABodyThatInflatesBeyondTheLimit() throws Exception {
        // gzip on the wire stays under the limit, the decoded body does not: HTTP 413 with a SOAP 1.1 fault. CXF turns
        // a 4xx into an HTTPException unless told to read its body (no_io_exceptions); then its SOAP 1.1 fault reader
        // parses ours into a SOAPFaultException
        try (VigieTestServer small = VigieTestServer.builder().pki(PKI).clock(Clock.fixed(AT, ZoneOffset.UTC))
                .limits(org.vigie.server.ServerLimits.builder().maxBodyBytes(150_000).build()).start()) {
            VigieTestServer saved = dmp;
            dmp = small;
            try {
                Call call = port(SOAPBinding.SOAP11HTTP_MTOM_BINDING, true);
                ((BindingProvider) call.port).getRequestContext().put("org.apache.cxf.transport.no_io_exceptions", Boolean.TRUE);
                jakarta.xml.ws.soap.SOAPFaultException fault = org.assertj.core.api.Assertions.catchThrowableOfType(
                        () -> send(call, vihf(s -> { })), jakarta.xml.ws.soap.SOAPFaultException.class);
                assertThat(fault).isNotNull();
                assertThat(fault.getFault().getFaultCodeAsQName())
                        .isEqualTo(new javax.xml.namespace.QName("http://schemas.xmlsoap.org/soap/envelope/", "Client"));
                assertThat(fault.getFault().getFaultString()).contains("trop volumineux", "150000");
                assertThat(fault.getFault().getDetail().getTextContent()).contains("vigie:RequestTooLarge");
                assertThat(call.answers.contentTypes).last().asString().startsWith("text/xml");
            } finally {
                dmp = saved;
            }
        }
    }

    // --- items 3 and 4 through the whole chain, on WSS4J-built tokens ---

    @Test
    void audienceRestrictionFromWss4jIsAWarningThroughTheChain() throws Exception {
        Call call = port(SOAPBinding.SOAP12HTTP_MTOM_BINDING, false);
        RegistryResponse r = send(call, vihf(s -> s.audiences = List.of("https://lps.dmp.gouv.fr/si-dmp-server")));
        assertThat(r.status).isEqualTo(SUCCESS);
        assertThat(notable(r)).singleElement().satisfies(e -> {
            assertThat(e.errorCode).isEqualTo("VIHF-CONDITIONS");
            assertThat(e.severity).isEqualTo(WARNING);
            assertThat(e.location).isEqualTo("VIHF/Conditions/AudienceRestriction");
        });
    }

    @Test
    void rolesSplitOverTwoAttributesByWss4jAreAWarningThroughTheChain() throws Exception {
        Call call = port(SOAPBinding.SOAP12HTTP_MTOM_BINDING, false);
        RegistryResponse r = send(call, vihf(s -> s.splitRoles = true));
        assertThat(r.status).isEqualTo(SUCCESS);
        assertThat(notable(r)).singleElement().satisfies(e -> {
            assertThat(e.errorCode).isEqualTo("VIHF-ATTRIBUTE");
            assertThat(e.severity).isEqualTo(WARNING);
            assertThat(e.codeContext).contains("réparti sur 2 éléments Attribute");
        });
    }

    @Test
    void rolesSplitAreAnErrorUnderAStrictPolicyThroughTheChain() throws Exception {
        org.vigie.dmp.DmpPolicy strict = org.vigie.dmp.DmpPolicy.builder()
                .vihf(org.vigie.saml.VihfPolicy.builder().splitRoleSeverity(Severity.ERROR).build()).build();
        try (VigieTestServer other = VigieTestServer.builder().pki(PKI).policy(strict).clock(Clock.fixed(AT, ZoneOffset.UTC))
                .start()) {
            VigieTestServer saved = dmp;
            dmp = other;
            try {
                RegistryResponse r = send(port(SOAPBinding.SOAP12HTTP_MTOM_BINDING, false), vihf(s -> s.splitRoles = true));
                assertThat(r.status).isEqualTo(FAILURE);
                assertThat(errors(r)).filteredOn(e -> e.errorCode.equals("VIHF-ATTRIBUTE")).singleElement()
                        .satisfies(e -> assertThat(e.severity).isEqualTo(ERROR));
            } finally {
                dmp = saved;
            }
        }
    }
}
