package org.vigie.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * The CI smoke: every benchmark of the module runs once (single shot, no warm-up, in this JVM). Each benchmark's
 * setup checks that it measures an accepted request, so a broken validator or generator fails here. Nothing is
 * asserted about speed.
 */
class SmokeTest {

    static final List<Class<?>> BENCHMARKS = List.of(CertificateTrustBenchmark.class, Control1Benchmark.class,
            Control2Benchmark.class, DeploymentBenchmark.class, DmpRequestBenchmark.class, FinessBenchmark.class);

    /** Benchmark methods times their parameter combinations, as {@code Class.method}. */
    static List<String> expectedRuns() {
        List<String> out = new ArrayList<>();
        for (Class<?> c : BENCHMARKS) {
            int combos = 1;
            for (Field f : c.getFields()) {
                Param p = f.getAnnotation(Param.class);
                if (p != null) {
                    combos *= p.value().length;
                }
            }
            for (Method m : c.getMethods()) {
                if (m.isAnnotationPresent(Benchmark.class)) {
                    for (int i = 0; i < combos; i++) {
                        out.add(c.getSimpleName() + "." + m.getName());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void everyBenchmarkRunsOnceAndTheResultsAreWritten(@TempDir Path dir) throws Exception {
        // JMH refuses to start while another JMH run holds /tmp/jmh.lock (a developer's benchmarks/run on the same
        // machine); the smoke run asserts nothing about speed, so it may run beside it
        System.setProperty("jmh.ignoreLock", "true");
        BenchmarkRunner.Outcome o = BenchmarkRunner.run(Profile.SMOKE, dir, List.of(), List.of(412.0, 398.0, 405.0),
                List.of(), "CI smoke", false);

        List<String> ran = o.figures().rows().stream().map(Figures.Row::name).toList();
        assertThat(ran).containsExactlyInAnyOrderElementsOf(expectedRuns());
        assertThat(o.figures().rows()).allSatisfy(r -> assertThat(r.score()).isPositive().isFinite());

        String json = Files.readString(o.json());
        assertThat(json).startsWith("[").contains("org.vigie.benchmarks.Control1Benchmark.vigie");
        String md = Files.readString(o.markdown());
        assertThat(md).contains("### Targets (issue 8)", "### Every figure", "Control2Benchmark.inline | size=200MB",
                "median of 3 fresh JVMs", "405 ms");
        assertThat(md).doesNotContain("not measured in this run");
        BufferedImage png = ImageIO.read(o.chart().toFile());
        assertThat(png.getWidth()).isEqualTo(900);
        assertThat(dir.resolve("latest-smoke.md")).exists();
    }
}
