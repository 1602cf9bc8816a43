package org.vigie.benchmarks;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.vigie.benchmarks.data.Submissions;
import org.vigie.cda.AuthorInstitutionValidator;
import org.vigie.core.Report;
import org.vigie.core.StructureId;

/**
 * Benchmark 3: control 2 ({@code authorInstitution}) on a submission whose one document weighs 20 KB, 2 MB or
 * 200 MB, the document either an MTOM part referenced by {@code xop:Include} ({@code xop}) or base64 inside
 * {@code xds:Document} ({@code inline}). Documents are generated as they are read. Run with {@code -prof gc} for
 * the allocation per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Control2Benchmark {

    /** Size of the document. */
    @Param({"20KB", "2MB", "200MB"})
    public String size;

    private static final java.util.Set<String> CHECKED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final Instant AT = Instant.parse("2025-06-01T10:00:00Z");

    private AuthorInstitutionValidator validator;
    private StructureId vihf;
    private byte[] xopSubmission;
    private long bytes;

    /** Builds the validator and checks once that both variants are accepted (a benchmark of a failure is no benchmark). */
    @Setup
    public void setup() {
        validator = AuthorInstitutionValidator.builder().directory(Submissions.directory()).build();
        vihf = StructureId.parse(Submissions.STRUCTURE);
        xopSubmission = Submissions.xopSubmission();
        bytes = Submissions.parseSize(size);
        if (CHECKED.add(size)) { // once per JVM and size: the 200 MB inline check takes seconds
            Checks.accepted("control 2 xop " + size, xop());
            Checks.accepted("control 2 inline " + size, inline());
        }
    }

    /** The document is an MTOM part: only its header is read. */
    @Benchmark
    public Report xop() {
        Supplier<InputStream> part = () -> Submissions.cda(bytes);
        return validator.validate(new java.io.ByteArrayInputStream(xopSubmission), Map.of(Submissions.HREF, part), vihf, AT).report();
    }

    /**
     * Floor of {@link #inline()}: the same generated submission read to its end in 64 KiB reads, nothing done with
     * the bytes (what generating and moving them costs; no validator can go under it).
     */
    @Benchmark
    public long inlineFloorDrain() {
        try (InputStream in = Submissions.inlineSubmission(bytes)) {
            return drain(in);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Floor of {@link #inline()} with the decoding: the same document, base64-encoded by the same generator, decoded
     * in bulk by {@code java.util.Base64}'s MIME decoder, 64 064 bytes of whole lines at a time (no XML parsed on
     * either side, no well-formedness checked).
     */
    @Benchmark
    public long inlineFloorDecode() {
        try (InputStream in = new org.vigie.benchmarks.data.Base64EncodingStream(Submissions.cda(bytes))) {
            long total = 0;
            int n;
            while ((n = in.readNBytes(chunk, 0, chunk.length)) > 0) {
                total += n == chunk.length ? MIME.decode(chunk, decoded)
                        : MIME.decode(java.util.Arrays.copyOf(chunk, n), decoded);
            }
            return total;
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final java.util.Base64.Decoder MIME = java.util.Base64.getMimeDecoder();
    private final byte[] chunk = new byte[77 * 64 * 13]; // whole 76-character lines (the generator's layout)
    private final byte[] decoded = new byte[chunk.length];

    private final byte[] sink = new byte[64 * 1024];

    private long drain(InputStream in) throws java.io.IOException {
        long total = 0;
        int n;
        while ((n = in.read(sink, 0, sink.length)) >= 0) {
            total += n;
        }
        return total;
    }

    /** The document is base64 inside the submission: the whole submission is read, the header decoded. */
    @Benchmark
    public Report inline() {
        try (InputStream in = Submissions.inlineSubmission(bytes)) {
            return validator.validate(in, Map.of(), vihf, AT).report();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
