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
        section(out, "Contrôle 1 — certificats et jeton VIHF", report, Rule.Family.CERTIFICATE, Rule.Family.VIHF);
        section(out, "Contrôle 2 — authorInstitution (XDS et CDA)", report, Rule.Family.AUTHOR_INSTITUTION);
        List<Finding> others = report.filter(f -> family(f) == null
                || (family(f) != Rule.Family.CERTIFICATE && family(f) != Rule.Family.VIHF
                && family(f) != Rule.Family.AUTHOR_INSTITUTION));
        if (!others.isEmpty()) {
            out.println(bold("Identifiants et autres"));
            others.forEach(f -> finding(out, f));
            out.println();
        }
        if (!report.occurrences().isEmpty()) {
            out.println(bold("Occurrences d'authorInstitution"));
            for (Occurrence o : report.occurrences()) {
                out.printf("  %-15s %-20s %-16s %s%n", o.place(), o.document().isEmpty() ? "-" : o.document(),
                        o.structureId().isEmpty() ? "?" : o.structureId(), o.value());
            }
            out.println();
        }
        report.profile().ifPresent(p -> {
            out.println("Profil : " + p.id() + (p.strict() ? " (strict)" : ""));
            p.relaxations().forEach(x -> out.println("  écart : " + x));
        });
        long e = report.bySeverity(Severity.ERROR).size();
        long w = report.bySeverity(Severity.WARNING).size();
        String verdict = report.accepted() ? paint("32", "ACCEPTÉE") : paint("31", "REJETÉE");
        out.println("Verdict : " + verdict + " (" + e + " erreur" + (e > 1 ? "s" : "") + ", " + w + " avertissement"
                + (w > 1 ? "s" : "") + ")");
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
            out.println("  " + paint("32", "✓") + " aucune anomalie");
        }
        list.forEach(f -> finding(out, f));
        out.println();
    }

    private void finding(PrintWriter out, Finding f) {
        String mark = switch (f.severity()) {
            case ERROR -> paint("31", "✗ ERREUR ");
            case WARNING -> paint("33", "! ALERTE ");
            case INFO -> paint("36", "i INFO   ");
        };
        out.println("  " + mark + " " + bold(f.ruleId()) + "  " + f.message(locale));
        StringBuilder where = new StringBuilder();
        if (!f.location().isEmpty()) {
            where.append("à ").append(f.location().toString());
        }
        if (!f.evidence().isEmpty()) {
            where.append(where.length() > 0 ? " ; " : "").append("valeur « ").append(abbreviate(f.evidence())).append(" »");
        }
        if (where.length() > 0) {
            out.println("              " + dim(where.toString()));
        }
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
