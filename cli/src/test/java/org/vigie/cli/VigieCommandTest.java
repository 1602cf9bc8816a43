package org.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The root command: its subcommand list, and the start-up shortcut that registers only the subcommand named. */
class VigieCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VigieCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void theFullCommandLineHasEverySubcommandInOrderThenHelp() {
        CommandLine cl = VigieCommand.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertThat(List.copyOf(cl.getSubcommands().keySet()))
                .containsExactly("finess", "plan", "check", "rules", "demo", "serve", "deployment", "help");
    }

    @Test
    void aSubcommandIsFoundByItsExactName() {
        assertThat(VigieCommand.subcommandNamed("check")).isEqualTo(CheckCommand.class);
        assertThat(VigieCommand.subcommandNamed("deployment")).isEqualTo(DeploymentCommand.class);
        assertThat(VigieCommand.subcommandNamed("help")).isNull();
        assertThat(VigieCommand.subcommandNamed("--help")).isNull();
        assertThat(VigieCommand.subcommandNamed("Check")).isNull();
        assertThat(VigieCommand.subcommandNamed("chec")).isNull();
    }

    @Test
    void theUsageStillListsEverySubcommand() {
        String[] r = run("--help");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("finess", "plan", "check", "rules", "demo", "serve", "deployment", "help");
        String[] h = run("help", "check");
        assertThat(h[0]).isEqualTo("0");
        assertThat(h[1]).contains("--tls-cert");
    }

    @Test
    void aSubcommandRunAloneKeepsItsHelpAndErrors() {
        String[] help = run("check", "--help");
        assertThat(help[0]).isEqualTo("0");
        assertThat(help[1]).contains("Usage: vigie check", "--tls-cert");
        String[] bad = run("check", "--no-such-option");
        assertThat(bad[0]).isEqualTo(Integer.toString(ExitCodes.UNUSABLE));
        assertThat(bad[2]).contains("vigie: ").contains("Aide : vigie check --help");
        String[] unknown = run("no-such-command");
        assertThat(unknown[0]).isEqualTo(Integer.toString(ExitCodes.UNUSABLE));
        assertThat(unknown[2]).contains("vigie: ");
    }
}
