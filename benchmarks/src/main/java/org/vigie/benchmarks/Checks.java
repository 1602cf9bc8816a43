package org.vigie.benchmarks;

import org.vigie.core.Finding;
import org.vigie.core.Report;

/** Sanity checks made in {@code @Setup}: a benchmark must measure the path it claims to measure. */
final class Checks {

    private Checks() {
    }

    /** Fails when the report holds an ERROR. */
    static void accepted(String what, Report report) {
        if (!report.accepted()) {
            StringBuilder sb = new StringBuilder(what).append(": expected an accepted report, got:");
            for (Finding f : report.findings()) {
                sb.append("\n  ").append(f);
            }
            throw new IllegalStateException(sb.toString());
        }
    }

    /** Fails unless the condition holds. */
    static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
