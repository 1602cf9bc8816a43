package org.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code vigie check} on hostile gzip HTTP captures (issue 14 §4, issue 18 §1): a 300 MiB comment, processing instruction
 * or attribute value in a compliant demo request (about 300 KiB compressed), or a whitespace decompression bomb, is a
 * rejected request with an {@code AI-XML} finding naming the limit (exit 1 and a report), never an
 * {@code OutOfMemoryError} or a stack trace.
 */
class CheckLimitsTest {

    @TempDir
    static Path dir;

    static DemoScenario.Case compliant;
    static List<String> demoArgs;

    @BeforeAll
    static void writeDemoFiles() throws IOException {
        DemoScenario scenario = new DemoScenario();
        List<DemoScenario.Case> cases = scenario.cases();
        DemoCommand.write(dir, scenario, cases);
        compliant = cases.stream().filter(c -> c.id().startsWith("01")).findFirst().orElseThrow();
        demoArgs = DemoCommand.checkArgs(compliant).stream()
                .map(s -> s.startsWith("cases/") || s.startsWith("finess/") || s.startsWith("trust/") ? dir.resolve(s).toString() : s)
                .toList();
    }

    /** The demo check arguments with the message replaced by {@code capture} and no --content-type. */
    static List<String> argsFor(Path capture) {
        List<String> a = new java.util.ArrayList<>(demoArgs);
        int ct = a.indexOf("--content-type");
        String contentType = a.get(ct + 1);
        a.remove(ct + 1);
        a.remove(ct);
        a.set(a.indexOf("--message") + 1, capture.toString());
        assertThat(contentType).startsWith("multipart/related");
        return a;
    }

    static String contentType() {
        return demoArgs.get(demoArgs.indexOf("--content-type") + 1);
    }

    /**
     * Writes a gzip HTTP capture of the compliant demo message with {@code fillerBytes} of {@code filler} inserted at
     * {@code at} (characters of the message), between {@code open} and {@code close}: streamed, never held.
     */
    static Path capture(String name, int at, String open, long fillerBytes, byte filler, String close) throws IOException {
        byte[] msg = compliant.message();
        Path p = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(p)) {
            file.write(("POST /si-dmp-server/v2/services HTTP/1.1\r\nHost: dmp.test\r\nContent-Type: " + contentType()
                    + "\r\nContent-Encoding: gzip\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try (GZIPOutputStream z = new GZIPOutputStream(file, 64 * 1024)) {
                z.write(msg, 0, at);
                z.write(open.getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, filler);
                for (long n = 0; n < fillerBytes; n += chunk.length) {
                    z.write(chunk, 0, (int) Math.min(chunk.length, fillerBytes - n));
                }
                z.write(close.getBytes(StandardCharsets.US_ASCII));
                z.write(msg, at, msg.length - at);
            }
        }
        return p;
    }

    static int after(String marker) {
        String text = new String(compliant.message(), StandardCharsets.ISO_8859_1);
        int i = text.indexOf(marker);
        assertThat(i).as(marker).isPositive();
        return i + marker.length();
    }

    @Test
    void theCompliantRequestAsAGzipCaptureIsAccepted() throws IOException {
        Path p = capture("plain.http", after("Header>"), "<!--", 10, (byte) 'A', "-->");
        CheckCommandTest.Run r = CheckCommandTest.run(argsFor(p));
        assertThat(r.code()).as(r.out() + r.err()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "comment in the SOAP header|Header>|<!--|-->",
        "processing instruction in the SOAP header|Header>|'<?huge '|?>",
        "attribute value in the metadata|'RegistryPackage '|' huge=\"'|\"",
        "comment after the Body|Body>|<!--|-->"})
    void aThreeHundredMebibyteTokenInAGzipCaptureIsARejectionNamingTheLimit(String name, String marker, String open,
                                                                          String close) throws IOException {
        String text = new String(compliant.message(), StandardCharsets.ISO_8859_1);
        int at = switch (marker) {
            case "Body>" -> text.lastIndexOf(marker) + marker.length(); // after the closing tag
            case "RegistryPackage " -> after(marker) - 1;                 // inside the start tag
            default -> after(marker);
        };
        Path p = capture(name.replace(' ', '-') + ".http", at, open, 300L << 20, (byte) 'A', close);
        assertThat(Files.size(p)).as("compressed capture").isLessThan(2L << 20);
        CheckCommandTest.Run r = CheckCommandTest.run(argsFor(p));
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("AI-XML", "Verdict : REJETÉE").containsPattern("limite .{1,60} dépassée");
        assertThat(r.err()).doesNotContain("Exception", "Error", "\tat ");
    }

    @Test
    void aWhitespaceDecompressionBombIsRefusedByItsRatio() throws IOException {
        Path p = capture("bomb.http", new String(compliant.message(), StandardCharsets.ISO_8859_1).lastIndexOf("Body>") + 5,
                "", 2L << 30, (byte) ' ', "");
        CheckCommandTest.Run r = CheckCommandTest.run(argsFor(p));
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("AI-XML", "limite de taux de décompression dépassée");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
    }
}
