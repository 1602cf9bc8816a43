package org.vigie.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpsExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.dmp.DmpRequestValidator;
import org.vigie.server.ClientAuth;
import org.vigie.server.ServerLimits;
import org.vigie.testkit.CdaBuilder;
import org.vigie.testkit.DmpMessageBuilder;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.TestPki;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.XdsSubmissionBuilder;

/**
 * Work past the request timeout is cancelled even when it does not wait on the socket (issue 18 §1): the body here
 * never blocks and ignores the exchange's close — as bytes already buffered or decoded above the socket do — so
 * before the fix the validation ran on and kept its slot. With one slot and a 300 ms timeout, the endless request
 * ends as a timeout and the next request gets the slot and is answered 200.
 */
class TimeoutCancellationTest {

    static final TestPki PKI = TestPki.shared();
    static final String ID = "1750712184";
    static final OrgCredential AUTH = PKI.authentication(ID);
    static final java.time.Instant AT = PKI.anchor().plusSeconds(3600);

    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    static DmpMessageBuilder message() {
        XdsSubmissionBuilder sub = XdsSubmissionBuilder.provideAndRegister()
                .document("Doc01", CdaBuilder.ciSis().author("Site", ID))
                .submissionSetAuthorInstitution(XdsSubmissionBuilder.xon("Site", ID))
                .documentAuthorInstitution("Doc01", XdsSubmissionBuilder.xon("Site", ID));
        return DmpMessageBuilder.feeding(VihfBuilder.indirect(PKI.signature(ID)).at(AT.minusSeconds(60))
                .secteurActivite("SA01"), sub.inline());
    }

    /** The envelope up to the end of its Body, then whitespace without end: never blocks, never fails. */
    static InputStream endless(String env) {
        int bodyEnd = env.lastIndexOf("Body>") + "Body>".length();
        InputStream spaces = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                return len;
            }
        };
        return new SequenceInputStream(new ByteArrayInputStream(env.substring(0, bodyEnd).getBytes(StandardCharsets.UTF_8)),
                spaces);
    }

    @Test
    @Timeout(120)
    void workPastTheTimeoutStopsAndTheNextRequestGetsTheSlot() throws Exception {
        DmpRequestValidator validator = DmpRequestValidator.builder()
                .trust(TrustAnchors.of(List.of(PKI.root()), List.of(PKI.organisationsCa()))).build();
        List<AccessLine> log = new CopyOnWriteArrayList<>();
        DmpHandler handler = new DmpHandler(validator, Clock.fixed(AT, ZoneOffset.UTC), ServerLimits.builder()
                .maxConcurrentRequests(1).busyWait(Duration.ofSeconds(30)).requestTimeout(Duration.ofMillis(300))
                .maxBodyBytes(Long.MAX_VALUE).build(), ClientAuth.DIAGNOSE, timer, log::add);
        DmpMessageBuilder m = message();
        FakeExchange endless = new FakeExchange(endless(m.toPlainXml()), m.plainContentType());
        Thread first = new Thread(() -> handler.handle(endless), "endless-request");
        first.setDaemon(true);
        first.start();
        first.join(60_000);
        assertThat(first.isAlive()).as("the endless request was cancelled after its timeout").isFalse();
        assertThat(log).singleElement().extracting(AccessLine::verdict).isEqualTo("timeout");

        FakeExchange next = new FakeExchange(new ByteArrayInputStream(m.toPlainXml().getBytes(StandardCharsets.UTF_8)),
                m.plainContentType());
        handler.handle(next);
        assertThat(next.status).as(next.body.toString(StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(next.body.toString(StandardCharsets.UTF_8)).contains("ResponseStatusType:Success");
    }

    /** An HTTPS exchange in memory: a POST with a client certificate; closing it does not stop its body. */
    static final class FakeExchange extends HttpsExchange {
        final InputStream in;
        final Headers requestHeaders = new Headers();
        final Headers responseHeaders = new Headers();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final Map<String, Object> attributes = new HashMap<>();
        volatile int status;

        FakeExchange(InputStream in, String contentType) {
            this.in = in;
            requestHeaders.add("Content-Type", contentType);
        }

        @Override
        public SSLSession getSSLSession() {
            Certificate[] peer = {AUTH.certificate()};
            return (SSLSession) Proxy.newProxyInstance(SSLSession.class.getClassLoader(), new Class<?>[] {SSLSession.class},
                    (proxy, method, args) -> method.getName().equals("getPeerCertificates") ? peer : null);
        }

        @Override
        public Headers getRequestHeaders() {
            return requestHeaders;
        }

        @Override
        public Headers getResponseHeaders() {
            return responseHeaders;
        }

        @Override
        public URI getRequestURI() {
            return URI.create("/si-dmp-server/v2/services");
        }

        @Override
        public String getRequestMethod() {
            return "POST";
        }

        @Override
        public HttpContext getHttpContext() {
            return null;
        }

        @Override
        public void close() {
            // the body goes on: like bytes already read from the socket
        }

        @Override
        public InputStream getRequestBody() {
            return in;
        }

        @Override
        public OutputStream getResponseBody() {
            return body;
        }

        @Override
        public void sendResponseHeaders(int rCode, long responseLength) {
            status = rCode;
        }

        @Override
        public InetSocketAddress getRemoteAddress() {
            return new InetSocketAddress("127.0.0.1", 40000);
        }

        @Override
        public int getResponseCode() {
            return status;
        }

        @Override
        public InetSocketAddress getLocalAddress() {
            return new InetSocketAddress("127.0.0.1", 8443);
        }

        @Override
        public String getProtocol() {
            return "HTTP/1.1";
        }

        @Override
        public Object getAttribute(String name) {
            return attributes.get(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public void setStreams(InputStream i, OutputStream o) {
            throw new UnsupportedOperationException();
        }

        @Override
        public HttpPrincipal getPrincipal() {
            return null;
        }
    }
}
