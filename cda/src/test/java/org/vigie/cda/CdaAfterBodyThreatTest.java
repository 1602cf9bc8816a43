package org.vigie.cda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigie.core.Report;
import org.vigie.core.StructureId;
import org.vigie.testkit.CdaBuilder;
import org.vigie.testkit.SubmissionDefect;

/**
 * Threat: an {@code author} (or anything) written after the CDA body, invisible to a reader that stops at the end
 * of the header. Choice: the body {@code component} is the last child of {@code ClinicalDocument} in the CDA schema,
 * so whatever follows it is a structure error ({@code AI-XML}). The check needs the bytes after the header: inline
 * documents go through the parser anyway (their base64 must be consumed to reach the rest of the message), so they
 * are always decoded and read to their end, the body skipped event by event without being kept; MTOM parts are read
 * to the end under {@link AuthorInstitutionPolicy#readWholeAttachments()} (default true; false reads the header only,
 * so that a 500 MB part costs a few KiB, and leaves this defect unseen). Memory stays flat either way.
 */
class CdaAfterBodyThreatTest {

    static final String EG = "1750100125";
    static final String EVIL = "1920100013";
    static final CdaHeaderReader READER = CdaHeaderReader.withDefaults();

    static CdaHeader whole(String cda) {
        return READER.readWholeDocument(new ByteArrayInputStream(cda.getBytes(StandardCharsets.UTF_8)), "CDA[d]");
    }

    @Test
    void aValidDocumentReadWholeHasNoProblem() {
        CdaHeader h = whole(CdaBuilder.ciSis().author("CH", EG).toXml());
        assertThat(h.problems()).isEmpty();
        assertThat(h.headerComplete()).isTrue();
        assertThat(whole(CdaBuilder.ciSis().author("CH", EG).nonXmlBodyPdf(100_000).toXml()).problems()).isEmpty();
        // comments, processing instructions and white space after the body are allowed
        assertThat(whole(CdaBuilder.ciSis().author("CH", EG).toXml()
                .replace("</ClinicalDocument>", "\n<!-- fin --><?pi x?>\n</ClinicalDocument>\n<!-- après -->")).problems())
                .isEmpty();
    }

    @Test
    void anAuthorAfterTheBodyIsAStructureErrorWhenTheDocumentIsReadWhole() {
        for (SubmissionDefect d : List.of(SubmissionDefect.CDA_AUTHOR_AFTER_BODY,
                SubmissionDefect.CDA_AUTHOR_BETWEEN_TWO_BODIES)) {
            String cda = d.applyToCda(CdaBuilder.ciSis().author("CH", EG).toXml(), EVIL);
            assertThat(whole(cda).problems()).as(d.name()).singleElement().satisfies(f -> {
                assertThat(f.ruleId()).isEqualTo("AI-XML");
                assertThat(f.message()).contains("<author>").contains("après le corps");
            });
            // the header-only read does not see it (documented; the policy decides for MTOM parts)
            assertThat(READER.read(new ByteArrayInputStream(cda.getBytes(StandardCharsets.UTF_8))).problems()).isEmpty();
        }
        assertThat(whole(CdaBuilder.ciSis().toXml().replace("</ClinicalDocument>", "x</ClinicalDocument>")).problems())
                .singleElement().satisfies(f -> assertThat(f.message()).contains("texte après le corps"));
    }

    @Test
    void aBodyThatIsNotWellFormedIsReportedWhenReadWhole() {
        String cda = CdaBuilder.ciSis().toXml().replace("</section>", "</sectio>");
        assertThat(whole(cda).problems()).singleElement().satisfies(f -> assertThat(f.message()).contains("illisible"));
    }

    @Test
    void theMtomPolicyDecidesWhetherAPartIsReadPastItsHeader() {
        String cda = SubmissionDefect.CDA_AUTHOR_AFTER_BODY.applyToCda(CdaBuilder.ciSis().author("CH", EG).toXml(), EVIL);
        String xml = new Fixtures.Submission().ss(Fixtures.xon("H", EG)).doc("D1", Fixtures.xon("H", EG), EG).xop().xml();
        for (boolean whole : new boolean[] {false, true}) {
            AuthorInstitutionValidator v = AuthorInstitutionValidator.builder()
                    .policy(AuthorInstitutionPolicy.builder().readWholeAttachments(whole).build()).build();
            Report r = v.validate(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                    Map.of("cid:D1@vigie", () -> new ByteArrayInputStream(cda.getBytes(StandardCharsets.UTF_8))),
                    StructureId.parse(EG), Instant.parse("2025-06-01T10:00:00Z")).report();
            assertThat(r.accepted()).as("readWholeAttachments=%s", whole).isEqualTo(!whole);
        }
        assertThat(AuthorInstitutionPolicy.defaults().readWholeAttachments()).isTrue();
        assertThat(AuthorInstitutionPolicy.builder().readWholeAttachments(true).build().toBuilder().build()
                .readWholeAttachments()).isTrue();
    }

    @Test
    void aLargeBodyIsSkippedEventByEventWithoutHoldingIt() {
        // 64 MiB of body text in one element, read through a 64 KiB event allowance: never one 64 MiB event
        XmlLimits limits = XmlLimits.defaults().withMaxEventBytes(64 * 1024);
        String head = CdaBuilder.ciSis().author("CH", EG).toXml();
        head = head.substring(0, head.indexOf("<component>")) + "<component><nonXMLBody><text>";
        InputStream in = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)), HostileInputThreatTest.repeat((byte) 'A', 64L << 20),
                new ByteArrayInputStream("</text></nonXMLBody></component></ClinicalDocument>".getBytes(StandardCharsets.UTF_8)))));
        CdaHeader h = CdaHeaderReader.builder().limits(limits).build().readWholeDocument(in, "CDA[big]");
        assertThat(h.problems()).isEmpty();
        assertThat(h.bytesConsumed()).isGreaterThan(64L << 20);
    }

    @Test
    void everyCiSisExampleReadWholeHasNoProblem() throws IOException {
        try (var files = Files.list(TestData.dir().resolve("cda"))) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
            assertThat(all).hasSizeGreaterThanOrEqualTo(19);
            for (Path f : all) {
                try (InputStream in = Files.newInputStream(f)) {
                    CdaHeader h = READER.readWholeDocument(in, f.getFileName().toString());
                    assertThat(h.problems()).as(f.toString()).isEmpty();
                    assertThat(h.authors()).as(f.toString()).isNotEmpty();
                }
            }
        }
        try (InputStream in = Files.newInputStream(TestData.file("xds/ANS-DMP-exemple_TD2.1-DocumentME2.xml"))) {
            assertThat(READER.readWholeDocument(in, "ans").problems()).isEmpty();
        }
    }
}
