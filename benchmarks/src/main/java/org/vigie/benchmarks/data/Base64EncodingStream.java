package org.vigie.benchmarks.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Objects;

/**
 * Base64-encodes another stream as it is read, in lines of 76 characters ended by LF (the MIME layout senders
 * use inside {@code xds:Document}). Buffers are allocated once; reads allocate nothing but the final partial block.
 */
public final class Base64EncodingStream extends InputStream {

    private static final int LINE_BYTES = 57;           // 57 bytes -> 76 characters
    private static final int LINES_PER_BLOCK = 64;
    private static final Base64.Encoder ENCODER = Base64.getEncoder();

    private final InputStream source;
    private final byte[] raw = new byte[LINE_BYTES * LINES_PER_BLOCK];
    private final byte[] encoded = new byte[76 * LINES_PER_BLOCK];
    private final byte[] out = new byte[77 * LINES_PER_BLOCK];
    private int outPos;
    private int outLen;
    private boolean eof;

    /** @param source the bytes to encode */
    public Base64EncodingStream(InputStream source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = source.readNBytes(raw, 0, raw.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        int chars;
        if (n == raw.length) {
            chars = ENCODER.encode(raw, encoded);
        } else {
            byte[] last = new byte[n];
            System.arraycopy(raw, 0, last, 0, n);
            chars = ENCODER.encode(last, encoded);
            eof = true;
        }
        int o = 0;
        for (int i = 0; i < chars; i += 76) {
            int k = Math.min(76, chars - i);
            System.arraycopy(encoded, i, out, o, k);
            o += k;
            out[o++] = '\n';
        }
        outPos = 0;
        outLen = o;
        return true;
    }

    @Override
    public int read() throws IOException {
        if (outPos >= outLen && !fill()) {
            return -1;
        }
        return out[outPos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (outPos >= outLen && !fill()) {
            return -1;
        }
        int n = Math.min(len, outLen - outPos);
        System.arraycopy(out, outPos, b, off, n);
        outPos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
