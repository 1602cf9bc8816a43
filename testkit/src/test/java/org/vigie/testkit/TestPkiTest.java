package org.vigie.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TestPkiTest {

    static final String ID = "10B0152872";
    final TestPki pki = TestPki.shared();

    /** PKIX validation with the JDK validator, revocation checked against the supplied CRLs. */
    static void pkix(TestPki pki, OrgCredential c, Instant at) throws Exception {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<Object> store = new ArrayList<>(c.chain());
        store.addAll(pki.crls());
        PKIXParameters params = new PKIXParameters(pki.trustAnchors());
        params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
        params.setRevocationEnabled(true);
        params.setDate(Date.from(at));
        CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(c.chain()), params);
    }

    Instant now() {
        return pki.anchor().plus(Duration.ofHours(12));
    }

    @Test
    void authenticationCertificateHasTheOrgSubjectLayoutAndClientAuth() throws Exception {
        X509Certificate c = pki.authentication(ID).certificate();
        assertThat(new JcaX509CertificateHolder(c).getSubject().toString())
                .isEqualTo("C=FR,ST=Rhône (69),O=STRUCTURE DE TEST 10B0152872,OU=10B0152872,CN=Vigie LPS 10B0152872");
        assertThat(c.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        boolean[] ku = c.getKeyUsage();
        assertThat(ku[0]).as("digitalSignature").isTrue();
        assertThat(ku[1]).as("nonRepudiation").isFalse();
        assertThat(c.getBasicConstraints()).isEqualTo(-1);
        assertThat(c.getIssuerX500Principal().getName(X500Principal.RFC2253))
                .isEqualTo("CN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS,OU=IGC-SANTE TEST,OU=0002 187512751,O=ASIP-SANTE,C=FR");
        assertThat(policies(c)).contains(TestPki.TEST_POLICY_OID);
        assertThat(new String(c.getExtensionValue(Extension.cRLDistributionPoints.getId()), StandardCharsets.ISO_8859_1))
                .contains(TestPki.ORG_CRL_URL);
        assertThat(c.getSigAlgName()).isEqualTo("SHA256withRSA");
    }

    @Test
    void signatureCertificateHasDigitalSignatureAndNonRepudiation() {
        OrgCredential s = pki.signature(ID);
        boolean[] ku = s.certificate().getKeyUsage();
        assertThat(ku[0]).isTrue();
        assertThat(ku[1]).isTrue();
        assertThat(s.subjectOus()).containsExactly(ID);
        assertThat(s.subjectDn()).startsWith("CN=Vigie LPS 10B0152872-SIGN,OU=10B0152872,");
    }

    @Test
    void authenticationAndSignatureKeysDiffer() {
        assertThat(pki.authentication(ID).certificate().getPublicKey())
                .isNotEqualTo(pki.signature(ID).certificate().getPublicKey());
    }

    @Test
    void equalSpecificationsGiveTheSameCredential() {
        assertThat(pki.signature(ID)).isSameAs(pki.issue(CertSpec.signature(ID)));
        assertThat(TestPki.shared()).isSameAs(pki);
    }

    @Test
    void validChainsPassTheJdkPkixValidatorWithRevocation() throws Exception {
        pkix(pki, pki.authentication(ID), now());
        pkix(pki, pki.signature(ID), now());
        pkix(pki, pki.authentication("318751275100020"), now());
    }

    static List<CertSpec> broken() {
        return List.of(
                CertSpec.authentication(ID).expired(),
                CertSpec.authentication(ID).notYetValid(),
                CertSpec.authentication(ID).revoked(),
                CertSpec.signature(ID).foreignIssuer(),
                CertSpec.signature(ID).validity(Instant.parse("2001-01-01T00:00:00Z"), Instant.parse("2002-01-01T00:00:00Z")));
    }

    @ParameterizedTest
    @MethodSource("broken")
    void brokenCertificatesFailTheJdkPkixValidator(CertSpec spec) {
        OrgCredential c = pki.issue(spec);
        assertThatThrownBy(() -> pkix(pki, c, now())).isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void revokedCertificateIsListedInTheCrlAndPassesWithoutRevocationChecking() throws Exception {
        OrgCredential r = pki.issue(CertSpec.authentication("1750100125").revoked());
        assertThat(pki.crl().isRevoked(r.certificate())).isTrue();
        assertThat(pki.crl().isRevoked(pki.authentication(ID).certificate())).isFalse();
        pki.crl().verify(pki.organisationsCa().getPublicKey());
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        PKIXParameters params = new PKIXParameters(pki.trustAnchors());
        params.setRevocationEnabled(false);
        params.setDate(Date.from(now()));
        CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(r.chain()), params);
    }

    @Test
    void foreignIssuerCopiesTheCaNamesWithAnotherKey() {
        OrgCredential f = pki.issue(CertSpec.signature(ID).foreignIssuer());
        assertThat(f.certificate().getIssuerX500Principal()).isEqualTo(pki.organisationsCa().getSubjectX500Principal());
        assertThat(f.subjectDn()).isEqualTo(pki.signature(ID).subjectDn());
        assertThat(pki.foreignOrganisationsCa().getPublicKey()).isNotEqualTo(pki.organisationsCa().getPublicKey());
        assertThat(f.root()).isEqualTo(pki.foreignRoot());
    }

    @Test
    void personalCardHasNoOuAndComesFromThePersonsCa() throws Exception {
        OrgCredential p = pki.issue(CertSpec.signature(ID).personalCard());
        assertThat(p.subjectOus()).isEmpty();
        assertThat(p.certificate().getIssuerX500Principal().getName()).contains("PERSONNES");
        assertThat(p.subjectDn()).contains("CN=899700000001+").doesNotContain("OU=");
        pkix(pki, p, now());
    }

    @Test
    void subjectOuVariants() {
        assertThat(pki.issue(CertSpec.authentication(ID).noOu()).subjectOus()).isEmpty();
        assertThat(pki.issue(CertSpec.authentication(ID).twoOu(ID, "1750100125")).subjectOus())
                .containsExactlyInAnyOrder(ID, "1750100125");
        assertThat(pki.issue(CertSpec.authentication(ID).ou("ABC")).subjectOus()).containsExactly("ABC");
        assertThat(pki.issue(CertSpec.authentication(ID).cn("INSI-AUTO")).subjectDn()).startsWith("CN=INSI-AUTO,");
    }

    @Test
    void profileDeviations() {
        assertThat(pki.issue(CertSpec.authentication(ID).withoutExtendedKeyUsage()).certificate().getExtensionValue("2.5.29.37"))
                .isNull();
        assertThat(pki.issue(CertSpec.signature(ID).withoutNonRepudiation()).certificate().getKeyUsage()[1]).isFalse();
    }

    @Test
    void sameSeedAndAnchorGiveByteIdenticalCertificates() throws Exception {
        Instant anchor = Instant.parse("2026-01-01T00:00:00Z");
        TestPki a = TestPki.create(7, anchor);
        TestPki b = TestPki.create(7, anchor);
        assertThat(a.signature(ID).certificate().getEncoded()).isEqualTo(b.signature(ID).certificate().getEncoded());
        assertThat(a.root().getEncoded()).isEqualTo(b.root().getEncoded());
        TestPki c = TestPki.create(8, anchor);
        assertThat(c.root().getPublicKey()).isNotEqualTo(a.root().getPublicKey());
    }

    @Test
    void exportsPemAndPkcs12() throws Exception {
        OrgCredential s = pki.signature(ID);
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        X509Certificate back = (X509Certificate) cf.generateCertificate(
                new ByteArrayInputStream(s.pem().getBytes(StandardCharsets.US_ASCII)));
        assertThat(back).isEqualTo(s.certificate());
        assertThat(cf.generateCertificates(new ByteArrayInputStream(s.chainPem().getBytes(StandardCharsets.US_ASCII))))
                .hasSize(3);
        assertThat(s.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n");
        char[] pw = "changeit".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new ByteArrayInputStream(s.pkcs12(pw)), pw);
        assertThat(ks.getKey("vigie", pw)).isEqualTo(s.privateKey());
        assertThat(ks.getCertificateChain("vigie")).hasSize(3);
    }

    private static List<String> policies(X509Certificate c) throws Exception {
        CertificatePolicies p = CertificatePolicies.fromExtensions(new JcaX509CertificateHolder(c).getExtensions());
        List<String> out = new ArrayList<>();
        for (var info : p.getPolicyInformation()) {
            out.add(info.getPolicyIdentifier().getId());
        }
        return out;
    }
}
