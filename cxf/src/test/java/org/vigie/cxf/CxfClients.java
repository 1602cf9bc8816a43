package org.vigie.cxf;

import org.vigie.server.cxf.Iti41Port;
import org.vigie.server.cxf.ProvideAndRegisterRequest;
import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.activation.FileDataSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.common.gzip.GZIPFeature;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.apache.cxf.headers.Header;
import org.vigie.server.VigieTestServer;
import org.vigie.testkit.CdaBuilder;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.XdsSubmissionBuilder;
import org.w3c.dom.Element;

/**
 * The connector under test, as vendors build it: a CXF JAX-WS client of the ITI-41 port (SOAP 1.2, MTOM,
 * WS-Addressing), the VIHF put in {@code wsse:Security} by CXF's {@code WSS4JOutInterceptor} (a WSS4J/OpenSAML token,
 * {@link Wss4jTokens}), optionally gzip, mutual TLS to {@link VigieTestServer}, and the {@link VigieFeature} under
 * test. With {@code -Dvigie.cxf.wss4j=false} (the CXF 3.6 line, whose WSS4J needs an OpenSAML that Maven Central does
 * not have) the VIHF comes from the test kit's {@link VihfBuilder} as a {@code wsse:Security} SOAP header instead.
 */
final class CxfClients {

    static final String ID = "10B0152872"; // a health centre: its own identifier everywhere, no directory needed
    static final String OTHER = "10B0999992";
    static final String SUCCESS = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";
    static final String FAILURE = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure";
    private static final char[] PW = "vigie".toCharArray();

    private CxfClients() {
    }

    /** How the conduit holds the client key. */
    enum Tls {
        /** TLSClientParameters key managers (Vigie reads the chain from them). */
        KEY_MANAGERS,
        /** An SSLContext only (Vigie cannot see the key). */
        SSL_CONTEXT,
        /** No client certificate at all. */
        NONE
    }

    /** Options of one client. */
    static final class Options {
        boolean gzip;
        /** The JAX-WS binding (default SOAP 1.2 with MTOM). */
        String binding = jakarta.xml.ws.soap.SOAPBinding.SOAP12HTTP_MTOM_BINDING;
        boolean mtom = true;
        Tls tls = Tls.KEY_MANAGERS;
        /** Identifiant_Structure of the VIHF (null: the signer's). */
        String vihfStructure;
        boolean wss4j = Boolean.parseBoolean(System.getProperty("vigie.cxf.wss4j", "true"));
    }

    /** A log sink for the feature: every line with its level. */
    static final class Lines implements System.Logger {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public String getName() {
            return "test";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, java.util.ResourceBundle bundle, String msg, Throwable thrown) {
            lines.add(level + " " + msg + (thrown == null ? "" : " " + thrown));
        }

        @Override
        public void log(Level level, java.util.ResourceBundle bundle, String format, Object... params) {
            lines.add(level + " " + format);
        }
    }

    static Iti41Port port(VigieTestServer dmp, OrgCredential auth, OrgCredential sign, Instant issued,
                          VigieFeature feature, Consumer<Options> tweak) throws Exception {
        Options o = new Options();
        tweak.accept(o);
        JaxWsProxyFactoryBean f = new JaxWsProxyFactoryBean();
        f.getFeatures().add(new WSAddressingFeature());
        if (o.gzip) {
            GZIPFeature z = new GZIPFeature();
            z.setForce(true); // compress the request itself
            z.setThreshold(0);
            f.getFeatures().add(z);
        }
        if (feature != null) {
            f.getFeatures().add(feature);
        }
        f.setServiceClass(Iti41Port.class);
        f.setAddress(dmp.url().resolve("si-dmp-server/v2/services/DocumentRepository_Service").toString());
        f.setBindingId(o.binding);
        f.setProperties(new HashMap<>(Map.of("mtom-enabled", o.mtom)));
        Iti41Port port = (Iti41Port) f.create();
        prepare(port, dmp, auth, sign, issued, o);
        return port;
    }

    /**
     * Puts the VIHF and the TLS parameters on a client made elsewhere (e.g. by a Spring {@code jaxws:client}).
     *
     * @param o the VIHF and TLS options ({@code gzip}, {@code binding}, {@code mtom} are the creator's)
     */
    static void prepare(Iti41Port port, VigieTestServer dmp, OrgCredential auth, OrgCredential sign, Instant issued,
                        Options o) throws Exception {
        Client client = ClientProxy.getClient(port);

        if (o.wss4j) {
            Class.forName("org.vigie.cxf.Wss4jTokens")
                    .getMethod("install", Client.class, OrgCredential.class, Instant.class, String.class)
                    .invoke(null, client, sign, issued, o.vihfStructure);
        } else {
            VihfBuilder vihf = VihfBuilder.indirect(sign).secteurActivite("SA05").at(issued);
            if (o.vihfStructure != null) {
                vihf.identifiantStructure(o.vihfStructure);
            }
            Element security = parse(vihf.toSecurityHeaderXml());
            client.getRequestContext().put(Header.HEADER_LIST, new java.util.ArrayList<>(List.of(new Header(
                    new javax.xml.namespace.QName(security.getNamespaceURI(), security.getLocalName()), security))));
        }

        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        TLSClientParameters tls = new TLSClientParameters();
        switch (o.tls) {
            case KEY_MANAGERS -> {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(VigieTestServer.clientKeyStore(auth, PW), PW);
                tls.setKeyManagers(kmf.getKeyManagers());
                tls.setTrustManagers(trust(dmp.serverTrustStore()));
            }
            case SSL_CONTEXT -> tls.setSslContext(dmp.clientSslContext(auth));
            case NONE -> tls.setSslContext(dmp.clientSslContext(null));
        }
        conduit.setTlsClientParameters(tls);
    }

    private static javax.net.ssl.TrustManager[] trust(KeyStore store) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return tmf.getTrustManagers();
    }

    /** An ITI-41 feeding of two documents (the second a PDF of {@code pdfBytes}) by {@code ID}, all consistent. */
    static ProvideAndRegisterRequest request(long pdfBytes) throws Exception {
        return request(pdfBytes, ID, null);
    }

    /**
     * An ITI-41 feeding.
     *
     * @param pdfBytes  size of the second document's PDF
     * @param doc2Ai    the structure in the second document entry's authorInstitution (its CDA says {@code ID})
     * @param spoolDir  where to write the documents (streamed from files), or null to hold them in memory
     */
    static ProvideAndRegisterRequest request(long pdfBytes, String doc2Ai, Path spoolDir) throws Exception {
        XdsSubmissionBuilder sub = XdsSubmissionBuilder.provideAndRegister()
                .document("Doc01", CdaBuilder.ciSis().author("CENTRE DE SANTE", ID))
                .document("Doc02", CdaBuilder.ciSis().author("CENTRE DE SANTE", ID).nonXmlBodyPdf(pdfBytes))
                .submissionSetAuthorInstitution(XdsSubmissionBuilder.xon("CENTRE DE SANTE", ID))
                .documentAuthorInstitution("Doc01", XdsSubmissionBuilder.xon("CENTRE DE SANTE", ID))
                .documentAuthorInstitution("Doc02", XdsSubmissionBuilder.xon("CENTRE DE SANTE", doc2Ai))
                .xop();
        Element whole = parse(sub.toXml());
        ProvideAndRegisterRequest req = new ProvideAndRegisterRequest();
        for (org.w3c.dom.Node n = whole.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals("SubmitObjectsRequest")) {
                req.submitObjectsRequest = e;
            }
        }
        for (String id : sub.documentIds()) {
            ProvideAndRegisterRequest.Document d = new ProvideAndRegisterRequest.Document();
            d.id = id;
            if (spoolDir == null) {
                d.value = new DataHandler(new Bytes(sub.cda(id).toBytes()));
            } else {
                Path file = spoolDir.resolve(id + ".xml");
                try (OutputStream out = Files.newOutputStream(file)) {
                    sub.cda(id).writeTo(out);
                }
                d.value = new DataHandler(new FileDataSource(file.toFile()));
            }
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
}
