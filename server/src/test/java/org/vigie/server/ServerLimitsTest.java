package org.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigie.server.Fixture.AUTH;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.vigie.server.Fixture.Answer;
import org.vigie.testkit.DmpMessageBuilder;

/** Body size, concurrency, timeout and graceful shutdown. */
class ServerLimitsTest {

    @Test
    void announcedBodyOverTheLimitIsRefusedWith413BeforeReading() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (VigieTestServer dmp = Fixture.server().accessLog(log::add)
                .limits(ServerLimits.builder().maxBodyBytes(4096).build()).start()) {
            HttpResponse<String> r = Fixture.send(Fixture.client(dmp.clientSslContext(AUTH)), Fixture.mtomPost(dmp.url(), Fixture.compliant()));
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(Answer.of(r.body()).faultSubcode()).isEqualTo("vigie:RequestTooLarge");
            Fixture.awaitAccessLines(log, 1);
            assertThat(log).singleElement().asString().contains("\"verdict\":\"too-large\"", "\"bytesIn\":0");
        }
    }

    @Test
    void chunkedBodyOverTheLimitIsCutAndAnswered413() throws Exception {
        try (VigieTestServer dmp = Fixture.server().limits(ServerLimits.builder().maxBodyBytes(4096).build()).start()) {
            DmpMessageBuilder m = Fixture.compliant();
            byte[] bytes = m.toMtomBytes();
            HttpRequest req = HttpRequest.newBuilder(dmp.url()).header("Content-Type", m.contentType())
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
            HttpResponse<String> r = Fixture.send(Fixture.client(dmp.clientSslContext(AUTH)), req);
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(Answer.of(r.body()).faultSubcode()).isEqualTo("vigie:RequestTooLarge");
        }
    }

    @Test
    void withinTheLimitTheSameRequestIsServed() throws Exception {
        try (VigieTestServer dmp = Fixture.server().limits(ServerLimits.builder().maxBodyBytes(1_000_000).build()).start()) {
            HttpResponse<String> r = Fixture.send(Fixture.client(dmp.clientSslContext(AUTH)), Fixture.mtomPost(dmp.url(), Fixture.compliant()));
            assertThat(Answer.of(r.body()).status()).isEqualTo(Fixture.SUCCESS);
        }
    }

    @Test
    void stalledRequestIsCutAtTheRequestTimeout() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (VigieTestServer dmp = Fixture.server().accessLog(log::add)
                .limits(ServerLimits.builder().requestTimeout(Duration.ofMillis(500)).build()).start();
             SSLSocket s = stalledRequest(dmp)) {
            s.setSoTimeout(60_000);
            InputStream in = s.getInputStream();
            int first;
            try {
                first = in.read();
            } catch (SocketException e) {
                first = -1; // reset: closed as well
            }
            assertThat(first).as("connection closed without an answer").isEqualTo(-1);
            waitFor(() -> !log.isEmpty());
            assertThat(log).singleElement().asString().contains("\"verdict\":\"timeout\"");
        }
    }

    @Test
    void requestsBeyondTheConcurrencyLimitGet503AfterTheBusyWait() throws Exception {
        try (VigieTestServer dmp = Fixture.server().limits(ServerLimits.builder().maxConcurrentRequests(1)
                .busyWait(Duration.ofMillis(200)).requestTimeout(Duration.ofSeconds(30)).build()).start();
             SSLSocket holder = stalledRequest(dmp)) {
            waitFor(() -> dmp.server().inFlight() == 1);
            HttpResponse<String> r = Fixture.send(Fixture.client(dmp.clientSslContext(AUTH)), Fixture.mtomPost(dmp.url(), Fixture.compliant()));
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            assertThat(Answer.of(r.body()).faultSubcode()).isEqualTo("vigie:ServerBusy");
        }
    }

    @Test
    void gracefulStopLetsTheRunningRequestFinishThenRefusesConnections() throws Exception {
        VigieTestServer dmp = Fixture.server().start();
        HttpClient client = Fixture.client(dmp.clientSslContext(AUTH));
        DmpMessageBuilder m = Fixture.compliant();
        byte[] bytes = m.toMtomBytes();
        HttpRequest slow = HttpRequest.newBuilder(dmp.url()).header("Content-Type", m.contentType())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SlowStream(bytes))).build();
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(slow, HttpResponse.BodyHandlers.ofString());
        waitFor(() -> dmp.server().inFlight() == 1);
        dmp.close();
        HttpResponse<String> r = inFlight.get(60, TimeUnit.SECONDS);
        assertThat(Answer.of(r.body()).status()).isEqualTo(Fixture.SUCCESS);
        assertThat(dmp.server().isRunning()).isFalse();
        HttpClient fresh = Fixture.client(dmp.clientSslContext(AUTH));
        assertThatThrownBy(() -> Fixture.send(fresh, Fixture.mtomPost(dmp.url(), Fixture.compliant()))).isInstanceOf(IOException.class);
    }

    /** Headers and 10 bytes of a 100 000-byte body, then nothing. */
    static SSLSocket stalledRequest(VigieTestServer dmp) throws IOException {
        SSLSocket s = (SSLSocket) dmp.clientSslContext(AUTH).getSocketFactory().createSocket("localhost", dmp.server().port());
        s.startHandshake();
        OutputStream out = s.getOutputStream();
        out.write(("POST /services HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/soap+xml\r\n"
                + "Content-Length: 100000\r\n\r\n<soap:Env").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 3000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as("condition reached within 30 s").isTrue();
    }

    /** Gives its bytes slowly: 16 pieces, 100 ms apart. */
    static final class SlowStream extends InputStream {
        private final List<byte[]> pieces = new ArrayList<>();
        private int piece;
        private int pos;

        SlowStream(byte[] all) {
            int size = (all.length + 15) / 16;
            for (int i = 0; i < all.length; i += size) {
                pieces.add(java.util.Arrays.copyOfRange(all, i, Math.min(all.length, i + size)));
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (piece >= pieces.size()) {
                return -1;
            }
            if (pos == 0) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            byte[] p = pieces.get(piece);
            int n = Math.min(len, p.length - pos);
            System.arraycopy(p, pos, b, off, n);
            pos += n;
            if (pos == p.length) {
                piece++;
                pos = 0;
            }
            return n;
        }
    }
}
