package org.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The command line's own texts exist in both languages, with the same placeholders, and English has no French. */
class CliTextTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    @Test
    void bothLanguagesHoldTheSameKeysAndPlaceholders() {
        assertThat(CliText.keys(Locale.ENGLISH)).isEqualTo(CliText.keys(Locale.FRENCH)).isNotEmpty();
        for (String key : CliText.keys(Locale.FRENCH)) {
            assertThat(placeholders(CliText.pattern(Locale.ENGLISH, key))).as(key)
                    .isEqualTo(placeholders(CliText.pattern(Locale.FRENCH, key)));
            assertThat(CliText.pattern(Locale.ENGLISH, key)).as(key).isNotBlank();
        }
    }

    @Test
    void theEnglishTableHasNoFrench() {
        for (String key : CliText.keys(Locale.ENGLISH)) {
            assertThat(FrenchDetector.find(CliText.pattern(Locale.ENGLISH, key))).as(key).isEmpty();
        }
    }

    @Test
    void argumentsAreReplacedAndNestedTextsFollowTheLanguage() {
        CliText.Msg what = CliText.msg("what.anchor");
        assertThat(CliText.get(Locale.ENGLISH, "err.file-not-found-what", what, "a.pem"))
                .isEqualTo("file not found (trust anchor): a.pem");
        assertThat(CliText.get(Locale.FRENCH, "err.file-not-found-what", what, "a.pem"))
                .isEqualTo("fichier introuvable (ancre de confiance) : a.pem");
        assertThat(CliText.get(Locale.GERMAN, "report.accepted")).isEqualTo("ACCEPTÉE");
    }

    private static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
