package org.vigie.saml;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** The public artefacts of {@code ../shared/testdata}; tests using them are skipped when the folder is absent. */
final class SharedTestData {

    static final String INDIRECTE = "vihf/ANS-DMP-exemple_VIHF_INDIRECTE_sign.xml";
    static final String RENFORCEE = "vihf/ANS-DMP-exemple_VIHF_INDIRECTE_RENFORCEE_sign.xml";
    static final String DIRECTE = "vihf/ANS-DMP-exemple_VIHF_DIRECTE_sign.xml";
    static final String DIRECTE_UNSIGNED = "vihf/ANS-DMP-exemple_VIHF_DIRECTE_non_sign.xml";
    static final String ESIGN_SIGNED_SECURITY = "vihf/esignsante_signed_fragment_inside_security.xml";
    static final String ESIGN_UNSIGNED = "vihf/esignsante_unsigned_request_security.xml";

    private SharedTestData() {
    }

    static Path root() {
        String dir = System.getProperty("vigie.testdata", "");
        Path p = dir.isEmpty() ? null : Path.of(dir);
        assumeTrue(p != null && Files.isDirectory(p),
                "shared test data folder not found (system property vigie.testdata=" + dir + "): test skipped");
        return p;
    }

    static byte[] bytes(String relative) {
        Path p = root().resolve(relative);
        assumeTrue(Files.isRegularFile(p), "test data file missing: " + p);
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static X509Certificate cert(String relative) {
        Path p = root().resolve(relative);
        assumeTrue(Files.isRegularFile(p), "test data file missing: " + p);
        try (InputStream in = Files.newInputStream(p)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
