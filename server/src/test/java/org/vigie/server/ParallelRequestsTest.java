package org.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.server.Fixture.AUTH;
import static org.vigie.server.Fixture.EG_ID;
import static org.vigie.server.Fixture.OTHER_EG_ID;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.vigie.server.Fixture.Answer;
import org.vigie.testkit.DmpMessageBuilder;

/** 50 requests in flight at once, of three kinds mixed: each answer carries its own request's verdict. */
class ParallelRequestsTest {

    record Case(int n, DmpMessageBuilder message, String expectedStatus, String expectedRule) {
        String messageId() {
            return "urn:uuid:" + (n % 3) + "-Doc-" + n;
        }
    }

    @Test
    void fiftyParallelRequestsEachGetTheirOwnVerdict() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String doc = "Doc-" + i;
            switch (i % 3) {
                case 0 -> cases.add(new Case(i, Fixture.feeding(Fixture.vihf(b -> b), EG_ID, true).messageId("urn:uuid:0-" + doc),
                        Fixture.SUCCESS, null));
                case 1 -> cases.add(new Case(i, Fixture.feeding(Fixture.vihf(b -> b.identifiantStructure(EG_ID)), EG_ID, true)
                        .messageId("urn:uuid:1-" + doc), Fixture.FAILURE, "VIHF-STRUCT-EQ"));
                default -> cases.add(new Case(i, Fixture.feeding(Fixture.vihf(b -> b), OTHER_EG_ID, i % 2 == 0)
                        .messageId("urn:uuid:2-" + doc), Fixture.FAILURE, "AI-SAME-EJ"));
            }
        }
        List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
        try (VigieTestServer dmp = Fixture.server().accessLog(log::add)
                .limits(ServerLimits.builder().maxConcurrentRequests(8).build()).start()) {
            HttpClient client = Fixture.client(dmp.clientSslContext(AUTH));
            List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
            for (Case c : cases) {
                DmpMessageBuilder m = c.message();
                boolean plain = c.n() % 3 == 2 && c.n() % 2 != 0; // some AI-SAME-EJ cases as plain SOAP
                var req = plain ? Fixture.post(dmp.url(), m.plainContentType(), m.toPlainXml().getBytes(StandardCharsets.UTF_8))
                        : Fixture.mtomPost(dmp.url(), m);
                futures.add(client.sendAsync(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                HttpResponse<String> r = futures.get(i).get();
                Answer a = Answer.of(r.body());
                assertThat(r.statusCode()).as("case %d", i).isEqualTo(200);
                assertThat(a.first("http://www.w3.org/2005/08/addressing", "RelatesTo").map(e -> e.getTextContent()))
                        .as("case %d answers its own MessageID", i).hasValue(c.messageId());
                assertThat(a.status()).as("case %d: %s", i, r.body()).isEqualTo(c.expectedStatus());
                if (c.expectedRule() == null) {
                    assertThat(a.errorCodes()).as("case %d", i).doesNotContain("VIHF-STRUCT-EQ", "AI-SAME-EJ");
                } else {
                    assertThat(a.errorCodes()).as("case %d", i).contains(c.expectedRule());
                    String other = c.expectedRule().equals("AI-SAME-EJ") ? "VIHF-STRUCT-EQ" : "AI-SAME-EJ";
                    assertThat(a.errorCodes()).as("case %d", i).doesNotContain(other);
                }
            }
        }
        assertThat(log).hasSize(50);
        assertThat(log.stream().filter(l -> l.contains("\"verdict\":\"accepted\""))).hasSize(17);
    }
}
