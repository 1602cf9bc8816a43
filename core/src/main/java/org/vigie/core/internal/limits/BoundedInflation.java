package org.vigie.core.internal.limits;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Decodes an HTTP {@code Content-Encoding} ({@code gzip}, {@code x-gzip}, {@code deflate}: zlib or raw) as a stream,
 * bounded by decoded size <em>and</em> expansion ratio, so that a decompression bomb is refused after reading little:
 * the decoded bytes may not pass {@code maxDecodedBytes}, and past the first {@code ratioFreeBytes} decoded bytes they
 * may not exceed {@code maxRatio} times the compressed bytes read so far. Both refusals are
 * {@link LimitExceededException}s (labels {@value #DECODED_SIZE} and {@value #EXPANSION_RATIO}) thrown from
 * {@code read}, before more is inflated; memory stays at the inflater's window and the caller's buffer. Used by
 * {@code vigie check} (captured HTTP requests, dmp) and {@code vigie serve} (request bodies, server).
 */
public final class BoundedInflation {

    public static final String DECODED_SIZE = "decoded-size";
    public static final String EXPANSION_RATIO = "expansion-ratio";

    /**
     * Default ratio bound, 100:1. DEFLATE itself cannot exceed about 1 032:1 (a run of one byte gives about 1 000:1),
     * so a bound of 1 000:1 would let every real bomb through; SOAP/MTOM bodies stay far below 100:1 (XML metadata
     * about 5–20:1, base64 documents about 1.35:1).
     */
    public static final int DEFAULT_MAX_RATIO = 100;
    /** Default number of decoded bytes before the ratio is checked (a small, very regular header may exceed it). */
    public static final long DEFAULT_RATIO_FREE_BYTES = 1L << 20;

    private BoundedInflation() {
    }

    /** True for the encodings {@link #decode} handles. */
    public static boolean handles(String contentEncoding) {
        String e = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        return e.equals("gzip") || e.equals("x-gzip") || e.equals("deflate");
    }

    /**
     * @param compressed      the encoded body (not closed by the result's close; the caller owns it)
     * @param contentEncoding {@code gzip}, {@code x-gzip} or {@code deflate}
     * @throws IOException              when the gzip header is unreadable
     * @throws IllegalArgumentException for another encoding or non-positive bounds
     */
    public static InputStream decode(InputStream compressed, String contentEncoding, long maxDecodedBytes, int maxRatio,
                                     long ratioFreeBytes) throws IOException {
        if (!handles(contentEncoding)) {
            throw new IllegalArgumentException("not a handled Content-Encoding: " + contentEncoding);
        }
        if (maxDecodedBytes <= 0 || maxRatio <= 0 || ratioFreeBytes < 0) {
            throw new IllegalArgumentException("bounds must be positive");
        }
        String e = contentEncoding.strip().toLowerCase(Locale.ROOT);
        InputStream decoded;
        MeteredInputStream counted; // no limit of its own: counts the compressed bytes pulled
        LongSupplier consumed; // compressed bytes the inflater has consumed (read-ahead in its buffer excluded)
        if (e.equals("deflate")) {
            BufferedInputStream b = new BufferedInputStream(compressed, 8192);
            b.mark(2);
            int b0 = b.read();
            int b1 = b.read();
            b.reset();
            boolean zlib = b0 >= 0 && b1 >= 0 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
            // RFC 9110 says zlib (RFC 1950); some senders use raw DEFLATE (RFC 1951): accept both
            Inflater inflater = new Inflater(!zlib);
            counted = new MeteredInputStream(b);
            decoded = new InflaterInputStream(counted, inflater, 8192) {
                @Override
                public void close() throws IOException {
                    inflater.end();
                }
            };
            consumed = () -> counted.position() - inflater.getRemaining();
        } else {
            counted = new MeteredInputStream(compressed);
            Gzip g = new Gzip(counted);
            decoded = g;
            consumed = () -> counted.position() - g.remaining();
        }
        return new Bounded(decoded, consumed, maxDecodedBytes, maxRatio, ratioFreeBytes);
    }

    /** GZIPInputStream telling how much of the read-ahead its inflater has not consumed yet. */
    private static final class Gzip extends GZIPInputStream {
        Gzip(InputStream in) throws IOException {
            super(in, 8192);
        }

        int remaining() {
            return inf.getRemaining();
        }
    }

    private static final class Bounded extends FilterInputStream {
        private final LongSupplier compressed;
        private final long maxDecoded;
        private final int maxRatio;
        private final long ratioFree;
        private long decoded;
        private LimitExceededException tripped;

        Bounded(InputStream decoded, LongSupplier compressed, long maxDecoded, int maxRatio, long ratioFree) {
            super(decoded);
            this.compressed = compressed;
            this.maxDecoded = maxDecoded;
            this.maxRatio = maxRatio;
            this.ratioFree = ratioFree;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (tripped != null) {
                throw tripped;
            }
            if (len == 0) {
                return 0;
            }
            long room = maxDecoded - decoded + 1;
            int n = in.read(b, off, (int) Math.min(len, Math.max(1, room)));
            if (n > 0) {
                decoded += n;
                check();
            }
            return n;
        }

        private void check() throws LimitExceededException {
            if (decoded > maxDecoded) {
                tripped = new LimitExceededException(DECODED_SIZE, org.vigie.core.Messages.text("AI-XML.core-decoded-size",
                        maxDecoded));
                throw tripped;
            }
            long in = compressed.getAsLong();
            if (decoded > ratioFree && decoded > (double) maxRatio * Math.max(1, in)) {
                tripped = new LimitExceededException(EXPANSION_RATIO, org.vigie.core.Messages.text("AI-XML.core-ratio",
                        decoded, in, maxRatio, ratioFree));
                throw tripped;
            }
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buf = new byte[(int) Math.min(8192, Math.max(1, n))];
            long left = n;
            while (left > 0) {
                int r = read(buf, 0, (int) Math.min(buf.length, left));
                if (r < 0) {
                    break;
                }
                left -= r;
            }
            return n - left;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
