package org.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.dmp.DmpRequestValidator;
import org.vigie.server.internal.SelfSignedCertificate;

/** The server's own configuration: supplied key store, misuse, URL. */
class VigieServerTest {

    @Test
    void suppliedKeyStoreIsTheCertificateClientsSee() throws Exception {
        char[] pw = "s3cret".toCharArray();
        KeyStore ks = SelfSignedCertificate.create(pw, List.of("dmp.local.test"));
        try (VigieServer server = VigieServer.builder().validator(DmpRequestValidator.builder().build())
                .keyStore(ks, pw).accessLog(l -> { }).start()) {
            assertThat(server.serverCertificate()).isEqualTo(ks.getCertificate(SelfSignedCertificate.ALIAS));
            assertThat(server.url().toString()).matches("https://localhost:\\d+/");
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry("s", ks.getCertificate(SelfSignedCertificate.ALIAS));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ts);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            HttpResponse<String> r = HttpClient.newBuilder().sslContext(ctx).build()
                    .send(HttpRequest.newBuilder(server.healthUrl()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void strictWithoutAnyAnchorIsAConfigurationError() {
        VigieServer.Builder b = VigieServer.builder().validator(DmpRequestValidator.builder().build())
                .clientAuth(ClientAuth.STRICT).clientTrust(TrustAnchors.none());
        assertThatThrownBy(b::start).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trust anchor");
    }

    @Test
    void aValidatorIsRequired() {
        assertThatThrownBy(() -> VigieServer.builder().start()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stopIsIdempotentAndEndsRunning() {
        VigieServer server = VigieServer.builder().validator(DmpRequestValidator.builder().build()).accessLog(l -> { }).start();
        assertThat(server.isRunning()).isTrue();
        server.stop();
        server.stop();
        assertThat(server.isRunning()).isFalse();
    }
}
