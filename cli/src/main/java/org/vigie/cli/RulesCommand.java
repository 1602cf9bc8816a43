package org.vigie.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigie.core.Rule;
import org.vigie.core.Rules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigie rules}: prints the rule catalogue (id, default severity, title), grouped by family. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Affiche le catalogue des règles (identifiant, sévérité par défaut, intitulé).")
public final class RulesCommand implements Callable<Integer> {

    /** Output language of the titles. */
    enum Lang { fr, en }

    /** Output format. */
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--lang", description = "Langue des intitulés : ${COMPLETION-CANDIDATES} (défaut : ${DEFAULT-VALUE}).",
            defaultValue = "fr")
    Lang lang;

    @Option(names = "--format", description = "Format : ${COMPLETION-CANDIDATES} (défaut : ${DEFAULT-VALUE}).",
            defaultValue = "text")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Rule> rules = Rules.all();
        if (format == Format.json) {
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
                out.println(lang == Lang.fr ? family.titleFr() : family.titleEn());
            }
            out.printf("  %-" + idWidth + "s  %-7s  %s%n", r.id(), r.defaultSeverity(), title(r));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private String title(Rule r) {
        return lang == Lang.fr ? r.titleFr() : r.titleEn();
    }
}
