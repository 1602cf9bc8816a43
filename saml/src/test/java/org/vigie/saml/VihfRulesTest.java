package org.vigie.saml;

import org.vigie.core.cert.TlsPeer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigie.core.Finding;
import org.vigie.core.Rule;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.VihfDefect;
import org.vigie.testkit.ReportAssert;

/**
 * Every VIHF rule on both sides: the valid test-kit token passes, and each test-kit defect fires the rule it names
 * (table-driven over {@link VihfDefect}).
 */
class VihfRulesTest {

    /** Defects whose expected finding is a WARNING by default: the token stays accepted. */
    private static final Set<VihfDefect> WARNING_ONLY = EnumSet.of(VihfDefect.SHA1, VihfDefect.AUTH_MODE_SPELLING);

    private final VihfValidator validator = Fixtures.validatorBuilder().directory(Fixtures.directory()).build();

    @Test
    void validTestKitTokenIsAcceptedWithoutAnyWarning() {
        VihfValidation r = validator.validate(new TlsPeer(Fixtures.AUTH.certificate(), Fixtures.AUTH.chain()),
                VihfInput.of(Fixtures.token().toBytes()), Fixtures.AT);
        assertThat(r.report().findings()).as(r.report().toString()).isEmpty();
        assertThat(r.accepted()).isTrue();
        assertThat(r.structureId()).map(Object::toString).contains(Fixtures.STRUCT);
        assertThat(r.token().orElseThrow().signatureValid()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(VihfDefect.class)
    void eachDefectFiresItsRule(VihfDefect defect) {
        VihfBuilder b = Fixtures.token().breaking(defect);
        VihfValidation r = validator.validate(new TlsPeer(Fixtures.AUTH.certificate(), Fixtures.AUTH.chain()),
                VihfInput.of(Fixtures.bytes(b, defect)), Fixtures.AT);
        if (defect.expectedRule().isEmpty()) {
            assertThat(r.accepted()).as(r.report().toString()).isTrue();
            return;
        }
        Rule rule = defect.expectedRule().get();
        assertThat(r.report().has(rule)).as(defect + " → " + rule + "\n" + r.report()).isTrue();
        if (WARNING_ONLY.contains(defect)) {
            assertThat(r.report().byRule(rule)).extracting(Finding::severity).containsOnly(Severity.WARNING);
            assertThat(r.accepted()).isTrue();
        } else {
            assertThat(r.accepted()).as(defect + "\n" + r.report()).isFalse();
        }
        if (defect.breaksSignatureCryptographically() || rule.equals(Rules.VIHF_SIGNATURE)) {
            assertThat(r.token().map(VihfToken::signatureValid).orElse(false)).as("never read as valid").isFalse();
        }
    }

    @Test
    void commentInsideIdentifiantStructureDoesNotTruncateIt() {
        VihfValidation r = validator.validate(new TlsPeer(Fixtures.AUTH.certificate(), Fixtures.AUTH.chain()),
                VihfInput.of(Fixtures.token().breaking(VihfDefect.COMMENT_IN_STRUCTURE_ID).toBytes()), Fixtures.AT);
        assertThat(r.token().orElseThrow().identifiantStructure()).contains(Fixtures.STRUCT);
        assertThat(r.structureId()).map(Object::toString).contains(Fixtures.STRUCT);
        ReportAssert.assertThat(r.report()).doesNotFire(Rules.VIHF_STRUCT_EQ);
    }

    @Test
    void acceptedVersionsComeFromThePolicy() {
        VihfValidator v40only = Fixtures.validatorBuilder()
                .policy(VihfPolicy.builder().acceptedVersions(Set.of("4.0")).build()).build();
        byte[] v30 = Fixtures.token().version("3.0").toBytes();
        byte[] v40 = Fixtures.token().version("4.0").toBytes();
        assertThat(Fixtures.validator().validateToken(VihfInput.of(v40), Fixtures.AT).report().has(Rules.VIHF_VERSION)).isFalse();
        assertThat(v40only.validateToken(VihfInput.of(v30), Fixtures.AT).report().has(Rules.VIHF_VERSION)).isTrue();
        assertThat(v40only.validateToken(VihfInput.of(v40), Fixtures.AT).report().has(Rules.VIHF_VERSION)).isFalse();
    }

    @Test
    void renforceeModeAndOtherPurposesAreAccepted() {
        for (String purpose : new String[] {"normal", "bris_de_glace", "centre_15"}) {
            VihfValidation r = Fixtures.check(Fixtures.token().authMode("INDIRECTE_RENFORCEE").purposeOfUse(purpose));
            ReportAssert.assertThat(r.report()).doesNotFire(Rules.VIHF_AUTH_MODE);
            assertThat(r.report().has(Rules.VIHF_PURPOSE)).as(purpose).isFalse();
        }
    }

    @Test
    void resourceIdIsOptionalButCheckedWhenPresent() {
        assertThat(Fixtures.check(Fixtures.token().removeAttribute(VihfBuilder.RESOURCE_ID)).report()
                .has(Rules.VIHF_RESOURCE)).isFalse();
        assertThat(Fixtures.check(Fixtures.token().patientIns("185052A12345678")).report().has(Rules.VIHF_RESOURCE)).isFalse();
        assertThat(Fixtures.check(Fixtures.token().attribute(VihfBuilder.RESOURCE_ID, "207058575627097")).report()
                .has(Rules.VIHF_RESOURCE)).isTrue();
    }

    @Test
    void specialtyIsRequiredOnlyForDoctorsAndPharmacists() {
        VihfBuilder nurse = Fixtures.token().removeAttribute(VihfBuilder.ROLE).role("60", "1.2.250.1.71.1.2.7", "Infirmier");
        assertThat(Fixtures.check(nurse).report().has(Rules.VIHF_ROLE)).isFalse();
        VihfBuilder pharmacist = Fixtures.token().removeAttribute(VihfBuilder.ROLE).role("21", "1.2.250.1.71.1.2.7", "Pharmacien");
        assertThat(Fixtures.check(pharmacist).report().has(Rules.VIHF_ROLE)).isTrue();
    }

    @Test
    void sectorValueSetIsConfigurable() {
        byte[] sa66 = Fixtures.token().secteurActivite("SA66").toBytes();
        byte[] sa11 = Fixtures.token().secteurActivite("SA11").toBytes();
        VihfValidator j02 = Fixtures.validatorBuilder()
                .policy(VihfPolicy.builder().sectorValueSet(SectorValueSet.jdvJ02()).forbiddenSectors(Set.of()).build()).build();
        assertThat(Fixtures.validator().validateToken(VihfInput.of(sa66), Fixtures.AT).report().has(Rules.VIHF_SECTOR_VALUESET)).isTrue();
        assertThat(j02.validateToken(VihfInput.of(sa66), Fixtures.AT).report().has(Rules.VIHF_SECTOR_VALUESET)).isFalse();
        assertThat(j02.validateToken(VihfInput.of(sa11), Fixtures.AT).report().has(Rules.VIHF_SECTOR_VALUESET)).isTrue();
        VihfValidation byDefault = Fixtures.validator().validateToken(VihfInput.of(sa11), Fixtures.AT);
        ReportAssert.assertThat(byDefault.report()).doesNotFire(Rules.VIHF_SECTOR_VALUESET);
        assertThat(byDefault.report().byRule(Rules.VIHF_SECTOR_FORBIDDEN)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("SA11").contains("intérim"));
    }

    @Test
    void forbiddenSectorListIsReplaceable() {
        byte[] sa23 = Fixtures.token().secteurActivite("SA23").toBytes();
        byte[] sa01 = Fixtures.token().secteurActivite("SA01").toBytes();
        VihfValidator custom = Fixtures.validatorBuilder()
                .policy(VihfPolicy.builder().forbiddenSectors(Set.of("SA01")).build()).build();
        assertThat(custom.validateToken(VihfInput.of(sa23), Fixtures.AT).report().has(Rules.VIHF_SECTOR_FORBIDDEN)).isFalse();
        assertThat(custom.validateToken(VihfInput.of(sa01), Fixtures.AT).report().has(Rules.VIHF_SECTOR_FORBIDDEN)).isTrue();
    }

    @Test
    void clockSkewToleratesASlightlyFutureIssueInstant() {
        byte[] twoMinutesAhead = Fixtures.token().at(Fixtures.AT.plusSeconds(120)).toBytes();
        byte[] tenMinutesAhead = Fixtures.token().at(Fixtures.AT.plusSeconds(600)).toBytes();
        assertThat(Fixtures.validator().validateToken(VihfInput.of(twoMinutesAhead), Fixtures.AT).report().has(Rules.VIHF_TIME)).isFalse();
        assertThat(Fixtures.validator().validateToken(VihfInput.of(tenMinutesAhead), Fixtures.AT).report().has(Rules.VIHF_TIME)).isTrue();
        VihfValidator tight = Fixtures.validatorBuilder().policy(VihfPolicy.builder().clockSkew(java.time.Duration.ZERO).build()).build();
        assertThat(tight.validateToken(VihfInput.of(twoMinutesAhead), Fixtures.AT).report().has(Rules.VIHF_TIME)).isTrue();
    }

    @Test
    void conditionsWindowIsHonoured() {
        byte[] inside = Fixtures.token().validity(Fixtures.AT.minusSeconds(60), Fixtures.AT.plusSeconds(3600)).toBytes();
        assertThat(Fixtures.validator().validateToken(VihfInput.of(inside), Fixtures.AT).report().has(Rules.VIHF_TIME)).isFalse();
        assertThat(Fixtures.validator().validateToken(VihfInput.of(inside), Fixtures.AT.plusSeconds(3600 + 301))
                .report().has(Rules.VIHF_TIME)).isTrue();
    }

    @Test
    void issuerInAnotherDnSpellingStillMatches() {
        String reversed = "C=FR, ST=" + "Paris (75)";
        // the test-kit signer subject, written in X.500 order with S= instead of ST=
        String dn = Fixtures.SIGN.certificate().getSubjectX500Principal().getName();
        String[] rdns = dn.split(",");
        StringBuilder sb = new StringBuilder();
        for (int i = rdns.length - 1; i >= 0; i--) {
            sb.append(rdns[i].replaceFirst("^ST=", "S=")).append(i > 0 ? ", " : "");
        }
        VihfValidation r = Fixtures.check(Fixtures.token().issuer(sb.toString()));
        assertThat(r.report().has(Rules.VIHF_ISSUER)).as(sb + "\n" + r.report()).isFalse();
        assertThat(reversed).isNotEmpty();
    }
}
