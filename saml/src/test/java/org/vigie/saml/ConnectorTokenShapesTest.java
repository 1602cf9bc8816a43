package org.vigie.saml;

import org.vigie.core.cert.TlsPeer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.core.xml.XMLObject;
import org.vigie.core.Finding;
import org.vigie.core.Severity;

/**
 * Two shapes that SAML toolkits (OpenSAML, WSS4J) produce readily and the VIHF examples never show, on tokens built and
 * signed by OpenSAML 4.0.1 (test scope): a {@code Conditions/AudienceRestriction} (DOMAIN.md §6: must not be filled →
 * {@code VIHF-CONDITIONS}) and the role values split over two {@code Attribute} elements (no source says the DMP refuses
 * it → {@code VIHF-ATTRIBUTE} at the severity of {@link VihfPolicy#splitRoleSeverity()}, the roles read together).
 */
class ConnectorTokenShapesTest {

    static final Instant ISSUED = Fixtures.AT.minusSeconds(30);

    @BeforeAll
    static void init() throws Exception {
        OpenSamlInteropTest.initOpenSaml();
    }

    static VihfValidation validate(VihfPolicy policy, byte[] token) {
        return Fixtures.validatorBuilder().policy(policy).build().validate(new TlsPeer(Fixtures.AUTH.certificate(), Fixtures.AUTH.chain()), VihfInput.of(token), Fixtures.AT);
    }

    static void audience(Assertion a, Instant from, Instant until, String... audiences) {
        Conditions c = OpenSamlInteropTest.build(Conditions.DEFAULT_ELEMENT_NAME);
        c.setNotBefore(from);
        c.setNotOnOrAfter(until);
        if (audiences.length > 0) {
            AudienceRestriction ar = OpenSamlInteropTest.build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
            for (String uri : audiences) {
                Audience au = OpenSamlInteropTest.build(Audience.DEFAULT_ELEMENT_NAME);
                au.setURI(uri);
                ar.getAudiences().add(au);
            }
            c.getAudienceRestrictions().add(ar);
        }
        a.setConditions(c);
    }

    /** Moves the second role value into a second Attribute of the same Name, at the end of the statement. */
    static void splitRoles(Assertion a) {
        AttributeStatement st = a.getAttributeStatements().get(0);
        Attribute role = st.getAttributes().stream().filter(x -> x.getName().equals(VihfToken.ROLE)).findFirst().orElseThrow();
        XMLObject second = role.getAttributeValues().get(1);
        role.getAttributeValues().remove(second);
        Attribute other = OpenSamlInteropTest.build(Attribute.DEFAULT_ELEMENT_NAME);
        other.setName(VihfToken.ROLE);
        other.getAttributeValues().add(second);
        st.getAttributes().add(other);
    }

    @Test
    void conditionsWithValidityOnlyAreSilent() throws Exception {
        byte[] token = OpenSamlInteropTest.openSamlVihf(ISSUED, a -> audience(a, ISSUED, ISSUED.plusSeconds(300)));
        VihfValidation r = validate(VihfPolicy.defaults(), token);
        assertThat(r.accepted()).as(r.report().toString()).isTrue();
        assertThat(r.report().has("VIHF-CONDITIONS")).isFalse();
    }

    @Test
    void audienceRestrictionIsAWarningByDefaultNamingTheAudience() throws Exception {
        byte[] token = OpenSamlInteropTest.openSamlVihf(ISSUED,
                a -> audience(a, ISSUED, ISSUED.plusSeconds(300), "https://lps.dmp.gouv.fr/si-dmp-server"));
        assertThat(new String(token, StandardCharsets.UTF_8)).contains("AudienceRestriction");
        VihfValidation r = validate(VihfPolicy.defaults(), token);
        assertThat(r.accepted()).as(r.report().toString()).isTrue();
        assertThat(r.report().byRule("VIHF-CONDITIONS")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.location().toString()).isEqualTo("VIHF/Conditions/AudienceRestriction");
            assertThat(f.evidence()).isEqualTo("https://lps.dmp.gouv.fr/si-dmp-server");
        });
    }

    @Test
    void audienceRestrictionIsAnErrorWhenThePolicySaysSo() throws Exception {
        byte[] token = OpenSamlInteropTest.openSamlVihf(ISSUED, a -> audience(a, ISSUED, ISSUED.plusSeconds(300), "urn:a", "urn:b"));
        VihfValidation r = validate(VihfPolicy.builder().audienceRestrictionSeverity(Severity.ERROR).build(), token);
        assertThat(r.accepted()).isFalse();
        assertThat(r.report().byRule("VIHF-CONDITIONS")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR))
                .satisfies(f -> assertThat(f.evidence()).isEqualTo("urn:a | urn:b"));
    }

    @Test
    void rolesInOneAttributeGiveNoAttributeFinding() throws Exception {
        VihfValidation r = validate(VihfPolicy.defaults(), OpenSamlInteropTest.openSamlVihf(ISSUED));
        assertThat(r.accepted()).isTrue();
        assertThat(r.report().has("VIHF-ATTRIBUTE")).isFalse();
    }

    @Test
    void rolesSplitOverTwoAttributesAreAWarningAndReadTogether() throws Exception {
        byte[] token = OpenSamlInteropTest.openSamlVihf(ISSUED, ConnectorTokenShapesTest::splitRoles);
        assertThat(new String(token, StandardCharsets.UTF_8).split(VihfToken.ROLE, -1)).hasSize(3); // two Attribute Names
        VihfValidation r = validate(VihfPolicy.defaults(), token);
        assertThat(r.accepted()).as(r.report().toString()).isTrue();
        List<Finding> attr = r.report().byRule("VIHF-ATTRIBUTE");
        assertThat(attr).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("réparti sur 2 éléments Attribute");
            assertThat(f.evidence()).isEqualTo("10 | SM26");
        });
        // profession 10 (médecin) with its specialty in the second element: the specialty rule is satisfied
        assertThat(r.report().has("VIHF-ROLE")).isFalse();
        assertThat(r.token().orElseThrow().roles()).extracting(CodedValue::code).containsExactly("10", "SM26");
    }

    @Test
    void splitRolesAreAnErrorWhenThePolicySaysSo() throws Exception {
        byte[] token = OpenSamlInteropTest.openSamlVihf(ISSUED, ConnectorTokenShapesTest::splitRoles);
        VihfValidation r = validate(VihfPolicy.builder().splitRoleSeverity(Severity.ERROR).build(), token);
        assertThat(r.accepted()).isFalse();
        assertThat(r.report().byRule("VIHF-ATTRIBUTE")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(r.report().has("VIHF-ROLE")).isFalse();
    }

    @Test
    void aSplitRoleListIsStillCheckedForTheSpecialtyOfADoctor() throws Exception {
        // the second element holds a role without code: read with the others, it fires VIHF-ROLE (malformed) while the
        // doctor's specialty count stays satisfied by it, as for a single Attribute
        byte[] token = OpenSamlInteropTest.openSamlVihf(ISSUED, a -> {
            splitRoles(a);
            Attribute second = a.getAttributeStatements().get(0).getAttributes().stream()
                    .filter(x -> x.getName().equals(VihfToken.ROLE)).skip(1).findFirst().orElseThrow();
            second.getAttributeValues().clear();
            second.getAttributeValues().add(OpenSamlInteropTest.coded("Role", "", "1.2.250.1.71.4.2.5", "sans code"));
        });
        VihfValidation r = validate(VihfPolicy.defaults(), token);
        assertThat(r.report().byRule("VIHF-ROLE")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("rôle mal formé"));
        assertThat(r.report().byRule("VIHF-ATTRIBUTE")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }
}
