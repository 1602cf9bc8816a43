package org.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The start-up fast path of {@code vigie check} ({@link CheckArgs}) against picocli's parse of {@link CheckCommand},
 * the oracle: whenever the fast path answers, picocli accepts the same command line and gives the same invocation;
 * for anything unusual the fast path declines and picocli parses (and words the error) as before.
 */
class CheckArgsTest {

    /** Picocli's invocation of the arguments after {@code check}, or null when picocli rejects them or prints help. */
    static CheckArgs.Invocation picocli(List<String> rest) {
        CheckCommand c = new CheckCommand();
        CommandLine cl = new CommandLine(c);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        try {
            cl.parseArgs(rest.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            return null;
        }
        if (cl.isUsageHelpRequested() || cl.isVersionHelpRequested()) {
            return null;
        }
        return c.invocation();
    }

    static CheckArgs.Invocation fast(List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add("check");
        all.addAll(rest);
        return CheckArgs.parse(all.toArray(String[]::new), 1);
    }

    static final List<List<String>> PLAIN = List.of(
            List.of("--tls-cert", "tls.pem", "--message", "m.mtom"),
            List.of("--tls-cert=tls.pem", "--message=m.mtom", "--format=json", "--lang=en"),
            List.of("--message", "-", "--tls-cert", "t.pem", "--content-type",
                    "multipart/related; type=\"application/xop+xml\"; boundary=\"b\"; start=\"<root@x>\""),
            List.of("--tls-cert", "tls.pem", "--message", "m.mtom", "--directory", "a.csv", "b.csv", "--trust",
                    "ca.pem", "--crl", "c1.pem", "c2.pem", "--at", "2026-03-02T09:00:00Z", "--policy", "p.properties"),
            List.of("--tls-cert", "tls.pem", "--message", "m.xml", "--directory", "a.csv", "--directory", "b.csv",
                    "--trust-test", "--format", "text", "--lang", "EN"),
            List.of("--tls-cert", "tls.pem", "--vihf", "v.xml"),
            List.of("--vihf", "v.xml", "--submission", "s.xml", "--cda", "cid:a@b=doc.xml", "doc2.xml",
                    "--tls-cert", "tls.pem", "--lang", " fr "),
            List.of("--tls-cert", "dir with space/tls.pem", "--vihf", "v.xml", "--cda=x=y.xml", "--crl=c.pem"));

    @Test
    void plainCommandLinesTakeTheFastPathWithPicocliSResult() {
        for (List<String> rest : PLAIN) {
            CheckArgs.Invocation expected = picocli(rest);
            assertThat(expected).as("picocli parses %s", rest).isNotNull();
            assertThat(fast(rest)).as("%s", rest).isEqualTo(expected);
        }
        CheckArgs.Invocation inv = fast(PLAIN.get(1));
        assertThat(inv.json()).isTrue();
        assertThat(inv.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(inv.request().tlsCert()).isEqualTo(Path.of("tls.pem"));
        assertThat(fast(PLAIN.get(3)).request().crl()).containsExactly(Path.of("c1.pem"), Path.of("c2.pem"));
    }

    @Test
    void anythingUnusualIsLeftToPicocli() {
        List<List<String>> unusual = List.of(
                List.of(),
                List.of("--help"),
                List.of("-h", "--tls-cert", "t.pem", "--message", "m"),
                List.of("--tls-cert", "t.pem", "--message", "m", "--version"),
                List.of("--tls-cert", "t.pem"),                                   // no input
                List.of("--tls-cert", "t.pem", "--message", "m", "--vihf", "v"),   // both inputs
                List.of("--tls-cert", "t.pem", "--message", "m", "--cda", "d"),    // parts with a message
                List.of("--tls-cert", "t.pem", "--submission", "s"),               // parts without --vihf
                List.of("--tls-cert", "t.pem", "--tls-cert", "u.pem", "--message", "m"),
                List.of("--tls-cert", "t.pem", "--message", "m", "--trust-test", "--trust-test"),
                List.of("--tls-cert", "t.pem", "--message", "m", "--trust-test=true"),
                List.of("--tls-cert", "t.pem", "--message", "m", "--format", "JSON"),
                List.of("--tls-cert", "t.pem", "--message", "m", "--format", "xml"),
                List.of("--tls-cert", "t.pem", "--message", "m", "--lang", "de"),
                List.of("--tls-cert", "t.pem", "--message", "m", "--directory"),
                List.of("--tls-cert", "t.pem", "--message", "m", "--directory=a", "b"),
                List.of("--tls-cert", "t.pem", "--message", "m", "--at="),
                List.of("--tls-cert", "t.pem", "--message", "m", "--at", ""),
                List.of("--tls-cert", "t.pem", "--message", "--at"),
                List.of("--tls-cert", "t.pem", "--message", "m", "extra"),
                List.of("--tls-cert", "t.pem", "--message", "m", "--unknown"),
                List.of("--tls-cert", "t.pem", "--message", "m", "--"),
                List.of("@args.txt"),
                List.of("--tls-cert", "@t.pem", "--message", "m"),
                List.of("--tls-cert", "t.pem", "--message", "m\0x"));
        for (List<String> rest : unusual) {
            assertThat(fast(rest)).as("%s", rest).isNull();
        }
        // and picocli still answers them as before: an error, help, or its own parse
        assertThat(picocli(List.of("--tls-cert", "t.pem"))).isNull();
        assertThat(picocli(List.of("--tls-cert", "t.pem", "--message", "m", "--format", "JSON")).json()).isTrue();
    }

    static final String[] NAMES = {"--tls-cert", "--message", "--vihf", "--submission", "--cda", "--content-type",
        "--directory", "--trust", "--trust-test", "--crl", "--at", "--policy", "--format", "--lang", "--help", "-h",
        "-V", "--unknown", "--", "-", "-x"};
    static final String[] VALUES = {"a.pem", "dir/b.csv", "-", "", "json", "text", "Json", "en", "FR", "de",
        "2026-03-02T09:00:00Z", "cid:x@y", "h=f.xml", "with space", "\"q\"", "@f", "=", "a=b=c"};

    @Test
    void randomCommandLinesNeverDisagreeWithPicocli() {
        Random rnd = new Random(16);
        int taken = 0;
        for (int n = 0; n < 6000; n++) {
            List<String> rest = new ArrayList<>();
            // most lines start well formed, so that the fast path has something to accept
            if (rnd.nextInt(3) > 0) {
                rest.addAll(List.of("--tls-cert", "t.pem"));
                rest.addAll(rnd.nextBoolean() ? List.of("--message", "m") : List.of("--vihf", "v"));
            }
            int len = rnd.nextInt(8);
            for (int k = 0; k < len; k++) {
                String name = NAMES[rnd.nextInt(NAMES.length)];
                String value = VALUES[rnd.nextInt(VALUES.length)];
                switch (rnd.nextInt(4)) {
                    case 0 -> rest.add(name);
                    case 1 -> rest.add(name + "=" + value);
                    default -> {
                        rest.add(name);
                        rest.add(value);
                        if (rnd.nextInt(4) == 0) {
                            rest.add(VALUES[rnd.nextInt(VALUES.length)]);
                        }
                    }
                }
            }
            int at = rest.isEmpty() ? 0 : rnd.nextInt(rest.size());
            if (rest.size() > 1 && rnd.nextInt(5) == 0) {
                rest.add(rest.remove(at)); // shuffle one
            }
            CheckArgs.Invocation f = fast(rest);
            if (f != null) {
                taken++;
                assertThat(picocli(rest)).as("picocli on %s", rest).isEqualTo(f);
            }
        }
        assertThat(taken).as("command lines the fast path took").isGreaterThan(500);
    }

    /** The demo's check arguments of a case, with absolute paths into {@code dir}. */
    static List<String> demoArgs(Path dir, DemoScenario.Case c, String... extra) {
        List<String> a = new ArrayList<>();
        for (String s : DemoCommand.checkArgs(c)) {
            a.add(s.startsWith("cases/") || s.startsWith("finess/") || s.startsWith("trust/") ? dir.resolve(s).toString() : s);
        }
        a.addAll(List.of(extra));
        return a;
    }

    @Test
    void fastPathAndPicocliPrintTheSameReportAndExitCode(@TempDir Path dir) throws Exception {
        DemoScenario scenario = new DemoScenario();
        List<DemoScenario.Case> cases = scenario.cases();
        DemoCommand.write(dir, scenario, cases);
        for (String id : List.of("01", "02", "03", "05", "09", "22", "24")) {
            DemoScenario.Case c = cases.stream().filter(x -> x.id().startsWith(id)).findFirst().orElseThrow();
            for (String[] extra : List.of(new String[0], new String[] {"--format", "json", "--lang", "en"})) {
                List<String> args = demoArgs(dir, c, extra);
                assertThat(CheckArgs.parse(args.toArray(String[]::new), 1)).as("fast path taken").isNotNull();
                assertThat(runFast(args)).as("%s %s", id, List.of(extra)).isEqualTo(runPicocli(args));
            }
        }
        // an unusable input: the same one-line reason, exit 2
        List<String> missing = demoArgs(dir, cases.get(0));
        missing.set(missing.indexOf("--tls-cert") + 1, "/nonexistent/tls.pem");
        CheckCommandTest.Run f = runFast(missing);
        assertThat(f.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(f.err()).startsWith("vigie: ");
        assertThat(f).isEqualTo(runPicocli(missing));
    }

    static CheckCommandTest.Run runFast(List<String> args) {
        return CheckCommandTest.run(args);
    }

    static CheckCommandTest.Run runPicocli(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VigieCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args.toArray(String[]::new));
        return new CheckCommandTest.Run(code, out.toString(), err.toString());
    }
}
