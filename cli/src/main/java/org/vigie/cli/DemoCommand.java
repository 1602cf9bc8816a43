package org.vigie.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.vigie.core.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie demo}: the main job on embedded data. Builds a test PKI, a small FINESS directory and a gallery of
 * requests with the test kit, writes them as files (to {@code --out DIR}, or a temporary folder removed at the end),
 * validates each through exactly the code path of {@code vigie check}, and prints a table. Exit 0 when every case
 * gives its expected verdict and rule.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Démonstration sur données embarquées : PKI de test, annuaire FINESS réduit, une requête "
                + "d'alimentation conforme et une galerie de requêtes non conformes, vérifiées comme par « vigie check ».",
                "Code retour 0 quand chaque cas donne le verdict attendu."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Écrit les fichiers générés (certificats, annuaire, requêtes, script check-all.sh) dans DIR.")
    Path out;

    /** One line of the table. */
    record Row(DemoScenario.Case c, Report report, boolean matches) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DemoScenario scenario = new DemoScenario();
        List<DemoScenario.Case> cases = scenario.cases();
        Path dir = out != null ? out : Files.createTempDirectory("vigie-demo");
        try {
            write(dir, scenario, cases);
            List<Row> rows = new ArrayList<>();
            Checker checker = new Checker(err);
            for (DemoScenario.Case c : cases) {
                Checker.Request req = request(dir, c);
                Report r = checker.check(req).report();
                boolean ok = r.accepted() == c.expectAccepted() && (c.expectedRule() == null || r.has(c.expectedRule()));
                rows.add(new Row(c, r, ok));
            }
            print(o, rows, out != null ? dir : null);
            return rows.stream().allMatch(Row::matches) ? ExitCodes.OK : ExitCodes.REJECTED;
        } finally {
            if (out == null) {
                deleteTree(dir);
            }
        }
    }

    /** The check request of a case, with paths inside {@code dir} (the same arguments check-all.sh passes). */
    static Checker.Request request(Path dir, DemoScenario.Case c) {
        Path caseDir = dir.resolve("cases").resolve(c.id());
        return new Checker.Request(caseDir.resolve("tls.pem"), caseDir.resolve(messageName(c)), null, null, List.of(),
                c.contentType(), c.directory().stream().map(dir::resolve).toList(),
                List.of(dir.resolve("trust/demo-ca.pem")), false, List.of(dir.resolve("trust/demo-crl.pem")),
                DemoScenario.AT.toString(), null);
    }

    /** The check arguments of a case, relative to the output folder. */
    static List<String> checkArgs(DemoScenario.Case c) {
        String cd = "cases/" + c.id() + "/";
        List<String> a = new ArrayList<>(List.of("check", "--tls-cert", cd + "tls.pem", "--message", cd + messageName(c),
                "--content-type", c.contentType(), "--directory"));
        a.addAll(c.directory());
        a.addAll(List.of("--trust", "trust/demo-ca.pem", "--crl", "trust/demo-crl.pem", "--at", DemoScenario.AT.toString()));
        return a;
    }

    private static String messageName(DemoScenario.Case c) {
        return c.contentType().startsWith("multipart/") ? "message.mtom" : "message.xml";
    }

    static void write(Path dir, DemoScenario s, List<DemoScenario.Case> cases) throws IOException {
        Files.createDirectories(dir.resolve("trust"));
        Files.createDirectories(dir.resolve("finess"));
        Files.writeString(dir.resolve("trust/demo-ca.pem"), s.trustPem(), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("trust/demo-crl.pem"), s.crlPem(), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("finess/demo-etalab.csv"), DemoScenario.etalab(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("finess/demo-ej.csv"), DemoScenario.ejExtract(), StandardCharsets.UTF_8);
        StringBuilder expected = new StringBuilder("# case\texpected_exit\texpected_rule\n");
        StringBuilder script = new StringBuilder("""
                #!/usr/bin/env bash
                # Re-runs every demo case with `vigie check` and compares the exit code with the expected verdict.
                # Usage: ./check-all.sh   (set VIGIE to your vigie command if needed)
                set -uo pipefail
                cd "$(dirname "$0")"
                """);
        script.append("VIGIE=${VIGIE:-").append(defaultVigie()).append("}\nfailures=0\n");
        for (DemoScenario.Case c : cases) {
            Path cd = dir.resolve("cases").resolve(c.id());
            Files.createDirectories(cd);
            Files.writeString(cd.resolve("tls.pem"), DemoScenario.tlsPem(c.tls()), StandardCharsets.US_ASCII);
            Files.write(cd.resolve(messageName(c)), c.message());
            Files.writeString(cd.resolve("content-type.txt"), c.contentType() + "\n", StandardCharsets.US_ASCII);
            Files.write(cd.resolve("args.txt"), checkArgs(c), StandardCharsets.UTF_8);
            int exit = c.expectAccepted() ? 0 : 1;
            expected.append(c.id()).append('\t').append(exit).append('\t')
                    .append(c.expectedRule() == null ? "-" : c.expectedRule()).append('\n');
            script.append("$VIGIE");
            for (String a : checkArgs(c)) {
                script.append(' ').append(shellQuote(a));
            }
            script.append(" > cases/").append(c.id()).append("/report.txt; code=$?\n")
                    .append("if [ \"$code\" -ne ").append(exit).append(" ]; then echo \"ÉCART ").append(c.id())
                    .append(" : code $code, attendu ").append(exit).append("\"; failures=$((failures+1)); else echo \"ok    ")
                    .append(c.id()).append(" (code $code)\"; fi\n");
        }
        script.append("exit $(( failures > 0 ? 1 : 0 ))\n");
        Files.writeString(dir.resolve("expected.tsv"), expected, StandardCharsets.UTF_8);
        Path sh = dir.resolve("check-all.sh");
        Files.writeString(sh, script, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(sh, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: run it with bash
        }
        Files.writeString(dir.resolve("README.md"), readme(cases), StandardCharsets.UTF_8);
    }

    private static String readme(List<DemoScenario.Case> cases) {
        StringBuilder sb = new StringBuilder("""
                # Vigie demo files

                Written by `vigie demo --out`. Everything here was generated with the Vigie test kit: a **test** PKI
                (`trust/demo-ca.pem`, `trust/demo-crl.pem` — not IGC-Santé), a small FINESS directory (`finess/`), and one
                folder per case under `cases/` holding the TLS client certificate (`tls.pem`, leaf then its CA), the request
                (`message.mtom` or `message.xml`), its HTTP Content-Type (`content-type.txt`) and the exact `vigie check`
                arguments (`args.txt`, one per line, paths relative to this folder).

                Re-run every case and compare with the demo's verdicts (`expected.tsv`): `./check-all.sh`
                (or `VIGIE="java -jar /path/to/vigie.jar" ./check-all.sh`). One case by hand, from this folder:

                ```bash
                vigie check --tls-cert cases/01-conforme-mtom/tls.pem --message cases/01-conforme-mtom/message.mtom \\
                  --content-type "$(cat cases/01-conforme-mtom/content-type.txt)" \\
                  --directory finess/demo-etalab.csv finess/demo-ej.csv --trust trust/demo-ca.pem \\
                  --crl trust/demo-crl.pem --at %s
                ```

                The directory is the etalab EG extract (`finess/demo-etalab.csv`: EGs, their EJ, category; no EJ record)
                and the EJ extract (`finess/demo-ej.csv`: EJ records with their statut juridique). The cases of the
                family "annuaire" are checked with the etalab EG extract alone, as most integrators download it: the EJ
                of the certificate is known through its EGs (see their `args.txt`).

                | case | family | what | expected |
                |---|---|---|---|
                """.formatted(DemoScenario.AT));
        for (DemoScenario.Case c : cases) {
            sb.append("| ").append(c.id()).append(" | ").append(c.family()).append(" | ").append(c.title()).append(" | ")
                    .append(c.expectAccepted() ? "accepted" : "rejected, " + c.expectedRule()).append(" |\n");
        }
        return sb.toString();
    }

    private static String defaultVigie() {
        try {
            Path p = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (p.toString().endsWith(".jar")) {
                return "\"java -jar " + p.toAbsolutePath() + "\"";
            }
        } catch (Exception e) {
            // fall through
        }
        return "vigie";
    }

    static String shellQuote(String s) {
        return s.matches("[A-Za-z0-9_./:=@+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    private void print(PrintWriter o, List<Row> rows, Path written) {
        ReportText paint = new ReportText(ReportText.colourWanted());
        o.println("Vigie — démonstration (instant d'évaluation " + DemoScenario.AT + ", PKI et annuaire de test)");
        o.println();
        int w = rows.stream().mapToInt(r -> r.c().id().length()).max().orElse(10);
        o.printf("%-" + w + "s  %-17s  %-9s  %-9s  %s%n", "cas", "famille", "attendu", "obtenu", "règles déclenchées");
        for (Row r : rows) {
            String expected = r.c().expectAccepted() ? "ACCEPTÉE" : "REJETÉE";
            String actual = r.report().accepted() ? "ACCEPTÉE" : "REJETÉE";
            String rules = r.report().rulesFired().isEmpty() ? "—" : String.join(" ", r.report().rulesFired());
            String mark = r.matches() ? paint.paint("32", "✓") : paint.paint("31", "✗ écart (attendu "
                    + (r.c().expectedRule() == null ? "aucune erreur" : r.c().expectedRule()) + ")");
            o.printf("%-" + w + "s  %-17s  %-9s  %-9s  %s  %s%n", r.c().id(), r.c().family(), expected, actual, rules, mark);
        }
        long bad = rows.stream().filter(r -> !r.matches()).count();
        o.println();
        o.println(bad == 0 ? rows.size() + " cas, tous conformes à l'attendu."
                : bad + " cas sur " + rows.size() + " ne donnent pas le verdict attendu.");
        if (written != null) {
            o.println("Fichiers écrits dans " + written + " ; rejouer : " + written.resolve("check-all.sh")
                    + " (voir " + written.resolve("README.md") + ")");
        } else {
            o.println("Pour rejouer avec « vigie check » : vigie demo --out DOSSIER");
        }
        o.flush();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
