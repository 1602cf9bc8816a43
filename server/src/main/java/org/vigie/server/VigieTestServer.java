package org.vigie.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.vigie.core.StructureDirectory;
import org.vigie.dmp.DmpPolicy;
import org.vigie.dmp.DmpRequestValidator;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.TestPki;

/**
 * The local DMP endpoint wired to a test-kit PKI, for a connector's JUnit tests: random loopback port, the PKI as
 * trust (handshake and validator, with its CRLs), client key stores and SSL contexts ready for the connector.
 *
 * <pre>{@code
 * try (VigieTestServer dmp = VigieTestServer.builder().start()) {   // TestPki.shared(), DIAGNOSE
 *     OrgCredential auth = dmp.pki().authentication("10B0152872");
 *     OrgCredential sign = dmp.pki().signature("10B0152872");
 *     SSLContext tls = dmp.clientSslContext(auth);                  // client key + trust of the server certificate
 *     // point the connector at dmp.url(), send a request whose VIHF is signed with `sign`...
 * }
 * }</pre>
 *
 * Issue revoked credentials ({@code pki.issue(CertSpec...revoked())}) <em>before</em> {@link Builder#start()}: the
 * validator takes the PKI's CRLs when it is built.
 */
public final class VigieTestServer implements AutoCloseable {

    private final TestPki pki;
    private final VigieServer server;

    private VigieTestServer(TestPki pki, VigieServer server) {
        this.pki = pki;
        this.server = server;
    }

    /** @return a builder: {@link TestPki#shared()}, default policy, no directory, DIAGNOSE, default limits */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the PKI whose credentials the server trusts */
    public TestPki pki() {
        return pki;
    }

    /** @return the running server */
    public VigieServer server() {
        return server;
    }

    /** @return the base URL ({@code https://localhost:<port>/}) */
    public URI url() {
        return server.url();
    }

    /** @return the TLS certificate clients must trust */
    public X509Certificate serverCertificate() {
        return server.serverCertificate();
    }

    /** @return a trust store (PKCS#12, no password needed to read) holding the server certificate */
    public KeyStore serverTrustStore() {
        try {
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry("vigie-serve", server.serverCertificate());
            return ts;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param credential the client (ORG_AUTH_CLI) credential
     * @param password   store and key password
     * @return a PKCS#12 key store holding the credential's key and chain (alias {@code vigie})
     */
    public static KeyStore clientKeyStore(OrgCredential credential, char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(credential.pkcs12(password)), password);
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param credential the client certificate to present, or null for none
     * @return an SSL context that presents the credential and trusts this server's certificate
     */
    public SSLContext clientSslContext(OrgCredential credential) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(serverTrustStore());
            SSLContext ctx = SSLContext.getInstance("TLS");
            if (credential == null) {
                ctx.init(null, tmf.getTrustManagers(), null);
            } else {
                char[] pw = "vigie".toCharArray();
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(clientKeyStore(credential, pw), pw);
                ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            }
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server (graceful). */
    @Override
    public void close() {
        server.stop();
    }

    /** Builder of {@link VigieTestServer}. */
    public static final class Builder {
        private TestPki pki;
        private DmpPolicy policy = DmpPolicy.defaults();
        private StructureDirectory directory;
        private Clock clock = Clock.systemUTC();
        private ClientAuth clientAuth = ClientAuth.DIAGNOSE;
        private ServerLimits limits = ServerLimits.defaults();
        private Consumer<String> accessLog;
        private Consumer<ValidatedRequest> onValidation;
        private java.util.Locale locale = java.util.Locale.FRENCH;
        private JournalLimits journal = JournalLimits.disabled();
        private java.nio.file.Path journalDirectory;

        private Builder() {
        }

        /**
         * @param limits the request journal (see {@link VigieServer.Builder#journal(JournalLimits)}); default
         *               {@link JournalLimits#disabled()} for a test server: {@code GET /} answers 405 as before
         * @return this builder
         */
        public Builder journal(JournalLimits limits) {
            this.journal = Objects.requireNonNull(limits, "journal");
            return this;
        }

        /**
         * @param dir a folder receiving each request and its report (see
         *            {@link VigieServer.Builder#journalDirectory(java.nio.file.Path)}), or null (default)
         * @return this builder
         */
        public Builder journalDirectory(java.nio.file.Path dir) {
            this.journalDirectory = dir;
            return this;
        }

        /** @param l the language of the findings' messages in the answers (default French) @return this builder */
        public Builder locale(java.util.Locale l) {
            this.locale = Objects.requireNonNull(l, "locale");
            return this;
        }

        /** @param p the PKI (default {@link TestPki#shared()}) @return this builder */
        public Builder pki(TestPki p) {
            this.pki = Objects.requireNonNull(p, "pki");
            return this;
        }

        /** @param p the validation policy @return this builder */
        public Builder policy(DmpPolicy p) {
            this.policy = Objects.requireNonNull(p, "policy");
            return this;
        }

        /** @param d the structure directory (default none) @return this builder */
        public Builder directory(StructureDirectory d) {
            this.directory = Objects.requireNonNull(d, "directory");
            return this;
        }

        /** @param c the clock of the evaluation instants @return this builder */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** @param mode client certificate mode (default DIAGNOSE) @return this builder */
        public Builder clientAuth(ClientAuth mode) {
            this.clientAuth = Objects.requireNonNull(mode, "clientAuth");
            return this;
        }

        /** @param l the limits @return this builder */
        public Builder limits(ServerLimits l) {
            this.limits = Objects.requireNonNull(l, "limits");
            return this;
        }

        /** @param sink receives the JSON access-log lines @return this builder */
        public Builder accessLog(Consumer<String> sink) {
            this.accessLog = Objects.requireNonNull(sink, "accessLog");
            return this;
        }

        /**
         * @param listener receives each validated request before its answer is written (see
         *                 {@link VigieServer.Builder#onValidation(Consumer)})
         * @return this builder
         */
        public Builder onValidation(Consumer<ValidatedRequest> listener) {
            this.onValidation = Objects.requireNonNull(listener, "onValidation");
            return this;
        }

        /** @return the started server on a random loopback port */
        public VigieTestServer start() {
            TestPki p = pki == null ? TestPki.shared() : pki;
            DmpRequestValidator.Builder vb = DmpRequestValidator.builder().policy(policy).trust(p.trust())
                    .crls(p.crls()).clock(clock);
            if (directory != null) {
                vb.directory(directory);
            }
            VigieServer.Builder sb = VigieServer.builder().validator(vb.build()).clock(clock).clientTrust(p.trust())
                    .clientAuth(clientAuth).limits(limits).locale(locale).port(0).journal(journal)
                    .journalDirectory(journalDirectory);
            if (accessLog != null) {
                sb.accessLog(accessLog);
            }
            if (onValidation != null) {
                sb.onValidation(onValidation);
            }
            return new VigieTestServer(p, sb.start());
        }
    }
}
