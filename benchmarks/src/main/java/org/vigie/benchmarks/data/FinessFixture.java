package org.vigie.benchmarks.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vigie.core.InMemoryStructureDirectory;
import org.vigie.testkit.data.FinessExtractGenerator;
import org.vigie.core.finess.FinessFormat;
import org.vigie.core.finess.FinessLoader;
import org.vigie.core.finess.LoadResult;

/**
 * The generated FINESS extracts (seed 1, 100 000 EGs, etalab format plus the matching EJ extract), written once per
 * JVM to a temporary folder deleted at exit, and the directory loaded from them.
 */
public final class FinessFixture {

    /** EGs in the generated extract. */
    public static final int ESTABLISHMENTS = 100_000;

    private static FinessFixture shared;

    private final Path etalab;
    private final Path legalEntities;
    private final InMemoryStructureDirectory directory;

    private FinessFixture() throws IOException {
        Path dir = Files.createTempDirectory("vigie-bench-finess");
        etalab = dir.resolve("etalab.csv");
        legalEntities = dir.resolve("ej.csv");
        dir.toFile().deleteOnExit();
        etalab.toFile().deleteOnExit();
        legalEntities.toFile().deleteOnExit();
        FinessExtractGenerator g = FinessExtractGenerator.builder().seed(1).establishments(ESTABLISHMENTS).build();
        g.writeEtalab(etalab);
        g.writeLegalEntities(legalEntities);
        directory = load().directory();
    }

    /** The fixture, built on first use. */
    public static synchronized FinessFixture shared() {
        if (shared == null) {
            try {
                shared = new FinessFixture();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** Loads both extracts into a fresh directory. */
    public LoadResult load() throws IOException {
        FinessLoader loader = new FinessLoader();
        loader.load(etalab, FinessFormat.ETALAB);
        loader.load(legalEntities, FinessFormat.EJ_EXTRACT);
        return loader.result();
    }

    /** The directory loaded once. */
    public InMemoryStructureDirectory directory() {
        return directory;
    }

    /** The folder of the extracts (for other generated files). */
    public Path folder() {
        return etalab.getParent();
    }
}
