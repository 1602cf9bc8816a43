package org.vigie.doctrine.deployment;

import java.util.Objects;

/**
 * A certificate file or a CSV row of the inventory that was not used (or used with a caveat), and why.
 *
 * @param source the file
 * @param line   1-based line of a CSV row; 0 for a whole file
 * @param reason why, in French
 */
public record InventoryProblem(String source, long line, String reason) {

    /** Checks the fields. */
    public InventoryProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return source + (line > 0 ? ":" + line : "") + " : " + reason;
    }
}
