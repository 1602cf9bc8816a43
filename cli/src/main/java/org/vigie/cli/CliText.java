package org.vigie.cli;

import org.vigie.core.LocalizedArgumentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.vigie.core.Messages;

/**
 * The command line's own texts (fixed lines and error messages of {@code check}), in French and English:
 * {@code messages/cli.properties} and {@code messages/cli_en.properties}, the same keys in both (tested), numbered
 * placeholders {@code {0}}… replaced as they are.
 */
final class CliText {

    private static final Map<String, String> FR = load("");
    private static final Map<String, String> EN = load("_en");

    private CliText() {
    }

    /** A message not yet rendered: a key of the table and its arguments. */
    record Msg(String key, List<Object> args) {
        Msg {
            if (!FR.containsKey(key)) {
                throw new IllegalArgumentException("no CLI text " + key);
            }
            args = List.copyOf(args);
        }

        String render(Locale locale) {
            return get(locale, key, args.toArray());
        }

        @Override
        public String toString() {
            return render(Locale.FRENCH);
        }
    }

    static Msg msg(String key, Object... args) {
        Object[] a = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            a[i] = args[i] == null ? "null" : args[i];
        }
        return new Msg(key, List.of(a));
    }

    /** The text {@code key} in {@code locale}'s language; a {@link Msg} argument is rendered in the same language. */
    static String get(Locale locale, String key, Object... args) {
        String pattern = (Messages.language(locale) == Locale.ENGLISH ? EN : FR).getOrDefault(key, FR.get(key));
        if (pattern == null) {
            throw new IllegalArgumentException("no CLI text " + key);
        }
        StringBuilder sb = new StringBuilder(pattern.length() + 32);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && close - i <= 3 && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int k = Integer.parseInt(pattern.substring(i + 1, close));
                Object a = k < args.length ? args[k] : null;
                sb.append(a == null ? pattern.substring(i, close + 1)
                        : a instanceof Msg m ? m.render(locale) : a instanceof Messages.Text t ? t.render(locale)
                        : a instanceof LocalizedArgumentException e ? e.message(locale)
                        : a instanceof Throwable e ? String.valueOf(e.getMessage()) : String.valueOf(a));
                i = close;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The keys of one language's table. */
    static Set<String> keys(Locale locale) {
        return Collections.unmodifiableSet((Messages.language(locale) == Locale.ENGLISH ? EN : FR).keySet());
    }

    /** The raw pattern of {@code key} (for the completeness test). */
    static String pattern(Locale locale, String key) {
        return (Messages.language(locale) == Locale.ENGLISH ? EN : FR).get(key);
    }

    private static Map<String, String> load(String suffix) {
        String name = "messages/cli" + suffix + ".properties";
        try (InputStream in = CliText.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the jar");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> m = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
            return Collections.unmodifiableMap(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
