package org.vigie.server;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.dmp.DmpRequestValidator;
import org.vigie.server.internal.AccessLine;
import org.vigie.server.internal.DmpHandler;
import org.vigie.server.internal.Journal;
import org.vigie.server.internal.SelfSignedCertificate;
import org.vigie.server.internal.Tls;

/**
 * A local DMP endpoint over mutual TLS: receives DMP SOAP requests exactly as connectors send them (plain SOAP 1.2 or
 * MTOM), validates each with a {@link DmpRequestValidator} fed with the client certificate of the TLS handshake, and
 * answers like the DMP.
 *
 * <pre>{@code
 * try (VigieServer server = VigieServer.builder()
 *         .validator(validator)                       // trust, CRLs, directory, policy: see DmpRequestValidator
 *         .clientTrust(TrustAnchors.igcSanteTest())   // STRICT handshake; DIAGNOSE accepts any chain
 *         .start()) {
 *     URI url = server.url();                         // https://localhost:<random port>/
 * }
 * }</pre>
 *
 * <p><b>Answers.</b> {@code POST} on any path is a DMP request. An ITI-41 feeding gets a {@code rs:RegistryResponse}
 * with status Success, or Failure with a {@code RegistryErrorList} whose {@code RegistryError} carry the Vigie rule
 * id as {@code errorCode}, the severity ({@code ...ErrorSeverityType:Error} / {@code Warning}; INFO findings are
 * Warnings marked "(information)"), the French message as {@code codeContext} and the location. Another transaction
 * gets control 1 only: a Failure response listing its findings, or, when control 1 passes, a SOAP 1.2
 * {@code Receiver} fault with subcode {@code vigie:NotSimulated}. A request without a readable SOAP envelope gets a
 * SOAP 1.2 {@code Sender} fault ({@code vigie:UnreadableRequest}, HTTP 400). Every SOAP answer carries the headers
 * {@code X-Vigie-Verdict}, when rules fired, {@code X-Vigie-Rules}, and the policy profile id {@code X-Vigie-Profile}. {@code GET /health} answers a small JSON
 * document. {@code GET /} and {@code GET /requests/{n}} are the pages of the request journal (on by default, loopback
 * clients only: {@link Builder#journal(JournalLimits)}); other GETs answer 405.
 *
 * <p><b>Limits and logs.</b> {@link ServerLimits}: body size (413), concurrent validations (503 after a wait), request
 * timeout (connection closed), graceful {@link #stop()}. One structured access-log line (JSON) per request with its
 * verdict and rule ids goes to the {@link Builder#accessLog(Consumer) access log}.
 *
 * <p>Built on the JDK's {@code com.sun.net.httpserver.HttpsServer} (module {@code jdk.httpserver}): no dependency,
 * TLS 1.2 and 1.3 from the JDK, the peer certificates of each exchange, a streamed request body. Thread-safe.
 */
public final class VigieServer implements AutoCloseable {

    private final HttpsServer server;
    private final ThreadPoolExecutor executor;
    private final ScheduledThreadPoolExecutor timer;
    private final DmpHandler handler;
    private final X509Certificate serverCertificate;
    private final ClientAuth clientAuth;
    private final ServerLimits limits;
    private final String host;
    private final Journal journal;
    private volatile boolean running = true;

    private VigieServer(Builder b) throws IOException {
        this.clientAuth = b.clientAuth;
        this.limits = b.limits;
        KeyStore ks = b.keyStore;
        char[] pw = b.keyPassword;
        if (ks == null) {
            pw = "vigie".toCharArray();
            ks = SelfSignedCertificate.create(pw, b.serverNames);
        }
        this.serverCertificate = SelfSignedCertificate.certificate(ks);
        SSLContext ctx = Tls.serverContext(ks, pw, b.clientAuth, b.clientTrust);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "vigie-serve-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        int threads = b.limits.maxConcurrentRequests() * 2 + 2;
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), tf);
        executor.allowCoreThreadTimeOut(true);
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "vigie-serve-timer");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        Consumer<String> sink = b.accessLog;
        this.journal = new Journal(b.journal, b.journalDirectory, b.clock.instant());
        this.handler = new DmpHandler(b.validator, b.clock, b.limits, b.clientAuth, timer, line -> sink.accept(line.toJson()),
                b.locale, b.onValidation, journal, b.journalRemoteAccess);
        this.server = HttpsServer.create(b.address, 128);
        ClientAuth mode = b.clientAuth;
        server.setHttpsConfigurator(new HttpsConfigurator(ctx) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = getSSLContext().getDefaultSSLParameters();
                List<String> supported = Arrays.asList(getSSLContext().getSupportedSSLParameters().getProtocols());
                p.setProtocols(Arrays.stream(Tls.PROTOCOLS).filter(supported::contains).toArray(String[]::new));
                if (mode == ClientAuth.STRICT) {
                    p.setNeedClientAuth(true);
                } else {
                    p.setWantClientAuth(true);
                }
                params.setSSLParameters(p);
            }
        });
        server.createContext("/", handler);
        server.setExecutor(executor);
        InetAddress a = server.getAddress().getAddress();
        this.host = a.isLoopbackAddress() || a.isAnyLocalAddress() ? "localhost"
                : (a.getHostAddress().contains(":") ? "[" + a.getHostAddress() + "]" : a.getHostAddress());
        server.start();
    }

    /** @return a builder: loopback address, random port, self-signed server certificate, DIAGNOSE, default limits */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the base URL, {@code https://localhost:<port>/} for a loopback or wildcard address */
    public URI url() {
        return URI.create("https://" + host + ":" + port() + "/");
    }

    /** @return the URL of the health endpoint */
    public URI healthUrl() {
        return url().resolve("health");
    }

    /**
     * @return the URL of the request journal's page ({@link #url()} itself), unless the in-memory journal is
     *         {@linkplain JournalLimits#disabled() off}
     */
    public java.util.Optional<URI> journalUrl() {
        return journal.pages() ? java.util.Optional.of(url()) : java.util.Optional.empty();
    }

    /** @return the journal's limits in force */
    public JournalLimits journalLimits() {
        return journal.limits();
    }

    /** @return the folder the journal writes each request to, if any */
    public java.util.Optional<java.nio.file.Path> journalDirectory() {
        return journal.directory();
    }

    /** @return the bound port */
    public int port() {
        return server.getAddress().getPort();
    }

    /** @return the bound address */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** @return the server's TLS certificate (the self-signed one unless a key store was supplied): clients trust it */
    public X509Certificate serverCertificate() {
        return serverCertificate;
    }

    /** @return the client certificate mode */
    public ClientAuth clientAuth() {
        return clientAuth;
    }

    /** @return the limits in force */
    public ServerLimits limits() {
        return limits;
    }

    /** @return requests answered so far (health checks included) */
    public long served() {
        return handler.served();
    }

    /** @return requests being handled right now */
    public int inFlight() {
        return handler.inFlight();
    }

    /** @return true until {@link #stop()} */
    public boolean isRunning() {
        return running;
    }

    /**
     * Graceful shutdown: new requests are answered HTTP 503 at once, running requests may finish for at most
     * {@link ServerLimits#shutdownGrace()}, then the listener and every connection are closed and the threads
     * released. Idempotent.
     */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        handler.beginStop();
        long deadline = System.nanoTime() + limits.shutdownGrace().toNanos();
        try {
            while (handler.inFlight() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // JDK 17's HttpServer.stop(n) waits the whole n seconds even when idle: the grace period is ours, stop(0) closes
        server.stop(0);
        executor.shutdownNow();
        timer.shutdownNow();
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "VigieServer[" + url() + ", " + clientAuth + "]";
    }

    /** Builder of {@link VigieServer}; {@link #start()} binds and starts it. */
    public static final class Builder {
        private DmpRequestValidator validator;
        private Clock clock = Clock.systemUTC();
        private KeyStore keyStore;
        private char[] keyPassword;
        private List<String> serverNames = List.of();
        private TrustAnchors clientTrust = TrustAnchors.none();
        private ClientAuth clientAuth = ClientAuth.DIAGNOSE;
        private InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        private ServerLimits limits = ServerLimits.defaults();
        private Consumer<String> accessLog = defaultLog();
        private Consumer<ValidatedRequest> onValidation = r -> { };
        private java.util.Locale locale = java.util.Locale.FRENCH;
        private JournalLimits journal = JournalLimits.defaults();
        private java.nio.file.Path journalDirectory;
        private boolean journalRemoteAccess;

        private Builder() {
        }

        /**
         * The request journal: every POST is numbered, its body as received is kept (its first
         * {@link JournalLimits#maxEntryBytes()} bytes, captured as it is read) with its report, and the pages
         * {@code GET /} (the list), {@code /requests.json}, {@code /requests/{n}} (one request: findings, occurrence
         * table, framing, client certificate), {@code /requests/{n}.json} and {@code /requests/{n}/raw} show them,
         * to loopback clients only unless {@link #journalRemoteAccess(boolean)}. Each answer journaled carries the
         * header {@code X-Vigie-Journal-Entry: n}.
         *
         * @param limits the bounds (default {@link JournalLimits#defaults()}: on); {@link JournalLimits#disabled()}
         *               turns the in-memory journal and its pages off
         * @return this builder
         */
        public Builder journal(JournalLimits limits) {
            this.journal = Objects.requireNonNull(limits, "journal");
            return this;
        }

        /** @return this builder, without the in-memory journal (same as {@code journal(JournalLimits.disabled())}) */
        public Builder noJournal() {
            return journal(JournalLimits.disabled());
        }

        /**
         * A folder the journal writes each request to, as it is answered: {@code NNNNNN.raw} (the body as received, at
         * most {@link JournalLimits#maxEntryBytes()}) and {@code NNNNNN.json} (the entry with its report), for a CI run
         * to keep as an artefact. Created if missing; in a folder that already holds journal files the numbering goes
         * on after them. At most {@link JournalLimits#maxDirectoryBytes()} are written; a write error is logged once
         * (System.Logger {@code org.vigie.server.journal}) and shown on the page, serving continues. Works with the
         * in-memory journal off as well.
         *
         * @param dir the folder, or null for none (the default)
         * @return this builder
         */
        public Builder journalDirectory(java.nio.file.Path dir) {
            this.journalDirectory = dir;
            return this;
        }

        /**
         * @param allow true to serve the journal's pages to any client (default false: loopback clients only, as the
         *              pages show health-data requests; others get HTTP 403)
         * @return this builder
         */
        public Builder journalRemoteAccess(boolean allow) {
            this.journalRemoteAccess = allow;
            return this;
        }

        /** @param v the validator every request goes through (required) @return this builder */
        public Builder validator(DmpRequestValidator v) {
            this.validator = Objects.requireNonNull(v, "validator");
            return this;
        }

        /** @param c clock giving each request's evaluation instant (default system UTC) @return this builder */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * The server's TLS key (default: a fresh self-signed certificate for localhost, 127.0.0.1 and ::1).
         *
         * @param ks       a key store with one key entry (e.g. PKCS#12)
         * @param password the key password
         * @return this builder
         */
        public Builder keyStore(KeyStore ks, char[] password) {
            this.keyStore = Objects.requireNonNull(ks, "keyStore");
            this.keyPassword = Objects.requireNonNull(password, "password").clone();
            return this;
        }

        /** @param names more DNS names or IP literals for the self-signed certificate @return this builder */
        public Builder serverNames(List<String> names) {
            this.serverNames = List.copyOf(names);
            return this;
        }

        /**
         * @param t the anchors a client certificate must chain to in {@link ClientAuth#STRICT} mode (IGC-Santé
         *          production or TEST, or a test-kit PKI); not used by {@link ClientAuth#DIAGNOSE}
         * @return this builder
         */
        public Builder clientTrust(TrustAnchors t) {
            this.clientTrust = Objects.requireNonNull(t, "clientTrust");
            return this;
        }

        /**
         * The language of the findings' messages in the answers ({@code codeContext} of each
         * {@code rs:RegistryError}): French (the default) or English; the server's own fault reasons stay French.
         *
         * @param locale {@link java.util.Locale#FRENCH} or {@link java.util.Locale#ENGLISH} (any other: French)
         * @return this builder
         */
        public Builder locale(java.util.Locale locale) {
            this.locale = org.vigie.core.Messages.language(java.util.Objects.requireNonNull(locale, "locale"));
            return this;
        }

        /** @param mode client certificate mode (default {@link ClientAuth#DIAGNOSE}) @return this builder */
        public Builder clientAuth(ClientAuth mode) {
            this.clientAuth = Objects.requireNonNull(mode, "clientAuth");
            return this;
        }

        /** @param a address to bind (default loopback, random port) @return this builder */
        public Builder address(InetSocketAddress a) {
            this.address = Objects.requireNonNull(a, "address");
            return this;
        }

        /** @param port port on the loopback address (0: random) @return this builder */
        public Builder port(int port) {
            this.address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            return this;
        }

        /** @param l the limits (default {@link ServerLimits#defaults()}) @return this builder */
        public Builder limits(ServerLimits l) {
            this.limits = Objects.requireNonNull(l, "limits");
            return this;
        }

        /**
         * @param sink receives one JSON line per request (default: {@code System.Logger} {@code org.vigie.server.access}
         *             at INFO)
         * @return this builder
         */
        public Builder accessLog(Consumer<String> sink) {
            this.accessLog = Objects.requireNonNull(sink, "accessLog");
            return this;
        }

        /**
         * A listener of the validated requests: called once for each request answered from its report (an ITI-41
         * feeding's {@code RegistryResponse}, another transaction's Failure or {@code NotSimulated} fault, the fault
         * of an unreadable envelope), on the thread handling the request, <em>before</em> the answer is written, so
         * that a client holding the answer finds its report already handed over. Requests answered without a
         * validation (health, no client certificate, too large, unsupported encoding, busy, timed out) are not
         * passed. It must be quick and thread-safe; what it throws is ignored.
         *
         * @param listener receives each validated request (default: none)
         * @return this builder
         */
        public Builder onValidation(Consumer<ValidatedRequest> listener) {
            this.onValidation = Objects.requireNonNull(listener, "onValidation");
            return this;
        }

        /**
         * Binds and starts the server.
         *
         * @return the running server
         * @throws UncheckedIOException when the address cannot be bound, or the journal folder cannot be created
         * @throws IllegalStateException when no validator was given
         */
        public VigieServer start() {
            if (validator == null) {
                throw new IllegalStateException("a DmpRequestValidator is required");
            }
            try {
                return new VigieServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot bind " + address + ": " + e.getMessage(), e);
            }
        }

        private static Consumer<String> defaultLog() {
            System.Logger logger = System.getLogger("org.vigie.server.access");
            return line -> logger.log(System.Logger.Level.INFO, line);
        }
    }
}
