package org.vigie.benchmarks.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/** Streams read one after the other (no allocation per read); closing closes them all. */
public final class ConcatStream extends InputStream {

    private final InputStream[] parts;
    private int current;

    /** @param parts the streams, in order */
    public ConcatStream(InputStream... parts) {
        this.parts = parts.clone();
        for (InputStream p : this.parts) {
            Objects.requireNonNull(p, "part");
        }
    }

    /** A stream over these bytes (not copied). */
    public static InputStream bytes(byte[] b) {
        return new ByteArrayInputStream(b);
    }

    @Override
    public int read() throws IOException {
        while (current < parts.length) {
            int c = parts[current].read();
            if (c >= 0) {
                return c;
            }
            current++;
        }
        return -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (current < parts.length) {
            int n = parts[current].read(b, off, len);
            if (n > 0) {
                return n;
            }
            if (n < 0) {
                current++;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        for (InputStream p : parts) {
            p.close();
        }
    }
}
