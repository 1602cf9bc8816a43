package org.vigie.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vigie.core.Messages;

/**
 * Start-up fast path of {@code vigie check} (issue 16): reads a plain, well-formed {@code check} command line without
 * building picocli's model (reflection over the annotated classes, annotation proxies, its converters: about 40 % of
 * a cold run's CPU). It gives the same {@link Invocation} as picocli's parse of {@link CheckCommand}, or
 * {@code null} for anything else, and then picocli parses as before: help and version options, {@code @files},
 * {@code --}, an unknown or repeated option, a value that starts with {@code -} (other than {@code -} itself for a
 * single value), an empty or attached list value, a missing required option, an invalid path, language or format.
 * Every error message therefore stays picocli's; {@code CheckArgsTest} compares both parsers on fixed and random
 * command lines.
 */
final class CheckArgs {

    /** What a {@code check} command line asks for: the request, the output format, the language of the messages. */
    record Invocation(Checker.Request request, boolean json, Locale locale) {
    }

    /** The options of {@code check} that take one value (given once). */
    private static final Set<String> SINGLE = Set.of("--tls-cert", "--message", "--vihf", "--submission",
            "--content-type", "--at", "--policy", "--format", "--lang");

    private CheckArgs() {
    }

    /**
     * The invocation of {@code args[from..]} (the arguments after {@code check}), or null when picocli must parse them.
     *
     * @param args the command line
     * @param from index of the first argument after the subcommand name
     * @return the invocation, or null
     */
    static Invocation parse(String[] args, int from) {
        try {
            return read(args, from);
        } catch (IllegalArgumentException e) { // InvalidPathException, an unknown language
            return null; // picocli says what is wrong
        }
    }

    private static Invocation read(String[] args, int from) {
        Map<String, String> single = new HashMap<>();
        boolean trustTest = false;
        List<String> cda = new ArrayList<>();
        List<Path> directory = new ArrayList<>();
        List<Path> trust = new ArrayList<>();
        List<Path> crl = new ArrayList<>();
        int i = from;
        while (i < args.length) {
            String arg = args[i++];
            if (arg == null || !arg.startsWith("--")) {
                return null; // positional, short option, "-", "@file"
            }
            String name = arg;
            String attached = null;
            int eq = arg.indexOf('=');
            if (eq >= 0) {
                name = arg.substring(0, eq);
                attached = arg.substring(eq + 1);
                if (attached.isEmpty()) {
                    return null;
                }
            }
            switch (name) {
                case "--trust-test" -> {
                    if (attached != null || trustTest) {
                        return null;
                    }
                    trustTest = true;
                }
                case "--cda", "--directory", "--trust", "--crl" -> {
                    List<String> values = new ArrayList<>();
                    if (attached != null) {
                        values.add(attached);
                        if (i < args.length && !isOptionLike(args[i])) {
                            return null; // "--crl=a b": left to picocli
                        }
                    } else {
                        while (i < args.length && !isOptionLike(args[i])) {
                            values.add(args[i++]);
                        }
                        if (values.isEmpty()) {
                            return null; // arity 1..*: picocli reports the missing value
                        }
                    }
                    for (String v : values) {
                        if (v.isEmpty() || v.startsWith("@")) {
                            return null;
                        }
                        switch (name) {
                            case "--cda" -> cda.add(v);
                            case "--directory" -> directory.add(Path.of(v));
                            case "--trust" -> trust.add(Path.of(v));
                            default -> crl.add(Path.of(v));
                        }
                    }
                }
                default -> {
                    String value = attached;
                    if (value == null) {
                        if (i >= args.length) {
                            return null;
                        }
                        value = args[i++];
                        if (value.isEmpty() || value.startsWith("@") || (value.startsWith("-") && !value.equals("-"))) {
                            return null;
                        }
                    } else if (value.startsWith("@")) {
                        return null;
                    }
                    if (!SINGLE.contains(name) || single.putIfAbsent(name, value) != null) {
                        return null; // --help, --version, an unknown or repeated option
                    }
                }
            }
        }
        String tlsCert = single.get("--tls-cert");
        String message = single.get("--message");
        String vihf = single.get("--vihf");
        String submission = single.get("--submission");
        String format = single.get("--format");
        String lang = single.get("--lang");
        String policy = single.get("--policy");
        if (format != null && !(format.equals("text") || format.equals("json"))) {
            return null;
        }
        if (tlsCert == null || (message == null) == (vihf == null)) {
            return null;
        }
        if (message != null && (submission != null || !cda.isEmpty())) {
            return null;
        }
        Locale locale = lang == null ? Locale.FRENCH : Messages.parseLanguage(lang);
        Checker.Request request = new Checker.Request(Path.of(tlsCert), message == null ? null : Path.of(message),
                vihf == null ? null : Path.of(vihf), submission == null ? null : Path.of(submission), cda,
                single.get("--content-type"), directory, trust, trustTest, crl, single.get("--at"),
                policy == null ? null : Path.of(policy));
        return new Invocation(request, "json".equals(format), locale);
    }

    /** An argument that ends a list of values: every option of {@code check} starts with {@code -}. */
    private static boolean isOptionLike(String arg) {
        return arg.startsWith("-") || arg.startsWith("@");
    }
}
