package org.vigie.benchmarks;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.vigie.benchmarks.data.Tokens;
import org.vigie.core.cert.CertificateTrust;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.core.cert.TrustResult;

/**
 * Benchmark 2 (certificates): PKIX validation of an organisation certificate of the test PKI (with its CRLs), the
 * first time (no chain cached: the chain is built) and repeated (the chain comes from the bounded cache; dates and
 * revocation are evaluated afresh, as at every call).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CertificateTrustBenchmark {

    private CertificateTrust uncached;
    private CertificateTrust cached;
    private X509Certificate leaf;
    private List<X509Certificate> chain;
    private Instant at;

    /** Builds both trusts on the test PKI and checks that the certificate is trusted. */
    @Setup
    public void setup() {
        Tokens t = Tokens.shared();
        TrustAnchors anchors = t.anchors();
        uncached = CertificateTrust.builder().anchors(anchors).crls(t.crls()).cacheSize(0).build();
        cached = CertificateTrust.builder().anchors(anchors).crls(t.crls()).build();
        leaf = t.tls().certificate();
        chain = t.tls().chain();
        at = t.at();
        Checks.check(uncached.check(leaf, chain, at).ok(), "TLS certificate not trusted: " + uncached.check(leaf, chain, at));
        Checks.check(cached.check(leaf, chain, at).ok(), "TLS certificate not trusted (cached)");
    }

    /** First validation of a certificate: the chain is built by PKIX. */
    @Benchmark
    public TrustResult first() {
        return uncached.check(leaf, chain, at);
    }

    /** Repeated validation of the same certificate: the chain is cached. */
    @Benchmark
    public TrustResult repeated() {
        return cached.check(leaf, chain, at);
    }
}
