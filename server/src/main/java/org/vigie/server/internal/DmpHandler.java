package org.vigie.server.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.vigie.core.Finding;
import org.vigie.core.Report;
import org.vigie.dmp.DmpRequestValidator;
import org.vigie.dmp.DmpValidation;
import org.vigie.core.internal.limits.BoundedInflation;
import org.vigie.dmp.internal.ContentCodings;
import org.vigie.server.ClientAuth;
import org.vigie.server.ServerLimits;
import org.vigie.server.ValidatedRequest;

/**
 * The one handler of the endpoint: {@code GET /health}, and {@code POST} on any other path as a DMP request.
 * Thread-safe; one instance per server.
 */
public final class DmpHandler implements HttpHandler {

    /** Path of the health endpoint. */
    public static final String HEALTH_PATH = "/health";
    /** Response action of an ITI-41 feeding. */
    public static final String ITI41_RESPONSE_ACTION = "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-bResponse";
    private static final String ITI18_ACTION = "urn:ihe:iti:2007:RegistryStoredQuery";

    /** Bytes of the body kept to find the request's wsa:MessageID (the SOAP header, VIHF included, comes first). */
    private static final int HEAD_CAPTURE_BYTES = 64 * 1024;

    private static final int RUNNING = 0;
    private static final int RESPONDING = 1;
    private static final int TIMED_OUT = 2;

    private final DmpRequestValidator validator;
    private final java.util.Locale locale;
    private final Clock clock;
    private final ServerLimits limits;
    private final ClientAuth clientAuth;
    private final Semaphore slots;
    private final ScheduledExecutorService timer;
    private final Consumer<AccessLine> log;
    private final Consumer<ValidatedRequest> onValidation;
    private final Journal journal;
    private final JournalPages pages;
    private final boolean journalRemote;
    private final AtomicLong served = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object admission = new Object();
    private boolean stopping; // guarded by admission

    public DmpHandler(DmpRequestValidator validator, Clock clock, ServerLimits limits, ClientAuth clientAuth,
                      ScheduledExecutorService timer, Consumer<AccessLine> log) {
        this(validator, clock, limits, clientAuth, timer, log, java.util.Locale.FRENCH);
    }

    /**
     * A handler whose answers carry the findings' messages in {@code locale}'s language (French or English).
     *
     * @param validator  the validator of each request
     * @param clock      the clock giving each request's evaluation instant
     * @param limits     the server limits
     * @param clientAuth the client-certificate mode
     * @param timer      the timer of the request timeouts
     * @param log        the access-log sink
     * @param locale     the language of the findings' messages in the answers
     */
    public DmpHandler(DmpRequestValidator validator, Clock clock, ServerLimits limits, ClientAuth clientAuth,
                      ScheduledExecutorService timer, Consumer<AccessLine> log, java.util.Locale locale) {
        this(validator, clock, limits, clientAuth, timer, log, locale, r -> { });
    }

    /**
     * A handler that also hands each request answered from its report to {@code onValidation}.
     *
     * @param validator    the validator of each request
     * @param clock        the clock giving each request's evaluation instant
     * @param limits       the server limits
     * @param clientAuth   the client-certificate mode
     * @param timer        the timer of the request timeouts
     * @param log          the access-log sink
     * @param locale       the language of the findings' messages in the answers
     * @param onValidation called on the handling thread before the answer is written; what it throws is ignored
     */
    public DmpHandler(DmpRequestValidator validator, Clock clock, ServerLimits limits, ClientAuth clientAuth,
                      ScheduledExecutorService timer, Consumer<AccessLine> log, java.util.Locale locale,
                      Consumer<ValidatedRequest> onValidation) {
        this(validator, clock, limits, clientAuth, timer, log, locale, onValidation,
                new Journal(org.vigie.server.JournalLimits.disabled(), null, clock.instant()), false);
    }

    /**
     * A handler that also keeps the request journal: each POST is numbered on arrival, its body captured within the
     * journal's bound as it is read, and recorded just before its answer is written (or, without an answer, once the
     * exchange is over); {@code GET /} and {@code /requests/...} serve the journal's pages (when its in-memory part is
     * on) to loopback clients, or to any client when {@code journalRemote}.
     *
     * @param validator     the validator of each request
     * @param clock         the clock giving each request's evaluation instant
     * @param limits        the server limits
     * @param clientAuth    the client-certificate mode
     * @param timer         the timer of the request timeouts
     * @param log           the access-log sink
     * @param locale        the language of the findings' messages in the answers and the journal
     * @param onValidation  called on the handling thread before the answer is written; what it throws is ignored
     * @param journal       the journal (a disabled one for none)
     * @param journalRemote true to serve the journal's pages to clients off the loopback interface
     */
    public DmpHandler(DmpRequestValidator validator, Clock clock, ServerLimits limits, ClientAuth clientAuth,
                      ScheduledExecutorService timer, Consumer<AccessLine> log, java.util.Locale locale,
                      Consumer<ValidatedRequest> onValidation, Journal journal, boolean journalRemote) {
        this.journal = java.util.Objects.requireNonNull(journal, "journal");
        this.pages = new JournalPages(journal);
        this.journalRemote = journalRemote;
        this.onValidation = java.util.Objects.requireNonNull(onValidation, "onValidation");
        this.locale = java.util.Objects.requireNonNull(locale, "locale");
        this.validator = validator;
        this.clock = clock;
        this.limits = limits;
        this.clientAuth = clientAuth;
        this.slots = new Semaphore(limits.maxConcurrentRequests(), true);
        this.timer = timer;
        this.log = log;
    }

    /** Per-exchange state. */
    private static final class Call {
        final HttpExchange ex;
        final long t0 = System.nanoTime();
        final AtomicInteger state = new AtomicInteger(RUNNING);
        int status;
        String action;
        String verdict = "error";
        List<String> rules = List.of();
        String profile;
        String client;
        String framing;
        int attachments;
        boolean refused;
        /** Journal number (0: not journaled), the bounded copy of the body as received, recorded yet. */
        long n;
        final java.time.Instant arrived;
        RawCapture raw;
        boolean journaled;
        X509Certificate peer;
        Report report;
        /** SOAP version of the answers: announced by the headers, then the envelope's once read. */
        SoapAnswers.Version soap = SoapAnswers.Version.SOAP12;
        /** Bytes as received (compressed when the request has a Content-Encoding). */
        volatile LimitedInputStream received;
        /** Bytes of the decoded body, bounded by the same limit: what --max-body bounds. */
        volatile LimitedInputStream body; // set by the worker, cancelled by the timeout watchdog

        Call(HttpExchange ex, java.time.Instant arrived) {
            this.ex = ex;
            this.arrived = arrived;
        }
    }

    @Override
    public void handle(HttpExchange ex) {
        Call c = new Call(ex, clock.instant());
        synchronized (admission) { // a request is either counted before a stop begins, or refused
            c.refused = stopping;
            inFlight.incrementAndGet();
        }
        try {
            dispatch(c);
        } catch (RuntimeException | IOException e) {
            if (c.status == 0) {
                c.verdict = "error";
                answerQuietly(c, 500, SoapAnswers.fault(c.soap, false, "InternalError",
                        "erreur interne du serveur Vigie : " + e.getClass().getSimpleName(), List.of()), Map.of());
            }
        } catch (OutOfMemoryError | StackOverflowError e) {
            // last resort (the reading limits hold long before): one answer, the connection is not reset
            if (c.status == 0) {
                c.verdict = "exhausted";
                answerQuietly(c, 503, SoapAnswers.fault(c.soap, false, "ResourceExhausted", "ressources du serveur Vigie épuisées ("
                        + (e instanceof OutOfMemoryError ? "mémoire" : "pile d'exécution") + ") : requête abandonnée",
                        List.of()), Map.of("Retry-After", "1", "Connection", "close"));
            }
        } finally {
            if (c.state.get() == TIMED_OUT) {
                c.verdict = "timeout";
            }
            if (c.n > 0 && !c.journaled) {
                journal(c); // no answer was written (timed out, client gone)
            }
            ex.close();
            served.incrementAndGet();
            InetSocketAddress ra = ex.getRemoteAddress();
            AccessLine line = new AccessLine(clock.instant(), ra == null ? "" : ra.getAddress().getHostAddress() + ":" + ra.getPort(),
                    ex.getRequestMethod(), ex.getRequestURI().getRawPath(), c.status, c.action, c.verdict, c.rules, c.client,
                    c.framing, c.attachments, c.received == null ? 0 : c.received.count(),
                    c.body == null ? 0 : c.body.count(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - c.t0));
            try {
                log.accept(line);
            } catch (RuntimeException e) {
                // a failing log sink must not break the endpoint
            }
            inFlight.decrementAndGet(); // last: a graceful stop returns after the final access line
        }
    }

    private void dispatch(Call c) throws IOException {
        HttpExchange ex = c.ex;
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        c.soap = SoapAnswers.Version.announced(ex.getRequestHeaders().getFirst("Content-Type"),
                ex.getRequestHeaders().getFirst("SOAPAction"));
        X509Certificate[] peer = peerCertificates(ex);
        if (peer.length > 0) {
            c.client = peer[0].getSubjectX500Principal().getName();
            c.peer = peer[0];
        }
        if (HEALTH_PATH.equals(path) || (HEALTH_PATH + "/").equals(path)) {
            c.verdict = "health";
            if (!method.equals("GET") && !method.equals("HEAD")) {
                c.verdict = "method-not-allowed";
                answer(c, 405, "", Map.of("Allow", "GET, HEAD"), "text/plain; charset=UTF-8");
                return;
            }
            String json = "{\"status\":\"UP\",\"clientAuth\":\"" + clientAuth + "\",\"served\":" + served.get()
                    + ",\"inFlight\":" + (inFlight.get() - 1) + ",\"maxConcurrentRequests\":" + limits.maxConcurrentRequests() + "}";
            answer(c, 200, method.equals("HEAD") ? null : json, Map.of(), "application/json");
            return;
        }
        if (journal.pages() && (method.equals("GET") || method.equals("HEAD"))
                && JournalPages.isJournalPath(ex.getRequestURI().getRawPath())) {
            journalPage(c, method.equals("HEAD"));
            return;
        }
        if (method.equals("POST") && journal.capturing()) {
            c.n = journal.next();
        }
        if (c.refused) {
            c.verdict = "stopping";
            answerSoap(c, 503, SoapAnswers.fault(c.soap, false, "ShuttingDown", "serveur Vigie en cours d'arrêt", List.of()),
                    Map.of("Connection", "close"));
            return;
        }
        if (!method.equals("POST")) {
            c.verdict = "method-not-allowed";
            answer(c, 405, "Vigie serve : requêtes DMP en POST ; santé : GET " + HEALTH_PATH + "\n",
                    Map.of("Allow", "POST"), "text/plain; charset=UTF-8");
            return;
        }
        if (peer.length == 0) {
            c.verdict = "no-client-certificate";
            answerSoap(c, 403, SoapAnswers.fault(c.soap, true, "NoClientCertificate",
                    "aucun certificat client TLS présenté lors de la poignée de main : le DMP refuse la connexion ; "
                            + "configurez le certificat d'authentification de la structure (ORG_AUTH_CLI) dans le connecteur",
                    List.of()), Map.of("Connection", "close"));
            return;
        }
        long announced = contentLength(ex);
        if (announced > limits.maxBodyBytes()) {
            c.verdict = "too-large";
            answerSoap(c, 413, tooLarge(c.soap, announced), Map.of("Connection", "close"));
            return;
        }
        boolean slot;
        try {
            slot = slots.tryAcquire(limits.busyWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            slot = false;
        }
        if (!slot) {
            c.verdict = "busy";
            answerSoap(c, 503, SoapAnswers.fault(c.soap, false, "ServerBusy", "serveur Vigie occupé ("
                    + limits.maxConcurrentRequests() + " requêtes en cours) : réessayez", List.of()),
                    Map.of("Retry-After", "1", "Connection", "close"));
            return;
        }
        ScheduledFuture<?> watchdog = timer.schedule(() -> timeout(c), limits.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            validate(c, peer);
        } finally {
            watchdog.cancel(false);
            slots.release();
        }
    }

    private void validate(Call c, X509Certificate[] peer) throws IOException {
        InputStream asReceived = c.ex.getRequestBody();
        if (c.n > 0) { // the tee of the journal: the first maxEntryBytes bytes as they are read, never more
            c.raw = new RawCapture(asReceived, (int) journal.limits().maxEntryBytes());
            asReceived = c.raw;
        }
        c.received = new LimitedInputStream(asReceived, limits.maxBodyBytes());
        if (c.state.get() == TIMED_OUT) {
            c.received.cancel(TIMEOUT_REASON); // the watchdog fired before the body existed
        }
        String coding = c.ex.getRequestHeaders().getFirst("Content-Encoding");
        InputStream decoded;
        try {
            // the one decoder of the project (dmp's, also used by vigie check on captured HTTP messages); it holds no
            // more than its buffers: the size bound is the count of decoded bytes below (--max-body), the expansion
            // ratio the decoder's (BoundedInflation, 100:1 past the first MiB): either passed is a 413
            decoded = ContentCodings.decode(c.received, coding, Long.MAX_VALUE, BoundedInflation.DEFAULT_MAX_RATIO);
        } catch (ContentCodings.UnsupportedCodingException e) {
            c.body = c.received;
            c.received.drain(); // bounded: read what was sent so that the client reads the answer
            c.verdict = "unsupported-encoding";
            answerSoap(c, 415, SoapAnswers.fault(c.soap, true, "UnsupportedContentEncoding", e.getMessage(), List.of()),
                    Map.of("Accept-Encoding", ContentCodings.SUPPORTED, "Connection", "close"));
            return;
        } catch (IOException e) {
            c.body = c.received;
            c.received.drain();
            c.verdict = c.received.exceeded() ? "too-large" : "unreadable";
            answerSoap(c, c.received.exceeded() ? 413 : 400, c.received.exceeded() ? tooLarge(c.soap, -1)
                    : SoapAnswers.fault(c.soap, true, "UnreadableRequest", "requête illisible : corps annoncé en « "
                    + coding + " » mais illisible (" + e.getMessage() + ")", List.of()), Map.of("Connection", "close"));
            return;
        }
        c.body = decoded == c.received ? c.received : new LimitedInputStream(decoded, limits.maxBodyBytes());
        if (c.state.get() == TIMED_OUT) {
            c.body.cancel(TIMEOUT_REASON); // the watchdog fired before the body existed
        }
        HeadCapture head = new HeadCapture(c.body, HEAD_CAPTURE_BYTES);
        List<X509Certificate> chain = List.of(peer).subList(1, peer.length);
        String contentType = c.ex.getRequestHeaders().getFirst("Content-Type");
        java.time.Instant at = clock.instant();
        DmpValidation v = validator.validateRequest(peer[0], chain, head, contentType, at);
        String relatesTo = head.messageId().orElse(null);
        if (!c.body.exceeded()) {
            c.body.drain();
        }
        if (c.received != c.body && !c.received.exceeded()) {
            c.received.drain(); // what follows a gzip member, or what a decoding error left unread
        }
        v.soapVersion().ifPresent(version -> c.soap = SoapAnswers.Version.of(version));
        Report r = v.report();
        c.report = r;
        c.action = v.action().orElse(null);
        c.framing = v.framing();
        c.attachments = v.attachments().size();
        c.rules = r.rulesFired();
        c.profile = r.profile().map(org.vigie.core.PolicyProfile::id).orElse(null);
        if (c.state.get() == TIMED_OUT) {
            c.verdict = "timeout";
            return;
        }
        if (c.body.exceeded() || c.received.exceeded()) {
            c.verdict = "too-large";
            answerSoap(c, 413, tooLarge(c.soap, -1), Map.of("Connection", "close"));
            return;
        }
        try { // before the answer: a client holding the answer finds its request's report already handed over
            onValidation.accept(new ValidatedRequest(at, c.ex.getRequestURI().getRawPath(), peer[0], v));
        } catch (RuntimeException e) {
            // a failing listener must not break the endpoint
        }
        if (v.soapVersion().isEmpty()) {
            c.verdict = "unreadable";
            String first = r.findings().isEmpty() ? "enveloppe SOAP introuvable" : r.findings().get(0).message(locale);
            answerSoap(c, 400, SoapAnswers.fault(c.soap, true, "UnreadableRequest", "requête illisible : " + first, r.findings(),
                    locale),
                    verdictHeaders(c));
            return;
        }
        boolean feeding = v.feeding() || v.action().map(DmpRequestValidator::isFeedingAction).orElse(false);
        if (feeding) {
            c.verdict = r.accepted() ? "accepted" : "rejected";
            answerSoap(c, 200, SoapAnswers.registryResponse(c.soap, ITI41_RESPONSE_ACTION, relatesTo, false, r, locale), verdictHeaders(c));
            return;
        }
        String action = v.action().orElse("(action absente)");
        if (!r.accepted()) {
            c.verdict = "rejected";
            boolean query = action.strip().equals(ITI18_ACTION);
            answerSoap(c, 200, SoapAnswers.registryResponse(c.soap, action.strip() + "Response", relatesTo, query, r,
                    locale), verdictHeaders(c));
            return;
        }
        c.verdict = "not-simulated";
        List<Finding> notes = r.findings();
        answerSoap(c, 500, SoapAnswers.fault(c.soap, false, "NotSimulated", "contrôle 1 conforme (certificat TLS et VIHF) ; "
                + "la transaction « " + action + " » n'est pas simulée par Vigie : seule l'alimentation ITI-41 "
                + "(ProvideAndRegisterDocumentSet-b) reçoit une réponse du DMP", notes, locale), verdictHeaders(c));
    }

    private Map<String, String> verdictHeaders(Call c) {
        Map<String, String> h = new java.util.LinkedHashMap<>();
        h.put("X-Vigie-Verdict", c.verdict);
        if (!c.rules.isEmpty()) {
            h.put("X-Vigie-Rules", String.join(",", c.rules));
        }
        if (c.profile != null) {
            h.put("X-Vigie-Profile", c.profile);
        }
        return h;
    }

    private String tooLarge(SoapAnswers.Version soap, long announced) {
        return SoapAnswers.fault(soap, true, "RequestTooLarge", "corps de requête trop volumineux"
                + (announced > 0 ? " (" + announced + " octets annoncés)" : "") + " : limite " + limits.maxBodyBytes()
                + " octets", List.of());
    }

    private static final String TIMEOUT_REASON = "délai de la requête dépassé : lecture interrompue";

    private void timeout(Call c) {
        if (c.state.compareAndSet(RUNNING, TIMED_OUT)) {
            // the work stops at its next read of the body (even of bytes already buffered or decoded), so that the
            // slot comes back; the reading limits bound the work between two reads
            for (LimitedInputStream b : new LimitedInputStream[] {c.received, c.body}) {
                if (b != null) {
                    b.cancel(TIMEOUT_REASON); // the body as received (e.g. while a gzip header is read) and decoded
                }
            }
            c.ex.close(); // response not started: the JDK closes the connection, unblocking the reader
        }
    }

    private static X509Certificate[] peerCertificates(HttpExchange ex) {
        if (ex instanceof HttpsExchange hs && hs.getSSLSession() != null) {
            try {
                Certificate[] pc = hs.getSSLSession().getPeerCertificates();
                List<X509Certificate> out = new ArrayList<>();
                for (Certificate cert : pc) {
                    if (cert instanceof X509Certificate x) {
                        out.add(x);
                    }
                }
                return out.toArray(X509Certificate[]::new);
            } catch (SSLPeerUnverifiedException e) {
                return new X509Certificate[0];
            }
        }
        return new X509Certificate[0];
    }

    private static long contentLength(HttpExchange ex) {
        String cl = ex.getRequestHeaders().getFirst("Content-Length");
        if (cl == null) {
            return -1;
        }
        try {
            return Long.parseLong(cl.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void answerSoap(Call c, int status, String envelope, Map<String, String> headers) throws IOException {
        answer(c, status, envelope, headers, c.soap.contentType());
    }

    private void answerQuietly(Call c, int status, String envelope, Map<String, String> headers) {
        try {
            answerSoap(c, status, envelope, headers);
        } catch (IOException | RuntimeException e) {
            // the client is gone
        }
    }

    private void answer(Call c, int status, String body, Map<String, String> headers, String contentType) throws IOException {
        if (!c.state.compareAndSet(RUNNING, RESPONDING)) {
            c.verdict = "timeout";
            return;
        }
        c.status = status;
        HttpExchange ex = c.ex;
        if (c.n > 0 && !c.journaled) {
            journal(c); // before the answer: a client holding it finds its entry in the journal
            ex.getResponseHeaders().set("X-Vigie-Journal-Entry", String.valueOf(c.n));
        }
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("Server", "vigie-serve");
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Serves a page of the journal (loopback clients only, unless configured otherwise). */
    private void journalPage(Call c, boolean head) throws IOException {
        InetSocketAddress ra = c.ex.getRemoteAddress();
        boolean loopback = ra != null && ra.getAddress() != null && ra.getAddress().isLoopbackAddress();
        JournalPages.Page p;
        if (!loopback && !journalRemote) {
            c.verdict = "journal-forbidden";
            p = JournalPages.forbidden();
        } else {
            c.verdict = "journal";
            p = pages.answer(c.ex.getRequestURI().getRawPath());
        }
        if (!c.state.compareAndSet(RUNNING, RESPONDING)) {
            c.verdict = "timeout";
            return;
        }
        c.status = p.status();
        HttpExchange ex = c.ex;
        ex.getResponseHeaders().set("Content-Type", p.contentType());
        ex.getResponseHeaders().set("Server", "vigie-serve");
        p.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        if (head || p.body().length == 0) {
            ex.sendResponseHeaders(p.status(), -1);
            return;
        }
        ex.sendResponseHeaders(p.status(), p.body().length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(p.body());
        }
    }

    /** Records the request in the journal, once; a failure of the journal never breaks the answer. */
    private void journal(Call c) {
        c.journaled = true;
        try {
            HttpExchange ex = c.ex;
            InetSocketAddress ra = ex.getRemoteAddress();
            com.sun.net.httpserver.Headers h = ex.getRequestHeaders();
            RawCapture raw = c.raw;
            journal.record(new JournalEntry(c.n, c.arrived, ra == null ? "" : ra.getAddress().getHostAddress() + ":" + ra.getPort(),
                    ex.getRequestMethod(), ex.getRequestURI().getRawPath(), c.status, c.verdict, c.action, c.rules,
                    c.profile, c.peer, c.framing, c.attachments, c.received == null ? 0 : c.received.count(),
                    c.body == null ? 0 : c.body.count(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - c.t0),
                    h.getFirst("Content-Type"), h.getFirst("Content-Encoding"), h.getFirst("SOAPAction"),
                    raw == null ? new byte[0] : raw.copy(), raw != null && raw.truncated(), c.report, locale));
        } catch (RuntimeException e) {
            // the journal is a help: it never costs a request its answer
        }
    }

    /** From now on, answer every new request with 503 (graceful shutdown). */
    public void beginStop() {
        synchronized (admission) {
            stopping = true;
        }
    }

    /** @return requests being handled now */
    public int inFlight() {
        return inFlight.get();
    }

    /** @return requests answered so far */
    public long served() {
        return served.get();
    }
}
