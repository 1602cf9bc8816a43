package org.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.core.Establishment;
import org.vigie.core.Finess;
import org.vigie.core.InMemoryStructureDirectory;
import org.vigie.testkit.data.InventoryGenerator;
import org.vigie.testkit.data.FinessExtractGenerator;
import org.vigie.core.finess.FinessLoader;
import org.vigie.testkit.CertSpec;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.TestPki;

/**
 * {@code vigie deployment} end to end: a generated FINESS extract, a generated CSV inventory and a folder of test-kit
 * certificates (PEM and DER); the XLSX workbook read back with POI, the JSON with Jackson, and the HTML page loaded
 * in headless Chromium (skipped when Debian's {@code chromium} is not installed).
 */
class DeploymentCommandTest {

    @TempDir
    static Path dir;

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static Path eg;
    static Path ej;
    static Path certs;
    static Path csv;
    static int expectedCovered;
    static int expectedValid;
    static int expectedByEj;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VigieCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * Certificates issued by the test PKI for known establishments: an EJ certificate for the first public hospitals
     * (all their EGs covered), an EG certificate for the first pharmacies, one expired pharmacy certificate, one
     * garbage file.
     */
    @BeforeAll
    static void setUp() throws IOException {
        eg = dir.resolve("eg.csv");
        ej = dir.resolve("ej.csv");
        FinessExtractGenerator g = FinessExtractGenerator.builder().seed(5).establishments(1500).build();
        g.writeEtalab(eg);
        g.writeLegalEntities(ej);
        FinessLoader l = new FinessLoader();
        l.load(eg);
        l.load(ej);
        InMemoryStructureDirectory d = l.result().directory();
        Map<Finess, List<Establishment>> byEj = new LinkedHashMap<>();
        d.establishments().forEach(e -> byEj.computeIfAbsent(e.legalEntity(), k -> new ArrayList<>()).add(e));
        certs = Files.createDirectories(dir.resolve("certs"));
        TestPki pki = TestPki.shared();
        int hospitals = 0;
        int pharmacies = 0;
        int n = 0;
        for (Map.Entry<Finess, List<Establishment>> e : byEj.entrySet()) {
            List<Establishment> egs = e.getValue();
            boolean publicHospital = egs.stream().anyMatch(x -> x.categoryCode().equals("355"))
                    && d.legalEntity(e.getKey()).map(x -> x.status() == org.vigie.core.LegalStatus.PUBLIC).orElse(false);
            boolean pharmacy = egs.size() == 1 && egs.get(0).categoryCode().equals("620");
            if (publicHospital && hospitals < 4) {
                hospitals++;
                save(pki.authentication("1" + e.getKey().value()), n++);
                expectedCovered += egs.size();
                expectedByEj += egs.size();
                expectedValid++;
            } else if (pharmacy && pharmacies < 20) {
                pharmacies++;
                save(pki.authentication("1" + egs.get(0).finess().value()), n++);
                expectedCovered++;
                expectedValid++;
            } else if (pharmacy && pharmacies == 20) {
                pharmacies++;
                save(pki.issue(CertSpec.authentication("1" + egs.get(0).finess().value()).expired()), n++);
            }
        }
        assertThat(hospitals).isEqualTo(4);
        Files.writeString(certs.resolve("readme.txt"), "pas un certificat");
        csv = dir.resolve("inventaire.csv");
        InventoryGenerator.of(3, 500, TODAY).write(d, csv);
    }

    private static void save(OrgCredential c, int n) throws IOException {
        try {
            if (n % 2 == 0) {
                Files.writeString(certs.resolve("cert-" + n + ".pem"), c.chainPem());
            } else {
                Files.write(certs.resolve("cert-" + n + ".der"), c.certificate().getEncoded());
            }
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(Path p) throws IOException {
        return new ObjectMapper().readTree(p.toFile());
    }

    @Test
    void aFolderOfTestKitCertificatesGivesExactlyTheKnownNumbers() throws IOException {
        Path out = dir.resolve("folder.json");
        Run r = run("deployment", "--directory", eg.toString(), ej.toString(), "--certificates", certs.toString(),
                "--at", TODAY.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode t = json(out).get("total");
        assertThat(t.get("establishments").asInt()).isEqualTo(1500);
        assertThat(t.get("covered").asInt()).isEqualTo(expectedCovered);
        assertThat(t.get("coveredByLegalEntity").asInt()).isEqualTo(expectedByEj);
        assertThat(t.get("certificates").asInt()).isEqualTo(expectedValid);
        assertThat(t.get("expired").asInt()).isEqualTo(1);
        assertThat(t.get("expiringSoon").asInt()).isZero();
        JsonNode inv = json(out).get("inventory");
        assertThat(inv.get("certificatesRead").asInt()).isEqualTo(expectedValid + 1);
        assertThat(inv.get("problemCount").asInt()).isEqualTo(1);
        assertThat(inv.get("problems").get(0).get("source").asText()).endsWith("readme.txt");
        assertThat(r.out()).contains("1\u00a0500 actifs").contains("readme.txt");
        assertThat(r.err()).contains("répertoire chargé").contains("inventaire lu").contains("écrit : ");
    }

    @Test
    void theWorkbookReadsBackWithFiltersFrozenHeadersDatesAndPercentages() throws IOException {
        Path x = dir.resolve("d.xlsx");
        Path j = dir.resolve("d1.json");
        Run r = run("deployment", "--directory", eg.toString(), ej.toString(), "--certificates", certs.toString(),
                csv.toString(), "--at", TODAY.toString(), "--out", x.toString(), j.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode doc = json(j);
        try (InputStream in = Files.newInputStream(x); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("Établissements", "Entités juridiques", "Départements", "Régions",
                    "Constats", "Anomalies inventaire");
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                XSSFSheet s = wb.getSheetAt(i);
                assertThat(s.getCTWorksheet().isSetAutoFilter()).as(s.getSheetName()).isTrue();
                assertThat(s.getPaneInformation()).as(s.getSheetName()).isNotNull();
                assertThat(s.getPaneInformation().isFreezePane()).isTrue();
                assertThat(s.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
                assertThat(s.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
            }
            XSSFSheet egs = wb.getSheet("Établissements");
            assertThat(egs.getLastRowNum()).isEqualTo(doc.get("establishments").size());
            int untilCol = column(egs, "Fin de couverture");
            int dates = 0;
            for (int i = 1; i <= egs.getLastRowNum(); i++) {
                JsonNode e = doc.get("establishments").get(i - 1);
                Row row = egs.getRow(i);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(e.get("finess").asText());
                Cell until = row.getCell(untilCol);
                if (!e.get("coveredUntil").isNull()) {
                    assertThat(until.getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(DateUtil.isCellDateFormatted(until)).isTrue();
                    assertThat(until.getLocalDateTimeCellValue().toLocalDate().toString())
                            .isEqualTo(e.get("coveredUntil").asText());
                    dates++;
                }
            }
            assertThat(dates).isPositive();
            XSSFSheet regions = wb.getSheet("Régions");
            int est = column(regions, "EG");
            int cov = column(regions, "EG couverts");
            int rate = column(regions, "Taux de couverture");
            JsonNode jr = doc.get("regions");
            assertThat(regions.getLastRowNum()).isEqualTo(jr.size() + 1); // + the total row
            for (int i = 0; i < jr.size(); i++) {
                Row row = regions.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(jr.get(i).get("code").asText());
                assertThat((int) row.getCell(est).getNumericCellValue())
                        .isEqualTo(jr.get(i).get("establishments").asInt());
                assertThat((int) row.getCell(cov).getNumericCellValue()).isEqualTo(jr.get(i).get("covered").asInt());
                Cell pc = row.getCell(rate);
                assertThat(pc.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(pc.getCellStyle().getDataFormatString()).contains("%");
                assertThat(pc.getNumericCellValue()).isCloseTo(jr.get(i).get("coverageRate").asDouble(),
                        org.assertj.core.data.Offset.offset(0.0001));
            }
            Row total = regions.getRow(regions.getLastRowNum());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat((int) total.getCell(est).getNumericCellValue()).isEqualTo(1500);
            assertThat(wb.getSheet("Constats").getLastRowNum()).isEqualTo(doc.get("findings").size());
            assertThat(wb.getSheet("Entités juridiques").getLastRowNum()).isEqualTo(doc.get("legalEntities").size());
            assertThat(wb.getSheet("Anomalies inventaire").getLastRowNum())
                    .isEqualTo(doc.get("unmatchedCertificates").size() + doc.get("inventory").get("problems").size());
        }
    }

    private static int column(XSSFSheet s, String header) {
        Row h = s.getRow(0);
        for (Cell c : h) {
            if (c.getStringCellValue().equals(header)) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + header + " in " + s.getSheetName());
    }

    private static final Pattern REGION_ROW = Pattern.compile("<tr data-code=\"([^\"]+)\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td data-k=\"([a-zA-Z]+)\" data-v=\"([^\"]*)\">");

    @Test
    void theHtmlPageLoadedInHeadlessChromiumShowsTheJsonCountsPerRegion() throws Exception {
        Path chromium = HeadlessChromium.find();
        assumeTrue(chromium != null, "chromium (Debian package) not installed: headless browser test skipped");
        Path html = dir.resolve("page.html");
        Path j = dir.resolve("page.json");
        Run r = run("deployment", "--directory", eg.toString(), ej.toString(), "--certificates", certs.toString(),
                csv.toString(), "--at", TODAY.toString(), "--out", html.toString(), j.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        String page = Files.readString(html);
        assertThat(page).doesNotContain("http://www.w3.org/1999", "src=", "href=", "@import", "url(");
        String dom = HeadlessChromium.run(chromium, dir, "--dump-dom", html.toUri().toString());
        assertThat(dom).contains("data-sortable=\"ready\"");
        int start = dom.indexOf("id=\"t-regions\"");
        String regionTable = dom.substring(start, dom.indexOf("</tbody>", start));
        Map<String, Map<String, String>> shown = new LinkedHashMap<>();
        Matcher m = REGION_ROW.matcher(regionTable);
        while (m.find()) {
            Map<String, String> cells = new HashMap<>();
            Matcher c = CELL.matcher(m.group(2));
            while (c.find()) {
                cells.put(c.group(1), c.group(2));
            }
            shown.put(m.group(1), cells);
        }
        JsonNode regions = json(j).get("regions");
        assertThat(shown).hasSize(regions.size());
        for (JsonNode reg : regions) {
            Map<String, String> cells = shown.get(reg.get("code").asText());
            assertThat(cells).as(reg.get("name").asText()).isNotNull();
            for (String k : List.of("establishments", "concerned", "covered", "coveredByLegalEntity",
                    "coveredByEstablishment", "certificates", "expiringSoon", "expired", "findings")) {
                assertThat(cells.get(k)).as(reg.get("code").asText() + " " + k).isEqualTo(reg.get(k).asText());
            }
        }
        assertThat(dom).contains("<svg").contains("class=\"bar\"");
        Path shot = dir.resolve("page.png");
        HeadlessChromium.run(chromium, dir, "--screenshot=" + shot, "--window-size=1400,1000", html.toUri().toString());
        byte[] png = Files.readAllBytes(shot);
        assertThat(png.length).isGreaterThan(10_000);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    @Test
    void aDepartementScopeKeepsOnlyItsEstablishmentsAndRegion() throws IOException {
        Path j = dir.resolve("scope.json");
        Run r = run("deployment", "--directory", eg.toString(), ej.toString(), "--certificates", csv.toString(),
                "--at", TODAY.toString(), "--departement", "72", "--out", j.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = json(j);
        assertThat(doc.get("scope").get("departement").asText()).isEqualTo("72");
        assertThat(doc.get("regions")).singleElement().satisfies(x -> assertThat(x.get("code").asText())
                .isEqualTo("52"));
        assertThat(doc.get("establishments")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("departement").asText()).isEqualTo("72"));
    }

    @Test
    void unusableArgumentsExitWithCode2AndOneLine() {
        String[][] cases = {
            {"--out", dir.resolve("x.pdf").toString()},
            {"--out", dir.resolve("x.json").toString(), "--region", "53", "--departement", "72"},
            {"--out", dir.resolve("x.json").toString(), "--region", "Atlantide"},
            {"--out", dir.resolve("x.json").toString(), "--at", "28/11/2026"},
            {},
        };
        String[] reasons = {"extension attendue", "s'excluent", "région inconnue", "AAAA-MM-JJ", "requis"};
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new ArrayList<>(List.of("deployment", "--directory", eg.toString()));
            if (i < cases.length - 1) {
                args.addAll(List.of("--certificates", csv.toString()));
            }
            args.addAll(List.of(cases[i]));
            Run r = run(args.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).contains(reasons[i]).doesNotContain("Exception");
        }
    }
}
