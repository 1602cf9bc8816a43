package org.vigie.cda.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes pulled from the wrapped stream and refuses to go beyond a movable limit: the reader moves the
 * limit forward as it goes (per element, per text chunk) so that no single XML event can make the parser buffer
 * more than the allowance, whatever the parser does internally. Never closes the wrapped stream.
 */
public final class CountingInputStream extends FilterInputStream {

    private long position;
    private long limit = Long.MAX_VALUE;
    private String limitLabel = "";

    public CountingInputStream(InputStream in) {
        super(in);
    }

    /** Bytes read so far. */
    public long position() {
        return position;
    }

    /** Allows reading up to {@code position() + allowance} bytes from now on. */
    public void allow(long allowance, String label) {
        long l = position + allowance;
        this.limit = l < 0 ? Long.MAX_VALUE : l;
        this.limitLabel = label;
    }

    /** Sets an absolute limit (bytes from the start of the stream). */
    public void limitAt(long absolute, String label) {
        this.limit = absolute;
        this.limitLabel = label;
    }

    private void check() throws LimitExceededException {
        if (position > limit) {
            throw new LimitExceededException(limitLabel);
        }
    }

    @Override
    public int read() throws IOException {
        check();
        int b = in.read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        check();
        long room = limit - position + 1;
        int want = room < len ? (int) Math.max(1, room) : len;
        int n = in.read(b, off, want);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = in.skip(n);
        position += s;
        return s;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // the caller owns the wrapped stream
    }

    /** Thrown when a size limit is exceeded; carries the label of the limit. */
    public static final class LimitExceededException extends IOException {
        private static final long serialVersionUID = 1L;
        private final String label;

        public LimitExceededException(String label) {
            super("limit exceeded: " + label);
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
