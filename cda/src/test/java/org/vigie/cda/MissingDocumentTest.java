package org.vigie.cda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.cda.Fixtures.xon;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.StructureId;
import org.vigie.testkit.ReportAssert;

/**
 * A document entry without its {@code xds:Document} is an {@code AI-XML} finding when the metadata were read, and is
 * not reported again when the metadata were already unreadable (one cause, one finding). Written against surviving
 * mutants of the mutation run.
 */
class MissingDocumentTest {

    static final String EG = "1750100125";

    static Report check(XmlLimits limits, String xml) {
        return AuthorInstitutionValidator.builder().policy(AuthorInstitutionPolicy.builder().limits(limits).build()).build()
                .validate(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), Map.of(), StructureId.parse(EG),
                        Instant.parse("2025-06-01T10:00:00Z")).report();
    }

    static String withoutDocument() {
        String xml = new Fixtures.Submission().ss(xon("H", EG)).doc("D1", xon("H", EG), EG).xml();
        return xml.replaceAll("(?s)<xds:Document id=\"D1\">.*?</xds:Document>", "");
    }

    @Test
    void anEntryWithoutItsDocumentIsReported() {
        Report r = check(XmlLimits.defaults(), withoutDocument());
        ReportAssert.assertThat(r).rejected();
        ReportAssert.assertThat(r).withMessageContaining(Rules.AI_XML, "aucun xds:Document pour la fiche 'D1'");
    }

    @Test
    void unreadableMetadataAreNotReportedAgainAsMissingDocuments() {
        // the oversized attribute comes after the entry: the entry is read, then the metadata turn unreadable
        String xml = withoutDocument().replaceFirst("</rim:RegistryObjectList>",
                "<rim:Association home=\"" + "h".repeat(200) + "\"/></rim:RegistryObjectList>");
        XmlLimits limits = XmlLimits.defaults().withMaxAttributeLength(100);
        XdsMetadata md = XdsMetadataReader.builder().limits(limits).build()
                .read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(md.entries()).extracting(XdsMetadata.DocumentEntry::id).contains("D1");
        Report r = check(limits, xml);
        ReportAssert.assertThat(r).rejected();
        ReportAssert.assertThat(r).withMessageContaining(Rules.AI_XML, "attribut");
        assertThat(r.byRule("AI-XML")).noneSatisfy(f -> assertThat(f.message()).contains("aucun xds:Document"));
    }
}
