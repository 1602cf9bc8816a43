package org.vigie.doctrine.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.core.StructureId;
import org.vigie.core.cert.OrgCertificate;
import org.vigie.doctrine.Usage;

class InventoryReaderTest {

    private static Inventory csv(String text) throws IOException {
        return new InventoryReader().loadCsv("inv.csv", new StringReader(text)).result();
    }

    @Test
    void readsEveryDocumentedColumnInAnyOrder() throws IOException {
        Inventory inv = csv("logiciel;Fin_Validité;holder;CN;numero_serie;usages;type;commentaire\n"
                + "DPI X;2027-03-31;1750712184;Vigie LPS;0x0A:1B;DMP|MSSANTE;AUTH;ignored\n"
                + "LGO;31/12/2026;1720000017;INSI-AUTO;;;;\n");
        assertThat(inv.problems()).isEmpty();
        assertThat(inv.certificates()).hasSize(2);
        DeployedCertificate a = inv.certificates().get(0);
        assertThat(a.holder()).isEqualTo(StructureId.parse("1750712184"));
        assertThat(a.commonName()).isEqualTo("Vigie LPS");
        assertThat(a.serial()).isEqualTo("A1B");
        assertThat(a.notAfter()).contains(LocalDate.of(2027, 3, 31));
        assertThat(a.usages()).containsExactlyInAnyOrder(Usage.DMP, Usage.MSSANTE);
        assertThat(a.software()).isEqualTo("DPI X");
        assertThat(a.kind()).isEqualTo("AUTH");
        assertThat(a.source()).isEqualTo("inv.csv:2");
        DeployedCertificate b = inv.certificates().get(1);
        assertThat(b.notAfter()).contains(LocalDate.of(2026, 12, 31));
        assertThat(b.usages()).containsExactly(Usage.INSI);
        assertThat(b.insi()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "holder empty|;Vigie;1|titulaire (IdNat_Struct) vide",
        "holder malformed|1ABC;Vigie;1|titulaire « 1ABC » illisible",
        "bad date|1750712184;Vigie;2;2027-13-01|date de fin de validité « 2027-13-01 » illisible",
        "unknown usage|1750712184;Vigie;3;2027-01-01;FAX|usage « FAX » inconnu",
        "serial not hex|1750712184;Vigie;XYZ;2027-01-01|numéro de série « XYZ » non hexadécimal",
        "open quote|1750712184;\"Vigie;4|guillemets mal fermés"})
    void listsABadRowWithItsReasonAndKeepsTheOthers(String name, String row, String reason) throws IOException {
        Inventory inv = csv("holder;cn;serial;not_after;usages\n" + row + "\n1720000017;ok;FF;2027-01-01;DMP\n");
        assertThat(inv.certificates()).extracting(DeployedCertificate::commonName).containsExactly("ok");
        assertThat(inv.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).contains(reason);
        });
    }

    @Test
    void detectsCommaAndTabSeparatorsQuotesAndSkipsCommentsAndBlankLines() throws IOException {
        Inventory comma = csv("\uFEFFholder,cn,not_after\n# a comment\n\n\"1750712184\",\"Vigie, \"\"LPS\"\"\",2027-01-01\n");
        assertThat(comma.problems()).isEmpty();
        assertThat(comma.certificates()).singleElement()
                .satisfies(c -> assertThat(c.commonName()).isEqualTo("Vigie, \"LPS\""));
        Inventory tab = csv("cn\tou\nX\t1750712184\n");
        assertThat(tab.certificates()).singleElement()
                .satisfies(c -> assertThat(c.holder().value()).isEqualTo("1750712184"));
    }

    @Test
    void readsABareFinessAsAFinessStructureIdAndIsoDateTimesAsUtcDates() throws IOException {
        Inventory inv = csv("holder;not_after\n750712184;2027-01-01T23:30:00-02:00\n");
        DeployedCertificate c = inv.certificates().get(0);
        assertThat(c.holder().value()).isEqualTo("1750712184");
        assertThat(c.notAfter()).contains(LocalDate.of(2027, 1, 2));
    }

    @Test
    void rejectsAFileWithoutHolderColumnAsAWhole() throws IOException {
        Inventory inv = csv("cn;serial\nX;1\n");
        assertThat(inv.certificates()).isEmpty();
        assertThat(inv.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("sans colonne titulaire"));
    }

    @Test
    void keepsACertificateMetTwiceOnceAndSaysWhereItWasFirstRead() throws IOException {
        Inventory inv = csv("holder;serial\n1750712184;0A\n1750712184;a\n1750712184;0B\n");
        assertThat(inv.certificates()).hasSize(2);
        assertThat(inv.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.reason()).contains("doublon").contains("inv.csv:2");
        });
    }

    @Test
    void readsAWindows1252FileWhenItIsNotUtf8(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("inventaire.csv");
        Files.write(f, "titulaire;logiciel\n1750712184;Hôpital Sàrl\n".getBytes(Charset.forName("windows-1252")));
        Inventory inv = new InventoryReader().load(f).result();
        assertThat(inv.certificates()).singleElement().satisfies(c -> assertThat(c.software()).isEqualTo("Hôpital Sàrl"));
    }

    @Test
    void decidesTheEncodingLineByLineSoALateWindows1252LineIsReadRight(@TempDir Path dir) throws IOException {
        // the former copy judged the first 64 KiB only: a file UTF-8 there and Windows-1252 later lost its accents
        Path f = dir.resolve("inventaire.csv");
        StringBuilder utf8 = new StringBuilder("titulaire;logiciel;cn\n");
        for (int i = 0; i < 3000; i++) {
            utf8.append("1750712184;Logiciel é;").append(i).append('\n');
        }
        byte[] head = utf8.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = "1720000017;Œuvre d’accueil;x\n".getBytes(Charset.forName("windows-1252"));
        byte[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        assertThat(head.length).isGreaterThan(64 * 1024);
        Files.write(f, all);
        Inventory inv = new InventoryReader().load(f).result();
        assertThat(inv.problems()).isEmpty();
        assertThat(inv.certificates()).hasSize(3001);
        assertThat(inv.certificates().get(0).software()).isEqualTo("Logiciel é");
        assertThat(inv.certificates().get(3000).software()).isEqualTo("Œuvre d’accueil");
    }

    @Test
    void limitsLineLengthInCharactersInAFileToo(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("inventaire.csv");
        Files.writeString(f, "holder;cn\n1750712184;" + "é".repeat(100) + "\n1720000017;" + "é".repeat(20) + "\n");
        Inventory inv = new InventoryReader(new InventoryReader.Limits(1 << 20, 40, 10, 4)).load(f).result();
        assertThat(inv.certificates()).extracting(DeployedCertificate::commonName).containsExactly("é".repeat(20));
        assertThat(inv.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).contains("40 caractères");
        });
    }

    @Test
    void asManyTabsAsCommasInTheHeaderMakeATabSeparatedFile() throws IOException {
        // the former inventory copy took the comma on this tie, the FINESS one the tab: the tab is kept
        Inventory inv = csv("holder\tcn\tnote, a, b\n1750712184\tVigie, LPS\tx\n");
        assertThat(inv.certificates()).singleElement().satisfies(c -> assertThat(c.commonName()).isEqualTo("Vigie, LPS"));
    }

    @Test
    void limitsLineLength() throws IOException {
        Inventory inv = new InventoryReader(new InventoryReader.Limits(1 << 20, 40, 10, 4))
                .loadCsv("inv.csv", new StringReader("holder;cn\n1750712184;" + "x".repeat(100) + "\n1720000017;ok\n"))
                .result();
        assertThat(inv.certificates()).extracting(DeployedCertificate::commonName).containsExactly("ok");
        assertThat(inv.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("40 caractères"));
    }

    @Test
    void listsUnreadableCertificateFilesWithTheirReason(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-garbage.cer"), "not a certificate");
        Files.write(dir.resolve("b-empty.pem"), new byte[0]);
        Files.writeString(dir.resolve("c-key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        Files.write(dir.resolve("d-big.der"), new byte[2048]);
        Inventory inv = new InventoryReader(new InventoryReader.Limits(1024, 1000, 10, 4)).load(dir).result();
        assertThat(inv.certificates()).isEmpty();
        assertThat(inv.problems()).extracting(InventoryProblem::reason).satisfiesExactly(
                r -> assertThat(r).contains("ni certificat PEM ni certificat DER"),
                r -> assertThat(r).contains("fichier vide"),
                r -> assertThat(r).contains("sans bloc CERTIFICATE"),
                r -> assertThat(r).contains("au-delà de la limite"));
    }

    @Test
    void readsRealAnsCertificatesTakingTheHolderFromTheSubjectOu() throws IOException {
        String td = System.getProperty("vigie.testdata", "");
        Path ee = td.isEmpty() ? null : Path.of(td, "certs", "ee");
        assumeTrue(ee != null && Files.isDirectory(ee), "shared test data folder absent (vigie.testdata): skipped");
        Inventory inv = new InventoryReader().load(ee).result();
        Path auth = ee.resolve("padoa_p12cert_asip-p12-EL-TEST-ORG-AUTH_CLI-20211115-103506.pem");
        OrgCertificate expected;
        try (var in = Files.newInputStream(auth)) {
            expected = OrgCertificate.of((java.security.cert.X509Certificate) java.security.cert.CertificateFactory
                    .getInstance("X.509").generateCertificate(in));
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalStateException(e);
        }
        Optional<DeployedCertificate> read = inv.certificates().stream()
                .filter(c -> c.source().equals(auth.toString())).findFirst();
        assertThat(read).isPresent();
        assertThat(read.get().holder()).isEqualTo(expected.structureId().orElseThrow());
        assertThat(read.get().kind()).isEqualTo("AUTH");
        assertThat(read.get().serial()).isEqualTo(expected.certificate().getSerialNumber().toString(16).toUpperCase());
        // person certificates are listed, not used
        assertThat(inv.problems()).anySatisfy(p -> assertThat(p.reason()).contains("certificat de personne"));
        assertThat(inv.certificates()).noneMatch(c -> c.source().contains("PERSONNES"));
    }

    @Test
    void keepsTheSameCertificateInPemAndDerOnce(@TempDir Path dir) throws IOException {
        String td = System.getProperty("vigie.testdata", "");
        Path der = td.isEmpty() ? null : Path.of(td, "certs", "ee", "esign_asip-p12-EL-TEST-ORG-SIGN-20181116-141712.der");
        assumeTrue(der != null && Files.isRegularFile(der), "shared test data folder absent (vigie.testdata): skipped");
        byte[] bytes = Files.readAllBytes(der);
        Files.write(dir.resolve("a.der"), bytes);
        Files.writeString(dir.resolve("b.pem"), "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(bytes) + "\n-----END CERTIFICATE-----\n");
        Inventory inv = new InventoryReader().load(dir).result();
        assertThat(inv.certificates()).singleElement().satisfies(c -> {
            assertThat(c.holder().value()).isEqualTo("318751275100020");
            assertThat(c.source()).endsWith("a.der");
        });
        assertThat(inv.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("doublon"));
    }

    @Test
    void infersUsagesFromTheCnWhenNoneIsGiven() {
        DeployedCertificate insi = new DeployedCertificate(StructureId.parse("1750712184"), "INSI-MANU", "1",
                Optional.empty(), Set.of(), "", "", "");
        DeployedCertificate dmp = new DeployedCertificate(StructureId.parse("1750712184"), "LPS", "1",
                Optional.empty(), null, "", "", "");
        assertThat(insi.usages()).containsExactly(Usage.INSI);
        assertThat(dmp.usages()).containsExactly(Usage.DMP);
        assertThat(DeployedCertificate.normaliseSerial("00:0a ff")).isEqualTo("AFF");
        assertThat(List.of(dmp.validOn(LocalDate.MAX))).containsExactly(true);
    }
}
