package org.vigie.benchmarks;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How long the benchmarks run. The modes and units of each benchmark come from its annotations, except in
 * {@link #SMOKE}.
 */
public enum Profile {

    /**
     * Every benchmark once (one single-shot invocation, no warm-up, in the calling JVM): proves that each one still
     * builds its inputs, runs and measures an accepted request. Seconds; the figures mean nothing.
     */
    SMOKE,

    /**
     * About 10 minutes on 2 cores: 1 fork, 10 warm-up iterations of 1 s (10 s per benchmark, past C2 compilation
     * of the hot paths), 5 measured iterations of 1 s, allocation measured ({@code -prof gc}).
     */
    QUICK,

    /** Long runs: 3 forks, 20 warm-up iterations of 1 s, 10 measured iterations of 2 s, {@code -prof gc}. */
    FULL;

    /** Applies this profile's options. */
    ChainedOptionsBuilder apply(ChainedOptionsBuilder b) {
        switch (this) {
            case SMOKE -> b.mode(Mode.SingleShotTime).timeUnit(TimeUnit.MILLISECONDS).forks(0)
                    .warmupIterations(0).measurementIterations(1).measurementBatchSize(1);
            case QUICK -> b.forks(1).warmupIterations(10).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(1)).addProfiler(GCProfiler.class)
                    .jvmArgsAppend("-Xms1g", "-Xmx1g");
            case FULL -> b.forks(3).warmupIterations(20).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(10).measurementTime(TimeValue.seconds(2)).addProfiler(GCProfiler.class)
                    .jvmArgsAppend("-Xms1g", "-Xmx1g");
            default -> throw new IllegalStateException();
        }
        return b;
    }

    /**
     * Applies this profile's options to the heavy benchmarks (seconds per operation, e.g. the deployment dashboard):
     * single-shot measurements, few iterations.
     */
    ChainedOptionsBuilder applyHeavy(ChainedOptionsBuilder b) {
        switch (this) {
            case SMOKE -> apply(b);
            case QUICK -> b.mode(Mode.SingleShotTime).timeUnit(TimeUnit.MILLISECONDS).forks(1).warmupIterations(2)
                    .measurementIterations(3).addProfiler(GCProfiler.class).jvmArgsAppend("-Xms2g", "-Xmx2g");
            case FULL -> b.mode(Mode.SingleShotTime).timeUnit(TimeUnit.MILLISECONDS).forks(2).warmupIterations(3)
                    .measurementIterations(5).addProfiler(GCProfiler.class).jvmArgsAppend("-Xms2g", "-Xmx2g");
            default -> throw new IllegalStateException();
        }
        return b;
    }

    /** Parses {@code smoke}, {@code quick}, {@code full}. */
    static Profile parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
