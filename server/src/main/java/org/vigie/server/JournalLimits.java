package org.vigie.server;

/**
 * Bounds of the request journal of a {@link VigieServer} (the pages {@code GET /} and {@code GET /requests/{n}}, and
 * the optional journal directory). Immutable.
 *
 * <table>
 *   <caption>Default journal limits</caption>
 *   <tr><th>limit</th><th>default</th><th>what happens beyond it</th></tr>
 *   <tr><td>{@code maxEntries}</td><td>100</td><td>the oldest entry is evicted</td></tr>
 *   <tr><td>{@code maxEntryBytes}</td><td>2 MiB</td><td>the raw copy of a larger request keeps its first
 *   {@code maxEntryBytes} bytes and says it is truncated; the rest of the body is read by the validator as usual but
 *   not kept (never more than this is held for one request)</td></tr>
 *   <tr><td>{@code maxTotalBytes}</td><td>16 MiB</td><td>raw copies and JSON reports held in memory, all entries
 *   together: the oldest entries are evicted until the total fits</td></tr>
 *   <tr><td>{@code maxDirectoryBytes}</td><td>1 GiB</td><td>bytes written to the journal directory since start: past
 *   it, no more files are written (said once in the log and on the page); serving continues</td></tr>
 * </table>
 *
 * <p>{@link #disabled()} turns the in-memory journal (and its pages) off; the journal directory is configured apart
 * ({@link VigieServer.Builder#journalDirectory(java.nio.file.Path)}) and uses {@code maxEntryBytes} and
 * {@code maxDirectoryBytes}.
 */
public final class JournalLimits {

    private static final JournalLimits DEFAULTS = builder().build();
    private static final JournalLimits DISABLED = new JournalLimits(builder(), false);

    private final boolean enabled;
    private final int maxEntries;
    private final long maxEntryBytes;
    private final long maxTotalBytes;
    private final long maxDirectoryBytes;

    private JournalLimits(Builder b, boolean enabled) {
        this.enabled = enabled;
        this.maxEntries = b.maxEntries;
        this.maxEntryBytes = b.maxEntryBytes;
        this.maxTotalBytes = b.maxTotalBytes;
        this.maxDirectoryBytes = b.maxDirectoryBytes;
    }

    /** @return the documented defaults: journal on, 100 entries, 2 MiB per entry, 16 MiB in all, 1 GiB on disk */
    public static JournalLimits defaults() {
        return DEFAULTS;
    }

    /** @return no in-memory journal: {@code GET /} and {@code /requests/...} answer 405 as any other GET */
    public static JournalLimits disabled() {
        return DISABLED;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return true unless {@link #disabled()} */
    public boolean enabled() {
        return enabled;
    }

    /** @return the most entries kept in memory */
    public int maxEntries() {
        return maxEntries;
    }

    /** @return the most bytes of one request's raw copy (in memory and on disk) */
    public long maxEntryBytes() {
        return maxEntryBytes;
    }

    /** @return the most bytes of raw copies and JSON reports kept in memory, all entries together */
    public long maxTotalBytes() {
        return maxTotalBytes;
    }

    /** @return the most bytes written to the journal directory */
    public long maxDirectoryBytes() {
        return maxDirectoryBytes;
    }

    @Override
    public String toString() {
        return enabled ? "JournalLimits[maxEntries=" + maxEntries + ", maxEntryBytes=" + maxEntryBytes + ", maxTotalBytes="
                + maxTotalBytes + ", maxDirectoryBytes=" + maxDirectoryBytes + "]" : "JournalLimits[disabled]";
    }

    /** Builder of {@link JournalLimits}; every bound must be positive, and {@code maxEntryBytes ≤ maxTotalBytes}. */
    public static final class Builder {
        private int maxEntries = 100;
        private long maxEntryBytes = 2L * 1024 * 1024;
        private long maxTotalBytes = 16L * 1024 * 1024;
        private long maxDirectoryBytes = 1024L * 1024 * 1024;

        private Builder() {
        }

        /** @param v most entries kept in memory @return this builder */
        public Builder maxEntries(int v) {
            if (v <= 0) {
                throw new IllegalArgumentException("maxEntries must be positive: " + v);
            }
            this.maxEntries = v;
            return this;
        }

        /** @param v most bytes of one request's raw copy @return this builder */
        public Builder maxEntryBytes(long v) {
            this.maxEntryBytes = positive(v, "maxEntryBytes");
            return this;
        }

        /** @param v most bytes kept in memory, all entries together @return this builder */
        public Builder maxTotalBytes(long v) {
            this.maxTotalBytes = positive(v, "maxTotalBytes");
            return this;
        }

        /** @param v most bytes written to the journal directory @return this builder */
        public Builder maxDirectoryBytes(long v) {
            this.maxDirectoryBytes = positive(v, "maxDirectoryBytes");
            return this;
        }

        /**
         * @return the limits (journal on)
         * @throws IllegalArgumentException when {@code maxEntryBytes > maxTotalBytes}, or one entry would not fit in
         *                                  an int-indexed buffer
         */
        public JournalLimits build() {
            if (maxEntryBytes > maxTotalBytes) {
                throw new IllegalArgumentException("maxEntryBytes (" + maxEntryBytes + ") must not exceed maxTotalBytes ("
                        + maxTotalBytes + ")");
            }
            if (maxEntryBytes > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("maxEntryBytes too large for one raw copy: " + maxEntryBytes);
            }
            return new JournalLimits(this, true);
        }

        private static long positive(long v, String name) {
            if (v <= 0) {
                throw new IllegalArgumentException(name + " must be positive: " + v);
            }
            return v;
        }
    }
}
