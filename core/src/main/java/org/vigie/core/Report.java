package org.vigie.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The complete answer of a check: every finding, in the order they were made, the authorInstitution
 * occurrence table when control 2 ran, and the evaluation instant. Immutable.
 */
public final class Report {

    private static final Report EMPTY = new Report(List.of(), List.of(), null, null);

    private final List<Finding> findings;
    private final List<Occurrence> occurrences;
    private final Instant evaluatedAt;
    private final PolicyProfile profile;

    private Report(List<Finding> findings, List<Occurrence> occurrences, Instant evaluatedAt, PolicyProfile profile) {
        this.findings = findings;
        this.occurrences = occurrences;
        this.evaluatedAt = evaluatedAt;
        this.profile = profile;
    }

    public static Report empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All findings, in order. */
    public List<Finding> findings() {
        return findings;
    }

    /** The authorInstitution occurrences seen by control 2 (empty when control 2 did not run). */
    public List<Occurrence> occurrences() {
        return occurrences;
    }

    /** The instant the checks were evaluated at, when known. */
    public Optional<Instant> evaluatedAt() {
        return Optional.ofNullable(evaluatedAt);
    }

    /** The policy profile the checks ran under (its id and the relaxations it allows), when known. */
    public Optional<PolicyProfile> profile() {
        return Optional.ofNullable(profile);
    }

    /** True when no finding is an {@link Severity#ERROR}. */
    public boolean accepted() {
        for (Finding f : findings) {
            if (f.severity() == Severity.ERROR) {
                return false;
            }
        }
        return true;
    }

    public List<Finding> byRule(String ruleId) {
        return filter(f -> f.ruleId().equals(ruleId));
    }

    public List<Finding> byRule(Rule rule) {
        return filter(f -> f.rule().equals(rule));
    }

    public List<Finding> bySeverity(Severity severity) {
        return filter(f -> f.severity() == severity);
    }

    public boolean has(String ruleId) {
        return findings.stream().anyMatch(f -> f.ruleId().equals(ruleId));
    }

    public boolean has(Rule rule) {
        return has(rule.id());
    }

    public List<Finding> filter(Predicate<Finding> predicate) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (predicate.test(f)) {
                out.add(f);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The distinct rule ids fired, in order of first appearance. */
    public List<String> rulesFired() {
        return findings.stream().map(Finding::ruleId).distinct().toList();
    }

    /** A new report holding this report's findings then the other's; keeps this report's instant if set. */
    public Report merge(Report other) {
        return builder().addAll(this).addAll(other).evaluatedAt(evaluatedAt != null ? evaluatedAt : other.evaluatedAt)
                .profile(profile != null ? profile : other.profile).build();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(accepted() ? "ACCEPTED" : "REJECTED");
        if (profile != null) {
            sb.append(" (").append(profile.id()).append(')');
        }
        for (Finding f : findings) {
            sb.append(System.lineSeparator()).append("  ").append(f);
        }
        return sb.toString();
    }

    /** Collects findings; not thread-safe. */
    public static final class Builder {
        private final List<Finding> findings = new ArrayList<>();
        private final List<Occurrence> occurrences = new ArrayList<>();
        private Instant evaluatedAt;
        private PolicyProfile profile;

        private Builder() {
        }

        public Builder add(Finding finding) {
            findings.add(Objects.requireNonNull(finding, "finding"));
            return this;
        }

        /** Adds the finding of {@code rule} whose message is the catalogue entry {@code rule.id() + "." + name}. */
        public Builder add(Rule rule, String name, Location location, String evidence, Object... arguments) {
            return add(Finding.of(rule, name, location, evidence, arguments));
        }

        /** As {@link #add(Rule, String, Location, String, Object...)}, with the severity a policy chose. */
        public Builder add(Rule rule, Severity severity, String name, Location location, String evidence,
                           Object... arguments) {
            return add(Finding.of(rule, severity, name, location, evidence, arguments));
        }

        public Builder addAll(Report report) {
            findings.addAll(report.findings);
            occurrences.addAll(report.occurrences);
            if (profile == null) {
                profile = report.profile;
            }
            return this;
        }

        public Builder addOccurrence(Occurrence occurrence) {
            occurrences.add(Objects.requireNonNull(occurrence, "occurrence"));
            return this;
        }

        public Builder evaluatedAt(Instant instant) {
            this.evaluatedAt = instant;
            return this;
        }

        /** The policy profile the checks ran under. */
        public Builder profile(PolicyProfile profile) {
            this.profile = profile;
            return this;
        }

        public boolean has(Rule rule) {
            return findings.stream().anyMatch(f -> f.rule().equals(rule));
        }

        public Report build() {
            return new Report(List.copyOf(findings), List.copyOf(occurrences), evaluatedAt, profile);
        }
    }
}
