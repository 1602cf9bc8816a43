package org.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's {@code chromium} in headless mode, one process per call, a fresh profile each time (the deployment page and
 * journal tests). */
final class HeadlessChromium {

    private HeadlessChromium() {
    }

    /** @return the {@code chromium} executable on the PATH, or null */
    static Path find() {
        for (String p : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path c = Path.of(p, "chromium");
            if (Files.isExecutable(c)) {
                return c;
            }
        }
        return null;
    }

    /**
     * Runs chromium headless with {@code args}; its stderr goes to a log file in {@code work}.
     *
     * @return what it printed on stdout (the DOM with {@code --dump-dom})
     */
    static String run(Path chromium, Path work, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(work.resolve("chromium-" + System.nanoTime() + ".log").toFile())
                .start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // best effort
            }
        });
        reader.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s");
        }
        reader.join(10_000);
        assertThat(p.exitValue()).as("chromium exit code").isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
