package org.vigie.cda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigie.core.Report;
import org.vigie.core.Severity;
import org.vigie.core.StructureId;
import org.vigie.testkit.CdaBuilder;
import org.vigie.testkit.ReportAssert;
import org.vigie.testkit.SubmissionDefect;
import org.vigie.testkit.XdsSubmissionBuilder;

/**
 * The red-team shapes of the test kit ({@link SubmissionDefect}), each applied to a valid submission built by the
 * kit, inline and as MTOM parts: every shape is refused with the rule it names (an ERROR), while the unchanged
 * submission is accepted without any finding. The evil value is an EG of another legal entity: a reader that picked
 * the other reading would have let it through.
 */
class HostileSubmissionThreatTest {

    static final Instant AT = Instant.parse("2025-06-01T10:00:00Z");
    static final String EG = "1750100125";
    static final String EJ = "1750712184";
    static final String EVIL = "1920100013";

    static AuthorInstitutionValidator validator(boolean wholeParts) {
        return AuthorInstitutionValidator.builder().directory(Fixtures.directory())
                .policy(AuthorInstitutionPolicy.builder().readWholeAttachments(wholeParts).build()).build();
    }

    static XdsSubmissionBuilder valid() {
        return XdsSubmissionBuilder.provideAndRegister().document("doc1", CdaBuilder.ciSis().author("CH TEST", EG))
                .document("doc2", CdaBuilder.ciSis().author("CH TEST", EG));
    }

    /** Checks the submission with the defect (or none), inline or with MTOM parts. */
    static Report check(SubmissionDefect d, boolean xop, boolean wholeParts) {
        XdsSubmissionBuilder b = valid();
        if (xop) {
            b.xop();
        }
        String xml = b.toXml();
        Map<String, Supplier<InputStream>> parts = new HashMap<>();
        for (String id : b.documentIds()) {
            String cda = b.cda(id).toXml();
            if (xop && d != null && d.cdaLevel() && id.equals("doc1")) {
                cda = d.applyToCda(cda, EVIL);
            }
            byte[] bytes = cda.getBytes(StandardCharsets.UTF_8);
            parts.put("cid:" + XdsSubmissionBuilder.contentId(id), () -> new ByteArrayInputStream(bytes));
        }
        if (d != null && !(xop && d.cdaLevel())) {
            xml = d.apply(xml, EVIL);
        }
        return validator(wholeParts).validate(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), parts,
                StructureId.parse(EJ), AT).report();
    }

    static Stream<Arguments> defects() {
        return Stream.of(SubmissionDefect.values())
                .flatMap(d -> Stream.of(Arguments.of(d, false), Arguments.of(d, true)));
    }

    @ParameterizedTest(name = "{0} (xop={1})")
    @MethodSource("defects")
    void everyHostileShapeIsRefusedWithItsRule(SubmissionDefect d, boolean xop) {
        ReportAssert.assertThat(check(null, xop, false)).hasNoFindings();
        ReportAssert.assertThat(check(null, xop, true)).hasNoFindings();
        // an MTOM part is read past its header only when the policy asks for it (inline content always is)
        Report r = check(d, xop, xop && d.afterCdaBody());
        assertThat(r.byRule(d.expectedRule())).as(r.toString()).filteredOn(f -> f.severity() == Severity.ERROR)
                .isNotEmpty();
        ReportAssert.assertThat(r).rejected();
    }
}
