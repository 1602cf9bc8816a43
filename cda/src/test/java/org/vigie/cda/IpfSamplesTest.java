package org.vigie.cda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.StructureId;
import org.vigie.testkit.ReportAssert;

/** The generic IHE samples of oehf/ipf: two institutions under one author fire AI-SINGLE. */
class IpfSamplesTest {

    private final AuthorInstitutionValidator validator = AuthorInstitutionValidator.builder().build();
    private static final StructureId VIHF = StructureId.parse("1750100125");

    private Report check(String file) throws IOException {
        try (InputStream in = Files.newInputStream(TestData.file(file))) {
            return validator.validate(in, Map.of(), VIHF, Instant.parse("2025-01-01T00:00:00Z")).report();
        }
    }

    @Test
    void submitObjectsRequestWithTwoInstitutionsPerAuthorFiresAiSingleForTheSetAndTheEntry() throws IOException {
        Report r = check("xds/ipf_SubmitObjectsRequest_ebrs30.xml");
        assertThat(r.byRule("AI-SINGLE")).extracting(f -> f.location().toString()).containsExactly(
                "SubmissionSet[SubmissionSet01]/author[cl08]/authorInstitution",
                "DocumentEntry[Document01]/author[cl01]/authorInstitution");
        assertThat(r.byRule("AI-SINGLE").get(0).evidence()).isEqualTo("Cleveland Clinic | Berea Community");
        // generic IHE values are not French XON either
        ReportAssert.assertThat(r).firesTimes(Rules.AI_FORMAT, 4);
        ReportAssert.assertThat(r).rejected();
    }

    @Test
    void provideAndRegisterWithInlineCdaFiresAiSingleAndReportsTheMissingCdaOrganisation() throws IOException {
        Report r = check("xds/ipf_continua-hrn_ProvideAndRegisterDocumentSet.xml");
        ReportAssert.assertThat(r).firesTimes(Rules.AI_SINGLE, 2);
        assertThat(ReportAssert.assertThat(r).single(Rules.AI_PRESENT))
                .satisfies(f -> assertThat(f.location().toString()).isEqualTo("CDA[Document01]/author"));
        ReportAssert.assertThat(r).doesNotFire(Rules.AI_XML);
    }
}
