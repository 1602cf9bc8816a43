package org.vigie.server.junit;

import java.net.URI;
import java.security.KeyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.vigie.core.Report;
import org.vigie.core.StructureDirectory;
import org.vigie.dmp.DmpPolicy;
import org.vigie.server.ClientAuth;
import org.vigie.server.ServerLimits;
import org.vigie.server.ValidatedRequest;
import org.vigie.server.VigieTestServer;
import org.vigie.testkit.TestDirectory;
import org.vigie.testkit.TestPki;

/**
 * A JUnit 5 extension running a {@link VigieTestServer} for a connector's tests: each test gets its own URL on the
 * endpoint, an {@code SSLContext} presenting a {@link TestStructure test structure}'s certificate and, after its
 * calls, the report of each request the endpoint validated for it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static VigieDmpExtension dmp = VigieDmpExtension.builder().directory(TestDirectory.usual()).build();
 *
 * @Test
 * void feedingIsAccepted() {
 *     myConnector.send(dmp.url().resolve("si-dmp-server/v2/services"), dmp.sslContext(),
 *             VihfBuilder.indirect(dmp.structure().signature()), ...);         // your code
 *     ReportAssert.assertThat(dmp.lastReport()).isAccepted();
 * }
 * }</pre>
 *
 * <p><b>Lifecycle.</b> In a {@code static} field, one server serves the whole class (started before all its tests,
 * stopped after them, {@code @Nested} classes included); in an instance field, each test gets its own server.
 * {@link VigieDmp @VigieDmp} on the class is the annotation form (a server per class, default settings).
 *
 * <p><b>Reports per test, also in parallel.</b> Each test has its own URL, the server's with a path prefix naming the
 * test ({@code https://localhost:<port>/vigie-test/t7/}): what is posted below it is that test's, whatever other
 * tests of the class send at the same time ({@code junit.jupiter.execution.parallel.enabled}). A request posted
 * outside any test's prefix is attributed to the one test running, to none when several run. A request's report is
 * recorded before its answer is written, so once the connector holds the answer {@link #lastReport()} is its report.
 * Requests answered without a validation (GET, no TLS client certificate, too large...) have no report.
 *
 * <p><b>From the field or as parameters.</b> {@link #url()}, {@link #lastReport()}, {@link #reports()} called on the
 * field answer for the test running on the calling thread (JUnit runs a test's before-each, body and after-each on
 * one thread); from a thread the test started, with several tests running, take the test's {@link DmpTestEndpoint}
 * as a parameter instead. Test and {@code @BeforeEach}/{@code @AfterEach} methods may declare parameters of the
 * types {@link DmpTestEndpoint}, {@link URI} (the test's URL), {@link SSLContext}, {@link TestStructure} and
 * {@link VigieTestServer} (the last three also in {@code @BeforeAll} with a static field).
 *
 * <p>The JUnit Jupiter API is the host's (any 5.x): {@code vigie-server} does not bring it.
 */
public final class VigieDmpExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    /** First segment of each test's URL path. */
    static final String TEST_PATH_PREFIX = "vigie-test/";
    /** Requests kept per test: past it, further reports of the test are dropped. */
    static final int MAX_REQUESTS_PER_TEST = 10_000;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(VigieDmpExtension.class);

    /** A store key of this extension instance (two extensions in one class keep apart). */
    private record Key(VigieDmpExtension extension, String what) {
    }

    /** The server and what comes with it, for as long as it runs. */
    private record Running(VigieTestServer server, TestStructure structure, SSLContext sslContext) {
    }

    private final Builder settings; // null: from @VigieDmp on the test class, read at the first start
    private final Object lock = new Object();
    private Running running; // guarded by lock
    private int users; // guarded by lock: the class and the tests holding the server
    private final ConcurrentMap<String, DmpTestEndpoint> active = new ConcurrentHashMap<>();
    private final ThreadLocal<DmpTestEndpoint> current = new ThreadLocal<>();
    private final AtomicLong tokens = new AtomicLong();
    private final AtomicLong unattributed = new AtomicLong();

    /**
     * The extension with the settings of {@link VigieDmp @VigieDmp} on the test class (its defaults when absent):
     * what {@code @ExtendWith(VigieDmpExtension.class)} instantiates. In code, prefer {@link #builder()}.
     */
    public VigieDmpExtension() {
        this.settings = null;
    }

    private VigieDmpExtension(Builder settings) {
        this.settings = settings;
    }

    /**
     * @return a builder mirroring {@link VigieTestServer.Builder}: {@link TestPki#shared()}, default policy, no
     *         directory, DIAGNOSE, default limits, French messages, structure {@value TestStructure#DEFAULT_ID}
     */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------------------------------------- the test's view

    /**
     * @return the endpoint as the test running on the calling thread sees it (or the one test running)
     * @throws IllegalStateException outside a test, or from a thread of no test while several run
     */
    public DmpTestEndpoint endpoint() {
        DmpTestEndpoint e = current.get();
        if (e != null && e.isOpen()) {
            return e;
        }
        List<DmpTestEndpoint> open = new ArrayList<>(active.values());
        if (open.size() == 1) {
            return open.get(0);
        }
        if (open.isEmpty()) {
            throw new IllegalStateException("no test is running with this Vigie DMP extension: url(), lastReport() "
                    + "and reports() belong to a test; call them from a @Test, @BeforeEach or @AfterEach method of a "
                    + "class that registers the extension (@RegisterExtension) or is annotated @VigieDmp");
        }
        throw new IllegalStateException(open.size() + " tests of this Vigie DMP extension are running and the calling "
                + "thread \"" + Thread.currentThread().getName() + "\" runs none of them: declare a DmpTestEndpoint "
                + "parameter on the test method and use it (or hand it to the threads the test starts)");
    }

    /** @return the calling test's base URL ({@link DmpTestEndpoint#url()}): post DMP requests below it */
    public URI url() {
        return endpoint().url();
    }

    /** @return the calling test's reports so far, oldest first ({@link DmpTestEndpoint#reports()}) */
    public List<Report> reports() {
        return endpoint().reports();
    }

    /**
     * @return the report of the calling test's last validated request ({@link DmpTestEndpoint#lastReport()})
     * @throws AssertionError when the test has none, saying what to check
     */
    public Report lastReport() {
        return endpoint().lastReport();
    }

    /** @return the calling test's validated requests so far, oldest first ({@link DmpTestEndpoint#requests()}) */
    public List<ValidatedRequest> requests() {
        return endpoint().requests();
    }

    /** @return an SSL context presenting the test structure's authentication certificate and trusting the server */
    public SSLContext sslContext() {
        return running("sslContext()").sslContext();
    }

    /** @return the test structure (IdNat_Struct, authentication and signature credentials) */
    public TestStructure structure() {
        return running("structure()").structure();
    }

    /** @return the running server (its {@code url()} is the root, attributed to no test) */
    public VigieTestServer server() {
        return running("server()").server();
    }

    /** @return a PKCS#12 trust store holding the server's TLS certificate */
    public KeyStore serverTrustStore() {
        return server().serverTrustStore();
    }

    /**
     * @param password store and key password
     * @return a PKCS#12 key store with the structure's authentication key and chain (alias {@code vigie})
     */
    public KeyStore clientKeyStore(char[] password) {
        return VigieTestServer.clientKeyStore(structure().authentication(), Objects.requireNonNull(password, "password"));
    }

    // ------------------------------------------------------------------------------------------ JUnit callbacks

    /**
     * Starts the server for the class (static field, {@code @VigieDmp}).
     *
     * @param context the class's context
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        acquire(context);
        context.getStore(NAMESPACE).put(new Key(this, "class"), Boolean.TRUE);
    }

    /**
     * Stops the server started by {@link #beforeAll}, once no test of the class holds it.
     *
     * @param context the class's context
     */
    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getStore(NAMESPACE).remove(new Key(this, "class")) != null) {
            release();
        }
    }

    /**
     * Starts the server when none runs (instance field), then opens the test's {@link DmpTestEndpoint}.
     *
     * @param context the test's context
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        Running r = acquire(context);
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        store.put(new Key(this, "held"), Boolean.TRUE);
        String token = "t" + tokens.incrementAndGet();
        long unattributedAtStart = unattributed.get();
        String name = context.getTestClass().map(Class::getSimpleName).map(s -> s + " > ").orElse("")
                + context.getDisplayName();
        DmpTestEndpoint e = new DmpTestEndpoint(r.server(), r.structure(), r::sslContext, token, name, () -> {
            long n = unattributed.get() - unattributedAtStart;
            return n == 0 ? "" : n + " validated request(s) reached the endpoint during this test outside any running "
                    + "test's URL while several tests ran (or after their test ended): they are attributed to no test.";
        });
        active.put(token, e);
        current.set(e);
        store.put(new Key(this, "endpoint"), e);
    }

    /**
     * Closes the test's {@link DmpTestEndpoint}; stops the server when the test held it alone (instance field).
     *
     * @param context the test's context
     */
    @Override
    public void afterEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        DmpTestEndpoint e = store.remove(new Key(this, "endpoint"), DmpTestEndpoint.class);
        if (e != null) {
            active.values().remove(e);
            e.close();
        }
        current.remove();
        if (store.remove(new Key(this, "held")) != null) {
            release();
        }
    }

    /**
     * @param parameter the parameter
     * @param context   the context
     * @return true for {@link DmpTestEndpoint}, {@link URI}, {@link SSLContext}, {@link TestStructure} and
     *         {@link VigieTestServer}
     */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> t = parameter.getParameter().getType();
        return t == DmpTestEndpoint.class || t == URI.class || t == SSLContext.class || t == TestStructure.class
                || t == VigieTestServer.class;
    }

    /**
     * @param parameter the parameter
     * @param context   the context
     * @return the test's endpoint or URL, or the SSL context, structure or server
     * @throws ParameterResolutionException for a per-test type outside a test, or before the server started
     */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> t = parameter.getParameter().getType();
        DmpTestEndpoint e = context.getStore(NAMESPACE).get(new Key(this, "endpoint"), DmpTestEndpoint.class);
        if (t == DmpTestEndpoint.class || t == URI.class) {
            if (e == null) {
                throw new ParameterResolutionException("a " + t.getSimpleName() + " of the Vigie DMP endpoint belongs "
                        + "to a test: declare it on a @Test, @BeforeEach or @AfterEach method (in @BeforeAll or a "
                        + "constructor, take the VigieTestServer, whose url() is attributed to no test)");
            }
            return t == URI.class ? e.url() : e;
        }
        Running r;
        synchronized (lock) {
            r = running;
        }
        if (r == null) {
            throw new ParameterResolutionException("the Vigie DMP endpoint is not running yet for this "
                    + t.getSimpleName() + " parameter: with the extension in an instance field, the server starts "
                    + "before each test; take it on a @Test, @BeforeEach or @AfterEach method");
        }
        if (t == SSLContext.class) {
            return r.sslContext();
        }
        return t == TestStructure.class ? r.structure() : r.server();
    }

    // ------------------------------------------------------------------------------------------------- plumbing

    private Running running(String what) {
        synchronized (lock) {
            if (running == null) {
                throw new IllegalStateException("the Vigie DMP endpoint is not running: " + what + " is available "
                        + "from the start of the class (static field, @VigieDmp) or of each test (instance field) "
                        + "to its end");
            }
            return running;
        }
    }

    private Running acquire(ExtensionContext context) {
        synchronized (lock) {
            if (running == null) {
                running = start(settings != null ? settings : fromAnnotation(context.getRequiredTestClass()));
            }
            users++;
            return running;
        }
    }

    private void release() {
        synchronized (lock) {
            users--;
            if (users <= 0 && running != null) {
                users = 0;
                Running r = running;
                running = null;
                r.server().close();
            }
        }
    }

    private Running start(Builder b) {
        TestPki pki = b.pki == null ? TestPki.shared() : b.pki;
        VigieTestServer.Builder sb = VigieTestServer.builder().pki(pki).policy(b.policy).clock(b.clock)
                .clientAuth(b.clientAuth).limits(b.limits).locale(b.locale).onValidation(this::attribute);
        if (b.directory != null) {
            sb.directory(b.directory);
        }
        if (b.accessLog != null) {
            sb.accessLog(b.accessLog);
        }
        VigieTestServer server;
        TestStructure structure;
        try {
            structure = TestStructure.of(pki, b.structure); // issued before the validator takes the PKI's CRLs
            server = b.starter.apply(sb);
        } catch (RuntimeException e) {
            throw new ExtensionConfigurationException("the Vigie DMP test endpoint could not start ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "): check the settings of the "
                    + "VigieDmpExtension (pki, policy, directory, limits, structure " + b.structure + ")", e);
        }
        try {
            return new Running(server, structure, server.clientSslContext(structure.authentication()));
        } catch (RuntimeException e) {
            server.close();
            throw new ExtensionConfigurationException("the Vigie DMP test endpoint started but no client SSL context "
                    + "could be made for the structure " + b.structure + ": " + e.getMessage(), e);
        }
    }

    /** The listener of the server: hands each validated request to its test. */
    private void attribute(ValidatedRequest r) {
        DmpTestEndpoint target;
        String token = token(r.path());
        if (token != null) {
            target = active.get(token);
        } else {
            List<DmpTestEndpoint> open = new ArrayList<>(active.values());
            target = open.size() == 1 ? open.get(0) : null;
        }
        if (target != null && target.isOpen()) {
            target.record(r);
        } else {
            unattributed.incrementAndGet();
        }
    }

    /** @return the test token of a raw request path ({@code /vigie-test/<token>/...}), or null */
    static String token(String path) {
        String prefix = "/" + TEST_PATH_PREFIX;
        if (path == null || !path.startsWith(prefix)) {
            return null;
        }
        int end = path.indexOf('/', prefix.length());
        String t = end < 0 ? path.substring(prefix.length()) : path.substring(prefix.length(), end);
        return t.isEmpty() ? null : t;
    }

    private static Builder fromAnnotation(Class<?> testClass) {
        Builder b = new Builder();
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            VigieDmp a = c.getAnnotation(VigieDmp.class);
            if (a != null) {
                b.structure(a.structure()).clientAuth(a.clientAuth()).locale(Locale.forLanguageTag(a.language()));
                if (a.usualDirectory()) {
                    b.directory(TestDirectory.usual());
                }
                break;
            }
        }
        return b;
    }

    /** Builder of {@link VigieDmpExtension}: the settings of {@link VigieTestServer.Builder}, and the structure. */
    public static final class Builder {
        private TestPki pki;
        private DmpPolicy policy = DmpPolicy.defaults();
        private StructureDirectory directory;
        private Clock clock = Clock.systemUTC();
        private ClientAuth clientAuth = ClientAuth.DIAGNOSE;
        private ServerLimits limits = ServerLimits.defaults();
        private Consumer<String> accessLog;
        private Locale locale = Locale.FRENCH;
        private String structure = TestStructure.DEFAULT_ID;
        private Function<VigieTestServer.Builder, VigieTestServer> starter = VigieTestServer.Builder::start;

        private Builder() {
        }

        /** @param p the PKI (default {@link TestPki#shared()}) @return this builder */
        public Builder pki(TestPki p) {
            this.pki = Objects.requireNonNull(p, "pki");
            return this;
        }

        /** @param p the validation policy (default {@link DmpPolicy#defaults()}) @return this builder */
        public Builder policy(DmpPolicy p) {
            this.policy = Objects.requireNonNull(p, "policy");
            return this;
        }

        /** @param d the structure directory (default none; e.g. {@link TestDirectory#usual()}) @return this builder */
        public Builder directory(StructureDirectory d) {
            this.directory = Objects.requireNonNull(d, "directory");
            return this;
        }

        /** @param c the clock of the evaluation instants (default system UTC) @return this builder */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** @param mode the client-certificate mode (default DIAGNOSE) @return this builder */
        public Builder clientAuth(ClientAuth mode) {
            this.clientAuth = Objects.requireNonNull(mode, "clientAuth");
            return this;
        }

        /** @param l the server limits (default {@link ServerLimits#defaults()}) @return this builder */
        public Builder limits(ServerLimits l) {
            this.limits = Objects.requireNonNull(l, "limits");
            return this;
        }

        /** @param sink receives the JSON access-log lines (default: the server's logger) @return this builder */
        public Builder accessLog(Consumer<String> sink) {
            this.accessLog = Objects.requireNonNull(sink, "accessLog");
            return this;
        }

        /** @param l the language of the findings' messages in the answers (default French) @return this builder */
        public Builder locale(Locale l) {
            this.locale = Objects.requireNonNull(l, "locale");
            return this;
        }

        /**
         * @param idNatStruct the IdNat_Struct of the {@link TestStructure} whose certificate the SSL context presents
         *                    (default {@value TestStructure#DEFAULT_ID})
         * @return this builder
         */
        public Builder structure(String idNatStruct) {
            this.structure = Objects.requireNonNull(idNatStruct, "structure");
            return this;
        }

        /** Test seam: how the server is started. */
        Builder starter(Function<VigieTestServer.Builder, VigieTestServer> s) {
            this.starter = Objects.requireNonNull(s, "starter");
            return this;
        }

        /** @return the extension; the server starts when the tests do */
        public VigieDmpExtension build() {
            Builder copy = new Builder();
            copy.pki = pki;
            copy.policy = policy;
            copy.directory = directory;
            copy.clock = clock;
            copy.clientAuth = clientAuth;
            copy.limits = limits;
            copy.accessLog = accessLog;
            copy.locale = locale;
            copy.structure = structure;
            copy.starter = starter;
            return new VigieDmpExtension(copy);
        }
    }
}
