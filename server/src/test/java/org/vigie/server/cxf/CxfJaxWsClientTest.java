package org.vigie.server.cxf;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.xml.ws.BindingProvider;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.headers.Header;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.ws.addressing.AddressingProperties;
import org.apache.cxf.ws.addressing.AttributedURIType;
import org.apache.cxf.ws.addressing.JAXWSAConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.server.VigieTestServer;
import org.vigie.testkit.CdaBuilder;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.TestPki;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.XdsSubmissionBuilder;
import org.w3c.dom.Element;

/**
 * An Apache CXF JAX-WS client with MTOM on, as many connectors are built: a service interface, JAXB classes, the VIHF
 * put in {@code wsse:Security} as a SOAP header, documents as DataHandlers sent as XOP attachments.
 */
class CxfJaxWsClientTest {

    static final TestPki PKI = TestPki.shared();
    static final String ID = "10B0152872"; // a health centre: its own identifier everywhere, no directory needed
    static final OrgCredential AUTH = PKI.authentication(ID);
    static final OrgCredential SIGN = PKI.signature(ID);
    static final List<String> LOG = new CopyOnWriteArrayList<>();
    static VigieTestServer dmp;

    @BeforeAll
    static void start() {
        java.util.logging.Logger.getLogger("org.apache.cxf").setLevel(java.util.logging.Level.WARNING);
        dmp = VigieTestServer.builder().pki(PKI).accessLog(LOG::add).start();
    }

    @AfterAll
    static void stop() {
        dmp.close();
    }

    @Test
    void cxfMtomClientGetsSuccessForACompliantFeeding() throws Exception {
        LOG.clear();
        RegistryResponse r = call(VihfBuilder.indirect(SIGN).secteurActivite("SA01"));
        assertThat(r.status).isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success");
        assertThat(r.errorList == null ? List.<RegistryResponse.Error>of() : r.errorList.errors)
                .noneMatch(e -> e.severity.endsWith(":Error"));
        for (int i = 0; i < 3000 && LOG.isEmpty(); i++) { // the line is written once the answer has gone out
            Thread.sleep(10);
        }
        assertThat(LOG).singleElement().asString().contains("\"verdict\":\"accepted\"", "\"attachments\":2")
                .containsIgnoringCase("mtom");
    }

    @Test
    void cxfMtomClientGetsFailureNamingVihfStructEq() throws Exception {
        RegistryResponse r = call(VihfBuilder.indirect(SIGN).secteurActivite("SA01").identifiantStructure("10B0999992"));
        assertThat(r.status).isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure");
        assertThat(r.errorCodes()).contains("VIHF-STRUCT-EQ");
        RegistryResponse.Error e = r.errorList.errors.stream().filter(x -> x.errorCode.equals("VIHF-STRUCT-EQ")).findFirst().orElseThrow();
        assertThat(e.severity).isEqualTo("urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error");
        assertThat(e.codeContext).contains("10B0999992");
    }

    @Test
    void cxfClientWithWsAddressingGetsAnAnswerRelatedToItsMessageId() throws Exception {
        Iti41Port port = port(true);
        String messageId = "urn:uuid:" + java.util.UUID.randomUUID();
        AddressingProperties maps = new AddressingProperties();
        AttributedURIType id = new AttributedURIType();
        id.setValue(messageId);
        maps.setMessageID(id);
        ((BindingProvider) port).getRequestContext().put(JAXWSAConstants.CLIENT_ADDRESSING_PROPERTIES, maps);
        RegistryResponse r = call(port, VihfBuilder.indirect(SIGN).secteurActivite("SA01"));
        assertThat(r.status).isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success");
        AddressingProperties in = (AddressingProperties) ((BindingProvider) port).getResponseContext()
                .get(JAXWSAConstants.CLIENT_ADDRESSING_PROPERTIES_INBOUND);
        assertThat(in).as("CXF read the answer's WS-Addressing headers").isNotNull();
        assertThat(in.getRelatesTo().getValue()).isEqualTo(messageId);
        assertThat(in.getAction().getValue()).isEqualTo("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-bResponse");
    }

    Iti41Port port(boolean addressing) throws Exception {
        JaxWsProxyFactoryBean f = new JaxWsProxyFactoryBean();
        if (addressing) {
            f.getFeatures().add(new org.apache.cxf.ws.addressing.WSAddressingFeature());
        }
        f.setServiceClass(Iti41Port.class);
        f.setAddress(dmp.url().resolve("si-dmp-server/v2/services/DocumentRepository_Service").toString());
        f.setBindingId(jakarta.xml.ws.soap.SOAPBinding.SOAP12HTTP_BINDING);
        f.setProperties(new java.util.HashMap<>(Map.of("mtom-enabled", Boolean.TRUE)));
        Iti41Port port = (Iti41Port) f.create();
        Client client = ClientProxy.getClient(port);
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        TLSClientParameters tls = new TLSClientParameters();
        tls.setSslContext(dmp.clientSslContext(AUTH));
        conduit.setTlsClientParameters(tls);
        return port;
    }

    /** One ITI-41 call: the VIHF as the wsse:Security SOAP header, the submission and its two documents in MTOM. */
    RegistryResponse call(VihfBuilder vihf) throws Exception {
        return call(vihf, false);
    }

    RegistryResponse call(VihfBuilder vihf, boolean addressing) throws Exception {
        return call(port(addressing), vihf);
    }

    RegistryResponse call(Iti41Port port, VihfBuilder vihf) throws Exception {
        ((BindingProvider) port).getRequestContext().put(Header.HEADER_LIST,
                new java.util.ArrayList<>(List.of(new Header(WSSE_SECURITY, parse(vihf.toSecurityHeaderXml())))));
        return port.provideAndRegister(request());
    }

    /** The JAXB request: metadata from the test kit, documents as DataHandlers. */
    ProvideAndRegisterRequest request() throws Exception {
        XdsSubmissionBuilder sub = XdsSubmissionBuilder.provideAndRegister()
                .document("Doc01", CdaBuilder.ciSis().author("CENTRE DE SANTE", ID))
                .document("Doc02", CdaBuilder.ciSis().author("CENTRE DE SANTE", ID).nonXmlBodyPdf(300_000))
                .submissionSetAuthorInstitution(XdsSubmissionBuilder.xon("CENTRE DE SANTE", ID))
                .documentAuthorInstitution("Doc01", XdsSubmissionBuilder.xon("CENTRE DE SANTE", ID))
                .documentAuthorInstitution("Doc02", XdsSubmissionBuilder.xon("CENTRE DE SANTE", ID))
                .xop();
        Element whole = parse(sub.toXml());
        ProvideAndRegisterRequest req = new ProvideAndRegisterRequest();
        for (org.w3c.dom.Node n = whole.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals("SubmitObjectsRequest")) {
                req.submitObjectsRequest = e;
            }
        }
        assertThat(req.submitObjectsRequest).isNotNull();
        for (String id : sub.documentIds()) {
            ProvideAndRegisterRequest.Document d = new ProvideAndRegisterRequest.Document();
            d.id = id;
            d.value = new DataHandler(new Bytes(sub.cda(id).toBytes()));
            req.documents.add(d);
        }
        return req;
    }

    static Element parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }

    /** A byte-array DataSource (CDA documents are XML). */
    record Bytes(byte[] data) implements DataSource {
        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(data);
        }

        @Override
        public OutputStream getOutputStream() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getContentType() {
            return "application/octet-stream";
        }

        @Override
        public String getName() {
            return "cda";
        }
    }

    static final QName WSSE_SECURITY = new QName(
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd", "Security");
}
