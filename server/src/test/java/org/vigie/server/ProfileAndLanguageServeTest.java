package org.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vigie.core.Finding;
import org.vigie.core.Location;
import org.vigie.core.PolicyProfile;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.dmp.DmpPolicy;
import org.vigie.server.internal.SoapAnswers;

/** The answers of {@code vigie serve} name the policy profile, and carry the findings' messages in its language. */
class ProfileAndLanguageServeTest {

    private static final Finding NO_ANCHOR = Finding.of(Rules.CERT_TRUST, "core-no-anchor", Location.of("TLS"), "",
            "CN=x");

    @Test
    void everyAnswerNamesTheProfileInAHeader() throws Exception {
        try (VigieTestServer dmp = Fixture.server().locale(Locale.ENGLISH).start()) {
            HttpClient client = Fixture.client(dmp.clientSslContext(Fixture.AUTH));
            HttpResponse<String> ok = Fixture.send(client, Fixture.mtomPost(dmp.url(), Fixture.compliant()));
            assertThat(ok.headers().firstValue("X-Vigie-Verdict")).hasValue("accepted");
            assertThat(ok.headers().firstValue("X-Vigie-Profile")).hasValue(DmpPolicy.STRICT_PROFILE);
            HttpResponse<String> bad = Fixture.send(client, Fixture.post(dmp.url(), "application/soap+xml",
                    "pas du XML".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(bad.headers().firstValue("X-Vigie-Verdict")).hasValue("unreadable");
            assertThat(bad.headers().firstValue("X-Vigie-Profile")).hasValue(DmpPolicy.STRICT_PROFILE);
        }
    }

    @Test
    void answersCarryTheMessagesInTheConfiguredLanguage() {
        Report r = Report.builder().add(NO_ANCHOR).profile(new PolicyProfile("dmp-strict/1", List.of())).build();
        String en = SoapAnswers.registryResponse(SoapAnswers.Version.SOAP12, "a", null, false, r, Locale.ENGLISH);
        assertThat(en).contains("codeContext=\"no trust anchor configured: certificate &quot;CN=x&quot; cannot be verified\"");
        String fr = SoapAnswers.registryResponse(SoapAnswers.Version.SOAP12, "a", null, false, r);
        assertThat(fr).contains("codeContext=\"aucune ancre de confiance configurée : le certificat « CN=x »");
        String fault = SoapAnswers.fault(SoapAnswers.Version.SOAP11, true, "X", "raison", r.findings(), Locale.ENGLISH);
        assertThat(fault).contains("no trust anchor configured").contains("raison");
    }
}
