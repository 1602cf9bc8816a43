package org.vigie.cda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigie.cda.Fixtures.xon;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigie.core.Severity;
import org.vigie.core.StructureId;
import org.vigie.testkit.ReportAssert;

/**
 * The one vocabulary of control 2: {@link AuthorInstitutionValidator#validate} and
 * {@link AuthorInstitutionValidator.Session#finish()} answer an {@link AuthorInstitutionValidation}, with or without the
 * VIHF structure (an overload, no null argument).
 */
class AuthorInstitutionValidationTest {

    static final String EG = "1750100125";
    static final Instant AT = Instant.parse("2025-06-01T10:00:00Z");
    static final AuthorInstitutionValidator VALIDATOR = AuthorInstitutionValidator.builder().build();

    static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    static String submission(String id) {
        return new Fixtures.Submission().ss(xon("H", id)).doc("D1", xon("H", id), id).xml();
    }

    @Test
    void aConsistentSubmissionIsAcceptedWithItsOccurrencesAndWhatWasRead() {
        AuthorInstitutionValidation v = VALIDATOR.validate(bytes(submission(EG)), Map.of(), StructureId.parse(EG), AT);
        assertThat(v.accepted()).isTrue();
        ReportAssert.assertThat(v.report()).accepted();
        assertThat(v.occurrences()).isNotEmpty().isEqualTo(v.report().occurrences());
        assertThat(v.metadata().entries()).extracting(XdsMetadata.DocumentEntry::id).containsExactly("D1");
        assertThat(v.vihfStructure()).contains(StructureId.parse(EG));
        assertThat(v.attachmentHeaders()).isEmpty();
    }

    @Test
    void anInconsistentSubmissionIsRefused() {
        String xml = new Fixtures.Submission().ss(xon("H", EG)).doc("D1", xon("H", "1750100133"), EG).xml();
        AuthorInstitutionValidation v = VALIDATOR.validate(bytes(xml), Map.of(), StructureId.parse(EG), AT);
        assertThat(v.accepted()).isFalse();
        assertThat(v.report().bySeverity(Severity.ERROR)).isNotEmpty();
    }

    @Test
    void findingsSpeakFrenchByDefaultAndEnglishOnRequest() {
        String xml = new Fixtures.Submission().ss(xon("H", EG)).doc("D1", xon("H", "1750100133"), EG).xml();
        AuthorInstitutionValidation v = VALIDATOR.validate(bytes(xml), Map.of(), StructureId.parse(EG), AT);
        assertThat(v.report().findings()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.messageKey()).startsWith(f.ruleId() + ".");
            assertThat(f.message()).isEqualTo(f.message(java.util.Locale.FRENCH)).doesNotContain("{0}");
            assertThat(f.message(java.util.Locale.ENGLISH)).isNotEqualTo(f.message()).doesNotContain("{0}", "{1}");
        });
        assertThat(v.report().byRule("AI-CONSISTENT")).allSatisfy(f -> assertThat(f.location().toString())
                .isEqualTo(org.vigie.core.Location.parse(f.location().toString()).toString()));
    }

    @Test
    void withoutTheVihfStructureTheLegalEntityIsNotEvaluated() {
        AuthorInstitutionValidation v = VALIDATOR.validate(bytes(submission(EG)), Map.of(), AT);
        assertThat(v.vihfStructure()).isEmpty();
        assertThat(v.report().byRule("AI-SAME-EJ")).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThatThrownBy(() -> VALIDATOR.start(null, AT)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aSessionAnswersTheSameValidationAsTheOneCall() {
        AuthorInstitutionValidator.Session s = VALIDATOR.start(StructureId.parse(EG), AT);
        s.readSubmission(bytes(submission(EG)));
        AuthorInstitutionValidation v = s.finish();
        assertThat(s.finish()).isSameAs(v);
        assertThat(v.report().findings()).isEqualTo(VALIDATOR.validate(bytes(submission(EG)), Map.of(),
                StructureId.parse(EG), AT).report().findings());
    }

    @Test
    @SuppressWarnings("removal")
    void theDeprecatedCheckGivesTheReportOfValidate() {
        assertThat(VALIDATOR.check(bytes(submission(EG)), Map.of(), StructureId.parse(EG), AT).findings())
                .isEqualTo(VALIDATOR.validate(bytes(submission(EG)), Map.of(), StructureId.parse(EG), AT).report()
                        .findings());
        assertThat(VALIDATOR.check(bytes(submission(EG)), Map.of(), null, AT).findings())
                .isEqualTo(VALIDATOR.validate(bytes(submission(EG)), Map.of(), AT).report().findings());
    }
}
