package org.vigie.server.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vigie.core.Rules;
import org.vigie.server.VigieTestServer;
import org.vigie.testkit.ReportAssert;
import org.vigie.testkit.TestDirectory;

/** A vendor's test class: the extension in a static field, one server for the class, reports per test. */
class VigieDmpExtensionTest {

    @RegisterExtension
    static VigieDmpExtension dmp = VigieDmpExtension.builder().directory(TestDirectory.usual()).accessLog(l -> { }).build();

    static VigieTestServer startedBeforeAll;

    @BeforeAll
    static void serverRunsBeforeAllTests(VigieTestServer server) {
        startedBeforeAll = server;
        assertThat(dmp.server()).isSameAs(server);
        assertThatThrownBy(dmp::url).isInstanceOf(IllegalStateException.class).hasMessageContaining("no test is running");
    }

    @AfterEach
    void reportsStayReadableInAfterEach() {
        assertThat(dmp.reports()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void compliantFeedingIsAccepted() throws Exception {
        HttpResponse<String> r = Connector.send(dmp.url(), dmp.sslContext(), Connector.compliant(dmp.structure()));
        assertThat(r.headers().firstValue("X-Vigie-Verdict")).hasValue("accepted");
        ReportAssert.assertThat(dmp.lastReport()).isAccepted().doesNotFire(Rules.VIHF_STRUCT_EQ, Rules.AI_SAME_EJ);
        assertThat(dmp.reports()).hasSize(1);
    }

    @Test
    void vihfOfAnotherStructureThanTheCertificateFiresVihfStructEq() throws Exception {
        Connector.send(dmp.url(), dmp.sslContext(),
                Connector.feeding(dmp.structure(), b -> b.identifiantStructure(Connector.OWN_EG), Connector.OWN_EG));
        ReportAssert.assertThat(dmp.lastReport()).isRejected().fires(Rules.VIHF_STRUCT_EQ);
    }

    @Test
    void establishmentOfAnotherLegalEntityFiresAiSameEj() throws Exception {
        Connector.send(dmp.url(), dmp.sslContext(), Connector.feeding(dmp.structure(), b -> b, Connector.OTHER_EJ_EG));
        ReportAssert.assertThat(dmp.lastReport()).isRejected().fires(Rules.AI_SAME_EJ).doesNotFire(Rules.VIHF_STRUCT_EQ);
    }

    @Test
    void eachRequestOfTheTestHasItsReportInOrder() throws Exception {
        Connector.send(dmp.url(), dmp.sslContext(), Connector.feeding(dmp.structure(), b -> b, Connector.OTHER_EJ_EG));
        Connector.send(dmp.url(), dmp.sslContext(), Connector.compliant(dmp.structure()));
        assertThat(dmp.reports()).hasSize(2);
        ReportAssert.assertThat(dmp.reports().get(0)).fires(Rules.AI_SAME_EJ);
        ReportAssert.assertThat(dmp.reports().get(1)).isAccepted();
        assertThat(dmp.lastReport()).isSameAs(dmp.reports().get(1));
        assertThat(dmp.requests()).extracting(r -> r.path()).allSatisfy(p ->
                assertThat(p).startsWith(dmp.url().getPath()).endsWith("/si-dmp-server/v2/services"));
    }

    @Test
    void parametersAreTheTestsEndpoint(DmpTestEndpoint endpoint, URI url, SSLContext ssl, TestStructure structure,
                                       VigieTestServer server) throws Exception {
        assertThat(server).isSameAs(startedBeforeAll).isSameAs(dmp.server());
        assertThat(server.server().isRunning()).isTrue();
        assertThat(endpoint).isSameAs(dmp.endpoint());
        assertThat(url).isEqualTo(dmp.url()).isEqualTo(endpoint.url());
        assertThat(url.toString()).startsWith(server.url().toString() + "vigie-test/");
        assertThat(ssl).isSameAs(dmp.sslContext()).isSameAs(endpoint.sslContext());
        assertThat(structure).isEqualTo(dmp.structure()).isEqualTo(endpoint.structure());
        assertThat(structure.idNatStruct()).isEqualTo(TestStructure.DEFAULT_ID);
        assertThat(structure.authentication().structureId()).isEqualTo(TestStructure.DEFAULT_ID);
        assertThat(endpoint.testName()).contains("parametersAreTheTestsEndpoint");
        Connector.send(url, ssl, Connector.compliant(structure));
        ReportAssert.assertThat(endpoint.lastReport()).isAccepted();
    }

    @Test
    void keyStoresConfigureAConnectorToo() throws Exception {
        char[] pw = "changeit".toCharArray();
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(dmp.clientKeyStore(pw), pw);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(dmp.serverTrustStore());
        SSLContext own = SSLContext.getInstance("TLS");
        own.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        Connector.send(dmp.url(), own, Connector.compliant(dmp.structure()));
        ReportAssert.assertThat(dmp.lastReport()).isAccepted();
        assertThat(dmp.requests().get(0).clientCertificate()).isEqualTo(dmp.structure().authentication().certificate());
    }

    @Test
    void aRequestOutsideTheTestsPrefixGoesToTheOneTestRunning() throws Exception {
        Connector.send(dmp.server().url(), dmp.sslContext(), Connector.compliant(dmp.structure()));
        ReportAssert.assertThat(dmp.lastReport()).isAccepted();
        assertThat(dmp.requests()).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("/si-dmp-server/v2/services"));
    }

    @Test
    void lastReportBeforeAnyRequestFailsSayingWhatToCheck() {
        assertThat(dmp.reports()).isEmpty();
        assertThatThrownBy(dmp::lastReport).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no DMP request of the test \"VigieDmpExtensionTest > lastReportBeforeAnyRequestFailsSayingWhatToCheck()\"")
                .hasMessageContaining(dmp.url().toString());
    }

    @Test
    void aRequestWithoutClientCertificateHasNoReport() throws Exception {
        SSLContext anonymous = dmp.server().clientSslContext(null);
        HttpResponse<String> r = Connector.send(dmp.url(), anonymous, Connector.compliant(dmp.structure()));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(dmp.reports()).isEmpty();
        assertThatThrownBy(dmp::lastReport).isInstanceOf(AssertionError.class).hasMessageContaining("no TLS client certificate");
    }
}
