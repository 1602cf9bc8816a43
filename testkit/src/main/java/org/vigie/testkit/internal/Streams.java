package org.vigie.testkit.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Stream helpers for the streaming writers. */
public final class Streams {
    private Streams() {
    }

    /**
     * @param out a stream
     * @return a view of {@code out} whose close() only flushes (so that a wrapping encoder can be closed safely)
     */
    public static OutputStream nonClosing(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    /** Counts bytes written, discards them. */
    public static final class Counting extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }

        /** @return the number of bytes written so far */
        public long count() {
            return count;
        }
    }
}
