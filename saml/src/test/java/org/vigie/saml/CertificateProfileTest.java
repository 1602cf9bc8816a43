package org.vigie.saml;

import org.vigie.core.cert.TlsPeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.saml.FixedPki.AUTH;
import static org.vigie.saml.FixedPki.PKI;
import static org.vigie.saml.FixedPki.SIGN;
import static org.vigie.saml.FixedPki.STRUCT;
import static org.vigie.saml.FixedPki.check;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vigie.core.Finding;
import org.vigie.core.Rules;
import org.vigie.core.cert.OrgCertificate;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.testkit.CertSpec;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.TestPki;
import org.vigie.testkit.ReportAssert;

/**
 * Certificates that chain to a trusted anchor but are not the organisation certificates control 1 needs
 * (CERT-AUTH-PROFILE, CERT-SIGN-PROFILE, CERT-SAME-HIERARCHY), each against the valid pair of the same PKI.
 */
class CertificateProfileTest {

    private final VihfValidator validator = FixedPki.validator().build();

    private static OrgCredential issue(CertSpec spec) {
        return PKI.issue(spec);
    }

    @Test
    void validPairFiresNoCertificateRule() {
        VihfValidation r = check(validator, AUTH, SIGN);
        assertThat(r.report().rulesFired()).noneMatch(id -> id.startsWith("CERT-"));
        assertThat(r.accepted()).as(r.report().toString()).isTrue();
    }

    @Test
    void tlsCertificateWithoutDigitalSignatureIsNotAnAuthenticationCertificate() {
        OrgCredential tls = issue(CertSpec.authentication(STRUCT).withoutDigitalSignature());
        assertThat(tls.certificate().getKeyUsage()[0]).isFalse();
        VihfValidation r = check(validator, tls, SIGN);
        assertThat(r.report().byRule(Rules.CERT_AUTH_PROFILE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("digitalSignature"))
                .satisfies(f -> assertThat(f.location().toString()).isEqualTo("TLS"));
        ReportAssert.assertThat(r.report()).doesNotFire(Rules.CERT_TRUST);
        assertThat(r.accepted()).isFalse();
    }

    @Test
    void caTrueOnTheTlsOrTheSigningCertificateIsAProfileError() {
        OrgCredential caTls = issue(CertSpec.authentication(STRUCT).caTrue());
        assertThat(caTls.certificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(check(validator, caTls, SIGN).report().byRule(Rules.CERT_AUTH_PROFILE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("CA:TRUE"));
        OrgCredential caSign = issue(CertSpec.signature(STRUCT).caTrue());
        VihfValidation r = check(validator, AUTH, caSign);
        assertThat(r.report().byRule(Rules.CERT_SIGN_PROFILE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("CA:TRUE"))
                .satisfies(f -> assertThat(f.location().toString()).isEqualTo("VIHF/Signature/KeyInfo"));
        assertThat(r.report().has(Rules.VIHF_SIGNATURE)).as("the signature itself is valid").isFalse();
        assertThat(r.accepted()).isFalse();
    }

    @Test
    void signerIssuedByThePersonsCaOrTheRootIsNotAnOrganisationSeal() {
        for (CertSpec spec : List.of(CertSpec.signature(STRUCT).issuedByPersonsCa(), CertSpec.signature(STRUCT).issuedByRoot())) {
            OrgCredential sign = issue(spec);
            VihfValidation r = check(validator, AUTH, sign);
            assertThat(r.report().has(Rules.CERT_TRUST)).as("%s chains to the configured anchor", spec).isFalse();
            assertThat(r.report().byRule(Rules.CERT_SIGN_PROFILE)).as(spec.toString()).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains(
                            sign.certificate().getIssuerX500Principal().getName().contains("PERSONNES")
                                    ? "PERSONNES" : "n'est pas émis par une autorité IGC-Santé ORGANISATIONS"));
            assertThat(r.accepted()).isFalse();
        }
    }

    @Test
    void tlsCertificateIssuedByThePersonsCaIsNotAnOrganisationCertificate() {
        OrgCredential tls = issue(CertSpec.authentication(STRUCT).issuedByPersonsCa());
        assertThat(check(validator, tls, SIGN).report().byRule(Rules.CERT_AUTH_PROFILE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("personne").contains("ELEMENTAIRE PERSONNES"));
    }

    @Test
    void ownPkiPolicyLiftsTheOrganisationCaRequirement() {
        VihfValidator own = FixedPki.validator().policy(VihfPolicy.builder().requireOrganisationCa(false).build()).build();
        OrgCredential rootIssued = issue(CertSpec.signature(STRUCT).issuedByRoot());
        VihfValidation r = check(own, AUTH, rootIssued);
        assertThat(r.report().has(Rules.CERT_SIGN_PROFILE)).as(r.report().toString()).isFalse();
        assertThat(r.accepted()).isTrue();
    }

    @Test
    void aPinnedSigningCertificateIsExemptFromTheOrganisationCaRequirement() {
        OrgCredential rootIssued = issue(CertSpec.signature(STRUCT).issuedByRoot());
        VihfValidator pinned = VihfValidator.builder().trust(FixedPki.anchors().plus(TrustAnchors.of(rootIssued.certificate())))
                .build();
        assertThat(check(pinned, AUTH, rootIssued).report().has(Rules.CERT_SIGN_PROFILE)).isFalse();
    }

    @Test
    void policyOidsWhenConfiguredMustBeCarriedByBothCertificates() {
        VihfValidator oids = FixedPki.validator()
                .policy(VihfPolicy.builder().organisationPolicyOids(Set.of(TestPki.TEST_POLICY_OID)).build()).build();
        assertThat(check(oids, AUTH, SIGN).report().rulesFired()).noneMatch(id -> id.startsWith("CERT-"));
        OrgCredential otherPolicy = issue(CertSpec.signature(STRUCT).policyOids("1.2.250.1.999.1"));
        assertThat(check(oids, AUTH, otherPolicy).report().byRule(Rules.CERT_SIGN_PROFILE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains(TestPki.TEST_POLICY_OID).contains("1.2.250.1.999.1"));
        OrgCredential noPolicy = issue(CertSpec.authentication(STRUCT).policyOids());
        assertThat(check(oids, noPolicy, SIGN).report().byRule(Rules.CERT_AUTH_PROFILE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("[]"));
        assertThat(check(validator, noPolicy, SIGN).report().has(Rules.CERT_AUTH_PROFILE))
                .as("not checked by default").isFalse();
    }

    @Test
    void productionTlsCertificateWithATestSignerOrTheReverseIsReported() {
        VihfValidator both = VihfValidator.builder().trust(FixedPki.bothHierarchies()).build();
        OrgCredential prodAuth = issue(CertSpec.authentication(STRUCT).productionHierarchy());
        OrgCredential prodSign = issue(CertSpec.signature(STRUCT).productionHierarchy());
        assertThat(OrgCertificate.of(prodAuth.certificate()).isTest()).isFalse();
        assertThat(OrgCertificate.of(AUTH.certificate()).isTest()).isTrue();
        for (OrgCredential[] pair : new OrgCredential[][]{{prodAuth, SIGN}, {AUTH, prodSign}}) {
            VihfValidation r = check(both, pair[0], pair[1]);
            assertThat(r.report().has(Rules.CERT_TRUST)).as("each chains to one of the two anchors").isFalse();
            assertThat(r.report().byRule(Rules.CERT_SAME_HIERARCHY)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("de TEST").contains("de production"));
            assertThat(r.accepted()).isFalse();
        }
        for (OrgCredential[] pair : new OrgCredential[][]{{prodAuth, prodSign}, {AUTH, SIGN}}) {
            VihfValidation r = check(both, pair[0], pair[1]);
            assertThat(r.report().rulesFired()).as(r.report().toString()).noneMatch(id -> id.startsWith("CERT-"));
        }
    }

    /** The real IGC-Santé TEST certificates: the organisation-CA recognition fits them (sources win). */
    @Test
    void realTestCertificatesAreRecognisedByTheirIssuingCaNotByTheirPolicyOid() {
        OrgCertificate auth = OrgCertificate.of(SharedTestData.cert(
                "certs/ee/padoa_p12cert_asip-p12-EL-TEST-ORG-AUTH_CLI-20211115-103506.pem"));
        OrgCertificate sign = OrgCertificate.of(SharedTestData.cert(
                "certs/ee/padoa_p12cert_asip-p12-EL-TEST-ORG-SIGN-20211115-110125.pem"));
        OrgCertificate person = OrgCertificate.of(SharedTestData.cert(
                "certs/ee/esign_xmlembedded_EL-PERSONNES_899700075064.pem"));
        for (OrgCertificate c : List.of(auth, sign)) {
            assertThat(c.issuedByOrganisationCa()).as(c.toString()).isTrue();
            assertThat(c.isCa()).isFalse();
            assertThat(c.hasDigitalSignature()).isTrue();
            assertThat(c.policyOids()).containsExactly(TestPki.TEST_POLICY_OID);
        }
        assertThat(person.issuedByOrganisationCa()).isFalse();
        assertThat(person.policyOids()).as("the TEST policy OID does not tell organisations from persons")
                .containsExactly(TestPki.TEST_POLICY_OID);
        // the real pair, at an instant inside both validity periods, against the real TEST anchors: no CERT-* profile rule
        X509Certificate tls = auth.certificate();
        VihfValidator real = VihfValidator.builder().trust(TrustAnchors.igcSanteTest()).build();
        VihfValidation r = real.validate(TlsPeer.of(tls), VihfInput.of(FixedPki.token(SIGN).toBytes()),
                Instant.parse("2022-06-01T00:00:00Z"));
        ReportAssert.assertThat(r.report()).doesNotFire(Rules.CERT_AUTH_PROFILE);
        assertThat(r.report().byRule(Rules.CERT_TRUST)).extracting(f -> f.location().toString())
                .as("only the test-kit signer fails trust under the real anchors").containsOnly("VIHF/Signature/KeyInfo");
    }
}
