package org.vigie.cxf;

import java.io.File;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.feature.AbstractPortableFeature;
import org.apache.cxf.interceptor.InterceptorProvider;
import org.vigie.cxf.internal.ValidatingInterceptor;
import org.vigie.dmp.DmpRequestValidator;

/**
 * A CXF client feature that validates every outgoing DMP request with a {@link DmpRequestValidator}, on the bytes as
 * they leave the client: after WSS4J has built and signed the {@code wsse:Security} header, after MTOM has laid the
 * attachments out, before any compression (what the server's validator reads once it has decoded the body).
 *
 * <pre>{@code
 * JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
 * factory.getFeatures().add(new VigieFeature(validator, VigieFeature.Mode.ENFORCE));
 * }</pre>
 *
 * <p><b>Where it hooks.</b> One out interceptor at {@code PREPARE_SEND}, after CXF's {@code MessageSenderInterceptor}
 * (which opens the conduit's stream) and after {@code GZIPOutInterceptor} when present. It puts a caching stream in
 * front of the conduit's: everything the later phases write (SAAJ/WSS4J, the SOAP envelope, the MTOM parts) goes into
 * a CXF {@code CachedOutputStream}, and nothing goes to the network before the message is complete. When CXF closes
 * the message, the validator reads the cached copy as a stream, then the feature acts on the verdict and, unless it
 * refuses, copies the cache to the conduit.
 *
 * <p><b>Cost.</b> The cache keeps at most its threshold in memory (CXF's {@code CachedOutputStream} default, 128 KiB,
 * or {@link #setThreshold(long)}, or the bus property {@code bus.io.CachedOutputStream.Threshold}); beyond that the
 * request goes to a temporary file (in {@link #setOutputDirectory(File)} or CXF's default), deleted once the request is
 * sent or refused. The validator reads MTOM parts as streams and each document until the end of its CDA header only,
 * so a large attachment is never held twice in memory. The price is one extra pass over the bytes (and one on disk
 * for requests above the threshold), and the request leaves when it is complete instead of being streamed while it
 * is written. A 100 MB attachment goes through an {@code ENFORCE} feature with a 64 MB heap (client, Vigie and a test
 * server in one JVM: the module's {@code BigAttachmentTest}).
 *
 * <p><b>Client certificate.</b> The TLS client chain the validator judges is, in order: the chain of the alias the
 * conduit's {@code TLSClientParameters} key managers would present ({@code certAlias} if set, else the
 * {@code X509KeyManager}'s choice); else the chain given with {@link #setClientCertificateChain(List)}. A conduit
 * configured with an {@code SSLContext} only does not show its keys: give the chain to the feature. With neither,
 * the report holds a {@code CERT-AUTH-PROFILE} error saying no client certificate is configured (the DMP refuses such
 * a connection), and nothing else is evaluated.
 *
 * <p><b>Modes.</b> {@link Mode#REPORT} (the default) logs every finding, one line each, and sends the request
 * anyway; a failure of Vigie itself is logged and the request still goes. {@link Mode#ENFORCE} logs the same lines
 * and, when the report is not accepted, throws {@link VigieRejectedException} instead of sending.
 *
 * <p><b>Logging.</b> Through {@link System.Logger} (logger {@code org.vigie.cxf} unless {@link #setLogger}): the JDK
 * routes it to {@code java.util.logging}, SLF4J hosts route it with {@code slf4j-jdk-platform-logging}, Log4j hosts
 * with {@code log4j-jpl}. A finding line reads {@code Vigie RULE-ID SEVERITY @location: message [evidence]}; ERROR
 * findings log at {@code ERROR}, WARNING at {@code WARNING}, INFO at {@code DEBUG}; a summary line per request logs at
 * {@code INFO} when accepted, {@code WARNING} otherwise.
 *
 * <p><b>Spring / Blueprint.</b> A bean with a no-argument constructor and setters:
 * <pre>{@code
 * <jaxws:client id="dmp" serviceClass="..." address="https://...">
 *   <jaxws:features>
 *     <bean class="org.vigie.cxf.VigieFeature">
 *       <property name="validator" ref="dmpRequestValidator"/>
 *       <property name="mode" value="ENFORCE"/>
 *     </bean>
 *   </jaxws:features>
 * </jaxws:client>
 * }</pre>
 *
 * <p>The settings are read when the feature is applied to a client (when the client is created): changing them
 * afterwards does not change clients already built. A client applies it to its out chain only: on a server endpoint
 * the feature does nothing. Thread-safe once applied (the validator is).
 */
public final class VigieFeature implements AbstractPortableFeature {

    /** What the feature does with a request whose report is not accepted. */
    public enum Mode {
        /** Log the findings through the application's logger and send the request anyway. */
        REPORT,
        /** Refuse to send: throw {@link VigieRejectedException} carrying the report; nothing reaches the server. */
        ENFORCE
    }

    private volatile DmpRequestValidator validator;
    private volatile Mode mode = Mode.REPORT;
    private volatile List<X509Certificate> clientChain = List.of();
    private volatile long threshold = -1;
    private volatile File outputDirectory;
    private volatile System.Logger logger;
    private volatile Locale locale = Locale.FRENCH;

    /** A feature to configure with setters (Spring, Blueprint); {@link #setValidator} is required. */
    public VigieFeature() {
    }

    /**
     * A feature in {@link Mode#REPORT} mode.
     *
     * @param validator the validator of every outgoing request
     */
    public VigieFeature(DmpRequestValidator validator) {
        this(validator, Mode.REPORT);
    }

    /**
     * A feature in the given mode.
     *
     * @param validator the validator of every outgoing request
     * @param mode      REPORT (log, send anyway) or ENFORCE (refuse to send)
     */
    public VigieFeature(DmpRequestValidator validator, Mode mode) {
        setValidator(validator);
        setMode(mode);
    }

    /** The validator of every outgoing request (null until set). */
    public DmpRequestValidator getValidator() {
        return validator;
    }

    /**
     * Sets the validator (required).
     *
     * @param validator the validator, built once by the application (trust anchors, CRLs, directory, clock)
     */
    public void setValidator(DmpRequestValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /** The mode (default {@link Mode#REPORT}). */
    public Mode getMode() {
        return mode;
    }

    /**
     * Sets the mode.
     *
     * @param mode REPORT or ENFORCE
     */
    public void setMode(Mode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /** The client chain used when the conduit's TLS key managers give none (default empty). */
    public List<X509Certificate> getClientCertificateChain() {
        return clientChain;
    }

    /**
     * Sets the TLS client chain to judge when the conduit's TLS parameters show none (e.g. a conduit configured with
     * an {@code SSLContext}).
     *
     * @param leafFirst the ORG_AUTH_CLI certificate then its intermediates (empty: none)
     */
    public void setClientCertificateChain(List<X509Certificate> leafFirst) {
        this.clientChain = List.copyOf(Objects.requireNonNull(leafFirst, "leafFirst"));
    }

    /**
     * Sets the client certificate to judge when the conduit's TLS parameters show none.
     *
     * @param certificate the ORG_AUTH_CLI certificate
     */
    public void setClientCertificate(X509Certificate certificate) {
        setClientCertificateChain(List.of(Objects.requireNonNull(certificate, "certificate")));
    }

    /** The bytes of a request held in memory before it spills to a temporary file (-1: CXF's default). */
    public long getThreshold() {
        return threshold;
    }

    /**
     * Sets how many bytes of a request are held in memory before the rest goes to a temporary file.
     *
     * @param bytes a positive number, or -1 for CXF's {@code CachedOutputStream} default (128 KiB or the bus setting)
     */
    public void setThreshold(long bytes) {
        if (bytes != -1 && bytes <= 0) {
            throw new IllegalArgumentException("threshold must be positive or -1, not " + bytes);
        }
        this.threshold = bytes;
    }

    /** The directory of the temporary files (null: CXF's default, {@code java.io.tmpdir} or the bus setting). */
    public File getOutputDirectory() {
        return outputDirectory;
    }

    /**
     * Sets the directory of the temporary files of requests above the threshold.
     *
     * @param directory an existing directory, or null for CXF's default
     */
    public void setOutputDirectory(File directory) {
        this.outputDirectory = directory;
    }

    /** The logger of the findings (null: {@code System.getLogger("org.vigie.cxf")}). */
    public System.Logger getLogger() {
        return logger;
    }

    /**
     * Sets the logger of the findings and summaries.
     *
     * @param logger the application's logger, or null for {@code System.getLogger("org.vigie.cxf")}
     */
    public void setLogger(System.Logger logger) {
        this.logger = logger;
    }

    /** The language of the logged messages (default French). */
    public Locale getLocale() {
        return locale;
    }

    /**
     * Sets the language of the logged messages: English for an English locale, French otherwise.
     *
     * @param locale the locale
     */
    public void setLocale(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
    }

    /**
     * Adds the validating interceptor to the provider's out chain (CXF calls this when the feature is applied).
     *
     * @throws IllegalStateException when no validator is set
     */
    @Override
    public void doInitializeProvider(InterceptorProvider provider, Bus bus) {
        DmpRequestValidator v = validator;
        if (v == null) {
            throw new IllegalStateException("VigieFeature: no validator set (setValidator)");
        }
        System.Logger l = logger != null ? logger : System.getLogger("org.vigie.cxf");
        provider.getOutInterceptors().add(new ValidatingInterceptor(new ValidatingInterceptor.Settings(
                v, mode == Mode.ENFORCE, clientChain, threshold, outputDirectory, l, locale)));
    }

    /** Does nothing: the feature checks what a client sends, not a server's answers. */
    @Override
    public void initialize(Server server, Bus bus) {
        // client side only
    }
}
