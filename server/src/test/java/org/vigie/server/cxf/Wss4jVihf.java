package org.vigie.server.cxf;

import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.saml.OpenSAMLUtil;
import org.apache.wss4j.common.saml.SAMLCallback;
import org.apache.wss4j.common.saml.SamlAssertionWrapper;
import org.apache.wss4j.common.saml.bean.AttributeBean;
import org.apache.wss4j.common.saml.bean.AttributeStatementBean;
import org.apache.wss4j.common.saml.bean.AudienceRestrictionBean;
import org.apache.wss4j.common.saml.bean.AuthenticationStatementBean;
import org.apache.wss4j.common.saml.bean.ConditionsBean;
import org.apache.wss4j.common.saml.bean.SubjectBean;
import org.apache.wss4j.common.saml.bean.Version;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.schema.XSAny;
import org.opensaml.saml.saml2.core.AttributeValue;
import org.vigie.testkit.OrgCredential;
import org.w3c.dom.Element;

/**
 * A VIHF as a CXF connector builds it: the Assertion made from WSS4J's SAML beans ({@link SAMLCallback}) by WSS4J's
 * {@link SamlAssertionWrapper} on OpenSAML, and signed by WSS4J ({@code signAssertion}, issuer key from a WSS4J
 * {@link Merlin} crypto) — not by the test kit's VihfBuilder. The test kit supplies only the certificate and its key.
 * The attribute values that are HL7 elements ({@code Role}, {@code PurposeOfUse}) are OpenSAML {@link XSAny} objects,
 * which WSS4J puts in {@code AttributeValue} as they are.
 */
public final class Wss4jVihf {

    static final String ROLE = "urn:oasis:names:tc:xacml:2.0:subject:role";
    static final String PURPOSE = "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse";
    static final String HL7 = "urn:hl7-org:v3";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final char[] PASSWORD = "wss4j".toCharArray();

    /** What a test may change before the token is built: the callback (beans) and the role layout. */
    public static final class Shape {
        public final SAMLCallback callback = new SAMLCallback();
        public final List<AttributeBean> attributes = new ArrayList<>();
        public boolean splitRoles;
        public List<String> audiences = List.of();
        public String identifiantStructure;
    }

    private Wss4jVihf() {
    }

    /**
     * Builds and signs the token.
     *
     * @param signer  the ORG_SIGN credential (certificate + key)
     * @param issued  IssueInstant, AuthnInstant and NotBefore (NotOnOrAfter is 10 minutes later)
     * @param tweak   changes to the shape before the build
     * @return the signed Assertion element (in a document of its own)
     */
    public static Element build(OrgCredential signer, Instant issued, Consumer<Shape> tweak) throws Exception {
        OpenSAMLUtil.initSamlEngine();
        Shape s = new Shape();
        s.identifiantStructure = signer.structureId();
        tweak.accept(s);
        SAMLCallback cb = s.callback;
        cb.setSamlVersion(Version.SAML_20);
        cb.setIssuer(signer.certificate().getSubjectX500Principal().getName());
        cb.setIssuerFormat("urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName");
        cb.setSubject(new SubjectBean("user-42@lps", null, "urn:oasis:names:tc:SAML:2.0:cm:bearer"));
        ConditionsBean conditions = new ConditionsBean(issued, issued.plusSeconds(600));
        if (!s.audiences.isEmpty()) {
            AudienceRestrictionBean ar = new AudienceRestrictionBean();
            ar.setAudienceURIs(s.audiences);
            conditions.setAudienceRestrictions(List.of(ar));
        }
        cb.setConditions(conditions);
        AuthenticationStatementBean authn = new AuthenticationStatementBean();
        authn.setAuthenticationMethod("urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport");
        authn.setAuthenticationInstant(issued);
        cb.setAuthenticationStatementData(List.of(authn));

        List<AttributeBean> attrs = new ArrayList<>();
        attrs.add(text("VIHF_Version", "3.0"));
        attrs.add(text("Authentification_Mode", "INDIRECTE"));
        attrs.add(text("Identifiant_Structure", s.identifiantStructure));
        attrs.add(text("Secteur_Activite", "SA05^1.2.250.1.71.4.2.4"));
        attrs.add(text("urn:oasis:names:tc:xspa:1.0:subject:subject-id", "Jeanne MARTIN"));
        Object doctor = coded("Role", "10", "1.2.250.1.71.1.2.7", "Médecin");
        Object specialty = coded("Role", "SM26", "1.2.250.1.71.4.2.5", "Qualifié en Médecine Générale (SM)");
        if (s.splitRoles) {
            attrs.add(values(ROLE, doctor));
            attrs.add(values(ROLE, specialty));
        } else {
            attrs.add(values(ROLE, doctor, specialty));
        }
        attrs.add(values(PURPOSE, coded("PurposeOfUse", "normal", "1.2.250.1.213.1.1.4.248", "Accès normal")));
        attrs.add(text("Ressource_URN", "urn:dmp"));
        attrs.add(text("LPS_Nom", "Connecteur CXF"));
        attrs.add(text("LPS_Version", "4.0"));
        attrs.add(text("LPS_ID_HOMOLOGATION_DMP", "HOMOLOG-CXF-1"));
        attrs.addAll(s.attributes);
        AttributeStatementBean st = new AttributeStatementBean();
        st.setSamlAttributes(attrs);
        cb.setAttributeStatementData(List.of(st));

        SamlAssertionWrapper w = new SamlAssertionWrapper(cb);
        w.getSaml2().setIssueInstant(issued); // WSS4J stamps "now"; the tests evaluate at a fixed instant

        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("vihf", signer.privateKey(), PASSWORD, signer.chain().toArray(X509Certificate[]::new));
        Merlin crypto = new Merlin();
        crypto.setKeyStore(ks);
        w.signAssertion("vihf", new String(PASSWORD), crypto, false,
                "http://www.w3.org/2001/10/xml-exc-c14n#", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
                "http://www.w3.org/2001/04/xmlenc#sha256");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return w.toDOM(f.newDocumentBuilder().newDocument());
    }

    static AttributeBean text(String name, String value) {
        AttributeBean a = new AttributeBean();
        a.setQualifiedName(name);
        a.setAttributeValues(List.of(value));
        return a;
    }

    static AttributeBean values(String name, Object... values) {
        AttributeBean a = new AttributeBean();
        a.setQualifiedName(name);
        a.setAttributeValues(List.of(values));
        return a;
    }

    /** {@code <AttributeValue><Role xmlns="urn:hl7-org:v3" code codeSystem displayName xsi:type="CE"/></AttributeValue>}. */
    static XSAny coded(String element, String code, String codeSystem, String displayName) {
        var builders = XMLObjectProviderRegistrySupport.getBuilderFactory();
        XSAny value = (XSAny) builders.getBuilder(XSAny.TYPE_NAME).buildObject(AttributeValue.DEFAULT_ELEMENT_NAME);
        XSAny ce = (XSAny) builders.getBuilder(XSAny.TYPE_NAME).buildObject(HL7, element, "");
        ce.getUnknownAttributes().put(new QName("code"), code);
        ce.getUnknownAttributes().put(new QName("codeSystem"), codeSystem);
        ce.getUnknownAttributes().put(new QName("displayName"), displayName);
        ce.getUnknownAttributes().put(new QName(XSI, "type", "xsi"), "CE");
        value.getUnknownXMLObjects().add(ce);
        return value;
    }
}
