package org.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.server.Fixture.AUTH;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigie.server.Fixture.Answer;
import org.vigie.testkit.DmpMessageBuilder;

/**
 * Work past the request timeout is cancelled and gives its slot back (issue 18 §1): with one slot and a tiny timeout,
 * a huge request that keeps flowing is cut, and the next request is served rather than answered 503.
 */
class RequestTimeoutTest {

    /**
     * A valid plain-SOAP feeding announced as 8 GB: its envelope up to the end of the Body, then whitespace written as
     * fast as the server reads it (whitespace streams through the reader, no token limit stops it) — without a
     * timeout it would hold the slot for minutes.
     */
    static Thread hugeFlowingRequest(VigieTestServer dmp, AtomicLong written) throws IOException {
        DmpMessageBuilder m = Fixture.feeding(Fixture.vihf(b -> b), Fixture.EG_ID, false);
        String env = m.toPlainXml();
        int bodyEnd = env.lastIndexOf("Body>") + "Body>".length(); // end of the closing tag of the SOAP Body
        byte[] head = env.substring(0, bodyEnd).getBytes(StandardCharsets.UTF_8);
        SSLSocket s = (SSLSocket) dmp.clientSslContext(AUTH).getSocketFactory().createSocket("localhost", dmp.server().port());
        s.startHandshake();
        Thread t = new Thread(() -> {
            try (s; OutputStream out = s.getOutputStream()) {
                out.write(("POST /services HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + m.plainContentType()
                        + "\r\nContent-Length: 8000000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(head);
                byte[] spaces = new byte[64 * 1024];
                Arrays.fill(spaces, (byte) ' ');
                for (long n = 0; n < 8_000_000_000L - head.length - spaces.length; n += spaces.length) {
                    out.write(spaces);
                    written.addAndGet(spaces.length);
                }
            } catch (IOException e) {
                // the server cut the connection: expected
            }
        }, "huge-request");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    @Timeout(120)
    void aRequestPastTheTimeoutIsCancelledAndTheNextOneIsServed() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (VigieTestServer dmp = Fixture.server().accessLog(log::add).limits(ServerLimits.builder()
                .maxConcurrentRequests(1).maxBodyBytes(16_000_000_000L)
                .busyWait(Duration.ofSeconds(20)).requestTimeout(Duration.ofMillis(700)).build()).start()) {
            AtomicLong written = new AtomicLong();
            Thread huge = hugeFlowingRequest(dmp, written);
            // the slot is taken (or, on a loaded machine, the 700 ms have already run out and the cut is logged:
            // both states are seen by polling, and in both the next request must be served)
            ServerLimitsTest.waitFor(() -> dmp.server().inFlight() == 1 && written.get() > 1_000_000
                    || !log.isEmpty());
            // this request waits for the slot (busy wait 20 s) and must get it once the first is cut
            HttpResponse<String> r = Fixture.send(Fixture.client(dmp.clientSslContext(AUTH)),
                    Fixture.mtomPost(dmp.url(), Fixture.compliant()));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(Answer.of(r.body()).status()).isEqualTo(Fixture.SUCCESS);
            Fixture.awaitAccessLines(log, 2);
            assertThat(log.get(0)).contains("\"verdict\":\"timeout\"");
            huge.join(30_000);
            assertThat(huge.isAlive()).as("the huge request's connection was closed").isFalse();
            assertThat(written.get()).as("bytes sent before the cut").isLessThan(4_000_000_000L);
        }
    }
}
