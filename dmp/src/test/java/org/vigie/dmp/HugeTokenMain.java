package org.vigie.dmp;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.vigie.core.Report;
import org.vigie.core.Severity;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.TestPki;

/**
 * Run in a forked JVM with a small heap by {@link XmlTokenLimitsThreatTest}: validates, one after the other, the test-kit
 * request with a huge token ({@code args[0]} bytes) at every place and of every kind, plain then as a gzip HTTP
 * capture, and prints one line per case: {@code case=<where>/<kind>/<plain|gzip> accepted=… limit=… rules=…
 * bytes=…}. An {@code OutOfMemoryError} ends the JVM with a non-zero exit code.
 */
public final class HugeTokenMain {

    private HugeTokenMain() {
    }

    public static void main(String[] args) throws Exception {
        long size = Long.parseLong(args[0]);
        TestPki pki = TestPki.shared();
        Instant at = pki.anchor().plusSeconds(3600);
        OrgCredential auth = pki.authentication(HugeTokens.ID);
        String sec = HugeTokens.securityHeader(pki, at);
        DmpRequestValidator v = DmpRequestValidator.builder()
                .trust(TrustAnchors.of(List.of(pki.root()), List.of(pki.organisationsCa())))
                .build();
        for (String encoding : List.of("plain", "gzip")) {
            for (HugeTokens.Where where : HugeTokens.Where.values()) {
                for (HugeTokens.Kind kind : HugeTokens.Kind.values()) {
                    if (encoding.equals("gzip") && kind != HugeTokens.Kind.COMMENT && kind != HugeTokens.Kind.ATTRIBUTE) {
                        continue;
                    }
                    BigAttachmentMain.CountingStream raw = new BigAttachmentMain.CountingStream(
                            HugeTokens.request(sec, where, kind, size));
                    InputStream in = encoding.equals("gzip") ? HugeTokens.gzipCapture(raw, java.util.zip.Deflater.BEST_SPEED) : raw;
                    long t0 = System.nanoTime();
                    Report r = v.validate(auth.certificate(), auth.chain(), in, null, at);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    boolean limit = r.bySeverity(Severity.ERROR).stream()
                            .anyMatch(f -> f.message().contains("limite") && f.message().contains("dépass"));
                    System.out.println("case=" + where + "/" + kind + "/" + encoding + " accepted=" + r.accepted()
                            + " limit=" + limit + " rules=" + String.join(",", r.rulesFired()) + " bytes=" + raw.count + " ms=" + ms
                            + " first=" + r.bySeverity(Severity.ERROR).stream().map(f -> f.message()).findFirst()
                            .orElse("").replace(' ', '_'));
                }
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.out.println("maxHeap=" + rt.maxMemory());
        System.out.println("done");
    }
}
