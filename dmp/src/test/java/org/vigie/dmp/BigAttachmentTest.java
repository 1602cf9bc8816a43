package org.vigie.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Memory does not grow with document size: a 500 MB CDA, as an MTOM attachment or inline in base64 in a plain SOAP
 * request, is validated in a JVM limited to 64 MB.
 */
class BigAttachmentTest {

    static final long SIZE = 500L * 1000 * 1000;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mtom", "inline"})
    void fiveHundredMegabyteDocumentIsValidatedWithASixtyFourMegabyteHeap(String mode) throws Exception {
        File logFile = File.createTempFile("vigie-big", ".log");
        logFile.deleteOnExit();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(javaBin, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                BigAttachmentMain.class.getName(), String.valueOf(SIZE), mode))
                .redirectErrorStream(true)
                .redirectOutput(logFile);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        String log = java.nio.file.Files.readString(pb.redirectOutput().file().toPath(), StandardCharsets.UTF_8);
        assertThat(done).as("forked JVM finished").isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).contains("accepted=true", "cdaHeader=true");
        long bytes = Long.parseLong(log.replaceFirst("(?s).*bytes=(\\d+).*", "$1"));
        assertThat(bytes).as("the whole request was read").isGreaterThan(SIZE - 100);
    }
}
