package org.vigie.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.testkit.Compression.gzip;
import static org.vigie.testkit.Compression.deflate;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.dmp.internal.ContentCodings;
import org.vigie.testkit.DmpMessageBuilder;
import org.vigie.testkit.ReportAssert;

/**
 * What a CXF/WSS4J connector sends that the specifications frown on but that is unambiguous: a SOAP 1.1 envelope
 * ({@code SOAP-VERSION}, at the severity of {@link DmpPolicy#soap11Severity()}) and a compressed body in a captured HTTP
 * message (gzip, deflate as zlib or as raw DEFLATE), decoded by {@link ContentCodings}, the decoder {@code vigie serve}
 * also uses.
 */
class ConnectorInputsTest {

    static DmpRequestValidator validator(DmpPolicy policy) {
        return DmpRequestValidator.builder().policy(policy)
                .trust(TrustAnchors.of(List.of(TestKitMessagesTest.PKI.root()), List.of(TestKitMessagesTest.PKI.organisationsCa())))
                .crls(TestKitMessagesTest.PKI.crls()).directory(DmpRequestValidatorTest.DIRECTORY).build();
    }

    static Report check(DmpPolicy policy, byte[] bytes, String contentType) {
        return validator(policy).validate(TestKitMessagesTest.AUTH.certificate(), TestKitMessagesTest.AUTH.chain(),
                new ByteArrayInputStream(bytes), contentType, TestKitMessagesTest.AT);
    }

    static DmpMessageBuilder message(boolean soap11) {
        return TestKitMessagesTest.message(DmpRequestValidatorTest.EG_ID, true, soap11);
    }

    @Test
    void soap12EnvelopeHasNoSoapVersionFinding() {
        DmpMessageBuilder m = message(false);
        Report r = check(DmpPolicy.defaults(), m.toMtomBytes(), m.contentType());
        ReportAssert.assertThat(r).isAccepted().hasNoFinding("SOAP-VERSION");
    }

    @Test
    void soap11EnvelopeIsAWarningByDefault() {
        DmpMessageBuilder m = message(true);
        Report r = check(DmpPolicy.defaults(), m.toMtomBytes(), m.contentType());
        ReportAssert.assertThat(r).isAccepted();
        assertThat(ReportAssert.assertThat(r).single(Rules.SOAP_VERSION)).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.location().toString()).isEqualTo("soap:Envelope");
            assertThat(f.evidence()).isEqualTo("http://schemas.xmlsoap.org/soap/envelope/");
            assertThat(f.message()).contains("SOAP 1.2");
        });
    }

    @Test
    void soap11EnvelopeIsAnErrorWhenThePolicySaysSo() {
        DmpMessageBuilder m = message(true);
        Report r = check(DmpPolicy.builder().soap11Severity(Severity.ERROR).build(), m.toMtomBytes(), m.contentType());
        ReportAssert.assertThat(r).isRejected();
        assertThat(ReportAssert.assertThat(r).single(Rules.SOAP_VERSION))
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    static byte[] capture(DmpMessageBuilder m, String contentEncoding, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("POST /si-dmp-server/v2/services HTTP/1.1\r\nHost: lps.dmp.test\r\nContent-Type: " + m.contentType()
                + "\r\nContent-Encoding: " + contentEncoding + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    @ParameterizedTest(name = "Content-Encoding: {0}")
    @ValueSource(strings = {"gzip", "x-gzip", "deflate", "deflate-raw", "gzip, identity", "GZIP"})
    void compressedCapturedRequestIsDecodedAndAccepted(String coding) throws IOException {
        DmpMessageBuilder m = message(false);
        byte[] plain = m.toMtomBytes();
        byte[] body = switch (coding) {
            case "deflate" -> deflate(plain, false);
            case "deflate-raw" -> deflate(plain, true);
            default -> gzip(plain);
        };
        assertThat(body.length).isLessThan(plain.length);
        Report r = check(DmpPolicy.defaults(), capture(m, coding.equals("deflate-raw") ? "deflate" : coding, body), null);
        ReportAssert.assertThat(r).isAccepted().hasNoFinding("AI-XML", "VIHF-XML");
    }

    @Test
    void gzipThenDeflateIsUndoneInReverseOrder() throws IOException {
        DmpMessageBuilder m = message(false);
        Report r = check(DmpPolicy.defaults(), capture(m, "gzip, deflate", deflate(gzip(m.toMtomBytes()), false)), null);
        ReportAssert.assertThat(r).isAccepted();
    }

    @Test
    void unsupportedCodingIsAnAiXmlFindingNamingIt() {
        DmpMessageBuilder m = message(false);
        Report r = check(DmpPolicy.defaults(), capture(m, "br", m.toMtomBytes()), null);
        assertThat(ReportAssert.assertThat(r).single(Rules.AI_XML))
                .satisfies(f -> assertThat(f.message()).contains("« br »"));
    }

    @Test
    void corruptGzipIsAnAiXmlFindingNotAnException() throws IOException {
        DmpMessageBuilder m = message(false);
        byte[] z = gzip(m.toMtomBytes());
        for (int i = 200; i < 260; i++) {
            z[i] ^= 0x5A;
        }
        Report r = check(DmpPolicy.defaults(), capture(m, "gzip", z), null);
        ReportAssert.assertThat(r).isRejected().hasFinding("AI-XML");
    }

    @Test
    void parseRefusesUnknownAndOverStackedCodings() throws Exception {
        assertThat(ContentCodings.parse(null)).isEmpty();
        assertThat(ContentCodings.parse(" identity ")).isEmpty();
        assertThat(ContentCodings.parse("x-gzip, deflate")).containsExactly("gzip", "deflate");
        assertThatThrownBy(() -> ContentCodings.parse("gzip, gzip, gzip"))
                .isInstanceOf(ContentCodings.UnsupportedCodingException.class).hasMessageContaining("3 codages");
        assertThatThrownBy(() -> ContentCodings.parse("compress"))
                .isInstanceOf(ContentCodings.UnsupportedCodingException.class).hasMessageContaining("compress");
    }

    @Test
    void decodingIsLazyAndBoundedByWhatTheCallerReads() throws Exception {
        // 64 MiB of zeros in about 64 KiB: reading 1 MiB of it costs 1 MiB, whatever the rest would inflate to
        byte[] bomb = gzip(new byte[64 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(128 * 1024);
        CountingInputStream raw = new CountingInputStream(new ByteArrayInputStream(bomb));
        InputStream in = ContentCodings.decode(raw, "gzip");
        byte[] buf = new byte[8192];
        long decoded = 0;
        while (decoded < 1024 * 1024) {
            decoded += in.read(buf);
        }
        // two 8 KiB input buffers at most, out of the ~64 KiB body
        assertThat(raw.count).as("compressed bytes consumed for 1 MiB decoded").isLessThanOrEqualTo(16 * 1024);
    }

    static final class CountingInputStream extends java.io.FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
