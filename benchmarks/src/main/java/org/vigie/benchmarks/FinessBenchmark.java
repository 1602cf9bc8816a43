package org.vigie.benchmarks;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.vigie.benchmarks.data.FinessFixture;
import org.vigie.core.Finess;
import org.vigie.core.InMemoryStructureDirectory;
import org.vigie.core.finess.LoadResult;

/**
 * Benchmark 5: the FINESS directory. Loading a generated etalab extract of 100 000 EGs plus its EJ extract, and one
 * lookup EG → EJ in the loaded directory (cycling over every EG, so that lookups are not served from one hot
 * cache line).
 */
@State(Scope.Benchmark)
public class FinessBenchmark {

    /** EGs in the generated extract. */
    public static final int ESTABLISHMENTS = FinessFixture.ESTABLISHMENTS;

    private FinessFixture fixture;
    private InMemoryStructureDirectory directory;
    private Finess[] keys;

    /** Writes the extracts (seed 1) once per JVM and loads them. */
    @Setup(Level.Trial)
    public void setup() {
        fixture = FinessFixture.shared();
        directory = fixture.directory();
        List<Finess> all = directory.establishments().map(e -> e.finess()).toList();
        Checks.check(all.size() == ESTABLISHMENTS, "expected " + ESTABLISHMENTS + " EGs, loaded " + all.size());
        keys = all.toArray(new Finess[0]);
        Checks.check(directory.legalEntityOf(keys[0]).isPresent(), "EG without EJ after loading");
    }

    /** Loads both extracts into a fresh directory. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public LoadResult load100k() throws IOException {
        return fixture.load();
    }

    /** Cursor over the EGs, one per thread. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    /** One lookup EG → EJ. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Object lookupEgToEj(Cursor c) {
        int i = c.next;
        c.next = i + 1 == keys.length ? 0 : i + 1;
        return directory.legalEntityOf(keys[i]).orElse(null);
    }
}
