package org.vigie.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigie.benchmarks.Figures.Row;

/**
 * The Markdown summary of a run: the targets of issue 8 with the measured figures and ratios, then every figure.
 * Targets whose benchmark did not run are listed as not measured.
 */
final class MarkdownReport {

    /** One line of the targets table. */
    record Target(String number, String what, String measured, String target, Boolean met) {
    }

    private final Figures f;
    private final List<Double> coldStartMillis;
    private final List<Double> coldStartAppCdsMillis;
    private final String header;

    /**
     * @param figures         the JMH figures
     * @param coldStartMillis cold-start wall times of the fresh JVMs (empty when not measured)
     * @param coldStartAppCdsMillis the same with an AppCDS archive (empty when not measured)
     * @param header          lines describing the run (profile, machine, load), written first
     */
    MarkdownReport(Figures figures, List<Double> coldStartMillis, List<Double> coldStartAppCdsMillis, String header) {
        this.f = figures;
        this.coldStartMillis = List.copyOf(coldStartMillis);
        this.coldStartAppCdsMillis = List.copyOf(coldStartAppCdsMillis);
        this.header = header;
    }

    /**
     * The targets of issue 16 for uncached control 1, beside those of issue 8: time at most 0.8 × OpenSAML's and
     * 1.6 × the floor, allocation per validation at most half OpenSAML's ({@code -prof gc}).
     */
    private static void issue16(List<Target> t, Optional<Row> vigie, Optional<Row> floor, Optional<Row> opensaml) {
        if (vigie.isEmpty() || opensaml.isEmpty()) {
            t.add(missing("1", "VIHF control 1 (issue 16): Vigie / OpenSAML time", "≤ 0.8 ×"));
            return;
        }
        double r = vigie.get().micros() / opensaml.get().micros();
        t.add(new Target("1", "VIHF control 1 (issue 16): Vigie / OpenSAML time", Figures.number(r, 2) + " ×",
                "≤ 0.8 ×", r <= 0.8));
        if (floor.isPresent()) {
            double rf = vigie.get().micros() / floor.get().micros();
            t.add(new Target("1", "VIHF control 1 (issue 16): Vigie / floor time", Figures.number(rf, 2) + " ×",
                    "≤ 1.6 ×", rf <= 1.6));
        }
        double a = vigie.get().allocNorm();
        double b = opensaml.get().allocNorm();
        if (!Double.isNaN(a) && !Double.isNaN(b) && b > 0) {
            t.add(new Target("1", "VIHF control 1 (issue 16): Vigie / OpenSAML allocation per validation",
                    Figures.bytes(a) + " / " + Figures.bytes(b) + " = " + Figures.number(a / b, 2) + " ×", "≤ 0.5 ×",
                    a / b <= 0.5));
        }
    }

    List<Target> targets() {
        List<Target> t = new ArrayList<>();
        Optional<Row> vigie = f.find("Control1Benchmark.vigie", null);
        Optional<Row> floor = f.find("Control1Benchmark.floor", null);
        Optional<Row> opensaml = f.find("Control1Benchmark.opensaml", null);
        if (vigie.isPresent() && floor.isPresent()) {
            double r = vigie.get().micros() / floor.get().micros();
            t.add(new Target("1", "VIHF control 1: Vigie / floor (DOM parse + 1 RSA-2048 verify)",
                    Figures.duration(vigie.get().micros()) + " / " + Figures.duration(floor.get().micros()) + " = "
                            + Figures.number(r, 2) + " ×", "≤ 1.3 ×", r <= 1.3));
        } else {
            t.add(missing("1", "VIHF control 1: Vigie / floor", "≤ 1.3 ×"));
        }
        if (vigie.isPresent() && opensaml.isPresent()) {
            double r = vigie.get().micros() / opensaml.get().micros();
            t.add(new Target("1", "VIHF control 1: Vigie / OpenSAML 4.0.1 pipeline",
                    Figures.duration(vigie.get().micros()) + " / " + Figures.duration(opensaml.get().micros()) + " = "
                            + Figures.number(r, 2) + " ×", "< 1 ×", r < 1));
        } else {
            t.add(missing("1", "VIHF control 1: Vigie / OpenSAML", "< 1 ×"));
        }
        issue16(t, vigie, floor, opensaml);
        Optional<Row> dsig = f.find("Control1Benchmark.xmldsig", null);
        if (vigie.isPresent() && dsig.isPresent()) {
            t.add(new Target("1", "VIHF control 1: Vigie / XMLDSig alone (parse + Santuario verify), for analysis",
                    Figures.duration(vigie.get().micros()) + " / " + Figures.duration(dsig.get().micros()) + " = "
                            + Figures.number(vigie.get().micros() / dsig.get().micros(), 2) + " ×", "—", null));
        }
        absolute(t, "2", "Certificate trust, repeated (chain cached)", "CertificateTrustBenchmark.repeated", null, 5);
        f.find("CertificateTrustBenchmark.first", null).ifPresent(first -> t.add(new Target("2",
                "Certificate trust, first validation (PKIX chain built), for reference",
                Figures.duration(first.micros()), "—", null)));
        absolute(t, "2", "VIHF repeated (same bytes, same certificates, verification cache)",
                "Control1Benchmark.vigieCached", null, 15);
        for (String mode : List.of("xop", "inline")) {
            Optional<Row> small = f.find("Control2Benchmark." + mode, "20KB");
            Optional<Row> big = f.find("Control2Benchmark." + mode, "200MB");
            String label = "Control 2, document " + ("xop".equals(mode) ? "as MTOM part (XOP)" : "inline base64");
            if (small.isPresent() && big.isPresent()) {
                double r = big.get().micros() / small.get().micros();
                t.add(new Target("3", label + ": time 200 MB / 20 KB", Figures.duration(big.get().micros()) + " / "
                        + Figures.duration(small.get().micros()) + " = " + Figures.number(r, 2) + " ×", "≤ 1.5 ×",
                        r <= 1.5));
                double a1 = small.get().allocNorm();
                double a2 = big.get().allocNorm();
                if (!Double.isNaN(a1) && !Double.isNaN(a2)) {
                    double ra = a2 / a1;
                    t.add(new Target("3", label + ": allocation 200 MB / 20 KB", Figures.bytes(a2) + " / "
                            + Figures.bytes(a1) + " = " + Figures.number(ra, 2) + " ×",
                            "independent of size (≤ 1.5 ×)", ra <= 1.5));
                }
            } else {
                t.add(missing("3", label + ": time 200 MB / 20 KB", "≤ 1.5 ×"));
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        for (String size : List.of("20KB", "20MB")) {
            Optional<Row> one = f.find("DmpRequestBenchmark.oneThread", size);
            Optional<Row> all = f.find("DmpRequestBenchmark.allCores", size);
            if (one.isPresent() && all.isPresent()) {
                double r = all.get().opsPerSecond() / one.get().opsPerSecond();
                t.add(new Target("4", "Whole DMP request, MTOM " + size + ": throughput " + all.get().threads()
                        + " threads / 1 thread", Figures.number(all.get().opsPerSecond(), 0) + " / "
                        + Figures.number(one.get().opsPerSecond(), 0) + " req/s = " + Figures.number(r, 2) + " ×",
                        "scales with cores (≥ " + Figures.number(0.8 * all.get().threads(), 1) + " ×)",
                        r >= 0.8 * all.get().threads()));
            } else {
                t.add(missing("4", "Whole DMP request, MTOM " + size + ": scaling", "≈ " + cores + " ×"));
            }
        }
        absolute(t, "5", "FINESS: load a 100 000-EG extract (+ its EJ extract)", "FinessBenchmark.load100k", null,
                1_000_000);
        absolute(t, "5", "FINESS: lookup EG → EJ", "FinessBenchmark.lookupEgToEj", null, 0.2);
        f.find("DeploymentBenchmark.readInventory50k", null).ifPresent(r -> t.add(new Target("5",
                "Deployment: read a 50 000-certificate inventory (CSV)", Figures.duration(r.micros()), "—", null)));
        f.find("DeploymentBenchmark.dashboard100kEg50kCertificates", null).ifPresent(r -> t.add(new Target("5",
                "Deployment dashboard: 100 000 EGs × 50 000 certificates, every indicator",
                Figures.duration(r.micros()), "—", null)));
        if (!coldStartMillis.isEmpty()) {
            double median = median(coldStartMillis);
            t.add(new Target("6", "Cold start to the first validated request, median of " + coldStartMillis.size()
                    + " fresh JVMs", Figures.number(median, 0) + " ms (runs: " + joinMillis(coldStartMillis) + ")",
                    "≤ 500 ms", median <= 500));
        } else {
            t.add(missing("6", "Cold start (benchmarks/coldstart)", "≤ 500 ms"));
        }
        if (!coldStartAppCdsMillis.isEmpty()) {
            double median = median(coldStartAppCdsMillis);
            t.add(new Target("6", "Cold start with an AppCDS archive (deployment option), median of "
                    + coldStartAppCdsMillis.size() + " fresh JVMs", Figures.number(median, 0) + " ms (runs: "
                    + joinMillis(coldStartAppCdsMillis) + ")", "≤ 500 ms", median <= 500));
        }
        return t;
    }

    private void absolute(List<Target> t, String n, String what, String bench, String size, double maxMicros) {
        Optional<Row> r = f.find(bench, size);
        String target = "≤ " + Figures.duration(maxMicros);
        if (r.isPresent()) {
            t.add(new Target(n, what, Figures.duration(r.get().micros()), target, r.get().micros() <= maxMicros));
        } else {
            t.add(missing(n, what, target));
        }
    }

    private static Target missing(String n, String what, String target) {
        return new Target(n, what, "not measured in this run", target, null);
    }

    static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        s.sort(Double::compare);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static String joinMillis(List<Double> v) {
        StringBuilder sb = new StringBuilder();
        for (double d : v) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", d));
        }
        return sb.toString();
    }

    /** The whole document. */
    String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(header).append("\n\n");
        sb.append("### Targets (issue 8)\n\n");
        sb.append("| # | What | Measured | Target | Met |\n|---|---|---|---|---|\n");
        for (Target t : targets()) {
            sb.append("| ").append(t.number()).append(" | ").append(t.what()).append(" | ").append(t.measured())
              .append(" | ").append(t.target()).append(" | ")
              .append(t.met() == null ? "—" : t.met() ? "yes" : "**no**").append(" |\n");
        }
        sb.append("\n### Every figure\n\n");
        sb.append("| Benchmark | Params | Threads | Score | ± (99.9 %) | Unit | Allocated per op |\n");
        sb.append("|---|---|---:|---:|---:|---|---:|\n");
        for (Row r : f.rows()) {
            sb.append("| ").append(r.name()).append(" | ").append(r.paramText()).append(" | ").append(r.threads())
              .append(" | ").append(Figures.number(r.score(), 3)).append(" | ")
              .append(Double.isNaN(r.error()) ? "—" : Figures.number(r.error(), 3)).append(" | ").append(r.unit())
              .append(" | ").append(Figures.bytes(r.allocNorm())).append(" |\n");
        }
        return sb.toString();
    }
}
