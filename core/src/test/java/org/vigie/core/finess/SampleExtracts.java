package org.vigie.core.finess;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Synthetic FINESS extracts for the core's own tests, one per format: the files the test kit's
 * {@code FinessExtractGenerator} wrote (seed 6, 12 establishments), committed as the seeds of the FINESS fuzz corpus.
 * The core cannot use the test kit, which depends on it, so it reads these bytes instead of generating them.
 */
public final class SampleExtracts {

    private static final String CORPUS = "/org/vigie/core/fuzz/FinessReaderFuzzTestInputs/etalabExtract/";

    private SampleExtracts() {
    }

    /**
     * @param format the format
     * @return the generated extract in that format
     */
    public static byte[] of(FinessFormat format) {
        return read(switch (format) {
            case ETALAB -> "seed-a1faa1020fc20254";
            case JSON -> "seed-729fa4c956f88a1c";
            case EJ_EXTRACT -> "seed-380f7d1759ea83c3";
        });
    }

    private static byte[] read(String name) {
        try (InputStream in = SampleExtracts.class.getResourceAsStream(CORPUS + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: " + CORPUS + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
