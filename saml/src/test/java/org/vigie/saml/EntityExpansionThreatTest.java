package org.vigie.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigie.core.Rules;
import org.vigie.testkit.VihfDefect;
import org.vigie.testkit.ReportAssert;

/**
 * Threat: the parser is made to read files, expand entities, or exhaust memory. DOCTYPE, external entities and
 * entity expansion are refused before any entity is resolved; oversized input is refused before parsing.
 */
class EntityExpansionThreatTest {

    private final VihfValidator validator = Fixtures.validator();

    @ParameterizedTest
    @EnumSource(value = VihfDefect.class, names = {"DOCTYPE", "EXTERNAL_ENTITY", "ENTITY_EXPANSION", "NOT_WELL_FORMED",
            "NOT_SAML2", "OVERSIZED"})
    void hostileOrBrokenXmlIsVihfXml(VihfDefect defect) {
        VihfValidation r = validator.validateToken(VihfInput.of(Fixtures.token().breaking(defect).toBytes()), Fixtures.AT);
        assertThat(r.report().byRule(Rules.VIHF_XML)).as(r.report().toString()).isNotEmpty();
        assertThat(r.token()).isEmpty();
        assertThat(r.accepted()).isFalse();
    }

    @Test
    void doctypeMessageSaysWhy() {
        VihfValidation r = validator.validateToken(VihfInput.of(Fixtures.token().breaking(VihfDefect.EXTERNAL_ENTITY).toBytes()),
                Fixtures.AT);
        assertThat(r.report().byRule(Rules.VIHF_XML)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("DOCTYPE"));
    }

    @Test
    void undeclaredEntityReferenceIsRefused() {
        String xml = Fixtures.token().toAssertionXml().replace("<saml2:Issuer", "<saml2:Issuer xml:lang=\"&xxe;\"");
        VihfValidation r = validator.validateToken(VihfInput.of(xml.getBytes(StandardCharsets.UTF_8)), Fixtures.AT);
        ReportAssert.assertThat(r.report()).fires(Rules.VIHF_XML);
    }

    @Test
    void sizeLimitIsConfigurable() {
        byte[] token = Fixtures.token().toBytes();
        VihfValidator small = Fixtures.validatorBuilder().policy(VihfPolicy.builder().maxTokenBytes(token.length - 1).build()).build();
        assertThat(small.validateToken(VihfInput.of(token), Fixtures.AT).report().byRule(Rules.VIHF_XML)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("trop gros"));
        VihfValidator exact = Fixtures.validatorBuilder().policy(VihfPolicy.builder().maxTokenBytes(token.length).build()).build();
        assertThat(exact.validateToken(VihfInput.of(token), Fixtures.AT).report().has(Rules.VIHF_XML)).isFalse();
    }

    @Test
    void sizeLimitAppliesToDomElementsToo() {
        org.w3c.dom.Element big = Fixtures.token().breaking(VihfDefect.OVERSIZED).toDocument().getDocumentElement();
        VihfValidation r = validator.validateToken(VihfInput.of(big), Fixtures.AT);
        assertThat(r.report().byRule(Rules.VIHF_XML)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("trop gros"));
        assertThat(validator.validateToken(VihfInput.of(Fixtures.token().toDocument().getDocumentElement()), Fixtures.AT)
                .report().has(Rules.VIHF_XML)).isFalse();
    }

    @Test
    void absurdNestingIsRefusedByTheParser() {
        String deep = "<x>".repeat(5000) + "</x>".repeat(5000);
        String xml = Fixtures.token().toAssertionXml().replace("<saml2:Subject>", deep + "<saml2:Subject>");
        VihfValidation r = validator.validateToken(VihfInput.of(xml.getBytes(StandardCharsets.UTF_8)), Fixtures.AT);
        assertThat(r.report().byRule(Rules.VIHF_XML)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("imbrication"));
    }

    @Test
    void unexpectedRootIsRefused() {
        VihfValidation r = validator.validateToken(VihfInput.of("<a xmlns=\"urn:x\"/>".getBytes(StandardCharsets.UTF_8)), Fixtures.AT);
        assertThat(r.report().byRule(Rules.VIHF_XML)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("élément racine inattendu"));
    }

    @Test
    void emptyInputIsAFindingNotAnException() {
        assertThat(validator.validateToken(VihfInput.of(new byte[0]), Fixtures.AT).report().has(Rules.VIHF_XML)).isTrue();
    }
}
