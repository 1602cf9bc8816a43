package org.vigie.server.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A tee with a bound: passes the request body through unchanged and keeps a copy of its first {@code limit} bytes as
 * they are read, counting the rest without keeping it. The copy grows with what was read (a small request holds a
 * small buffer), never past {@code limit}. Skipped bytes are read, so that the copy has no hole. Not thread-safe (one
 * reader: the thread handling the request); {@link #copy()} is read after the reading is over.
 */
public final class RawCapture extends FilterInputStream {

    private final int limit;
    private byte[] buf = new byte[0];
    private int kept;
    private long seen;

    /**
     * @param in    the body as received
     * @param limit most bytes kept
     */
    public RawCapture(InputStream in, int limit) {
        super(in);
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int c = in.read();
        if (c >= 0) {
            seen++;
            if (kept < limit) {
                room(1);
                buf[kept++] = (byte) c;
            }
        }
        return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            seen += n;
            int k = Math.min(n, limit - kept);
            if (k > 0) {
                room(k);
                System.arraycopy(b, off, buf, kept, k);
                kept += k;
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        byte[] scratch = new byte[(int) Math.min(n, 8192)];
        int r = read(scratch, 0, scratch.length);
        return Math.max(r, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void room(int more) {
        int need = kept + more;
        if (need > buf.length) {
            int grown = (int) Math.min(limit, Math.max(need, Math.max(8192L, buf.length * 2L)));
            buf = Arrays.copyOf(buf, grown);
        }
    }

    /** @return the bytes kept (the first {@code min(seen, limit)} bytes of the body), an array of exactly that size */
    public byte[] copy() {
        return kept == buf.length ? buf : Arrays.copyOf(buf, kept);
    }

    /** @return bytes read through this stream */
    public long seen() {
        return seen;
    }

    /** @return true when more was read than was kept */
    public boolean truncated() {
        return seen > kept;
    }
}
