package org.vigie.core.internal.limits;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes pulled from the wrapped stream and refuses to go past two limits: an absolute one (bytes from the
 * start) and a movable allowance that a reader moves forward before each parser event ({@link #allow}), so that no
 * single XML token (comment, processing instruction, CDATA section, start tag with its attributes, text chunk) can
 * make the parser read — and hold — more than the allowance, whatever the parser does internally. At most one byte
 * past a limit is read; the next read throws {@link LimitExceededException}, and so does every later read (a tripped
 * stream stays tripped: a parser that failed is never fed again). Never closes the wrapped stream.
 */
public final class MeteredInputStream extends FilterInputStream {

    private long position;
    private long absolute = Long.MAX_VALUE;
    private String absoluteLabel = "";
    private Object absoluteMessage = "";
    private long allowanceEnd = Long.MAX_VALUE;
    private String allowanceLabel = "";
    private Object allowanceMessage = "";
    private LimitExceededException tripped;

    public MeteredInputStream(InputStream in) {
        super(in);
    }

    /** Bytes read so far. */
    public long position() {
        return position;
    }

    /** The refusal once a limit was passed, else null. */
    public LimitExceededException tripped() {
        return tripped;
    }

    /** Sets the absolute limit (bytes from the start of the stream). */
    public void limitAt(long absoluteBytes, String label, Object message) {
        this.absolute = absoluteBytes;
        this.absoluteLabel = label;
        this.absoluteMessage = message;
    }

    /** Allows reading up to {@code position() + allowance} bytes from now on (within the absolute limit). */
    public void allow(long allowance, String label, Object message) {
        long l = position + allowance;
        this.allowanceEnd = l < 0 ? Long.MAX_VALUE : l;
        this.allowanceLabel = label;
        this.allowanceMessage = message;
    }

    private long limit() {
        return Math.min(absolute, allowanceEnd);
    }

    private void check() throws LimitExceededException {
        if (tripped != null) {
            throw tripped;
        }
        if (position > limit()) {
            tripped = absolute <= allowanceEnd ? new LimitExceededException(absoluteLabel, absoluteMessage)
                    : new LimitExceededException(allowanceLabel, allowanceMessage);
            throw tripped;
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
        if (len == 0) {
            return 0;
        }
        long left = limit() - position; // no overflow when no limit is set (Long.MAX_VALUE)
        int want = left < len ? (int) Math.max(1, left + 1) : len; // at most one byte past the limit
        int n = in.read(b, off, want);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        check();
        long left = limit() - position;
        long s = in.skip(left < n ? Math.max(1, left + 1) : n);
        if (s > 0) {
            position += s;
        }
        return s;
    }

    @Override
    public int available() throws IOException {
        return tripped != null ? 0 : super.available();
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // the caller owns the wrapped stream
    }
}
