package org.vigie.saml;

import org.vigie.core.cert.TlsPeer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigie.core.Finding;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.testkit.CertSpec;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.ReportAssert;

/** CERT-* rules on both sides, for the TLS certificate and the VIHF signing certificate. */
class CertificateRulesTest {

    static {
        // revoked credentials are issued before any validator takes the test PKI's CRL
        Fixtures.PKI.issue(CertSpec.authentication(Fixtures.STRUCT).revoked());
        Fixtures.PKI.issue(CertSpec.signature(Fixtures.STRUCT).revoked());
    }

    private final VihfValidator validator = Fixtures.validator();

    private VihfValidation check(OrgCredential tls, OrgCredential sign) {
        return validator.validate(new TlsPeer(tls.certificate(), tls.chain()), VihfInput.of(Fixtures.token(sign).toBytes()), Fixtures.AT);
    }

    @Test
    void validPairPassesEveryCertificateRule() {
        VihfValidation r = check(Fixtures.AUTH, Fixtures.SIGN);
        assertThat(r.report().rulesFired()).noneMatch(id -> id.startsWith("CERT-"));
        assertThat(r.tlsCertificate().orElseThrow().structureId()).isEqualTo(r.signingCertificate().orElseThrow().structureId());
    }

    @Test
    void expiredNotYetValidRevokedAndForeignTlsCertificatesFailTrust() {
        for (CertSpec spec : List.of(CertSpec.authentication(Fixtures.STRUCT).expired(),
                CertSpec.authentication(Fixtures.STRUCT).notYetValid(),
                CertSpec.authentication(Fixtures.STRUCT).revoked(),
                CertSpec.authentication(Fixtures.STRUCT).foreignIssuer())) {
            VihfValidation r = check(Fixtures.PKI.issue(spec), Fixtures.SIGN);
            assertThat(r.report().byRule(Rules.CERT_TRUST)).as(spec.toString()).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.location().toString()).isEqualTo("TLS"));
            assertThat(r.accepted()).isFalse();
        }
    }

    @Test
    void revocationIsReportedOnlyWithTheCrlSupplied() {
        OrgCredential revoked = Fixtures.PKI.issue(CertSpec.authentication(Fixtures.STRUCT).revoked());
        VihfValidator noCrl = VihfValidator.builder().trust(Fixtures.anchors()).build();
        VihfValidation without = noCrl.validate(new TlsPeer(revoked.certificate(), revoked.chain()),
                VihfInput.of(Fixtures.token().toBytes()), Fixtures.AT);
        ReportAssert.assertThat(without.report()).doesNotFire(Rules.CERT_TRUST);
        VihfValidation with = check(revoked, Fixtures.SIGN);
        assertThat(with.report().byRule(Rules.CERT_TRUST)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("révoqué"));
    }

    @Test
    void revokedSigningCertificateFailsTrust() {
        OrgCredential sign = Fixtures.PKI.issue(CertSpec.signature(Fixtures.STRUCT).revoked());
        VihfValidation r = check(Fixtures.AUTH, sign);
        assertThat(r.report().byRule(Rules.CERT_TRUST)).singleElement()
                .satisfies(f -> assertThat(f.location().toString()).isEqualTo("VIHF/Signature/KeyInfo"));
    }

    @Test
    void testKitCertificatesDoNotChainToTheShippedIgcSanteAnchors() {
        VihfValidator prod = VihfValidator.builder().build();
        VihfValidation r = prod.validate(new TlsPeer(Fixtures.AUTH.certificate(), Fixtures.AUTH.chain()),
                VihfInput.of(Fixtures.token().toBytes()), Fixtures.AT);
        assertThat(r.report().byRule(Rules.CERT_TRUST)).extracting(f -> f.location().toString())
                .containsExactlyInAnyOrder("TLS", "VIHF/Signature/KeyInfo");
        VihfValidator test = VihfValidator.builder().trust(TrustAnchors.igcSanteTest()).build();
        assertThat(test.validate(new TlsPeer(Fixtures.AUTH.certificate(), Fixtures.AUTH.chain()),
                VihfInput.of(Fixtures.token().toBytes()), Fixtures.AT).report().has(Rules.CERT_TRUST))
                .as("same names as the real TEST CAs, other keys").isTrue();
    }

    @Test
    void tlsChainHelpsBuildTheSigningCertificateChainWhenAnchorsHoldOnlyTheRoot() {
        VihfValidator rootOnly = VihfValidator.builder().trust(TrustAnchors.of(Fixtures.PKI.root())).build();
        byte[] token = Fixtures.token().toBytes();
        VihfValidation withChain = rootOnly.validate(new TlsPeer(Fixtures.AUTH.certificate(), Fixtures.AUTH.chain()), VihfInput.of(token),
                Fixtures.AT);
        assertThat(withChain.report().has(Rules.CERT_TRUST)).as(withChain.report().toString()).isFalse();
        VihfValidation tokenOnly = rootOnly.validateToken(VihfInput.of(token), Fixtures.AT);
        assertThat(tokenOnly.report().byRule(Rules.CERT_TRUST)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("ne chaîne pas"));
    }

    @Test
    void tlsCertificateMustBeAnOrganisationAuthenticationCertificate() {
        assertThat(check(Fixtures.SIGN, Fixtures.SIGN).report().has(Rules.CERT_AUTH_PROFILE)).isTrue();
        OrgCredential noEku = Fixtures.PKI.issue(CertSpec.authentication(Fixtures.STRUCT).withoutExtendedKeyUsage());
        assertThat(check(noEku, Fixtures.SIGN).report().byRule(Rules.CERT_AUTH_PROFILE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("clientAuth"));
        OrgCredential card = Fixtures.PKI.issue(CertSpec.authentication(Fixtures.STRUCT).personalCard());
        assertThat(check(card, Fixtures.SIGN).report().byRule(Rules.CERT_AUTH_PROFILE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("personne"));
        assertThat(check(Fixtures.AUTH, Fixtures.SIGN).report().has(Rules.CERT_AUTH_PROFILE)).isFalse();
    }

    @Test
    void signingCertificateMustBeASeal() {
        OrgCredential noNonRep = Fixtures.PKI.issue(CertSpec.signature(Fixtures.STRUCT).withoutNonRepudiation());
        assertThat(check(Fixtures.AUTH, noNonRep).report().byRule(Rules.CERT_SIGN_PROFILE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("nonRepudiation"));
        assertThat(check(Fixtures.AUTH, Fixtures.AUTH).report().has(Rules.CERT_SIGN_PROFILE)).isTrue();
        assertThat(check(Fixtures.AUTH, Fixtures.SIGN).report().has(Rules.CERT_SIGN_PROFILE)).isFalse();
    }

    @Test
    void certificateWithoutASingleWellFormedOuHasNoStructure() {
        OrgCredential noOu = Fixtures.PKI.issue(CertSpec.authentication(Fixtures.STRUCT).noOu());
        OrgCredential twoOu = Fixtures.PKI.issue(CertSpec.authentication(Fixtures.STRUCT).twoOu(Fixtures.STRUCT, Fixtures.EG));
        OrgCredential badOu = Fixtures.PKI.issue(CertSpec.authentication(Fixtures.STRUCT).ou("SERVICE INFORMATIQUE"));
        for (OrgCredential c : List.of(noOu, twoOu, badOu)) {
            VihfValidation r = check(c, Fixtures.SIGN);
            assertThat(r.report().byRule(Rules.CERT_STRUCT_ID)).as(c.certificate().getSubjectX500Principal().getName())
                    .singleElement().satisfies(f -> assertThat(f.location().toString()).startsWith("TLS"));
            assertThat(r.report().has(Rules.VIHF_STRUCT_EQ)).as("no structure to compare").isFalse();
            assertThat(r.accepted()).isFalse();
        }
    }

    @Test
    void authenticationAndSigningCertificatesMustCarryTheSameStructure() {
        OrgCredential otherSign = Fixtures.PKI.signature(Fixtures.EG);
        VihfValidation r = validator.validate(new TlsPeer(Fixtures.AUTH.certificate(), Fixtures.AUTH.chain()),
                VihfInput.of(Fixtures.token(otherSign).identifiantStructure(Fixtures.STRUCT).toBytes()), Fixtures.AT);
        assertThat(r.report().byRule(Rules.CERT_SAME_STRUCTURE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains(Fixtures.STRUCT).contains(Fixtures.EG));
        ReportAssert.assertThat(r.report()).doesNotFire(Rules.VIHF_STRUCT_EQ);
    }

    @Test
    void testFinessInTheTlsCertificateIsAKeyWarningOnly() {
        OrgCredential auth = Fixtures.PKI.authentication("10B0152872");
        OrgCredential sign = Fixtures.PKI.signature("10B0152872");
        VihfValidation r = check(auth, sign);
        assertThat(r.report().byRule(Rules.ID_KEY)).isNotEmpty().extracting(Finding::severity).containsOnly(Severity.WARNING);
        assertThat(r.accepted()).as(r.report().toString()).isTrue();
    }
}
