package org.vigie.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.vigie.benchmarks.data.Requests;
import org.vigie.benchmarks.data.Submissions;
import org.vigie.benchmarks.data.Tokens;
import org.vigie.core.Occurrence;
import org.vigie.core.Report;
import org.vigie.dmp.DmpRequestValidator;

/**
 * Benchmark 4: a whole ITI-41 feeding (SOAP 1.2 MTOM, VIHF in {@code wsse:Security}, one CDA attachment of 20 KB
 * or 20 MB generated as it is read) through {@link DmpRequestValidator} as deployed (default policy and caches: the
 * certificates and, the token being the same bytes each time, its signature verification are served from the
 * caches), on one thread and on every core. Throughput, in requests per second summed over the threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DmpRequestBenchmark {

    /** Size of the CDA attachment. */
    @Param({"20KB", "20MB"})
    public String size;

    private DmpRequestValidator validator;
    private Requests requests;
    private X509Certificate tls;
    private List<X509Certificate> tlsChain;
    private Instant at;
    private long bytes;

    /** Builds the validator and checks that the request is accepted with its CDA header read. */
    @Setup
    public void setup() {
        Tokens t = Tokens.shared();
        at = t.at();
        validator = DmpRequestValidator.builder().trust(t.anchors()).crls(t.crls()).directory(Submissions.directory())
                .clock(Clock.fixed(at, ZoneOffset.UTC)).build();
        requests = Requests.shared();
        tls = t.tls().certificate();
        tlsChain = t.tls().chain();
        bytes = Submissions.parseSize(size);
        Report r = validate();
        Checks.accepted("DMP request " + size, r);
        Checks.check(r.occurrences().stream().anyMatch(o -> o.place() == Occurrence.Place.CDA_HEADER),
                "the CDA header of the attachment was not read: " + r);
    }

    private Report validate() {
        try (InputStream in = requests.mtom(bytes)) {
            return validator.validate(tls, tlsChain, in, Requests.CONTENT_TYPE, at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One thread. */
    @Benchmark
    @Threads(1)
    public Report oneThread() {
        return validate();
    }

    /** As many threads as the machine has cores. */
    @Benchmark
    @Threads(Threads.MAX)
    public Report allCores() {
        return validate();
    }
}
