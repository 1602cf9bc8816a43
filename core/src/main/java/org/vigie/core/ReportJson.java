package org.vigie.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The documented, stable JSON form of a {@link Report} ({@code docs/report-json.md}). Written by hand (the library
 * has no JSON dependency). Text is to be encoded as UTF-8; only what JSON requires is escaped (quote, backslash,
 * control characters), plus U+2028/U+2029 and lone surrogates.
 *
 * <pre>{@code
 * {
 *   "format": "vigie-report/1",
 *   "accepted": false,
 *   "evaluatedAt": "2026-11-28T15:00:00Z",
 *   "summary": {"errors": 1, "warnings": 0, "infos": 0},
 *   "findings": [{"rule": "AI-SAME-EJ", "severity": "ERROR", "message": "...", "location": "...", "evidence": "..."}],
 *   "occurrences": [{"place": "SUBMISSION_SET", "document": "", "value": "...", "structureId": "..."}]
 * }
 * }</pre>
 * Fields are always present and always in this order; {@code evaluatedAt} is {@code null} when unknown. A report
 * that names its {@link PolicyProfile} (every report of Vigie's validators) also has, after {@code evaluatedAt},
 * {@code "profile": {"id": "...", "relaxations": [...]}}. Messages are in French unless a locale is given.
 */
public final class ReportJson {

    /** The value of the {@code format} field; changes only if a field is removed or changes meaning. */
    public static final String FORMAT = "vigie-report/1";

    private ReportJson() {
    }

    /** The report as a JSON document, pretty-printed with two-space indentation, ending with a newline. */
    public static String toJson(Report report) {
        return toJson(report, Locale.FRENCH);
    }

    /** The report as JSON, messages in {@code locale}'s language (French or English). */
    public static String toJson(Report report, Locale locale) {
        StringBuilder sb = new StringBuilder(1024);
        write(report, sb, locale);
        return sb.toString();
    }

    /** Writes the report as JSON to {@code out}, messages in French. */
    public static void write(Report report, Appendable out) {
        write(report, out, Locale.FRENCH);
    }

    /** Writes the report as JSON to {@code out}, messages in {@code locale}'s language. */
    public static void write(Report report, Appendable out, Locale locale) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(out, "out");
        try {
            out.append("{\n");
            field(out, 1, "format").append(str(FORMAT)).append(",\n");
            field(out, 1, "accepted").append(String.valueOf(report.accepted())).append(",\n");
            field(out, 1, "evaluatedAt").append(report.evaluatedAt().map(i -> str(i.toString())).orElse("null")).append(",\n");
            if (report.profile().isPresent()) {
                PolicyProfile p = report.profile().get();
                field(out, 1, "profile").append("{\"id\": ").append(str(p.id())).append(", \"relaxations\": [");
                // the relaxations stay as the policies wrote them (French) in every language: a documented value
                List<String> relaxations = p.relaxations();
                for (int i = 0; i < relaxations.size(); i++) {
                    out.append(i > 0 ? ", " : "").append(str(relaxations.get(i)));
                }
                out.append("]},\n");
            }
            field(out, 1, "summary").append("{\"errors\": ").append(String.valueOf(count(report, Severity.ERROR)))
                    .append(", \"warnings\": ").append(String.valueOf(count(report, Severity.WARNING)))
                    .append(", \"infos\": ").append(String.valueOf(count(report, Severity.INFO))).append("},\n");
            field(out, 1, "findings");
            List<Finding> findings = report.findings();
            if (findings.isEmpty()) {
                out.append("[],\n");
            } else {
                out.append("[\n");
                for (int i = 0; i < findings.size(); i++) {
                    Finding f = findings.get(i);
                    indent(out, 2).append("{\"rule\": ").append(str(f.ruleId()))
                            .append(", \"severity\": ").append(str(f.severity().name()))
                            .append(", \"message\": ").append(str(f.message(locale)))
                            .append(", \"location\": ").append(str(f.location().toString()))
                            .append(", \"evidence\": ").append(str(f.evidence())).append('}')
                            .append(i + 1 < findings.size() ? ",\n" : "\n");
                }
                indent(out, 1).append("],\n");
            }
            field(out, 1, "occurrences");
            List<Occurrence> occ = report.occurrences();
            if (occ.isEmpty()) {
                out.append("[]\n");
            } else {
                out.append("[\n");
                for (int i = 0; i < occ.size(); i++) {
                    Occurrence o = occ.get(i);
                    indent(out, 2).append("{\"place\": ").append(str(o.place().name()))
                            .append(", \"document\": ").append(str(o.document()))
                            .append(", \"value\": ").append(str(o.value()))
                            .append(", \"structureId\": ").append(str(o.structureId())).append('}')
                            .append(i + 1 < occ.size() ? ",\n" : "\n");
                }
                indent(out, 1).append("]\n");
            }
            out.append("}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON string literal for {@code s}. */
    public static String str(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)
                            && !validSurrogate(s, i)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static long count(Report r, Severity s) {
        return r.findings().stream().filter(f -> f.severity() == s).count();
    }

    private static Appendable field(Appendable out, int level, String name) throws IOException {
        return indent(out, level).append('"').append(name).append("\": ");
    }

    private static Appendable indent(Appendable out, int level) throws IOException {
        for (int i = 0; i < level; i++) {
            out.append("  ");
        }
        return out;
    }
}
