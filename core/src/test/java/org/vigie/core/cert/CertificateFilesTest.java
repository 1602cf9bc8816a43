package org.vigie.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CertificateFiles} and {@link TrustAnchors#fromFiles(List)} on the IGC-Santé CA files and openssl-made ones. */
class CertificateFilesTest {

    @TempDir
    Path tmp;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(CertificateFilesTest.class.getResource(name).toURI());
    }

    @Test
    void rootAndIssuingCaFilesGiveOneAnchorAndOneIntermediate() throws IOException {
        Path data = TestCerts.testdata();
        TrustAnchors t = TrustAnchors.fromFiles(List.of(data.resolve("certs/ca/prod/ACR-EL.cer"),
                data.resolve("certs/ca/prod/ACI-EL-ORG.cer")));
        assertThat(t.anchors()).extracting(OrgCertificate::sha256Hex).containsExactly(TrustAnchors.PROD_ROOT_SHA256);
        assertThat(t.intermediates()).extracting(OrgCertificate::sha256Hex).containsExactly(TrustAnchors.PROD_ORG_CA_SHA256);
        assertThat(t).isEqualTo(TrustAnchors.igcSanteProduction());
    }

    @Test
    void anIssuingCaGivenAloneIsPinnedAsAnAnchor() throws IOException {
        Path data = TestCerts.testdata();
        TrustAnchors t = TrustAnchors.fromFiles(List.of(data.resolve("certs/ca/test/ACI-EL-ORG-TEST.cer")));
        assertThat(t.anchors()).extracting(OrgCertificate::sha256Hex).containsExactly(TrustAnchors.TEST_ORG_CA_SHA256);
        assertThat(t.intermediates()).isEmpty();
    }

    @Test
    void aPemBundleGivesEveryCertificateInOrder() throws IOException {
        Path data = TestCerts.testdata();
        Path bundle = tmp.resolve("bundle.pem");
        Files.writeString(bundle, Files.readString(data.resolve("certs/ca/test/ACI-EL-ORG-TEST.esignsante-conf.pem"))
                + "\n" + Files.readString(data.resolve("certs/ca/test/ACR-EL-TEST.esignsante-conf.pem")));
        assertThat(CertificateFiles.certificates(bundle)).extracting(OrgCertificate::sha256Hex)
                .containsExactly(TrustAnchors.TEST_ORG_CA_SHA256, TrustAnchors.TEST_ROOT_SHA256);
        TrustAnchors t = TrustAnchors.fromFiles(List.of(bundle));
        assertThat(t).isEqualTo(TrustAnchors.igcSanteTest());
    }

    @Test
    void configuredFollowsTheTrustOptions() throws IOException {
        assertThat(TrustAnchors.configured(List.of(), false)).isEqualTo(TrustAnchors.igcSanteProduction());
        assertThat(TrustAnchors.configured(List.of(), true)).isEqualTo(TrustAnchors.igcSanteTest());
        Path data = TestCerts.testdata();
        TrustAnchors both = TrustAnchors.configured(List.of(data.resolve("certs/ca/prod/ACR-EL.cer")), true);
        assertThat(both.anchors()).extracting(OrgCertificate::sha256Hex)
                .containsExactly(TrustAnchors.PROD_ROOT_SHA256, TrustAnchors.TEST_ROOT_SHA256);
    }

    @Test
    void missingFileIsNoSuchFileNamingIt() {
        Path missing = tmp.resolve("absent.pem");
        assertThatThrownBy(() -> TrustAnchors.fromFiles(List.of(missing)))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("absent.pem");
        assertThatThrownBy(() -> CertificateFiles.crls(List.of(missing)))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("absent.pem");
    }

    @Test
    void fileWithoutCertificateIsRejectedNamingIt() throws IOException {
        Path junk = tmp.resolve("junk.pem");
        Files.writeString(junk, "pas un certificat\n", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> TrustAnchors.fromFiles(List.of(junk)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("junk.pem");
        Path empty = tmp.resolve("empty.pem");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> CertificateFiles.certificates(empty))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty.pem");
        assertThatThrownBy(() -> TrustAnchors.fromFiles(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aucun fichier");
        assertThatThrownBy(() -> TrustAnchors.fromFiles(List.of(tmp)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pas un fichier");
    }

    @Test
    void crlsAreReadInPemAndDer() throws Exception {
        List<X509CRL> crls = CertificateFiles.crls(List.of(resource("crl-ca.crl.pem"), resource("crl-ca.crl.der")));
        assertThat(crls).hasSize(2);
        assertThat(crls.get(0)).isEqualTo(crls.get(1));
        assertThat(crls.get(0).getIssuerX500Principal().getName()).isEqualTo("CN=Vigie Test CRL CA");
        crls.get(0).verify(CertificateFiles.certificates(resource("crl-ca.pem")).get(0).getPublicKey());
        assertThat(CertificateFiles.crls(List.of())).isEmpty();
    }

    @Test
    void aCertificateIsNotACrl() throws Exception {
        Path cert = resource("crl-ca.pem");
        assertThatThrownBy(() -> CertificateFiles.crls(List.of(cert)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("crl-ca.pem");
    }
}
