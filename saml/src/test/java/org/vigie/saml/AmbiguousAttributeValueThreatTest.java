package org.vigie.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.saml.FixedPki.AUTH;
import static org.vigie.saml.FixedPki.SIGN;
import static org.vigie.saml.FixedPki.STRUCT;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigie.core.Finding;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.ReportAssert;

/**
 * Issue 14 §4: AttributeValues that two reasonable readers (Vigie, the DMP) could read differently: mixed content,
 * nested elements, a value inside a child element, non-ASCII spaces and zero-width characters. Every token here is
 * signed over its content by the test kit (the signature is valid), so only the value rule stands between it and
 * acceptance: an ERROR for Identifiant_Structure and the values the rules compare, a WARNING for free text.
 */
class AmbiguousAttributeValueThreatTest {

    private static final String HL7 = "xmlns=\"urn:hl7-org:v3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";
    private final VihfValidator validator = FixedPki.validator().build();

    private VihfValidation check(VihfBuilder b) {
        VihfValidation r = FixedPki.check(validator, AUTH, b);
        assertThat(r.report().has(Rules.VIHF_SIGNATURE)).as("signature valid: " + r.report()).isFalse();
        ReportAssert.assertThat(r.report()).doesNotFire(Rules.VIHF_SIGNED);
        return r;
    }

    private static List<Finding> ambiguous(VihfValidation r) {
        return r.report().byRule(Rules.VIHF_ATTRIBUTE).stream().filter(f -> f.message().contains("valeur ambiguë")).toList();
    }

    @Test
    void plainValuesAndAccentedFreeTextAreNotAmbiguous() {
        VihfValidation r = check(FixedPki.token(SIGN).subjectId("Hélène Lefèvre-Dupré"));
        assertThat(ambiguous(r)).isEmpty();
        assertThat(r.accepted()).as(r.report().toString()).isTrue();
    }

    @Test
    void invisibleOrNonAsciiSpacesAroundTheStructureAreErrors() {
        Map<String, String> cases = Map.of(
                "U+00A0", STRUCT + "\u00A0",
                "U+3000", STRUCT + "\u3000",
                "U+200B", "\u200B" + STRUCT,
                "U+FEFF", STRUCT + "\uFEFF",
                "U+2007", STRUCT.substring(0, 4) + "\u2007" + STRUCT.substring(4),
                "U+200E", "\u200E" + STRUCT);
        for (Map.Entry<String, String> c : cases.entrySet()) {
            VihfValidation r = check(FixedPki.token(SIGN).identifiantStructure(c.getValue()));
            assertThat(ambiguous(r)).as(c.getKey()).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.message()).contains("Identifiant_Structure").contains(c.getKey());
                assertThat(f.evidence()).contains("<" + c.getKey() + ">");
                assertThat(f.location().toString()).isEqualTo("VIHF/Attribute[Identifiant_Structure]");
            });
            assertThat(r.accepted()).as(c.getKey()).isFalse();
        }
    }

    @Test
    void mixedContentAndValuesInsideElementsAreErrors() {
        Map<String, String> cases = Map.of(
                "contenu mixte", STRUCT + "<v xmlns=\"urn:vigie:x\">1750712184</v>",
                "élément enfant", "<v xmlns=\"urn:vigie:x\">" + STRUCT + "</v>",
                "2 éléments", "<v xmlns=\"urn:vigie:x\">" + STRUCT + "</v><v xmlns=\"urn:vigie:x\">1750712184</v>");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            VihfValidation r = check(FixedPki.token(SIGN).attributeXml(VihfBuilder.IDENTIFIANT_STRUCTURE, c.getValue()));
            assertThat(ambiguous(r)).as(c.getKey()).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.message()).contains(c.getKey());
            });
            assertThat(r.accepted()).isFalse();
        }
    }

    @Test
    void theSameTextWithoutAmbiguityIsAccepted() {
        // the raw-content path of the test kit, with the plain value: accepted (the firing cases above differ only there)
        VihfValidation r = check(FixedPki.token(SIGN).attributeXml(VihfBuilder.IDENTIFIANT_STRUCTURE, STRUCT));
        assertThat(ambiguous(r)).isEmpty();
        assertThat(r.accepted()).as(r.report().toString()).isTrue();
    }

    @Test
    void roleWithTextBesideItOrANestedCodeIsAnError() {
        String role = "<Role " + HL7 + " code=\"10\" codeSystem=\"1.2.250.1.71.1.2.7\" xsi:type=\"CE\"/>";
        String specialty = "<Role " + HL7 + " code=\"SM26\" codeSystem=\"1.2.250.1.71.4.2.5\" xsi:type=\"CE\"/>";
        VihfValidation plain = check(FixedPki.token(SIGN).attributeXml(VihfBuilder.ROLE, role, specialty));
        assertThat(ambiguous(plain)).isEmpty();
        assertThat(plain.accepted()).as(plain.report().toString()).isTrue();
        String nested = "<Role " + HL7 + " code=\"10\" codeSystem=\"1.2.250.1.71.1.2.7\" xsi:type=\"CE\">"
                + "<translation code=\"21\" codeSystem=\"1.2.250.1.71.1.2.7\"/></Role>";
        for (String first : List.of("21" + role, nested, role + role,
                role.replace("code=\"10\"", "code=\"10\u00A0\""))) {
            VihfValidation r = check(FixedPki.token(SIGN).attributeXml(VihfBuilder.ROLE, first, specialty));
            assertThat(ambiguous(r)).as(first).singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
            assertThat(r.accepted()).isFalse();
        }
    }

    @Test
    void comparedValuesOtherThanTheStructureAreErrorsToo() {
        for (VihfBuilder b : List.of(FixedPki.token(SIGN).version("3.0\u00A0"), FixedPki.token(SIGN).authMode("INDIRECTE\u200B"),
                FixedPki.token(SIGN).secteurActivite("SA01\u3000^1.2.250.1.71.4.2.4"),
                FixedPki.token(SIGN).attribute(VihfBuilder.RESSOURCE_URN, "urn:dmp\uFEFF"))) {
            VihfValidation r = check(b);
            assertThat(ambiguous(r)).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
            assertThat(r.accepted()).isFalse();
        }
    }

    @Test
    void freeTextWithAnInvisibleCharacterIsAWarningOnly() {
        VihfValidation r = check(FixedPki.token(SIGN).subjectId("Jean\u00A0TEST-VIGIE"));
        assertThat(ambiguous(r)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.evidence()).isEqualTo("Jean<U+00A0>TEST-VIGIE");
        });
        assertThat(r.accepted()).isTrue();
    }
}
