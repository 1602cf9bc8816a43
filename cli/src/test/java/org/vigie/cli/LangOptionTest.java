package org.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vigie.core.Finding;
import org.vigie.core.Location;
import org.vigie.core.PolicyProfile;
import org.vigie.core.Report;
import org.vigie.core.Rules;

/** {@code --lang fr|en} of check, serve, plan and rules, and the profile in the text report. */
class LangOptionTest {

    private static final Finding NO_ANCHOR = Finding.of(Rules.CERT_TRUST, "core-no-anchor", Location.of("TLS"), "",
            "CN=x");

    private static Report report() {
        return Report.builder().add(NO_ANCHOR)
                .profile(new PolicyProfile("dmp-strict/1", List.of("âge maximal du jeton VIHF : none"))).build();
    }

    private static String text(Locale locale) {
        StringWriter w = new StringWriter();
        new ReportText(false, locale).write(new PrintWriter(w, true), report(), List.of());
        return w.toString();
    }

    @Test
    void textReportFollowsTheLanguage() {
        assertThat(text(Locale.ENGLISH)).contains("CERT-TRUST  no trust anchor configured: certificate \"CN=x\" cannot be verified")
                .doesNotContain("aucune ancre");
        assertThat(text(Locale.FRENCH)).contains("CERT-TRUST  aucune ancre de confiance configurée : le certificat « CN=x »")
                .doesNotContain("no trust anchor");
        assertThat(new StringWriter().toString()).isEmpty();
    }

    @Test
    void textReportNamesTheProfileAndItsDepartures() {
        assertThat(text(Locale.FRENCH)).contains("Profil : dmp-strict/1\n  écart : âge maximal du jeton VIHF : none\n");
        StringWriter w = new StringWriter();
        new ReportText(false).write(new PrintWriter(w, true),
                Report.builder().profile(new PolicyProfile("dmp-strict/1", List.of())).build(), List.of());
        assertThat(w.toString()).contains("Profil : dmp-strict/1 (strict)").doesNotContain("écart");
    }

    @Test
    void langIsParsedByTheCatalogueAndAnUnknownOneIsAnArgumentError() {
        LangOption.LangConverter c = new LangOption.LangConverter();
        assertThat(c.convert("EN")).isEqualTo(Locale.ENGLISH);
        assertThat(c.convert("fr")).isEqualTo(Locale.FRENCH);
        CheckCommandTest.Run bad = CheckCommandTest.run("rules", "--lang", "de");
        assertThat(bad.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(bad.err()).contains("--lang").contains("fr ou en");
        for (String cmd : List.of("check", "serve", "plan", "rules")) {
            CheckCommandTest.Run help = CheckCommandTest.run(cmd, "--help");
            assertThat(help.out()).as(cmd).contains("--lang=LANG");
        }
    }

    @Test
    void rulesTitlesFollowTheLanguage() {
        assertThat(CheckCommandTest.run("rules", "--lang", "en").out()).contains(Rules.CERT_TRUST.titleEn())
                .doesNotContain(Rules.CERT_TRUST.titleFr());
        assertThat(CheckCommandTest.run("rules").out()).contains(Rules.CERT_TRUST.titleFr());
    }
}
