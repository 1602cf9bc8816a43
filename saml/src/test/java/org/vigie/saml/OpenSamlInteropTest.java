package org.vigie.saml;

import org.vigie.core.cert.TlsPeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import javax.xml.namespace.QName;

import net.shibboleth.utilities.java.support.xml.BasicParserPool;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.XMLObjectBuilderFactory;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.schema.XSAny;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AttributeValue;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.opensaml.xmlsec.signature.support.Signer;
import org.vigie.core.Rules;
import org.vigie.testkit.VihfDefect;
import org.w3c.dom.Element;

/**
 * Interoperability with OpenSAML 4.0.1 (test scope only): a VIHF built and signed with OpenSAML verifies with Vigie,
 * and a test-kit VIHF verifies under OpenSAML's signature profile validator and signature validator.
 */
class OpenSamlInteropTest {

    private static final String HL7 = "urn:hl7-org:v3";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private static XMLObjectBuilderFactory builders;
    private static BasicParserPool parser;

    @BeforeAll
    static void initOpenSaml() throws Exception {
        if (builders != null) {
            return;
        }
        InitializationService.initialize();
        builders = XMLObjectProviderRegistrySupport.getBuilderFactory();
        parser = new BasicParserPool();
        parser.initialize();
    }

    @SuppressWarnings("unchecked")
    static <T extends XMLObject> T build(QName name) {
        return (T) builders.getBuilder(name).buildObject(name);
    }

    private static Attribute text(String name, String value) {
        Attribute a = build(Attribute.DEFAULT_ELEMENT_NAME);
        a.setName(name);
        XSString v = (XSString) builders.getBuilder(XSString.TYPE_NAME)
                .buildObject(AttributeValue.DEFAULT_ELEMENT_NAME, XSString.TYPE_NAME);
        v.setValue(value);
        a.getAttributeValues().add(v);
        return a;
    }

    static XSAny coded(String element, String code, String codeSystem, String displayName) {
        XSAny value = (XSAny) builders.getBuilder(XSAny.TYPE_NAME).buildObject(AttributeValue.DEFAULT_ELEMENT_NAME);
        XSAny ce = (XSAny) builders.getBuilder(XSAny.TYPE_NAME).buildObject(HL7, element, "");
        ce.getUnknownAttributes().put(new QName("code"), code);
        ce.getUnknownAttributes().put(new QName("codeSystem"), codeSystem);
        ce.getUnknownAttributes().put(new QName("displayName"), displayName);
        ce.getUnknownAttributes().put(new QName(XSI, "type", "xsi"), "CE");
        value.getUnknownXMLObjects().add(ce);
        return value;
    }

    /** A complete indirect VIHF, built and signed with OpenSAML only (RSA-SHA256, exc-c14n, enveloped). */
    static byte[] openSamlVihf(Instant issueInstant) throws Exception {
        return openSamlVihf(issueInstant, a -> { });
    }

    /** As {@link #openSamlVihf(Instant)}, with {@code tweak} applied to the Assertion before it is signed. */
    static byte[] openSamlVihf(Instant issueInstant, java.util.function.Consumer<Assertion> tweak) throws Exception {
        Assertion a = build(Assertion.DEFAULT_ELEMENT_NAME);
        a.setID("_opensaml-" + issueInstant.toEpochMilli());
        a.setIssueInstant(issueInstant);
        Issuer issuer = build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setFormat(NameID.X509_SUBJECT);
        issuer.setValue(Fixtures.SIGN.certificate().getSubjectX500Principal().getName());
        a.setIssuer(issuer);
        Subject subject = build(Subject.DEFAULT_ELEMENT_NAME);
        NameID nameId = build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setValue("user-42");
        subject.setNameID(nameId);
        a.setSubject(subject);
        AuthnStatement authn = build(AuthnStatement.DEFAULT_ELEMENT_NAME);
        authn.setAuthnInstant(issueInstant);
        AuthnContext ctx = build(AuthnContext.DEFAULT_ELEMENT_NAME);
        AuthnContextClassRef ref = build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
        ref.setURI("urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport");
        ctx.setAuthnContextClassRef(ref);
        authn.setAuthnContext(ctx);
        a.getAuthnStatements().add(authn);
        AttributeStatement st = build(AttributeStatement.DEFAULT_ELEMENT_NAME);
        st.getAttributes().add(text(VihfToken.IDENTIFIANT_STRUCTURE, Fixtures.STRUCT));
        st.getAttributes().add(text(VihfToken.SECTEUR_ACTIVITE, "SA01^1.2.250.1.71.4.2.4"));
        st.getAttributes().add(text(VihfToken.SUBJECT_ID, "Jeanne MARTIN"));
        Attribute role = build(Attribute.DEFAULT_ELEMENT_NAME);
        role.setName(VihfToken.ROLE);
        role.getAttributeValues().add(coded("Role", "10", "1.2.250.1.71.1.2.7", "Médecin"));
        role.getAttributeValues().add(coded("Role", "SM26", "1.2.250.1.71.4.2.5", "Qualifié en Médecine Générale (SM)"));
        st.getAttributes().add(role);
        st.getAttributes().add(text(VihfToken.VIHF_VERSION, "3.0"));
        st.getAttributes().add(text(VihfToken.AUTH_MODE, "INDIRECTE"));
        st.getAttributes().add(text(VihfToken.RESSOURCE_URN, "urn:dmp"));
        Attribute purpose = build(Attribute.DEFAULT_ELEMENT_NAME);
        purpose.setName(VihfToken.PURPOSE_OF_USE);
        purpose.getAttributeValues().add(coded("PurposeOfUse", "normal", "1.2.250.1.213.1.1.4.248", "Accès normal"));
        st.getAttributes().add(purpose);
        st.getAttributes().add(text(VihfToken.LPS_NOM, "LPS OpenSAML"));
        st.getAttributes().add(text(VihfToken.LPS_ID_HOMOLOGATION_DMP, "HOMOLOG-1"));
        a.getAttributeStatements().add(st);
        tweak.accept(a);

        BasicX509Credential cred = new BasicX509Credential(Fixtures.SIGN.certificate(), Fixtures.SIGN.privateKey());
        Signature sig = build(Signature.DEFAULT_ELEMENT_NAME);
        sig.setSigningCredential(cred);
        sig.setSignatureAlgorithm(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        sig.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        X509KeyInfoGeneratorFactory kif = new X509KeyInfoGeneratorFactory();
        kif.setEmitEntityCertificate(true);
        sig.setKeyInfo(kif.newInstance().generate(cred));
        a.setSignature(sig);
        Element dom = XMLObjectProviderRegistrySupport.getMarshallerFactory().getMarshaller(a).marshall(a);
        Signer.signObject(sig);
        return SerializeSupport.nodeToString(dom).getBytes(StandardCharsets.UTF_8);
    }

    private static Assertion unmarshal(byte[] bytes) throws Exception {
        Element root = parser.parse(new ByteArrayInputStream(bytes)).getDocumentElement();
        return (Assertion) XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(root).unmarshall(root);
    }

    @Test
    void vihfSignedWithOpenSamlVerifiesWithVigie() throws Exception {
        byte[] token = openSamlVihf(Fixtures.AT.minusSeconds(10));
        VihfValidation r = Fixtures.validator().validate(new TlsPeer(Fixtures.AUTH.certificate(), Fixtures.AUTH.chain()),
                VihfInput.of(token), Fixtures.AT);
        assertThat(r.accepted()).as(new String(token, StandardCharsets.UTF_8) + "\n" + r.report()).isTrue();
        assertThat(r.token().orElseThrow().signatureValid()).isTrue();
        assertThat(r.token().get().roles()).hasSize(2);
        assertThat(r.structureId()).map(Object::toString).contains(Fixtures.STRUCT);
    }

    @Test
    void openSamlTokenAlteredAfterSigningIsRejectedByVigie() throws Exception {
        String token = new String(openSamlVihf(Fixtures.AT.minusSeconds(10)), StandardCharsets.UTF_8)
                .replace("SA01^1.2.250.1.71.4.2.4", "SA02^1.2.250.1.71.4.2.4");
        VihfValidation r = Fixtures.validator().validateToken(VihfInput.of(token.getBytes(StandardCharsets.UTF_8)), Fixtures.AT);
        assertThat(r.report().byRule(Rules.VIHF_SIGNATURE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("modifié après la signature"));
    }

    @Test
    void testKitVihfVerifiesUnderOpenSaml() throws Exception {
        Assertion a = unmarshal(Fixtures.token().toBytes());
        assertThat(a.isSigned()).isTrue();
        new SAMLSignatureProfileValidator().validate(a.getSignature());
        SignatureValidator.validate(a.getSignature(), new BasicX509Credential(Fixtures.SIGN.certificate()));
        assertThat(a.getIssuer().getValue()).isEqualTo(Fixtures.SIGN.certificate().getSubjectX500Principal().getName());
    }

    @Test
    void openSamlAgreesThatAnAlteredTestKitVihfFails() throws Exception {
        Assertion a = unmarshal(Fixtures.token().breaking(VihfDefect.SIGNATURE_DIGEST).toBytes());
        assertThatThrownBy(() -> SignatureValidator.validate(a.getSignature(),
                new BasicX509Credential(Fixtures.SIGN.certificate()))).isInstanceOf(SignatureException.class);
    }
}
