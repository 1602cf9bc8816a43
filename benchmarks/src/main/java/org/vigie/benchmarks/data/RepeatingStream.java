package org.vigie.benchmarks.data;

import java.io.InputStream;
import java.util.Objects;

/**
 * An input stream of exactly {@code length} bytes made of a pattern repeated: large inputs are generated as they are
 * read, never held in memory. {@link #read(byte[], int, int)} allocates nothing.
 */
public final class RepeatingStream extends InputStream {

    private final byte[] pattern;
    private final long length;
    private long pos;

    /**
     * @param pattern the bytes repeated (not copied; must not change)
     * @param length  total bytes the stream yields
     */
    public RepeatingStream(byte[] pattern, long length) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        if (pattern.length == 0 || length < 0) {
            throw new IllegalArgumentException("non-empty pattern and length >= 0 required");
        }
        this.length = length;
    }

    @Override
    public int read() {
        if (pos >= length) {
            return -1;
        }
        return pattern[(int) (pos++ % pattern.length)] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (pos >= length) {
            return -1;
        }
        int n = (int) Math.min(len, length - pos);
        int done = 0;
        while (done < n) {
            int at = (int) (pos % pattern.length);
            int chunk = Math.min(n - done, pattern.length - at);
            System.arraycopy(pattern, at, b, off + done, chunk);
            done += chunk;
            pos += chunk;
        }
        return n;
    }

    @Override
    public long skip(long n) {
        long k = Math.max(0, Math.min(n, length - pos));
        pos += k;
        return k;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, length - pos);
    }
}
