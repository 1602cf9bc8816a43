package org.vigie.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The inline-base64 figures of {@link Control2Benchmark} as thread CPU time, for a shared machine: on 2 cores under a
 * load of 10 the wall time of one thread measures the scheduler more than the code, its CPU time much less so.
 * Runs {@code inline}, {@code inlineFloorDrain} and {@code inlineFloorDecode} interleaved (so that a change of load
 * hits all three), {@code warm-up} rounds then {@code rounds} measured, and prints per operation the CPU time, the
 * wall time and the throughput on the base64 text after the CDA header.
 *
 * <pre>java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.vigie.benchmarks.Control2CpuTime 200MB 3 6</pre>
 */
public final class Control2CpuTime {

    private Control2CpuTime() {
    }

    public static void main(String[] args) {
        String size = args.length > 0 ? args[0] : "200MB";
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Control2Benchmark b = new Control2Benchmark();
        b.size = size;
        b.setup();
        long textBytes = base64Bytes(org.vigie.benchmarks.data.Submissions.parseSize(size));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        String[] names = {"inline", "inlineFloorDrain", "inlineFloorDecode"};
        List<LongSupplier> ops = List.of(() -> b.inline().findings().size(), b::inlineFloorDrain, b::inlineFloorDecode);
        List<List<double[]>> samples = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            samples.add(new ArrayList<>());
        }
        for (int r = 0; r < warmup + rounds; r++) {
            for (int i = 0; i < names.length; i++) {
                long cpu0 = mx.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                ops.get(i).getAsLong();
                long cpu = mx.getCurrentThreadCpuTime() - cpu0;
                long wall = System.nanoTime() - wall0;
                if (r >= warmup) {
                    samples.get(i).add(new double[] {cpu / 1e6, wall / 1e6});
                }
            }
        }
        System.out.printf(Locale.ROOT, "size %s, base64 text %d bytes, load average %s%n", size, textBytes,
                loadAverage());
        for (int i = 0; i < names.length; i++) {
            List<double[]> s = samples.get(i);
            double[] cpu = s.stream().mapToDouble(x -> x[0]).sorted().toArray();
            double[] wall = s.stream().mapToDouble(x -> x[1]).sorted().toArray();
            double med = cpu[cpu.length / 2];
            StringBuilder raw = new StringBuilder();
            s.forEach(x -> raw.append(String.format(Locale.ROOT, " %.0f", x[0])));
            System.out.printf(Locale.ROOT, "%-18s cpu median %8.1f ms (%6.0f MB/s)  wall median %8.1f ms  cpu raw:%s%n",
                    names[i], med, textBytes / med / 1e3, wall[wall.length / 2], raw);
        }
    }

    /** Characters of the base64 text of a document of {@code size} bytes as the generator writes it (76 + LF). */
    static long base64Bytes(long size) {
        long chars = (size + 2) / 3 * 4;
        return chars + (chars + 75) / 76;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }
}
