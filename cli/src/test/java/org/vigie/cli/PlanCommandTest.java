package org.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class PlanCommandTest {

    static final Path EXAMPLES = Path.of("..", "examples");

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VigieCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json")).sorted()
                    .toList().stream();
        }
    }

    @Test
    void theExamplesFolderHoldsEveryCorridor() throws IOException {
        assertThat(examples().map(p -> p.getFileName().toString())).contains("ght.yaml", "clinic-group.yaml",
                "og-ehpad.yaml", "pharmacy.json", "radiology.yaml", "lab.yaml", "msp.yaml");
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExamplePlansAndExplainsEachCertificate(Path file) {
        List<String> extra = file.getFileName().toString().equals("ght-directory.yaml")
                ? List.of("--directory", EXAMPLES.resolve("finess-ght-extract.csv").toString()) : List.of();
        String[] args = Stream.concat(Stream.of("plan", file.toString(), "--at", "2026-06-01"), extra.stream())
                .toArray(String[]::new);
        Run r = run(args);
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isIn(ExitCodes.OK, ExitCodes.REJECTED);
        String[] blocks = r.out().split("\nCertificat \\d+ : ");
        assertThat(blocks.length).as("at least one certificate planned").isGreaterThan(1);
        for (int i = 1; i < blocks.length; i++) {
            String block = blocks[i].split("\n\n")[0];
            assertThat(block).contains("Titulaire").contains("Règles").contains("Pourquoi");
        }
        assertThat(r.out()).contains("Procédure de commande").contains("Résultat : ");
    }

    @Test
    void exitCodeIsOneWhenTheAuditHasAnError() {
        Run bad = run("plan", EXAMPLES.resolve("clinic-group.yaml").toString(), "--at", "2026-06-01");
        assertThat(bad.code()).isEqualTo(ExitCodes.REJECTED);
        assertThat(bad.out()).contains("ERROR DOC-ONE-PER-EJ").contains("NON CONFORME");

        Run good = run("plan", EXAMPLES.resolve("lab.yaml").toString(), "--at", "2026-06-01");
        assertThat(good.code()).isEqualTo(ExitCodes.OK);
        assertThat(good.out()).contains("FINESS EG 1319900114").contains("LABO-SITE-PRINCIPAL");
    }

    @Test
    void theDateMovesTheDoctrine() {
        Run before = run("plan", EXAMPLES.resolve("clinic-group.yaml").toString(), "--at", "2022-09-30");
        assertThat(before.out()).contains("EG-AVANT-EJ").contains("DOC-EJ-NOT-YET");
        Run after = run("plan", EXAMPLES.resolve("clinic-group.yaml").toString(), "--at", "2022-10-01");
        assertThat(after.out()).doesNotContain("DOC-EJ-NOT-YET");
    }

    @Test
    void jsonOutputCarriesThePlanTheFindingsAndTheProcedure() throws IOException {
        Run r = run("plan", EXAMPLES.resolve("ght.yaml").toString(), "--at", "2026-06-01", "--format", "json");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("accepted").asBoolean()).isTrue();
        assertThat(root.get("certificates")).hasSize(6);
        assertThat(root.get("certificates").get(0).get("rules").get(0).get("code").asText()).isEqualTo("HOP-PUBLIC-EJ");
        assertThat(root.get("certificates").get(1).get("requiredCn").asText()).isEqualTo("INSI-AUTO");
        assertThat(root.get("findings").get(0).get("rule").asText()).isEqualTo("DOC-MISSING");
        assertThat(root.get("procedure").get("steps")).hasSize(3);
    }

    @Test
    void theDirectoryGivesTheEgs() {
        Run r = run("plan", EXAMPLES.resolve("ght-directory.yaml").toString(), "--at", "2026-06-01", "--directory",
                EXAMPLES.resolve("finess-ght-extract.csv").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("EG couverts : 779900315, 779900323");
        Run notAnExtract = run("plan", EXAMPLES.resolve("ght-directory.yaml").toString(), "--at", "2026-06-01",
                "--directory", EXAMPLES.resolve("lab.yaml").toString());
        assertThat(notAnExtract.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(notAnExtract.err()).contains("sans aucune EJ ni EG");
        Run without = run("plan", EXAMPLES.resolve("ght-directory.yaml").toString(), "--at", "2026-06-01");
        assertThat(without.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(without.err()).contains("/members/0/sites").contains("aucun EG");
    }

    @Test
    void badFilesGiveThePointerTheLineAndWhatWasExpected(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("org.yaml");
        Files.writeString(f, String.join("\n",
                "organisation: X",
                "corridor: hospitall",
                "members:",
                "  - finess: 75000001",
                "    status: publik",
                "    sites:",
                "      - { finess: \"750000028\", financedPerEG: true }",
                "certificates:",
                "  - holder: \"1750000010\"",
                "    notAfter: 2027-13-01",
                ""), StandardCharsets.UTF_8);
        Run r = run("plan", f.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("org.yaml:2: /corridor : valeur « hospitall » inconnue ; attendu : hospital")
                .contains(":4: /members/0/finess : nombre 75000001")
                .contains(":5: /members/0/status : statut « publik » inconnu")
                .contains(":7: /members/0/sites/0/financedPerEG : clé inconnue")
                .contains(":10: /certificates/0/notAfter : date « 2027-13-01 » ; attendu : AAAA-MM-JJ");
    }

    @Test
    void inconsistentReferencesAreUnusableWithTheirPath(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("org.json");
        Files.writeString(f, "{\"organisation\": \"X\", \"corridor\": \"hospital\",\n"
                + " \"members\": [{\"finess\": \"750000010\", \"sites\": [\"750000028\"]}],\n"
                + " \"solutions\": [{\"id\": \"dpi\", \"sites\": [\"750000999\"]}]}\n", StandardCharsets.UTF_8);
        Run r = run("plan", f.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(r.err()).contains("org.json:3: /solutions/0/sites/0 : EG 750000999 inconnu");
    }

    @Test
    void everyInconsistencyIsPrintedNotOnlyTheFirst(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("org.json");
        Files.writeString(f, "{\"organisation\": \"X\", \"corridor\": \"hospital\",\n"
                + " \"members\": [{\"finess\": \"750000010\", \"sites\": [\"750000028\"]},\n"
                + "  {\"finess\": \"750000044\"}],\n"
                + " \"solutions\": [{\"id\": \"dpi\", \"sites\": [\"750000999\"]},\n"
                + "  {\"id\": \"pacs\", \"sites\": [\"750000998\"]}]}\n", StandardCharsets.UTF_8);
        Run r = run("plan", f.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("org.json:3: /members/1/sites : aucun EG pour")
                .contains("org.json:4: /solutions/0/sites/0 : EG 750000999 inconnu")
                .contains("org.json:5: /solutions/1/sites/0 : EG 750000998 inconnu");
        assertThat(r.err().lines().filter(l -> l.startsWith("vigie: "))).hasSize(3);
    }

    @Test
    void aFileWithoutProblemIsPlanned(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("org.json");
        Files.writeString(f, "{\"organisation\": \"X\", \"corridor\": \"hospital\", \"members\":"
                + " [{\"finess\": \"750000010\", \"status\": \"public\", \"sites\": [\"750000028\"]}]}\n",
                StandardCharsets.UTF_8);
        Run r = run("plan", f.toString(), "--at", "2026-06-01");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Plan des certificats");
    }

    @Test
    void yamlAliasesAreNotExpanded(@TempDir Path dir) throws IOException {
        StringBuilder yaml = new StringBuilder("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(prev);
            }
            yaml.append("]\n");
            prev = c;
        }
        yaml.append("organisation: X\nmembers: *j\n");
        Path f = dir.resolve("bomb.yaml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        Run r = run("plan", f.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(r.err()).contains("/members : trouvé « j » ; attendu : une liste");
    }

    @Test
    void malformedSyntaxAndBadArgumentsAreUnusable(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("org.json");
        Files.writeString(f, "{\"organisation\": \"X\",\n \"members\": [ {\"finess\": \"750000010\",} ]}",
                StandardCharsets.UTF_8);
        Run syntax = run("plan", f.toString());
        assertThat(syntax.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(syntax.err()).contains("org.json:2:").contains("JSON illisible");

        assertThat(run("plan", EXAMPLES.resolve("lab.yaml").toString(), "--at", "2026-13-01").code())
                .isEqualTo(ExitCodes.UNUSABLE);
        assertThat(run("plan", dir.resolve("absent.yaml").toString()).code()).isEqualTo(ExitCodes.UNUSABLE);
    }
}
