package org.vigie.core.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ByteLineReaderTest {

    static List<String> lines(byte[] bytes, int max) throws IOException {
        ByteLineReader r = new ByteLineReader(new ByteArrayInputStream(bytes), max);
        List<String> out = new ArrayList<>();
        String l;
        while ((l = r.readLine()) != null) {
            out.add(r.lastLineTooLong() ? "<too long>" : l);
        }
        return out;
    }

    @Test
    void splitsOnLfDropsCrAndTheBomAndKeepsALastLineWithoutTerminator() throws IOException {
        byte[] b = "\uFEFFa;b\r\n\nc".getBytes(StandardCharsets.UTF_8);
        assertThat(lines(b, 100)).containsExactly("a;b", "", "c");
    }

    @Test
    void decodesEachLineAsUtf8WhenItCanAndLatin1Otherwise() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("ascii\n".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("HÔPITAL\n".getBytes(StandardCharsets.UTF_8));
        out.writeBytes("CRÈCHE\n".getBytes(StandardCharsets.ISO_8859_1));
        ByteLineReader r = new ByteLineReader(new ByteArrayInputStream(out.toByteArray()), 100);
        assertThat(r.readLine()).isEqualTo("ascii");
        assertThat(r.encoding()).isEqualTo(ByteLineReader.Encoding.ASCII);
        assertThat(r.readLine()).isEqualTo("HÔPITAL");
        assertThat(r.encoding()).isEqualTo(ByteLineReader.Encoding.UTF_8);
        assertThat(r.readLine()).isEqualTo("CRÈCHE");
        assertThat(r.encoding()).isEqualTo(ByteLineReader.Encoding.MIXED);
        assertThat(r.readLine()).isNull();
        assertThat(r.lineNumber()).isEqualTo(3);
    }

    @Test
    void aLineOverTheLimitIsFlaggedAndTheNextOneReadNormally() throws IOException {
        byte[] b = ("short\n" + "x".repeat(70_000) + "\nafter\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(lines(b, 1000)).containsExactly("short", "<too long>", "after");
    }

    @Test
    void readsALineThatIsNotUtf8AsWindows1252AndSaysSo() throws IOException {
        Charset cp1252 = Charset.forName("windows-1252");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("CRÈCHE\n".getBytes(StandardCharsets.ISO_8859_1));
        ByteLineReader latin = new ByteLineReader(new ByteArrayInputStream(out.toByteArray()), 100);
        assertThat(latin.readLine()).isEqualTo("CRÈCHE");
        assertThat(latin.encoding()).isEqualTo(ByteLineReader.Encoding.ISO_8859_1);
        out.writeBytes("ŒUVRE D’ACCUEIL – 5 €\n".getBytes(cp1252));
        ByteLineReader r = new ByteLineReader(new ByteArrayInputStream(out.toByteArray()), 100);
        assertThat(r.readLine()).isEqualTo("CRÈCHE");
        assertThat(r.readLine()).isEqualTo("ŒUVRE D’ACCUEIL – 5 €");
        assertThat(r.encoding()).isEqualTo(ByteLineReader.Encoding.WINDOWS_1252);
    }

    @Test
    void decodesEverySingleByteAsTheJdkWindows1252DoesAndTheFiveUndefinedOnesAsLatin1() throws IOException {
        Charset cp1252 = Charset.forName("windows-1252");
        for (int b = 0x80; b <= 0xFF; b++) {
            // a 0xFF byte (never in UTF-8) makes the line single-byte whatever byte follows
            byte[] line = {'x', (byte) 0xFF, (byte) b, '\n'};
            String got = lines(line, 10).get(0);
            String jdk = new String(new byte[] {(byte) b}, cp1252);
            boolean undefined = b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D;
            assertThat(got.charAt(2)).as("byte %02X", b)
                    .isEqualTo(undefined ? (char) b : jdk.charAt(0));
        }
    }
}
