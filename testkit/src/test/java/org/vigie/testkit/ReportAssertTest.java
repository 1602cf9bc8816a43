package org.vigie.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.Severity;

class ReportAssertTest {

    static final Report ACCEPTED = Report.builder()
            .add(Rules.ID_KEY, "clé FINESS invalide", "Identifiant_Structure", "10B0152872").build();
    static final Report REJECTED = Report.builder()
            .add(Rules.AI_SAME_EJ, "authorInstitution hors de l'EJ", "SubmissionSet", "1750712184")
            .add(Rules.AI_SAME_EJ, "authorInstitution hors de l'EJ", "doc1", "1750712184")
            .add(Rules.VIHF_ALGORITHM, "signature SHA-1", "Signature", "rsa-sha1").build();

    @Test
    void passingAssertionsChain() {
        assertThatCode(() -> ReportAssert.assertThat(ACCEPTED).isAccepted().hasFinding("ID-KEY")
                .hasFinding("ID-KEY", Severity.WARNING).hasNoFinding("AI-SAME-EJ").hasOnlyRules("ID-KEY")
                .hasFindingCount("ID-KEY", 1)).doesNotThrowAnyException();
        assertThatCode(() -> ReportAssert.assertThat(REJECTED).isRejected().hasFinding(Rules.AI_SAME_EJ)
                .hasFindingWithMessageContaining("AI-SAME-EJ", "hors de l'EJ").hasOnlyRules("VIHF-ALGORITHM", "AI-SAME-EJ")
                .hasFindingCount("AI-SAME-EJ", 2).hasNoFinding(Rules.VIHF_SIGNATURE)).doesNotThrowAnyException();
        assertThatCode(() -> ReportAssert.assertThat(Report.empty()).isAccepted().hasNoFindings())
                .doesNotThrowAnyException();
    }

    @Test
    void failingAssertionsThrowAssertionErrorWithTheReport() {
        assertThatThrownBy(() -> ReportAssert.assertThat(REJECTED).isAccepted())
                .isInstanceOf(AssertionError.class).hasMessageContaining("AI-SAME-EJ");
        assertThatThrownBy(() -> ReportAssert.assertThat(ACCEPTED).isRejected()).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ReportAssert.assertThat(ACCEPTED).hasFinding("AI-SAME-EJ"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ID-KEY");
        assertThatThrownBy(() -> ReportAssert.assertThat(REJECTED).hasNoFinding("VIHF-ALGORITHM"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ReportAssert.assertThat(REJECTED).hasOnlyRules("AI-SAME-EJ"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ReportAssert.assertThat(ACCEPTED).hasFinding("ID-KEY", Severity.ERROR))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ReportAssert.assertThat(REJECTED).hasFindingWithMessageContaining("AI-SAME-EJ", "zzz"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ReportAssert.assertThat(REJECTED).hasFindingCount("AI-SAME-EJ", 1))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ReportAssert.assertThat(ACCEPTED).hasNoFindings()).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ReportAssert.assertThat(null)).isInstanceOf(AssertionError.class);
    }
}
