package org.vigie.cda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigie.core.Finding;
import org.vigie.core.Report;
import org.vigie.core.Rule;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.StructureId;
import org.vigie.testkit.CdaBuilder;
import org.vigie.testkit.ReportAssert;
import org.vigie.testkit.SubmissionDefect;
import org.vigie.testkit.XdsSubmissionBuilder;

/**
 * Every {@link SubmissionDefect} of the test kit against control 2 (inline documents, a directory that knows the
 * kit's numbers, the VIHF of the submission's legal entity): each fires its rule as an ERROR, the one-rule defects
 * fire exactly their {@link SubmissionDefect#errorRules()}, and the valid submission has no finding. Together the
 * table covers every {@code AI-*} rule.
 */
class SubmissionDefectRulesTest {

    static final Instant AT = Instant.parse("2025-06-01T10:00:00Z");
    static final String EG = "1750100125";
    static final String EVIL = "1920100013";
    static final AuthorInstitutionValidator VALIDATOR = AuthorInstitutionValidator.builder()
            .directory(Fixtures.directory()).build();

    static String valid() {
        return XdsSubmissionBuilder.provideAndRegister().document("doc1", CdaBuilder.ciSis().author("CH TEST", EG))
                .document("doc2", CdaBuilder.ciSis().author("CH TEST", EG)).toXml();
    }

    static Report validate(String xml) {
        return VALIDATOR.validate(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), Map.of(),
                StructureId.parse(SubmissionDefect.LEGAL_ENTITY), AT).report();
    }

    static Set<String> errorRules(Report r) {
        return r.findings().stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::ruleId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Stream<SubmissionDefect> defects() {
        return Stream.of(SubmissionDefect.values());
    }

    @Test
    void theValidSubmissionHasNoFinding() {
        ReportAssert.assertThat(validate(valid())).hasNoFindings();
    }

    @ParameterizedTest
    @MethodSource("defects")
    void eachDefectFiresItsRuleAndTheOneRuleDefectsNothingElse(SubmissionDefect d) {
        Report r = validate(d.apply(valid(), EVIL));
        ReportAssert.assertThat(r).rejected();
        assertThat(errorRules(r)).as(r.toString()).contains(d.expectedRule().id());
        d.errorRules().ifPresent(expected -> assertThat(errorRules(r)).as(r.toString())
                .isEqualTo(expected.stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new))));
    }

    @Test
    void everyAiRuleIsCoveredByTheTable() {
        Set<String> covered = Stream.of(SubmissionDefect.values()).map(d -> d.expectedRule().id())
                .collect(Collectors.toSet());
        assertThat(covered).containsAll(Stream.of(Rules.AI_XML, Rules.AI_PRESENT, Rules.AI_SINGLE, Rules.AI_FORMAT,
                Rules.AI_CDA_MATCH, Rules.AI_CONSISTENT, Rules.AI_GEOGRAPHIC, Rules.AI_SAME_EJ).map(Rule::id).toList());
    }
}
