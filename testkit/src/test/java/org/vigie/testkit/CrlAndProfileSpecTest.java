package org.vigie.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SignatureException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.junit.jupiter.api.Test;

/** What {@link CrlSpec} and the profile deviations of {@link CertSpec} put in the DER (read with the JDK and BC). */
class CrlAndProfileSpecTest {

    static final Instant ANCHOR = Instant.parse("2026-03-02T00:00:00Z");
    static final TestPki PKI = TestPki.create(42L, ANCHOR);
    static final OrgCredential REVOKED = PKI.issue(CertSpec.authentication("1130000011").revoked());

    private static IssuingDistributionPoint idp(X509CRL crl) {
        byte[] v = crl.getExtensionValue(Extension.issuingDistributionPoint.getId());
        return v == null ? null : IssuingDistributionPoint.getInstance(ASN1OctetString.getInstance(v).getOctets());
    }

    @Test
    void currentCrlIsTheDefaultOneAndListsTheRevokedCertificate() throws Exception {
        X509CRL crl = PKI.crl(CrlSpec.current());
        crl.verify(PKI.organisationsCa().getPublicKey());
        assertThat(crl.getThisUpdate()).isEqualTo(Date.from(ANCHOR.minus(Duration.ofDays(1))));
        assertThat(crl.getNextUpdate()).isEqualTo(Date.from(ANCHOR.plus(Duration.ofDays(30))));
        assertThat(crl.getRevokedCertificate(REVOKED.certificate())).isNotNull();
        assertThat(idp(crl)).isNull();
        assertThat(crl.getExtensionValue(Extension.deltaCRLIndicator.getId())).isNull();
        assertThat(PKI.crl(CrlSpec.current().listingNothing()).getRevokedCertificates()).isNull();
    }

    @Test
    void datesDeltaAndScopeAreWrittenAsAsked() {
        Instant from = ANCHOR.minus(Duration.ofDays(40));
        Instant next = ANCHOR.minus(Duration.ofDays(10));
        X509CRL stale = PKI.crl(CrlSpec.current().dates(from, next));
        assertThat(stale.getNextUpdate()).isEqualTo(Date.from(next));
        assertThat(PKI.crl(CrlSpec.current().withoutNextUpdate()).getNextUpdate()).isNull();
        X509CRL delta = PKI.crl(CrlSpec.current().delta(7));
        assertThat(delta.getCriticalExtensionOIDs()).contains(Extension.deltaCRLIndicator.getId());
        assertThat(idp(PKI.crl(CrlSpec.current().onlyContainsCaCerts())).onlyContainsCACerts()).isTrue();
        assertThat(idp(PKI.crl(CrlSpec.current().onlyContainsUserCerts())).onlyContainsUserCerts()).isTrue();
        assertThat(idp(PKI.crl(CrlSpec.current().onlyContainsAttributeCerts())).onlyContainsAttributeCerts()).isTrue();
        assertThat(idp(PKI.crl(CrlSpec.current().onlySomeReasons())).getOnlySomeReasons()).isNotNull();
        assertThat(idp(PKI.crl(CrlSpec.current().indirectCrl())).isIndirectCRL()).isTrue();
        assertThatThrownBy(() -> CrlSpec.current().delta(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void foreignKeyCrlCarriesTheIssuerNameButNotItsSignature() {
        X509CRL forged = PKI.crl(CrlSpec.current().signedByForeignKey());
        assertThat(forged.getIssuerX500Principal()).isEqualTo(PKI.organisationsCa().getSubjectX500Principal());
        assertThatThrownBy(() -> forged.verify(PKI.organisationsCa().getPublicKey())).isInstanceOf(SignatureException.class);
    }

    @Test
    void profileDeviationsAndIssuers() throws Exception {
        X509Certificate ca = PKI.issue(CertSpec.signature("1130000011").caTrue()).certificate();
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(PKI.issue(CertSpec.authentication("1130000011").withoutDigitalSignature()).certificate().getKeyUsage()[0])
                .isFalse();
        X509Certificate persons = PKI.issue(CertSpec.signature("1130000011").issuedByPersonsCa()).certificate();
        assertThat(persons.getIssuerX500Principal()).isEqualTo(PKI.personsCa().getSubjectX500Principal());
        persons.verify(PKI.personsCa().getPublicKey());
        OrgCredential rootIssued = PKI.issue(CertSpec.signature("1130000011").issuedByRoot());
        rootIssued.certificate().verify(PKI.root().getPublicKey());
        OrgCredential prod = PKI.issue(CertSpec.authentication("1130000011").productionHierarchy());
        prod.certificate().verify(PKI.productionOrganisationsCa().getPublicKey());
        assertThat(prod.root()).isEqualTo(PKI.productionRoot());
        assertThat(PKI.productionRoot().getSubjectX500Principal().getName()).doesNotContain("TEST")
                .contains("AC RACINE IGC-SANTE ELEMENTAIRE");
        X509Certificate noPolicy = PKI.issue(CertSpec.signature("1130000011").policyOids()).certificate();
        assertThat(noPolicy.getExtensionValue(Extension.certificatePolicies.getId())).isNull();
        X509Certificate other = PKI.issue(CertSpec.signature("1130000011").policyOids("1.2.3.4", "1.2.3.5")).certificate();
        assertThat(CertificatePolicies.getInstance(ASN1OctetString.getInstance(
                other.getExtensionValue(Extension.certificatePolicies.getId())).getOctets()).getPolicyInformation()).hasSize(2);
    }

    @Test
    void aSpecificationWithoutDeviationsKeepsItsKeyAndEqualsItself() {
        CertSpec plain = CertSpec.signature("1130000011");
        assertThat(plain).isEqualTo(CertSpec.signature("1130000011")).isNotEqualTo(plain.caTrue());
        assertThat(plain.toString()).as("the label of a plain specification is unchanged").doesNotContain("issuer=")
                .endsWith("withoutNonRepudiation=false]");
        assertThat(plain.caTrue().toString()).contains("ca=true");
        assertThat(PKI.issue(plain).certificate().getPublicKey())
                .as("deviations get other keys").isNotEqualTo(PKI.issue(plain.caTrue()).certificate().getPublicKey());
        assertThat(TestPki.create(42L, ANCHOR).issue(plain).certificate()).isEqualTo(PKI.issue(plain).certificate());
    }
}
