package org.vigie.cda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.cda.Fixtures.xon;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.IntFunction;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.vigie.core.Finding;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.StructureId;
import org.vigie.testkit.ReportAssert;

/**
 * Each configurable {@link XmlLimits} limit, just under and just over: the submission is read at the limit and
 * refused (an {@code AI-XML} ERROR naming the limit) one unit below it. The count limits (depth, elements, attribute
 * and text length) are exact and equal to the quantity measured independently here; the byte limits (metadata,
 * CDA header) are exact up to the parser's read-ahead, so their boundary is found and checked on both sides, and
 * shown to lie within the documented slack of the measured size.
 */
class XmlLimitsTest {

    static final String EG = "1750100125";
    static final StructureId VIHF = StructureId.parse(EG);
    static final Instant AT = Instant.parse("2025-06-01T10:00:00Z");

    static Report check(XmlLimits limits, String xml, Map<String, String> parts) {
        AuthorInstitutionValidator v = AuthorInstitutionValidator.builder()
                .policy(AuthorInstitutionPolicy.builder().limits(limits).build()).build();
        Map<String, java.util.function.Supplier<java.io.InputStream>> suppliers = new java.util.HashMap<>();
        parts.forEach((k, c) -> suppliers.put(k, () -> new ByteArrayInputStream(c.getBytes(StandardCharsets.UTF_8))));
        return v.validate(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), suppliers, VIHF, AT).report();
    }

    static boolean refusedFor(Report r, String messagePart) {
        return r.byRule("AI-XML").stream().filter(f -> f.severity() == Severity.ERROR)
                .map(Finding::message).anyMatch(m -> m.contains(messagePart));
    }

    /** The smallest limit in [from, to] at which the input is read without the limit finding. */
    static int boundary(int from, int to, IntFunction<Report> run, String messagePart) {
        int lo = from;
        int hi = to;
        assertThat(refusedFor(run.apply(hi), messagePart)).as("read at the upper end %d", hi).isFalse();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (refusedFor(run.apply(mid), messagePart)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static Fixtures.Submission base() {
        return new Fixtures.Submission().ss(xon("H", EG)).doc("D1", xon("H", EG), EG);
    }

    /** Element depth and count of the metadata (SubmitObjectsRequest and its ancestors), measured with plain StAX. */
    static int[] depthAndElements(String xml) throws Exception {
        XMLStreamReader r = XMLInputFactory.newFactory().createXMLStreamReader(new StringReader(xml));
        int depth = 0;
        int max = 0;
        int elements = 0;
        boolean inDocument = false;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (r.getLocalName().equals("Document")) {
                    inDocument = true;
                }
                if (!inDocument) {
                    max = Math.max(max, depth);
                    elements++;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                if (r.getLocalName().equals("Document")) {
                    inDocument = false;
                }
                depth--;
            }
        }
        return new int[] {max, elements};
    }

    @Test
    void theBaseSubmissionIsAcceptedWithTheDefaults() {
        Report r = check(XmlLimits.defaults(), base().xml(), Map.of());
        ReportAssert.assertThat(r).accepted();
        ReportAssert.assertThat(r).doesNotFire(Rules.AI_XML);
    }

    @Test
    void nestingIsReadAtTheLimitAndRefusedOneLevelDeeper() throws Exception {
        String xml = base().xml();
        int depth = depthAndElements(xml)[0];
        int b = boundary(4, 64, d -> check(XmlLimits.defaults().withMaxDepth(d), xml, Map.of()), "imbrication");
        assertThat(b).isEqualTo(depth);
        ReportAssert.assertThat(check(XmlLimits.defaults().withMaxDepth(depth), xml, Map.of())).accepted();
        assertThat(refusedFor(check(XmlLimits.defaults().withMaxDepth(depth - 1), xml, Map.of()), "imbrication")).isTrue();
    }

    @Test
    void elementCountIsReadAtTheLimitAndRefusedOneElementMore() throws Exception {
        String xml = new Fixtures.Submission().ss(xon("H", EG)).doc("D1", xon("H", EG), EG).xop().xml();
        int elements = depthAndElements(xml)[1];
        Map<String, String> parts = base().xop().attachments();
        int b = boundary(16, 100_000, n -> check(XmlLimits.defaults().withMaxElements(n), xml, parts), "éléments");
        assertThat(b).isBetween(elements - 2, elements);
        ReportAssert.assertThat(check(XmlLimits.defaults().withMaxElements(b), xml, parts)).accepted();
        assertThat(refusedFor(check(XmlLimits.defaults().withMaxElements(b - 1), xml, parts), "éléments")).isTrue();
    }

    @Test
    void anAttributeOfExactlyTheLimitIsReadAndOneCharacterMoreIsRefused() {
        int length = 300;
        String xml = base().xml().replaceFirst("<rim:RegistryPackage id=\"SS\"",
                "<rim:RegistryPackage home=\"" + "h".repeat(length) + "\" id=\"SS\"");
        ReportAssert.assertThat(check(XmlLimits.defaults().withMaxAttributeLength(length), xml, Map.of())).accepted();
        assertThat(refusedFor(check(XmlLimits.defaults().withMaxAttributeLength(length - 1), xml, Map.of()), "attribut"))
                .isTrue();
    }

    @Test
    void aSlotValueOfExactlyTheLimitIsReadAndOneCharacterMoreIsRefused() {
        int length = 300;
        String xml = base().xml().replaceFirst("<rim:RegistryPackage id=\"SS\">",
                "<rim:RegistryPackage id=\"SS\"><rim:Slot name=\"comments\"><rim:ValueList><rim:Value>" + "c".repeat(length)
                        + "</rim:Value></rim:ValueList></rim:Slot>");
        ReportAssert.assertThat(check(XmlLimits.defaults().withMaxTextLength(length), xml, Map.of())).accepted();
        assertThat(refusedFor(check(XmlLimits.defaults().withMaxTextLength(length - 1), xml, Map.of()), "caractères"))
                .isTrue();
    }

    @Test
    void metadataBytesHaveAnExactBoundaryWithinTheReadAhead() {
        String padding = "<rim:Slot name=\"p\"><rim:ValueList><rim:Value>" + "p".repeat(60) + "</rim:Value></rim:ValueList></rim:Slot>";
        String xml = base().xml().replaceFirst("<rim:RegistryPackage id=\"SS\">",
                "<rim:RegistryPackage id=\"SS\">" + padding.repeat(400));
        int metadataBytes = xml.substring(0, xml.indexOf("</lcm:SubmitObjectsRequest>") + "</lcm:SubmitObjectsRequest>".length())
                .getBytes(StandardCharsets.UTF_8).length;
        int total = xml.getBytes(StandardCharsets.UTF_8).length;
        int b = boundary(1024, total + 1, n -> check(XmlLimits.defaults().withMaxMetadataBytes(n), xml, Map.of()), "octets");
        assertThat(b).as("boundary vs metadata of %d bytes in a message of %d", metadataBytes, total)
                .isBetween(metadataBytes - 1, total);
        ReportAssert.assertThat(check(XmlLimits.defaults().withMaxMetadataBytes(b), xml, Map.of())).accepted();
        assertThat(refusedFor(check(XmlLimits.defaults().withMaxMetadataBytes(b - 1), xml, Map.of()), "octets")).isTrue();
    }

    @Test
    void cdaHeaderBytesHaveAnExactBoundaryWithinTheReadAhead() {
        StringBuilder cda = new StringBuilder(Fixtures.cda(EG));
        String comment = "<!--" + "x".repeat(100_000) + "-->";
        cda.insert(cda.indexOf("<author>"), comment);
        String xml = base().xop().xml();
        Map<String, String> parts = Map.of("cid:D1@vigie", cda.toString());
        int headerEnd = cda.indexOf("<component>");
        int b = boundary(1024, cda.length() + 1, n -> check(XmlLimits.defaults().withMaxHeaderBytes(n), xml, parts),
                "en-tête CDA au-delà");
        // the reader tolerates 64 KiB of parser read-ahead beyond the limit; the parser itself reads a block ahead
        int slack = 64 * 1024;
        assertThat(b).as("boundary vs header of %d bytes", headerEnd).isBetween(headerEnd - slack, headerEnd - slack + 16 * 1024);
        ReportAssert.assertThat(check(XmlLimits.defaults().withMaxHeaderBytes(b), xml, parts)).accepted();
        assertThat(refusedFor(check(XmlLimits.defaults().withMaxHeaderBytes(b - 1), xml, parts), "en-tête CDA au-delà"))
                .isTrue();
    }
}
