package org.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
                // the rule texts ("Why") and the plan's labels; the procedure steps and notes stay French (README)
                if (line.startsWith("  Why ") || line.startsWith("  Holder ") || line.startsWith("  Uses ")
                        || line.startsWith("Certificate ") || line.startsWith("Result: ")) {
                    assertThat(FrenchDetector.find(line.replaceAll("— .*$", ""))).as(line).isEmpty();
                }
            }
        }
        assertThat(plans).isGreaterThanOrEqualTo(7);
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
