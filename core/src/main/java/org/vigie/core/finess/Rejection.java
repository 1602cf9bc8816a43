package org.vigie.core.finess;

import java.util.Objects;

/**
 * A line or record that a reader did not load, and why.
 *
 * @param source name of the file or stream
 * @param line 1-based line number (for JSON, the line where the record or the error starts)
 * @param reason why it was rejected, in French
 * @param excerpt the start of the line as read (at most 120 characters), may be empty
 */
public record Rejection(String source, long line, String reason, String excerpt) {

    /** Longest excerpt kept. */
    public static final int MAX_EXCERPT = 120;

    /** Normalises the excerpt (cut to {@link #MAX_EXCERPT} characters, control characters replaced). */
    public Rejection {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        excerpt = excerpt == null ? "" : clean(excerpt);
    }

    private static String clean(String s) {
        String cut = s.length() > MAX_EXCERPT ? s.substring(0, MAX_EXCERPT) + "…" : s;
        StringBuilder b = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return source + ":" + line + ": " + reason;
    }
}
