package org.vigie.core.fuzz;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.core.cert.CertificateTrust;
import org.vigie.core.cert.DistinguishedNames;
import org.vigie.core.cert.OrgCertificate;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.core.cert.TrustResult;

/**
 * Fuzz targets of certificate parsing: bytes the JDK accepts as an X.509 certificate (DER or PEM) always give an
 * {@link OrgCertificate} view with every accessor answering, and a trust check that answers with problems rather
 * than an exception (and never trusts a certificate the anchors did not issue); distinguished names as text parse or
 * are refused with {@link IllegalArgumentException}.
 */
class OrgCertificateFuzzTest {

    static final CertificateTrust TRUST = CertificateTrust.builder().anchors(TrustAnchors.igcSanteTest()).build();
    static final Instant AT = Instant.parse("2025-06-01T10:00:00Z");

    @Timeout(value = 10, unit = TimeUnit.SECONDS) // per input: a hang is a finding
    @FuzzTest(maxDuration = "60s")
    void certificateBytes(byte[] data) {
        check(data);
    }

    @Timeout(value = 10, unit = TimeUnit.SECONDS) // per input: a hang is a finding
    @FuzzTest(maxDuration = "60s")
    void distinguishedNameText(FuzzedDataProvider data) {
        checkName(data.consumeRemainingAsString());
    }

    static void checkName(String text) {
        try {
            DistinguishedNames.parse(text);
        } catch (IllegalArgumentException refused) {
            assertThat(DistinguishedNames.tryParse(text)).isEmpty();
            return;
        }
        assertThat(DistinguishedNames.tryParse(text)).isPresent();
        if (!DistinguishedNames.parse(text).rdns().isEmpty()) {
            assertThat(DistinguishedNames.sameName(text, text)).as("a name is the same as itself: %s", text).isTrue();
        }
    }

    static List<byte[]> certificateSeeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (String name : List.of("ACI-EL-ORG-TEST.cer", "ACR-EL.cer", "ACR-EL-TEST.cer", "ACI-EL-ORG.cer")) {
            try (InputStream in = OrgCertificate.class.getResourceAsStream(name)) {
                seeds.add(in.readAllBytes());
            }
        }
        seeds.addAll(FuzzSeeds.testdata("certs/ee"));
        return seeds;
    }

    @Test
    void shortRunOverMutatedSeeds() throws IOException {
        List<byte[]> seeds = certificateSeeds();
        FuzzSeeds.writeCorpusIfAsked(OrgCertificateFuzzTest.class, "certificateBytes", seeds.subList(0, 4));
        List<byte[]> all = new ArrayList<>(seeds);
        all.addAll(new Mutator(8L).mutants(seeds, 1500));
        for (byte[] b : all) {
            check(b);
        }
        List<byte[]> names = new ArrayList<>();
        for (String dn : List.of("CN=Centre hospitalier,OU=1750712184,O=CH,ST=Paris (75),C=FR",
                "/C=FR/O=CH/OU=1750712184/CN=x", "CN=a\\,b+OU=c,O=\"quoted, value\"", "2.5.4.3=#0c0161", "")) {
            names.add(dn.getBytes(StandardCharsets.UTF_8));
        }
        FuzzSeeds.writeCorpusIfAsked(OrgCertificateFuzzTest.class, "distinguishedNameText", names);
        List<byte[]> allNames = new ArrayList<>(names);
        allNames.addAll(new Mutator(9L).mutants(names, 3000));
        for (byte[] b : allNames) {
            checkName(new String(b, StandardCharsets.UTF_8));
        }
    }

    static void check(byte[] data) {
        X509Certificate cert;
        try {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(data));
        } catch (CertificateException | RuntimeException notACertificate) {
            // the JDK's parser refused it (some JDK versions throw runtime exceptions): nothing of ours ran
            return;
        }
        OrgCertificate view = OrgCertificate.of(cert);
        assertThat(view.subject()).isNotNull();
        assertThat(view.issuer()).isNotNull();
        assertThat(view.structureId().isPresent() || view.structureIdProblem() != null).isTrue();
        assertThat(view.ouValues()).isNotNull();
        view.raisonSociale();
        view.departement();
        view.departementCode();
        view.commonName();
        assertThat(view.kind()).isNotNull();
        view.hasClientAuth();
        view.isSealCapable();
        view.range();
        view.isPersonCertificate();
        view.isIgcSante();
        view.isTest();
        assertThat(view.fingerprintSha256()).hasSize(64);
        assertThat(view.toString()).isNotNull();
        TrustResult r = TRUST.check(cert, List.of(), AT);
        if (r.ok()) {
            // only a real IGC-Santé test certificate could chain; a mutated one never does
            assertThat(r.path()).isNotEmpty();
        }
    }
}
