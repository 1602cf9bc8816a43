package org.vigie.benchmarks;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.vigie.benchmarks.data.Requests;
import org.vigie.benchmarks.data.Submissions;
import org.vigie.benchmarks.data.Tokens;
import org.vigie.core.Report;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.dmp.DmpRequestValidator;

/**
 * Benchmark 6 (used by {@code benchmarks/coldstart}, not JMH): what a fresh JVM does before its first verdict.
 * <ul>
 *   <li>{@code prepare DIR} (test kit on the class path) writes a DMP feeding request (MTOM, 20 KB CDA), the TLS
 *       certificate and chain, the test anchors, CRLs and the evaluation instant;</li>
 *   <li>{@code run DIR} (Vigie's runtime class path only) reads them, builds a {@link DmpRequestValidator}, validates
 *       the request once and exits 0 when it is accepted; the script measures the wall time from launch to exit.</li>
 * </ul>
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[0].equals("prepare") || args[0].equals("run"))) {
            System.err.println("usage: ColdStart prepare|run DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        if (args[0].equals("prepare")) {
            prepare(dir);
        } else {
            System.exit(run(dir) ? 0 : 1);
        }
    }

    static void prepare(Path dir) throws Exception {
        Files.createDirectories(dir);
        Tokens t = Tokens.shared();
        try (InputStream in = Requests.shared().mtom(Submissions.parseSize("20KB"))) {
            Files.write(dir.resolve("request.mime"), in.readAllBytes());
        }
        Files.writeString(dir.resolve("content-type.txt"), Requests.CONTENT_TYPE);
        Files.writeString(dir.resolve("at.txt"), t.at().toString());
        Files.write(dir.resolve("tls.der"), t.tls().certificate().getEncoded());
        Files.write(dir.resolve("tls-ca.der"), t.tls().chain().get(1).getEncoded());
        Files.write(dir.resolve("anchor.der"), t.pki().root().getEncoded());
        Files.write(dir.resolve("intermediate.der"), t.pki().organisationsCa().getEncoded());
        int i = 0;
        for (X509CRL crl : t.crls()) {
            Files.write(dir.resolve("crl-" + (i++) + ".der"), crl.getEncoded());
        }
        if (!run(dir)) {
            throw new IllegalStateException("the prepared request is not accepted");
        }
    }

    static boolean run(Path dir) throws Exception {
        long t0 = System.nanoTime();
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        X509Certificate tls = cert(cf, dir.resolve("tls.der"));
        List<X509Certificate> chain = List.of(tls, cert(cf, dir.resolve("tls-ca.der")));
        TrustAnchors anchors = TrustAnchors.of(List.of(cert(cf, dir.resolve("anchor.der"))),
                List.of(cert(cf, dir.resolve("intermediate.der"))));
        List<X509CRL> crls = new ArrayList<>();
        for (int i = 0; Files.exists(dir.resolve("crl-" + i + ".der")); i++) {
            try (InputStream in = Files.newInputStream(dir.resolve("crl-" + i + ".der"))) {
                crls.add((X509CRL) cf.generateCRL(in));
            }
        }
        Instant at = Instant.parse(Files.readString(dir.resolve("at.txt")).trim());
        long t1 = System.nanoTime();
        DmpRequestValidator v = DmpRequestValidator.builder().trust(anchors).crls(crls)
                .directory(Submissions.directory()).clock(Clock.fixed(at, ZoneOffset.UTC)).build();
        long t2 = System.nanoTime();
        Report r;
        try (InputStream in = Files.newInputStream(dir.resolve("request.mime"))) {
            r = v.validate(tls, chain, in, Files.readString(dir.resolve("content-type.txt"), StandardCharsets.UTF_8));
        }
        long t3 = System.nanoTime();
        System.out.println("accepted=" + r.accepted() + " findings=" + r.findings().size() + "; in main: inputs "
                + (t1 - t0) / 1_000_000 + " ms, build " + (t2 - t1) / 1_000_000 + " ms, first validation "
                + (t3 - t2) / 1_000_000 + " ms");
        if (!r.accepted()) {
            System.out.println(r);
        }
        return r.accepted();
    }

    private static X509Certificate cert(CertificateFactory cf, Path p) throws Exception {
        try (InputStream in = Files.newInputStream(p)) {
            return (X509Certificate) cf.generateCertificate(in);
        }
    }
}
