package org.vigie.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vigie.core.internal.RulesMarkdown;

/** {@code docs/rules.md} is the catalogue of {@link Rules}, generated. */
class RulesDocTest {

    static final Path DOC = Path.of("..", "docs", "rules.md");
    static final String HOW = "docs/rules.md differs from Rules.all(): regenerate it with "
            + "`./mvnw -B -pl core test -Dtest=RulesDocTest -Dvigie.regenerate=true` and commit it";

    @Test
    void committedRulesDocEqualsTheCatalogue() throws IOException {
        String expected = RulesMarkdown.render();
        if (Boolean.getBoolean("vigie.regenerate")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertThat(DOC).as(HOW).exists();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8)).as(HOW).isEqualTo(expected);
    }

    @Test
    void everyRuleIdIsUniqueAndListedOnce() {
        Set<String> ids = new HashSet<>();
        for (Rule r : Rules.all()) {
            assertThat(ids.add(r.id())).as("duplicate id %s", r.id()).isTrue();
            assertThat(RulesMarkdown.render()).contains("| `" + r.id() + "` |");
            assertThat(Rules.byId(r.id())).contains(r);
        }
        assertThat(ids).contains("VIHF-STRUCT-EQ", "AI-SAME-EJ", "ID-KEY", "CERT-TRUST", "DOC-ONE-PER-EJ");
    }
}
