package org.vigie.saml;

import org.vigie.core.cert.TlsPeer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigie.core.Finding;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.StructureDirectory;
import org.vigie.testkit.FinessFiles;
import org.vigie.testkit.FinessFiles.Load;
import org.vigie.testkit.FinessFiles.Source;
import org.vigie.testkit.OrgCredential;

/**
 * VIHF-STRUCT-KNOWN and the EJ/EG policy of VIHF-STRUCT-EQ on a directory loaded from each FINESS file alone and
 * from all three, the files written as the real formats are ({@link FinessFiles}: an etalab EG extract in Latin-1
 * with geolocalisation lines and no EJ record, an EJ extract, a JSON feed with closed EGs). The expected verdicts
 * follow from what each file carries (README, "vigie check"): the etalab extract knows the EGs and, through them,
 * their EJ; the EJ extract knows the EJ records only; the JSON feed knows both and the closed EGs. That an EJ whose
 * EGs are all closed is "closed" is Vigie's documented decision (StructureDirectory), not a published DMP rule.
 */
class DirectorySourcesTest {

    private static final String CH = "1" + FinessFiles.CH.finess();
    private static final String CLOSED_EJ = "1" + FinessFiles.CLOSED_EJ.finess();

    private static List<Finding> known(StructureDirectory d, String structure) {
        return known(d, structure, false);
    }

    private static List<Finding> known(StructureDirectory d, String structure, boolean ejEg) {
        VihfValidator v = Fixtures.validatorBuilder().directory(d)
                .policy(VihfPolicy.builder().ejEgMode(ejEg).build()).build();
        OrgCredential auth = Fixtures.PKI.authentication(structure);
        VihfValidation r = v.validate(new TlsPeer(auth.certificate(), auth.chain()),
                VihfInput.of(Fixtures.token(Fixtures.PKI.signature(structure)).toBytes()), Fixtures.AT);
        return r.report().byRule(Rules.VIHF_STRUCT_KNOWN);
    }

    @ParameterizedTest
    @EnumSource(Load.class)
    void anEjIsKnownWhetherFromItsRecordOrFromItsEgs(Load load) {
        // the EJ-certificate set-up of the doctrine: certificate and Identifiant_Structure = the EJ
        assertThat(known(load.directory(), CH)).as(load + ": EJ " + CH).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Load.class)
    void anOpenEgIsKnownFromTheFilesThatCarryEgs(Load load) {
        List<Finding> f = known(load.directory(), FinessFiles.CH_SITE.idNat());
        if (load == Load.EJ_ONLY) {
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.severity()).isEqualTo(Severity.ERROR);
                assertThat(x.message()).contains("inconnu du répertoire FINESS");
            });
        } else {
            assertThat(f).as(load.name()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Load.class)
    void aClosedEgIsClosedOnlyWhereTheJsonFeedSaysSo(Load load) {
        List<Finding> f = known(load.directory(), FinessFiles.CH_CLOSED.idNat());
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.message()).contains(load.has(Source.JSON_FEED) ? "est fermée" : "inconnu du répertoire");
        });
    }

    @ParameterizedTest
    @EnumSource(Load.class)
    void anEjWhoseEgsAreAllClosedIsClosed(Load load) {
        List<Finding> f = known(load.directory(), CLOSED_EJ);
        switch (load) {
            // not in the EG extract (its only EG is closed): unknown
            case ETALAB_ONLY -> assertThat(f).singleElement()
                    .satisfies(x -> assertThat(x.message()).contains("inconnu du répertoire"));
            // an EJ record and no EG: nothing says it is closed
            case EJ_ONLY -> assertThat(f).isEmpty();
            default -> assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.severity()).isEqualTo(Severity.ERROR);
                assertThat(x.message()).contains("entité juridique fermée").contains("tous ses EG (1) sont fermés");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Load.class)
    void aFinessNoFileCarriesIsUnknown(Load load) {
        assertThat(known(load.directory(), "1" + org.vigie.testkit.TestNumbers.finess("44009900"))).singleElement()
                .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void withoutAnyFileTheRuleIsNotEvaluated() {
        OrgCredential auth = Fixtures.PKI.authentication(CH);
        VihfValidation r = Fixtures.validator().validate(new TlsPeer(auth.certificate(), auth.chain()),
                VihfInput.of(Fixtures.token(Fixtures.PKI.signature(CH)).toBytes()), Fixtures.AT);
        assertThat(r.report().byRule(Rules.VIHF_STRUCT_KNOWN)).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.INFO);
            assertThat(x.message()).contains("non évalué");
        });
    }

    @ParameterizedTest
    @EnumSource(Load.class)
    void ejEgPolicyAcceptsAnEgOfTheCertificateEjWhereTheEgIsKnown(Load load) {
        StructureDirectory d = load.directory();
        VihfValidator v = Fixtures.validatorBuilder().directory(d).policy(VihfPolicy.builder().ejEgMode(true).build())
                .build();
        OrgCredential auth = Fixtures.PKI.authentication(CH);
        OrgCredential sign = Fixtures.PKI.signature(CH);
        VihfValidation own = v.validate(new TlsPeer(auth.certificate(), auth.chain()),
                VihfInput.of(Fixtures.token(sign).identifiantStructure(FinessFiles.CH_SITE.idNat()).toBytes()), Fixtures.AT);
        VihfValidation other = v.validate(new TlsPeer(auth.certificate(), auth.chain()),
                VihfInput.of(Fixtures.token(sign).identifiantStructure(FinessFiles.CLINIC_SITE.idNat()).toBytes()),
                Fixtures.AT);
        assertThat(other.report().byRule(Rules.VIHF_STRUCT_EQ)).as("EG of another EJ").singleElement()
                .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.ERROR));
        if (load == Load.EJ_ONLY) {
            // the EJ extract knows no EG: the EG cannot be tied to the certificate's EJ
            assertThat(own.report().byRule(Rules.VIHF_STRUCT_EQ)).singleElement()
                    .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.ERROR));
            assertThat(own.accepted()).isFalse();
        } else {
            assertThat(own.report().byRule(Rules.VIHF_STRUCT_EQ)).singleElement()
                    .satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.INFO));
            assertThat(own.accepted()).as(load + " " + own.report()).isTrue();
        }
    }
}
