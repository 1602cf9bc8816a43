package org.vigie.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.vigie.core.Report;
import org.vigie.core.Severity;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.testkit.CdaBuilder;
import org.vigie.testkit.DmpMessageBuilder;
import org.vigie.testkit.ReportAssert;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.XdsSubmissionBuilder;

/**
 * Each configurable {@link RequestLimits} limit, just under and just over: the compliant request is accepted at its
 * boundary and refused one unit below, with an ERROR that names the limit. The boundary is found by search and
 * compared with the quantity measured on the bytes here (exact for counts, within the parser's read-ahead for byte
 * sizes).
 */
class RequestLimitsTest {

    static final String EG = DmpRequestValidatorTest.EG_ID;
    static final int DOCUMENTS = 3;

    static DmpMessageBuilder message() {
        XdsSubmissionBuilder sub = XdsSubmissionBuilder.provideAndRegister()
                .submissionSetAuthorInstitution(XdsSubmissionBuilder.xon("Site", EG));
        for (int i = 1; i <= DOCUMENTS; i++) {
            sub.document("Doc0" + i, CdaBuilder.ciSis().author("Site", EG))
                    .documentAuthorInstitution("Doc0" + i, XdsSubmissionBuilder.xon("Site", EG));
        }
        return DmpMessageBuilder.feeding(VihfBuilder.indirect(DmpRequestValidatorTest.SIGN)
                .at(DmpRequestValidatorTest.AT.minusSeconds(60)).secteurActivite("SA01"), sub.xop());
    }

    static final DmpMessageBuilder MESSAGE = message();
    static final byte[] MTOM = MESSAGE.toMtomBytes();
    static final String CT = MESSAGE.contentType();

    static Report check(RequestLimits limits, byte[] bytes, String contentType) {
        DmpRequestValidator v = DmpRequestValidator.builder()
                .policy(DmpPolicy.builder().limits(limits).build())
                .trust(TrustAnchors.of(List.of(DmpRequestValidatorTest.PKI.root()),
                        List.of(DmpRequestValidatorTest.PKI.organisationsCa())))
                .crls(DmpRequestValidatorTest.PKI.crls())
                .directory(DmpRequestValidatorTest.DIRECTORY)
                .clock(Clock.fixed(DmpRequestValidatorTest.AT, ZoneOffset.UTC))
                .build();
        return v.validate(DmpRequestValidatorTest.AUTH.certificate(), DmpRequestValidatorTest.AUTH.chain(),
                new ByteArrayInputStream(bytes), contentType, DmpRequestValidatorTest.AT);
    }

    static boolean refused(Report r, String fragment) {
        return r.bySeverity(Severity.ERROR).stream().anyMatch(f -> f.message().contains(fragment));
    }

    /** Smallest limit in [from, to] at which the request is read without the limit's finding; checks both sides. */
    static int boundary(int from, int to, IntFunction<Report> run, String fragment) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (refused(run.apply(mid), fragment)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        Report at = run.apply(lo);
        assertThat(at.accepted()).as("accepted at the boundary %d: %s", lo, at).isTrue();
        Report below = run.apply(lo - 1);
        assertThat(refused(below, fragment)).as("refused at %d: %s", lo - 1, below).isTrue();
        ReportAssert.assertThat(below).rejected();
        return lo;
    }

    @Test
    void theCompliantRequestIsAcceptedWithTheDefaults() {
        Report r = check(RequestLimits.defaults(), MTOM, CT);
        ReportAssert.assertThat(r).accepted();
    }

    @Test
    void partCountIsExact() {
        int parts = 1 + DOCUMENTS;
        int b = boundary(1, 8, n -> check(RequestLimits.builder().maxParts(n).build(), MTOM, CT), "parties MIME");
        assertThat(b).isEqualTo(parts);
    }

    @Test
    void partHeaderFieldCountIsExact() {
        String text = new String(MTOM, StandardCharsets.ISO_8859_1);
        int most = 0;
        for (String block : text.split("--" + MESSAGE.boundary())) {
            int end = block.indexOf("\r\n\r\n");
            if (end > 0) {
                most = Math.max(most, block.substring(0, end).strip().split("\r\n").length);
            }
        }
        int b = boundary(1, 16, n -> check(RequestLimits.builder().maxPartHeaderFields(n).build(), MTOM, CT), "");
        assertThat(b).isEqualTo(most);
    }

    @Test
    void partHeaderLineLengthHasABoundaryAtTheLongestLine() {
        String text = new String(MTOM, StandardCharsets.ISO_8859_1);
        int longest = 0;
        for (String block : text.split("--" + MESSAGE.boundary())) {
            int end = block.indexOf("\r\n\r\n");
            if (end > 0) {
                for (String line : block.substring(0, end).strip().split("\r\n")) {
                    longest = Math.max(longest, line.length());
                }
            }
        }
        int b = boundary(longest - 8, longest + 8, n -> check(RequestLimits.builder().maxPartHeaderLineLength(n).build(), MTOM, CT), "");
        // mime4j counts the CRLF and refuses a line whose length reaches the limit: a header line of n characters
        // needs maxPartHeaderLineLength >= n + 3 (documented in docs/security.md)
        assertThat(b).as("longest header line %d", longest).isEqualTo(longest + 3);
    }

    @Test
    void httpHeaderBlockHasABoundaryAtItsSize() {
        String head = "POST /si-dmp-server/v2/services HTTP/1.1\r\nHost: lps.dmp.test\r\nContent-Type: " + CT + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(MTOM);
        byte[] http = out.toByteArray();
        int b = boundary(head.length() - 16, head.length() + 16, n -> check(RequestLimits.builder().maxHttpHeaderBytes(n).build(), http, null),
                "en-têtes HTTP plus grand");
        assertThat(b).as("header block of %d bytes", head.length()).isBetween(head.length() - 4, head.length());
    }

    @Test
    void soapHeaderBytesHaveABoundaryNearTheHeaderSize() {
        String text = new String(MTOM, StandardCharsets.UTF_8);
        int headerSize = text.indexOf("Body>") - text.indexOf("Header");
        int b = boundary(headerSize / 2, headerSize + 16 * 1024, n -> check(RequestLimits.builder().maxSoapHeaderBytes(n).build(), MTOM, CT),
                "en-tête SOAP plus grand");
        assertThat(b).as("SOAP header of about %d bytes", headerSize).isBetween(headerSize / 2, headerSize + 16 * 1024);
    }

    @Test
    void vihfBytesHaveABoundaryNearTheAssertionSize() {
        int assertion = VihfBuilder.indirect(DmpRequestValidatorTest.SIGN).at(DmpRequestValidatorTest.AT.minusSeconds(60))
                .secteurActivite("SA01").toBytes().length;
        int b = boundary(assertion * 8 / 10, assertion * 12 / 10, n -> check(RequestLimits.builder().maxVihfBytes(n).build(), MTOM, CT),
                "jeton VIHF plus grand");
        assertThat(b).as("assertion of %d bytes", assertion).isBetween(assertion * 8 / 10, assertion * 12 / 10);
    }

    @Test
    void envelopeNestingIsExactForASkippedHeaderBlock() {
        int depth = 12;
        String deep = "<x:a xmlns:x=\"urn:x\">".repeat(depth) + "</x:a>".repeat(depth);
        String text = new String(MTOM, StandardCharsets.UTF_8);
        int at = text.indexOf("Header>") + "Header>".length();
        String padded = text.substring(0, at) + deep + text.substring(at);
        byte[] bytes = padded.getBytes(StandardCharsets.UTF_8);
        int b = boundary(depth - 2, depth + 6, n -> check(RequestLimits.builder().maxDepth(n).build(), bytes, CT), "imbrication");
        assertThat(b).isBetween(depth, depth + 3);
    }
}
