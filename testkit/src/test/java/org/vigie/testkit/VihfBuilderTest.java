package org.vigie.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigie.testkit.internal.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class VihfBuilderTest {

    static final String ID = "10B0152872";
    static final OrgCredential SIGN = TestPki.shared().signature(ID);
    static final String SAML2 = "urn:oasis:names:tc:SAML:2.0:assertion";

    static String attribute(Element assertion, String name) {
        for (Element stmt : children(assertion, "AttributeStatement")) {
            for (Element a : children(stmt, "Attribute")) {
                if (a.getAttribute("Name").equals(name)) {
                    return children(a, "AttributeValue").get(0).getTextContent();
                }
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(local)) {
                out.add(e);
            }
        }
        return out;
    }

    static List<String> childNames(Element e) {
        List<String> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c.getLocalName());
            }
        }
        return out;
    }

    @Test
    void defaultTokenIsSignedRsaSha256AndVerifiesWithTheJdkXmlDsig() {
        String xml = VihfBuilder.indirect(SIGN).toAssertionXml();
        Dsig.Result r = Dsig.verify(xml);
        assertThat(r.valid()).isTrue();
        assertThat(r.keyInfoCertificate()).isEqualTo(SIGN.certificate());
        assertThat(r.signature().getSignedInfo().getSignatureMethod().getAlgorithm())
                .isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        assertThat(r.signature().getSignedInfo().getCanonicalizationMethod().getAlgorithm())
                .isEqualTo("http://www.w3.org/2001/10/xml-exc-c14n#");
        assertThat(Dsig.transformAlgorithms(r.signature())).containsExactly(
                "http://www.w3.org/2000/09/xmldsig#enveloped-signature", "http://www.w3.org/2001/10/xml-exc-c14n#");
        assertThat(xml).contains("PrefixList=\"ds saml2 #default xsi\"");
    }

    @Test
    void defaultTokenCarriesTheSignerIdentityAndMandatoryAttributes() {
        Element a = VihfBuilder.indirect(SIGN).toDocument().getDocumentElement();
        assertThat(a.getNamespaceURI()).isEqualTo(SAML2);
        assertThat(childNames(a)).containsExactly("Issuer", "Signature", "Subject", "AuthnStatement", "AttributeStatement");
        Element issuer = children(a, "Issuer").get(0);
        assertThat(issuer.getTextContent()).isEqualTo(SIGN.subjectDn());
        assertThat(issuer.getAttribute("Format")).isEqualTo("urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName");
        assertThat(attribute(a, "Identifiant_Structure")).isEqualTo(ID);
        assertThat(attribute(a, "Secteur_Activite")).isEqualTo("SA01^1.2.250.1.71.4.2.4");
        assertThat(attribute(a, "VIHF_Version")).isEqualTo("3.0");
        assertThat(attribute(a, "Authentification_Mode")).isEqualTo("INDIRECTE");
        assertThat(attribute(a, "Ressource_URN")).isEqualTo("urn:dmp");
        assertThat(attribute(a, "LPS_Nom")).isNotBlank();
        assertThat(attribute(a, "LPS_ID_HOMOLOGATION_DMP")).isNotBlank();
        assertThat(attribute(a, "urn:oasis:names:tc:xacml:2.0:resource:resource-id"))
                .endsWith("^^^&1.2.250.1.213.1.4.10&ISO^NH");
        assertThat(a.getAttribute("Version")).isEqualTo("2.0");
    }

    @Test
    void settersChangeTheSignedValues() {
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        String xml = VihfBuilder.indirect(SIGN).identifiantStructure("1750100125").secteurActivite("SA07")
                .version("4.0").authMode("INDIRECTE_RENFORCEE").purposeOfUse("bris_de_glace")
                .role("21", "1.2.250.1.71.1.2.7", "Pharmacien").role("FARM", "1.2.250.1.71.4.2.5", null)
                .attribute("LPS_Nom", "MON LPS").removeAttribute("LPS_Version").issueInstant(t)
                .validity(t, t.plusSeconds(3600)).id("_fixed").toAssertionXml();
        assertThat(Dsig.verify(xml).valid()).isTrue();
        Element a = Xml.parse(xml).getDocumentElement();
        assertThat(attribute(a, "Identifiant_Structure")).isEqualTo("1750100125");
        assertThat(attribute(a, "Secteur_Activite")).isEqualTo("SA07^1.2.250.1.71.4.2.4");
        assertThat(attribute(a, "VIHF_Version")).isEqualTo("4.0");
        assertThat(attribute(a, "LPS_Version")).isNull();
        assertThat(a.getAttribute("IssueInstant")).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(a.getAttribute("ID")).isEqualTo("_fixed");
        assertThat(childNames(a)).containsExactly("Issuer", "Signature", "Subject", "Conditions", "AuthnStatement",
                "AttributeStatement");
        assertThat(xml).contains("code=\"21\"", "code=\"FARM\"", "code=\"bris_de_glace\"").doesNotContain("SM26");
    }

    @Test
    void sha1SignsWithRsaSha1AndStillVerifies() {
        Dsig.Result r = Dsig.verify(VihfBuilder.indirect(SIGN).sha1().toAssertionXml());
        assertThat(r.valid()).isTrue();
        assertThat(r.signature().getSignedInfo().getSignatureMethod().getAlgorithm())
                .isEqualTo("http://www.w3.org/2000/09/xmldsig#rsa-sha1");
    }

    @Test
    void unsignedTokenHasNoSignature() {
        Document d = VihfBuilder.indirect(SIGN).unsigned().toDocument();
        assertThat(d.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").getLength()).isZero();
        assertThat(VihfBuilder.indirect(SIGN).breaking(VihfDefect.SIGNATURE_REMOVED).toAssertionXml())
                .doesNotContain("Signature");
    }

    @Test
    void attackerSignedTokenVerifiesWithItsOwnCertificateWhichIsNotTheSigners() {
        OrgCredential attacker = TestPki.shared().issue(CertSpec.signature(ID).foreignIssuer());
        Dsig.Result r = Dsig.verify(VihfBuilder.indirect(SIGN).signWith(attacker).toAssertionXml());
        assertThat(r.valid()).isTrue();
        assertThat(r.keyInfoCertificate()).isEqualTo(attacker.certificate()).isNotEqualTo(SIGN.certificate());
        Dsig.Result r2 = Dsig.verify(VihfBuilder.indirect(SIGN).breaking(VihfDefect.ATTACKER_SIGNED).toAssertionXml());
        assertThat(r2.valid()).isTrue();
        assertThat(r2.keyInfoCertificate().getIssuerX500Principal()).isEqualTo(SIGN.certificate().getIssuerX500Principal());
        assertThat(r2.keyInfoCertificate()).isNotEqualTo(SIGN.certificate());
    }

    static Stream<VihfDefect> cryptographicallyBroken() {
        return Arrays.stream(VihfDefect.values()).filter(VihfDefect::breaksSignatureCryptographically);
    }

    @ParameterizedTest
    @MethodSource("cryptographicallyBroken")
    void brokenSignaturesAreRejectedByTheJdkXmlDsig(VihfDefect d) {
        assertThat(Dsig.verify(VihfBuilder.indirect(SIGN).breaking(d).toAssertionXml()).valid()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = VihfDefect.class, names = {"SIGNATURE_NOT_CHILD", "TWO_REFERENCES",
        "REFERENCE_WHOLE_DOCUMENT", "EXTRA_TRANSFORM", "DS_OBJECT", "DUPLICATE_ID", "COMMENT_IN_STRUCTURE_ID",
        "SHA1", "OVERSIZED"})
    void profileViolationsKeepACryptographicallyValidSignature(VihfDefect d) {
        assertThat(Dsig.verify(VihfBuilder.indirect(SIGN).breaking(d).toAssertionXml(), true).valid()).isTrue();
    }

    @Test
    void md5TokenIsSignedWithRsaMd5AndAnMd5DigestThatMatch() throws Exception {
        String xml = VihfBuilder.indirect(SIGN).breaking(VihfDefect.MD5).toAssertionXml();
        assertThat(xml).contains("Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-md5\"",
                "Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#md5\"");
        // independent check: recompute the reference digest and the RSA signature with the JDK alone
        Document d = Xml.parse(xml);
        Element a = d.getDocumentElement();
        Element sig = children(a, "Signature").get(0);
        Element signedInfo = children(sig, "SignedInfo").get(0);
        String digest = d.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "DigestValue").item(0).getTextContent();
        String value = children(sig, "SignatureValue").get(0).getTextContent();
        a.removeChild(sig);
        byte[] c14n = ExcC14n.canonicalize(a, "ds saml2 #default xsi");
        assertThat(java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("MD5").digest(c14n)))
                .isEqualTo(digest.strip());
        java.security.Signature rsa = java.security.Signature.getInstance("MD5withRSA");
        rsa.initVerify(SIGN.certificate().getPublicKey());
        rsa.update(ExcC14n.canonicalize(signedInfo, null));
        assertThat(rsa.verify(java.util.Base64.getMimeDecoder().decode(value))).isTrue();
    }

    @Test
    void profileViolationsHaveTheExpectedShape() {
        Element a = VihfBuilder.indirect(SIGN).breaking(VihfDefect.SIGNATURE_NOT_CHILD).toDocument().getDocumentElement();
        assertThat(childNames(a)).doesNotContain("Signature");
        assertThat(childNames(children(a, "Subject").get(0))).contains("Signature");
        Dsig.Result two = Dsig.verify(VihfBuilder.indirect(SIGN).breaking(VihfDefect.TWO_REFERENCES).toAssertionXml());
        assertThat(two.signature().getSignedInfo().getReferences()).hasSize(2);
        Dsig.Result obj = Dsig.verify(VihfBuilder.indirect(SIGN).breaking(VihfDefect.DS_OBJECT).toAssertionXml());
        assertThat(obj.signature().getObjects()).hasSize(1);
        Dsig.Result whole = Dsig.verify(VihfBuilder.indirect(SIGN).breaking(VihfDefect.REFERENCE_WHOLE_DOCUMENT)
                .toAssertionXml());
        assertThat(((javax.xml.crypto.dsig.Reference) whole.signature().getSignedInfo().getReferences().get(0)).getURI())
                .isEmpty();
        Dsig.Result extra = Dsig.verify(VihfBuilder.indirect(SIGN).breaking(VihfDefect.EXTRA_TRANSFORM).toAssertionXml());
        assertThat(Dsig.transformAlgorithms(extra.signature())).hasSize(3);
    }

    @Test
    void duplicateIdPutsASecondElementWithTheSameIdInAdvice() {
        VihfBuilder b = VihfBuilder.indirect(SIGN).breaking(VihfDefect.DUPLICATE_ID);
        Document d = b.toDocument();
        var all = d.getElementsByTagNameNS(SAML2, "Assertion");
        assertThat(all.getLength()).isEqualTo(2);
        assertThat(((Element) all.item(1)).getAttribute("ID")).isEqualTo(b.id());
        assertThat(attribute((Element) all.item(1), "Identifiant_Structure")).isEqualTo(VihfBuilder.EVIL_STRUCTURE);
    }

    @Test
    void commentInStructureIdKeepsTheValueForAReaderThatConcatenatesTextNodes() {
        String xml = VihfBuilder.indirect(SIGN).breaking(VihfDefect.COMMENT_IN_STRUCTURE_ID).toAssertionXml();
        assertThat(xml).contains(">10B01<!---->52872<");
        Element a = Xml.parse(xml).getDocumentElement();
        assertThat(attribute(a, "Identifiant_Structure")).isEqualTo(ID);
    }

    /** For every XSW move: the signed element keeps the original value, another Assertion carries the evil one. */
    @ParameterizedTest
    @EnumSource(value = VihfDefect.class, names = {"XSW3", "XSW4", "XSW5", "XSW6", "XSW7", "XSW8"})
    void signatureWrappingMovesKeepAVerifiableSignatureOverTheOriginalAndInjectAnEvilAssertion(VihfDefect d) {
        VihfBuilder b = VihfBuilder.indirect(SIGN).breaking(d);
        String xml = b.toSecurityHeaderXml();
        Document doc = Xml.parse(xml);
        var assertions = doc.getElementsByTagNameNS(SAML2, "Assertion");
        assertThat(assertions.getLength()).isEqualTo(2);
        List<String> structures = new ArrayList<>();
        Element signedTarget = null;
        for (int i = 0; i < assertions.getLength(); i++) {
            Element a = (Element) assertions.item(i);
            structures.add(attribute(a, "Identifiant_Structure"));
        }
        assertThat(structures).containsExactlyInAnyOrder(ID, VihfBuilder.EVIL_STRUCTURE);
        // the element carrying the signed ID holds the original value
        for (int i = 0; i < assertions.getLength(); i++) {
            Element a = (Element) assertions.item(i);
            if (a.getAttribute("ID").equals(b.id()) && attribute(a, "Identifiant_Structure").equals(ID)) {
                signedTarget = a;
            }
        }
        assertThat(signedTarget).isNotNull();
        if (d == VihfDefect.XSW3 || d == VihfDefect.XSW4 || d == VihfDefect.XSW5) {
            // XSW6/XSW8 put the original inside the Signature, which the enveloped transform removes: a correct
            // engine rejects them; XSW7 keeps two elements with the same ID.
            assertThat(Dsig.verify(xml).valid()).as("signature still verifies over the original").isTrue();
        }
        // the first Assertion in document order carries the evil value (what a naive reader would take)
        assertThat(attribute((Element) assertions.item(0), "Identifiant_Structure")).isEqualTo(VihfBuilder.EVIL_STRUCTURE);
    }

    @ParameterizedTest
    @EnumSource(value = VihfDefect.class, names = {"XSW3", "XSW5", "XSW7", "SECOND_ASSERTION_BEFORE", "SECOND_ASSERTION_AFTER"})
    void containerDefectsRefuseTheAssertionOnlyOutput(VihfDefect d) {
        assertThat(d.needsContainer()).isTrue();
        assertThatThrownBy(() -> VihfBuilder.indirect(SIGN).breaking(d).toAssertionXml())
                .isInstanceOf(IllegalStateException.class);
        Document doc = Xml.parse(VihfBuilder.indirect(SIGN).breaking(d).toSecurityHeaderXml());
        assertThat(children(doc.getDocumentElement(), "Assertion").size()
                + children(doc.getDocumentElement(), "Extensions").size()).isEqualTo(2);
    }

    @Test
    void secondAssertionIsItselfValidlySigned() {
        Document doc = Xml.parse(VihfBuilder.indirect(SIGN).breaking(VihfDefect.SECOND_ASSERTION_BEFORE)
                .toSecurityHeaderXml());
        Element first = children(doc.getDocumentElement(), "Assertion").get(0);
        assertThat(attribute(first, "Identifiant_Structure")).isEqualTo(VihfBuilder.EVIL_STRUCTURE);
        assertThat(Dsig.verify(Xml.serialize(first)).valid()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(VihfDefect.class)
    void everyNonTextualOutputIsWellFormedAndEveryTextualOneIsRejectedByAHardenedParser(VihfDefect d) {
        VihfBuilder b = VihfBuilder.indirect(SIGN).breaking(d);
        String header = b.toSecurityHeaderXml();
        String soap = b.toSoapEnvelopeXml();
        if (d.textual()) {
            assertThatThrownBy(() -> Xml.parse(header)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Xml.parse(soap)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(b::toDocument).isInstanceOf(IllegalStateException.class);
        } else {
            assertThat(Xml.parse(header).getDocumentElement().getLocalName()).isEqualTo("Security");
            assertThat(Xml.parse(soap).getDocumentElement().getLocalName()).isEqualTo("Envelope");
            if (!d.needsContainer()) {
                assertThat(b.toDocument().getDocumentElement().getLocalName()).isEqualTo("Assertion");
            }
        }
    }

    @Test
    void textualDefectsHaveTheExpectedPrologue() {
        assertThat(VihfBuilder.indirect(SIGN).breaking(VihfDefect.DOCTYPE).toAssertionXml()).startsWith("<!DOCTYPE saml2:Assertion");
        assertThat(VihfBuilder.indirect(SIGN).breaking(VihfDefect.EXTERNAL_ENTITY).toAssertionXml())
                .contains("SYSTEM \"file:///etc/hostname\"", "&xxe;");
        assertThat(VihfBuilder.indirect(SIGN).breaking(VihfDefect.ENTITY_EXPANSION).toSoapEnvelopeXml())
                .startsWith("<!DOCTYPE soap:Envelope").contains("&lol9;");
    }

    @ParameterizedTest
    @EnumSource(value = VihfDefect.class, names = {"ATTRIBUTE_MISSING", "ATTRIBUTE_EMPTY", "ATTRIBUTE_REPEATED",
        "VERSION", "AUTH_MODE", "AUTH_MODE_SPELLING", "ROLE", "ROLE_SPECIALTY_MISSING", "PURPOSE", "RESOURCE",
        "RESOURCE_ID", "STRUCTURE_MISMATCH", "STRUCTURE_UNKNOWN", "SECTOR_NOT_IN_VALUESET", "SECTOR_CODE_SYSTEM",
        "SECTOR_FORBIDDEN", "ISSUER_DN", "ISSUER_FORMAT", "TIME_FUTURE", "TIME_EXPIRED", "TIME_NOT_YET_VALID",
        "NOT_SAML2"})
    void contentDefectsChangeTheTokenAndKeepItValidlySigned(VihfDefect d) {
        String good = VihfBuilder.indirect(SIGN).id("_x").issueInstant(Instant.parse("2026-01-01T00:00:00Z")).toAssertionXml();
        String bad = VihfBuilder.indirect(SIGN).id("_x").issueInstant(Instant.parse("2026-01-01T00:00:00Z")).breaking(d)
                .toAssertionXml();
        assertThat(bad).isNotEqualTo(good);
        assertThat(Dsig.verify(bad).valid()).isTrue();
        assertThat(d.expectedRule()).isPresent();
    }

    @Test
    void contentDefectValues() {
        Element a = VihfBuilder.indirect(SIGN).breaking(VihfDefect.SECTOR_FORBIDDEN, VihfDefect.VERSION,
                VihfDefect.STRUCTURE_MISMATCH, VihfDefect.ATTRIBUTE_MISSING).toDocument().getDocumentElement();
        assertThat(attribute(a, "Secteur_Activite")).isEqualTo("SA23^1.2.250.1.71.4.2.4");
        assertThat(attribute(a, "VIHF_Version")).isEqualTo("2.0");
        assertThat(attribute(a, "Identifiant_Structure")).isEqualTo(VihfBuilder.EVIL_STRUCTURE);
        assertThat(attribute(a, "LPS_Nom")).isNull();
        Element t = VihfBuilder.indirect(SIGN).breaking(VihfDefect.AUTH_MODE_SPELLING).toDocument().getDocumentElement();
        assertThat(attribute(t, "Authentification_mode")).isEqualTo("INDIRECTE");
        assertThat(attribute(t, "Authentification_Mode")).isNull();
    }

    @Test
    void everyDefectButTheRobustnessCaseNamesARule() {
        for (VihfDefect d : VihfDefect.values()) {
            assertThat(d.expectedRule().isPresent()).as(d.name()).isEqualTo(d != VihfDefect.COMMENT_IN_STRUCTURE_ID);
        }
    }

    @Test
    void soapEnvelopeIsSoap12WithAddressingAndSecurity() {
        Document d = Xml.parse(VihfBuilder.indirect(SIGN).toSoapEnvelopeXml());
        Element env = d.getDocumentElement();
        assertThat(env.getNamespaceURI()).isEqualTo("http://www.w3.org/2003/05/soap-envelope");
        Element header = children(env, "Header").get(0);
        assertThat(childNames(header)).containsExactly("MessageID", "To", "ReplyTo", "Action", "Security");
        assertThat(Dsig.verify(Xml.serialize(d)).valid()).isTrue();
    }
}
