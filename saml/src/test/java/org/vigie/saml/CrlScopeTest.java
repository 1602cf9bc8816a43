package org.vigie.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.saml.FixedPki.ANCHOR;
import static org.vigie.saml.FixedPki.AT;
import static org.vigie.saml.FixedPki.PKI;
import static org.vigie.saml.FixedPki.SIGN;
import static org.vigie.saml.FixedPki.STRUCT;

import java.security.cert.X509CRL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigie.core.Finding;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.cert.CertificateTrust;
import org.vigie.core.cert.RevocationGap;
import org.vigie.core.cert.TrustResult;
import org.vigie.testkit.CertSpec;
import org.vigie.testkit.CrlSpec;
import org.vigie.testkit.OrgCredential;

/**
 * CRLs that must not count as "this certificate is not revoked": stale, not yet valid, without nextUpdate, delta,
 * scoped away by their issuingDistributionPoint, or not signed by the certificate's issuer. Each is reported as
 * "révocation non vérifiée" with its reason, and a current complete CRL next to it still does the job.
 */
class CrlScopeTest {

    /** Issued before any CRL is built, so that the CRLs of the test PKI list it. */
    static final OrgCredential REVOKED = PKI.issue(CertSpec.authentication(STRUCT).revoked());
    static final OrgCredential GOOD = FixedPki.AUTH;

    private static VihfValidation check(OrgCredential tls, VihfValidator v) {
        return FixedPki.check(v, tls, SIGN);
    }

    private static VihfValidator with(X509CRL... orgCrls) {
        List<X509CRL> crls = new java.util.ArrayList<>(List.of(orgCrls));
        crls.add(PKI.rootCrl()); // the ORGANISATIONS CA itself is covered by the root's CRL
        return FixedPki.validator().crls(crls).build();
    }

    private static List<Finding> tlsRevocation(VihfValidation r) {
        return r.report().byRule(Rules.CERT_TRUST).stream().filter(f -> f.location().toString().equals("TLS")).toList();
    }

    @Test
    void currentCompleteCrlRevokesAndOtherwiseSaysNothing() {
        VihfValidator v = with(PKI.crl(CrlSpec.current()));
        assertThat(tlsRevocation(check(REVOKED, v))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("révoqué depuis"));
        VihfValidation good = check(GOOD, v);
        assertThat(good.report().has(Rules.CERT_TRUST)).as(good.report().toString()).isFalse();
        assertThat(good.accepted()).isTrue();
    }

    @Test
    void unusableCrlsLeaveRevocationUncheckedWithTheirReason() {
        Map<String, CrlSpec> cases = new java.util.LinkedHashMap<>();
        cases.put("CRL périmée depuis le 2026-02-20", CrlSpec.current().dates(ANCHOR.minus(Duration.ofDays(40)),
                ANCHOR.minus(Duration.ofDays(10))));
        cases.put("pas encore valide", CrlSpec.current().dates(AT.plus(Duration.ofHours(1)), ANCHOR.plus(Duration.ofDays(30))));
        cases.put("sans nextUpdate", CrlSpec.current().withoutNextUpdate());
        cases.put("CRL delta", CrlSpec.current().delta(99));
        cases.put("onlyContainsCACerts", CrlSpec.current().onlyContainsCaCerts());
        cases.put("onlyContainsAttributeCerts", CrlSpec.current().onlyContainsAttributeCerts());
        cases.put("onlySomeReasons", CrlSpec.current().onlySomeReasons());
        cases.put("indirectCRL", CrlSpec.current().indirectCrl());
        cases.put("signature ne vérifie pas", CrlSpec.current().signedByForeignKey());
        for (Map.Entry<String, CrlSpec> c : cases.entrySet()) {
            // the CRL lists nothing: a certificate revoked after it was issued would look fine if it were trusted
            VihfValidator v = with(PKI.crl(c.getValue().listingNothing()));
            VihfValidation r = check(REVOKED, v);
            assertThat(tlsRevocation(r)).as(c.getKey()).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.message()).contains("révocation non vérifiée").contains(c.getKey());
                assertThat(f.evidence()).contains("TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS");
            });
        }
    }

    @Test
    void anAuthenticCrlThatListsTheCertificateRevokesItEvenWhenStaleOrDelta() {
        for (CrlSpec spec : List.of(CrlSpec.current().dates(ANCHOR.minus(Duration.ofDays(5)), ANCHOR.minus(Duration.ofDays(2))),
                CrlSpec.current().delta(99), CrlSpec.current().onlyContainsCaCerts())) {
            assertThat(tlsRevocation(check(REVOKED, with(PKI.crl(spec))))).as(spec.toString()).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("révoqué depuis"))
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        }
    }

    @Test
    void aCrlSignedByAnotherKeyUnderTheIssuerNameRevokesNothing() {
        VihfValidation r = check(REVOKED, with(PKI.crl(CrlSpec.current().signedByForeignKey())));
        assertThat(tlsRevocation(r)).singleElement()
                .satisfies(f -> assertThat(f.message()).doesNotContain("révoqué depuis").contains("signature ne vérifie pas"));
    }

    @Test
    void inScopeIdpAndACurrentCrlBesideAStaleOneCoverTheCertificate() {
        assertThat(check(GOOD, with(PKI.crl(CrlSpec.current().onlyContainsUserCerts()))).report().has(Rules.CERT_TRUST))
                .isFalse();
        X509CRL stale = PKI.crl(CrlSpec.current().listingNothing().dates(ANCHOR.minus(Duration.ofDays(40)),
                ANCHOR.minus(Duration.ofDays(10))));
        assertThat(check(GOOD, with(stale, PKI.crl(CrlSpec.current()))).report().has(Rules.CERT_TRUST)).isFalse();
        assertThat(tlsRevocation(check(REVOKED, with(stale, PKI.crl(CrlSpec.current()))))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("révoqué depuis"));
    }

    @Test
    void aCaCertsOnlyCrlLeavesTheEndEntityCertificateUnchecked() {
        X509CRL completeRoot = PKI.rootCrl(); // complete: covers the ORGANISATIONS CA
        CertificateTrust t = CertificateTrust.builder().anchors(FixedPki.anchors())
                .crls(List.of(PKI.crl(CrlSpec.current().onlyContainsCaCerts()), completeRoot)).build();
        TrustResult r = t.check(GOOD.certificate(), GOOD.chain(), AT);
        assertThat(r.ok()).isTrue();
        assertThat(r.revocationGaps()).singleElement().satisfies(g -> {
            assertThat(g.subject()).isEqualTo(GOOD.certificate().getSubjectX500Principal().getName());
            assertThat(g.crlSuppliedButUnusable()).isTrue();
            assertThat(g.reasons()).singleElement().asString().contains("onlyContainsCACerts");
        });
        assertThat(r.revocationUnchecked()).containsExactly(GOOD.certificate().getSubjectX500Principal().getName());
    }

    @Test
    void withoutAnyCrlOfTheIssuerTheGapHasNoReasonAndStaysAnInfo() {
        VihfValidator v = FixedPki.validator().crls(List.of(PKI.rootCrl())).build();
        assertThat(tlsRevocation(check(GOOD, v))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("faute de CRL fournie");
        });
        TrustResult r = v.trust().check(GOOD.certificate(), GOOD.chain(), AT);
        assertThat(r.revocationGaps()).extracting(RevocationGap::crlSuppliedButUnusable).containsExactly(false);
    }

    @Test
    void policyCanMakeAnUnusableCrlAnError() {
        VihfValidator strict = FixedPki.validator()
                .crls(List.of(PKI.crl(CrlSpec.current().delta(99).listingNothing()), PKI.rootCrl()))
                .policy(VihfPolicy.builder().unusableCrlSeverity(Severity.ERROR).build()).build();
        VihfValidation r = check(GOOD, strict);
        assertThat(tlsRevocation(r)).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(r.accepted()).isFalse();
    }
}
