package org.vigie.cda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigie.core.StructureId;

/**
 * A submission carrying a 500 MiB CDA (base64 PDF body), checked inside a JVM limited to 64 MiB of heap, inline and as
 * an MTOM part: memory does not grow with document size, the inline content is consumed to its end (skipped without
 * decoding), the MTOM part is read only up to the end of the header in the opt-out mode
 * ({@code readWholeAttachments(false)}; by default it is read to its end, memory flat all the same: dmp's
 * {@code BigAttachmentTest}).
 */
class LargeDocumentThreatTest {

    @org.junit.jupiter.api.io.TempDir
    Path tmp;

    /** Where a class comes from; a jar is copied first (a concurrent build may replace it while the child runs). */
    private String where(Class<?> c) throws URISyntaxException, IOException {
        Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (java.nio.file.Files.isRegularFile(p)) {
            Path copy = tmp.resolve(p.getFileName());
            java.nio.file.Files.copy(p, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return copy.toString();
        }
        return p.toString();
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void a500MibDocumentIsCheckedWithin64MibOfHeap() throws Exception {
        String cp = String.join(File.pathSeparator, where(LargeSubmissionMain.class),
                where(AuthorInstitutionValidator.class), where(StructureId.class));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", cp,
                LargeSubmissionMain.class.getName(), "500")).redirectErrorStream(true).start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(170, TimeUnit.SECONDS)).isTrue();
        System.out.println(out);
        assertThat(out).doesNotContain("OutOfMemoryError");
        assertThat(p.exitValue()).as(out).isZero();
        long doc = 500L << 20;
        String inline = out.lines().filter(l -> l.startsWith("case=inline")).findFirst().orElseThrow();
        String xop = out.lines().filter(l -> l.startsWith("case=xop")).findFirst().orElseThrow();
        assertThat(inline).contains("accepted=true");
        assertThat(xop).contains("accepted=true");
        assertThat(value(inline, "pulled")).isGreaterThan(doc * 4 / 3);          // the whole base64 went through
        assertThat(value(xop, "pulled")).isLessThan(64 * 1024);                   // the part: header only
        assertThat(value(inline, "maxHeap")).isLessThanOrEqualTo(64L << 20);
    }

    private static long value(String line, String key) {
        for (String kv : line.split(" ")) {
            if (kv.startsWith(key + "=")) {
                return Long.parseLong(kv.substring(key.length() + 1));
            }
        }
        throw new AssertionError(key + " missing in " + line);
    }
}
