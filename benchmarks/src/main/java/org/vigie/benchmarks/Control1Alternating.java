package org.vigie.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Control 1 on a shared machine: alternates short rounds of {@link Control1Benchmark#vigie},
 * {@link Control1Benchmark#opensaml} and {@link Control1Benchmark#floor} (the benchmark methods and states
 * themselves) in one JVM, the order rotated each round, and measures each round in <em>thread CPU time</em> and
 * allocated bytes per operation. Other processes change the CPU time of an operation far less than its wall time,
 * and the rounds of the three are interleaved, so the per-round ratios stay comparable when the machine is loaded;
 * JMH ({@code benchmarks/run}) remains the reference on a quiet machine.
 *
 * <pre>
 * java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" \
 *     org.vigie.benchmarks.Control1Alternating [rounds=9] [warm-up rounds=8] [CPU ms per round=600]
 * </pre>
 *
 * Prints every round, then per benchmark the median CPU µs/op and bytes/op, and the medians of the per-round ratios
 * vigie / opensaml and vigie / floor.
 */
public final class Control1Alternating {

    private interface Op {
        Object run() throws Exception;
    }

    private Control1Alternating() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        int warm = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        long ms = args.length > 2 ? Long.parseLong(args[2]) : 600;
        Control1Benchmark b = new Control1Benchmark();
        Control1Benchmark.Input in = new Control1Benchmark.Input();
        in.setup();
        Control1Benchmark.Floor f = new Control1Benchmark.Floor();
        f.setup();
        Control1Benchmark.OpenSaml o = new Control1Benchmark.OpenSaml();
        o.setup(in);
        Control1Benchmark.Vigie v = new Control1Benchmark.Vigie();
        v.setup(in);
        String[] names = {"vigie", "opensaml", "floor"};
        Op[] ops = {() -> b.vigie(in, v), () -> b.opensaml(in, o), () -> b.floor(in, f)};
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<List<Double>> us = new ArrayList<>();
        List<List<Double>> bytes = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            us.add(new ArrayList<>());
            bytes.add(new ArrayList<>());
        }
        int sink = 0;
        for (int r = 0; r < warm + rounds; r++) {
            StringBuilder line = new StringBuilder(r < warm ? "warm " : "round ").append(r).append(':');
            for (int k0 = 0; k0 < 3; k0++) {
                int k = (k0 + r) % 3;
                long n = 0;
                long b0 = mx.getCurrentThreadAllocatedBytes();
                long c0 = mx.getCurrentThreadCpuTime();
                long end = c0 + ms * 1_000_000;
                long c1;
                do {
                    sink += System.identityHashCode(ops[k].run());
                    n++;
                } while ((c1 = mx.getCurrentThreadCpuTime()) < end);
                long b1 = mx.getCurrentThreadAllocatedBytes();
                double u = (c1 - c0) / 1000.0 / n;
                double by = (double) (b1 - b0) / n;
                if (r >= warm) {
                    us.get(k).add(u);
                    bytes.get(k).add(by);
                }
                line.append(String.format(" %s %.1f us %.0f B", names[k], u, by));
            }
            System.out.println(line);
        }
        for (int k = 0; k < 3; k++) {
            System.out.printf("%-9s median %.1f us CPU/op (min %.1f, max %.1f), %.0f B/op; rounds %s%n", names[k],
                    median(us.get(k)), Collections.min(us.get(k)), Collections.max(us.get(k)), median(bytes.get(k)),
                    us.get(k).stream().map(x -> String.format("%.0f", x)).toList());
        }
        List<Double> ro = new ArrayList<>();
        List<Double> rf = new ArrayList<>();
        for (int i = 0; i < us.get(0).size(); i++) {
            ro.add(us.get(0).get(i) / us.get(1).get(i));
            rf.add(us.get(0).get(i) / us.get(2).get(i));
        }
        System.out.printf("per-round ratios: vigie/opensaml median %.2f (min %.2f, max %.2f); vigie/floor median %.2f"
                + " (min %.2f, max %.2f)%s%n", median(ro), Collections.min(ro), Collections.max(ro), median(rf),
                Collections.min(rf), Collections.max(rf), sink == 42 ? " " : "");
    }

    private static double median(List<Double> values) {
        List<Double> l = new ArrayList<>(values);
        Collections.sort(l);
        return l.get(l.size() / 2);
    }
}
