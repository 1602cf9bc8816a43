package org.vigie.server.internal;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.server.ClientAuth;

/** The server's SSL context: its key, and a client trust manager per {@link ClientAuth} mode. */
public final class Tls {

    /** Protocols offered: TLS 1.3 and 1.2. */
    public static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private Tls() {
    }

    /**
     * @param keyStore    server key store (one key entry)
     * @param password    key password
     * @param mode        client certificate mode
     * @param clientTrust anchors (and intermediates) of the STRICT handshake
     * @return the context
     */
    public static SSLContext serverContext(KeyStore keyStore, char[] password, ClientAuth mode, TrustAnchors clientTrust) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, password);
            TrustManager tm = mode == ClientAuth.STRICT ? strict(clientTrust) : new AnyClientCertificate();
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), new TrustManager[]{tm}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot build the server TLS context: " + e.getMessage(), e);
        }
    }

    private static TrustManager strict(TrustAnchors trust) throws GeneralSecurityException {
        if (trust.isEmpty()) {
            throw new IllegalArgumentException("STRICT client authentication needs at least one trust anchor");
        }
        Set<TrustAnchor> anchors = new HashSet<>();
        for (X509Certificate a : trust.anchors()) {
            anchors.add(new TrustAnchor(a, null));
        }
        PKIXBuilderParameters p = new PKIXBuilderParameters(anchors, new X509CertSelector());
        p.setRevocationEnabled(false); // nothing reads the network; the validator checks supplied CRLs
        p.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(List.copyOf(trust.intermediates()))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(new CertPathTrustManagerParameters(p));
        return tmf.getTrustManagers()[0];
    }

    /**
     * Accepts any client chain: TLS still makes the client prove it holds the leaf's private key; the validator
     * judges the certificate afterwards. Asks for any issuer (empty accepted-issuers list).
     */
    static final class AnyClientCertificate extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            requireChain(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            requireChain(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            requireChain(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("server-side trust manager");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("server-side trust manager");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("server-side trust manager");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }

        private static void requireChain(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("empty client certificate chain");
            }
        }
    }
}
