package org.vigie.core;

import java.util.Objects;

/**
 * One observation of a check: the rule it belongs to (a public id of the rule catalogue), its severity,
 * a human message, where it was seen and, when useful, the offending value.
 *
 * @param rule     rule id, one of {@link Rules}
 * @param severity severity actually applied (the rule's default unless a policy changed it)
 * @param message  human-readable message (French by default)
 * @param location where the finding was made (e.g. {@code VIHF/Attribute[Identifiant_Structure]}), never null
 * @param evidence the value that caused the finding, or an empty string
 */
public record Finding(String rule, Severity severity, String message, String location, String evidence) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        location = location == null ? "" : location;
        evidence = evidence == null ? "" : evidence;
    }

    /** A finding with the rule's default severity. */
    public static Finding of(Rule rule, String message, String location, String evidence) {
        return new Finding(rule.id(), rule.defaultSeverity(), message, location, evidence);
    }

    /** A finding with an explicit severity (a policy changed it). */
    public static Finding of(Rule rule, Severity severity, String message, String location, String evidence) {
        return new Finding(rule.id(), severity, message, location, evidence);
    }

    @Override
    public String toString() {
        return severity + " " + rule + " @" + location + ": " + message + (evidence.isEmpty() ? "" : " [" + evidence + "]");
    }
}
