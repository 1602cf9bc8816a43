package org.vigie.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.vigie.core.Severity;
import org.vigie.testkit.internal.Xml;
import org.w3c.dom.Document;

/**
 * Each hostile shape changes the artefact it targets and keeps it well-formed XML (the shapes are about what a
 * reader makes of valid XML, not about broken syntax), names an ERROR rule, and carries the evil identifier where
 * it hides one. Checked with the JDK's DOM parser only: no validator involved.
 */
class SubmissionDefectTest {

    static final String EVIL = "1920100013";

    static XdsSubmissionBuilder valid() {
        return XdsSubmissionBuilder.provideAndRegister().document("doc1", CdaBuilder.ciSis().author("CH TEST", "1750100125"))
                .document("doc2", CdaBuilder.ciSis().author("CH TEST", "1750100125"));
    }

    static Document parse(String xml) throws Exception {
        return Xml.documentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @EnumSource(SubmissionDefect.class)
    void eachShapeChangesTheRequestAndKeepsItWellFormed(SubmissionDefect d) throws Exception {
        String xml = valid().toXml();
        String hostile = d.apply(xml, EVIL);
        assertThat(hostile).isNotEqualTo(xml);
        assertThat(parse(hostile).getDocumentElement().getLocalName()).isEqualTo("ProvideAndRegisterDocumentSetRequest");
        assertThat(d.expectedRule().defaultSeverity()).isEqualTo(Severity.ERROR);
        if (d.cdaLevel()) {
            String cda = valid().cda("doc1").toXml();
            String changed = d.applyToCda(cda, EVIL);
            assertThat(parse(changed).getDocumentElement().getLocalName()).isEqualTo("ClinicalDocument");
            // the inline form carries exactly the changed document
            int at = hostile.indexOf("<ns4:Document id=\"doc1\">") + "<ns4:Document id=\"doc1\">".length();
            String b64 = hostile.substring(at, hostile.indexOf("</ns4:Document>", at));
            assertThat(new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8))
                    .isEqualTo(d.applyToCda(new String(Base64.getDecoder().decode(
                            xml.substring(at, xml.indexOf("</ns4:Document>", at))), StandardCharsets.UTF_8), EVIL));
        }
    }

    @Test
    void theShapesThatHideAnotherStructureCarryItsIdentifier() {
        for (SubmissionDefect d : SubmissionDefect.values()) {
            String out = d.cdaLevel() ? d.applyToCda(valid().cda("doc1").toXml(), EVIL) : d.apply(valid().toXml(), EVIL);
            if (d == SubmissionDefect.DUPLICATE_DOCUMENT || d == SubmissionDefect.ORPHAN_DOCUMENT) {
                // the added document carries the other structure in its CDA (base64)
                int at = out.lastIndexOf("<ns4:Document id=\"");
                at = out.indexOf('>', at) + 1;
                out = new String(Base64.getDecoder().decode(out.substring(at, out.indexOf("</ns4:Document>", at))),
                        StandardCharsets.UTF_8);
            }
            boolean carriesEvil = out.contains(EVIL);
            boolean rewritesTheValue = d.name().startsWith("XON_") || d.name().equals("VALUE_INSIDE_CHILD_ELEMENT")
                    || d.name().equals("SECOND_VALUE_UNICODE_SPACE_ONLY") || d.name().equals("NO_DOCUMENT_ENTRY")
                    || d.name().equals("FOREIGN_NAMESPACE_ENTRY")
                    || d.name().equals("CDA_EXTENSION_TRAILING_IDEOGRAPHIC_SPACE")
                    // the one-rule defects: only the one about another legal entity carries it
                    || (d.errorRules().isPresent() && d != SubmissionDefect.ENTRY_OF_ANOTHER_LEGAL_ENTITY);
            assertThat(carriesEvil).as(d.name()).isEqualTo(!rewritesTheValue);
        }
        assertThat(SubmissionDefect.CDA_AUTHOR_AFTER_BODY.afterCdaBody()).isTrue();
        assertThat(SubmissionDefect.CDA_ID_WITH_TEXT.afterCdaBody()).isFalse();
    }

    @Test
    void everyAiRuleHasADefectAndTheOneRuleDefectsNameTheirErrors() {
        java.util.Set<String> covered = new java.util.TreeSet<>();
        for (SubmissionDefect d : SubmissionDefect.values()) {
            covered.add(d.expectedRule().id());
            d.errorRules().ifPresent(rules -> {
                assertThat(rules).contains(d.expectedRule());
                assertThat(rules).allSatisfy(r -> assertThat(r.defaultSeverity()).isEqualTo(Severity.ERROR));
            });
        }
        assertThat(covered).containsExactlyInAnyOrder("AI-XML", "AI-PRESENT", "AI-SINGLE", "AI-FORMAT", "AI-CDA-MATCH",
                "AI-CONSISTENT", "AI-GEOGRAPHIC", "AI-SAME-EJ");
        assertThat(SubmissionDefect.ENTRY_TWO_VALUES.errorRules()).hasValueSatisfying(r -> assertThat(r).hasSize(1));
        assertThat(SubmissionDefect.CDA_ID_WITH_TEXT.errorRules()).isEmpty();
    }

    @Test
    void misuseIsAnException() {
        assertThatThrownBy(() -> SubmissionDefect.DUPLICATE_DOCUMENT.applyToCda("<ClinicalDocument/>", EVIL))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SubmissionDefect.CDA_ID_WITH_TEXT.applyToCda("<ClinicalDocument/>", EVIL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubmissionDefect.CDA_ID_WITH_TEXT.apply(valid().xop().toXml(), EVIL))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
