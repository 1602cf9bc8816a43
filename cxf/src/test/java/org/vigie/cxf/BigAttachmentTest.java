package org.vigie.cxf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The memory bound of {@link VigieFeature}: a feeding with a 100 MB MTOM attachment goes through an ENFORCE feature
 * (cached, validated, then copied to the conduit) and is accepted by the server, in a JVM whose heap (CXF client,
 * Vigie and the test server together) is limited to 64 MB.
 */
class BigAttachmentTest {

    /** PDF bytes: base64 in the CDA makes the attachment 100 MB. */
    static final long PDF = 75L * 1000 * 1000;

    @Test
    void hundredMegabyteAttachmentGoesThroughTheFeatureWithASixtyFourMegabyteHeap() throws Exception {
        File logFile = File.createTempFile("vigie-cxf-big", ".log");
        logFile.deleteOnExit();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(javaBin, "-Xmx64m", "-Dvigie.cxf.wss4j=false",
                "-cp", System.getProperty("java.class.path"), BigAttachmentMain.class.getName(), String.valueOf(PDF)))
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
        assertThat(log).contains("status=urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success", "cached on disk",
                "\"verdict\":\"accepted\"", "\"attachments\":2");
        long cached = Long.parseLong(log.replaceFirst("(?s).* accepted \\(\\d+ findings; (\\d+) bytes.*", "$1"));
        assertThat(cached).as("the whole request went through Vigie's cache").isGreaterThan(100L * 1000 * 1000);
        long bytesIn = Long.parseLong(log.replaceFirst("(?s).*\"bytesIn\":(\\d+).*", "$1"));
        assertThat(bytesIn).as("and then to the server").isGreaterThan(100L * 1000 * 1000);
    }
}
