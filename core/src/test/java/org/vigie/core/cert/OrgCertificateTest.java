package org.vigie.core.cert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigie.core.StructureId;

class OrgCertificateTest {

    @Test
    void readsTheAnsIndirecteSigner() {
        OrgCertificate oc = OrgCertificate.of(TestCerts.load(TestCerts.INDIRECTE_SIGNER));
        assertThat(oc.structureId()).contains(StructureId.parse("339172288100052"));
        assertThat(oc.structureId().get().kind()).isEqualTo(StructureId.Kind.SIRET);
        assertThat(oc.structureIdProblem()).isEmpty();
        assertThat(oc.ouValues()).containsExactly("339172288100052");
        assertThat(oc.raisonSociale()).isEqualTo("GIE SESAM VITALE");
        assertThat(oc.departement()).isEqualTo("Sarthe (72)");
        assertThat(oc.departementCode()).contains("72");
        assertThat(oc.commonName()).isEqualTo("serviceps.sesam-vitale.fr");
        assertThat(oc.kind()).isEqualTo(OrgCertificate.Kind.SIGNATURE);
        assertThat(oc.isSealCapable()).isTrue();
        assertThat(oc.hasClientAuth()).isFalse();
        assertThat(oc.range()).contains("ELEMENTAIRE ORGANISATIONS");
        assertThat(oc.isTest()).isTrue();
        assertThat(oc.isPersonCertificate()).isFalse();
        assertThat(oc.fingerprintSha256()).isEqualTo("972da7d94c0b60e4e0863eedb81a8497ee7d96c69ee49efea4d3afc56b93ee58");
    }

    @Test
    void readsAnAuthenticationCertificateWithAnAccentedDepartementAndATestFiness() {
        OrgCertificate oc = OrgCertificate.of(TestCerts.load(TestCerts.PADOA_AUTH));
        assertThat(oc.kind()).isEqualTo(OrgCertificate.Kind.AUTHENTICATION);
        assertThat(oc.hasClientAuth()).isTrue();
        assertThat(oc.isSealCapable()).isFalse();
        assertThat(oc.departement()).isEqualTo("Rhône (69)");
        assertThat(oc.structureId()).map(StructureId::value).contains("10B0152872");
        assertThat(oc.structureId().get().keyValid()).isFalse();
    }

    @Test
    void signatureCertificateOfTheSameStructureCarriesTheSameId() {
        OrgCertificate auth = OrgCertificate.of(TestCerts.load(TestCerts.PADOA_AUTH));
        OrgCertificate sign = OrgCertificate.of(TestCerts.load(TestCerts.PADOA_SIGN));
        assertThat(sign.kind()).isEqualTo(OrgCertificate.Kind.SIGNATURE);
        assertThat(sign.structureId()).isEqualTo(auth.structureId());
    }

    @Test
    void sslCertificateWithClientAndServerAuthIsAnAuthenticationCertificate() {
        assertThat(OrgCertificate.of(TestCerts.load(TestCerts.MOCK_SSL)).kind()).isEqualTo(OrgCertificate.Kind.AUTHENTICATION);
    }

    @Test
    void personCardIsRecognised() {
        OrgCertificate oc = OrgCertificate.of(TestCerts.load(TestCerts.PERSON_CPE));
        assertThat(oc.isPersonCertificate()).isTrue();
        assertThat(oc.range()).contains("STANDARD PERSONNES");
    }

    @Test
    void caCertificateHasNoSingleOu() {
        OrgCertificate oc = OrgCertificate.of(TestCerts.load(TestCerts.TEST_ORG_CA));
        assertThat(oc.structureId()).isEmpty();
        assertThat(oc.structureIdProblem()).contains("2 OU");
        assertThat(oc.kind()).isEqualTo(OrgCertificate.Kind.OTHER);
    }

    @Test
    void nonIgcSanteIssuerHasNoRange() {
        OrgCertificate oc = OrgCertificate.of(TestCerts.load(TestCerts.CLASSE4));
        assertThat(oc.range()).isEmpty();
        assertThat(oc.isIgcSante()).isFalse();
        assertThat(oc.isTest()).isFalse();
        assertThat(oc.structureId()).map(StructureId::value).contains("318751275100020");
    }
}
