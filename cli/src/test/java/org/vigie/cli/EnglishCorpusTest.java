package org.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The English of what users read, on the corpus of {@link LanguageCorpus}: no French ({@link FrenchDetector}) in the
 * English message of any finding, nor in any line {@code check --lang en} prints (text and JSON, stdout and
 * stderr, accepted, rejected and unusable inputs); and the detector itself fires on the French renderings.
 */
class EnglishCorpusTest {

    @TempDir
    static Path dir;

    static List<LanguageCorpus.Entry> findings;
    static List<LanguageCorpus.CommandRun> commands;

    @BeforeAll
    static void build() throws IOException {
        assumeTrue(LanguageCorpus.available(), "../shared/testdata or examples/ absent: corpus skipped");
        findings = LanguageCorpus.findings();
        commands = LanguageCorpus.commands(dir);
    }

    @Test
    void noFrenchInTheEnglishMessageOfAnyFinding() {
        Set<String> french = new LinkedHashSet<>();
        for (LanguageCorpus.Entry e : findings) {
            String en = e.finding().message(Locale.ENGLISH);
            List<String> hits = FrenchDetector.find(en);
            if (!hits.isEmpty()) {
                french.add(e.finding().messageKey() + " " + hits + ": " + en + "   (" + e.source() + ")");
            }
        }
        assertThat(french).as("English messages with French in them").isEmpty();
    }

    @Test
    void noFrenchInTheEnglishOutputOfCheck() {
        Set<String> french = new LinkedHashSet<>();
        for (LanguageCorpus.CommandRun c : commands) {
            if (!c.source().startsWith("check")) {
                continue;
            }
            List<String> lines = new ArrayList<>(c.enErr().lines().toList());
            if (c.source().startsWith("check-json/")) {
                lines.addAll(jsonTexts(c.enOut()));
            } else {
                lines.addAll(c.enOut().lines().toList());
            }
            for (String line : lines) {
                // the paths of the demo files (named in French) are the user's data
                List<String> hits = FrenchDetector.find(line.replaceAll("\\$DIR/\\S*", "\\$DIR"));
                if (!hits.isEmpty()) {
                    french.add(hits + ": " + line + "   (" + c.source() + ")");
                }
            }
        }
        assertThat(french).as("French lines of check --lang en").isEmpty();
    }

    /**
     * Every string of a JSON report but the values read from the input (evidence, location, occurrences) and the
     * profile's relaxations, which the JSON keeps as the policies write them (French) in every language.
     */
    static List<String> jsonTexts(String json) {
        List<String> out = new ArrayList<>();
        try {
            walk(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json), "", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static void walk(com.fasterxml.jackson.databind.JsonNode n, String field, List<String> out) {
        if (n.isTextual()) {
            if (!Set.of("evidence", "location", "value", "document", "structureId", "place", "relaxations")
                    .contains(field)) {
                out.add(n.asText());
            }
        } else if (n.isObject()) {
            n.fields().forEachRemaining(e -> walk(e.getValue(), e.getKey(), out));
        } else if (n.isArray()) {
            n.forEach(x -> walk(x, field, out));
        }
    }

    @Test
    void theDetectorFiresOnTheFrenchRenderings() {
        int french = 0;
        for (LanguageCorpus.Entry e : findings) {
            if (!FrenchDetector.find(e.finding().message(Locale.FRENCH)).isEmpty()) {
                french++;
            }
        }
        assertThat(french).as("French messages the detector recognises").isGreaterThan(findings.size() * 9 / 10);
        List<String> frenchLines = new ArrayList<>();
        for (LanguageCorpus.CommandRun c : commands) {
            if (c.source().startsWith("check/")) {
                frenchLines.addAll(c.frOut().lines().filter(l -> !FrenchDetector.find(l).isEmpty()).toList());
            }
        }
        assertThat(frenchLines).hasSizeGreaterThan(200);
        assertThat(FrenchDetector.find("le certificat n'est pas valide")).isNotEmpty();
        assertThat(FrenchDetector.find("Identifiant_Structure \"1750712184\" differs (CN=STRUCTURE DE TEST, ST=Rhône)"))
                .isEmpty();
    }

    @Test
    void theFixedLinesOfPlanAndTheDoctrineRulesAreInEnglish() {
        int plans = 0;
        for (LanguageCorpus.CommandRun c : commands) {
            if (!c.source().startsWith("plan/") || c.code() == ExitCodes.UNUSABLE) {
                continue;
            }
            plans++;
            assertThat(c.enOut()).as(c.source()).startsWith("Certificate plan — ").contains("Ordering procedure")
                    .contains("Result: ").doesNotContain("Plan des certificats", "Pourquoi", "Résultat", "Titulaire");
            for (String line : c.enOut().lines().toList()) {
                // the rule texts ("Why") and the plan's labels (every other line: noFrenchInAnyLineOfPlanInEnglish)
                if (line.startsWith("  Why ") || line.startsWith("  Holder ") || line.startsWith("  Uses ")
                        || line.startsWith("Certificate ") || line.startsWith("Result: ")) {
                    assertThat(FrenchDetector.find(line.replaceAll("— .*$", ""))).as(line).isEmpty();
                }
            }
        }
        assertThat(plans).isGreaterThanOrEqualTo(7);
    }

    /**
     * Every line {@code plan --lang en} writes on the corpus's examples, on their JSON report (its texts) and on
     * organisation files with problems (stderr): no French but the organisation's own data (the names the file gives
     * to its members, sites and solutions, which the plan repeats as they are).
     */
    @Test
    void noFrenchInAnyLineOfPlanInEnglish() throws IOException {
        Set<String> french = new LinkedHashSet<>();
        int lines = 0;
        List<String[]> runs = new ArrayList<>();
        for (LanguageCorpus.CommandRun c : commands) {
            if (c.source().startsWith("plan/")) {
                runs.add(new String[] {c.source(), c.enOut(), c.enErr()});
                if (c.source().endsWith(".yaml") || c.source().endsWith(".json")) {
                    String file = c.source().substring("plan/".length());
                    String[] json = run(List.of("plan", LanguageCorpus.EXAMPLES.resolve(file).toString(), "--at",
                            "2026-06-01", "--format", "json", "--lang", "en"));
                    runs.add(new String[] {"plan-json/" + file, String.join("\n", jsonTexts(json[0])), json[1]});
                    String[] early = run(List.of("plan", LanguageCorpus.EXAMPLES.resolve(file).toString(), "--at",
                            "2022-06-01", "--lang", "en"));
                    runs.add(new String[] {"plan@2022/" + file, early[0], early[1]});
                }
            }
        }
        for (Map.Entry<String, String> e : BROKEN_ORGANISATIONS.entrySet()) {
            Path f = dir.resolve("broken-" + e.getKey() + ".yaml");
            java.nio.file.Files.writeString(f, e.getValue());
            String[] r = run(List.of("plan", f.toString(), "--at", "2026-06-01", "--lang", "en"));
            assertThat(r[1]).as(e.getKey()).startsWith("vigie: ");
            runs.add(new String[] {"plan-broken/" + e.getKey(), r[0], r[1]});
        }
        for (String[] r : runs) {
            for (String line : (r[1] + "\n" + r[2]).lines().toList()) {
                lines++;
                List<String> hits = FrenchDetector.find(withoutOrganisationData(line));
                if (!hits.isEmpty()) {
                    french.add(hits + ": " + line + "   (" + r[0] + ")");
                }
            }
        }
        assertThat(lines).isGreaterThan(500);
        assertThat(french).as("French lines of plan --lang en").isEmpty();
    }

    /** Organisation files with problems, one kind of problem each (several in some). */
    static final Map<String, String> BROKEN_ORGANISATIONS = Map.of(
            "corridor", "organisation: X\ncorridor: hospitall\nmembers:\n  - finess: 12\n",
            "keys", "organisation: X\ncolour: red\nmembers:\n  - name: A\n    corridor: hospital\n",
            "types", "organisation: X\nmembers:\n  - finess: \"750712184\"\n    corridor: hospital\n    dialysis: maybe\n"
                    + "    sites: 3\n",
            "empty", "organisation: X\nmembers: []\n",
            "values", "organisation: X\nmembers:\n  - finess: \"75071218X\"\n    corridor: hospital\n    status: odd\n"
                    + "    sites: [\"750712184\"]\nsolutions:\n  - id: \"\"\n    insiCn: WRONG\n    usages: [FAX]\n"
                    + "certificates:\n  - cn: X\n",
            "references", "organisation: X\nmembers:\n  - finess: \"750712184\"\n    corridor: laboratory\n"
                    + "    sites: [\"750712192\", \"750712200\"]\nsolutions:\n  - id: lis\n    sites: [\"690000009\"]\n",
            "radiology", "organisation: X\nmembers:\n  - corridor: radiology\n  - corridor: radiology\n"
                    + "    radiology: {situation: company, siret: \"12\"}\n",
            "duplicates", "organisation: X\nmembers:\n  - finess: \"750712184\"\n    corridor: hospital\n"
                    + "    sites: [\"750712192\", \"750712192\"]\n  - finess: \"750712184\"\n    corridor: hospital\n"
                    + "    sites: [\"750712200\"]\n",
            "syntax", "organisation: [X\nmembers: {\n");

    /** The line without the paths and what the examples name themselves (members, sites, solutions, vendors…). */
    static String withoutOrganisationData(String line) {
        String l = line.replaceAll("\\$(DIR|EXAMPLES)/\\S*", "\\$DIR").replace(dir.toString(), "\\$DIR");
        for (java.util.regex.Pattern v : organisationData()) {
            l = v.matcher(l).replaceAll("\"…\"");
        }
        return l;
    }

    private static List<java.util.regex.Pattern> data;

    /**
     * Every text value of the example files and every field of their FINESS extract (as written, and in title case
     * as the directory gives names), longest first: the organisation's data, which the plan repeats as it is.
     */
    static synchronized List<java.util.regex.Pattern> organisationData() {
        if (data == null) {
            Set<String> values = new java.util.TreeSet<>(java.util.Comparator.comparingInt(String::length).reversed()
                    .thenComparing(java.util.Comparator.naturalOrder()));
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(LanguageCorpus.EXAMPLES)) {
                for (Path p : files.sorted().toList()) {
                    String name = p.getFileName().toString();
                    if (name.endsWith(".csv")) {
                        for (String line : java.nio.file.Files.readAllLines(p)) {
                            for (String f : line.split(";")) {
                                if (f.length() > 2) {
                                    values.add(f);
                                }
                            }
                        }
                    } else if (name.endsWith(".yaml") || name.endsWith(".json")) {
                        com.fasterxml.jackson.databind.ObjectMapper m = name.endsWith(".json")
                                ? new com.fasterxml.jackson.databind.ObjectMapper()
                                : new com.fasterxml.jackson.databind.ObjectMapper(
                                        new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
                        collect(m.readTree(p.toFile()), values);
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            // whole values only: "hospital" (a value) must not hide "hospitall" (a typo quoted by a problem)
            data = values.stream().map(v -> java.util.regex.Pattern.compile(
                    "(?<![\\p{L}\\d])" + java.util.regex.Pattern.quote(v) + "(?![\\p{L}\\d])")).toList();
        }
        return data;
    }

    private static void collect(com.fasterxml.jackson.databind.JsonNode n, Set<String> out) {
        if (n.isTextual() && n.asText().length() > 2) {
            out.add(n.asText());
        }
        n.forEach(x -> collect(x, out));
    }

    private static String[] run(List<String> args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        VigieCommand.execute(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
                args.toArray(String[]::new));
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void theEnglishOutputOfEachDemoCaseDiffersFromTheFrench() {
        for (LanguageCorpus.CommandRun c : commands) {
            if (c.source().startsWith("check/0") || c.source().startsWith("check/1")) {
                assertThat(c.enOut()).as(c.source()).isNotEqualTo(c.frOut());
            }
        }
    }
}
