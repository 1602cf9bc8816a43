package org.vigie.cda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.cda.Fixtures.xon;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigie.core.Finding;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.StructureId;
import org.vigie.testkit.ReportAssert;

/**
 * Hostile input, in the metadata and in a CDA (inline and as an MTOM part): each case is an {@code AI-XML} ERROR,
 * no exception escapes, nothing hangs (the class timeout only guards against a hang).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileInputThreatTest {

    private static final StructureId VIHF = StructureId.parse("1750100125");
    private static final Instant AT = Instant.parse("2025-06-01T10:00:00Z");
    private static final String DOCTYPE_ENTITY = "<!DOCTYPE x [<!ENTITY e \"boom\">]>";
    private static final String DOCTYPE_XXE = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
    private static final String LAUGHS = "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
            + "<!ENTITY f \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]>";

    private final AuthorInstitutionValidator validator = AuthorInstitutionValidator.builder().build();

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private Report checkXml(String xml, Map<String, Supplier<InputStream>> parts) {
        return validator.validate(bytes(xml), parts, VIHF, AT).report();
    }

    private static void assertAiXmlError(Report r, String messagePart) {
        assertThat(r.byRule("AI-XML")).as(r.toString()).filteredOn(f -> f.severity() == Severity.ERROR)
                .isNotEmpty().anySatisfy(f -> assertThat(f.message()).contains(messagePart));
        ReportAssert.assertThat(r).rejected();
    }

    private static Fixtures.Submission valid() {
        return new Fixtures.Submission().ss(xon("H", "1750100125")).doc("D1", xon("H", "1750100125"), "1750100125");
    }

    /** The valid submission with its CDA replaced (MTOM part). */
    private Report checkWithCdaPart(String cda) {
        Fixtures.Submission s = valid().xop();
        return checkXml(s.xml(), Map.of("cid:D1@vigie", () -> bytes(cda)));
    }

    /** The valid submission with its CDA replaced, inline. */
    private Report checkWithInlineCda(String cda) {
        Fixtures.Submission s = new Fixtures.Submission().ss(xon("H", "1750100125"))
                .entry("D1", List.of(List.of(xon("H", "1750100125"))), cda);
        return checkXml(s.xml(), Map.of());
    }

    @Test
    void theValidBaseIsAccepted() {
        // only the INFO "not evaluated" of AI-GEOGRAPHIC (no directory here)
        ReportAssert.assertThat(checkXml(valid().xml(), Map.of())).firesOnly(Rules.AI_GEOGRAPHIC);
        assertThat(checkWithCdaPart(Fixtures.cda("1750100125")).bySeverity(Severity.INFO)).hasSize(1);
        assertThat(checkWithCdaPart(Fixtures.cda("1750100125")).findings()).hasSize(1);
    }

    // ----------------------------------------------------------------------------------------------- metadata

    @Test
    void doctypeInMetadata() {
        assertAiXmlError(checkXml(DOCTYPE_ENTITY + valid().xml(), Map.of()), "DOCTYPE");
    }

    @Test
    void externalEntityInMetadataIsNeitherResolvedNorEchoed() {
        String xml = DOCTYPE_XXE + valid().xml().replace("<rim:Value>899900063480^MAX^LIBRE</rim:Value>", "<rim:Value>&xxe;</rim:Value>");
        Report r = checkXml(xml, Map.of());
        assertAiXmlError(r, "DOCTYPE");
        assertThat(r.toString()).doesNotContain("root:");
    }

    @Test
    void entityExpansionInMetadata() {
        assertAiXmlError(checkXml(LAUGHS + valid().xml().replace("H^^^", "&g;^^^"), Map.of()), "DOCTYPE");
    }

    @Test
    void undeclaredEntityReferenceInMetadata() {
        assertAiXmlError(checkXml(valid().xml().replace("H^^^", "&g;^^^"), Map.of()), "entité non déclarée");
        assertAiXmlError(checkWithCdaPart(Fixtures.cda("1750100125").replace("<name>Structure", "<name>&g;")), "entité non déclarée");
    }

    @Test
    void absurdNestingInMetadata() {
        String deep = "<n>".repeat(100_000) + "</n>".repeat(100_000);
        assertAiXmlError(checkXml(valid().xml().replace("<rim:RegistryObjectList>", "<rim:RegistryObjectList>" + deep), Map.of()),
                "imbrication");
    }

    @Test
    void hugeAttributeInMetadataIsStoppedByTheByteLimitWithoutBeingMaterialised() {
        String xml = valid().xml();
        int at = xml.indexOf("<rim:RegistryPackage id=\"SS\"") + "<rim:RegistryPackage".length();
        InputStream in = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                bytes(xml.substring(0, at) + " huge=\""), repeat((byte) 'A', 200L << 20), bytes("\"" + xml.substring(at)))));
        Report r = validator.validate(in, Map.of(), VIHF, AT).report();
        assertAiXmlError(r, "octets");
    }

    @Test
    void hugeAttributeBeyondTheAttributeLimitButUnderTheByteLimit() {
        String xml = valid().xml().replace("<rim:RegistryPackage id=\"SS\"", "<rim:RegistryPackage x=\"" + "A".repeat(100_000) + "\" id=\"SS\"");
        assertAiXmlError(checkXml(xml, Map.of()), "attribut");
    }

    @Test
    void hugeAttributeOnADocumentElementIsStoppedByTheEventLimit() {
        String xml = valid().xml();
        int at = xml.indexOf("<xds:Document") + "<xds:Document".length();
        InputStream in = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                bytes(xml.substring(0, at) + " huge=\""), repeat((byte) 'A', 200L << 20), bytes("\"" + xml.substring(at)))));
        assertAiXmlError(validator.validate(in, Map.of(), VIHF, AT).report(), "octets");
    }

    @Test
    void notWellFormedMetadata() {
        String xml = valid().xml();
        assertAiXmlError(checkXml(xml.substring(0, xml.length() / 2), Map.of()), "illisible");
    }

    // ----------------------------------------------------------------------------------------------- CDA

    @Test
    void doctypeInACdaPartAndInAnInlineCda() {
        String cda = Fixtures.cda("1750100125").replace("<ClinicalDocument", DOCTYPE_ENTITY + "<ClinicalDocument");
        assertAiXmlError(checkWithCdaPart(cda), "DOCTYPE");
        assertAiXmlError(checkWithInlineCda(cda), "DOCTYPE");
    }

    @Test
    void externalEntityInACda() {
        String cda = Fixtures.cda("&xxe;").replace("<ClinicalDocument", DOCTYPE_XXE + "<ClinicalDocument");
        Report r = checkWithCdaPart(cda);
        assertAiXmlError(r, "DOCTYPE");
        assertThat(r.toString()).doesNotContain("root:");
    }

    @Test
    void entityExpansionInACda() {
        String cda = Fixtures.cda("&g;").replace("<ClinicalDocument", LAUGHS + "<ClinicalDocument");
        assertAiXmlError(checkWithCdaPart(cda), "DOCTYPE");
        assertAiXmlError(checkWithInlineCda(cda), "DOCTYPE");
    }

    @Test
    void absurdNestingInACdaHeader() {
        String deep = "<n>".repeat(100_000) + "</n>".repeat(100_000);
        String cda = Fixtures.cda("1750100125").replace("<custodian>", deep + "<custodian>");
        assertAiXmlError(checkWithCdaPart(cda), "imbrication");
        assertAiXmlError(checkWithInlineCda(cda), "imbrication");
    }

    @Test
    void hugeAttributeInACdaHeader() {
        String cda = Fixtures.cda("1750100125").replace("<custodian>", "<custodian x=\"" + "A".repeat(200_000) + "\">");
        assertAiXmlError(checkWithCdaPart(cda), "attribut");
    }

    @Test
    void aCdaHeaderThatNeverEndsIsStoppedByTheHeaderByteLimit() {
        String head = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>";
        InputStream in = new SequenceInputStream(java.util.Collections.enumeration(List.of(bytes(head),
                repeat((byte) 'x', 100L << 20))));
        CdaHeader h = CdaHeaderReader.withDefaults().read(in, "CDA[x]");
        assertThat(h.problems()).singleElement().satisfies(f -> assertThat(f.message()).contains("octets"));
        assertThat(h.bytesConsumed()).isLessThan(6L << 20);
    }

    @Test
    void truncatedBase64InTheHeaderOfAnInlineCda() {
        Fixtures.Submission s = valid();
        String xml = s.xml();
        int start = xml.indexOf("<xds:Document id=\"D1\">") + "<xds:Document id=\"D1\">".length();
        String truncated = xml.substring(0, start + 101) + xml.substring(xml.indexOf("</xds:Document>", start));
        assertAiXmlError(checkXml(truncated, Map.of()), "");
    }

    @Test
    void truncatedBase64AfterTheHeaderIsStillDetectedWhileSkipping() {
        String cda = Fixtures.cda("1750100125");
        String b64 = Base64.getEncoder().encodeToString(cda.getBytes(StandardCharsets.UTF_8));
        String xml = valid().xml();
        int start = xml.indexOf("<xds:Document id=\"D1\">") + "<xds:Document id=\"D1\">".length();
        int end = xml.indexOf("</xds:Document>", start);
        String cut = b64.substring(0, b64.length() - 2); // dangling quantum, far after the header's end
        Report r = checkXml(xml.substring(0, start) + cut + xml.substring(end), Map.of());
        assertAiXmlError(r, "base64");
    }

    @Test
    void invalidCharacterInInlineBase64() {
        String xml = valid().xml();
        int start = xml.indexOf("<xds:Document id=\"D1\">") + "<xds:Document id=\"D1\">".length();
        assertAiXmlError(checkXml(xml.substring(0, start + 8) + "*" + xml.substring(start + 8), Map.of()), "");
    }

    @Test
    void aMissingXopPartIsAFinding() {
        assertAiXmlError(checkXml(valid().xop().xml(), Map.of()), "absente");
    }

    @Test
    void aCdaPartThatIsNotXml() {
        assertAiXmlError(checkWithCdaPart("%PDF-1.4 not xml"), "illisible");
    }

    @Test
    void noExceptionEscapesFromAStreamThatFails() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.io.IOException("disque débranché");
            }
        };
        Report r = validator.validate(failing, Map.of(), VIHF, AT).report();
        ReportAssert.assertThat(r).fires(Rules.AI_XML, Severity.ERROR);
    }

    /** An input stream of {@code n} times the same byte, never materialised. */
    static InputStream repeat(byte b, long n) {
        return new InputStream() {
            long left = n;

            @Override
            public int read() {
                if (left <= 0) {
                    return -1;
                }
                left--;
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int k = (int) Math.min(len, left);
                java.util.Arrays.fill(buf, off, off + k, b);
                left -= k;
                return k;
            }
        };
    }
}
