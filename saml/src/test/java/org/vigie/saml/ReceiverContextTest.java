package org.vigie.saml;

import org.vigie.core.cert.TlsPeer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.core.Rules;
import org.vigie.testkit.VihfBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What the receiver reads, seen from control 1 (issue 18 §2.3 and §2.6): the Security header a VIHF envelope is read
 * from ({@link SecurityHeaderTarget}, SOAP 1.1 §4.2.2, SOAP 1.2 part 1 §2.2 / §5.2.2, WSS4J's lookup; dmp's
 * {@code SecurityHeaderTargetingThreatTest} compares with WSS4J itself), and the {@code xml:*} context a DOM Assertion is
 * verified in (dmp's {@code SignatureContextTest} compares with xmlsec1).
 */
class ReceiverContextTest {

    static final String SAML2 = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String S11 = SecurityHeaderTarget.SOAP11;
    static final String S12 = SecurityHeaderTarget.SOAP12;

    private final VihfValidator validator = Fixtures.validator();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "http://www.w3.org/2003/05/soap-envelope, , ULTIMATE",
        "http://www.w3.org/2003/05/soap-envelope, '', ULTIMATE",
        "http://www.w3.org/2003/05/soap-envelope, http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver, ULTIMATE_EXPLICIT",
        "http://www.w3.org/2003/05/soap-envelope, http://www.w3.org/2003/05/soap-envelope/role/next, NEXT",
        "http://www.w3.org/2003/05/soap-envelope, http://www.w3.org/2003/05/soap-envelope/role/none, OTHER",
        "http://www.w3.org/2003/05/soap-envelope, http://schemas.xmlsoap.org/soap/actor/next, OTHER",
        "http://www.w3.org/2003/05/soap-envelope, urn:intermediary, OTHER",
        "http://schemas.xmlsoap.org/soap/envelope/, , ULTIMATE",
        "http://schemas.xmlsoap.org/soap/envelope/, http://schemas.xmlsoap.org/soap/actor/next, NEXT",
        "http://schemas.xmlsoap.org/soap/envelope/, http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver, OTHER",
        "http://schemas.xmlsoap.org/soap/envelope/, urn:intermediary, OTHER"})
    void rolesAreClassifiedAsSoapAndWss4jSay(String soapNs, String role, SecurityHeaderTarget expected) {
        SecurityHeaderTarget t = SecurityHeaderTarget.of(soapNs, role);
        assertThat(t).isEqualTo(expected);
        assertThat(t.taken()).isEqualTo(expected == SecurityHeaderTarget.ULTIMATE || expected == SecurityHeaderTarget.ULTIMATE_EXPLICIT);
        assertThat(SecurityHeaderTarget.attributeName(soapNs)).isEqualTo(S12.equals(soapNs) ? "role" : "actor");
    }

    static String envelope(String securityA, String securityB) {
        return "<soap:Envelope xmlns:soap='" + S12 + "'><soap:Header>" + securityA + securityB
                + "</soap:Header><soap:Body/></soap:Envelope>";
    }

    static String security(VihfBuilder b, String role) {
        String s = b.toSecurityHeaderXml().replaceFirst("^<\\?xml[^>]*\\?>", "");
        return role == null ? s : s.replaceFirst("<wsse:Security ", "<wsse:Security xmlns:soap='" + S12 + "' soap:role='" + role + "' ");
    }

    VihfValidation check(String envelope) {
        return validator.validate(new TlsPeer(Fixtures.AUTH.certificate(), Fixtures.AUTH.chain()),
                VihfInput.of(envelope.getBytes(StandardCharsets.UTF_8)), Fixtures.AT);
    }

    @Test
    void onlyTheHeaderForTheUltimateReceiverIsRead() {
        VihfBuilder real = Fixtures.token();
        VihfBuilder decoy = Fixtures.token().identifiantStructure(Fixtures.EG);
        VihfValidation ok = check(envelope(security(decoy, "urn:intermediary"), security(real, null)));
        assertThat(ok.report().accepted()).as("%s", ok.report()).isTrue();
        assertThat(ok.structureId()).map(Object::toString).contains(Fixtures.STRUCT);

        VihfValidation elsewhere = check(envelope(security(real, SecurityHeaderTarget.ROLE_NEXT), ""));
        assertThat(elsewhere.report().byRule(Rules.VIHF_XML)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("destiné au destinataire final"));

        VihfValidation two = check(envelope(security(real, null), security(decoy, SecurityHeaderTarget.ROLE_ULTIMATE_RECEIVER)));
        assertThat(two.report().byRule(Rules.VIHF_XML)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("2 en-têtes"));
    }

    @Test
    void aDomAssertionIsVerifiedWithTheXmlAttributesItInherits() throws Exception {
        // enveloped-only: inclusive C14N applies and copies inherited xml:* onto the Assertion
        VihfBuilder token = Fixtures.token().envelopedOnly().declaringNamespaces("wsse",
                "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd");
        for (boolean lang : new boolean[] {false, true}) {
            String sec = token.toSecurityHeaderXml().replaceFirst("^<\\?xml[^>]*\\?>", "");
            if (lang) {
                sec = sec.replaceFirst("<wsse:Security ", "<wsse:Security xml:lang='fr' ");
            }
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(sec.getBytes(StandardCharsets.UTF_8)));
            Element assertion = (Element) d.getElementsByTagNameNS(SAML2, "Assertion").item(0);
            VihfValidation r = validator.validate(new TlsPeer(Fixtures.AUTH.certificate(), Fixtures.AUTH.chain()), VihfInput.of(assertion),
                    Fixtures.AT);
            assertThat(r.report().byRule(Rules.VIHF_SIGNATURE)).as("xml:lang inherited: %s, %s", lang, r.report())
                    .hasSize(lang ? 1 : 0);
            VihfValidation whole = validator.validate(new TlsPeer(Fixtures.AUTH.certificate(), Fixtures.AUTH.chain()),
                    VihfInput.of(sec.getBytes(StandardCharsets.UTF_8)), Fixtures.AT);
            assertThat(whole.report().byRule(Rules.VIHF_SIGNATURE)).as("header bytes").hasSize(lang ? 1 : 0);
        }
    }
}
