package org.vigie.cli;

import java.util.Locale;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code vigie} command line: main class of the runnable jar {@code cli/target/vigie.jar}.
 *
 * <p>Each subcommand is its own class in {@code org.vigie.cli}, registered in the {@link #SUBCOMMANDS}
 * list below (one class per line). Exit codes follow {@link ExitCodes}: every exception escaping a
 * subcommand becomes exit code 2 with a one-line reason on stderr, never a stack trace.
 *
 * <p>Start-up (issue 16): picocli builds its model of a command by reflection over the command's class, its
 * options and mixins. When the first argument names a subcommand, {@link #execute} registers that subcommand only
 * (the others cannot be reached from that command line), which saves the model of the six others. A plain
 * {@code check} command line skips picocli altogether ({@link CheckArgs}, same parse, picocli's for anything else).
 */
@Command(name = "vigie",
        mixinStandardHelpOptions = true,
        versionProvider = VigieCommand.Version.class,
        description = "Contrôles préalables de l'authentification indirecte DMP (VIHF, certificat "
                + "d'organisation, authorInstitution).")
public final class VigieCommand implements Callable<Integer> {

    /** The subcommands, in the order of the usage text; picocli's {@code help} comes after them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            // ---- subcommands: one class per line, add yours here ----
            FinessCommand.class,
            PlanCommand.class,
            CheckCommand.class,
            RulesCommand.class,
            DemoCommand.class,
            ServeCommand.class,
            DeploymentCommand.class
            // ---- end of subcommands ----
    );

    @Spec
    CommandSpec spec;

    /** Prints the usage when {@code vigie} is called without a subcommand. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.UNUSABLE;
    }

    /**
     * Entry point of the runnable jar.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code;
        try {
            code = execute(out, err, args);
        } catch (RuntimeException | LinkageError | OutOfMemoryError | StackOverflowError e) {
            // failure outside a subcommand (or a resource exhausted past every limit): still no stack trace
            Locale locale = localeOf(java.util.Arrays.asList(args));
            err.println("vigie: " + CliText.get(locale, "err.internal", describe(e, locale)));
            code = ExitCodes.UNUSABLE;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the command line with the given writers and returns the exit code (used by tests).
     *
     * @param out standard output
     * @param err standard error
     * @param args command-line arguments
     * @return the exit code, see {@link ExitCodes}
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        if (args.length > 0 && "check".equals(args[0])) {
            CheckArgs.Invocation inv = CheckArgs.parse(args, 1);
            if (inv != null) {
                return checkFast(out, err, inv);
            }
        }
        Class<?> only = args.length == 0 ? null : subcommandNamed(args[0]);
        return (only == null ? newCommandLine(out, err) : newCommandLine(out, err, List.of(only))).execute(args);
    }

    /** {@code check} read by {@link CheckArgs}: what picocli's execute and its exception handler would do. */
    private static int checkFast(PrintWriter out, PrintWriter err, CheckArgs.Invocation inv) {
        try {
            return CheckCommand.run(out, err, inv);
        } catch (Exception ex) {
            err.println("vigie: " + describe(ex, inv.locale()));
            return ExitCodes.UNUSABLE;
        }
    }

    /** The subcommand class whose {@code @Command} name is {@code name}, or null (an option, help, a typo). */
    static Class<?> subcommandNamed(String name) {
        for (Class<?> c : SUBCOMMANDS) {
            Command command = c.getAnnotation(Command.class);
            if (command != null && command.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /**
     * Builds the configured picocli command line: every subcommand, writers, exit codes and exception handlers.
     *
     * @param out standard output
     * @param err standard error
     * @return a new command line
     */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        return newCommandLine(out, err, SUBCOMMANDS);
    }

    private static CommandLine newCommandLine(PrintWriter out, PrintWriter err, List<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(new VigieCommand());
        for (Class<?> c : subcommands) {
            cl.addSubcommand(c);
        }
        cl.addSubcommand(CommandLine.HelpCommand.class);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            Locale locale = localeOf(java.util.Arrays.asList(args));
            c.getErr().println("vigie: " + oneLine(ex.getMessage()));
            c.getErr().println(CliText.get(locale, "err.help", c.getCommandSpec().qualifiedName()));
            return ExitCodes.UNUSABLE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("vigie: " + describe(ex, localeOf(parseResult)));
            return ExitCodes.UNUSABLE;
        });
        return cl;
    }

    static String describe(Throwable ex) {
        return describe(ex, Locale.FRENCH);
    }

    /** The one-line reason of a failure, in {@code locale}'s language where the command line wrote it. */
    static String describe(Throwable ex, Locale locale) {
        String msg = ex.getMessage();
        if (ex instanceof UnusableInputException u && msg != null) {
            return oneLine(u.message(locale));
        }
        if (ex instanceof java.nio.file.NoSuchFileException) {
            return CliText.get(locale, "err.file-not-found", oneLine(msg));
        }
        if (ex instanceof java.nio.file.AccessDeniedException) {
            return CliText.get(locale, "err.access-denied", oneLine(msg));
        }
        if (ex instanceof OutOfMemoryError) {
            return CliText.get(locale, "err.out-of-memory");
        }
        if (ex instanceof StackOverflowError) {
            return CliText.get(locale, "err.stack");
        }
        String type = ex.getClass().getSimpleName();
        return msg == null || msg.isBlank() ? type : type + ": " + oneLine(msg);
    }

    /** The language of {@code --lang} in the parsed command line (French when absent). */
    static Locale localeOf(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--lang")) {
                Object v = p.matchedOptionValue("--lang", Locale.FRENCH);
                return v instanceof Locale l ? l : Locale.FRENCH;
            }
        }
        return Locale.FRENCH;
    }

    /** The language asked by {@code --lang en} / {@code --lang=en} in raw arguments, or by a bare {@code en}. */
    static Locale localeOf(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--lang=en") || (a.equals("--lang") && i + 1 < args.size()
                    && args.get(i + 1).trim().toLowerCase(Locale.ROOT).startsWith("en"))
                    || (args.size() == 1 && a.trim().toLowerCase(Locale.ROOT).startsWith("en"))) {
                return Locale.ENGLISH;
            }
        }
        return Locale.FRENCH;
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return (nl < 0 ? t : t.substring(0, nl)).replace('\r', ' ');
    }

    /** Version from the jar manifest (Implementation-Version), or "dev". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = VigieCommand.class.getPackage().getImplementationVersion();
            return new String[] {"vigie " + (v == null ? "dev" : v)};
        }
    }
}
