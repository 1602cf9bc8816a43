package org.vigie.core.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Seeds of the fuzz targets: files of the shared test data (when the folder is there) and artefacts the tests make.
 * With {@code -Dvigie.fuzz.writeCorpus=true} the short runs also write their seeds into the regression corpus
 * folder Jazzer replays ({@code src/test/resources/<package>/<Class>Inputs/<method>/}).
 */
public final class FuzzSeeds {

    private FuzzSeeds() {
    }

    /** The files under {@code testdata/<sub>} (recursively), or nothing when the shared folder is absent. */
    public static List<byte[]> testdata(String sub) {
        String base = System.getProperty("vigie.testdata");
        if (base == null || !Files.isDirectory(Path.of(base, sub))) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(Path.of(base, sub))) {
            List<byte[]> out = new ArrayList<>();
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the seeds into the corpus of {@code target}'s fuzz method when asked to. */
    public static void writeCorpusIfAsked(Class<?> target, String method, List<byte[]> seeds) {
        if (!Boolean.getBoolean("vigie.fuzz.writeCorpus")) {
            return;
        }
        Path dir = Path.of("src/test/resources", target.getPackageName().replace('.', '/'),
                target.getSimpleName() + "Inputs", method);
        try {
            Files.createDirectories(dir);
            for (byte[] s : seeds) {
                String name = "seed-" + HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(s)).substring(0, 16);
                Files.write(dir.resolve(name), s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
