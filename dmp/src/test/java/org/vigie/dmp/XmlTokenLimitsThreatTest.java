package org.vigie.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.testkit.Compression.deflate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.ReportAssert;
import org.vigie.testkit.TestPki;

/**
 * Limits hold before the bytes are held (issue 14 §4, issue 18 §1): one huge comment, processing instruction, CDATA
 * section or attribute value anywhere in a request (SOAP header, Assertion, metadata, xds:Document, inside the inline
 * CDA, after the Body), plain or as a gzip HTTP capture, is an {@code AI-XML} finding naming the limit, read within a
 * small heap; decoded captures are bounded by size and by expansion ratio. Every request is a valid test-kit request
 * with the token injected by a stream.
 */
class XmlTokenLimitsThreatTest {

    static final TestPki PKI = TestPki.shared();
    static final Instant AT = PKI.anchor().plusSeconds(3600);
    static final OrgCredential AUTH = PKI.authentication(HugeTokens.ID);
    static final String SEC = HugeTokens.securityHeader(PKI, AT);

    static Report check(RequestLimits limits, InputStream in) {
        DmpRequestValidator v = DmpRequestValidator.builder()
                .policy(DmpPolicy.builder().limits(limits).build())
                .trust(TrustAnchors.of(List.of(PKI.root()), List.of(PKI.organisationsCa())))
                .build();
        return v.validate(AUTH.certificate(), AUTH.chain(), in, null, AT);
    }

    static boolean refusedFor(Report r, String fragment) {
        return r.bySeverity(Severity.ERROR).stream()
                .anyMatch(f -> f.ruleId().equals(Rules.AI_XML.id()) && f.message().contains(fragment));
    }

    /** The injection keeps the request valid: a small token of each kind, wherever it cannot change a signed value. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(HugeTokens.Where.class)
    void aSmallTokenAnywhereLeavesTheRequestAccepted(HugeTokens.Where where) {
        for (HugeTokens.Kind kind : HugeTokens.Kind.values()) {
            boolean changesSignedValue = where == HugeTokens.Where.ASSERTION && kind != HugeTokens.Kind.COMMENT;
            boolean notBase64 = where == HugeTokens.Where.DOCUMENT_ELEMENT && kind == HugeTokens.Kind.CDATA;
            if (changesSignedValue || notBase64) {
                continue;
            }
            Report r = check(RequestLimits.defaults(), HugeTokens.request(SEC, where, kind, 1000));
            if (where == HugeTokens.Where.AFTER_BODY && kind == HugeTokens.Kind.ATTRIBUTE) {
                // the attribute needs an element after the Body: a SOAP stack refuses that element (SOAP-STRUCTURE),
                // nothing else may fire
                assertThat(r.bySeverity(Severity.ERROR)).as("%s/%s: %s", where, kind, r).isNotEmpty()
                        .allMatch(f -> f.ruleId().equals(Rules.SOAP_STRUCTURE.id()));
                continue;
            }
            assertThat(r.accepted()).as("%s/%s: %s", where, kind, r).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HugeTokens.Where.class)
    void aTokenUnderTheLimitIsReadAndATokenOverItIsRefusedNamingTheLimit(HugeTokens.Where where) {
        RequestLimits limits = RequestLimits.builder().maxXmlTokenBytes(128 * 1024).build();
        Report under = check(limits, HugeTokens.request(SEC, where, HugeTokens.Kind.COMMENT, 64 * 1024));
        ReportAssert.assertThat(under).accepted();
        Report over = check(limits, HugeTokens.request(SEC, where, HugeTokens.Kind.ATTRIBUTE, 256 * 1024));
        ReportAssert.assertThat(over).rejected();
        String limit = where == HugeTokens.Where.INLINE_CDA ? "maxEventBytes" : "maxXmlTokenBytes";
        if (where == HugeTokens.Where.INLINE_CDA) {
            // the inline CDA is read by its own reader: its per-event limit (XmlLimits, 1 MiB) holds there
            over = check(limits, HugeTokens.request(SEC, where, HugeTokens.Kind.ATTRIBUTE, 2L << 20));
        }
        assertThat(refusedFor(over, "limite " + limit + " dépassée")).as("%s", over).isTrue();
    }

    /** 300 MiB tokens of every kind at every place, plain and gzip, in a JVM of 64 MiB of heap: refused, no OOM. */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void threeHundredMebibyteTokensAreRefusedWithinASixtyFourMebibyteHeap() throws Exception {
        File logFile = File.createTempFile("vigie-huge-token", ".log");
        logFile.deleteOnExit();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(javaBin, "-Xmx64m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), HugeTokenMain.class.getName(), String.valueOf(HugeTokens.MIB_300)))
                .redirectErrorStream(true).redirectOutput(logFile);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        boolean done = p.waitFor(280, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String log = Files.readString(logFile.toPath(), StandardCharsets.UTF_8);
        System.out.println(log);
        assertThat(done).as("forked JVM finished: %s", log).isTrue();
        assertThat(log).doesNotContain("OutOfMemoryError", "Exception");
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).contains("done");
        List<String> cases = log.lines().filter(l -> l.startsWith("case=")).toList();
        int kinds = HugeTokens.Kind.values().length;
        assertThat(cases).hasSize(HugeTokens.Where.values().length * (kinds + 2));
        for (String c : cases) {
            assertThat(c).as(c).contains("accepted=false", "limit=true", "AI-XML");
            long bytes = Long.parseLong(c.replaceFirst(".* bytes=(\\d+).*", "$1"));
            if (!c.startsWith("case=INLINE_CDA") && c.contains("/plain ")) {
                // refused after about one token allowance (1 MiB), not after 300 MiB
                assertThat(bytes).as(c).isLessThan(8L << 20);
            }
        }
    }

    static byte[] plainRequest(long spacesAfterBody) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String env = new String(HugeTokens.request(SEC, HugeTokens.Where.AFTER_BODY, HugeTokens.Kind.COMMENT, 10)
                .readAllBytes(), StandardCharsets.UTF_8);
        int at = env.indexOf("</soap:Body>") + "</soap:Body>".length();
        out.write(env.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.write(" ".repeat((int) spacesAfterBody).getBytes(StandardCharsets.US_ASCII));
        out.write(env.substring(at).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static byte[] capture(String encoding, byte[] body) {
        String head = "POST /dmp HTTP/1.1\r\nContent-Type: application/soap+xml\r\nContent-Encoding: " + encoding + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    @Test
    void gzipAndDeflateCapturesAreDecodedAndAccepted() throws Exception {
        byte[] plain = plainRequest(0);
        byte[] gz = HugeTokens.gzip(new ByteArrayInputStream(plain), Deflater.DEFAULT_COMPRESSION).readAllBytes();
        ReportAssert.assertThat(check(RequestLimits.defaults(), new ByteArrayInputStream(capture("gzip", gz))))
                .accepted();
        assertThat(check(RequestLimits.defaults(), new ByteArrayInputStream(capture("deflate", deflate(plain, false))))
                .accepted()).as("zlib deflate").isTrue();
        assertThat(check(RequestLimits.defaults(), new ByteArrayInputStream(capture("deflate", deflate(plain, true))))
                .accepted()).as("raw deflate").isTrue();
    }

    @Test
    void theDecodedSizeOfACaptureIsBounded() throws Exception {
        byte[] plain = plainRequest(200 * 1024);
        byte[] gz = HugeTokens.gzip(new ByteArrayInputStream(plain), Deflater.DEFAULT_COMPRESSION).readAllBytes();
        ReportAssert.assertThat(check(RequestLimits.builder().maxDecodedBytes(plain.length).build(),
                new ByteArrayInputStream(capture("gzip", gz)))).accepted();
        Report r = check(RequestLimits.builder().maxDecodedBytes(plain.length - 1).build(),
                new ByteArrayInputStream(capture("gzip", gz)));
        assertThat(refusedFor(r, "limite de taille décodée dépassée")).as("%s", r).isTrue();
    }

    /** A 3 GiB decompression bomb (whitespace, which no token limit sees) is refused by its ratio after about 1 MiB. */
    @Test
    void aDecompressionBombIsRefusedByItsExpansionRatio() throws Exception {
        String env = new String(plainRequest(0), StandardCharsets.UTF_8);
        int at = env.indexOf("</soap:Body>") + "</soap:Body>".length();
        InputStream bomb = HugeTokens.concat(env.substring(0, at).getBytes(StandardCharsets.UTF_8),
                new java.io.FilterInputStream(HugeTokens.filler(3L << 30)) {
                    @Override
                    public int read(byte[] b, int off, int len) throws java.io.IOException {
                        int n = super.read(b, off, len);
                        for (int i = 0; i < n; i++) {
                            b[off + i] = ' ';
                        }
                        return n;
                    }
                }, env.substring(at).getBytes(StandardCharsets.UTF_8));
        BigAttachmentMain.CountingStream compressed = new BigAttachmentMain.CountingStream(
                HugeTokens.gzipCapture(bomb, Deflater.BEST_COMPRESSION));
        Report r = check(RequestLimits.defaults(), compressed);
        assertThat(refusedFor(r, "limite de taux de décompression dépassée")).as("%s", r).isTrue();
        // 3 GiB of spaces is about 3 MiB of gzip; refused after about 1 MiB decoded (buffers read ahead a little)
        assertThat(compressed.count).as("compressed bytes read").isLessThan(1L << 20);
        String message = r.findings().stream().filter(f -> f.message().contains("taux de décompression")).findFirst()
                .orElseThrow().message();
        long decoded = Long.parseLong(message.replaceFirst(".*: (\\d+) octets décodés.*", "$1"));
        assertThat(decoded).as(message).isBetween(1L << 20, 4L << 20);
        // and with the ratio bound lifted, the decoded-size bound still holds
        Report sized = check(RequestLimits.builder().maxExpansionRatio(Integer.MAX_VALUE).maxDecodedBytes(4L << 20).build(),
                HugeTokens.gzipCapture(HugeTokens.request(SEC, HugeTokens.Where.AFTER_BODY, HugeTokens.Kind.COMMENT, 10),
                        Deflater.BEST_SPEED));
        ReportAssert.assertThat(sized).accepted();
    }
}
