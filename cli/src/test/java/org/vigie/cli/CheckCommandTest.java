package org.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigie check} and {@code vigie rules}: exit codes, text and JSON output, parts mode, argument errors. */
class CheckCommandTest {

    @TempDir
    static Path dir;

    static DemoScenario scenario;
    static List<DemoScenario.Case> cases;

    record Run(int code, String out, String err) {
    }

    static Run run(List<String> args) {
        return run(args.toArray(String[]::new));
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VigieCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void writeDemoFiles() throws IOException {
        scenario = new DemoScenario();
        cases = scenario.cases();
        DemoCommand.write(dir, scenario, cases);
    }

    static DemoScenario.Case demoCase(String prefix) {
        return cases.stream().filter(c -> c.id().startsWith(prefix)).findFirst().orElseThrow();
    }

    /** The demo's check arguments with absolute paths. */
    static List<String> args(DemoScenario.Case c, String... extra) {
        List<String> a = new ArrayList<>();
        for (String s : DemoCommand.checkArgs(c)) {
            a.add(s.startsWith("cases/") || s.startsWith("finess/") || s.startsWith("trust/") ? dir.resolve(s).toString() : s);
        }
        a.addAll(List.of(extra));
        return a;
    }

    @Test
    void compliantRequestExitsZeroWithTheReportGroupedByControl() {
        Run r = run(args(demoCase("01")));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Contrôle 1", "Contrôle 2", "Occurrences d'authorInstitution", "Verdict : ACCEPTÉE")
                .contains("alimentation ITI-41").doesNotContain("\u001b[");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void rejectedRequestExitsOneAndNamesTheRule() {
        Run r = run(args(demoCase("22")));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("AI-SAME-EJ", "Verdict : REJETÉE");
    }

    @Test
    void jsonOutputIsTheDocumentedForm() throws IOException {
        Run r = run(args(demoCase("19"), "--format", "json"));
        assertThat(r.code()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("format").asText()).isEqualTo("vigie-report/1");
        assertThat(json.get("accepted").asBoolean()).isFalse();
        assertThat(json.get("evaluatedAt").asText()).isEqualTo(DemoScenario.AT.toString());
        assertThat(json.get("findings").findValuesAsText("rule")).contains("AI-CDA-MATCH");
        JsonNode f = json.get("findings").get(0);
        assertThat(f.has("rule") && f.has("severity") && f.has("message") && f.has("location") && f.has("evidence")).isTrue();
        assertThat(json.get("occurrences").findValuesAsText("place")).contains("SUBMISSION_SET", "DOCUMENT_ENTRY", "CDA_HEADER");
        assertThat(json.get("summary").get("errors").asInt()).isPositive();
    }

    @Test
    void contentTypeIsOptionalForAnMtomBodyWhoseFirstLineIsTheBoundary() {
        List<String> a = args(demoCase("01"));
        int i = a.indexOf("--content-type");
        a.remove(i + 1);
        a.remove(i);
        assertThat(run(a).code()).isZero();
    }

    @Test
    void partsModeChecksTokenSubmissionAndDocuments() throws IOException {
        DemoScenario.Case c = demoCase("01");
        String text = new String(c.message(), StandardCharsets.UTF_8);
        String env = text.substring(text.indexOf("<soap:Envelope"), text.indexOf("</soap:Envelope>") + 16);
        // the token as a connector holds it: the wsse:Security header (standalone, it declares its namespaces)
        Path vihf = Files.writeString(dir.resolve("vihf.xml"),
                env.substring(env.indexOf("<wsse:Security"), env.indexOf("</wsse:Security>") + 16));
        String sub = env.substring(env.indexOf("<ns4:ProvideAndRegisterDocumentSetRequest"),
                env.indexOf("</ns4:ProvideAndRegisterDocumentSetRequest>") + "</ns4:ProvideAndRegisterDocumentSetRequest>".length());
        Path submission = Files.writeString(dir.resolve("submission.xml"), sub);
        List<String> hrefs = new ArrayList<>();
        for (String id : List.of("DocumentCR1", "DocumentCR2")) {
            String cid = org.vigie.testkit.XdsSubmissionBuilder.contentId(id);
            int start = text.indexOf("Content-ID: <" + cid + ">");
            int body = text.indexOf("\r\n\r\n", start) + 4;
            String cda = text.substring(body, text.indexOf("\r\n--", body));
            assertThat(cda).contains("ClinicalDocument");
            Path p = Files.writeString(dir.resolve(id + ".xml"), cda);
            hrefs.add("cid:" + cid + "=" + p);
        }
        List<String> a = new ArrayList<>(List.of("check", "--tls-cert", dir.resolve("cases/" + c.id() + "/tls.pem").toString(),
                "--vihf", vihf.toString(), "--submission", submission.toString(), "--cda"));
        a.addAll(hrefs);
        a.addAll(List.of("--trust", dir.resolve("trust/demo-ca.pem").toString(), "--crl", dir.resolve("trust/demo-crl.pem").toString(),
                "--directory", dir.resolve("finess/demo-etalab.csv").toString(), dir.resolve("finess/demo-ej.csv").toString(),
                "--at", DemoScenario.AT.toString()));
        Run ok = run(a);
        assertThat(ok.code()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("CDA_HEADER");
        Run missingDoc = run(a.subList(0, a.indexOf("--cda")).stream().toList().isEmpty() ? a
                : concat(a.subList(0, a.indexOf("--cda")), a.subList(a.indexOf("--cda") + 3, a.size())));
        assertThat(missingDoc.code()).isEqualTo(1);
        assertThat(missingDoc.out()).contains("AI-XML");
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void unusableArgumentsExitTwoWithOneLineOnStderr() {
        DemoScenario.Case c = demoCase("01");
        Run missingFile = run(args(c, "--policy", dir.resolve("nope.properties").toString()));
        assertThat(missingFile.code()).isEqualTo(2);
        assertThat(missingFile.err().strip().lines()).hasSize(1);
        Run badInstant = run(concat(args(c).subList(0, args(c).size() - 2), List.of("--at", "hier")));
        assertThat(badInstant.code()).isEqualTo(2);
        assertThat(badInstant.err()).contains("--at");
        Run noMessage = run("check", "--tls-cert", dir.resolve("cases/" + c.id() + "/tls.pem").toString());
        assertThat(noMessage.code()).isEqualTo(2);
        Run notACert = run(concat(List.of("check", "--tls-cert", dir.resolve("expected.tsv").toString()),
                args(c).subList(3, args(c).size())));
        assertThat(notACert.code()).isEqualTo(2);
        assertThat(notACert.err()).contains("certificat");
    }

    @Test
    void policyFileSwitchesSettingsAndRejectsUnknownKeys() throws IOException {
        DemoScenario.Case lot = demoCase("20");
        Path lax = Files.writeString(dir.resolve("lax.properties"), "ai.lotMayDiffer=true\nvihf.rejectSha1=true\n");
        Run r = run(args(lot, "--policy", lax.toString()));
        assertThat(r.out()).doesNotContain("AI-CONSISTENT");
        assertThat(r.code()).isZero();
        Path typo = Files.writeString(dir.resolve("typo.properties"), "ai.lotMayDifer=true\n");
        Run t = run(args(lot, "--policy", typo.toString()));
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err()).contains("ai.lotMayDifer");
    }

    @Test
    void certificateCrlAndTokenAgePolicyKeysAreReadAndChecked() throws IOException {
        DemoScenario.Case ok = demoCase("01");
        Path keys = Files.writeString(dir.resolve("certs.properties"), "vihf.maxTokenAge=PT1H\n"
                + "vihf.requireOrganisationCa=false\nvihf.organisationPolicyOids=1.2.250.1.213.1.7.2.1.1.1.1\n"
                + "vihf.unusableCrlSeverity=ERROR\n");
        assertThat(run(args(ok, "--policy", keys.toString())).code()).isZero();
        Path unbounded = Files.writeString(dir.resolve("unbounded.properties"), "vihf.maxTokenAge=none\n");
        assertThat(run(args(ok, "--policy", unbounded.toString())).code()).isZero();
        Path otherOid = Files.writeString(dir.resolve("oid.properties"), "vihf.organisationPolicyOids=1.2.250.1.999\n");
        Run rejected = run(args(ok, "--policy", otherOid.toString()));
        assertThat(rejected.code()).isEqualTo(1);
        assertThat(rejected.out()).contains("CERT-AUTH-PROFILE", "CERT-SIGN-PROFILE");
        for (String bad : List.of("vihf.unusableCrlSeverity=FATAL", "vihf.maxTokenAge=PT0S", "vihf.maxTokenAge=demain")) {
            Path p = Files.writeString(dir.resolve("bad.properties"), bad + "\n");
            Run r = run(args(ok, "--policy", p.toString()));
            assertThat(r.code()).as(bad).isEqualTo(2);
            assertThat(r.err()).as(bad).contains(bad.substring(0, bad.indexOf('=')));
        }
    }

    @Test
    void theOfficialAnsCaptureGivesAFullReport() {
        String data = System.getProperty("vigie.testdata");
        assumeTrue(data != null && Files.isDirectory(Path.of(data)), "données de test publiques absentes : test ignoré");
        Path capture = Path.of(data, "xds/ANS-DMP-exemple_TD2.1_Alimentation_requete.xml");
        assumeTrue(Files.isRegularFile(capture), "capture ANS absente");
        Run r = run("check", "--tls-cert", dir.resolve("cases/01-conforme-mtom/tls.pem").toString(),
                "--message", capture.toString(), "--trust", dir.resolve("trust/demo-ca.pem").toString(),
                "--at", DemoScenario.AT.toString(), "--format", "json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("VIHF-SIGNED", "VIHF-AUTH-MODE", "499900063480001");
    }

    @Test
    void rulesListsTheWholeCatalogue() throws IOException {
        Run text = run("rules");
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("VIHF-STRUCT-EQ", "AI-SAME-EJ", "CERT-TRUST", "Certificats", "ERROR");
        Run json = run("rules", "--format", "json", "--lang", "en");
        JsonNode arr = new ObjectMapper().readTree(json.out());
        assertThat(arr.size()).isEqualTo(org.vigie.core.Rules.all().size());
        assertThat(arr.findValuesAsText("id")).contains("AI-GEOGRAPHIC");
    }

    /** --lang en: JSON and text still name the profile (dmp-strict/1, dmp-test-pki/1 with --trust-test). */
    @Test
    void checkJsonAndTextNameTheProfileInEitherLanguage() throws Exception {
        List<String> base = args(demoCase("01"));
        Run en = run(plus(base, "--lang", "en", "--format", "json"));
        assertThat(en.code()).as(en.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(en.out());
        assertThat(json.get("profile").get("id").asText()).isEqualTo("dmp-strict/1");
        assertThat(json.get("profile").get("relaxations").get(0).asText()).contains("ancres de confiance de l'intégrateur");
        Run fr = run(base);
        assertThat(fr.out()).contains("Profil : dmp-strict/1").contains("écart : ancres de confiance");
        Run test = run(plus(base, "--trust-test"));
        assertThat(test.out()).contains("Profil : dmp-test-pki/1");
    }

    /** --lang en: every finding of a rejected demo case is written in English, the same findings in the same order. */
    @Test
    void checkWritesTheFindingsInEnglishWithLangEn() throws Exception {
        for (String id : List.of("04", "08", "12", "15", "18", "21", "22", "24")) {
            DemoScenario.Case c = demoCase(id);
            JsonNode fr = new ObjectMapper().readTree(run(plus(args(c), "--format", "json")).out()).get("findings");
            JsonNode en = new ObjectMapper().readTree(run(plus(args(c), "--format", "json", "--lang", "en")).out())
                    .get("findings");
            assertThat(en.findValuesAsText("rule")).as(id).isEqualTo(fr.findValuesAsText("rule")).contains(c.expectedRule());
            for (int i = 0; i < en.size(); i++) {
                JsonNode f = en.get(i);
                if (f.get("rule").asText().equals(c.expectedRule())) {
                    assertThat(f.get("message").asText()).as(id).isNotEqualTo(fr.get(i).get("message").asText());
                }
            }
        }
        Run text = run(plus(args(demoCase("22")), "--lang", "en"));
        assertThat(text.out()).contains("AI-SAME-EJ").doesNotContain("n'appartient pas");
    }

    private static List<String> plus(List<String> a, String... more) {
        List<String> out = new ArrayList<>(a);
        out.addAll(List.of(more));
        return out;
    }
}
