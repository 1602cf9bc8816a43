package org.vigie.core;

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
    /** The catalogue message and its arguments. */
    private final Messages.Text text;
    private final Location location;
    private final String evidence;

    private Finding(Rule rule, Severity severity, Messages.Text text, Location location, String evidence) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.text = Objects.requireNonNull(text, "text");
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
        Messages.Text text = Messages.text(rule.id() + "." + Objects.requireNonNull(name, "name"), arguments);
        return new Finding(rule, severity, text, location, evidence);
    }

    /** {@link #of(Rule, Severity, String, Location, String, Object...)} with the rule's default severity. */
    public static Finding of(Rule rule, String name, Location location, String evidence, Object... arguments) {
        return of(rule, rule.defaultSeverity(), name, location, evidence, arguments);
    }

    /** This finding with another severity (a policy changed it). */
    public Finding withSeverity(Severity s) {
        return s == severity ? this : new Finding(rule, s, text, location, evidence);
    }

    /** This finding seen at another place (a finding re-attributed to the input it came from). */
    public Finding at(Location other) {
        return new Finding(rule, severity, text, other, evidence);
    }

    /** This finding with {@code prefix} before its location (a part read inside a larger input). */
    public Finding under(Location prefix) {
        return new Finding(rule, severity, text, prefix.then(location), evidence);
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
        return text.render(locale);
    }

    /** The catalogue key of the message, e.g. {@code VIHF-ISSUER.absent}. */
    public String messageKey() {
        return text.key();
    }

    /** The message not yet rendered: its catalogue key and arguments (to nest it in another text). */
    public Messages.Text text() {
        return text;
    }

    /** The arguments of the message, as French text. */
    public List<String> arguments() {
        return text.arguments(Locale.FRENCH);
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
                && f.text.equals(text) && f.location.equals(location) && f.evidence.equals(evidence);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, severity, text, location, evidence);
    }

    @Override
    public String toString() {
        return severity + " " + rule.id() + " @" + location + ": " + message() + (evidence.isEmpty() ? "" : " [" + evidence + "]");
    }
}
