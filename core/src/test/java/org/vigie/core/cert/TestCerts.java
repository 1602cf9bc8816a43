package org.vigie.core.cert;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** Loads real certificates from the shared test data folder; skips the calling test when it is absent. */
final class TestCerts {

    private TestCerts() {
    }

    static Path testdata() {
        String dir = System.getProperty("vigie.testdata", "");
        Path p = dir.isEmpty() ? null : Path.of(dir);
        assumeTrue(p != null && Files.isDirectory(p),
                "shared test data folder not found (system property vigie.testdata=" + dir + "): test skipped");
        return p;
    }

    static X509Certificate load(String relative) {
        Path p = testdata().resolve(relative);
        assumeTrue(Files.isRegularFile(p), "test data file missing: " + p);
        try (InputStream in = Files.newInputStream(p)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("cannot read " + p, e);
        }
    }

    static final String INDIRECTE_SIGNER = "certs/ee/dmpex_VIHF-INDIRECTE-signer_ORG_serviceps.sesam-vitale.fr.pem";
    static final String RENFORCEE_SIGNER = "certs/ee/dmpex_VIHF-INDIRECTE-RENFORCEE-signer_ORG_Certificat-Wizard-DMP-2019-R2.pem";
    static final String PADOA_AUTH = "certs/ee/padoa_p12cert_asip-p12-EL-TEST-ORG-AUTH_CLI-20211115-103506.pem";
    static final String PADOA_SIGN = "certs/ee/padoa_p12cert_asip-p12-EL-TEST-ORG-SIGN-20211115-110125.pem";
    static final String MOCK_SSL = "certs/ee/esign_p12cert_mock.platines.henix.asipsante.fr.pem";
    static final String PERSON_CPE = "certs/ee/esign_2600301752-Auth.der.crt";
    static final String CLASSE4 = "certs/ee/esign_classe4_GIP-CPS-TEST.pem";
    static final String COTE_DOR_SIGN = "certs/ee/esign_asip-p12-EL-TEST-ORG-SIGN-20181116-141712.pem";
    static final String TEST_ORG_CA = "certs/ca/test/ACI-EL-ORG-TEST.cer";
    static final String TEST_ROOT = "certs/ca/test/ACR-EL-TEST.cer";
}
