package org.vigie.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void aReportWithoutErrorIsAcceptedWarningsAndInfosIncluded() {
        Report r = Report.builder()
                .add(Rules.ID_KEY, "saml-structure", Location.of("VIHF"), "10B0152872", "10B0152872", "FINESS")
                .add(Rules.VIHF_STRUCT_EQ, Severity.INFO, "ejeg-accepted", Location.of("VIHF"), "1750100125",
                        "1750100125", "1750712184")
                .build();
        assertThat(r.accepted()).isTrue();
        assertThat(Report.empty().accepted()).isTrue();
    }

    @Test
    void oneErrorRejectsTheReport() {
        Report r = Report.builder()
                .add(Rules.ID_KEY, "saml-structure", Location.of("VIHF"), "", "10B0152872", "FINESS")
                .add(Rules.AI_SAME_EJ, "different-other-ej", Location.of("SubmissionSet"), "1010780195", "1010780195",
                        "1750100125", "010780195", "750712184")
                .build();
        assertThat(r.accepted()).isFalse();
        assertThat(r.toString()).startsWith("REJECTED");
    }

    @Test
    void keepsFindingsInOrderAndFiltersByRuleAndSeverity() {
        Report r = Report.builder()
                .add(Rules.AI_SAME_EJ, "no-vihf-structure", Location.of("l1"), "a")
                .add(Rules.ID_KEY, "saml-tls", Location.of("l2"), "b", "b")
                .add(Rules.AI_SAME_EJ, "no-vihf-structure", Location.of("l3"), "c")
                .build();
        // each finding carries its name as evidence
        assertThat(r.findings()).extracting(Finding::evidence).containsExactly("a", "b", "c");
        assertThat(r.byRule(Rules.AI_SAME_EJ)).extracting(f -> f.location().toString()).containsExactly("l1", "l3");
        assertThat(r.byRule("ID-KEY")).hasSize(1);
        assertThat(r.bySeverity(Severity.WARNING)).extracting(Finding::ruleId).containsExactly("ID-KEY");
        assertThat(r.bySeverity(Severity.INFO)).isEmpty();
        assertThat(r.has(Rules.ID_KEY)).isTrue();
        assertThat(r.has(Rules.VIHF_XML)).isFalse();
        assertThat(r.rulesFired()).containsExactly("AI-SAME-EJ", "ID-KEY");
    }

    @Test
    void findingsTakeTheRuleDefaultSeverityUnlessGivenOne() {
        assertThat(Finding.of(Rules.ID_KEY, "saml-tls", Location.of("l"), "e", "e").severity())
                .isEqualTo(Severity.WARNING);
        assertThat(Finding.of(Rules.ID_KEY, Severity.ERROR, "saml-tls", Location.of("l"), "e", "e").severity())
                .isEqualTo(Severity.ERROR);
        assertThat(Finding.of(Rules.ID_KEY, "saml-tls", null, null, "e").evidence()).isEmpty();
        assertThatThrownBy(() -> Finding.of(null, Severity.INFO, "saml-tls", Location.NONE, ""))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void mergeKeepsBothFindingListsInOrderAndTheFirstInstant() {
        Instant t = Instant.parse("2026-05-12T10:00:00Z");
        Report a = Report.builder().add(Rules.ID_KEY, "saml-tls", Location.NONE, "a", "a").evaluatedAt(t).build();
        Report b = Report.builder().add(Rules.AI_PRESENT, "no-author-set", Location.NONE, "b")
                .evaluatedAt(t.plusSeconds(5)).build();
        Report m = a.merge(b);
        // each finding carries its name as evidence
        assertThat(m.findings()).extracting(Finding::evidence).containsExactly("a", "b");
        assertThat(m.evaluatedAt()).contains(t);
        assertThat(m.accepted()).isFalse();
        assertThat(a.findings()).hasSize(1);
    }

    @Test
    void isImmutable() {
        Report r = Report.builder().add(Rules.ID_KEY, "saml-tls", Location.NONE, "", "a").build();
        assertThatThrownBy(() -> r.findings().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.byRule(Rules.ID_KEY).clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
