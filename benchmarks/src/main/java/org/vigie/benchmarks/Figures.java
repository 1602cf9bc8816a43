package org.vigie.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** The figures of a JMH run, one row per benchmark and parameter set, with helpers to find and convert them. */
final class Figures {

    /**
     * One measured benchmark.
     *
     * @param name      {@code Class.method}
     * @param params    JMH parameters (e.g. size)
     * @param threads   threads that ran it
     * @param score     primary score in {@code unit}
     * @param error     99.9 % half-width in {@code unit} (NaN when there are too few samples)
     * @param unit      e.g. {@code us/op}, {@code ops/s}
     * @param allocNorm bytes allocated per operation ({@code -prof gc}), NaN when not measured
     */
    record Row(String name, Map<String, String> params, int threads, double score, double error, String unit,
               double allocNorm) {

        /** The score as microseconds per operation (time units), or NaN for a throughput. */
        double micros() {
            return toMicros(score, unit);
        }

        /** The score as operations per second (throughput units, or the inverse of a time per op). */
        double opsPerSecond() {
            if (unit.startsWith("ops/")) {
                double per = switch (unit) {
                    case "ops/s" -> 1;
                    case "ops/ms" -> 1e3;
                    case "ops/us" -> 1e6;
                    case "ops/ns" -> 1e9;
                    case "ops/min" -> 1.0 / 60;
                    default -> Double.NaN;
                };
                return score * per;
            }
            return threads * 1e6 / micros();
        }

        String paramText() {
            if (params.isEmpty()) {
                return "";
            }
            StringBuilder sb = new StringBuilder();
            params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
            return sb.toString();
        }
    }

    private final List<Row> rows;

    Figures(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Reads the results of a run. */
    static Figures of(Collection<RunResult> results) {
        List<Row> rows = new ArrayList<>();
        for (RunResult r : results) {
            String full = r.getParams().getBenchmark();
            String[] parts = full.split("\\.");
            String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
            Map<String, String> params = new TreeMap<>();
            for (String k : r.getParams().getParamsKeys()) {
                params.put(k, r.getParams().getParam(k));
            }
            Result<?> p = r.getPrimaryResult();
            double alloc = Double.NaN;
            for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
                if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                    alloc = e.getValue().getScore();
                }
            }
            rows.add(new Row(name, params, r.getParams().getThreads(), p.getScore(), p.getScoreError(),
                    p.getScoreUnit(), alloc));
        }
        rows.sort(Comparator.comparing(Row::name).thenComparing(Figures::sizeKey));
        return new Figures(rows);
    }

    private static long sizeKey(Row r) {
        String s = r.params().get("size");
        return s == null ? 0 : org.vigie.benchmarks.data.Submissions.parseSize(s);
    }

    List<Row> rows() {
        return rows;
    }

    /** The row of a benchmark ({@code Class.method}) with the given size parameter (null: none). */
    Optional<Row> find(String name, String size) {
        return rows.stream().filter(r -> r.name().equals(name))
                .filter(r -> size == null || size.equals(r.params().get("size"))).findFirst();
    }

    static double toMicros(double score, String unit) {
        return switch (unit) {
            case "ns/op" -> score / 1e3;
            case "us/op" -> score;
            case "ms/op" -> score * 1e3;
            case "s/op" -> score * 1e6;
            default -> Double.NaN;
        };
    }

    /** A duration given in microseconds, in the most readable unit. */
    static String duration(double micros) {
        if (Double.isNaN(micros)) {
            return "n/a";
        }
        if (micros < 1) {
            return String.format(Locale.ROOT, "%.0f ns", micros * 1e3);
        }
        if (micros < 1000) {
            return String.format(Locale.ROOT, micros < 10 ? "%.2f µs" : micros < 100 ? "%.1f µs" : "%.0f µs", micros);
        }
        if (micros < 1e6) {
            double ms = micros / 1e3;
            return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : ms < 100 ? "%.1f ms" : "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, "%.2f s", micros / 1e6);
    }

    /** A byte count, readable. */
    static String bytes(double b) {
        if (Double.isNaN(b)) {
            return "n/a";
        }
        if (b < 10 * 1024) {
            return String.format(Locale.ROOT, "%.0f B", b);
        }
        if (b < 10 * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KiB", b / 1024);
        }
        return String.format(Locale.ROOT, "%.0f MiB", b / 1024 / 1024);
    }

    static String number(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
