package org.vigie.core.fuzz;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.core.finess.FinessFormat;
import org.vigie.core.finess.FinessLoader;
import org.vigie.core.finess.LoadResult;
import org.vigie.core.finess.SampleExtracts;
import org.vigie.core.finess.SourceSummary;

/**
 * Fuzz targets of the three FINESS readers (etalab CSV, finess-structures JSON, EJ extract) and of the format
 * detection: whatever the bytes, a load returns a summary with rejections, never an exception, and the
 * resulting directory is usable. Limits are small so that a fuzzer cannot make one input take long.
 */
class FinessReaderFuzzTest {

    static final FinessLoader.Limits LIMITS = new FinessLoader.Limits(4096, 1000, 16, 4096, 1L << 20, 10_000);

    @Timeout(value = 10, unit = TimeUnit.SECONDS) // per input: a hang is a finding
    @FuzzTest(maxDuration = "60s")
    void etalabExtract(byte[] data) {
        load(data, FinessFormat.ETALAB);
    }

    @Timeout(value = 10, unit = TimeUnit.SECONDS) // per input: a hang is a finding
    @FuzzTest(maxDuration = "60s")
    void jsonFeed(byte[] data) {
        load(data, FinessFormat.JSON);
    }

    @Timeout(value = 10, unit = TimeUnit.SECONDS) // per input: a hang is a finding
    @FuzzTest(maxDuration = "60s")
    void legalEntityExtract(byte[] data) {
        load(data, FinessFormat.EJ_EXTRACT);
    }

    @Timeout(value = 10, unit = TimeUnit.SECONDS) // per input: a hang is a finding
    @FuzzTest(maxDuration = "60s")
    void detectedFormat(byte[] data) {
        load(data, FinessFormat.detect(data, Math.min(data.length, 4096)));
    }

    static List<byte[]> seeds() throws IOException {
        // the test kit's generated extracts (seed 6, 12 establishments), committed with the corpus
        List<byte[]> seeds = new ArrayList<>(List.of(SampleExtracts.of(FinessFormat.ETALAB),
                SampleExtracts.of(FinessFormat.EJ_EXTRACT), SampleExtracts.of(FinessFormat.JSON),
                ("{\"pmej\": [{\"informationsGeneralesPMEJ\": {\"numFinessPm\": \"010780054\", \"siren\": \"260100045\"},"
                        + " \"ege\": [{\"numFinessEge\": \"750100125\", \"dateFermeture\": \"2020-01-01\","
                        + " \"etatObjet\": {\"code\": \"FERME\"}}]}]}").getBytes(StandardCharsets.UTF_8),
                "\"nofinessej\",\"rs\",\"siren\"\n\"750712184\",\"AP-HP\",\"267500452\"\n".getBytes(StandardCharsets.UTF_8)));
        return seeds;
    }

    @Test
    void shortRunOverMutatedSeeds() throws IOException {
        List<byte[]> seeds = seeds();
        for (String m : List.of("etalabExtract", "jsonFeed", "legalEntityExtract", "detectedFormat")) {
            FuzzSeeds.writeCorpusIfAsked(FinessReaderFuzzTest.class, m, seeds);
        }
        List<byte[]> all = new ArrayList<>(seeds);
        // the generated extracts are a few KB: cut them to keep the mutants small and the run short
        List<byte[]> small = new ArrayList<>();
        for (byte[] s : seeds) {
            small.add(java.util.Arrays.copyOf(s, Math.min(s.length, 1500)));
        }
        all.addAll(new Mutator(7L).mutants(small, 1500));
        for (byte[] b : all) {
            load(b, FinessFormat.ETALAB);
            load(b, FinessFormat.JSON);
            load(b, FinessFormat.EJ_EXTRACT);
            load(b, FinessFormat.detect(b, Math.min(b.length, 4096)));
        }
    }

    static void load(byte[] data, FinessFormat format) {
        FinessLoader loader = new FinessLoader(LIMITS);
        SourceSummary summary;
        try {
            summary = loader.load("fuzz", new ByteArrayInputStream(data), format);
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory stream cannot fail: the reader made this up", e);
        }
        assertThat(summary).isNotNull();
        LoadResult result = loader.result();
        assertThat(result.rejections().size()).isLessThanOrEqualTo(LIMITS.maxRejectionsKept());
        assertThat(result.directory()).isNotNull();
    }
}
