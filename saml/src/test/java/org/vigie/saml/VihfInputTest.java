package org.vigie.saml;

import org.vigie.core.cert.TlsPeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.vigie.core.Rules;
import org.vigie.testkit.VihfBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The forms a connector holds a VIHF in: bytes, stream, DOM element; Assertion, wsse:Security or SOAP envelope. */
class VihfInputTest {

    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String SAML2 = "urn:oasis:names:tc:SAML:2.0:assertion";

    private final VihfValidator validator = Fixtures.validator();
    private final VihfBuilder token = Fixtures.token();

    private void assertAccepted(VihfInput in) {
        VihfValidation r = validator.validate(new TlsPeer(Fixtures.AUTH.certificate(), Fixtures.AUTH.chain()), in, Fixtures.AT);
        assertThat(r.accepted()).as(in + "\n" + r.report()).isTrue();
        assertThat(r.token().orElseThrow().signatureValid()).isTrue();
        assertThat(r.structureId()).map(Object::toString).contains(Fixtures.STRUCT);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void assertionBytesAndStream() {
        assertAccepted(VihfInput.of(token.toBytes()));
        assertAccepted(VihfInput.of(new ByteArrayInputStream(token.toBytes())));
    }

    @Test
    void securityHeaderAndSoapEnvelopeAreDetectedFromTheRoot() {
        assertAccepted(VihfInput.of(token.toSecurityHeaderXml().getBytes(StandardCharsets.UTF_8)));
        assertAccepted(VihfInput.of(token.toSoapEnvelopeXml().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void domElementsAreCopiedNeverModified() throws Exception {
        Document envelope = parse(token.toSoapEnvelopeXml());
        Element assertion = (Element) envelope.getElementsByTagNameNS(SAML2, "Assertion").item(0);
        Element security = (Element) envelope.getElementsByTagNameNS(WSSE, "Security").item(0);
        assertAccepted(VihfInput.of(envelope.getDocumentElement()));
        assertAccepted(VihfInput.of(security));
        assertAccepted(VihfInput.of(assertion));
        assertThat(envelope.getElementById(assertion.getAttribute("ID"))).as("no ID registered in the caller's DOM").isNull();
        assertThat(assertion.getParentNode()).isSameAs(security);
    }

    @Test
    void namespaceDeclaredOnAnAncestorIsKeptWhenAnElementIsGiven() throws Exception {
        Document d = parse(token.toSecurityHeaderXml());
        Element security = d.getDocumentElement();
        Element assertion = (Element) d.getElementsByTagNameNS(SAML2, "Assertion").item(0);
        String xsi = "http://www.w3.org/2001/XMLSchema-instance";
        assumeTrue(xsi.equals(assertion.getAttributeNS("http://www.w3.org/2000/xmlns/", "xsi")),
                "the test-kit Assertion declares xsi on its root");
        assertion.removeAttributeNS("http://www.w3.org/2000/xmlns/", "xsi");
        security.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xsi", xsi);
        assertAccepted(VihfInput.of(assertion));
    }

    @Test
    void domBuiltWithoutNamespacesIsRefused() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(token.toBytes()));
        VihfValidation r = validator.validateToken(VihfInput.of(d.getDocumentElement()), Fixtures.AT);
        assertThat(r.report().byRule(Rules.VIHF_XML)).singleElement()
                .satisfies(f2 -> assertThat(f2.message()).contains("espaces de noms"));
    }

    @Test
    void endlessStreamIsCutAndReportedTooLarge() {
        InputStream endless = new InputStream() {
            private long served;

            @Override
            public int read() {
                served++;
                return served > VihfInput.MAX_STREAM_BYTES + 10_000L ? -1 : ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (served > VihfInput.MAX_STREAM_BYTES + 10_000L) {
                    return -1;
                }
                java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                served += len;
                return len;
            }
        };
        VihfInput in = VihfInput.of(endless);
        assertThat(in.truncated()).isTrue();
        assertThat(in.bytes().orElseThrow()).hasSize(VihfInput.MAX_STREAM_BYTES);
        VihfValidation r = validator.validateToken(in, Fixtures.AT);
        assertThat(r.report().byRule(Rules.VIHF_XML)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("trop gros"));
    }

    @Test
    void soapEnvelopeWithoutSecurityHeaderHasNoToken() {
        String soap = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Header/><s:Body/></s:Envelope>";
        VihfValidation r = validator.validateToken(VihfInput.of(soap.getBytes(StandardCharsets.UTF_8)), Fixtures.AT);
        assertThat(r.report().rulesFired()).isEqualTo(List.of("VIHF-XML"));
    }
}
