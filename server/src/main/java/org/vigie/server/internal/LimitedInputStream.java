package org.vigie.server.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.vigie.core.internal.limits.LimitExceededException;

/**
 * Counts the bytes read and fails once more than {@code limit} bytes have come, remembering it did; fails as well once
 * {@link #cancel cancelled} (the request timed out), so that the validation reading it stops at its next read and gives
 * its slot back, whatever sits between it and the socket (buffers, a decoder). A bound passed in the stream below (the
 * decoder's expansion ratio) counts as the limit passed: the request is answered 413.
 */
public final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;
    private boolean exceeded;
    private volatile String cancelled;

    public LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        check();
        int c = guarded(super::read);
        if (c >= 0) {
            add(1);
        }
        return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        check();
        int n = guarded(() -> super.read(b, off, len));
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        check();
        long s = super.skip(n);
        if (s > 0) {
            add(s);
        }
        return s;
    }

    private interface Read {
        int read() throws IOException;
    }

    /** A bound of the stream below (a decoder's size or expansion ratio) counts as this limit passed. */
    private int guarded(Read r) throws IOException {
        try {
            return r.read();
        } catch (LimitExceededException e) {
            exceeded = true;
            throw e;
        }
    }

    /** Reads and discards what is left of the body, within the limit. */
    public void drain() {
        byte[] buf = new byte[64 * 1024];
        try {
            while (!exceeded && read(buf, 0, buf.length) >= 0) {
                // discard
            }
        } catch (IOException e) {
            // the connection is gone or the limit is passed: nothing more to read
        }
    }

    private void add(long n) throws IOException {
        count += n;
        if (count > limit) {
            exceeded = true;
            throw new IOException("corps de requête au-delà de " + limit + " octets");
        }
    }

    /** From now on every read fails with {@code reason} (called by the timeout watchdog, from another thread). */
    public void cancel(String reason) {
        cancelled = reason;
    }

    /** @return true once cancelled */
    public boolean cancelled() {
        return cancelled != null;
    }

    private void check() throws IOException {
        String c = cancelled;
        if (c != null) {
            throw new IOException(c);
        }
        if (exceeded) {
            throw new IOException("corps de requête au-delà de " + limit + " octets");
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** @return bytes read so far */
    public long count() {
        return count;
    }

    /** @return true once the limit was passed */
    public boolean exceeded() {
        return exceeded;
    }
}
