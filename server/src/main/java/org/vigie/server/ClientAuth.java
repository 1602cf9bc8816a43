package org.vigie.server;

/**
 * How the TLS handshake treats the client certificate.
 */
public enum ClientAuth {
    /**
     * Like the DMP: the handshake requires a client certificate that chains to the configured client trust anchors
     * (PKIX, validity checked, no revocation lookup, clientAuth extended key usage); a missing or foreign
     * certificate ends the handshake, no HTTP answer.
     */
    STRICT,
    /**
     * For connector developers (the default): the handshake asks for a client certificate and accepts any chain
     * whose private key the client proves it holds; the validator then judges it and answers with the rule
     * ({@code CERT-TRUST}, {@code CERT-AUTH-PROFILE}, ...). A connection without a client certificate gets HTTP 403
     * and a fault (SOAP 1.1 or 1.2, as the request's headers announce). The health endpoint answers without a certificate.
     */
    DIAGNOSE
}
