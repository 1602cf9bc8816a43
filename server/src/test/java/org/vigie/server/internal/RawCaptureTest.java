package org.vigie.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bounded tee of the journal: the stream passes unchanged, the copy is the first bytes, never more than the bound. */
class RawCaptureTest {

    static byte[] data(int n) {
        byte[] b = new byte[n];
        new Random(7).nextBytes(b);
        return b;
    }

    @Test
    void aBodyWithinTheBoundIsCopiedWholeAndPassesUnchanged() throws IOException {
        byte[] d = data(10_000);
        RawCapture c = new RawCapture(new ByteArrayInputStream(d), 20_000);
        assertThat(c.readAllBytes()).isEqualTo(d);
        assertThat(c.copy()).isEqualTo(d);
        assertThat(c.seen()).isEqualTo(10_000);
        assertThat(c.truncated()).isFalse();
    }

    @Test
    void aLargerBodyKeepsItsFirstBytesOnlyMixedReadsAndSkipsIncluded() throws IOException {
        byte[] d = data(1_000_000);
        RawCapture c = new RawCapture(new ByteArrayInputStream(d), 4096);
        byte[] out = new byte[d.length];
        int pos = 0;
        out[pos++] = (byte) c.read();
        long skipped = c.skip(100);
        assertThat(skipped).isPositive();
        System.arraycopy(d, pos, out, pos, (int) skipped);
        pos += (int) skipped;
        int n;
        while ((n = c.read(out, pos, Math.min(7777, out.length - pos))) > 0) {
            pos += n;
        }
        assertThat(out).isEqualTo(d);
        assertThat(c.copy()).hasSize(4096).isEqualTo(Arrays.copyOf(d, 4096));
        assertThat(c.seen()).isEqualTo(1_000_000);
        assertThat(c.truncated()).isTrue();
    }

    @Test
    void theCopyNeverGrowsPastTheBoundWhateverIsStreamed() throws IOException {
        InputStream endless = new InputStream() {
            long left = 50L * 1024 * 1024;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int k = (int) Math.min(len, left);
                Arrays.fill(b, off, off + k, (byte) 'x');
                left -= k;
                return k;
            }
        };
        RawCapture c = new RawCapture(endless, 1000);
        c.transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(c.seen()).isEqualTo(50L * 1024 * 1024);
        assertThat(c.copy()).hasSize(1000);
    }

    @Test
    void aZeroBoundKeepsNothing() throws IOException {
        RawCapture c = new RawCapture(new ByteArrayInputStream(data(100)), 0);
        assertThat(c.readAllBytes()).hasSize(100);
        assertThat(c.copy()).isEmpty();
        assertThat(c.truncated()).isTrue();
    }
}
