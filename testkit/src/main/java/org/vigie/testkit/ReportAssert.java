package org.vigie.testkit;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
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
 * ReportAssert.assertThat(report).isRejected().hasFinding("AI-SAME-EJ").hasNoFinding("VIHF-SIGNATURE");
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

    /** @return the report, for checks this class does not offer */
    public Report report() {
        return report;
    }

    private void fail(String what) {
        throw new AssertionError(what + System.lineSeparator() + "rapport : " + report);
    }
}
