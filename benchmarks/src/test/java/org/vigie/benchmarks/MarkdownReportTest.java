package org.vigie.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigie.benchmarks.Figures.Row;
import org.vigie.benchmarks.MarkdownReport.Target;

/** Targets and ratios computed from figures (hand-made, independent of JMH). */
class MarkdownReportTest {

    private static Row row(String name, String size, double score, String unit, double alloc) {
        return new Row(name, size == null ? Map.of() : Map.of("size", size), 1, score, 0.1, unit, alloc);
    }

    private static Target target(List<Target> all, String prefix) {
        return all.stream().filter(t -> t.what().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void ratiosAgainstTheFloorAndThePeerDecideTargetOne() {
        Figures f = new Figures(List.of(row("Control1Benchmark.vigie", null, 260, "us/op", 1),
                row("Control1Benchmark.floor", null, 200, "us/op", 1),
                row("Control1Benchmark.opensaml", null, 0.4, "ms/op", 1)));
        List<Target> t = new MarkdownReport(f, List.of(), List.of(), "h").targets();
        assertThat(target(t, "VIHF control 1: Vigie / floor").met()).isTrue();
        assertThat(target(t, "VIHF control 1: Vigie / floor").measured()).contains("1.30 ×");
        assertThat(target(t, "VIHF control 1: Vigie / OpenSAML").met()).isTrue();

        Figures slow = new Figures(List.of(row("Control1Benchmark.vigie", null, 261, "us/op", 1),
                row("Control1Benchmark.floor", null, 200, "us/op", 1),
                row("Control1Benchmark.opensaml", null, 250, "us/op", 1)));
        List<Target> s = new MarkdownReport(slow, List.of(), List.of(), "h").targets();
        assertThat(target(s, "VIHF control 1: Vigie / floor").met()).isFalse();
        assertThat(target(s, "VIHF control 1: Vigie / OpenSAML").met()).isFalse();
    }

    @Test
    void issue16ComparesTimeWithOpenSamlAndTheFloorAndAllocationWithOpenSaml() {
        Figures fast = new Figures(List.of(row("Control1Benchmark.vigie", null, 120, "us/op", 90_000),
                row("Control1Benchmark.floor", null, 80, "us/op", 27_000),
                row("Control1Benchmark.opensaml", null, 160, "us/op", 190_000)));
        List<Target> t = new MarkdownReport(fast, List.of(), List.of(), "h").targets();
        assertThat(target(t, "VIHF control 1 (issue 16): Vigie / OpenSAML time").met()).isTrue();
        assertThat(target(t, "VIHF control 1 (issue 16): Vigie / floor time").met()).isTrue();
        assertThat(target(t, "VIHF control 1 (issue 16): Vigie / OpenSAML allocation").met()).isTrue();

        Figures slow = new Figures(List.of(row("Control1Benchmark.vigie", null, 140, "us/op", 120_000),
                row("Control1Benchmark.floor", null, 80, "us/op", 27_000),
                row("Control1Benchmark.opensaml", null, 160, "us/op", 190_000)));
        List<Target> s = new MarkdownReport(slow, List.of(), List.of(), "h").targets();
        assertThat(target(s, "VIHF control 1 (issue 16): Vigie / OpenSAML time").met()).isFalse();
        assertThat(target(s, "VIHF control 1 (issue 16): Vigie / floor time").met()).isFalse();
        assertThat(target(s, "VIHF control 1 (issue 16): Vigie / OpenSAML allocation").measured()).contains("0.63 ×");
        assertThat(target(s, "VIHF control 1 (issue 16): Vigie / OpenSAML allocation").met()).isFalse();
    }

    @Test
    void sizeIndependenceComparesTimeAndAllocationAt200MbAnd20Kb() {
        Figures f = new Figures(List.of(row("Control2Benchmark.xop", "20KB", 100, "us/op", 50_000),
                row("Control2Benchmark.xop", "200MB", 140, "us/op", 52_000),
                row("Control2Benchmark.inline", "20KB", 100, "us/op", 50_000),
                row("Control2Benchmark.inline", "200MB", 2, "s/op", 900_000)));
        List<Target> t = new MarkdownReport(f, List.of(), List.of(), "h").targets();
        assertThat(target(t, "Control 2, document as MTOM part (XOP): time").met()).isTrue();
        assertThat(target(t, "Control 2, document as MTOM part (XOP): allocation").met()).isTrue();
        assertThat(target(t, "Control 2, document inline base64: time").met()).isFalse();
        assertThat(target(t, "Control 2, document inline base64: allocation").met()).isFalse();
    }

    @Test
    void absoluteTargetsConvertUnitsAndMissingBenchmarksAreSaidSo() {
        Figures f = new Figures(List.of(row("CertificateTrustBenchmark.repeated", null, 4999, "ns/op", 1),
                row("FinessBenchmark.lookupEgToEj", null, 201, "ns/op", 1),
                row("FinessBenchmark.load100k", null, 999, "ms/op", 1)));
        List<Target> t = new MarkdownReport(f, List.of(700.0, 300.0, 400.0), List.of(300.0), "h").targets();
        assertThat(target(t, "Certificate trust, repeated").met()).isTrue();
        assertThat(target(t, "FINESS: lookup").met()).isFalse();
        assertThat(target(t, "FINESS: load").met()).isTrue();
        assertThat(target(t, "Cold start to").measured()).startsWith("400 ms");
        assertThat(target(t, "Cold start with an AppCDS").met()).isTrue();
        assertThat(target(t, "VIHF repeated").measured()).isEqualTo("not measured in this run");
        assertThat(target(t, "VIHF repeated").met()).isNull();
    }

    @Test
    void throughputScalingIsAllCoresOverOneThread() {
        Figures f = new Figures(List.of(new Row("DmpRequestBenchmark.oneThread", Map.of("size", "20KB"), 1, 1000, 1,
                        "ops/s", 1),
                new Row("DmpRequestBenchmark.allCores", Map.of("size", "20KB"), 2, 1900, 1, "ops/s", 1)));
        Target t = target(new MarkdownReport(f, List.of(), List.of(), "h").targets(), "Whole DMP request, MTOM 20KB");
        assertThat(t.measured()).contains("1.90 ×");
        assertThat(t.met()).isTrue();
    }

    @Test
    void medianOfEvenAndOddCounts() {
        assertThat(MarkdownReport.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(MarkdownReport.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    }
}
