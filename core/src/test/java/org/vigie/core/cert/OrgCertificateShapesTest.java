package org.vigie.core.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Certificate shapes the real test data does not offer (core has no certificate builder): key-usage arrays of
 * every length, CA and end-entity basic constraints, server-only EKU, person and test ranges recognised by the
 * issuer alone, départements written as a bare code. The certificates are stubs that answer only what
 * {@link OrgCertificate} reads.
 */
class OrgCertificateShapesTest {

    private static final String ORG_ISSUER = "CN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS,OU=IGC-SANTE TEST,OU=0002 187512751,O=ASIP-SANTE,C=FR";
    private static final String ORG_SUBJECT = "CN=testsign.test.asipsante.fr,OU=300000000077081,O=MINISTERE DE TEST7708,ST=Côte-d'Or (21),C=FR";

    /** A certificate that answers the names, key usage, basic constraints and EKU it is built with. */
    private static final class Stub extends X509Certificate {
        private final X500Principal subject;
        private final X500Principal issuer;
        private final boolean[] keyUsage;
        private final int basicConstraints;
        private final List<String> eku;

        Stub(String subject, String issuer, boolean[] keyUsage, int basicConstraints, List<String> eku) {
            this.subject = new X500Principal(subject);
            this.issuer = new X500Principal(issuer);
            this.keyUsage = keyUsage;
            this.basicConstraints = basicConstraints;
            this.eku = eku;
        }

        @Override public X500Principal getSubjectX500Principal() { return subject; }
        @Override public X500Principal getIssuerX500Principal() { return issuer; }
        @Override public boolean[] getKeyUsage() { return keyUsage == null ? null : keyUsage.clone(); }
        @Override public int getBasicConstraints() { return basicConstraints; }
        @Override public List<String> getExtendedKeyUsage() { return eku; }
        @Override public byte[] getEncoded() { return (subject.getName() + "|" + issuer.getName()).getBytes(StandardCharsets.UTF_8); }
        @Override public void checkValidity() { }
        @Override public void checkValidity(Date date) { }
        @Override public int getVersion() { return 3; }
        @Override public BigInteger getSerialNumber() { return BigInteger.ONE; }
        @Override public Principal getIssuerDN() { return issuer; }
        @Override public Principal getSubjectDN() { return subject; }
        @Override public Date getNotBefore() { return new Date(0); }
        @Override public Date getNotAfter() { return new Date(0); }
        @Override public byte[] getTBSCertificate() { return new byte[0]; }
        @Override public byte[] getSignature() { return new byte[0]; }
        @Override public String getSigAlgName() { return "SHA256withRSA"; }
        @Override public String getSigAlgOID() { return "1.2.840.113549.1.1.11"; }
        @Override public byte[] getSigAlgParams() { return null; }
        @Override public boolean[] getIssuerUniqueID() { return null; }
        @Override public boolean[] getSubjectUniqueID() { return null; }
        @Override public void verify(PublicKey key) { }
        @Override public void verify(PublicKey key, String sigProvider) { }
        @Override public String toString() { return "Stub[" + subject + "]"; }
        @Override public PublicKey getPublicKey() { return null; }
        @Override public boolean hasUnsupportedCriticalExtension() { return false; }
        @Override public Set<String> getCriticalExtensionOIDs() { return Set.of(); }
        @Override public Set<String> getNonCriticalExtensionOIDs() { return Set.of(); }
        @Override public byte[] getExtensionValue(String oid) { return null; }
    }

    private static boolean[] keyUsage(String bits) {
        if (bits.equals("null")) {
            return null;
        }
        boolean[] ku = new boolean[bits.length()];
        for (int i = 0; i < ku.length; i++) {
            ku[i] = bits.charAt(i) == '1';
        }
        return ku;
    }

    private static OrgCertificate org(String keyUsage, int basicConstraints, List<String> eku) {
        return OrgCertificate.of(new Stub(ORG_SUBJECT, ORG_ISSUER, keyUsage(keyUsage), basicConstraints, eku));
    }

    @ParameterizedTest(name = "keyUsage {0}, basicConstraints {1} -> {2}, seal capable {3}")
    @CsvSource({
            // digitalSignature (bit 0) and nonRepudiation (bit 1) on an end entity: a signature (seal) certificate
            "110,        -1, SIGNATURE, true",
            "11,         -1, SIGNATURE, true",
            "111000000,  -1, SIGNATURE, true",
            // one of the two bits only, or a key-usage array too short to hold bit 1
            "10,         -1, OTHER,     false",
            "01,         -1, OTHER,     false",
            "1,          -1, OTHER,     false",
            "'',         -1, OTHER,     false",
            "null,       -1, OTHER,     false",
            // the same bits on a CA (path length 0 or more) are not an end-entity signature certificate
            "110,         0, OTHER,     true",
            "110,         3, OTHER,     true",
    })
    void keyUsageDecidesSignatureCertificatesWithoutEku(String keyUsage, int basicConstraints,
            OrgCertificate.Kind kind, boolean sealCapable) {
        OrgCertificate oc = org(keyUsage, basicConstraints, null);
        assertThat(oc.kind()).isEqualTo(kind);
        assertThat(oc.isSealCapable()).isEqualTo(sealCapable);
        assertThat(oc.hasClientAuth()).isFalse();
    }

    @Test
    void extendedKeyUsageComesBeforeKeyUsage() {
        assertThat(org("110", -1, List.of(OrgCertificate.EKU_SERVER_AUTH)).kind()).isEqualTo(OrgCertificate.Kind.SERVER);
        assertThat(org("110", -1, List.of(OrgCertificate.EKU_SERVER_AUTH, OrgCertificate.EKU_CLIENT_AUTH)).kind())
                .isEqualTo(OrgCertificate.Kind.AUTHENTICATION);
        OrgCertificate client = org("1", -1, List.of(OrgCertificate.EKU_CLIENT_AUTH));
        assertThat(client.kind()).isEqualTo(OrgCertificate.Kind.AUTHENTICATION);
        assertThat(client.hasClientAuth()).isTrue();
        assertThat(org("110", -1, List.of("1.3.6.1.5.5.7.3.4")).kind()).isEqualTo(OrgCertificate.Kind.SIGNATURE);
    }

    @Test
    void accessorsReturnTheCertificateAndItsParsedNames() {
        Stub stub = new Stub(ORG_SUBJECT, ORG_ISSUER, keyUsage("110"), -1, null);
        OrgCertificate oc = OrgCertificate.of(stub);
        assertThat(oc.certificate()).isSameAs(stub);
        assertThat(oc.subject().sameNameAs(DistinguishedNames.parse(ORG_SUBJECT))).isTrue();
        assertThat(oc.issuer().sameNameAs(DistinguishedNames.parse(ORG_ISSUER))).isTrue();
        assertThat(oc.toString()).contains("OrgCertificate[").contains("CN=testsign.test.asipsante.fr");
        assertThat(oc.fingerprintSha256()).hasSize(64).isEqualTo(OrgCertificate.sha256Hex(stub));
        assertThat(oc.structureId()).isPresent();
        assertThat(oc.departementCode()).contains("21");
    }

    @ParameterizedTest(name = "ST={0} -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "Côte-d'Or (21)|21",
            "(21)|21",
            "( 2A )|2A",
            "Sarthe|''",
            "Sarthe ()|''",
            "Sarthe (72|''",
    })
    void departementCodeIsTheLastParenthesisedPartEvenAtTheStart(String st, String code) {
        OrgCertificate oc = OrgCertificate.of(new Stub("CN=x,OU=300000000077081,O=X,ST=" + st.replace(",", "\\,") + ",C=FR",
                ORG_ISSUER, null, -1, null));
        assertThat(oc.departement()).isEqualTo(st);
        assertThat(oc.departementCode().orElse("")).isEqualTo(code);
    }

    @ParameterizedTest(name = "issuer {0} -> range [{1}], IGC-Santé {2}, test {3}, person {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            // the range is what follows "AC IGC-SANTE " in the issuer CN, after an optional "TEST "
            "CN=AC IGC-SANTE ELEMENTAIRE PERSONNES,O=ASIP-SANTE,C=FR|ELEMENTAIRE PERSONNES|true|false|true",
            "CN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS,O=ASIP-SANTE,C=FR|ELEMENTAIRE ORGANISATIONS|true|true|false",
            // a test issuer known only by its OU
            "CN=AC IGC-SANTE STANDARD ORGANISATIONS,OU=IGC-SANTE TEST,O=ASIP-SANTE,C=FR|STANDARD ORGANISATIONS|true|true|false",
            "CN=AC IGC-SANTE STANDARD ORGANISATIONS,OU= igc-sante test ,O=ASIP-SANTE,C=FR|STANDARD ORGANISATIONS|true|true|false",
            "CN=AC IGC-SANTE STANDARD ORGANISATIONS,OU=IGC-SANTE,O=ASIP-SANTE,C=FR|STANDARD ORGANISATIONS|true|false|false",
            // not the IGC-Santé
            "CN=AC IGC-SANTE,O=ASIP-SANTE,C=FR|''|false|false|false",
            "CN=Some Other CA,O=Elsewhere,C=FR|''|false|false|false",
            "CN=TEST Some Other CA,O=Elsewhere,C=FR|''|false|true|false",
    })
    void rangeTestAndPersonFlagsComeFromTheIssuer(String issuer, String range, boolean igcSante, boolean test,
            boolean person) {
        OrgCertificate oc = OrgCertificate.of(new Stub(ORG_SUBJECT, issuer, null, -1, null));
        assertThat(oc.range().orElse("")).isEqualTo(range);
        assertThat(oc.isIgcSante()).isEqualTo(igcSante);
        assertThat(oc.isTest()).isEqualTo(test);
        assertThat(oc.isPersonCertificate()).isEqualTo(person);
    }

    @ParameterizedTest(name = "subject {0} -> person")
    @CsvSource(delimiter = '|', value = {
            "CN=899900038839,SURNAME=TRAL,O=TEST,C=FR",
            "CN=899900038839,GIVENNAME=ADEMIS,O=TEST,C=FR",
            "CN=899900038839,T=Medecin,O=TEST,C=FR",
    })
    void personAttributesInTheSubjectMakeAPersonCertificate(String subject) {
        assertThat(OrgCertificate.of(new Stub(subject, ORG_ISSUER, null, -1, null)).isPersonCertificate()).isTrue();
    }
}
