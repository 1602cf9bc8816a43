package org.vigie.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigie.core.Report;
import org.vigie.core.cert.TlsPeer;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.saml.VihfValidation;
import org.vigie.saml.VihfInput;
import org.vigie.saml.VihfValidator;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.VihfDefect;

/**
 * One validator shared by 8 threads over thousands of mixed valid and invalid requests gives, for each request,
 * exactly the report one thread gives (same findings in the same order, same occurrences); and the caches a shared
 * validator keeps (signature verdicts, certificate chains) stay within their configured size however many distinct
 * tokens go through. The class timeout only guards against a deadlock.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ConcurrencyTest {

    static final int THREADS = 8;
    static final int REQUESTS = 2000;

    final DmpRequestValidator validator = validatorForTests();

    /** The test-kit PKI, its CRLs, the test directory, a fixed clock. */
    static DmpRequestValidator validatorForTests() {
        return DmpRequestValidator.builder()
                .trust(TrustAnchors.of(List.of(DmpRequestValidatorTest.PKI.root()),
                        List.of(DmpRequestValidatorTest.PKI.organisationsCa())))
                .crls(DmpRequestValidatorTest.PKI.crls())
                .directory(DmpRequestValidatorTest.DIRECTORY)
                .clock(Clock.fixed(DmpRequestValidatorTest.AT, ZoneOffset.UTC))
                .build();
    }

    /** A request and how to hand it over. */
    record Case(String name, byte[] bytes, String contentType) {
    }

    static List<Case> cases() throws Exception {
        String eg = DmpRequestValidatorTest.EG_ID;
        String other = "1" + DmpRequestValidatorTest.OTHER_EG;
        List<Case> cases = new ArrayList<>();
        String ct = Requests.contentType();
        cases.add(new Case("compliant", DmpRequestValidatorTest.mtomRequest(DmpRequestValidatorTest.vihf(), eg, eg, eg), ct));
        cases.add(new Case("compliant, no content type",
                DmpRequestValidatorTest.mtomRequest(DmpRequestValidatorTest.vihf(), eg, eg, eg), null));
        cases.add(new Case("foreign EG everywhere",
                DmpRequestValidatorTest.mtomRequest(DmpRequestValidatorTest.vihf(), other, other, other), ct));
        cases.add(new Case("foreign EG in the CDA only",
                DmpRequestValidatorTest.mtomRequest(DmpRequestValidatorTest.vihf(), eg, eg, other), ct));
        cases.add(new Case("unknown structure in the VIHF", DmpRequestValidatorTest.mtomRequest(
                DmpRequestValidatorTest.vihf().identifiantStructure("1" + VihfBuilder.UNKNOWN_STRUCTURE), eg, eg, eg), ct));
        for (VihfDefect d : List.of(VihfDefect.SIGNATURE_DIGEST, VihfDefect.SIGNATURE_VALUE, VihfDefect.SIGNATURE_REMOVED)) {
            cases.add(new Case("VIHF " + d, DmpRequestValidatorTest.mtomRequest(
                    DmpRequestValidatorTest.vihf().breaking(d), eg, eg, eg), ct));
        }
        byte[] good = cases.get(0).bytes();
        cases.add(new Case("truncated", Arrays.copyOf(good, good.length / 2), ct));
        cases.add(new Case("garbage", "<<not xml".getBytes(StandardCharsets.UTF_8), ct));
        cases.add(new Case("empty", new byte[0], null));
        for (int i = 0; i < 8; i++) {
            // distinct tokens: the signature cache sees new entries, the chain cache the same certificate
            cases.add(new Case("compliant #" + i, DmpRequestValidatorTest.mtomRequest(DmpRequestValidatorTest.vihf(), eg, eg, eg), ct));
        }
        return cases;
    }

    /** Everything a report says, in order. */
    static String fingerprint(Report r) {
        return r.findings() + "\n" + r.occurrences() + "\n" + r.evaluatedAt() + "\n" + r.accepted();
    }

    Report run(Case c) {
        return validator.validate(DmpRequestValidatorTest.AUTH.certificate(), DmpRequestValidatorTest.AUTH.chain(),
                new ByteArrayInputStream(c.bytes()), c.contentType(), DmpRequestValidatorTest.AT);
    }

    @Test
    void eightThreadsGiveEachRequestTheSingleThreadReport() throws Exception {
        List<Case> cases = cases();
        List<String> expected = new ArrayList<>();
        for (Case c : cases) {
            expected.add(fingerprint(run(c)));
        }
        assertThat(expected.get(0)).contains("true");
        assertThat(expected.stream().filter(e -> e.endsWith("false")).count()).as("invalid cases").isGreaterThan(5);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>(REQUESTS);
            for (int i = 0; i < REQUESTS; i++) {
                Case c = cases.get((i * 7) % cases.size());
                results.add(pool.submit(() -> {
                    start.await();
                    return fingerprint(run(c));
                }));
            }
            start.countDown();
            for (int i = 0; i < REQUESTS; i++) {
                int k = (i * 7) % cases.size();
                assertThat(results.get(i).get()).as("request %d (%s)", i, cases.get(k).name()).isEqualTo(expected.get(k));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSharedVihfValidatorKeepsItsCachesWithinTheirSize() throws Exception {
        int cacheSize = 16;
        VihfValidator shared = VihfValidator.builder()
                .trust(TrustAnchors.of(List.of(DmpRequestValidatorTest.PKI.root()),
                        List.of(DmpRequestValidatorTest.PKI.organisationsCa())))
                .crls(DmpRequestValidatorTest.PKI.crls())
                .signatureCacheSize(cacheSize)
                .certificateCacheSize(4)
                .build();
        List<byte[]> tokens = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            tokens.add(DmpRequestValidatorTest.vihf().toBytes());
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (byte[] t : tokens) {
                    results.add(pool.submit(() -> {
                        VihfValidation r = shared.validate(new TlsPeer(DmpRequestValidatorTest.AUTH.certificate(),
                                DmpRequestValidatorTest.AUTH.chain()), VihfInput.of(t), DmpRequestValidatorTest.AT);
                        assertThat(shared.cachedSignatureVerifications()).isLessThanOrEqualTo(cacheSize);
                        return r.accepted();
                    }));
                }
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(shared.cachedSignatureVerifications()).isBetween(1, cacheSize);
    }
}
