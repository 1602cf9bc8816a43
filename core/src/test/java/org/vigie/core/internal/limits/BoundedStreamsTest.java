package org.vigie.core.internal.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/** The bounded streams under the parsers and decoders: exact boundaries, labels, sticky refusals. */
class BoundedStreamsTest {

    static InputStream repeat(byte b, long n) {
        return new InputStream() {
            long left = n;

            @Override
            public int read() {
                return left-- > 0 ? b & 0xff : -1;
            }

            @Override
            public int read(byte[] buf, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int k = (int) Math.min(len, left);
                Arrays.fill(buf, off, off + k, b);
                left -= k;
                return k;
            }
        };
    }

    @Test
    void withoutALimitTheMeterFillsTheCallersBufferAndOnlyCounts() throws IOException {
        byte[] data = new byte[100_000];
        MeteredInputStream in = new MeteredInputStream(new ByteArrayInputStream(data));
        byte[] buf = new byte[8192];
        assertThat(in.read(buf, 0, buf.length)).isEqualTo(buf.length); // no overflow of "no limit" into one byte
        assertThat(in.skip(50_000)).isEqualTo(50_000);
        assertThat(in.readAllBytes()).hasSize(100_000 - 8192 - 50_000);
        assertThat(in.position()).isEqualTo(100_000);
        assertThat(in.tripped()).isNull();
    }

    @Test
    void theMeterReadsOneBytePastTheLimitThenRefusesForGood() throws IOException {
        MeteredInputStream m = new MeteredInputStream(repeat((byte) 'x', 1000));
        m.limitAt(100, "abs", "absolute limit");
        assertThat(m.read(new byte[500], 0, 500)).isEqualTo(101);
        assertThatThrownBy(m::read).isInstanceOf(LimitExceededException.class).hasMessage("absolute limit")
                .extracting(e -> ((LimitExceededException) e).label()).isEqualTo("abs");
        m.allow(1000, "tok", "token limit");
        m.limitAt(Long.MAX_VALUE, "", "");
        assertThatThrownBy(m::read).as("a tripped meter stays tripped").isInstanceOf(LimitExceededException.class);
        assertThat(m.tripped().label()).isEqualTo("abs");
    }

    @Test
    void theAllowanceMovesWithEachPullAndTheSmallerLimitNamesTheRefusal() throws IOException {
        MeteredInputStream m = new MeteredInputStream(repeat((byte) 'x', 1000));
        m.limitAt(700, "abs", "absolute limit");
        for (int i = 0; i < 6; i++) {
            m.allow(100, "tok", "token limit");
            assertThat(m.readNBytes(100)).hasSize(100);
        }
        m.allow(50, "tok", "token limit");
        assertThat(m.read(new byte[1000], 0, 1000)).isEqualTo(51);
        assertThatThrownBy(m::read).hasMessage("token limit");
        MeteredInputStream n = new MeteredInputStream(repeat((byte) 'x', 1000));
        n.limitAt(10, "abs", "absolute limit");
        n.allow(500, "tok", "token limit");
        assertThat(n.read(new byte[1000], 0, 1000)).isEqualTo(11);
        assertThatThrownBy(n::read).hasMessage("absolute limit");
        assertThat(n.tripped().label()).isEqualTo("abs");
    }

    static InputStream doc(String head, InputStream middle, String tail) {
        return new SequenceInputStream(new SequenceInputStream(
                new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)), middle),
                new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)));
    }

    static void readAll(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            r.next();
        }
    }

    @Test
    void aHugeCommentIsRefusedUnderTheParserWhileHugeTextStreams() throws Exception {
        MeteredInputStream comment = new MeteredInputStream(doc("<a><!--", repeat((byte) 'c', 50L << 20), "--></a>"));
        XMLStreamReader r = HardenedStax.metered(HardenedStax.factory(true).createXMLStreamReader(comment), comment,
                64 * 1024, "tok", "token limit");
        assertThatThrownBy(() -> readAll(r)).isInstanceOf(XMLStreamException.class)
                .satisfies(e -> assertThat(LimitExceededException.in(e)).hasValueSatisfying(l ->
                        assertThat(l.label()).isEqualTo("tok")));
        assertThat(comment.position()).isLessThan(128 * 1024);

        MeteredInputStream text = new MeteredInputStream(doc("<a>", repeat((byte) 't', 50L << 20), "</a>"));
        XMLStreamReader t = HardenedStax.metered(HardenedStax.factory(true).createXMLStreamReader(text), text,
                64 * 1024, "tok", "token limit");
        long chars = 0;
        while (t.hasNext()) {
            if (t.next() == XMLStreamConstants.CHARACTERS) {
                chars += t.getTextLength();
            }
        }
        assertThat(chars).as("50 MiB of text in chunks, none over the allowance").isEqualTo(50L << 20);
    }

    @Test
    void theFactoryRefusesDoctypesAndExternalEntities() throws Exception {
        String xxe = "<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>";
        XMLStreamReader r = HardenedStax.factory(false).createXMLStreamReader(new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8)));
        StringBuilder text = new StringBuilder();
        assertThatThrownBy(() -> {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.CHARACTERS) {
                    text.append(r.getText());
                }
            }
        }).isInstanceOf(XMLStreamException.class);
        assertThat(text.toString()).doesNotContain("root:");
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] b, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = new DeflaterOutputStream(out, new Deflater(6, raw))) {
            z.write(b);
        }
        return out.toByteArray();
    }

    static byte[] sample() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append("<rim:Slot name=\"s").append(i).append("\"/>");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void gzipZlibAndRawDeflateDecodeWithinTheirBounds() throws IOException {
        byte[] plain = sample();
        assertThat(BoundedInflation.decode(new ByteArrayInputStream(gzip(plain)), "gzip", plain.length, 100, 1 << 20)
                .readAllBytes()).isEqualTo(plain);
        assertThat(BoundedInflation.decode(new ByteArrayInputStream(deflate(plain, false)), "deflate", plain.length, 100,
                1 << 20).readAllBytes()).isEqualTo(plain);
        assertThat(BoundedInflation.decode(new ByteArrayInputStream(deflate(plain, true)), " Deflate", plain.length, 100,
                1 << 20).readAllBytes()).isEqualTo(plain);
        InputStream over = BoundedInflation.decode(new ByteArrayInputStream(gzip(plain)), "x-gzip", plain.length - 1, 100,
                1 << 20);
        assertThatThrownBy(over::readAllBytes).isInstanceOf(LimitExceededException.class)
                .extracting(e -> ((LimitExceededException) e).label()).isEqualTo(BoundedInflation.DECODED_SIZE);
        assertThatThrownBy(over::read).as("sticky").isInstanceOf(LimitExceededException.class);
        assertThatThrownBy(() -> BoundedInflation.decode(new ByteArrayInputStream(plain), "br", 10, 10, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBombIsRefusedByItsRatioAfterTheFreeBytes() throws IOException {
        byte[] zeros = new byte[16 << 20];
        byte[] bomb = gzip(zeros);
        InputStream in = BoundedInflation.decode(new ByteArrayInputStream(bomb), "gzip", Long.MAX_VALUE, 100, 1 << 20);
        byte[] buf = new byte[8192];
        long decoded = 0;
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                decoded += n;
            }
            throw new AssertionError("not refused");
        } catch (LimitExceededException e) {
            assertThat(e.label()).isEqualTo(BoundedInflation.EXPANSION_RATIO);
        }
        // refused on the first read past the free MiB (that read's bytes are not handed out)
        assertThat(decoded).isBetween((1L << 20) - 8192, 1L << 20);
        // the same bytes pass with a ratio bound above what DEFLATE can reach
        assertThat(BoundedInflation.decode(new ByteArrayInputStream(bomb), "gzip", Long.MAX_VALUE, 2000, 1 << 20)
                .readAllBytes()).hasSize(zeros.length);
    }
}
