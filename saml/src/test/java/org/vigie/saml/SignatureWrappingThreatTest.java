package org.vigie.saml;

import org.vigie.core.cert.TlsPeer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigie.core.Finding;
import org.vigie.core.Rules;
import org.vigie.testkit.CertSpec;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.VihfDefect;
import org.vigie.testkit.ReportAssert;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Threat: an attacker keeps a valid signature and makes the validator read other content (XML signature wrapping,
 * duplicate IDs, moved or extra signatures, out-of-profile references, keys fetched from elsewhere), or signs with a
 * key of their own. Each attack is built from a valid test-kit token and must be rejected with the right rule,
 * never read as valid.
 */
class SignatureWrappingThreatTest {

    private final VihfValidator validator = Fixtures.validator();

    private VihfValidation run(byte[] bytes) {
        return validator.validate(new TlsPeer(Fixtures.AUTH.certificate(), Fixtures.AUTH.chain()), VihfInput.of(bytes), Fixtures.AT);
    }

    @ParameterizedTest
    @EnumSource(value = VihfDefect.class, names = {"XSW3", "XSW4", "XSW5", "XSW6", "XSW7", "XSW8", "DUPLICATE_ID"})
    void wrappingAttacksAreRejectedAsSignatureFailures(VihfDefect attack) {
        VihfBuilder b = Fixtures.token().breaking(attack);
        VihfValidation r = run(Fixtures.bytes(b, attack));
        assertThat(r.report().has(Rules.VIHF_SIGNATURE)).as(r.report().toString()).isTrue();
        assertThat(r.accepted()).isFalse();
        assertThat(r.token()).as("no Assertion is chosen among several").isEmpty();
        assertThat(r.structureId()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = VihfDefect.class, names = {"SECOND_ASSERTION_BEFORE", "SECOND_ASSERTION_AFTER"})
    void secondSignedAssertionInTheHeaderIsRejected(VihfDefect attack) {
        VihfValidation r = run(Fixtures.bytes(Fixtures.token().breaking(attack), attack));
        assertThat(r.report().byRule(Rules.VIHF_XML)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("2 Assertions"));
        assertThat(r.token()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = VihfDefect.class, names = {"SIGNATURE_NOT_CHILD", "TWO_REFERENCES", "REFERENCE_WHOLE_DOCUMENT",
            "EXTRA_TRANSFORM", "DS_OBJECT", "MD5"})
    void outOfProfileSignaturesAreRejectedEvenWhenTheyVerify(VihfDefect attack) {
        VihfValidation r = run(Fixtures.bytes(Fixtures.token().breaking(attack), attack));
        assertThat(r.report().has(Rules.VIHF_SIGNATURE)).as(r.report().toString()).isTrue();
        assertThat(r.unverifiedToken().orElseThrow().signatureValid()).isFalse();
    }

    @Test
    void contentChangedAfterSigningIsToldApartFromAnotherKey() {
        VihfValidation digest = run(Fixtures.token().breaking(VihfDefect.SIGNATURE_DIGEST).toBytes());
        assertThat(digest.report().byRule(Rules.VIHF_SIGNATURE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("modifié après la signature"));
        VihfValidation value = run(Fixtures.token().breaking(VihfDefect.SIGNATURE_VALUE).toBytes());
        assertThat(value.report().byRule(Rules.VIHF_SIGNATURE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("autre clé").doesNotContain("modifié après"));
    }

    @Test
    void signatureByAnotherKeyThanTheKeyInfoCertificateIsNotContentChange() {
        OrgCredential other = Fixtures.PKI.signature(Fixtures.EG);
        Document d = Fixtures.token().toDocument();
        // replace the KeyInfo certificate with another, valid one of the same PKI
        Element x509 = Dom.first(d, Dom.DSIG, "X509Certificate");
        try {
            x509.setTextContent(java.util.Base64.getEncoder().encodeToString(other.certificate().getEncoded()));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        VihfValidation r = run(Dom.bytes(d));
        assertThat(r.report().byRule(Rules.VIHF_SIGNATURE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("autre clé"));
    }

    @Test
    void removedSignatureIsUnsigned() {
        VihfValidation r = run(Fixtures.token().breaking(VihfDefect.SIGNATURE_REMOVED).toBytes());
        assertThat(r.report().rulesFired()).contains("VIHF-SIGNED").doesNotContain("VIHF-SIGNATURE");
        assertThat(r.unverifiedToken().orElseThrow().signatureValid()).isFalse();
    }

    @Test
    void attackerSignedTokenWithItsOwnCertificateDoesNotChain() {
        VihfValidation r = run(Fixtures.token().breaking(VihfDefect.ATTACKER_SIGNED).toBytes());
        assertThat(r.report().byRule(Rules.CERT_TRUST)).extracting(f -> f.location().toString()).contains("VIHF/Signature/KeyInfo");
        assertThat(r.accepted()).isFalse();
    }

    @Test
    void tokenSignedByAnotherTrustedStructureFailsIssuerAndSameStructure() {
        OrgCredential other = Fixtures.PKI.issue(CertSpec.signature(Fixtures.EG));
        VihfValidation r = run(Fixtures.token().signWith(other).toBytes());
        assertThat(r.report().rulesFired()).contains("VIHF-ISSUER", "CERT-SAME-STRUCTURE");
    }

    @Test
    void retrievalMethodAndKeyInfoReferenceAreRefused() {
        for (String[] el : new String[][] {{Dom.DSIG, "ds:RetrievalMethod"},
                {"http://www.w3.org/2009/xmldsig11#", "dsig11:KeyInfoReference"}}) {
            Document d = Fixtures.token().toDocument();
            Element keyInfo = Dom.first(d, Dom.DSIG, "KeyInfo");
            Element ref = d.createElementNS(el[0], el[1]);
            ref.setAttributeNS(null, "URI", "#" + d.getDocumentElement().getAttribute("ID"));
            keyInfo.insertBefore(ref, keyInfo.getFirstChild());
            VihfValidation r = run(Dom.bytes(d));
            assertThat(r.report().byRule(Rules.VIHF_SIGNATURE)).as(el[1]).anySatisfy(
                    f -> assertThat(f.message()).contains(el[1].substring(el[1].indexOf(':') + 1)));
            assertThat(r.unverifiedToken().orElseThrow().signatureValid()).isFalse();
        }
    }

    @Test
    void unknownAlgorithmsAreSignatureFailuresNotAlgorithmWarnings() {
        for (String local : new String[] {"SignatureMethod", "DigestMethod"}) {
            Document d = Fixtures.token().toDocument();
            Dom.first(d, Dom.DSIG, local).setAttributeNS(null, "Algorithm", "urn:example:unknown");
            VihfValidation r = run(Dom.bytes(d));
            assertThat(r.report().byRule(Rules.VIHF_SIGNATURE)).as(local)
                    .anySatisfy(f -> assertThat(f.message()).contains("non autorisé"));
            ReportAssert.assertThat(r.report()).doesNotFire(Rules.VIHF_ALGORITHM);
        }
    }

    @Test
    void rebindingAnUnsignedTypePrefixIsAnAttributeError() {
        // exclusive c14n does not cover the binding of a prefix used only inside xsi:type: the value is checked
        String xml = Fixtures.token().toAssertionXml();
        org.junit.jupiter.api.Assumptions.assumeTrue(xml.contains("xmlns:xs=\"http://www.w3.org/2001/XMLSchema\""));
        String rebound = xml.replaceFirst("xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"", "xmlns:xs=\"urn:example:other\"");
        VihfValidation r = run(rebound.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.token().orElseThrow().signatureValid()).as("the binding is outside the signature").isTrue();
        assertThat(r.report().byRule(Rules.VIHF_ATTRIBUTE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("xsi:type"));
        assertThat(r.accepted()).isFalse();
    }

    @Test
    void signatureMustFollowTheIssuer() {
        Document d = Fixtures.token().toDocument();
        Element sig = Dom.first(d, Dom.DSIG, "Signature");
        Element root = d.getDocumentElement();
        root.removeChild(sig);
        root.appendChild(sig);
        VihfValidation r = run(Dom.bytes(d));
        assertThat(r.report().byRule(Rules.VIHF_SIGNATURE)).anySatisfy(f -> assertThat(f.message()).contains("Issuer"));
    }
}
