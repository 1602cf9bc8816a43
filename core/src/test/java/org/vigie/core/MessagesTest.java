package org.vigie.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    @Test
    void bothLanguagesHoldTheSameKeysAndPlaceholders() {
        assertThat(Messages.keys(Locale.ENGLISH)).isEqualTo(Messages.keys(Locale.FRENCH));
        for (String key : Messages.keys(Locale.FRENCH)) {
            List<String> none = List.of();
            assertThat(placeholders(Messages.format(key, Locale.ENGLISH, none)))
                    .as(key).isEqualTo(placeholders(Messages.format(key, Locale.FRENCH, none)));
            assertThat(Messages.format(key, Locale.ENGLISH, none)).as(key).isNotBlank();
        }
    }

    @Test
    void everyKeyBelongsToARuleOfTheCatalogue() {
        for (String key : Messages.keys(Locale.FRENCH)) {
            int dot = key.indexOf('.');
            assertThat(dot).as(key).isPositive();
            assertThat(Rules.byId(key.substring(0, dot))).as(key).isPresent();
        }
    }

    @Test
    void everyRuleOfTheCatalogueHasItsMessagesInBothLanguages() {
        Set<String> withMessages = new TreeSet<>();
        for (String key : Messages.keys(Locale.FRENCH)) {
            withMessages.add(key.substring(0, key.indexOf('.')));
        }
        assertThat(withMessages).containsAll(Rules.all().stream().map(Rule::id).toList());
    }

    @Test
    void placeholdersAreReplacedAsTheyAreApostrophesIncluded() {
        assertThat(Messages.substitute("l'EG {0} n'est pas dans l'EJ {1} ({0})", List.of("750", "75X")))
                .isEqualTo("l'EG 750 n'est pas dans l'EJ 75X (750)");
        assertThat(Messages.substitute("{1} et {5} {x} {", List.of("a", "b"))).isEqualTo("b et {5} {x} {");
    }

    @Test
    void languagesAreFrenchUnlessEnglish() {
        assertThat(Messages.language(Locale.UK)).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.language(Locale.GERMAN)).isEqualTo(Locale.FRENCH);
        assertThat(Messages.parseLanguage("EN")).isEqualTo(Locale.ENGLISH);
        assertThatThrownBy(() -> Messages.parseLanguage("de")).hasMessageContaining("fr or en");
    }

    @Test
    void aFindingNeedsAMessageOfTheCatalogue() {
        assertThatThrownBy(() -> Finding.of(Rules.ID_KEY, "no-such-message", Location.NONE, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ID-KEY.no-such-message");
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
