package org.vigie.cda.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.vigie.core.internal.limits.HardenedStax;
import org.vigie.core.internal.limits.TextBypass;

/**
 * The bulk decoding from the raw bytes gives the JDK decoder's bytes whatever the sizes: bypass buffer of 1 to 97
 * bytes, reads of 1 to 50 bytes or big ones, line lengths, CR LF or LF, white space runs, and a switch to the
 * character events in the middle (a character reference, a comment). A previous design lost three bytes when a
 * quantum straddled a buffer end while the caller's array was full: every boundary is crossed here.
 */
class Base64BypassPropertyTest {

    private static byte[] decodeThroughBypass(String xml, int buffer, Random rnd, boolean bulkReads) throws IOException {
        try {
            byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
            TextBypass gate = new TextBypass(new ByteArrayInputStream(bytes), Set.of("d"), buffer, () -> { });
            XMLStreamReader r = gate.track(HardenedStax.factory(true).createXMLStreamReader(gate));
            while (r.next() != XMLStreamConstants.START_ELEMENT || !"d".equals(r.getLocalName())) {
                // to <d>
            }
            assertThat(gate.engage()).isTrue();
            Base64TextStream in = new Base64TextStream(r, gate, () -> { });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] b = new byte[64 * 1024];
            while (true) {
                int len = bulkReads ? b.length : 1 + rnd.nextInt(50);
                int off = bulkReads ? 0 : rnd.nextInt(3);
                int n = in.read(b, off, Math.min(len, b.length - off));
                if (n < 0) {
                    break;
                }
                assertThat(n).isPositive();
                out.write(b, off, n);
            }
            assertThat(in.ended()).isTrue();
            assertThat(gate.taken() > 0 || out.size() == 0).as("the bytes came the fast way").isTrue();
            return out.toByteArray();
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static String encode(byte[] data, Random rnd, StringBuilder expectedText) {
        String b64 = Base64.getEncoder().encodeToString(data);
        StringBuilder sb = new StringBuilder();
        int line = 1 + rnd.nextInt(100);
        String eol = switch (rnd.nextInt(4)) {
            case 0 -> "\n";
            case 1 -> "\r\n";
            case 2 -> "&#13;\n";
            default -> "&#xD;&#xA;";
        };
        for (int i = 0; i < b64.length(); i += line) {
            sb.append(b64, i, Math.min(b64.length(), i + line));
            if (rnd.nextInt(20) == 0) {
                sb.append(" ".repeat(rnd.nextInt(300)));
            }
            if (rnd.nextInt(40) == 0) {
                sb.append("<!-- c -->");
            }
            sb.append(eol);
        }
        expectedText.append(b64);
        return sb.toString();
    }

    @Test
    void bulkDecodingGivesTheJdkDecodersBytesAcrossEveryBufferAndReadSize() throws Exception {
        Random rnd = new Random(1616);
        for (int i = 0; i < 400; i++) {
            byte[] data = new byte[rnd.nextInt(i < 300 ? 300 : 20_000)];
            rnd.nextBytes(data);
            StringBuilder expectedText = new StringBuilder();
            String xml = "<r><d>" + (rnd.nextBoolean() ? "\n" : "") + encode(data, rnd, expectedText) + "</d></r>";
            int buffer = 1 + rnd.nextInt(97);
            byte[] got = decodeThroughBypass(xml, buffer, rnd, rnd.nextInt(4) == 0);
            assertThat(got).as("case %d, buffer %d", i, buffer).isEqualTo(data);
            assertThat(Base64.getDecoder().decode(expectedText.toString())).isEqualTo(data);
        }
    }

    @Test
    void everyBufferSizeFromOneToSixtyFourAgainstEveryReadSizeFromOneToSeven() throws Exception {
        byte[] data = new byte[1000];
        new Random(3).nextBytes(data);
        String b64 = Base64.getMimeEncoder().encodeToString(data);
        for (int buffer = 1; buffer <= 64; buffer++) {
            for (int read = 1; read <= 7; read++) {
                byte[] bytes = ("<r><d>" + b64 + "</d></r>").getBytes(StandardCharsets.US_ASCII);
                TextBypass gate = new TextBypass(new ByteArrayInputStream(bytes), Set.of("d"), buffer, () -> { });
                XMLStreamReader r = gate.track(HardenedStax.factory(true).createXMLStreamReader(gate));
                r.nextTag();
                r.nextTag();
                assertThat(gate.engage()).isTrue();
                Base64TextStream in = new Base64TextStream(r, gate, () -> { });
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] b = new byte[read];
                int n;
                while ((n = in.read(b, 0, read)) > 0) {
                    out.write(b, 0, n);
                }
                assertThat(out.toByteArray()).as("buffer %d read %d", buffer, read).isEqualTo(data);
            }
        }
    }

    @Test
    void theSameErrorsAsTheCharacterEventsPath() throws Exception {
        String[] bad = {"QUJD=QUJD", "QUI=x", "QQ==QQ==", "QUJ", "Q===", "QU!J", "QUJD\u00e9", "=QUJD"};
        for (String text : bad) {
            String fast;
            String slow;
            try {
                decodeThroughBypass("<r><d>" + text + "</d></r>", 4, new Random(1), false);
                fast = "ok";
            } catch (IOException e) {
                fast = e.getMessage();
            }
            try {
                XMLStreamReader r = HardenedStax.open(new ByteArrayInputStream(("<d>" + text + "</d>")
                        .getBytes(StandardCharsets.UTF_8)), true);
                r.nextTag();
                r.next();
                new Base64TextStream(r, true, () -> { }).readAllBytes();
                slow = "ok";
            } catch (IOException e) {
                slow = e.getMessage();
            }
            assertThat(fast).as(text).isEqualTo(slow).isNotEqualTo("ok");
        }
    }
}
