package org.vigie.cda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigie.core.Finding;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.StructureId;
import org.vigie.testkit.CdaBuilder;
import org.vigie.testkit.ReportAssert;
import org.vigie.testkit.XdsSubmissionBuilder;

/**
 * Every control-2 rule fired on submissions built by the test kit (built independently of the validator), inline and
 * XOP; the unchanged submission is the passing side of each rule.
 */
class TestkitSubmissionsTest {

    private static final Instant AT = Instant.parse("2025-06-01T10:00:00Z");
    private static final String EG = "1750100125";
    private static final String EG2 = "1750803447";
    private static final String EJ = "1750712184";
    private static final String OTHER_EG = "1920100013";
    private static final AuthorInstitutionValidator VALIDATOR = AuthorInstitutionValidator.builder()
            .directory(Fixtures.directory()).build();

    private static XdsSubmissionBuilder base(CdaBuilder cda) {
        return XdsSubmissionBuilder.provideAndRegister().document("doc1", cda)
                .document("doc2", CdaBuilder.ciSis().author("CH TEST", EG));
    }

    private static XdsSubmissionBuilder valid() {
        return base(CdaBuilder.ciSis().author("CH TEST", EG));
    }

    private static Report check(XdsSubmissionBuilder b, boolean xop, String vihf) {
        if (xop) {
            b.xop();
        } else {
            b.inline();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        b.writeTo(out);
        Map<String, Supplier<InputStream>> parts = new HashMap<>();
        for (String id : b.documentIds()) {
            byte[] cda = b.cda(id).toBytes();
            parts.put("cid:" + XdsSubmissionBuilder.contentId(id), () -> new ByteArrayInputStream(cda));
        }
        return VALIDATOR.validate(new ByteArrayInputStream(out.toByteArray()), parts, StructureId.parse(vihf), AT).report();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
            Arguments.of("AI-PRESENT", EJ, (Function<Void, XdsSubmissionBuilder>) v ->
                    base(CdaBuilder.ciSis().authorWithoutOrganization())),
            Arguments.of("AI-SINGLE", EJ, (Function<Void, XdsSubmissionBuilder>) v -> valid()
                    .submissionSetAuthorInstitution(XdsSubmissionBuilder.xon("A", EG), XdsSubmissionBuilder.xon("B", EG))),
            Arguments.of("AI-FORMAT", EJ, (Function<Void, XdsSubmissionBuilder>) v ->
                    base(CdaBuilder.ciSis().authorWithIdRoot("CH TEST", "1.2.250.1.71.4.2.1", EG))),
            Arguments.of("AI-FORMAT", EJ, (Function<Void, XdsSubmissionBuilder>) v -> valid()
                    .documentAuthorInstitution("doc2", "CH TEST^^^^^&1.2.250.1.71.4.2.2&ISO^IDNPS^^^" + EG)),
            Arguments.of("AI-CDA-MATCH", EJ, (Function<Void, XdsSubmissionBuilder>) v -> valid()
                    .documentAuthorInstitution("doc1", XdsSubmissionBuilder.xon("CH TEST", EG2))),
            Arguments.of("AI-CONSISTENT", EJ, (Function<Void, XdsSubmissionBuilder>) v -> valid()
                    .submissionSetAuthorInstitution(XdsSubmissionBuilder.xon("CH TEST", EG2))),
            Arguments.of("AI-GEOGRAPHIC", EJ, (Function<Void, XdsSubmissionBuilder>) v ->
                    XdsSubmissionBuilder.provideAndRegister().document("doc1", CdaBuilder.ciSis().author("AP-HP", EJ))),
            Arguments.of("AI-SAME-EJ", EJ, (Function<Void, XdsSubmissionBuilder>) v ->
                    XdsSubmissionBuilder.provideAndRegister().document("doc1", CdaBuilder.ciSis().author("AUTRE", OTHER_EG))),
            Arguments.of("ID-KEY", "10B0152872", (Function<Void, XdsSubmissionBuilder>) v ->
                    XdsSubmissionBuilder.provideAndRegister().document("doc1", CdaBuilder.ciSis()))
        ).flatMap(a -> Stream.of(Arguments.of(a.get()[0], a.get()[1], a.get()[2], false),
                Arguments.of(a.get()[0], a.get()[1], a.get()[2], true)));
    }

    @ParameterizedTest(name = "{0} (xop={3})")
    @MethodSource("cases")
    void firesOnTheBrokenSubmissionAndNotOnTheValidOne(String rule, String vihf, Function<Void, XdsSubmissionBuilder> broken,
                                                       boolean xop) {
        Report bad = check(broken.apply(null), xop, vihf);
        assertThat(bad.byRule(rule)).as(bad.toString()).filteredOn(f -> f.severity() != Severity.INFO).isNotEmpty();
        ReportAssert.assertThat(bad).doesNotFire(Rules.AI_XML);
        Report good = check(valid(), xop, EJ);
        ReportAssert.assertThat(good).hasNoFindings();
        assertThat(good.occurrences()).hasSize(5);
    }

    @ParameterizedTest(name = "xop={0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void theKitsLargePdfDocumentIsReadHeaderOnly(boolean xop) {
        XdsSubmissionBuilder b = XdsSubmissionBuilder.provideAndRegister()
                .document("doc1", CdaBuilder.ciSis().author("CH TEST", EG).nonXmlBodyPdf(2L << 20));
        Report r = check(b, xop, EJ);
        assertThat(r.findings()).extracting(Finding::ruleId).isEmpty();
    }
}
