package org.vigie.server.junit;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vigie.core.Rules;
import org.vigie.server.junit.VigieDmpExtension;
import org.vigie.testkit.*;

/** The example of the README section "JUnit 5 extension", as it is printed there (class name aside). */
class ReadmeExampleTest {

    @RegisterExtension   // static: one server for the class; an instance field gives each test its own
    static VigieDmpExtension dmp = VigieDmpExtension.builder()
            .directory(TestDirectory.usual())   // FINESS directory of the checks (default none)
            .structure("1750712184")            // the test structure: its TLS and VIHF signing certificates
            .build();

    @Test
    void feedingOfOurOwnEstablishmentIsAccepted() throws Exception {
        send("1750100125");
        ReportAssert.assertThat(dmp.lastReport()).isAccepted();
    }

    @Test
    void feedingOfAnotherLegalEntitysEstablishmentIsRefused() throws Exception {
        send("1920100013");
        ReportAssert.assertThat(dmp.lastReport()).isRejected().fires(Rules.AI_SAME_EJ);
    }

    // stands for your connector: it is given dmp.url() and dmp.sslContext() (or the key stores) as configuration
    private static void send(String institution) throws Exception {
        DmpMessageBuilder m = DmpMessageBuilder.feeding(
                VihfBuilder.indirect(dmp.structure().signature()).at(Instant.now().minusSeconds(30)).secteurActivite("SA01"),
                XdsSubmissionBuilder.provideAndRegister()
                        .document("Doc01", CdaBuilder.ciSis().author("Site", institution))
                        .submissionSetAuthorInstitution(XdsSubmissionBuilder.xon("Site", institution))
                        .documentAuthorInstitution("Doc01", XdsSubmissionBuilder.xon("Site", institution)).xop());
        HttpClient client = HttpClient.newBuilder().sslContext(dmp.sslContext()).build();
        client.send(HttpRequest.newBuilder(dmp.url().resolve("si-dmp-server/v2/services"))   // relative: keeps the test's prefix
                .header("Content-Type", m.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(m.toMtomBytes())).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
