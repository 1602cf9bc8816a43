package org.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.core.Rules;
import org.vigie.testkit.ReportAssert;

/** {@code vigie demo}: every case gives its expected verdict, and {@code vigie check} on the written files agrees. */
class DemoCommandTest {

    @TempDir
    Path dir;

    static int run(StringWriter out, StringWriter err, String... args) {
        return VigieCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void demoMatchesEveryExpectationAndCheckReproducesItsVerdictsFromTheWrittenFiles() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "demo", "--out", dir.toString());
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("tous conformes").contains("01-conforme-mtom").contains("AI-SAME-EJ");
        assertThat(dir.resolve("check-all.sh")).isExecutable();
        assertThat(dir.resolve("README.md")).exists();

        List<String> expected = Files.readAllLines(dir.resolve("expected.tsv"), StandardCharsets.UTF_8);
        List<String> families = new ArrayList<>();
        int checked = 0;
        for (String line : expected) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            List<String> args = new ArrayList<>();
            for (String a : Files.readAllLines(dir.resolve("cases").resolve(f[0]).resolve("args.txt"), StandardCharsets.UTF_8)) {
                args.add(a.startsWith("cases/") || a.startsWith("finess/") || a.startsWith("trust/") ? dir.resolve(a).toString() : a);
            }
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            int c = run(o, e, args.toArray(String[]::new));
            assertThat(c).as(f[0] + "\n" + o + e).isEqualTo(Integer.parseInt(f[1]));
            if (!f[2].equals("-")) {
                assertThat(o.toString()).as(f[0]).contains(f[2]);
                families.add(f[2]);
            }
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(20);
        // at least one case per rule family of the issue: certificate, signature/wrapping, attributes, sector,
        // strict equality, each authorInstitution rule
        assertThat(families).contains("CERT-TRUST", "CERT-AUTH-PROFILE", "VIHF-SIGNED", "VIHF-SIGNATURE", "VIHF-ATTRIBUTE",
                "VIHF-SECTOR-VALUESET", "VIHF-SECTOR-FORBIDDEN", "VIHF-STRUCT-EQ", "AI-PRESENT", "AI-SINGLE", "AI-FORMAT",
                "AI-CDA-MATCH", "AI-CONSISTENT", "AI-GEOGRAPHIC", "AI-SAME-EJ", "AI-XML");
    }

    @Test
    void theEjCertificateCasesAreCheckedWithTheEgExtractAlone() throws IOException {
        DemoScenario s = new DemoScenario();
        List<DemoScenario.Case> cases = s.cases();
        DemoCommand.write(dir, s, cases);
        for (String id : List.of("25-certificat-ej-extrait-eg-seul", "26-autre-ej-extrait-eg-seul")) {
            List<String> args = Files.readAllLines(dir.resolve("cases").resolve(id).resolve("args.txt"), StandardCharsets.UTF_8);
            int d = args.indexOf("--directory");
            assertThat(args.get(d + 1)).isEqualTo("finess/demo-etalab.csv");
            assertThat(args.get(d + 2)).startsWith("--");
            assertThat(args).doesNotContain("finess/demo-ej.csv");
        }
        // the etalab extract of the demo carries no EJ record: the EJ of the certificate is known through its EGs
        assertThat(DemoScenario.etalab().lines().skip(1)).allSatisfy(l -> assertThat(l).startsWith("structureet;"));
        Checker checker = new Checker(new PrintWriter(new StringWriter(), true));
        DemoScenario.Case ok = cases.stream().filter(c -> c.id().startsWith("25-")).findFirst().orElseThrow();
        assertThat(ok.expectAccepted()).isTrue();
        ReportAssert.assertThat(checker.check(DemoCommand.request(dir, ok)).report()).accepted();
        DemoScenario.Case other = cases.stream().filter(c -> c.id().startsWith("26-")).findFirst().orElseThrow();
        ReportAssert.assertThat(checker.check(DemoCommand.request(dir, other)).report()).fires(Rules.AI_SAME_EJ);
    }
}
