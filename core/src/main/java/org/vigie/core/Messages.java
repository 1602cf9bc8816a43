package org.vigie.core;

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

/**
 * The message catalogue of the findings, in French (the default) and English: one entry per message of each rule,
 * keyed {@code RULE-ID.name} ({@code VIHF-ISSUER.absent}), with numbered placeholders {@code {0}}, {@code {1}}…
 * replaced by the finding's arguments as they are (no other syntax: an apostrophe is an apostrophe). Both languages
 * hold the same keys, and every rule of {@link Rules} has at least one message (tested).
 */
public final class Messages {

    /** The languages of the catalogue. */
    public static final List<Locale> LOCALES = List.of(Locale.FRENCH, Locale.ENGLISH);

    /**
     * The parts of the catalogue, one per module that makes findings; each part is {@code messages/PART.properties}
     * (French) and {@code messages/PART_en.properties} (English). A key appears in one part only.
     */
    public static final List<String> PARTS = List.of("core", "saml", "cda", "dmp", "doctrine");

    private static final Map<String, String> FR = load("");
    private static final Map<String, String> EN = load("_en");

    private Messages() {
    }

    /** The keys of the catalogue, sorted. */
    public static Set<String> keys(Locale locale) {
        return Collections.unmodifiableSet(table(locale).keySet());
    }

    /** True when the catalogue has {@code key}. */
    public static boolean has(String key) {
        return FR.containsKey(key);
    }

    /** The message {@code key} in {@code locale} (French unless the language is English), arguments in place. */
    public static String format(String key, Locale locale, List<String> arguments) {
        String pattern = table(locale).get(key);
        if (pattern == null) {
            pattern = FR.get(key);
        }
        if (pattern == null) {
            throw new IllegalArgumentException("no message " + key);
        }
        return substitute(pattern, arguments);
    }

    /**
     * A catalogue message not yet rendered, to be passed as an argument of a finding (or of another text) so that it
     * is written in the finding's language: e.g. why a certificate is not trusted, inside the CERT-TRUST message.
     *
     * @param key       catalogue key
     * @param arguments its placeholders' values: text, or other {@code Text}s
     */
    public record Text(String key, List<Object> arguments) {
        public Text {
            if (!has(key)) {
                throw new IllegalArgumentException("no message " + key + " in the catalogue");
            }
            arguments = List.copyOf(arguments);
        }

        /** The text in {@code locale}'s language. */
        public String render(Locale locale) {
            return format(key, locale, arguments(locale));
        }

        /** The arguments as text, a nested {@code Text} written in {@code locale}'s language. */
        public List<String> arguments(Locale locale) {
            List<String> args = new java.util.ArrayList<>(arguments.size());
            for (Object a : arguments) {
                args.add(a instanceof Text t ? t.render(locale) : String.valueOf(a));
            }
            return Collections.unmodifiableList(args);
        }

        @Override
        public String toString() {
            return render(Locale.FRENCH);
        }
    }

    /** A {@link Text} of the catalogue key {@code key}. */
    public static Text text(String key, Object... arguments) {
        List<Object> args = new java.util.ArrayList<>(arguments.length);
        for (Object a : arguments) {
            args.add(a instanceof Text ? a : String.valueOf(a));
        }
        return new Text(key, args);
    }

    /** The language used for {@code locale}: English for any English locale, French otherwise. */
    public static Locale language(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
    }

    /** Reads a {@code --lang} value: {@code fr} or {@code en} (case-insensitive). */
    public static Locale parseLanguage(String tag) {
        String t = tag == null ? "" : tag.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "fr" -> Locale.FRENCH;
            case "en" -> Locale.ENGLISH;
            default -> throw new IllegalArgumentException("unknown language '" + tag + "' (fr or en)");
        };
    }

    private static Map<String, String> table(Locale locale) {
        return language(locale) == Locale.ENGLISH ? EN : FR;
    }

    static String substitute(String pattern, List<String> args) {
        StringBuilder sb = new StringBuilder(pattern.length() + 32);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '{') {
                int close = pattern.indexOf('}', i);
                if (close > i + 1 && close - i <= 3) {
                    String n = pattern.substring(i + 1, close);
                    if (n.chars().allMatch(Character::isDigit)) {
                        int k = Integer.parseInt(n);
                        sb.append(k < args.size() ? args.get(k) : "{" + n + "}");
                        i = close + 1;
                        continue;
                    }
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    private static Map<String, String> load(String suffix) {
        Map<String, String> m = new TreeMap<>();
        for (String part : PARTS) {
            String name = "messages/" + part + suffix + ".properties";
            try (InputStream in = Messages.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("message catalogue " + name + " missing from the jar");
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String k : p.stringPropertyNames()) {
                    if (m.put(k, p.getProperty(k)) != null) {
                        throw new IllegalStateException("message " + k + " defined twice (" + name + ")");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Collections.unmodifiableMap(m);
    }
}
