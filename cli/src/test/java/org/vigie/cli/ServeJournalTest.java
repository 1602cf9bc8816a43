package org.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.server.VigieServer;
import picocli.CommandLine;

/**
 * {@code vigie serve} with its request journal: the demo requests curl would send, then the pages {@code /} and
 * {@code /requests/{n}} loaded in headless Chromium (over the server's own HTTPS, as a user opens them): the DOM shows
 * what {@code /requests.json} and {@code /requests/{n}.json} say (verdicts, rule ids, findings, occurrence table);
 * {@code --journal DIR} gets the files; {@code --no-journal} turns the pages off. Chromium tests skip without Debian's
 * {@code chromium}. With {@code -Dvigie.journal.screenshots=DIR} the screenshots are also copied to DIR (how
 * {@code docs/journal.png} and {@code docs/journal-request.png} were made).
 */
class ServeJournalTest {

    /** A fixed day: the demo PKI and requests are built for it, and the server's clock is fixed there. */
    static final Instant DAY = Instant.parse("2026-12-02T08:00:00Z");

    @TempDir
    Path dir;

    final ObjectMapper mapper = new ObjectMapper();

    record Started(VigieServer server, String out, HttpClient client) {
    }

    Started start(String... more) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = VigieCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        List<String> args = new ArrayList<>(List.of("serve", "--demo-pki", "--port", "0", "--out", dir.toString()));
        args.addAll(List.of(more));
        CommandLine.ParseResult pr = cl.parseArgs(args.toArray(String[]::new));
        ServeCommand cmd = pr.subcommand().commandSpec().commandLine().getCommand();
        cmd.clock = Clock.fixed(DAY, ZoneOffset.UTC);
        VigieServer server = cmd.start();
        return new Started(server, out.toString(), HttpClient.newBuilder().sslContext(sslContext())
                .version(HttpClient.Version.HTTP_1_1).build());
    }

    HttpResponse<String> post(Started s, String id, String ext) throws Exception {
        String ct = Files.readString(dir.resolve("requests/" + id + ".content-type"), StandardCharsets.US_ASCII).strip();
        return s.client().send(HttpRequest.newBuilder(s.server().url().resolve("si-dmp-server/v2/services"))
                        .header("Content-Type", ct).POST(HttpRequest.BodyPublishers.ofFile(dir.resolve("requests/" + id + ext)))
                        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    JsonNode json(Started s, String path) throws Exception {
        HttpResponse<String> r = s.client().send(HttpRequest.newBuilder(s.server().url().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return mapper.readTree(r.body());
    }

    private static final Pattern ROW = Pattern.compile(
            "<tr data-n=\"(\\d+)\" data-verdict=\"([^\"]*)\" data-status=\"(\\d+)\" data-rules=\"([^\"]*)\">(.*?)</tr>",
            Pattern.DOTALL);
    private static final Pattern FINDING = Pattern.compile("<tr data-rule=\"([^\"]+)\" data-severity=\"([A-Z]+)\">");
    private static final Pattern OCC = Pattern.compile(
            "<tr data-place=\"([A-Z_]+)\" data-document=\"([^\"]*)\" data-structure=\"([^\"]*)\">");

    @Test
    void thePagesLoadedInHeadlessChromiumShowWhatTheJsonSays() throws Exception {
        Path chromium = HeadlessChromium.find();
        assumeTrue(chromium != null, "chromium (Debian package) not installed: headless browser test skipped");
        Started s = start();
        try {
            assertThat(s.out()).contains("Journal des requêtes : " + s.server().url());
            assertThat(post(s, "01-conforme-mtom", ".mtom").headers().firstValue("X-Vigie-Verdict")).hasValue("accepted");
            HttpResponse<String> ko = post(s, "15-struct-eg-dans-vihf", ".mtom");
            assertThat(ko.headers().firstValue("X-Vigie-Verdict")).hasValue("rejected");
            long rejected = Long.parseLong(ko.headers().firstValue("X-Vigie-Journal-Entry").orElseThrow());
            assertThat(post(s, "03-consultation", ".xml").statusCode()).isEqualTo(500);

            String base = s.server().url().toString();
            String dom = HeadlessChromium.run(chromium, dir, "--ignore-certificate-errors", "--dump-dom", base);
            JsonNode list = json(s, "requests.json");
            assertThat(list.get("recorded").asInt()).isEqualTo(3);
            List<String> shown = new ArrayList<>();
            Matcher m = ROW.matcher(dom);
            while (m.find()) {
                String rules = m.group(5).replaceAll("(?s).*<td data-k=\"rules\">(.*?)</td>.*", "$1")
                        .replaceAll("<span class=\"rule\">([^<]*)</span>", "$1,");
                shown.add(m.group(1) + " " + m.group(2) + " " + m.group(3) + " [" + m.group(4) + "] " + rules);
            }
            List<String> expected = new ArrayList<>();
            for (JsonNode r : list.get("requests")) {
                List<String> ids = new ArrayList<>();
                r.get("rules").forEach(x -> ids.add(x.asText()));
                expected.add(r.get("n").asLong() + " " + r.get("verdict").asText() + " " + r.get("status").asInt() + " ["
                        + String.join(",", ids) + "] " + ids.stream().map(x -> x + ",").reduce("", String::concat));
            }
            assertThat(shown).as(dom).hasSize(3).isEqualTo(expected);
            assertThat(shown.get(1)).startsWith(rejected + " rejected 200 [").contains("VIHF-STRUCT-EQ");

            String detailDom = HeadlessChromium.run(chromium, dir, "--ignore-certificate-errors", "--dump-dom",
                    base + "requests/" + rejected);
            JsonNode entry = json(s, "requests/" + rejected + ".json");
            assertThat(entry.get("verdict").asText()).isEqualTo("rejected");
            List<String> findings = new ArrayList<>();
            Matcher f = FINDING.matcher(detailDom);
            while (f.find()) {
                findings.add(f.group(1) + " " + f.group(2));
            }
            List<String> jsonFindings = new ArrayList<>();
            entry.get("report").get("findings").forEach(x -> jsonFindings.add(x.get("rule").asText() + " "
                    + x.get("severity").asText()));
            assertThat(findings).isNotEmpty().isEqualTo(jsonFindings).contains("VIHF-STRUCT-EQ ERROR");
            List<String> occ = new ArrayList<>();
            Matcher o = OCC.matcher(detailDom);
            while (o.find()) {
                occ.add(o.group(1) + " " + o.group(2) + " " + o.group(3));
            }
            List<String> jsonOcc = new ArrayList<>();
            entry.get("report").get("occurrences").forEach(x -> jsonOcc.add(x.get("place").asText() + " "
                    + x.get("document").asText() + " " + x.get("structureId").asText()));
            assertThat(occ).isNotEmpty().isEqualTo(jsonOcc);
            assertThat(detailDom).contains("data-k=\"framing\">" + entry.get("framing").asText() + "<",
                    "data-k=\"subject\">" + entry.get("client").get("subject").asText() + "<",
                    "data-k=\"sha256\">" + entry.get("client").get("sha256").asText() + "<");

            Path shots = Files.createDirectories(dir.resolve("shots"));
            Path listShot = shots.resolve("journal.png");
            Path detailShot = shots.resolve("journal-request.png");
            HeadlessChromium.run(chromium, dir, "--ignore-certificate-errors", "--hide-scrollbars",
                    "--screenshot=" + listShot, "--window-size=1400,520", base);
            HeadlessChromium.run(chromium, dir, "--ignore-certificate-errors", "--hide-scrollbars",
                    "--screenshot=" + detailShot, "--window-size=1400,1060", base + "requests/" + rejected);
            for (Path shot : List.of(listShot, detailShot)) {
                byte[] png = Files.readAllBytes(shot);
                assertThat(png.length).isGreaterThan(10_000);
                assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
            }
            String docs = System.getProperty("vigie.journal.screenshots");
            if (docs != null && !docs.isBlank()) {
                Files.copy(listShot, Path.of(docs).resolve("journal.png"), StandardCopyOption.REPLACE_EXISTING);
                Files.copy(detailShot, Path.of(docs).resolve("journal-request.png"), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            s.server().stop();
        }
    }

    @Test
    void journalDirWritesEachRequestAndItsReport() throws Exception {
        Path journal = dir.resolve("ci-journal");
        Started s = start("--journal", journal.toString(), "--journal-entry-bytes", "4096");
        try {
            assertThat(s.out()).contains("Journal écrit dans : " + journal.toAbsolutePath());
            post(s, "01-conforme-mtom", ".mtom");
            post(s, "15-struct-eg-dans-vihf", ".mtom");
        } finally {
            s.server().stop();
        }
        byte[] sent = Files.readAllBytes(dir.resolve("requests/01-conforme-mtom.mtom"));
        assertThat(Files.readAllBytes(journal.resolve("000001.raw"))).hasSize(4096)
                .isEqualTo(java.util.Arrays.copyOf(sent, 4096));
        JsonNode first = mapper.readTree(journal.resolve("000001.json").toFile());
        assertThat(first.get("verdict").asText()).isEqualTo("accepted");
        assertThat(first.get("raw").get("truncated").asBoolean()).isTrue();
        assertThat(first.get("bytesIn").asLong()).isEqualTo(sent.length);
        JsonNode second = mapper.readTree(journal.resolve("000002.json").toFile());
        assertThat(second.get("rules").toString()).contains("VIHF-STRUCT-EQ");
        assertThat(second.get("report").get("format").asText()).isEqualTo("vigie-report/1");
    }

    @Test
    void noJournalTurnsThePagesOffAndTheLimitsAreChecked() throws Exception {
        Started s = start("--no-journal");
        try {
            assertThat(s.out()).doesNotContain("Journal des requêtes");
            HttpResponse<String> r = s.client().send(HttpRequest.newBuilder(s.server().url()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(405);
        } finally {
            s.server().stop();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VigieCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), "serve", "--demo-pki",
                "--port", "0", "--out", dir.toString(), "--journal-entry-bytes", "20000000", "--journal-bytes", "1000");
        assertThat(code).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(err.toString()).contains("limites du journal invalides");
    }

    @Test
    void theHelpListsTheJournalOptions() {
        StringWriter out = new StringWriter();
        VigieCommand.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "serve", "--help");
        assertThat(out.toString()).contains("--no-journal", "--journal=DIR", "--journal-entries=N",
                "--journal-entry-bytes=BYTES", "--journal-bytes=BYTES", "--journal-remote");
    }

    private SSLContext sslContext() throws Exception {
        return ServeCommandTest.demoClientSslContext(dir);
    }
}
