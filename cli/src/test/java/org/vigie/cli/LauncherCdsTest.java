package org.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./vigie} launcher's AppCDS logic (issue 16), on a copy of the launcher in a temporary project whose
 * {@code cli/target/vigie.jar} is a one-class jar ({@link LauncherProbe}): the archive is made by the first
 * {@code check}, mapped afterwards (the probe class then comes from the archive, seen with {@code -Xlog:class+load}),
 * made again when the jar changes, and every fallback runs the jar silently. No timing is asserted.
 */
class LauncherCdsTest {

    private static final String PROBE = LauncherProbe.class.getName();

    @TempDir
    Path root;

    Path target;
    Path jar;
    Path jsa;
    Path jsaId;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void project() throws IOException {
        Path launcher = Path.of("").toAbsolutePath().getParent().resolve("vigie");
        assumeTrue(Files.isRegularFile(launcher), "launcher not found: " + launcher);
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")), "no bash");
        Files.copy(launcher, root.resolve("vigie"));
        Files.setPosixFilePermissions(root.resolve("vigie"), PosixFilePermissions.fromString("rwxr-xr-x"));
        target = Files.createDirectories(root.resolve("cli/target"));
        jar = target.resolve("vigie.jar");
        jsa = target.resolve("vigie.jsa");
        jsaId = target.resolve("vigie.jsa.id");
        writeProbeJar("");
    }

    /** The probe jar; {@code extra} changes its bytes (a "rebuilt" jar). */
    private void writeProbeJar(String extra) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, PROBE);
        String entry = PROBE.replace('.', '/') + ".class";
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, mf);
             InputStream in = LauncherProbe.class.getResourceAsStream("LauncherProbe.class")) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
            if (!extra.isEmpty()) {
                out.putNextEntry(new JarEntry("extra.txt"));
                out.write(extra.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }

    private Run launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(root.resolve("vigie").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
        pb.environment().remove("VIGIE_NO_CDS");
        pb.environment().remove("VIGIE_JAVA_OPTS");
        pb.environment().putAll(env);
        Path out = root.resolve("out.txt");
        Path err = root.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("launcher did not finish");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Run launch(String... args) throws IOException, InterruptedException {
        return launch(Map.of(), args);
    }

    /** Runs once more with class loading logged; true when the probe class came from the dynamic archive. */
    private boolean probeFromArchive() throws IOException, InterruptedException {
        Path log = root.resolve("classload.txt");
        Files.deleteIfExists(log);
        Run r = launch(Map.of("VIGIE_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), "check");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("probe ok\n");
        String line = Files.readAllLines(log).stream().filter(l -> l.contains(" " + PROBE + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("probe class not in the class-load log"));
        return line.contains("shared objects file (top)");
    }

    private static void assertQuiet(Run r) {
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("probe ok\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void firstCheckMakesTheArchiveAndLaterRunsMapIt() throws Exception {
        Run first = launch("check", "--anything");
        assertQuiet(first);
        assertThat(jsa).isRegularFile();
        assertThat(Files.size(jsa)).isPositive();
        assertThat(Files.readString(jsaId)).startsWith("vigie-cds 1\njar ");

        assertQuiet(launch("check"));
        assertThat(probeFromArchive()).isTrue();
        // any command maps an existing archive
        Path log = root.resolve("rules.txt");
        Run rules = launch(Map.of("VIGIE_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), "rules");
        assertThat(rules.out()).isEqualTo("probe ok\n");
        assertThat(Files.readString(log)).contains(PROBE + " source: shared objects file (top)");
    }

    @Test
    void theExitCodeOfTheTrainingRunIsKept() throws Exception {
        Run r = launch("check", "exit=1");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("probe ok\n");
        assertThat(r.err()).isEmpty();
        assertThat(jsa).isRegularFile();
        assertThat(launch("check", "exit=2").code()).isEqualTo(2);
    }

    @Test
    void aRebuiltJarInvalidatesTheArchive() throws Exception {
        assertQuiet(launch("demo"));
        String before = Files.readString(jsaId);
        writeProbeJar("rebuilt"); // newer than the archive, other size
        assertThat(Files.getLastModifiedTime(jar)).isGreaterThan(Files.getLastModifiedTime(jsa));
        assertQuiet(launch("check"));
        assertThat(Files.readString(jsaId)).isNotEqualTo(before);
        assertThat(probeFromArchive()).isTrue();
    }

    @Test
    void aBogusArchiveIsIgnoredSilently() throws Exception {
        assertQuiet(launch("check"));
        // corrupt the archive but keep its record and its date: the launcher maps it, the JVM refuses it, quietly
        FileTime t = Files.getLastModifiedTime(jsa);
        Files.delete(jsa); // the JVM writes it read-only
        Files.writeString(jsa, "not a CDS archive, ".repeat(100));
        Files.setLastModifiedTime(jsa, t);
        assertQuiet(launch("check"));
        assertThat(probeFromArchive()).isFalse();
    }

    @Test
    void otherCommandsDoNotTrainAnArchive() throws Exception {
        assertQuiet(launch("rules"));
        assertQuiet(launch("--version"));
        assertQuiet(launch());
        assertThat(jsa).doesNotExist();
        assertThat(jsaId).doesNotExist();
    }

    @Test
    void vigieNoCdsDisablesIt() throws Exception {
        assertQuiet(launch(Map.of("VIGIE_NO_CDS", "1"), "check"));
        assertThat(jsa).doesNotExist();
        // and an existing archive is then not mapped
        assertQuiet(launch("check"));
        assertThat(jsa).isRegularFile();
        Path log = root.resolve("nocds.txt");
        Run r = launch(Map.of("VIGIE_NO_CDS", "1", "VIGIE_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), "check");
        assertQuiet(r);
        assertThat(Files.readString(log)).doesNotContain(PROBE + " source: shared objects file (top)");
    }

    @Test
    void aCallerWhoSwitchesSharingOffRunsWithout() throws Exception {
        assertQuiet(launch(Map.of("VIGIE_JAVA_OPTS", "-Xshare:off"), "check"));
        assertThat(jsa).doesNotExist();
    }

    @Test
    void aJvmThatCannotDumpIsRecordedAndRunsWithout() throws Exception {
        // without compressed class pointers the JDK's base archive does not map, so no dynamic archive can be made
        Map<String, String> env = Map.of("VIGIE_JAVA_OPTS", "-XX:-UseCompressedClassPointers");
        assertQuiet(launch(env, "check"));
        assertThat(jsa).doesNotExist();
        assertThat(Files.readString(jsaId)).startsWith("unsupported\n");
        assertQuiet(launch(env, "check"));
        assertThat(jsa).doesNotExist();
        // the record is tied to those options: without them an archive is made
        assertQuiet(launch("check"));
        assertThat(jsa).isRegularFile();
    }

    @Test
    void aReadOnlyTargetRunsWithout() throws Exception {
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(target), "running as root: a read-only directory stays writable");
            assertQuiet(launch("check"));
            assertThat(jsa).doesNotExist();
        } finally {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
