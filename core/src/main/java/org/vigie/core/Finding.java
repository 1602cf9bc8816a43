package org.vigie.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One observation of a check: the rule it belongs to (a rule of the public catalogue {@link Rules}), its severity,
 * its message (an entry of the {@link Messages} catalogue and its arguments, in French or English), where it was
 * seen ({@link Location}) and, when useful, the offending value. Immutable.
 */
public final class Finding {

    private final Rule rule;
    private final Severity severity;
    private final String messageKey;
    private final List<Object> arguments;
    private final String literal;
    private final Location location;
    private final String evidence;

    private Finding(Rule rule, Severity severity, String messageKey, List<Object> arguments, String literal,
                    Location location, String evidence) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.messageKey = messageKey;
        this.arguments = arguments;
        this.literal = literal;
        this.location = location == null ? Location.NONE : location;
        this.evidence = evidence == null ? "" : evidence;
    }

    /**
     * A finding whose message is the catalogue entry {@code rule.id() + "." + name}.
     *
     * @param rule      the rule
     * @param severity  the severity applied (the rule's default unless a policy changed it)
     * @param name      the message's name within the rule ({@code absent} for {@code VIHF-ISSUER.absent})
     * @param location  where; {@link Location#NONE} for the whole input
     * @param evidence  the offending value, or an empty string
     * @param arguments the values of the message's placeholders, in order; a {@link Messages.Text} is written in the
     *                  language the message is asked in, anything else as {@code String.valueOf}
     * @throws IllegalArgumentException when the catalogue has no such message
     */
    public static Finding of(Rule rule, Severity severity, String name, Location location, String evidence,
                             Object... arguments) {
        String key = rule.id() + "." + Objects.requireNonNull(name, "name");
        if (!Messages.has(key)) {
            throw new IllegalArgumentException("no message " + key + " in the catalogue");
        }
        List<Object> args = new ArrayList<>(arguments.length);
        for (Object a : arguments) {
            args.add(a instanceof Messages.Text ? a : String.valueOf(a)); // a Text is written in the finding's language
        }
        return new Finding(rule, severity, key, Collections.unmodifiableList(args), null, location, evidence);
    }

    /** {@link #of(Rule, Severity, String, Location, String, Object...)} with the rule's default severity. */
    public static Finding of(Rule rule, String name, Location location, String evidence, Object... arguments) {
        return of(rule, rule.defaultSeverity(), name, location, evidence, arguments);
    }

    /** This finding with another severity (a policy changed it). */
    public Finding withSeverity(Severity s) {
        return s == severity ? this : new Finding(rule, s, messageKey, arguments, literal, location, evidence);
    }

    /** This finding seen at another place (a finding re-attributed to the input it came from). */
    public Finding at(Location other) {
        return new Finding(rule, severity, messageKey, arguments, literal, other, evidence);
    }

    /** This finding with {@code prefix} before its location (a part read inside a larger input). */
    public Finding under(Location prefix) {
        return new Finding(rule, severity, messageKey, arguments, literal, prefix.then(location), evidence);
    }

    /** The rule. */
    public Rule rule() {
        return rule;
    }

    /** The rule's public id, e.g. {@code VIHF-STRUCT-EQ}. */
    public String ruleId() {
        return rule.id();
    }

    public Severity severity() {
        return severity;
    }

    /** The message in French (the default language). */
    public String message() {
        return message(Locale.FRENCH);
    }

    /** The message in {@code locale}'s language: English for an English locale, French otherwise. */
    public String message(Locale locale) {
        if (messageKey == null) {
            return literal;
        }
        List<String> args = new ArrayList<>(arguments.size());
        for (Object a : arguments) {
            args.add(a instanceof Messages.Text t ? t.render(locale) : (String) a);
        }
        return Messages.format(messageKey, locale, args);
    }

    /** The catalogue key of the message, e.g. {@code VIHF-ISSUER.absent}. */
    public String messageKey() {
        return messageKey == null ? rule.id() : messageKey;
    }

    /** The arguments of the message, as French text. */
    public List<String> arguments() {
        if (arguments == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(arguments.size());
        for (Object a : arguments) {
            out.add(a instanceof Messages.Text t ? t.render(Locale.FRENCH) : (String) a);
        }
        return Collections.unmodifiableList(out);
    }

    /** Where the finding was made; {@link Location#NONE} when it is about the whole input. */
    public Location location() {
        return location;
    }

    /** The value that caused the finding, or an empty string. */
    public String evidence() {
        return evidence;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Finding f && f.rule.equals(rule) && f.severity == severity
                && Objects.equals(f.messageKey, messageKey) && Objects.equals(f.arguments, arguments)
                && Objects.equals(f.literal, literal) && f.location.equals(location) && f.evidence.equals(evidence);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, severity, messageKey, arguments, location, evidence);
    }

    @Override
    public String toString() {
        return severity + " " + rule.id() + " @" + location + ": " + message() + (evidence.isEmpty() ? "" : " [" + evidence + "]");
    }

    // ---- transitional: free-text messages and string locations, while the modules move to the catalogue ----

    /** @deprecated use {@link #of(Rule, String, Location, String, Object...)} with a catalogue message */
    @Deprecated(forRemoval = true)
    public static Finding of(Rule rule, String message, String location, String evidence) {
        return of(rule, rule.defaultSeverity(), message, location, evidence);
    }

    /** @deprecated use {@link #of(Rule, Severity, String, Location, String, Object...)} with a catalogue message */
    @Deprecated(forRemoval = true)
    public static Finding of(Rule rule, Severity severity, String message, String location, String evidence) {
        return new Finding(rule, severity, null, null, Objects.requireNonNull(message, "message"),
                location == null ? Location.NONE : Location.parse(location), evidence);
    }
}
