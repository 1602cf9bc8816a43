package org.vigie.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigie.core.Rule;
import org.vigie.core.Rules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code vigie rules}: prints the rule catalogue (id, default severity, title), grouped by family. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Affiche le catalogue des règles (identifiant, sévérité par défaut, intitulé).")
public final class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LangOption lang;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Rule> rules = Rules.all();
        if (format.json()) {
            out.println("[");
            for (int i = 0; i < rules.size(); i++) {
                Rule r = rules.get(i);
                out.println("  {\"id\": " + org.vigie.core.ReportJson.str(r.id())
                        + ", \"severity\": " + org.vigie.core.ReportJson.str(r.defaultSeverity().name())
                        + ", \"family\": " + org.vigie.core.ReportJson.str(r.family().name())
                        + ", \"title\": " + org.vigie.core.ReportJson.str(title(r)) + "}" + (i + 1 < rules.size() ? "," : ""));
            }
            out.println("]");
            out.flush();
            return ExitCodes.OK;
        }
        int idWidth = rules.stream().mapToInt(r -> r.id().length()).max().orElse(10);
        Rule.Family family = null;
        for (Rule r : rules) {
            if (r.family() != family) {
                family = r.family();
                if (r != rules.get(0)) {
                    out.println();
                }
                out.println(english() ? family.titleEn() : family.titleFr());
            }
            out.printf("  %-" + idWidth + "s  %-7s  %s%n", r.id(), r.defaultSeverity(), title(r));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private boolean english() {
        return lang.locale().equals(java.util.Locale.ENGLISH);
    }

    private String title(Rule r) {
        return english() ? r.titleEn() : r.titleFr();
    }
}
