package org.vigie.cda;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared public test data ({@code vigie.testdata}); tests skip when it is absent. */
final class TestData {

    private TestData() {
    }

    static Path dir() {
        String p = System.getProperty("vigie.testdata", "../../shared/testdata");
        Path d = Path.of(p);
        assumeTrue(Files.isDirectory(d), "shared test data not found at " + d.toAbsolutePath()
                + " (set -Dvigie.testdata): test skipped");
        return d;
    }

    static Path file(String relative) {
        Path f = dir().resolve(relative);
        assumeTrue(Files.isRegularFile(f), "test data file missing: " + f + ": test skipped");
        return f;
    }
}
