package org.vigie.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.testkit.VihfDefect;
import org.vigie.testkit.ReportAssert;

/** The bounded signature-verification cache saves work and never changes a verdict. */
class VerificationCacheTest {

    @Test
    void sameTokenIsVerifiedOnceAndGivesTheSameReport() {
        VihfValidator v = Fixtures.validator();
        byte[] token = Fixtures.token().toBytes();
        Report first = v.validateToken(VihfInput.of(token), Fixtures.AT).report();
        Report second = v.validateToken(VihfInput.of(token), Fixtures.AT).report();
        assertThat(v.cachedSignatureVerifications()).isEqualTo(1);
        assertThat(second.findings()).isEqualTo(first.findings());
    }

    @Test
    void instantDependentRulesAreEvaluatedAfreshOnACacheHit() {
        VihfValidator v = Fixtures.validator();
        byte[] token = Fixtures.token().toBytes();
        assertThat(v.validateToken(VihfInput.of(token), Fixtures.AT).accepted()).isTrue();
        VihfValidation later = v.validateToken(VihfInput.of(token), Fixtures.AT.plus(Duration.ofDays(5 * 365)));
        assertThat(v.cachedSignatureVerifications()).isEqualTo(1);
        assertThat(later.report().has(Rules.CERT_TRUST)).as("signing certificate expired by then").isTrue();
        ReportAssert.assertThat(later.report()).doesNotFire(Rules.VIHF_SIGNATURE);
    }

    @Test
    void alteredTokenWithTheSameIdIsNotServedFromTheCache() {
        VihfValidator v = Fixtures.validator();
        assertThat(v.validateToken(VihfInput.of(Fixtures.token().id("_same").toBytes()), Fixtures.AT).accepted()).isTrue();
        VihfValidation altered = v.validateToken(
                VihfInput.of(Fixtures.token().id("_same").breaking(VihfDefect.SIGNATURE_DIGEST).toBytes()), Fixtures.AT);
        ReportAssert.assertThat(altered.report()).fires(Rules.VIHF_SIGNATURE);
        assertThat(v.cachedSignatureVerifications()).isEqualTo(2);
    }

    @Test
    void elementInputIsCachedByItsCanonicalForm() throws Exception {
        VihfValidator v = Fixtures.validator();
        VihfInput a = VihfInput.of(Fixtures.token().toDocument().getDocumentElement());
        v.validateToken(a, Fixtures.AT);
        v.validateToken(a, Fixtures.AT);
        assertThat(v.cachedSignatureVerifications()).isEqualTo(1);
    }

    @Test
    void cacheCanBeDisabledAndIsBounded() {
        VihfValidator none = Fixtures.validatorBuilder().signatureCacheSize(0).build();
        none.validateToken(VihfInput.of(Fixtures.token().toBytes()), Fixtures.AT);
        assertThat(none.cachedSignatureVerifications()).isZero();
        VihfValidator two = Fixtures.validatorBuilder().signatureCacheSize(2).build();
        for (int i = 0; i < 4; i++) {
            two.validateToken(VihfInput.of(Fixtures.token().id("_t" + i).toBytes()), Fixtures.AT);
        }
        assertThat(two.cachedSignatureVerifications()).isEqualTo(2);
    }

    @Test
    void oneValidatorServesSeveralThreads() throws Exception {
        VihfValidator v = Fixtures.validator();
        List<byte[]> tokens = List.of(Fixtures.token().id("_a").toBytes(),
                Fixtures.token().id("_b").breaking(VihfDefect.SIGNATURE_DIGEST).toBytes());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int k = i % 2;
                results.add(pool.submit(() -> v.validateToken(VihfInput.of(tokens.get(k)), Fixtures.AT).accepted() == (k == 0)));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
