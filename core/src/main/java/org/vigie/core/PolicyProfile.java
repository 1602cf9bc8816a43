package org.vigie.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named, frozen set of choices a check ran under: its id (e.g. {@code dmp-strict/1}) and, in words, each rule
 * it relaxes or tightens against the strict reading of the DMP rules. Every report names its profile, so that a
 * verdict can be read with the policy that made it. A profile never changes once published: a new set of choices is
 * a new id.
 *
 * @param id          stable id, {@code name/version}
 * @param relaxations each departure from the strict profile, one line each (empty for the strict profile), in French;
 *                    {@link #relaxations(Locale)} gives them in English
 */
public record PolicyProfile(String id, List<String> relaxations) {

    public PolicyProfile {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("blank profile id");
        }
        relaxations = List.copyOf(relaxations);
    }

    /**
     * The relaxations in {@code locale}'s language: French as given, or English for an English locale (a line
     * written as {@code <label> : <value> (profil strict : <strict>) [<policy key>]} gets the English label of its
     * key; the fixed lines of the trust anchors are translated; a line the table does not know stays as given).
     */
    public List<String> relaxations(Locale locale) {
        if (Messages.language(locale) != Locale.ENGLISH) {
            return relaxations;
        }
        return relaxations.stream().map(PolicyProfile::english).toList();
    }

    private static final Pattern DEPARTURE = Pattern.compile("(?s)(.*) : (.*) \\(profil strict : (.*)\\)( \\[([^\\]]+)])?");

    static String english(String line) {
        Matcher m = DEPARTURE.matcher(line);
        if (m.matches()) {
            String label = m.group(5) == null ? null : EN.getProperty("label." + m.group(5));
            if (label != null) {
                return label + ": " + m.group(2) + " (strict profile: " + m.group(3) + ") [" + m.group(5) + "]";
            }
        }
        for (int i = 1; EN.getProperty("prefix." + i + ".fr") != null; i++) {
            String fr = EN.getProperty("prefix." + i + ".fr");
            if (line.startsWith(fr)) {
                String rest = line.substring(fr.length()).replace(" (profil strict : ", " (strict profile: ")
                        .replace(" ; ", "; ");
                return EN.getProperty("prefix." + i + ".en") + rest;
            }
        }
        return line;
    }

    private static final Properties EN = load();

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = PolicyProfile.class.getResourceAsStream("messages/profile_en.properties")) {
            if (in == null) {
                throw new IllegalStateException("messages/profile_en.properties missing from the jar");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** True when the profile departs from the strict reading in nothing. */
    public boolean strict() {
        return relaxations.isEmpty();
    }
}
