package org.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.server.Fixture.AUTH;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigie.server.Fixture.Answer;
import org.vigie.testkit.DmpMessageBuilder;

/**
 * {@code vigie serve} answers a request holding a 300 MiB comment (streamed, chunked) with a RegistryResponse naming the
 * limit, never with a reset connection, and keeps serving (issue 18 §1).
 */
class HugeTokenServeThreatTest {

    static InputStream withHugeComment(byte[] plain, String after, long size) {
        String env = new String(plain, StandardCharsets.UTF_8);
        int at = env.indexOf(after) + after.length();
        InputStream filler = new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'A' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'A');
                left -= n;
                return n;
            }
        };
        return new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream((env.substring(0, at) + "<!--").getBytes(StandardCharsets.UTF_8)), filler,
                new ByteArrayInputStream(("-->" + env.substring(at)).getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    @Timeout(180)
    void aThreeHundredMebibyteCommentInTheMetadataIsAnsweredWithTheLimitFinding() throws Exception {
        try (VigieTestServer dmp = Fixture.server().start()) {
            DmpMessageBuilder m = Fixture.feeding(Fixture.vihf(b -> b), Fixture.EG_ID, false);
            byte[] plain = m.toPlainXml().getBytes(StandardCharsets.UTF_8);
            HttpRequest req = HttpRequest.newBuilder(dmp.url().resolve("si-dmp-server/v2/services"))
                    .header("Content-Type", m.plainContentType()).timeout(Duration.ofSeconds(150))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> withHugeComment(plain, "RegistryObjectList>", 300L << 20)))
                    .build();
            HttpResponse<String> r = Fixture.send(Fixture.client(dmp.clientSslContext(AUTH)), req);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(Answer.of(r.body()).status()).isEqualTo(Fixture.FAILURE);
            assertThat(r.body()).contains("AI-XML", "limite maxXmlTokenBytes dépassée");
            assertThat(r.headers().firstValue("X-Vigie-Rules").orElse("")).contains("AI-XML");
            // and the endpoint still serves
            HttpResponse<String> next = Fixture.send(Fixture.client(dmp.clientSslContext(AUTH)),
                    Fixture.mtomPost(dmp.url(), Fixture.compliant()));
            assertThat(Answer.of(next.body()).status()).isEqualTo(Fixture.SUCCESS);
        }
    }
}
