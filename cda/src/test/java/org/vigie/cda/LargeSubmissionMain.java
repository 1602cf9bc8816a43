package org.vigie.cda;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.vigie.core.Report;
import org.vigie.core.StructureId;

/**
 * Run in a JVM with a small heap ({@code -Xmx64m}) by {@link LargeDocumentThreatTest}: checks a submission carrying a CDA of
 * {@code args[0]} MiB (default 500) whose body is a base64 PDF, once inline (base64 inside {@code xds:Document}) and
 * once as an MTOM part. The message is generated on the fly and never held in memory. Prints one line per case:
 * {@code case=<inline|xop> accepted=<bool> rules=<ids> documentBytes=<n> pulled=<n> maxHeap=<n>}; exits 0 when both
 * checks are accepted with the expected occurrences.
 */
public final class LargeSubmissionMain {

    private LargeSubmissionMain() {
    }

    public static void main(String[] args) throws IOException {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 500;
        long docBytes = mib << 20;
        String id = "1750100125";
        AuthorInstitutionValidator v = AuthorInstitutionValidator.builder()
                .policy(AuthorInstitutionPolicy.builder().readWholeAttachments(false).build()).build(); // header-only mode
        boolean ok = true;

        // inline
        Fixtures.Submission s = new Fixtures.Submission().ss(Fixtures.xon("H", id))
                .entry("D1", List.of(List.of(Fixtures.xon("H", id))), "");
        String xml = s.xml();
        int start = xml.indexOf("<xds:Document id=\"D1\">") + "<xds:Document id=\"D1\">".length();
        Counting outer = new Counting(new SequenceInputStream(Collections.enumeration(List.of(
                bytes(xml.substring(0, start)), new Base64Encoding(cda(id, docBytes)), bytes(xml.substring(start))))));
        Report r = v.validate(outer, Map.of(), StructureId.parse(id), Instant.parse("2025-06-01T00:00:00Z")).report();
        ok &= print("inline", r, docBytes, outer.count);

        // xop
        Fixtures.Submission x = new Fixtures.Submission().ss(Fixtures.xon("H", id))
                .entry("D1", List.of(List.of(Fixtures.xon("H", id))), "").xop();
        Counting part = new Counting(cda(id, docBytes));
        Report rx = v.validate(bytes(x.xml()), Map.of("cid:D1@vigie", () -> part), StructureId.parse(id),
                Instant.parse("2025-06-01T00:00:00Z")).report();
        ok &= print("xop", rx, docBytes, part.count);
        System.exit(ok ? 0 : 1);
    }

    private static boolean print(String name, Report r, long docBytes, long pulled) {
        System.out.println("case=" + name + " accepted=" + r.accepted() + " rules=" + r.rulesFired()
                + " occurrences=" + r.occurrences().size() + " documentBytes=" + docBytes + " pulled=" + pulled
                + " maxHeap=" + Runtime.getRuntime().maxMemory());
        if (!r.findings().isEmpty()) {
            System.out.println(r);
        }
        return r.accepted() && r.occurrences().size() == 3 && r.rulesFired().equals(List.of("AI-GEOGRAPHIC"));
    }

    private static InputStream bytes(String s) {
        return new java.io.ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A CDA of about {@code size} bytes: a small header, then a nonXMLBody holding base64 "PDF" bytes. */
    static InputStream cda(String orgId, long size) {
        String c = Fixtures.cda(orgId);
        int bodyAt = c.indexOf("JVBERi0xLjQK");
        String head = c.substring(0, bodyAt);
        String tail = c.substring(bodyAt + "JVBERi0xLjQK".length());
        long fill = Math.max(0, size - head.length() - tail.length());
        fill -= fill % 4;
        return new SequenceInputStream(Collections.enumeration(List.of(bytes(head), new Filler(fill), bytes(tail))));
    }

    /** {@code n} bytes of base64-looking text with line breaks, generated on the fly. */
    private static final class Filler extends InputStream {
        private long left;
        private long pos;

        Filler(long n) {
            this.left = n;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return (pos++ % 77 == 76) ? '\n' : 'Q';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int k = (int) Math.min(len, left);
            for (int i = 0; i < k; i++) {
                b[off + i] = (byte) ((pos++ % 77 == 76) ? '\n' : 'Q');
            }
            left -= k;
            return k;
        }
    }

    /** Base64-encodes a stream on the fly (MIME lines of 76 characters). */
    private static final class Base64Encoding extends InputStream {
        private static final byte[] ALPHABET =
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(StandardCharsets.US_ASCII);
        private final InputStream in;
        private final byte[] raw = new byte[57 * 64];
        private final byte[] out = new byte[78 * 64];
        private int outPos;
        private int outLen;
        private boolean eof;

        Base64Encoding(InputStream in) {
            this.in = in;
        }

        private void fill() throws IOException {
            int n = 0;
            while (n < raw.length) {
                int k = in.read(raw, n, raw.length - n);
                if (k < 0) {
                    eof = true;
                    break;
                }
                n += k;
            }
            outPos = 0;
            outLen = 0;
            int line = 0;
            for (int i = 0; i < n; i += 3) {
                int b0 = raw[i] & 0xff;
                int b1 = i + 1 < n ? raw[i + 1] & 0xff : 0;
                int b2 = i + 2 < n ? raw[i + 2] & 0xff : 0;
                out[outLen++] = ALPHABET[b0 >> 2];
                out[outLen++] = ALPHABET[((b0 & 3) << 4) | (b1 >> 4)];
                out[outLen++] = i + 1 < n ? ALPHABET[((b1 & 15) << 2) | (b2 >> 6)] : (byte) '=';
                out[outLen++] = i + 2 < n ? ALPHABET[b2 & 63] : (byte) '=';
                line += 4;
                if (line == 76) {
                    out[outLen++] = '\r';
                    out[outLen++] = '\n';
                    line = 0;
                }
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (outPos >= outLen) {
                if (eof) {
                    return -1;
                }
                fill();
            }
            int k = Math.min(len, outLen - outPos);
            System.arraycopy(out, outPos, b, off, k);
            outPos += k;
            return k;
        }
    }

    /** Counts the bytes pulled. */
    private static final class Counting extends java.io.FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
