package org.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A feeding with a 200 MB MTOM attachment, posted over mutual TLS to the endpoint, is answered Success in a JVM whose
 * heap (client and server together) is limited to 64 MB.
 */
class BigAttachmentServeTest {

    /** PDF bytes: base64 in the CDA makes the attachment 200 MB. */
    static final long PDF = 150L * 1000 * 1000;

    @Test
    void twoHundredMegabyteAttachmentIsServedWithASixtyFourMegabyteHeap() throws Exception {
        String log = fork(PDF);
        assertThat(log).contains("http=200 success=true", "\"verdict\":\"accepted\"", "\"attachments\":1");
        long bytesIn = Long.parseLong(log.replaceFirst("(?s).*\"bytesIn\":(\\d+).*", "$1"));
        assertThat(bytesIn).as("the whole request went through the server").isGreaterThan(200L * 1000 * 1000);
    }

    /**
     * The same with the request journal on (default limits) and a journal folder: the 100 MB request keeps a 2 MiB
     * raw copy, in memory and on disk, and is still answered within the 64 MB heap (the body is teed, not buffered).
     */
    @Test
    void aHundredMegabyteRequestIsJournaledWithATwoMebibyteCopyInASixtyFourMegabyteHeap() throws Exception {
        Path journal = Files.createTempDirectory("vigie-journal-big");
        String log = fork(75L * 1000 * 1000, journal.toString());
        assertThat(log).contains("http=200 success=true", "\"verdict\":\"accepted\"");
        long bytesIn = Long.parseLong(log.replaceFirst("(?s).*\"bytesIn\":(\\d+).*", "$1"));
        assertThat(bytesIn).isGreaterThan(100L * 1000 * 1000);
        assertThat(log).contains("\"raw\": {\"bytes\": 2097152, \"truncated\": true", "\"bytesIn\": " + bytesIn + ",");
        assertThat(Files.size(journal.resolve("000001.raw"))).isEqualTo(2L * 1024 * 1024);
        assertThat(Files.readString(journal.resolve("000001.json"))).contains("\"verdict\": \"accepted\"");
    }

    /** Runs {@link BigAttachmentServeMain} in a JVM of 64 MB heap with {@code pdf} (and a journal folder, if given). */
    private static String fork(long pdf, String... journal) throws Exception {
        File logFile = File.createTempFile("vigie-serve-big", ".log");
        logFile.deleteOnExit();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(javaBin, "-Xmx64m", "-cp",
                System.getProperty("java.class.path"), BigAttachmentServeMain.class.getName(), String.valueOf(pdf)));
        cmd.addAll(List.of(journal));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(logFile);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        String log = Files.readString(logFile.toPath(), StandardCharsets.UTF_8);
        assertThat(done).as("forked JVM finished").isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        return log;
    }
}
