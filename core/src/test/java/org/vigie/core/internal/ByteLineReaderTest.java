package org.vigie.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @ParameterizedTest(name = "\"{0}\" has {1} fields")
    @CsvSource(delimiter = '|', value = {"a;b;c|3", "a;;b;|4", "''|1", ";|2"})
    void splitAndBoundsKeepEmptyFields(String line, int count) {
        List<String> f = new ArrayList<>();
        assertThat(ByteLineReader.split(line, ';', 10, f)).isEqualTo(count);
        assertThat(f).hasSize(count);
        int[] b = new int[11];
        assertThat(ByteLineReader.bounds(line, ';', b)).isEqualTo(count);
        for (int i = 0; i < count; i++) {
            assertThat(line.substring(b[i], b[i + 1] - 1)).isEqualTo(f.get(i));
        }
    }
}
