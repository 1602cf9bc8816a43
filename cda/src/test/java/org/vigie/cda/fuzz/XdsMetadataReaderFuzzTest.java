package org.vigie.cda.fuzz;

import org.vigie.core.fuzz.Mutator;
import org.vigie.core.fuzz.FuzzSeeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigie.cda.AuthorInstitutionValidator;
import org.vigie.cda.XdsMetadata;
import org.vigie.cda.XdsMetadataReader;
import org.vigie.cda.XmlLimits;
import org.vigie.core.Report;
import org.vigie.core.StructureId;
import org.vigie.testkit.CdaBuilder;
import org.vigie.testkit.ReportAssert;
import org.vigie.testkit.SubmissionDefect;
import org.vigie.testkit.XdsSubmissionBuilder;

/**
 * Fuzz targets of the XDS metadata reader and of control 2 over a whole submission: whatever the bytes, the
 * reader returns metadata (with its problems) and the validator a report, never an exception; a submission the
 * reader could not read is never accepted. Limits are tightened so that one input stays small and quick.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class XdsMetadataReaderFuzzTest {

    static final String EG = "1750100125";
    static final StructureId VIHF = StructureId.parse(EG);
    static final Instant AT = Instant.parse("2025-06-01T10:00:00Z");
    static final XmlLimits LIMITS = XmlLimits.defaults().withMaxDepth(32).withMaxElements(5000)
            .withMaxMetadataBytes(1 << 20).withMaxHeaderBytes(1 << 18).withMaxEventBytes(1 << 16);
    static final XdsMetadataReader READER = XdsMetadataReader.builder().limits(LIMITS).build();
    static final AuthorInstitutionValidator VALIDATOR = AuthorInstitutionValidator.builder().build();

    @Timeout(value = 10, unit = TimeUnit.SECONDS) // per input: a hang is a finding
    @FuzzTest(maxDuration = "60s")
    void metadataReader(byte[] data) {
        checkReader(data);
    }

    @Timeout(value = 10, unit = TimeUnit.SECONDS) // per input: a hang is a finding
    @FuzzTest(maxDuration = "60s")
    void control2(byte[] data) {
        checkControl2(data);
    }

    static void checkReader(byte[] data) {
        XdsMetadata m = READER.read(new ByteArrayInputStream(data));
        assertThat(m).isNotNull();
        assertThat(m.entries()).isNotNull();
    }

    static void checkControl2(byte[] data) {
        Report r = VALIDATOR.validate(new ByteArrayInputStream(data), Map.of(), VIHF, AT).report();
        assertThat(r).isNotNull();
        if (r.has("AI-XML") && r.byRule("AI-XML").stream().anyMatch(f -> f.severity() == org.vigie.core.Severity.ERROR)) {
            ReportAssert.assertThat(r).rejected();
        }
    }

    static List<byte[]> seeds() {
        XdsSubmissionBuilder sub = XdsSubmissionBuilder.provideAndRegister()
                .document("Doc01", CdaBuilder.ciSis().author("Site", EG))
                .submissionSetAuthorInstitution(XdsSubmissionBuilder.xon("Site", EG))
                .documentAuthorInstitution("Doc01", XdsSubmissionBuilder.xon("Site", EG));
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(sub.inline().toXml().getBytes(StandardCharsets.UTF_8));
        seeds.add(XdsSubmissionBuilder.provideAndRegister()
                .document("Doc01", CdaBuilder.ciSis().author("Site", EG))
                .submissionSetAuthorInstitution(XdsSubmissionBuilder.xon("Site", EG))
                .documentAuthorInstitution("Doc01", XdsSubmissionBuilder.xon("Site", EG)).xop().toXml()
                .getBytes(StandardCharsets.UTF_8));
        // the red-team shapes (ambiguous values, XDS structure, CDA after its body), on the inline submission
        String inline = sub.inline().toXml();
        for (SubmissionDefect d : SubmissionDefect.values()) {
            seeds.add(d.apply(inline.replace("\"Doc01\"", "\"doc1\""), "1920100013").getBytes(StandardCharsets.UTF_8));
        }
        return seeds;
    }

    @Test
    void shortRunOverMutatedSeeds() {
        List<byte[]> seeds = seeds();
        FuzzSeeds.writeCorpusIfAsked(XdsMetadataReaderFuzzTest.class, "metadataReader", seeds);
        FuzzSeeds.writeCorpusIfAsked(XdsMetadataReaderFuzzTest.class, "control2", seeds);
        List<byte[]> all = new ArrayList<>(seeds);
        all.addAll(FuzzSeeds.testdata("xds"));
        all.addAll(new Mutator(14L).mutants(seeds, 1500));
        for (byte[] b : all) {
            checkReader(b);
            checkControl2(b);
        }
        ReportAssert.assertThat(VALIDATOR.validate(new ByteArrayInputStream(seeds.get(0)), Map.of(), VIHF, AT).report())
                .accepted();
        // every hostile seed is refused: none of them may pass as a clean submission
        for (byte[] hostile : seeds.subList(2, seeds.size())) {
            ReportAssert.assertThat(VALIDATOR.validate(new ByteArrayInputStream(hostile), Map.of(), VIHF, AT).report())
                    .rejected();
        }
    }
}
