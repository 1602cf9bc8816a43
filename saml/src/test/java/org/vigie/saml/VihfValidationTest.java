package org.vigie.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.vigie.core.Finding;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.cert.TlsPeer;
import org.vigie.testkit.CertSpec;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.VihfDefect;

/**
 * {@link VihfValidation}: the token's claims are reachable only from a verified result; and
 * {@link VihfValidator#validateCertificate(TlsPeer, java.time.Instant)}, the TLS certificate alone.
 */
class VihfValidationTest {

    private final VihfValidator validator = Fixtures.validator();

    private static TlsPeer peer(OrgCredential c) {
        return new TlsPeer(c.certificate(), c.chain());
    }

    @Test
    void aValidTokenGivesItsClaimsVerifiedAndUnverified() {
        VihfValidation r = validator.validate(peer(Fixtures.AUTH), VihfInput.of(Fixtures.token().toBytes()), Fixtures.AT);
        assertThat(r.accepted()).isTrue();
        assertThat(r.verified()).isTrue();
        assertThat(r.token()).isPresent();
        assertThat(r.unverifiedToken()).isPresent();
        assertThat(r.structureId()).map(Object::toString).contains(Fixtures.STRUCT);
        assertThat(r.signingCertificate()).isPresent();
        assertThat(r.tlsCertificate()).isPresent();
    }

    @Test
    void aTokenWhoseSignatureFailsHidesItsClaims() {
        for (VihfDefect d : List.of(VihfDefect.SIGNATURE_VALUE, VihfDefect.SIGNATURE_DIGEST, VihfDefect.SIGNATURE_REMOVED)) {
            VihfValidation r = validator.validate(peer(Fixtures.AUTH),
                    VihfInput.of(Fixtures.token().breaking(d).toBytes()), Fixtures.AT);
            assertThat(r.accepted()).as(d.toString()).isFalse();
            assertThat(r.verified()).as(d.toString()).isFalse();
            assertThat(r.token()).as(d.toString()).isEmpty();
            assertThat(r.structureId()).as(d.toString()).isEmpty();
            assertThat(r.signingCertificate()).as(d.toString()).isEmpty();
            assertThat(r.unverifiedToken()).as(d.toString()).isPresent()
                    .hasValueSatisfying(t -> assertThat(t.signatureValid()).isFalse());
            assertThat(r.tlsCertificate()).as("the TLS certificate comes from the connection").isPresent();
        }
    }

    @Test
    void aTamperedValueHidesTheClaimsToo() {
        String xml = Fixtures.token().toAssertionXml().replace(Fixtures.STRUCT, Fixtures.EG);
        VihfValidation r = validator.validateToken(VihfInput.of(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                Fixtures.AT);
        assertThat(r.accepted()).isFalse();
        assertThat(r.token()).isEmpty();
        assertThat(r.structureId()).isEmpty();
        assertThat(r.unverifiedToken()).isPresent();
    }

    @Test
    void validateCertificateOfAGoodPeerHasNoFinding() {
        Report r = validator.validateCertificate(peer(Fixtures.AUTH), Fixtures.AT);
        assertThat(r.findings()).isEmpty();
        assertThat(r.evaluatedAt()).contains(Fixtures.AT);
    }

    @Test
    void validateCertificateGivesTheCertificateFindingsOfControl1() {
        for (CertSpec spec : List.of(CertSpec.authentication(Fixtures.STRUCT).expired(),
                CertSpec.authentication(Fixtures.STRUCT).foreignIssuer(),
                CertSpec.authentication(Fixtures.STRUCT).withoutExtendedKeyUsage(),
                CertSpec.authentication(Fixtures.STRUCT).personalCard(),
                CertSpec.authentication(Fixtures.STRUCT).noOu(),
                CertSpec.authentication(Fixtures.STRUCT).ou("SERVICE INFORMATIQUE"))) {
            OrgCredential c = Fixtures.PKI.issue(spec);
            Report alone = validator.validateCertificate(peer(c), Fixtures.AT);
            // what the certificate part of control 1 says (the former "empty token, keep CERT-*" way)
            List<Finding> inControl1 = validator.validate(peer(c), VihfInput.of(new byte[0]), Fixtures.AT).report()
                    .findings().stream()
                    .filter(f -> f.ruleId().startsWith("CERT-") || f.rule().equals(Rules.ID_KEY)).toList();
            assertThat(alone.findings()).as(spec.toString()).isNotEmpty().containsExactlyElementsOf(inControl1);
            assertThat(alone.findings()).as(spec.toString())
                    .allSatisfy(f -> assertThat(f.ruleId()).matches("CERT-.*|ID-KEY"))
                    .noneMatch(f -> f.ruleId().startsWith("VIHF-"));
            assertThat(alone.accepted()).isFalse();
        }
    }

    @Test
    void certificateFindingsHaveAnEnglishMessage() {
        OrgCredential card = Fixtures.PKI.issue(CertSpec.authentication(Fixtures.STRUCT).personalCard());
        Finding f = validator.validateCertificate(peer(card), Fixtures.AT).findings().stream()
                .filter(x -> x.rule().equals(Rules.CERT_AUTH_PROFILE)).findFirst().orElseThrow();
        assertThat(f.message()).contains("certificat de personne");
        assertThat(f.message(Locale.ENGLISH)).contains("personal").doesNotContain("certificat de personne");
        assertThat(f.location().toString()).isEqualTo("TLS");
    }
}
