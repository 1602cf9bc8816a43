/**
 * The local DMP endpoint ({@code vigie serve}): an HTTPS server with client-certificate authentication that runs the
 * DMP request validator on each request with the certificate of the TLS handshake and answers like the DMP.
 *
 * <p>Entry points: {@link org.vigie.server.VigieServer} (builder, {@code start()}, {@code url()}, {@code stop()}),
 * {@link org.vigie.server.VigieTestServer} (the same wired to a test-kit PKI, for a connector's JUnit tests),
 * {@link org.vigie.server.ServerLimits} and {@link org.vigie.server.ClientAuth}; {@link org.vigie.server.ValidatedRequest}
 * for {@link org.vigie.server.VigieServer.Builder#onValidation}. The JUnit 5 extension around the test server is in
 * {@link org.vigie.server.junit}.
 */
package org.vigie.server;
