package org.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The French of what users read, on the corpus of {@link LanguageCorpus}: every finding message and every line of
 * {@code check} and {@code plan} is what the code printed before the English work, kept in the golden file
 * {@code src/test/resources/i18n/corpus-fr.txt} (written from main before the catalogue took the inline French
 * strings; random ids and MIME boundaries of the test kit are masked).
 *
 * <p>To rewrite the golden file (only when a French message is changed on purpose):
 * {@code ./mvnw -pl cli -am test -Dtest=LanguageCorpusTest -Dvigie.writeGolden=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class LanguageCorpusTest {

    static final Path GOLDEN = Path.of("src/test/resources/i18n/corpus-fr.txt");

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

    static String oneLine(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** The parts of the corpus that change from run to run (random ids and MIME boundaries of the test kit). */
    static String stable(String s) {
        return s.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>")
                .replaceAll("MIMEBoundary_vigie_[0-9a-f]{32}", "<boundary>")
                .replaceAll("\\[row,col\\]:\\[\\d+,\\d+\\]", "[row,col]:[…]");
    }

    static String french() {
        StringBuilder sb = new StringBuilder();
        for (LanguageCorpus.Entry e : findings) {
            sb.append(e.source()).append('\t').append(e.finding().ruleId()).append('\t').append(e.finding().severity())
                    .append('\t').append(e.finding().messageKey()).append('\t').append(e.finding().location())
                    .append('\t').append(oneLine(e.finding().message(Locale.FRENCH))).append('\n');
        }
        for (LanguageCorpus.CommandRun c : commands) {
            sb.append("== ").append(c.source()).append(" exit ").append(c.code()).append('\n');
            c.frOut().lines().forEach(l -> sb.append("out| ").append(l).append('\n'));
            c.frErr().lines().forEach(l -> sb.append("err| ").append(l).append('\n'));
        }
        return sb.toString();
    }

    @Test
    void theFrenchRenderingIsTheGoldenFileWrittenBeforeTheEnglishWork() throws IOException {
        String actual = stable(french());
        if (Boolean.getBoolean("vigie.writeGolden")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(GOLDEN).as("golden file").exists();
        List<String> expected = Files.readAllLines(GOLDEN, StandardCharsets.UTF_8);
        assertThat(actual.lines().toList()).containsExactlyElementsOf(expected);
    }

    @Test
    void theCorpusExercisesManyMessagesOfTheCatalogue() {
        Set<String> keys = new TreeSet<>();
        Set<String> rules = new TreeSet<>();
        findings.forEach(e -> {
            keys.add(e.finding().messageKey());
            rules.add(e.finding().ruleId());
        });
        assertThat(findings).hasSizeGreaterThan(380);
        assertThat(keys).hasSizeGreaterThan(110);
        assertThat(rules).hasSizeGreaterThan(35);
    }
}
