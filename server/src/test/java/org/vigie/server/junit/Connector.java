package org.vigie.server.junit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import org.vigie.testkit.CdaBuilder;
import org.vigie.testkit.DmpMessageBuilder;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.XdsSubmissionBuilder;

/** What a vendor's connector does in these tests: an ITI-41 feeding posted as MTOM with the JDK HttpClient. */
final class Connector {

    /** An establishment of the test structure's legal entity in {@code TestDirectory.usual()}. */
    static final String OWN_EG = "1750100125";
    /** An establishment of another legal entity in {@code TestDirectory.usual()}. */
    static final String OTHER_EJ_EG = "1920100013";

    private Connector() {
    }

    /** A feeding of one document whose authorInstitution is {@code institution}, the VIHF signed for the structure. */
    static DmpMessageBuilder feeding(TestStructure s, UnaryOperator<VihfBuilder> tweak, String institution) {
        VihfBuilder vihf = tweak.apply(VihfBuilder.indirect(s.signature()).at(Instant.now().minusSeconds(30))
                .secteurActivite("SA01"));
        XdsSubmissionBuilder sub = XdsSubmissionBuilder.provideAndRegister()
                .document("Doc01", CdaBuilder.ciSis().author("Site", institution))
                .submissionSetAuthorInstitution(XdsSubmissionBuilder.xon("Site", institution))
                .documentAuthorInstitution("Doc01", XdsSubmissionBuilder.xon("Site", institution));
        return DmpMessageBuilder.feeding(vihf, sub.xop());
    }

    static DmpMessageBuilder compliant(TestStructure s) {
        return feeding(s, b -> b, OWN_EG);
    }

    static HttpClient client(SSLContext ssl) {
        return HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Posts the message below {@code base} (the service path resolved relatively) and returns the answer. */
    static HttpResponse<String> send(URI base, SSLContext ssl, DmpMessageBuilder m) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(base.resolve("si-dmp-server/v2/services"))
                .header("Content-Type", m.contentType()).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(m.toMtomBytes())).build();
        return client(ssl).send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
