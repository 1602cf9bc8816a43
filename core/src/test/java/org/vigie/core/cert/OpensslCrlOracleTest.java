package org.vigie.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An independent oracle: a CA, two end-entity certificates and CRLs made by the {@code openssl} command (not by
 * BouncyCastle nor by Vigie), with fixed dates written into the CA database, judged by {@link CertificateTrust} and by
 * {@code openssl verify -crl_check -attime} at the same instants. Skipped with a message when openssl is absent.
 */
class OpensslCrlOracleTest {

    private static final String CONFIG = """
            [ca]
            default_ca = CA_default
            [CA_default]
            dir = .
            database = index.txt
            new_certs_dir = .
            serial = serial
            crlnumber = crlnumber
            default_md = sha256
            policy = any
            unique_subject = no
            preserve = yes
            copy_extensions = none
            [any]
            countryName = optional
            organizationName = optional
            organizationalUnitName = optional
            commonName = supplied
            [ca_ext]
            basicConstraints = critical,CA:TRUE
            keyUsage = critical,keyCertSign,cRLSign
            subjectKeyIdentifier = hash
            [leaf_ext]
            basicConstraints = CA:FALSE
            keyUsage = critical,digitalSignature,keyEncipherment
            extendedKeyUsage = clientAuth
            authorityKeyIdentifier = keyid
            [crl_ext]
            authorityKeyIdentifier = keyid
            [crl_idp]
            authorityKeyIdentifier = keyid
            issuingDistributionPoint = critical,@idp
            [idp]
            onlyCA = TRUE
            """;

    /** Revocation date of the revoked certificate and the dates of the CRLs (all fixed: never today's date). */
    private static final Instant IN_CRL = Instant.parse("2028-01-15T00:00:00Z");
    private static final Instant AFTER_NEXT_UPDATE = Instant.parse("2028-03-15T00:00:00Z");

    @TempDir
    static Path dir;
    static X509Certificate ca;
    static X509Certificate revoked;
    static X509Certificate good;
    static X509CRL current;
    static X509CRL caOnly;

    @BeforeAll
    static void makeThePkiWithOpenssl() throws Exception {
        assumeTrue(opensslAvailable(), "openssl not found on the PATH: the openssl oracle test is skipped");
        Files.writeString(dir.resolve("ca.cnf"), CONFIG);
        Files.writeString(dir.resolve("index.txt"), "");
        Files.writeString(dir.resolve("serial"), "1000\n");
        Files.writeString(dir.resolve("crlnumber"), "01\n");
        run("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.csr",
                "-subj", "/C=FR/O=VIGIE ORACLE/CN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS");
        run("ca", "-batch", "-config", "ca.cnf", "-selfsign", "-keyfile", "ca.key", "-in", "ca.csr", "-out", "ca.pem",
                "-extensions", "ca_ext", "-startdate", "20250101000000Z", "-enddate", "20350101000000Z");
        for (String name : List.of("revoked", "good")) {
            run("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr",
                    "-subj", "/C=FR/O=STRUCTURE ORACLE/OU=1130000011/CN=" + name);
            run("ca", "-batch", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key", "-in", name + ".csr",
                    "-out", name + ".pem", "-extensions", "leaf_ext", "-startdate", "20250101000000Z",
                    "-enddate", "20300101000000Z");
        }
        // revoke serial 1001 on a fixed day (openssl ca -revoke would write the current date)
        List<String> index = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("index.txt"))) {
            String[] f = line.split("\t", -1);
            if (f[3].equals("1001")) {
                f[0] = "R";
                f[2] = "270101000000Z,keyCompromise";
            }
            index.add(String.join("\t", f));
        }
        Files.write(dir.resolve("index.txt"), index);
        for (String[] crl : new String[][]{{"current.crl", "crl_ext"}, {"ca-only.crl", "crl_idp"}}) {
            run("ca", "-batch", "-config", "ca.cnf", "-cert", "ca.pem", "-keyfile", "ca.key", "-gencrl",
                    "-crlexts", crl[1], "-crl_lastupdate", "20280101000000Z", "-crl_nextupdate", "20280201000000Z",
                    "-out", crl[0]);
        }
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        ca = (X509Certificate) cf.generateCertificate(Files.newInputStream(dir.resolve("ca.pem")));
        revoked = (X509Certificate) cf.generateCertificate(Files.newInputStream(dir.resolve("revoked.pem")));
        good = (X509Certificate) cf.generateCertificate(Files.newInputStream(dir.resolve("good.pem")));
        current = (X509CRL) cf.generateCRL(Files.newInputStream(dir.resolve("current.crl")));
        caOnly = (X509CRL) cf.generateCRL(Files.newInputStream(dir.resolve("ca-only.crl")));
    }

    private static CertificateTrust trust(X509CRL crl) {
        return CertificateTrust.builder().anchors(TrustAnchors.of(ca)).crls(List.of(crl)).build();
    }

    @Test
    void revokedCertificateIsRevokedForBoth() throws Exception {
        TrustResult r = trust(current).check(revoked, List.of(), IN_CRL);
        assertThat(r.revoked()).isTrue();
        assertThat(r.problems()).singleElement().asString().contains("révoqué depuis le 2027-01-01");
        assertThat(verify("revoked.pem", "current.crl", IN_CRL)).contains("certificate revoked");
    }

    @Test
    void currentCrlNotListingTheCertificateChecksItForBoth() throws Exception {
        TrustResult r = trust(current).check(good, List.of(), IN_CRL);
        assertThat(r.ok()).as(r.problems().toString()).isTrue();
        assertThat(r.revocationGaps()).isEmpty();
        assertThat(verify("good.pem", "current.crl", IN_CRL)).contains("good.pem: OK");
    }

    @Test
    void crlPastItsNextUpdateLeavesRevocationUncheckedForBoth() throws Exception {
        TrustResult r = trust(current).check(good, List.of(), AFTER_NEXT_UPDATE);
        assertThat(r.ok()).isTrue();
        assertThat(r.revocationGaps()).singleElement()
                .satisfies(g -> assertThat(g.reasons()).singleElement().asString().contains("périmée depuis le 2028-02-01"));
        assertThat(verify("good.pem", "current.crl", AFTER_NEXT_UPDATE)).contains("CRL has expired");
    }

    /**
     * A CA-certificates-only CRL does not cover an end-entity certificate for either. (Where such a CRL nevertheless
     * lists the certificate, openssl calls it "different CRL scope" while Vigie counts it revoked: an authentic
     * listing by the issuer is taken as revocation, the stricter reading; see docs/control1-policy.md.)
     */
    @Test
    void caOnlyCrlDoesNotCoverAnEndEntityCertificateForBoth() throws Exception {
        TrustResult r = trust(caOnly).check(good, List.of(), IN_CRL);
        assertThat(r.revocationGaps()).singleElement()
                .satisfies(g -> assertThat(g.reasons()).singleElement().asString().contains("onlyContainsCACerts"));
        assertThat(verify("good.pem", "ca-only.crl", IN_CRL)).contains("different CRL scope");
    }

    @Test
    void opensslMadeCertificateReadsAsAnOrganisationCertificate() {
        OrgCertificate oc = OrgCertificate.of(good);
        assertThat(oc.isCa()).isFalse();
        assertThat(oc.hasDigitalSignature()).isTrue();
        assertThat(oc.hasClientAuth()).isTrue();
        assertThat(oc.issuedByOrganisationCa()).isTrue();
        assertThat(oc.structureId()).map(s -> s.value()).contains("1130000011");
        assertThat(OrgCertificate.of(ca).isCa()).isTrue();
    }

    private static boolean opensslAvailable() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code openssl verify -crl_check} at an instant: its whole output. */
    private static String verify(String cert, String crl, Instant at) throws Exception {
        return run("verify", "-crl_check", "-CAfile", "ca.pem", "-CRLfile", crl, "-attime",
                Long.toString(at.getEpochSecond()), cert);
    }

    private static String run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("openssl " + args[0] + " timed out");
        }
        String text = out.toString(StandardCharsets.UTF_8);
        if (p.exitValue() != 0 && !args[0].equals("verify")) {
            throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + text);
        }
        return text;
    }
}
