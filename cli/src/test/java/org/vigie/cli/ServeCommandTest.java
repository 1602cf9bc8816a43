package org.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.server.VigieServer;
import picocli.CommandLine;

/**
 * {@code vigie serve --demo-pki}: the files it writes are enough for a client to call it at once — the client
 * PKCS#12 and the server certificate — and the demo requests get the DMP answers the README shows.
 */
class ServeCommandTest {

    @TempDir
    Path dir;

    /** Two fixed days ten years apart: the demo PKI and requests are built for the day the server starts. */
    @ParameterizedTest
    @ValueSource(strings = {"2026-12-02T08:00:00Z", "2036-06-15T17:30:00Z"})
    void demoPkiWritesAClientKeyStoreAndRequestsThatGetSuccessAndVihfStructEq(String day) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = VigieCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        CommandLine.ParseResult pr = cl.parseArgs("serve", "--demo-pki", "--port", "0", "--out", dir.toString());
        ServeCommand cmd = pr.subcommand().commandSpec().commandLine().getCommand();
        cmd.clock = Clock.fixed(Instant.parse(day), ZoneOffset.UTC);
        VigieServer server = cmd.start();
        try {
            assertThat(out.toString()).contains("Vigie serve — point DMP local : " + server.url(), "client.p12", "curl --cacert");
            assertThat(dir.resolve("client.p12")).exists();
            assertThat(dir.resolve("client-key.pem")).exists();
            HttpClient client = HttpClient.newBuilder().sslContext(sslContext()).version(HttpClient.Version.HTTP_1_1).build();

            HttpResponse<String> ok = post(client, server, "01-conforme-mtom", ".mtom");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("status=\"urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success\"");
            assertThat(ok.headers().firstValue("X-Vigie-Profile")).hasValue("dmp-demo/1");
            assertThat(out.toString()).contains("Profil : dmp-demo/1 (strict)");

            HttpResponse<String> ko = post(client, server, "15-struct-eg-dans-vihf", ".mtom");
            assertThat(ko.body()).contains("ResponseStatusType:Failure", "errorCode=\"VIHF-STRUCT-EQ\"");

            HttpResponse<String> query = post(client, server, "03-consultation", ".xml");
            assertThat(query.statusCode()).isEqualTo(500);
            assertThat(query.body()).contains("vigie:NotSimulated");

            assertThat(out.toString()).contains("\"verdict\":\"accepted\"", "\"verdict\":\"rejected\"", "\"VIHF-STRUCT-EQ\"");
        } finally {
            server.stop();
        }
    }

    /** {@code --lang en}: the start-up lines are English (no French the detector of the language corpus finds). */
    @Test
    void startUpLinesFollowLangEn() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cl = VigieCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        CommandLine.ParseResult pr = cl.parseArgs("serve", "--demo-pki", "--port", "0", "--out", dir.toString(),
                "--journal", dir.resolve("journal").toString(), "--lang", "en");
        ServeCommand cmd = pr.subcommand().commandSpec().commandLine().getCommand();
        cmd.clock = Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);
        VigieServer server = cmd.start();
        try {
            String text = out.toString();
            assertThat(text).contains("Vigie serve — local DMP endpoint: " + server.url(), "Request journal: ",
                    "Profile: dmp-demo/1 (strict)", "  try: curl --cacert", "One JSON line per request below");
            // the demo case's file names in the curl line are data (01-conforme-mtom)
            assertThat(FrenchDetector.find(text.replace("01-conforme-mtom", "01-case"))).as(text).isEmpty();
            assertThat(FrenchDetector.find(text.replace("Client certificate", "Certificat client")))
                    .as("the detector fires on French").isNotEmpty();
        } finally {
            server.stop();
        }
    }

    @Test
    void demoPkiWithTrustIsAnUnusableCombinationInEnglishToo() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VigieCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "serve", "--demo-pki", "--trust-test", "--port", "0", "--out", dir.toString(), "--lang", "en");
        assertThat(code).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(err.toString()).contains("--demo-pki replaces --trust and --trust-test");
    }

    @Test
    void demoPkiWithTrustIsAnUnusableCombination() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VigieCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "serve", "--demo-pki", "--trust-test", "--port", "0", "--out", dir.toString());
        assertThat(code).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(err.toString()).contains("--demo-pki");
    }

    private HttpResponse<String> post(HttpClient client, VigieServer server, String id, String ext) throws Exception {
        String ct = Files.readString(dir.resolve("requests/" + id + ".content-type"), StandardCharsets.US_ASCII).strip();
        return client.send(HttpRequest.newBuilder(server.url()).header("Content-Type", ct)
                .POST(HttpRequest.BodyPublishers.ofFile(dir.resolve("requests/" + id + ext))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private SSLContext sslContext() throws Exception {
        return demoClientSslContext(dir);
    }

    /** What a connector does with the files {@code serve --demo-pki} wrote in {@code dir}: client.p12 as key store, server.pem as trust. */
    static SSLContext demoClientSslContext(Path dir) throws Exception {
        char[] pw = ServeCommand.DEMO_PASSWORD.toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("client.p12"))) {
            ks.load(in, pw);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        try (InputStream in = Files.newInputStream(dir.resolve("server.pem"))) {
            ts.setCertificateEntry("server", (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }
}
