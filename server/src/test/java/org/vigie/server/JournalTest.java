package org.vigie.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vigie.server.Fixture.AUTH;
import static org.vigie.server.Fixture.EG_ID;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.dmp.DmpRequestValidator;
import org.vigie.testkit.CdaBuilder;
import org.vigie.testkit.DmpMessageBuilder;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.XdsSubmissionBuilder;

/**
 * The request journal of the endpoint: its pages ({@code /}, {@code /requests/{n}}, {@code .json}, {@code /raw}) show
 * what each request got; the raw copy is the body as sent, bounded; entries are evicted past the limits; parallel
 * requests get distinct, consistent entries; hostile values do not inject markup; the journal folder gets two files
 * per request and survives a disk error; pages are for loopback clients only.
 */
class JournalTest {

    @TempDir
    Path dir;

    static VigieTestServer.Builder journaled() {
        return Fixture.server().journal(JournalLimits.defaults());
    }

    static HttpResponse<String> get(HttpClient c, URI u) throws Exception {
        return c.send(HttpRequest.newBuilder(u).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static byte[] getBytes(HttpClient c, URI u) throws Exception {
        return c.send(HttpRequest.newBuilder(u).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    static long entry(HttpResponse<?> r) {
        return Long.parseLong(r.headers().firstValue("X-Vigie-Journal-Entry").orElseThrow());
    }

    @Test
    void theListAndTheDetailShowWhatACompliantAndARejectedRequestGot() throws Exception {
        try (VigieTestServer dmp = journaled().start()) {
            HttpClient client = Fixture.client(dmp.clientSslContext(AUTH));
            DmpMessageBuilder ok = Fixture.compliant();
            byte[] okBody = ok.toMtomBytes();
            HttpResponse<String> r1 = Fixture.send(client, Fixture.post(dmp.url(), ok.contentType(), okBody));
            DmpMessageBuilder ko = Fixture.feeding(Fixture.vihf(b -> b.identifiantStructure(EG_ID)), EG_ID, true);
            HttpResponse<String> r2 = Fixture.send(client, Fixture.mtomPost(dmp.url(), ko));
            assertThat(r1.headers().firstValue("X-Vigie-Verdict")).hasValue("accepted");
            assertThat(r2.headers().firstValue("X-Vigie-Verdict")).hasValue("rejected");
            long n1 = entry(r1);
            long n2 = entry(r2);
            assertThat(List.of(n1, n2)).containsExactly(1L, 2L);

            HttpResponse<String> list = get(client, dmp.url());
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
            assertThat(list.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).startsWith("default-src 'none'").contains("script-src 'none'", "style-src 'sha256-"));
            assertThat(list.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            String html = list.body();
            assertThat(html).contains("<tr data-n=\"2\" data-verdict=\"rejected\" data-status=\"200\" data-rules=\"VIHF-STRUCT-EQ\">")
                    .contains("<tr data-n=\"1\" data-verdict=\"accepted\" data-status=\"200\" data-rules=\"\">")
                    .contains(AUTH.certificate().getSubjectX500Principal().getName().replace("\"", "&quot;"))
                    .doesNotContain("<script", "src=", "url(", "@import");
            assertThat(html.indexOf("data-n=\"2\"")).as("newest first").isLessThan(html.indexOf("data-n=\"1\""));

            String json = get(client, dmp.url().resolve("requests/" + n2 + ".json")).body();
            assertThat(json).contains("\"format\": \"vigie-journal-entry/1\"", "\"n\": 2,", "\"verdict\": \"rejected\"",
                    "\"rules\": [\"VIHF-STRUCT-EQ\"]", "\"status\": 200", "\"format\": \"vigie-report/1\"",
                    "\"rule\": \"VIHF-STRUCT-EQ\"", "\"place\": \"SUBMISSION_SET\"", "\"place\": \"DOCUMENT_ENTRY\"",
                    "\"framing\": \"corps MTOM (multipart/related)\"", "\"attachments\": 2",
                    "\"sha256\": ", "\"truncated\": false");

            String detail = get(client, dmp.url().resolve("requests/" + n2)).body();
            assertThat(detail).contains("id=\"verdict\">rejected<", "<tr data-rule=\"VIHF-STRUCT-EQ\" data-severity=\"ERROR\">",
                    "data-place=\"SUBMISSION_SET\"", "data-place=\"DOCUMENT_ENTRY\"", "data-place=\"CDA_HEADER\"",
                    "data-k=\"framing\">corps MTOM (multipart/related)<", "href=\"/requests/2/raw\"");
            assertThat(occurrences(detail)).isEqualTo(occurrencesInJson(json));

            HttpResponse<byte[]> raw = client.send(HttpRequest.newBuilder(dmp.url().resolve("requests/" + n1 + "/raw")).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(raw.body()).as("the body as sent").isEqualTo(okBody);
            assertThat(raw.headers().firstValue("X-Vigie-Raw-Truncated")).hasValue("false");
            assertThat(raw.headers().firstValue("X-Vigie-Raw-Content-Type")).hasValue(ok.contentType());
            assertThat(raw.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"vigie-request-000001.raw\"");

            HttpResponse<String> listJson = get(client, dmp.url().resolve("requests.json"));
            assertThat(listJson.body()).contains("\"format\": \"vigie-journal/1\"", "\"recorded\": 2", "\"kept\": 2",
                    "{\"n\": 2, ", "\"rules\": [\"VIHF-STRUCT-EQ\"]");

            HttpResponse<String> head = client.send(HttpRequest.newBuilder(dmp.url())
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(get(client, dmp.url().resolve("requests/99")).statusCode()).isEqualTo(404);
            assertThat(get(client, dmp.url().resolve("si-dmp-server/v2/services")).statusCode()).as("not a journal page")
                    .isEqualTo(405);
        }
    }

    private static final Pattern OCC_ROW = Pattern.compile(
            "<tr data-place=\"([A-Z_]+)\" data-document=\"([^\"]*)\" data-structure=\"([^\"]*)\">");
    private static final Pattern OCC_JSON = Pattern.compile(
            "\\{\"place\": \"([A-Z_]+)\", \"document\": \"([^\"]*)\", \"value\": \"(?:[^\"\\\\]|\\\\.)*\", \"structureId\": \"([^\"]*)\"\\}");

    static List<String> occurrences(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = OCC_ROW.matcher(html);
        while (m.find()) {
            out.add(m.group(1) + "|" + m.group(2) + "|" + m.group(3));
        }
        return out;
    }

    static List<String> occurrencesInJson(String json) {
        List<String> out = new ArrayList<>();
        Matcher m = OCC_JSON.matcher(json);
        while (m.find()) {
            out.add(m.group(1) + "|" + m.group(2) + "|" + m.group(3));
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    @Test
    void hostileValuesAreEscapedAndInjectNoMarkup() throws Exception {
        String evil = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
        try (VigieTestServer dmp = journaled().start()) {
            HttpClient client = Fixture.client(dmp.clientSslContext(AUTH));
            DmpMessageBuilder m = Fixture.compliant().action(evil).messageId(evil);
            HttpResponse<String> r = Fixture.send(client, HttpRequest.newBuilder(dmp.url().resolve("x%3Cscript%3E"))
                    .header("Content-Type", m.contentType() + "; x=\"" + evil.replace("\"", "'") + "\"")
                    .header("SOAPAction", evil.replace("\"", "'"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(m.toMtomBytes())).build());
            long n = entry(r);
            String json = get(client, dmp.url().resolve("requests/" + n + ".json")).body();
            assertThat(json).as("the action reached the journal").contains("\"action\": \"<script>alert('x')</script>");
            for (URI page : List.of(dmp.url(), dmp.url().resolve("requests/" + n))) {
                String html = get(client, page).body();
                assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script", "<img", "onerror=alert(1)>");
                assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
            }
        }
    }

    @Test
    void aLargeRequestKeepsABoundedTruncatedCopyOfItsFirstBytes() throws Exception {
        JournalLimits limits = JournalLimits.builder().maxEntryBytes(64 * 1024).build();
        try (VigieTestServer dmp = Fixture.server().journal(limits).start()) {
            HttpClient client = Fixture.client(dmp.clientSslContext(AUTH));
            DmpMessageBuilder m = big(3_000_000);
            byte[] body = m.toMtomBytes();
            HttpResponse<String> r = Fixture.send(client, Fixture.post(dmp.url(), m.contentType(), body));
            assertThat(r.headers().firstValue("X-Vigie-Verdict")).hasValue("accepted");
            long n = entry(r);
            HttpResponse<byte[]> raw = client.send(HttpRequest.newBuilder(dmp.url().resolve("requests/" + n + "/raw"))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(raw.body()).hasSize(64 * 1024).isEqualTo(Arrays.copyOf(body, 64 * 1024));
            assertThat(raw.headers().firstValue("X-Vigie-Raw-Truncated")).hasValue("true");
            String json = get(client, dmp.url().resolve("requests/" + n + ".json")).body();
            assertThat(json).contains("\"bytesIn\": " + body.length + ",", "\"raw\": {\"bytes\": 65536, \"truncated\": true");
            assertThat(get(client, dmp.url().resolve("requests/" + n)).body())
                    .contains("data-bytes=\"65536\" data-truncated=\"true\"", "<strong>tronquée</strong> aux 64 Kio premiers");
        }
    }

    static DmpMessageBuilder big(long pdf) {
        XdsSubmissionBuilder sub = XdsSubmissionBuilder.provideAndRegister()
                .document("Doc01", CdaBuilder.ciSis().author("Site", EG_ID).nonXmlBodyPdf(pdf))
                .submissionSetAuthorInstitution(XdsSubmissionBuilder.xon("Site", EG_ID))
                .documentAuthorInstitution("Doc01", XdsSubmissionBuilder.xon("Site", EG_ID)).xop();
        return DmpMessageBuilder.feeding(Fixture.vihf(b -> b), sub);
    }

    @Test
    void theOldestEntriesAreEvictedPastTheCountAndTheByteLimits() throws Exception {
        try (VigieTestServer dmp = Fixture.server().journal(JournalLimits.builder().maxEntries(3).build()).start()) {
            HttpClient client = Fixture.client(dmp.clientSslContext(AUTH));
            for (int i = 0; i < 5; i++) {
                Fixture.send(client, Fixture.mtomPost(dmp.url(), Fixture.compliant()));
            }
            String html = get(client, dmp.url()).body();
            assertThat(rowNumbers(html)).containsExactly(5L, 4L, 3L);
            assertThat(html).contains("data-recorded=\"5\" data-kept=\"3\" data-evicted=\"2\"");
            HttpResponse<String> gone = get(client, dmp.url().resolve("requests/1"));
            assertThat(gone.statusCode()).isEqualTo(404);
            assertThat(gone.body()).contains("requête n° 1 évincée du journal");
        }
        // each entry holds its raw copy (~27 kB) plus its JSON: 100 kB hold three at most
        long size = Fixture.compliant().toMtomBytes().length;
        JournalLimits bytes = JournalLimits.builder().maxEntryBytes(64 * 1024).maxTotalBytes(100 * 1024).build();
        try (VigieTestServer dmp = Fixture.server().journal(bytes).start()) {
            HttpClient client = Fixture.client(dmp.clientSslContext(AUTH));
            for (int i = 0; i < 6; i++) {
                Fixture.send(client, Fixture.mtomPost(dmp.url(), Fixture.compliant()));
            }
            List<Long> kept = rowNumbers(get(client, dmp.url()).body());
            assertThat(kept).hasSizeBetween(1, (int) (100 * 1024 / size)).startsWith(6L);
            assertThat(kept).isSortedAccordingTo((a, b) -> Long.compare(b, a));
            assertThat(kept.get(kept.size() - 1)).isEqualTo(6L - kept.size() + 1);
        }
    }

    private static final Pattern ROW = Pattern.compile("<tr data-n=\"(\\d+)\"");

    static List<Long> rowNumbers(String html) {
        List<Long> out = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }

    @Test
    void parallelRequestsGetDistinctConsistentEntries() throws Exception {
        int count = 16;
        try (VigieTestServer dmp = journaled().start()) {
            HttpClient client = Fixture.client(dmp.clientSslContext(AUTH));
            List<DmpMessageBuilder> messages = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                messages.add((i % 2 == 0 ? Fixture.compliant()
                        : Fixture.feeding(Fixture.vihf(b -> b.identifiantStructure(EG_ID)), EG_ID, true))
                        .messageId("urn:uuid:00000000-0000-4000-8000-" + String.format("%012d", i)));
            }
            List<byte[]> bodies = messages.stream().map(DmpMessageBuilder::toMtomBytes).toList();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    int k = i;
                    answers.add(pool.submit(() -> Fixture.send(client, Fixture.post(dmp.url(),
                            messages.get(k).contentType(), bodies.get(k)))));
                }
                Set<Long> numbers = new HashSet<>();
                for (int i = 0; i < count; i++) {
                    HttpResponse<String> r = answers.get(i).get();
                    long n = entry(r);
                    assertThat(numbers.add(n)).as("distinct entry numbers").isTrue();
                    String verdict = r.headers().firstValue("X-Vigie-Verdict").orElseThrow();
                    assertThat(verdict).isEqualTo(i % 2 == 0 ? "accepted" : "rejected");
                    assertThat(getBytes(client, dmp.url().resolve("requests/" + n + "/raw"))).as("raw of request " + i)
                            .isEqualTo(bodies.get(i));
                    String json = get(client, dmp.url().resolve("requests/" + n + ".json")).body();
                    assertThat(json).contains("\"n\": " + n + ",", "\"verdict\": \"" + verdict + "\"",
                            "\"bytesIn\": " + bodies.get(i).length + ",");
                    assertThat(r.body()).contains("00000000-0000-4000-8000-" + String.format("%012d", i));
                }
                assertThat(numbers).containsExactlyInAnyOrderElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, count).boxed().toList());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void theJournalFolderGetsARawAndAJsonFilePerRequestAndTheNumberingGoesOn() throws Exception {
        Path folder = dir.resolve("journal");
        byte[] body;
        try (VigieTestServer dmp = Fixture.server().journalDirectory(folder).start()) {
            HttpClient client = Fixture.client(dmp.clientSslContext(AUTH));
            DmpMessageBuilder m = Fixture.compliant();
            body = m.toMtomBytes();
            HttpResponse<String> r = Fixture.send(client, Fixture.post(dmp.url(), m.contentType(), body));
            assertThat(entry(r)).isEqualTo(1);
            HttpResponse<String> noCert = Fixture.send(Fixture.client(dmp.clientSslContext(null)),
                    Fixture.mtomPost(dmp.url(), Fixture.compliant()));
            assertThat(noCert.statusCode()).isEqualTo(403);
            assertThat(entry(noCert)).isEqualTo(2);
            assertThat(get(client, dmp.url()).statusCode()).as("in-memory journal off in a test server by default")
                    .isEqualTo(405);
        }
        assertThat(Files.readAllBytes(folder.resolve("000001.raw"))).isEqualTo(body);
        assertThat(Files.readString(folder.resolve("000001.json"))).contains("\"verdict\": \"accepted\"",
                "\"format\": \"vigie-report/1\"", "\"accepted\": true");
        assertThat(Files.readString(folder.resolve("000002.json"))).contains("\"verdict\": \"no-client-certificate\"",
                "\"status\": 403", "\"client\": null", "\"report\": null");
        try (VigieTestServer dmp = Fixture.server().journalDirectory(folder).start()) {
            HttpResponse<String> r = Fixture.send(Fixture.client(dmp.clientSslContext(AUTH)),
                    Fixture.mtomPost(dmp.url(), Fixture.compliant()));
            assertThat(entry(r)).as("after the files already there").isEqualTo(3);
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "000001.json", "000001.raw", "000002.json", "000002.raw", "000003.json", "000003.raw");
        }
    }

    @Test
    void aDiskErrorIsLoggedOnceAndServingContinues() throws Exception {
        Path folder = dir.resolve("journal");
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Logger jul = Logger.getLogger("org.vigie.server.journal");
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                warnings.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(h);
        try (VigieTestServer dmp = journaled().journalDirectory(folder).start()) {
            HttpClient client = Fixture.client(dmp.clientSslContext(AUTH));
            Files.delete(folder);
            Files.writeString(folder, "not a folder any more"); // every write below fails
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = Fixture.send(client, Fixture.mtomPost(dmp.url(), Fixture.compliant()));
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("X-Vigie-Verdict")).hasValue("accepted");
            }
            String html = get(client, dmp.url()).body();
            assertThat(html).contains("id=\"directory-problem\"", "écriture impossible dans le dossier de journal",
                    "3 écriture(s) en échec");
            assertThat(rowNumbers(html)).containsExactly(3L, 2L, 1L);
        } finally {
            jul.removeHandler(h);
        }
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getMessage()).contains("cannot write the journal file", "said once");
    }

    @Test
    void theFolderLimitStopsTheWritesAndServingContinues() throws Exception {
        Path folder = dir.resolve("journal");
        long one = Fixture.compliant().toMtomBytes().length;
        JournalLimits limits = JournalLimits.builder().maxDirectoryBytes(one + 10_000).build();
        try (VigieTestServer dmp = journaled().journal(limits).journalDirectory(folder).start()) {
            HttpClient client = Fixture.client(dmp.clientSslContext(AUTH));
            for (int i = 0; i < 3; i++) {
                assertThat(Fixture.send(client, Fixture.mtomPost(dmp.url(), Fixture.compliant())).statusCode()).isEqualTo(200);
            }
            assertThat(get(client, dmp.url()).body()).contains("limite du dossier de journal atteinte");
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("000001.json", "000001.raw");
        }
    }

    @Test
    void withTheJournalOffNoBodyIsCapturedAndGetIsMethodNotAllowed() throws Exception {
        try (VigieTestServer dmp = Fixture.server().start()) {
            HttpClient client = Fixture.client(dmp.clientSslContext(AUTH));
            HttpResponse<String> r = Fixture.send(client, Fixture.mtomPost(dmp.url(), Fixture.compliant()));
            assertThat(r.headers().firstValue("X-Vigie-Journal-Entry")).isEmpty();
            assertThat(get(client, dmp.url()).statusCode()).isEqualTo(405);
            assertThat(get(client, dmp.url().resolve("requests/1")).statusCode()).isEqualTo(405);
            assertThat(dmp.server().journalUrl()).isEmpty();
        }
    }

    @Test
    void thePagesAreForLoopbackClientsUnlessRemoteAccessIsAllowed() throws Exception {
        Optional<InetAddress> lan = nonLoopbackAddress();
        assumeTrue(lan.isPresent(), "no non-loopback IPv4 address on this machine: remote access not testable");
        String ip = lan.get().getHostAddress();
        DmpRequestValidator v = DmpRequestValidator.builder().trust(Fixture.PKI.trust()).crls(Fixture.PKI.crls()).build();
        for (boolean remote : new boolean[] {false, true}) {
            try (VigieServer server = VigieServer.builder().validator(v).clientTrust(Fixture.PKI.trust()).accessLog(l -> { })
                    .address(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0)).serverNames(List.of(ip))
                    .journalRemoteAccess(remote).start()) {
                javax.net.ssl.SSLContext tls = tls(server);
                HttpClient client = Fixture.client(tls);
                URI viaLan = URI.create("https://" + ip + ":" + server.port() + "/");
                HttpResponse<String> page = get(client, viaLan);
                assertThat(page.statusCode()).as("remote=" + remote).isEqualTo(remote ? 200 : 403);
                if (!remote) {
                    assertThat(page.body()).contains("réservé aux clients de la boucle locale");
                    HttpResponse<String> post = Fixture.send(client, Fixture.mtomPost(viaLan, Fixture.compliant()));
                    assertThat(post.headers().firstValue("X-Vigie-Verdict")).as("the service itself answers anyone")
                            .hasValue("accepted");
                    assertThat(get(client, URI.create("https://localhost:" + server.port() + "/")).statusCode())
                            .as("loopback").isEqualTo(200);
                }
            }
        }
    }

    /** Presents {@link Fixture#AUTH}, trusts the server's certificate. */
    static javax.net.ssl.SSLContext tls(VigieServer server) throws Exception {
        java.security.KeyStore ts = java.security.KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("server", server.serverCertificate());
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        char[] pw = "vigie".toCharArray();
        javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
                javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(VigieTestServer.clientKeyStore(AUTH, pw), pw);
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface ni : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp() || ni.isLoopback()) {
                continue;
            }
            for (InetAddress a : java.util.Collections.list(ni.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }
}
