package org.vigie.saml;

import org.vigie.core.cert.TlsPeer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.ReportAssert;

/** VIHF-STRUCT-EQ (control 1 proper), the EJ/EG policy, and VIHF-STRUCT-KNOWN with and without a directory. */
class StructureRulesTest {

    private static VihfValidation run(VihfValidator v, OrgCredential auth, VihfBuilder token) {
        return v.validate(new TlsPeer(auth.certificate(), auth.chain()), VihfInput.of(token.toBytes()), Fixtures.AT);
    }

    @Test
    void strictEqualityPassesAndFailsCharacterForCharacter() {
        VihfValidator v = Fixtures.validator();
        assertThat(run(v, Fixtures.AUTH, Fixtures.token()).report().has(Rules.VIHF_STRUCT_EQ)).isFalse();
        VihfValidation eg = run(v, Fixtures.AUTH, Fixtures.token().identifiantStructure(Fixtures.EG));
        assertThat(eg.report().byRule(Rules.VIHF_STRUCT_EQ)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.evidence()).isEqualTo(Fixtures.EG);
        });
        VihfValidation lower = run(v, Fixtures.PKI.authentication("10B0152872"),
                Fixtures.token(Fixtures.PKI.signature("10B0152872")).identifiantStructure("10b0152872"));
        assertThat(lower.report().has(Rules.VIHF_STRUCT_EQ)).as("case matters").isTrue();
    }

    @Test
    void ejEgPolicyAcceptsAnEstablishmentOfTheCertificateLegalEntityWithAnInfo() {
        VihfValidator v = Fixtures.validatorBuilder().directory(Fixtures.directory())
                .policy(VihfPolicy.builder().ejEgMode(true).build()).build();
        VihfValidation r = run(v, Fixtures.AUTH, Fixtures.token().identifiantStructure(Fixtures.EG));
        assertThat(r.report().byRule(Rules.VIHF_STRUCT_EQ)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(r.accepted()).as(r.report().toString()).isTrue();
        VihfValidation foreign = run(v, Fixtures.AUTH, Fixtures.token().identifiantStructure(VihfBuilder.EVIL_STRUCTURE));
        assertThat(foreign.report().byRule(Rules.VIHF_STRUCT_EQ)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void ejEgPolicyWithoutADirectoryCannotAcceptAnEstablishment() {
        VihfValidator v = Fixtures.validatorBuilder().policy(VihfPolicy.builder().ejEgMode(true).build()).build();
        VihfValidation r = run(v, Fixtures.AUTH, Fixtures.token().identifiantStructure(Fixtures.EG));
        assertThat(r.report().byRule(Rules.VIHF_STRUCT_EQ)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("aucun répertoire");
        });
    }

    @Test
    void structureKnownIsOnlyAnInfoWithoutADirectory() {
        VihfValidation r = run(Fixtures.validator(), Fixtures.AUTH, Fixtures.token());
        assertThat(r.report().byRule(Rules.VIHF_STRUCT_KNOWN)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void structureKnownWithADirectory() {
        VihfValidator v = Fixtures.validatorBuilder().directory(Fixtures.directory()).build();
        assertThat(run(v, Fixtures.AUTH, Fixtures.token()).report().has(Rules.VIHF_STRUCT_KNOWN)).isFalse();
        OrgCredential egAuth = Fixtures.PKI.authentication(Fixtures.EG);
        assertThat(run(v, egAuth, Fixtures.token(Fixtures.PKI.signature(Fixtures.EG))).report().has(Rules.VIHF_STRUCT_KNOWN)).isFalse();
        OrgCredential closedAuth = Fixtures.PKI.authentication(Fixtures.CLOSED_EG);
        VihfValidation closed = run(v, closedAuth, Fixtures.token(Fixtures.PKI.signature(Fixtures.CLOSED_EG)));
        assertThat(closed.report().byRule(Rules.VIHF_STRUCT_KNOWN)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("fermée"));
        OrgCredential unknownAuth = Fixtures.PKI.authentication(VihfBuilder.UNKNOWN_STRUCTURE);
        VihfValidation unknown = run(v, unknownAuth, Fixtures.token(Fixtures.PKI.signature(VihfBuilder.UNKNOWN_STRUCTURE)));
        assertThat(unknown.report().byRule(Rules.VIHF_STRUCT_KNOWN)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void nonFinessStructureCannotBeLookedUpInTheFinessDirectory() {
        VihfValidator v = Fixtures.validatorBuilder().directory(Fixtures.directory()).build();
        String siret = "318751275100020";
        VihfValidation r = run(v, Fixtures.PKI.authentication(siret), Fixtures.token(Fixtures.PKI.signature(siret)));
        assertThat(r.report().byRule(Rules.VIHF_STRUCT_KNOWN)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(r.structureId().orElseThrow().kind()).isEqualTo(org.vigie.core.StructureId.Kind.SIRET);
    }

    @Test
    void malformedIdentifiantStructureIsAnAttributeErrorAndFailsEquality() {
        VihfValidation r = run(Fixtures.validator(), Fixtures.AUTH, Fixtures.token().identifiantStructure("1 130000011"));
        ReportAssert.assertThat(r.report()).fires(Rules.VIHF_ATTRIBUTE);
        ReportAssert.assertThat(r.report()).fires(Rules.VIHF_STRUCT_EQ);
        assertThat(r.structureId()).isEmpty();
    }

    @Test
    void tokenOnlyValidationHasNoControlOneEquality() {
        VihfValidation r = Fixtures.validator().validateToken(
                VihfInput.of(Fixtures.token().identifiantStructure(Fixtures.EG).toBytes()), Fixtures.AT);
        ReportAssert.assertThat(r.report()).doesNotFire(Rules.VIHF_STRUCT_EQ);
        assertThat(r.tlsCertificate()).isEmpty();
    }
}
