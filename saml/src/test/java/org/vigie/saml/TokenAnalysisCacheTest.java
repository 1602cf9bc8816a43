package org.vigie.saml;

import org.vigie.core.cert.TlsPeer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigie.core.Rules;
import org.vigie.core.cert.OrgCertificate;
import org.vigie.testkit.CertSpec;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.VihfDefect;

/**
 * The token-analysis cache (a token seen again is neither parsed nor verified again) gives exactly the result of an
 * uncached call: same findings in the same order, at instants inside and outside the validity of the token and of
 * the certificates, whatever the instant the analysis was first cached at.
 */
class TokenAnalysisCacheTest {

    static {
        // revoked credentials are issued before any validator takes the test PKI's CRL
        Fixtures.PKI.issue(CertSpec.signature(Fixtures.STRUCT).revoked());
    }

    /** Before the certificates' validity, before the token, inside, after the token's expiry, after the certificates'. */
    private static final List<Instant> INSTANTS = List.of(Fixtures.AT.minus(Duration.ofDays(3650)),
            Fixtures.AT.minus(Duration.ofHours(3)), Fixtures.AT, Fixtures.AT.plus(Duration.ofDays(1)),
            Fixtures.AT.plus(Duration.ofDays(5 * 365)));

    private static VihfValidator.Builder builder() {
        return Fixtures.validatorBuilder().directory(Fixtures.directory());
    }

    private static VihfValidator uncached() {
        return builder().signatureCacheSize(0).certificateCacheSize(0).build();
    }

    @ParameterizedTest
    @EnumSource(VihfDefect.class)
    void cachedResultEqualsUncachedResultForEveryDefectAndInstant(VihfDefect defect) {
        byte[] token = Fixtures.bytes(Fixtures.token().breaking(defect), defect);
        compareAtEveryInstant(token, defect.toString(), defect != VihfDefect.OVERSIZED);
    }

    @Test
    void cachedResultEqualsUncachedResultForARevokedSigner() {
        OrgCredential revoked = Fixtures.PKI.issue(CertSpec.signature(Fixtures.STRUCT).revoked());
        byte[] token = Fixtures.token(revoked).toBytes();
        assertThat(uncached().validateToken(VihfInput.of(token), Fixtures.AT).report().byRule(Rules.CERT_TRUST))
                .anySatisfy(f -> assertThat(f.message()).contains("révoqué"));
        compareAtEveryInstant(token, "revoked signer", true);
    }

    @Test
    void aCachedAcceptedTokenIsRejectedOnceExpiredAndAcceptedAgainInside() {
        VihfValidator v = builder().build();
        byte[] token = Fixtures.token().validity(Fixtures.AT.minus(Duration.ofHours(1)), Fixtures.AT.plus(Duration.ofHours(1)))
                .toBytes();
        VihfValidation first = v.validate(new TlsPeer(Fixtures.AUTH.certificate(), Fixtures.AUTH.chain()), VihfInput.of(token), Fixtures.AT);
        assertThat(first.accepted()).as(first.report().toString()).isTrue();
        VihfValidation later = v.validate(new TlsPeer(Fixtures.AUTH.certificate(), Fixtures.AUTH.chain()), VihfInput.of(token),
                Fixtures.AT.plus(Duration.ofDays(1)));
        assertThat(later.report().has(Rules.VIHF_TIME)).as(later.report().toString()).isTrue();
        assertThat(later.accepted()).isFalse();
        assertThat(v.validate(new TlsPeer(Fixtures.AUTH.certificate(), Fixtures.AUTH.chain()), VihfInput.of(token), Fixtures.AT)
                .accepted()).isTrue();
        assertThat(v.cachedTokenAnalyses()).isEqualTo(1);
        assertThat(v.cachedSignatureVerifications()).isEqualTo(1);
    }

    @Test
    void aCachedTokenIsStillComparedWithEachTlsCertificate() {
        VihfValidator v = builder().build();
        byte[] token = Fixtures.token().toBytes();
        OrgCredential other = Fixtures.PKI.authentication(Fixtures.EG);
        assertThat(v.validate(new TlsPeer(Fixtures.AUTH.certificate(), Fixtures.AUTH.chain()), VihfInput.of(token), Fixtures.AT)
                .report().has(Rules.VIHF_STRUCT_EQ)).isFalse();
        assertThat(v.validate(new TlsPeer(other.certificate(), other.chain()), VihfInput.of(token), Fixtures.AT)
                .report().has(Rules.VIHF_STRUCT_EQ)).isTrue();
        assertThat(v.cachedTokenAnalyses()).isEqualTo(1);
    }

    @Test
    void disabledCacheKeepsNothing() {
        VihfValidator v = uncached();
        v.validateToken(VihfInput.of(Fixtures.token().toBytes()), Fixtures.AT);
        assertThat(v.cachedTokenAnalyses()).isZero();
    }

    @Test
    void cacheIsBounded() {
        VihfValidator v = builder().signatureCacheSize(2).build();
        for (int i = 0; i < 5; i++) {
            v.validateToken(VihfInput.of(Fixtures.token().id("_bounded" + i).toBytes()), Fixtures.AT);
        }
        assertThat(v.cachedTokenAnalyses()).isEqualTo(2);
    }

    /** Warms one cached validator at the first instant and one at the last, then compares every call. */
    private static void compareAtEveryInstant(byte[] token, String what, boolean cacheable) {
        VihfValidator reference = uncached();
        List<List<Instant>> orders = List.of(INSTANTS, reversed(INSTANTS));
        for (List<Instant> order : orders) {
            VihfValidator cached = builder().build();
            for (Instant at : order) {
                for (List<java.security.cert.X509Certificate> chain : List.of(Fixtures.AUTH.chain(),
                        List.<java.security.cert.X509Certificate>of())) {
                    assertSame(cached.validate(new TlsPeer(Fixtures.AUTH.certificate(), chain), VihfInput.of(token), at),
                            reference.validate(new TlsPeer(Fixtures.AUTH.certificate(), chain), VihfInput.of(token), at),
                            what + " at " + at + " with " + chain.size() + " CA(s)");
                }
                assertSame(cached.validateToken(VihfInput.of(token), at), reference.validateToken(VihfInput.of(token), at),
                        what + " at " + at + " (token only)");
            }
            assertThat(cached.cachedTokenAnalyses()).as(what).isEqualTo(cacheable ? 1 : 0);
        }
    }

    private static List<Instant> reversed(List<Instant> l) {
        List<Instant> r = new ArrayList<>(l);
        java.util.Collections.reverse(r);
        return r;
    }

    private static void assertSame(VihfValidation cached, VihfValidation uncached, String what) {
        assertThat(cached.report().findings()).as(what).containsExactlyElementsOf(uncached.report().findings());
        assertThat(cached.report().evaluatedAt()).as(what).isEqualTo(uncached.report().evaluatedAt());
        assertThat(cached.accepted()).as(what).isEqualTo(uncached.accepted());
        assertThat(cached.structureId()).as(what).isEqualTo(uncached.structureId());
        assertThat(cached.unverifiedToken().map(VihfToken::id)).as(what).isEqualTo(uncached.unverifiedToken().map(VihfToken::id));
        assertThat(cached.unverifiedToken().map(VihfToken::signatureValid)).as(what)
                .isEqualTo(uncached.unverifiedToken().map(VihfToken::signatureValid));
        assertThat(cached.unverifiedToken().map(VihfToken::attributes)).as(what).isEqualTo(uncached.unverifiedToken().map(VihfToken::attributes));
        assertThat(cached.signingCertificate().map(OrgCertificate::fingerprintSha256)).as(what)
                .isEqualTo(uncached.signingCertificate().map(OrgCertificate::fingerprintSha256));
        assertThat(cached.tlsCertificate().map(OrgCertificate::fingerprintSha256)).as(what)
                .isEqualTo(uncached.tlsCertificate().map(OrgCertificate::fingerprintSha256));
    }
}
