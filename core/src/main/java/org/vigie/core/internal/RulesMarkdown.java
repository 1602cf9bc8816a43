package org.vigie.core.internal;

import java.util.List;

import org.vigie.core.Rule;
import org.vigie.core.Rules;

/**
 * Renders the rule catalogue as the markdown of {@code docs/rules.md} (kept equal to {@link Rules#all()} by a
 * test; regenerate with {@code ./mvnw -pl core test -Dtest=RulesDocTest -Dvigie.regenerate=true}).
 */
public final class RulesMarkdown {

    private RulesMarkdown() {
    }

    /** @return the markdown text of every rule of {@link Rules#all()} */
    public static String render() {
        return render(Rules.all());
    }

    /**
     * @param rules the rules, in catalogue order
     * @return a markdown document with one table row per rule
     */
    public static String render(List<Rule> rules) {
        StringBuilder b = new StringBuilder();
        b.append("# Vigie rule catalogue\n\n");
        b.append("Generated from `org.vigie.core.Rules` — do not edit by hand (a test checks this file; see\n");
        b.append("`RulesDocTest` to regenerate). Rule ids are a public contract: never renamed nor reused.\n");
        b.append("Severity is the default; a policy may change it where `RULES.md` says so.\n\n");
        b.append("| id | severity | family | title (FR) | title (EN) |\n");
        b.append("|---|---|---|---|---|\n");
        for (Rule r : rules) {
            b.append("| `").append(r.id()).append("` | ").append(r.defaultSeverity()).append(" | ")
                    .append(r.family().titleEn()).append(" | ").append(escape(r.titleFr())).append(" | ")
                    .append(escape(r.titleEn())).append(" |\n");
        }
        b.append("\n").append(rules.size()).append(" rules.\n");
        return b.toString();
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
