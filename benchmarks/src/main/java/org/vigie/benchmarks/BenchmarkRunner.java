package org.vigie.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks of this module in one JMH run and writes, under an output folder, {@code <stamp>-<profile>.json}
 * (JMH JSON), {@code <stamp>-<profile>.md} (targets, ratios, every figure) and {@code <stamp>-<profile>-control2.png}
 * (control-2 time against document size), plus {@code latest.*} copies; prints the Markdown.
 *
 * <pre>
 * java -cp ... org.vigie.benchmarks.BenchmarkRunner [--profile smoke|quick|full] [--out DIR]
 *      [--include REGEX]... [--coldstart FILE] [--coldstart-appcds FILE] [--note TEXT] [--jfr]
 * </pre>
 * {@code --coldstart} names a file of cold-start wall times in milliseconds, one a line (written by
 * {@code benchmarks/coldstart}); {@code --jfr} adds JMH's JFR profiler (one recording per benchmark).
 */
public final class BenchmarkRunner {

    /** Benchmarks that take seconds per operation, measured in single shots. */
    static final String HEAVY = "org\\.vigie\\.benchmarks\\.DeploymentBenchmark\\.dashboard.*";
    private static final String HEAVY_EXAMPLE = "org.vigie.benchmarks.DeploymentBenchmark.dashboard100kEg50kCertificates";

    private BenchmarkRunner() {
    }

    /** What a run produced. */
    record Outcome(Collection<RunResult> results, Figures figures, Path json, Path markdown, Path chart) {
    }

    public static void main(String[] args) throws Exception {
        Profile profile = Profile.QUICK;
        Path out = Path.of("benchmarks", "results");
        List<String> includes = new ArrayList<>();
        Path coldStart = null;
        Path coldStartAppCds = null;
        String note = "";
        boolean jfr = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--profile" -> profile = Profile.parse(args[++i]);
                case "--smoke" -> profile = Profile.SMOKE;
                case "--full" -> profile = Profile.FULL;
                case "--out" -> out = Path.of(args[++i]);
                case "--include" -> includes.add(args[++i]);
                case "--coldstart" -> coldStart = Path.of(args[++i]);
                case "--coldstart-appcds" -> coldStartAppCds = Path.of(args[++i]);
                case "--note" -> note = args[++i];
                case "--jfr" -> jfr = true;
                default -> {
                    System.err.println("unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        Outcome o = run(profile, out, includes, readMillis(coldStart), readMillis(coldStartAppCds), note, jfr);
        System.out.println();
        System.out.println(Files.readString(o.markdown()));
        System.out.println("JSON:     " + o.json());
        System.out.println("Markdown: " + o.markdown());
        System.out.println("Chart:    " + o.chart());
    }

    /**
     * Runs the benchmarks and writes the results.
     *
     * @param profile   how long
     * @param out       output folder (created)
     * @param includes  benchmark regexps (empty: every benchmark of the module)
     * @param coldStart cold-start wall times, ms (may be empty)
     * @param coldStartAppCds the same with an AppCDS archive (may be empty)
     * @param note      free text for the header (e.g. the machine load)
     * @param jfr       add the JFR profiler
     */
    static Outcome run(Profile profile, Path out, List<String> includes, List<Double> coldStart,
                       List<Double> coldStartAppCds, String note, boolean jfr) throws IOException, RunnerException {
        Files.createDirectories(out);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        String base = stamp + "-" + profile.name().toLowerCase(Locale.ROOT);
        Path json = out.resolve(base + ".json");
        List<String> selected = includes.isEmpty() ? List.of("org\\.vigie\\.benchmarks\\..*") : includes;
        String loadBefore = loadAverage();
        List<RunResult> results = new ArrayList<>();
        // ordinary benchmarks
        ChainedOptionsBuilder b = new OptionsBuilder().shouldFailOnError(true);
        selected.forEach(b::include);
        b.exclude(HEAVY);
        profile.apply(b);
        if (jfr) {
            b.addProfiler("jfr", "dir=" + out.resolve(base + "-jfr").toAbsolutePath());
        }
        if (matches(selected, List.of(HEAVY))) {
            results.addAll(new Runner(b.build()).run());
        }
        // heavy ones (seconds per operation): single shots
        boolean heavySelected = selected.stream().anyMatch(r -> java.util.regex.Pattern.compile(r)
                .matcher(HEAVY_EXAMPLE).find());
        if (heavySelected) {
            ChainedOptionsBuilder h = new OptionsBuilder().shouldFailOnError(true).include(HEAVY);
            profile.applyHeavy(h);
            results.addAll(new Runner(h.build()).run());
        }
        try (java.io.PrintStream ps = new java.io.PrintStream(Files.newOutputStream(json), true,
                StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, ps).writeOut(results);
        }
        Figures figures = Figures.of(results);
        String header = header(profile, note, loadBefore, loadAverage());
        Path md = out.resolve(base + ".md");
        Files.writeString(md, new MarkdownReport(figures, coldStart, coldStartAppCds, header).render(), StandardCharsets.UTF_8);
        Path png = out.resolve(base + "-control2.png");
        SizeChart.write(SizeChart.series(figures), "Control 2: time per submission against document size ("
                + profile.name().toLowerCase(Locale.ROOT) + " profile)", png);
        for (Path p : List.of(json, md, png)) {
            String name = p.getFileName().toString().replace(base, "latest-" + profile.name().toLowerCase(Locale.ROOT));
            Files.copy(p, out.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return new Outcome(results, figures, json, md, png);
    }

    /** True when some benchmark of the module matches an include and no exclude. */
    private static boolean matches(List<String> includes, List<String> excludes) {
        org.openjdk.jmh.runner.format.OutputFormat silent = org.openjdk.jmh.runner.format.OutputFormatFactory
                .createFormatInstance(System.out, org.openjdk.jmh.runner.options.VerboseMode.SILENT);
        return !org.openjdk.jmh.runner.BenchmarkList.defaultList().find(silent, includes, excludes).isEmpty();
    }

    private static String header(Profile profile, String note, String loadBefore, String loadAfter) {
        Runtime rt = Runtime.getRuntime();
        StringBuilder sb = new StringBuilder();
        sb.append("## Vigie benchmarks, ").append(profile.name().toLowerCase(Locale.ROOT)).append(" profile\n\n");
        sb.append("- Run: ").append(DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)))
          .append("; JMH 1.37; ").append(System.getProperty("java.vm.name")).append(' ')
          .append(System.getProperty("java.runtime.version")).append("; ").append(rt.availableProcessors())
          .append(" cores; ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
          .append('\n');
        sb.append("- Machine load average (1, 5, 15 min) before the run: ").append(loadBefore).append("; after: ")
          .append(loadAfter).append('\n');
        if (!note.isBlank()) {
            sb.append("- ").append(note).append('\n');
        }
        if (profile == Profile.SMOKE) {
            sb.append("- Smoke profile: each benchmark ran once, cold, in one JVM; the figures mean nothing.\n");
        }
        return sb.toString().stripTrailing();
    }

    private static String loadAverage() {
        try {
            String s = Files.readString(Path.of("/proc/loadavg")).trim();
            String[] p = s.split("\\s+");
            return p[0] + " " + p[1] + " " + p[2];
        } catch (IOException | RuntimeException e) {
            double l = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return l < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", l);
        }
    }

    static List<Double> readMillis(Path file) throws IOException {
        List<Double> v = new ArrayList<>();
        if (file == null || !Files.exists(file)) {
            return v;
        }
        for (String line : Files.readAllLines(file)) {
            String t = line.trim();
            if (!t.isEmpty() && !t.startsWith("#")) {
                v.add(Double.parseDouble(t));
            }
        }
        return v;
    }
}
