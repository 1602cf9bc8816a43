package org.vigie.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vigie.core.Location;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.Severity;

class ReportAssertTest {

    static final Report ACCEPTED = Report.builder()
            .add(Rules.ID_KEY, "saml-structure", Location.of("Identifiant_Structure"), "10B0152872", "10B0152872",
                    "FINESS").build();
    static final Report REJECTED = Report.builder()
            .add(Rules.AI_SAME_EJ, "different-other-ej", Location.of("SubmissionSet"), "1750712184", "1920100013",
                    "1750100125", "920000650", "750712184")
            .add(Rules.AI_SAME_EJ, "different-other-ej", Location.of("doc1"), "1750712184", "1920100013",
                    "1750100125", "920000650", "750712184")
            .add(Rules.VIHF_ALGORITHM, "sha1-signature", Location.of("Signature"), "rsa-sha1", "rsa-sha1").build();

    @Test
    void passingAssertionsChain() {
        assertThatCode(() -> ReportAssert.assertThat(ACCEPTED).isAccepted().hasFinding("ID-KEY")
                .hasFinding("ID-KEY", Severity.WARNING).hasNoFinding("AI-SAME-EJ").hasOnlyRules("ID-KEY")
                .hasFindingCount("ID-KEY", 1)).doesNotThrowAnyException();
        assertThatCode(() -> ReportAssert.assertThat(REJECTED).isRejected().hasFinding(Rules.AI_SAME_EJ)
                .hasFindingWithMessageContaining("AI-SAME-EJ", "hors de l'entité juridique").hasOnlyRules("VIHF-ALGORITHM", "AI-SAME-EJ")
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

    @Test
    void ruleTypedAssertionsPass() {
        assertThatCode(() -> ReportAssert.assertThat(REJECTED).rejected().fires(Rules.AI_SAME_EJ)
                .fires(Rules.AI_SAME_EJ, Severity.ERROR).firesTimes(Rules.AI_SAME_EJ, 2)
                .firesOnly(Rules.AI_SAME_EJ, Rules.VIHF_ALGORITHM).doesNotFire(Rules.VIHF_SIGNATURE, Rules.ID_KEY)
                .at(Rules.AI_SAME_EJ, "doc1").at(Rules.VIHF_ALGORITHM, "Signature")
                .withMessageContaining(Rules.AI_SAME_EJ, "hors de l'entité juridique")
                .withMessageContaining(Rules.VIHF_ALGORITHM, Locale.FRENCH, "SHA-1")
                .severity(Rules.AI_SAME_EJ, Severity.ERROR)).doesNotThrowAnyException();
        assertThatCode(() -> ReportAssert.assertThat(ACCEPTED).accepted().firesOnly(Rules.ID_KEY)
                .severity(Rules.ID_KEY, Severity.WARNING).onlySeverities(Severity.INFO, Severity.WARNING))
                .doesNotThrowAnyException();
        assertThatCode(() -> ReportAssert.assertThat(Report.empty()).firesOnly().onlySeverities())
                .doesNotThrowAnyException();
        assertThat(ReportAssert.assertThat(REJECTED).single(Rules.VIHF_ALGORITHM).evidence()).isEqualTo("rsa-sha1");
    }

    @Test
    void ruleTypedAssertionsFailWithTheReport() {
        assertThatThrownBy(() -> ReportAssert.assertThat(REJECTED).accepted())
                .isInstanceOf(AssertionError.class).hasMessageContaining("AI-SAME-EJ");
        assertThatThrownBy(() -> ReportAssert.assertThat(ACCEPTED).rejected()).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ReportAssert.assertThat(ACCEPTED).fires(Rules.AI_SAME_EJ))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ID-KEY");
        assertThatThrownBy(() -> ReportAssert.assertThat(ACCEPTED).fires(Rules.ID_KEY, Severity.ERROR))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ReportAssert.assertThat(REJECTED).firesTimes(Rules.AI_SAME_EJ, 3))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ReportAssert.assertThat(REJECTED).firesOnly(Rules.AI_SAME_EJ))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ReportAssert.assertThat(ACCEPTED).firesOnly()).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ReportAssert.assertThat(REJECTED).doesNotFire(Rules.VIHF_SIGNATURE, Rules.VIHF_ALGORITHM))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ReportAssert.assertThat(REJECTED).at(Rules.AI_SAME_EJ, "doc2"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("doc2");
        assertThatThrownBy(() -> ReportAssert.assertThat(REJECTED).at(Rules.VIHF_SIGNATURE, "Signature"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ReportAssert.assertThat(REJECTED).withMessageContaining(Rules.AI_SAME_EJ, "zzz"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ReportAssert.assertThat(REJECTED)
                .withMessageContaining(Rules.AI_SAME_EJ, Locale.FRENCH, "zzz")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ReportAssert.assertThat(REJECTED).severity(Rules.AI_SAME_EJ, Severity.WARNING))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ReportAssert.assertThat(ACCEPTED).severity(Rules.AI_SAME_EJ, Severity.WARNING))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ReportAssert.assertThat(REJECTED).onlySeverities(Severity.INFO, Severity.WARNING))
                .isInstanceOf(AssertionError.class).hasMessageContaining("AI-SAME-EJ");
        assertThatThrownBy(() -> ReportAssert.assertThat(REJECTED).single(Rules.AI_SAME_EJ))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> ReportAssert.assertThat(REJECTED).single(Rules.ID_KEY))
                .isInstanceOf(AssertionError.class);
    }
}
