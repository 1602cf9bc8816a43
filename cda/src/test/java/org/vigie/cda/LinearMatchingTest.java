package org.vigie.cda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.StructureId;
import org.vigie.testkit.ReportAssert;

/**
 * Issue 18: matching authors to their objects used to compare every author with every entry (99 990 × 99 990 took
 * 164 s). The reader now indexes objects by id; its matching operations (look-ups and comparisons, counted by the
 * reader) grow linearly: ten times the metadata, about ten times the operations, never a hundred. No timing is
 * asserted.
 */
class LinearMatchingTest {

    /** A SubmitObjectsRequest of n entries, each with one author, generated as a stream. */
    static InputStream entries(int n) {
        String head = "<lcm:SubmitObjectsRequest xmlns:lcm=\"urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0\" "
                + "xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\"><rim:RegistryObjectList>"
                + "<rim:RegistryPackage id=\"SS\"><rim:Classification classificationNode=\"" + XdsMetadata.SUBMISSION_SET_NODE
                + "\" classifiedObject=\"SS\" id=\"ssc\"/></rim:RegistryPackage>";
        Iterator<InputStream> it = new Iterator<>() {
            int i = -1;

            public boolean hasNext() {
                return i <= n;
            }

            public InputStream next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int k = i++;
                String s;
                if (k < 0) {
                    s = head;
                } else if (k == n) {
                    s = "</rim:RegistryObjectList></lcm:SubmitObjectsRequest>";
                } else {
                    s = "<rim:ExtrinsicObject id=\"E" + k + "\"/><rim:Classification classificationScheme=\""
                            + XdsMetadata.DOCUMENT_ENTRY_AUTHOR_SCHEME + "\" classifiedObject=\"E" + k + "\" id=\"a" + k
                            + "\"><rim:Slot name=\"authorInstitution\"><rim:ValueList><rim:Value>H^^^^^&amp;1.2.250.1.71.4.2.2"
                            + "&amp;ISO^IDNST^^^1750100125</rim:Value></rim:ValueList></rim:Slot></rim:Classification>";
                }
                return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(new java.util.Enumeration<InputStream>() {
            public boolean hasMoreElements() {
                return it.hasNext();
            }

            public InputStream nextElement() {
                return it.next();
            }
        });
    }

    @Test
    void matchingAuthorsToEntriesIsLinearInTheMetadataSize() {
        XdsMetadataReader reader = XdsMetadataReader.withDefaults();
        XdsMetadataReader.Counted small = reader.readCounted(entries(2_000));
        XdsMetadataReader.Counted large = reader.readCounted(entries(20_000));
        assertThat(small.metadata().problems()).isEmpty();
        assertThat(large.metadata().problems()).isEmpty();
        assertThat(large.metadata().entries()).hasSize(20_000)
                .allSatisfy(e -> assertThat(e.authors()).hasSize(1));
        // quadratic matching would need 100 × the operations (and ≥ 4·10^8 for the large case)
        double growth = (double) large.operations() / small.operations();
        assertThat(growth).as("operations %d → %d", small.operations(), large.operations()).isBetween(9.0, 11.0);
        assertThat(large.operations()).isLessThan(5L * 20_000);
    }

    @Test
    void aSubmissionOfThirtyNineThousandEntriesIsCheckedEndToEnd() {
        // within the default 200 000-element limit: 5 elements per entry; finishes in seconds, not minutes
        Report r = AuthorInstitutionValidator.builder().build().validate(entries(39_000), Map.of(),
                StructureId.parse("1750100125"), java.time.Instant.parse("2025-06-01T10:00:00Z")).report();
        assertThat(r.occurrences()).hasSize(39_000);
        ReportAssert.assertThat(r).doesNotFire(Rules.AI_XML);
    }

    @Test
    void aSessionMatchesThousandsOfPartsByHrefOrContentIdThroughItsIndex() {
        Fixtures.Submission s = new Fixtures.Submission().ss(Fixtures.xon("H", "1750100125")).xop();
        for (int i = 0; i < 3_000; i++) {
            s.doc("D" + i, Fixtures.xon("H", "1750100125"), "1750100125");
        }
        AuthorInstitutionValidator.Session session = AuthorInstitutionValidator.builder().build()
                .start(StructureId.parse("1750100125"), java.time.Instant.parse("2025-06-01T10:00:00Z"));
        session.readSubmission(new ByteArrayInputStream(s.xml().getBytes(StandardCharsets.UTF_8)));
        assertThat(session.pendingAttachments()).hasSize(3_000);
        byte[] cda = Fixtures.cda("1750100125").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3_000; i++) {
            // every other part by its Content-ID form, the others by the href as written
            session.readDocument(i % 2 == 0 ? "cid:D" + i + "@vigie" : "<D" + i + "@vigie>", new ByteArrayInputStream(cda));
        }
        assertThat(session.pendingAttachments()).isEmpty();
        assertThat(session.attachmentHeaders()).hasSize(3_000);
        Report r = session.finish().report();
        ReportAssert.assertThat(r).accepted();
        assertThat(r.occurrences()).hasSize(1 + 2 * 3_000);
        ReportAssert.assertThat(r).doesNotFire(Rules.AI_XML);
    }
}
