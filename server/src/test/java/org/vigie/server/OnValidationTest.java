package org.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.server.Fixture.AUTH;
import static org.vigie.server.Fixture.EG_ID;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.vigie.core.Rules;
import org.vigie.testkit.ReportAssert;

/** {@link VigieServer.Builder#onValidation}: one call per request answered from its report, before the answer. */
class OnValidationTest {

    @Test
    void eachValidatedRequestIsHandedOverBeforeItsAnswer() throws Exception {
        List<ValidatedRequest> seen = new CopyOnWriteArrayList<>();
        try (VigieTestServer dmp = Fixture.server().onValidation(seen::add).start()) {
            HttpClient client = Fixture.client(dmp.clientSslContext(AUTH));
            HttpResponse<String> ok = Fixture.send(client, Fixture.mtomPost(dmp.url().resolve("a/b/"), Fixture.compliant()));
            assertThat(ok.headers().firstValue("X-Vigie-Verdict")).hasValue("accepted");
            assertThat(seen).hasSize(1); // no wait: the listener ran before the answer was written
            ValidatedRequest first = seen.get(0);
            assertThat(first.path()).isEqualTo("/a/b/si-dmp-server/v2/services");
            assertThat(first.clientCertificate()).isEqualTo(AUTH.certificate());
            assertThat(first.validation().feeding()).isTrue();
            ReportAssert.assertThat(first.report()).isAccepted();

            Fixture.send(client, Fixture.mtomPost(dmp.url(), Fixture.feeding(Fixture.vihf(b -> b.identifiantStructure(EG_ID)),
                    EG_ID, true)));
            assertThat(seen).hasSize(2);
            ReportAssert.assertThat(seen.get(1).report()).isRejected().fires(Rules.VIHF_STRUCT_EQ);
        }
    }

    @Test
    void requestsAnsweredWithoutAValidationAreNotHandedOver() throws Exception {
        List<ValidatedRequest> seen = new CopyOnWriteArrayList<>();
        try (VigieTestServer dmp = Fixture.server().onValidation(seen::add).start()) {
            HttpClient anonymous = Fixture.client(dmp.clientSslContext(null));
            HttpResponse<String> health = anonymous.send(HttpRequest.newBuilder(dmp.server().healthUrl()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> noCert = Fixture.send(anonymous, Fixture.mtomPost(dmp.url(), Fixture.compliant()));
            HttpResponse<String> get = Fixture.send(Fixture.client(dmp.clientSslContext(AUTH)),
                    HttpRequest.newBuilder(dmp.url()).GET().build());
            assertThat(List.of(health.statusCode(), noCert.statusCode(), get.statusCode())).containsExactly(200, 403, 405);
            assertThat(seen).isEmpty();
        }
    }

    @Test
    void anUnreadableEnvelopeIsHandedOverWithItsReport() throws Exception {
        List<ValidatedRequest> seen = new CopyOnWriteArrayList<>();
        try (VigieTestServer dmp = Fixture.server().onValidation(seen::add).start()) {
            HttpResponse<String> r = Fixture.send(Fixture.client(dmp.clientSslContext(AUTH)), Fixture.post(dmp.url(),
                    "application/soap+xml; charset=UTF-8", "pas du XML".getBytes(StandardCharsets.UTF_8)));
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(seen).singleElement().satisfies(v -> assertThat(v.validation().soapVersion()).isEmpty());
        }
    }

    @Test
    void aFailingListenerDoesNotChangeTheAnswer() throws Exception {
        try (VigieTestServer dmp = Fixture.server().onValidation(v -> {
            throw new IllegalStateException("listener bug");
        }).start()) {
            HttpResponse<String> r = Fixture.send(Fixture.client(dmp.clientSslContext(AUTH)),
                    Fixture.mtomPost(dmp.url(), Fixture.compliant()));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Vigie-Verdict")).hasValue("accepted");
        }
    }
}
