package org.vigie.core.cert;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The client side of the TLS connection a request arrives on: the authentication (ORG_AUTH_CLI) certificate the
 * client presented and the rest of the chain it sent, leaf excluded. Immutable.
 *
 * @param certificate the client certificate
 * @param chain       the intermediates the client sent after it, in order (may be empty)
 */
public record TlsPeer(X509Certificate certificate, List<X509Certificate> chain) {

    public TlsPeer {
        Objects.requireNonNull(certificate, "certificate");
        chain = List.copyOf(chain);
    }

    /** A peer that sent {@code certificate} then {@code chain}. */
    public static TlsPeer of(X509Certificate certificate, X509Certificate... chain) {
        return new TlsPeer(certificate, List.of(chain));
    }

    /**
     * The peer of a chain as TLS gives it (e.g. {@code SSLSession.getPeerCertificates()}): the leaf first.
     *
     * @throws IllegalArgumentException when the chain is empty
     */
    public static TlsPeer ofChain(List<X509Certificate> leafFirst) {
        if (leafFirst.isEmpty()) {
            throw new IllegalArgumentException("empty certificate chain");
        }
        return new TlsPeer(leafFirst.get(0), leafFirst.subList(1, leafFirst.size()));
    }
}
