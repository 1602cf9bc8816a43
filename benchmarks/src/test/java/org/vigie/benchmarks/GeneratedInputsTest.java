package org.vigie.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.benchmarks.data.Base64EncodingStream;
import org.vigie.benchmarks.data.ConcatStream;
import org.vigie.benchmarks.data.RepeatingStream;
import org.vigie.benchmarks.data.Requests;
import org.vigie.benchmarks.data.Submissions;

/** The lazily generated inputs: sizes, encodings and shapes. */
class GeneratedInputsTest {

    private static long drain(InputStream in) throws IOException {
        byte[] buf = new byte[8191];
        long n = 0;
        for (int k; (k = in.read(buf)) >= 0; ) {
            n += k;
        }
        return n;
    }

    @ParameterizedTest
    @CsvSource({"20KB, 20480", "2MB, 2097152", "200MB, 209715200", "512, 512", "1GB, 1073741824"})
    void sizesAreBinaryMultiples(String text, long bytes) {
        assertThat(Submissions.parseSize(text)).isEqualTo(bytes);
    }

    @Test
    void aDocumentHasExactlyTheRequestedSizeAndEndsTheCda() throws IOException {
        assertThat(drain(Submissions.cda(20 * 1024))).isEqualTo(20 * 1024);
        assertThat(drain(Submissions.cda(200L * 1024 * 1024))).isEqualTo(200L * 1024 * 1024);
        String small = new String(Submissions.cda(5000).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(small).startsWith("<?xml").endsWith("</ClinicalDocument>\n")
                .contains("extension=\"" + Submissions.STRUCTURE + "\"");
    }

    @Test
    void repeatingStreamRepeatsThePatternByteByByteAndInBlocks() throws IOException {
        byte[] p = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(new String(new RepeatingStream(p, 7).readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("abcabca");
        RepeatingStream one = new RepeatingStream(p, 4);
        StringBuilder sb = new StringBuilder();
        for (int c; (c = one.read()) >= 0; ) {
            sb.append((char) c);
        }
        assertThat(sb).hasToString("abca");
        assertThatThrownBy(() -> new RepeatingStream(new byte[0], 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"0", "1", "56", "57", "58", "3647", "3648", "3649", "100000"})
    void base64StreamDecodesBackToItsSource(int size) throws IOException {
        byte[] src = new byte[size];
        for (int i = 0; i < size; i++) {
            src[i] = (byte) (i * 31 + 7);
        }
        byte[] enc = new Base64EncodingStream(ConcatStream.bytes(src)).readAllBytes();
        String text = new String(enc, StandardCharsets.US_ASCII);
        assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(76));
        assertThat(Base64.getMimeDecoder().decode(text)).isEqualTo(src);
    }

    @Test
    void inlineSubmissionCarriesTheDocumentAsBase64() throws IOException {
        String xml = new String(Submissions.inlineSubmission(3000).readAllBytes(), StandardCharsets.UTF_8);
        String b64 = xml.substring(xml.indexOf("<xds:Document id=\"Document01\">") + 30, xml.indexOf("</xds:Document>"));
        byte[] cda = Base64.getMimeDecoder().decode(b64.trim());
        assertThat(cda).isEqualTo(Submissions.cda(3000).readAllBytes());
        assertThat(new String(Submissions.xopSubmission(), StandardCharsets.UTF_8)).contains(Submissions.HREF)
                .doesNotContain("\u0000");
    }

    @Test
    void mtomRequestFramesTheEnvelopeAndTheAttachment() throws IOException {
        Requests r = new Requests("<wsse:Security xmlns:wsse=\"urn:x\"/>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.mtom(5000).transferTo(out);
        String s = out.toString(StandardCharsets.UTF_8);
        assertThat(out.size()).isEqualTo(r.overheadBytes() + 5000);
        assertThat(s).startsWith("--" + Requests.BOUNDARY + "\r\n").endsWith("\r\n--" + Requests.BOUNDARY + "--\r\n")
                .contains("Content-ID: <doc1@vigie.test>", "<wsse:Security", "ProvideAndRegisterDocumentSet-b");
    }
}
