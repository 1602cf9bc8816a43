package org.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigie.testkit.CdaBuilder;
import org.vigie.testkit.DmpMessageBuilder;
import org.vigie.testkit.FinessFiles;
import org.vigie.testkit.FinessFiles.Eg;
import org.vigie.testkit.FinessFiles.Source;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.XdsSubmissionBuilder;

/**
 * {@code vigie check --directory} with each FINESS file alone and all three, the files written as the real formats
 * are ({@link FinessFiles}: the etalab EG extract in Latin-1 with geolocalisation lines and no EJ record), and
 * {@code vigie finess --lookup} on the same files: both give the same answer for the certificate's EJ.
 */
class DirectorySourcesCheckTest {

    @TempDir
    static Path dir;

    static DemoScenario demo;
    static final String CH = "1" + FinessFiles.CH.finess();

    enum Load {
        ETALAB_ONLY(EnumSet.of(Source.ETALAB_EG)),
        EJ_ONLY(EnumSet.of(Source.EJ_EXTRACT)),
        JSON_ONLY(EnumSet.of(Source.JSON_FEED)),
        ALL(EnumSet.allOf(Source.class));

        final Set<Source> sources;

        Load(Set<Source> sources) {
            this.sources = sources;
        }

        List<String> files() throws IOException {
            return FinessFiles.sample().write(dir.resolve(name()), sources).stream().map(Path::toString).toList();
        }
    }

    record Run(int code, String out, String err) {
    }

    static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VigieCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void writeTrustAndCertificate() throws IOException {
        demo = new DemoScenario();
        Files.writeString(dir.resolve("ca.pem"), demo.trustPem(), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("crl.pem"), demo.crlPem(), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("tls.pem"), DemoScenario.tlsPem(demo.pki.authentication(CH)), StandardCharsets.US_ASCII);
    }

    /** An MTOM feeding under the EJ certificate of {@link FinessFiles#CH} whose four authorInstitution carry {@code ai}. */
    static Path request(Eg ai) throws IOException {
        OrgCredential sign = demo.pki.signature(CH);
        VihfBuilder vihf = VihfBuilder.indirect(sign).at(DemoScenario.AT.minusSeconds(30)).secteurActivite("SA01");
        String xon = XdsSubmissionBuilder.xon(ai.name(), ai.idNat());
        XdsSubmissionBuilder sub = XdsSubmissionBuilder.provideAndRegister();
        sub.document("DocumentCR1", CdaBuilder.ciSis().author(ai.name(), ai.idNat()));
        sub.documentAuthorInstitution("DocumentCR1", xon);
        sub.submissionSetAuthorInstitution(xon);
        DmpMessageBuilder m = DmpMessageBuilder.feeding(vihf, sub.xop());
        Path p = dir.resolve("request-" + ai.finess() + ".mtom");
        Files.write(p, m.toMtomBytes());
        Files.writeString(dir.resolve("request-" + ai.finess() + ".ct"), m.contentType());
        return p;
    }

    static Run check(Eg ai, List<String> directory) throws IOException {
        Path req = request(ai);
        List<String> a = new ArrayList<>(List.of("check", "--tls-cert", dir.resolve("tls.pem").toString(),
                "--message", req.toString(), "--content-type",
                Files.readString(dir.resolve("request-" + ai.finess() + ".ct"))));
        if (!directory.isEmpty()) {
            a.add("--directory");
            a.addAll(directory);
        }
        a.addAll(List.of("--trust", dir.resolve("ca.pem").toString(), "--crl", dir.resolve("crl.pem").toString(),
                "--at", DemoScenario.AT.toString()));
        return run(a);
    }

    @ParameterizedTest
    @EnumSource(Load.class)
    void aFeedingUnderAnEjCertificate(Load load) throws IOException {
        Run r = check(FinessFiles.CH_SITE, load.files());
        if (load == Load.EJ_ONLY) {
            assertThat(r.code()).as(r.out()).isEqualTo(1);
            assertThat(r.out()).contains("AI-GEOGRAPHIC", "AI-SAME-EJ").doesNotContain("VIHF-STRUCT-KNOWN");
        } else {
            assertThat(r.code()).as(load + "\n" + r.out() + r.err()).isZero();
            assertThat(r.out()).contains("Verdict : ACCEPTÉE").doesNotContain("VIHF-STRUCT-KNOWN")
                    .doesNotContain("non évalué");
        }
    }

    @ParameterizedTest
    @EnumSource(Load.class)
    void anEgOfAnotherEjIsRejected(Load load) throws IOException {
        Run r = check(FinessFiles.CLINIC_SITE, load.files());
        assertThat(r.code()).as(load + "\n" + r.out()).isEqualTo(1);
        assertThat(r.out()).contains("AI-SAME-EJ", "Verdict : REJETÉE");
        if (load != Load.EJ_ONLY) {
            assertThat(r.out()).contains("EJ " + FinessFiles.CLINIC.finess() + " au lieu de l'EJ " + FinessFiles.CH.finess());
        }
    }

    @Test
    void withoutDirectoryTheDirectoryRulesSayNotEvaluated() throws IOException {
        Run r = check(FinessFiles.CH_SITE, List.of());
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("VIHF-STRUCT-KNOWN", "AI-SAME-EJ", "AI-GEOGRAPHIC", "non évalué");
    }

    @Test
    void finessLookupAgreesWithCheckOnTheEgExtractAlone() throws IOException {
        List<String> files = Load.ETALAB_ONLY.files();
        List<String> a = new ArrayList<>(List.of("finess"));
        a.addAll(files);
        a.addAll(List.of("--lookup", CH, "1" + FinessFiles.CLOSED_EJ.finess()));
        Run r = run(a);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("EJ " + FinessFiles.CH.finess() + " (pas de fiche EJ chargée ; cité par ses EG")
                .contains("2 EG :").contains("Lignes rejetées : 0").contains("inconnu du répertoire");
        List<String> json = new ArrayList<>(List.of("finess"));
        json.addAll(Load.JSON_ONLY.files());
        json.addAll(List.of("--lookup", "1" + FinessFiles.CLOSED_EJ.finess()));
        assertThat(run(json).out()).contains("FERMÉE (tous ses EG sont fermés)");
    }
}
