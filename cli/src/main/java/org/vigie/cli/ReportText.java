package org.vigie.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.vigie.core.Finding;
import org.vigie.core.Occurrence;
import org.vigie.core.Report;
import org.vigie.core.Rule;
import org.vigie.core.Rules;
import org.vigie.core.Severity;

/** Writes a report for a terminal, grouped by control; ANSI colours only when asked (a TTY). */
final class ReportText {

    private final boolean colour;
    private final Locale locale;

    ReportText(boolean colour) {
        this(colour, Locale.FRENCH);
    }

    /** A writer whose findings' messages are in {@code locale}'s language (French or English). */
    ReportText(boolean colour, Locale locale) {
        this.colour = colour;
        this.locale = locale;
    }

    /** True when stdout is a terminal and NO_COLOR is not set. */
    static boolean colourWanted() {
        return System.console() != null && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
    }

    void write(PrintWriter out, Report report, List<String> context) {
        for (String line : context) {
            out.println(line);
        }
        if (!context.isEmpty()) {
            out.println();
        }
        section(out, t("report.control1"), report, Rule.Family.CERTIFICATE, Rule.Family.VIHF);
        section(out, t("report.control2"), report, Rule.Family.AUTHOR_INSTITUTION);
        List<Finding> others = report.filter(f -> family(f) == null
                || (family(f) != Rule.Family.CERTIFICATE && family(f) != Rule.Family.VIHF
                && family(f) != Rule.Family.AUTHOR_INSTITUTION));
        if (!others.isEmpty()) {
            out.println(bold(t("report.others")));
            others.forEach(f -> finding(out, f));
            out.println();
        }
        if (!report.occurrences().isEmpty()) {
            out.println(bold(t("report.occurrences")));
            for (Occurrence o : report.occurrences()) {
                out.printf("  %-15s %-20s %-16s %s%n", o.place(), o.document().isEmpty() ? "-" : o.document(),
                        o.structureId().isEmpty() ? "?" : o.structureId(), o.value());
            }
            out.println();
        }
        report.profile().ifPresent(p -> {
            out.println(t("report.profile", p.id()) + (p.strict() ? t("report.strict") : ""));
            p.relaxations(locale).forEach(x -> out.println("  " + t("report.relaxation", x)));
        });
        long e = report.bySeverity(Severity.ERROR).size();
        long w = report.bySeverity(Severity.WARNING).size();
        String verdict = report.accepted() ? paint("32", t("report.accepted")) : paint("31", t("report.rejected"));
        out.println(t("report.verdict", verdict, e, t(e > 1 ? "report.errors.many" : "report.errors.one"), w,
                t(w > 1 ? "report.warnings.many" : "report.warnings.one")));
        out.flush();
    }

    private void section(PrintWriter out, String title, Report report, Rule.Family... families) {
        out.println(bold(title));
        List<Finding> list = report.filter(f -> {
            Rule.Family fam = family(f);
            for (Rule.Family x : families) {
                if (x == fam) {
                    return true;
                }
            }
            return false;
        });
        if (list.isEmpty()) {
            out.println("  " + paint("32", "✓") + " " + t("report.none"));
        }
        list.forEach(f -> finding(out, f));
        out.println();
    }

    private void finding(PrintWriter out, Finding f) {
        String mark = switch (f.severity()) {
            case ERROR -> paint("31", t("report.error"));
            case WARNING -> paint("33", t("report.warning"));
            case INFO -> paint("36", t("report.info"));
        };
        out.println("  " + mark + " " + bold(f.ruleId()) + "  " + f.message(locale));
        StringBuilder where = new StringBuilder();
        if (!f.location().isEmpty()) {
            where.append(t("report.at", f.location().toString()));
        }
        if (!f.evidence().isEmpty()) {
            where.append(where.length() > 0 ? t("report.separator") : "").append(t("report.value", abbreviate(f.evidence())));
        }
        if (where.length() > 0) {
            out.println("              " + dim(where.toString()));
        }
    }

    private String t(String key, Object... args) {
        return CliText.get(locale, key, args);
    }

    static Rule.Family family(Finding f) {
        return Rules.byId(f.ruleId()).map(Rule::family).orElse(null);
    }

    private static String abbreviate(String s) {
        String t = s.replace('\n', ' ').replace('\r', ' ');
        return t.length() <= 160 ? t : t.substring(0, 157) + "...";
    }

    String paint(String code, String s) {
        return colour ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }

    String bold(String s) {
        return colour ? "\u001b[1m" + s + "\u001b[0m" : s;
    }

    String dim(String s) {
        return colour ? "\u001b[2m" + s + "\u001b[0m" : s;
    }
}
