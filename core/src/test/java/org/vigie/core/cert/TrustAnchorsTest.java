package org.vigie.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrustAnchorsTest {

    @Test
    void productionAnchorsAreTheIgcSanteElementaireRootAndOrganisationsCa() {
        TrustAnchors prod = TrustAnchors.igcSanteProduction();
        assertThat(prod.anchors()).singleElement().satisfies(c -> {
            assertThat(OrgCertificate.sha256Hex(c)).isEqualTo(TrustAnchors.PROD_ROOT_SHA256);
            assertThat(c.getSubjectX500Principal().getName()).contains("CN=AC RACINE IGC-SANTE ELEMENTAIRE");
        });
        assertThat(prod.intermediates()).singleElement().satisfies(c -> {
            assertThat(OrgCertificate.sha256Hex(c)).isEqualTo(TrustAnchors.PROD_ORG_CA_SHA256);
            assertThat(c.getSubjectX500Principal().getName()).contains("CN=AC IGC-SANTE ELEMENTAIRE ORGANISATIONS");
        });
    }

    @Test
    void testAnchorsAreTheTestRootAndTestOrganisationsCa() {
        TrustAnchors test = TrustAnchors.igcSanteTest();
        assertThat(OrgCertificate.sha256Hex(test.anchors().get(0))).isEqualTo(TrustAnchors.TEST_ROOT_SHA256);
        assertThat(OrgCertificate.sha256Hex(test.intermediates().get(0))).isEqualTo(TrustAnchors.TEST_ORG_CA_SHA256);
        assertThat(test).isNotEqualTo(TrustAnchors.igcSanteProduction());
    }

    /** The shipped resources carry the fingerprints PROVENANCE.md records for the copied files. */
    @ParameterizedTest
    @CsvSource({
            "certs/ca/prod/ACR-EL.cer, 2d9e22ca19f777c6b745257c723ecb8df3c35fa6f1f6ec36b83600c97346967f",
            "certs/ca/prod/ACI-EL-ORG.cer, d834ee5b40686b73573f60547bf6052c6d404d942a5665cdb2c0b9137b5d27b2",
            "certs/ca/test/ACR-EL-TEST.cer, 01325aeb193871eec90fa89556804e4185cb362e0ca87a3d79939c71186da805",
            "certs/ca/test/ACI-EL-ORG-TEST.cer, dc528e3788691b3f7950164076f95b02c64334c68662bdede5750b4e0e5338f6"})
    void shippedFingerprintsMatchProvenance(String file, String shipped) throws IOException {
        Path provenance = TestCerts.testdata().resolve("PROVENANCE.md");
        assumeTrue(Files.isRegularFile(provenance), "PROVENANCE.md missing");
        String text = Files.readString(provenance);
        Matcher m = Pattern.compile("### " + Pattern.quote(file) + "\\R(?:- .*\\R)*?- sha256: `([0-9a-f]{64})`").matcher(text);
        assertThat(m.find()).as("PROVENANCE.md section for " + file).isTrue();
        assertThat(m.group(1)).isEqualTo(shipped);
        // and the fingerprint line of the certificate itself (colon form) agrees
        Matcher fp = Pattern.compile("### " + Pattern.quote(file) + "[\\s\\S]*?sha256 Fingerprint=([0-9A-F:]+)").matcher(text);
        assertThat(fp.find()).isTrue();
        assertThat(fp.group(1).replace(":", "").toLowerCase()).isEqualTo(shipped);
        X509Certificate onDisk = TestCerts.load(file);
        assertThat(OrgCertificate.sha256Hex(onDisk)).isEqualTo(shipped);
        TrustAnchors all = TrustAnchors.igcSanteProduction().plus(TrustAnchors.igcSanteTest());
        assertThat(all.anchors().stream().map(OrgCertificate::sha256Hex)
                .anyMatch(shipped::equals)
                || all.intermediates().stream().map(OrgCertificate::sha256Hex).anyMatch(shipped::equals)).isTrue();
    }

    @Test
    void plusMergesWithoutDuplicates() {
        TrustAnchors p = TrustAnchors.igcSanteProduction();
        TrustAnchors both = p.plus(TrustAnchors.igcSanteTest()).plus(p);
        assertThat(both.anchors()).hasSize(2);
        assertThat(both.intermediates()).hasSize(2);
    }

    @Test
    void integratorAnchorsAreAllTrustedAsChainEnds() {
        X509Certificate ca = TestCerts.load(TestCerts.TEST_ORG_CA);
        TrustAnchors a = TrustAnchors.of(ca);
        assertThat(a.anchors()).containsExactly(ca);
        assertThat(a.intermediates()).isEmpty();
        assertThat(TrustAnchors.none().isEmpty()).isTrue();
    }
}
