package org.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigie.server.Fixture.AUTH;
import static org.vigie.server.Fixture.EJ_ID;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.vigie.server.Fixture.Answer;
import org.vigie.testkit.CertSpec;
import org.vigie.testkit.OrgCredential;

/** A missing or foreign client certificate: refused at the handshake (STRICT) or answered with the rule (DIAGNOSE). */
class ClientCertificateTest {

    static final OrgCredential FOREIGN = Fixture.PKI.issue(CertSpec.authentication(EJ_ID).foreignIssuer());
    static final OrgCredential EXPIRED = Fixture.PKI.issue(CertSpec.authentication(EJ_ID).expired());

    @Test
    void diagnoseAnswersAConnectionWithoutClientCertificateWithA403Fault() throws Exception {
        try (VigieTestServer dmp = Fixture.server().start()) {
            HttpResponse<String> r = Fixture.send(Fixture.client(dmp.clientSslContext(null)),
                    Fixture.mtomPost(dmp.url(), Fixture.compliant()));
            Answer a = Answer.of(r.body());
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(a.faultCode()).isEqualTo("soap:Sender");
            assertThat(a.faultSubcode()).isEqualTo("vigie:NoClientCertificate");
            assertThat(a.faultReason()).contains("aucun certificat client TLS");
        }
    }

    @Test
    void diagnoseLetsAForeignCertificateThroughAndAnswersCertTrust() throws Exception {
        try (VigieTestServer dmp = Fixture.server().start()) {
            HttpResponse<String> r = Fixture.send(Fixture.client(dmp.clientSslContext(FOREIGN)),
                    Fixture.mtomPost(dmp.url(), Fixture.compliant()));
            Answer a = Answer.of(r.body());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(a.status()).isEqualTo(Fixture.FAILURE);
            assertThat(a.errorCodes()).contains("CERT-TRUST");
        }
    }

    @Test
    void diagnoseAnswersAnExpiredCertificateWithCertTrust() throws Exception {
        try (VigieTestServer dmp = Fixture.server().start()) {
            HttpResponse<String> r = Fixture.send(Fixture.client(dmp.clientSslContext(EXPIRED)),
                    Fixture.mtomPost(dmp.url(), Fixture.compliant()));
            assertThat(Answer.of(r.body()).errorCodes()).contains("CERT-TRUST");
        }
    }

    @Test
    void strictAcceptsTheTestKitCertificate() throws Exception {
        try (VigieTestServer dmp = Fixture.server().clientAuth(ClientAuth.STRICT).start()) {
            HttpResponse<String> r = Fixture.send(Fixture.client(dmp.clientSslContext(AUTH)),
                    Fixture.mtomPost(dmp.url(), Fixture.compliant()));
            assertThat(Answer.of(r.body()).status()).isEqualTo(Fixture.SUCCESS);
        }
    }

    @Test
    void strictRefusesAConnectionWithoutClientCertificateAtTheHandshake() {
        try (VigieTestServer dmp = Fixture.server().clientAuth(ClientAuth.STRICT).start()) {
            HttpClient c = Fixture.client(dmp.clientSslContext(null));
            assertThatThrownBy(() -> Fixture.send(c, Fixture.mtomPost(dmp.url(), Fixture.compliant())))
                    .isInstanceOf(IOException.class);
            assertThat(dmp.server().served()).isZero();
        }
    }

    @Test
    void strictRefusesAForeignCertificateAtTheHandshake() {
        try (VigieTestServer dmp = Fixture.server().clientAuth(ClientAuth.STRICT).start()) {
            HttpClient c = Fixture.client(dmp.clientSslContext(FOREIGN));
            assertThatThrownBy(() -> Fixture.send(c, Fixture.mtomPost(dmp.url(), Fixture.compliant())))
                    .isInstanceOf(IOException.class);
            HttpClient health = Fixture.client(dmp.clientSslContext(FOREIGN));
            assertThatThrownBy(() -> health.send(HttpRequest.newBuilder(dmp.server().healthUrl()).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
            assertThat(dmp.server().served()).isZero();
        }
    }
}
