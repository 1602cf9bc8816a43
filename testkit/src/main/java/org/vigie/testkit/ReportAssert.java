package org.vigie.testkit;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.vigie.core.Finding;
import org.vigie.core.Report;
import org.vigie.core.Rule;
import org.vigie.core.Severity;

/**
 * Fluent assertions on a {@link Report} for integrators' tests. Each failed check throws {@link AssertionError}
 * with the whole report in its message; no test framework is needed.
 *
 * <pre>{@code
 * ReportAssert.assertThat(report).rejected().fires(Rules.AI_SAME_EJ).doesNotFire(Rules.VIHF_SIGNATURE)
 *         .at(Rules.AI_SAME_EJ, "SubmissionSet");
 * }</pre>
 */
public final class ReportAssert {

    private final Report report;

    private ReportAssert(Report report) {
        this.report = report;
    }

    /**
     * Starts assertions on a report.
     *
     * @param report the report under test
     * @return the assertion object
     */
    public static ReportAssert assertThat(Report report) {
        if (report == null) {
            throw new AssertionError("rapport attendu, obtenu null");
        }
        return new ReportAssert(report);
    }

    /**
     * Passes when no finding is an ERROR.
     * @return this
     */
    public ReportAssert isAccepted() {
        if (!report.accepted()) {
            fail("rapport accepté attendu (aucune ERROR)");
        }
        return this;
    }

    /**
     * Passes when at least one finding is an ERROR.
     * @return this
     */
    public ReportAssert isRejected() {
        if (report.accepted()) {
            fail("rapport rejeté attendu (au moins une ERROR)");
        }
        return this;
    }

    /**
     * @param ruleId a rule id such as {@code AI-SAME-EJ}
     * @return this
     */
    public ReportAssert hasFinding(String ruleId) {
        if (!report.has(Objects.requireNonNull(ruleId))) {
            fail("constat " + ruleId + " attendu");
        }
        return this;
    }

    /**
     * @param rule a rule of the catalogue
     * @return this
     */
    public ReportAssert hasFinding(Rule rule) {
        return hasFinding(rule.id());
    }

    /**
     * @param ruleId   a rule id
     * @param severity the severity one of its findings must have
     * @return this
     */
    public ReportAssert hasFinding(String ruleId, Severity severity) {
        for (Finding f : report.byRule(ruleId)) {
            if (f.severity() == severity) {
                return this;
            }
        }
        fail("constat " + ruleId + " de sévérité " + severity + " attendu");
        return this;
    }

    /**
     * @param ruleId a rule id
     * @param text   text one of its findings' messages must contain
     * @return this
     */
    public ReportAssert hasFindingWithMessageContaining(String ruleId, String text) {
        for (Finding f : report.byRule(ruleId)) {
            if (f.message() != null && f.message().contains(text)) {
                return this;
            }
        }
        fail("constat " + ruleId + " dont le message contient \"" + text + "\" attendu");
        return this;
    }

    /**
     * @param ruleIds rule ids none of which may appear
     * @return this
     */
    public ReportAssert hasNoFinding(String... ruleIds) {
        for (String id : ruleIds) {
            if (report.has(id)) {
                fail("aucun constat " + id + " attendu");
            }
        }
        return this;
    }

    /**
     * @param rules rules none of which may appear
     * @return this
     */
    public ReportAssert hasNoFinding(Rule... rules) {
        return hasNoFinding(Arrays.stream(rules).map(Rule::id).toArray(String[]::new));
    }

    /**
     * Passes when the report holds no finding at all (not even INFO or WARNING).
     * @return this
     */
    public ReportAssert hasNoFindings() {
        if (!report.findings().isEmpty()) {
            fail("aucun constat attendu");
        }
        return this;
    }

    /**
     * Passes when the set of rules fired is exactly the given set (order and repetitions ignored).
     *
     * @param ruleIds the expected rule ids
     * @return this
     */
    public ReportAssert hasOnlyRules(String... ruleIds) {
        Set<String> expected = new LinkedHashSet<>(List.of(ruleIds));
        Set<String> actual = new LinkedHashSet<>(report.rulesFired());
        if (!expected.equals(actual)) {
            fail("règles attendues exactement " + expected + ", obtenues " + actual);
        }
        return this;
    }

    /**
     * @param ruleId a rule id
     * @param count  the exact number of its findings
     * @return this
     */
    public ReportAssert hasFindingCount(String ruleId, int count) {
        int n = report.byRule(ruleId).size();
        if (n != count) {
            fail(count + " constat(s) " + ruleId + " attendu(s), " + n + " obtenu(s)");
        }
        return this;
    }

    // ------------------------------------------------------------------ rule-typed vocabulary

    /**
     * Same as {@link #isAccepted()}.
     * @return this
     */
    public ReportAssert accepted() {
        return isAccepted();
    }

    /**
     * Same as {@link #isRejected()}.
     * @return this
     */
    public ReportAssert rejected() {
        return isRejected();
    }

    /**
     * Passes when the rule has at least one finding.
     *
     * @param rule a rule of the catalogue
     * @return this
     */
    public ReportAssert fires(Rule rule) {
        return hasFinding(rule);
    }

    /**
     * Passes when the rule has at least one finding of that severity.
     *
     * @param rule     a rule of the catalogue
     * @param severity the severity one of its findings must have
     * @return this
     */
    public ReportAssert fires(Rule rule, Severity severity) {
        return hasFinding(rule.id(), severity);
    }

    /**
     * Passes when the rule has exactly {@code count} findings.
     *
     * @param rule  a rule of the catalogue
     * @param count the exact number of its findings
     * @return this
     */
    public ReportAssert firesTimes(Rule rule, int count) {
        return hasFindingCount(rule.id(), count);
    }

    /**
     * Passes when the rules fired are exactly these (order and repetitions ignored); no rule passes only an empty
     * report.
     *
     * @param rules the expected rules
     * @return this
     */
    public ReportAssert firesOnly(Rule... rules) {
        return hasOnlyRules(Arrays.stream(rules).map(Rule::id).toArray(String[]::new));
    }

    /**
     * Passes when none of these rules has a finding.
     *
     * @param rules rules none of which may appear
     * @return this
     */
    public ReportAssert doesNotFire(Rule... rules) {
        return hasNoFinding(rules);
    }

    /**
     * Passes when the rule has a finding at exactly this location (the text of {@link Finding#location()}, as the
     * reports show it, e.g. {@code VIHF/Attribute[Identifiant_Structure]}).
     *
     * @param rule     a rule of the catalogue
     * @param location the location text
     * @return this
     */
    public ReportAssert at(Rule rule, String location) {
        Objects.requireNonNull(location, "location");
        for (Finding f : report.byRule(rule)) {
            if (location.equals(f.location().toString())) {
                return this;
            }
        }
        fail("constat " + rule.id() + " à l'emplacement \"" + location + "\" attendu");
        return this;
    }

    /**
     * Passes when the rule has a finding whose French message contains {@code text}.
     *
     * @param rule a rule of the catalogue
     * @param text text one of its findings' messages must contain
     * @return this
     */
    public ReportAssert withMessageContaining(Rule rule, String text) {
        return hasFindingWithMessageContaining(rule.id(), text);
    }

    /**
     * Passes when the rule has a finding whose message in {@code locale} contains {@code text}.
     *
     * @param rule   a rule of the catalogue
     * @param locale the language of the message (French or English)
     * @param text   text one of its findings' messages must contain
     * @return this
     */
    public ReportAssert withMessageContaining(Rule rule, Locale locale, String text) {
        for (Finding f : report.byRule(rule)) {
            String m = f.message(locale);
            if (m != null && m.contains(text)) {
                return this;
            }
        }
        fail("constat " + rule.id() + " dont le message (" + locale + ") contient \"" + text + "\" attendu");
        return this;
    }

    /**
     * Passes when every finding of the rule has this severity (and there is at least one).
     *
     * @param rule     a rule of the catalogue
     * @param severity the severity all its findings must have
     * @return this
     */
    public ReportAssert severity(Rule rule, Severity severity) {
        List<Finding> fs = report.byRule(rule);
        if (fs.isEmpty() || !fs.stream().allMatch(f -> f.severity() == severity)) {
            fail("constats " + rule.id() + " tous de sévérité " + severity + " attendus");
        }
        return this;
    }

    /**
     * Passes when every finding of the report is of one of these severities (e.g. only INFO and WARNING).
     *
     * @param severities the severities allowed
     * @return this
     */
    public ReportAssert onlySeverities(Severity... severities) {
        Set<Severity> allowed = Set.of(severities);
        for (Finding f : report.findings()) {
            if (!allowed.contains(f.severity())) {
                fail("constats de sévérité " + allowed + " seulement attendus, " + f.ruleId() + " est " + f.severity());
            }
        }
        return this;
    }

    /**
     * The single finding of a rule, for checks this class does not offer (its evidence, its arguments...).
     *
     * @param rule a rule of the catalogue
     * @return its only finding
     * @throws AssertionError when the rule has no finding or several
     */
    public Finding single(Rule rule) {
        List<Finding> fs = report.byRule(rule);
        if (fs.size() != 1) {
            fail("un seul constat " + rule.id() + " attendu, " + fs.size() + " obtenu(s)");
        }
        return fs.get(0);
    }

    /** @return the report, for checks this class does not offer */
    public Report report() {
        return report;
    }

    private void fail(String what) {
        throw new AssertionError(what + System.lineSeparator() + "rapport : " + report);
    }
}
