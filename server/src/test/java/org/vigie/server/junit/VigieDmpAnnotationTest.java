package org.vigie.server.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.vigie.core.Rules;
import org.vigie.server.ClientAuth;
import org.vigie.server.VigieTestServer;
import org.vigie.testkit.ReportAssert;

/** The annotation form: settings on the class, everything else as parameters; nested classes share the server. */
@VigieDmp(structure = "1920000650", usualDirectory = true, clientAuth = ClientAuth.STRICT, language = "en")
class VigieDmpAnnotationTest {

    static VigieTestServer server;

    @BeforeAll
    static void oneServerForTheClass(VigieTestServer s, TestStructure structure) {
        server = s;
        assertThat(s.server().clientAuth()).isEqualTo(ClientAuth.STRICT);
        assertThat(structure.idNatStruct()).isEqualTo("1920000650");
    }

    @Test
    void compliantFeedingIsAccepted(DmpTestEndpoint dmp) throws Exception {
        Connector.send(dmp.url(), dmp.sslContext(), Connector.feeding(dmp.structure(), b -> b, "1920100013"));
        ReportAssert.assertThat(dmp.lastReport()).isAccepted();
    }

    @Test
    void feedingForAnotherLegalEntityIsRejectedInEnglish(URI url, SSLContext ssl, TestStructure structure,
                                                         DmpTestEndpoint dmp) throws Exception {
        HttpResponse<String> r = Connector.send(url, ssl, Connector.feeding(structure, b -> b, Connector.OWN_EG));
        ReportAssert.assertThat(dmp.lastReport()).isRejected().fires(Rules.AI_SAME_EJ);
        assertThat(r.body()).contains(dmp.lastReport().findings().stream().filter(f -> f.ruleId().equals("AI-SAME-EJ"))
                .findFirst().orElseThrow().message(Locale.ENGLISH).substring(0, 20));
    }

    @Nested
    class Inner {
        @Test
        void nestedTestsUseTheClassServerWithTheirOwnUrl(VigieTestServer s, DmpTestEndpoint dmp) throws Exception {
            assertThat(s).isSameAs(server);
            assertThat(s.server().isRunning()).isTrue();
            assertThat(dmp.reports()).isEmpty();
            Connector.send(dmp.url(), dmp.sslContext(), Connector.feeding(dmp.structure(), b -> b, "1920100013"));
            assertThat(dmp.reports()).hasSize(1);
        }
    }
}
