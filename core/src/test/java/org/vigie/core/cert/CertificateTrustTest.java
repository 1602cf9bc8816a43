package org.vigie.core.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class CertificateTrustTest {

    private static final Instant SIGNED_AT = Instant.parse("2019-06-26T08:46:06Z");

    private final CertificateTrust testTrust = CertificateTrust.builder().anchors(TrustAnchors.igcSanteTest()).build();

    @Test
    void testCertificateChainsToTheTestRootThroughTheShippedIntermediate() {
        X509Certificate leaf = TestCerts.load(TestCerts.INDIRECTE_SIGNER);
        TrustResult r = testTrust.check(leaf, List.of(), SIGNED_AT);
        assertThat(r.ok()).as(r.problems().toString()).isTrue();
        assertThat(r.path()).hasSize(3);
        assertThat(r.anchor()).contains(TrustAnchors.igcSanteTest().anchors().get(0));
        assertThat(r.revocationUnchecked()).hasSize(2);
        assertThat(r.revoked()).isFalse();
    }

    @Test
    void expiredCertificateIsReportedWithItsDate() {
        X509Certificate leaf = TestCerts.load(TestCerts.INDIRECTE_SIGNER);
        TrustResult r = testTrust.check(leaf, List.of(), Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(r.ok()).isFalse();
        assertThat(r.chained()).isTrue();
        assertThat(r.problems()).singleElement().asString().contains("expiré depuis le 2020-02-29");
        assertThat(r.problemTexts()).singleElement()
                .satisfies(t -> assertThat(t.render(java.util.Locale.ENGLISH)).contains("expired on 2020-02-29"));
    }

    @Test
    void notYetValidCertificateIsReported() {
        X509Certificate leaf = TestCerts.load(TestCerts.INDIRECTE_SIGNER);
        TrustResult r = testTrust.check(leaf, List.of(), Instant.parse("2016-01-01T00:00:00Z"));
        assertThat(r.problems()).singleElement().asString().contains("pas encore valide");
    }

    @Test
    void testCertificateDoesNotChainToProductionAnchors() {
        CertificateTrust prod = CertificateTrust.builder().build();
        TrustResult r = prod.check(TestCerts.load(TestCerts.INDIRECTE_SIGNER), List.of(), SIGNED_AT);
        assertThat(r.ok()).isFalse();
        assertThat(r.chained()).isFalse();
        assertThat(r.problems().get(0)).contains("ne chaîne pas").contains("TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS");
    }

    @Test
    void chainGivenWithTheLeafIsUsedWhenAnchorsHoldOnlyTheRoot() {
        X509Certificate root = TestCerts.load(TestCerts.TEST_ROOT);
        X509Certificate ca = TestCerts.load(TestCerts.TEST_ORG_CA);
        CertificateTrust rootOnly = CertificateTrust.builder().anchors(TrustAnchors.of(root)).build();
        X509Certificate leaf = TestCerts.load(TestCerts.INDIRECTE_SIGNER);
        assertThat(rootOnly.check(leaf, List.of(), SIGNED_AT).ok()).isFalse();
        assertThat(rootOnly.check(leaf, List.of(leaf, ca), SIGNED_AT).ok()).isTrue();
    }

    @Test
    void pinnedLeafIsTrusted() {
        X509Certificate leaf = TestCerts.load(TestCerts.CLASSE4);
        CertificateTrust pinned = CertificateTrust.builder().anchors(TrustAnchors.of(leaf)).build();
        assertThat(pinned.check(leaf, List.of(), Instant.parse("2016-01-01T00:00:00Z")).ok()).isTrue();
        assertThat(testTrust.check(leaf, List.of(), Instant.parse("2016-01-01T00:00:00Z")).ok()).isFalse();
    }

    @Test
    void cachedChainDoesNotHideAnExpiryAtALaterInstant() {
        X509Certificate leaf = TestCerts.load(TestCerts.INDIRECTE_SIGNER);
        CertificateTrust cached = CertificateTrust.builder().anchors(TrustAnchors.igcSanteTest()).cacheSize(4).build();
        assertThat(cached.check(leaf, List.of(), SIGNED_AT).ok()).isTrue();
        assertThat(cached.check(leaf, List.of(), Instant.parse("2021-01-01T00:00:00Z")).ok()).isFalse();
        assertThat(cached.check(leaf, List.of(), SIGNED_AT).ok()).isTrue();
        CertificateTrust uncached = CertificateTrust.builder().anchors(TrustAnchors.igcSanteTest()).cacheSize(0).build();
        assertThat(uncached.check(leaf, List.of(), SIGNED_AT).ok()).isTrue();
    }
}
