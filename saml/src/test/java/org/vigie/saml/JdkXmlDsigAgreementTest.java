package org.vigie.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;

import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * An independent engine, the JDK's XMLDSig API, agrees with Vigie on the official ANS examples: the SignedInfo
 * signature value is valid for the certificate they carry, the Reference digest is not (altered after signing).
 */
class JdkXmlDsigAgreementTest {

    @ParameterizedTest
    @ValueSource(strings = {SharedTestData.INDIRECTE, SharedTestData.RENFORCEE, SharedTestData.DIRECTE})
    void jdkFindsAValidSignatureValueAndAWrongDigest(String file) throws Exception {
        byte[] bytes = SharedTestData.bytes(file);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        // the DIRECTE example is ISO-8859-1 without a declaration: read it as such, as Vigie does
        Document d = file.equals(SharedTestData.DIRECTE)
                ? f.newDocumentBuilder().parse(new InputSource(new StringReader(new String(bytes, StandardCharsets.ISO_8859_1))))
                : f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        Element assertion = d.getDocumentElement();
        Element sigEl = (Element) d.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature").item(0);
        VihfValidation vigie = VihfValidator.builder().build().validateToken(VihfInput.of(bytes),
                java.time.Instant.parse("2019-06-26T08:50:00Z"));
        X509Certificate signer = vigie.unverifiedToken().orElseThrow().signingCertificate().orElseThrow();

        DOMValidateContext ctx = new DOMValidateContext(signer.getPublicKey(), sigEl);
        ctx.setIdAttributeNS(assertion, null, "ID");
        ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE); // RSA-SHA1 examples
        XMLSignature sig = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(ctx);
        assertThat(sig.getSignatureValue().validate(ctx)).as("SignatureValue over SignedInfo").isTrue();
        assertThat(((javax.xml.crypto.dsig.Reference) sig.getSignedInfo().getReferences().get(0)).validate(ctx))
                .as("Reference digest").isFalse();
        assertThat(vigie.report().byRule(org.vigie.core.Rules.VIHF_SIGNATURE)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("modifié après la signature"));
    }
}
