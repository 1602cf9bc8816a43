package org.vigie.cda.fuzz;

import org.vigie.core.fuzz.Mutator;
import org.vigie.core.fuzz.FuzzSeeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigie.cda.CdaHeader;
import org.vigie.cda.CdaHeaderReader;
import org.vigie.cda.XmlLimits;
import org.vigie.testkit.CdaBuilder;
import org.vigie.testkit.SubmissionDefect;

/**
 * Fuzz targets of the CDA header reader, raw and base64: whatever the bytes, a header (with its problems) comes
 * back, never an exception.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CdaHeaderReaderFuzzTest {

    static final CdaHeaderReader READER = CdaHeaderReader.builder()
            .limits(XmlLimits.defaults().withMaxDepth(32).withMaxElements(5000).withMaxHeaderBytes(1 << 18)
                    .withMaxEventBytes(1 << 16))
            .build();

    @Timeout(value = 10, unit = TimeUnit.SECONDS) // per input: a hang is a finding
    @FuzzTest(maxDuration = "60s")
    void rawCda(byte[] data) {
        checkRaw(data);
    }

    @Timeout(value = 10, unit = TimeUnit.SECONDS) // per input: a hang is a finding
    @FuzzTest(maxDuration = "60s")
    void base64Cda(byte[] data) {
        checkBase64(data);
    }

    static void checkRaw(byte[] data) {
        CdaHeader h = READER.read(new ByteArrayInputStream(data), "fuzz");
        assertThat(h).isNotNull();
        assertThat(h.authors()).isNotNull();
        CdaHeader whole = READER.readWholeDocument(new ByteArrayInputStream(data), "fuzz");
        // reading further never finds fewer problems, and reads the same header
        assertThat(whole.problems().size()).isGreaterThanOrEqualTo(h.problems().size());
        if (h.problems().isEmpty() && whole.problems().isEmpty()) {
            assertThat(whole.authors()).isEqualTo(h.authors());
        }
    }

    static void checkBase64(byte[] data) {
        CdaHeader h = READER.readBase64(new ByteArrayInputStream(data), "fuzz");
        assertThat(h).isNotNull();
    }

    static List<byte[]> seeds() {
        List<byte[]> out = new ArrayList<>(List.of(CdaBuilder.ciSis().author("Site", "1750100125").toBytes(),
                CdaBuilder.ciSis().author("Site", "1750100125").author("Autre", "1130000011").nonXmlBodyPdf(300).toBytes(),
                CdaBuilder.ciSis().authorWithNullFlavorId("Site", "UNK").toBytes()));
        // the red-team shapes of a CDA (after the body, content in ids, foreign namespaces, odd spaces)
        String cda = CdaBuilder.ciSis().author("Site", "1750100125").toXml();
        for (SubmissionDefect d : SubmissionDefect.values()) {
            if (d.cdaLevel()) {
                out.add(d.applyToCda(cda, "1920100013").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void shortRunOverMutatedSeeds() {
        List<byte[]> seeds = seeds();
        FuzzSeeds.writeCorpusIfAsked(CdaHeaderReaderFuzzTest.class, "rawCda", seeds);
        List<byte[]> b64 = new ArrayList<>();
        seeds.forEach(s -> b64.add(Base64.getMimeEncoder().encode(s)));
        FuzzSeeds.writeCorpusIfAsked(CdaHeaderReaderFuzzTest.class, "base64Cda", b64);
        List<byte[]> all = new ArrayList<>(seeds);
        all.addAll(FuzzSeeds.testdata("cda"));
        all.addAll(new Mutator(15L).mutants(seeds, 1500));
        for (byte[] b : all) {
            checkRaw(b);
        }
        List<byte[]> allB64 = new ArrayList<>(b64);
        allB64.addAll(new Mutator(16L).mutants(b64, 800));
        for (byte[] b : allB64) {
            checkBase64(b);
        }
        assertThat(READER.read(new ByteArrayInputStream(seeds.get(0)), "seed").authors()).hasSize(1);
    }
}
