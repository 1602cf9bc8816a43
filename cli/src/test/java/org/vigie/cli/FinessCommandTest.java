package org.vigie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FinessCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VigieCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void generatesThenLoadsAnExtractPrintingCountsRejectionsAndLookups() {
        Path eg = dir.resolve("eg.csv");
        Path ej = dir.resolve("ej.csv");
        Run gen = run("finess", "--generate", eg.toString(), "--ej-file", ej.toString(), "--lines", "3000",
                "--seed", "9", "--malformed", "4");
        assertThat(gen.code()).isZero();
        assertThat(gen.out()).contains("3\u00a0000 EG").contains("4 lignes mal formées");
        String multi = gen.out().lines().filter(l -> l.startsWith("EJ à plusieurs EG")).findFirst().orElseThrow();
        String ejId = multi.substring(multi.indexOf('[') + 1, multi.indexOf('[') + 10);

        Run load = run("finess", eg.toString(), ej.toString(), "--max-rejections", "2", "--lookup", ejId,
                "1" + ejId, "750712184", "318751275100020");
        assertThat(load.code()).isZero();
        assertThat(load.err()).isEmpty();
        assertThat(load.out())
                .contains("EG : 3\u00a0000")
                .contains("Lignes rejetées : 4")
                .contains("eg.csv:")
                .contains("… et 2 autres")
                .contains("Recherche 1" + ejId + " :")
                .contains("EJ " + ejId)
                .contains("statut ")
                .contains("inconnu du répertoire")
                .contains("le répertoire ne connaît que des FINESS");
    }

    @Test
    void anEgLookupShowsItsEjWithStatusAndCategory() throws IOException {
        Path eg = dir.resolve("eg.csv");
        Path ej = dir.resolve("ej.csv");
        Files.writeString(eg, "finess;etalab;98;2026-05-12\n"
                + "structureet;750100125;750712184;PITIE;PITIE SALPETRIERE;;;;;;;;;75;PARIS;;;;101;CHR;1101;;;;;;;;"
                + "1970-01-01;;;\n", StandardCharsets.UTF_8);
        Files.writeString(ej, "750712184;AP-HP;267500452;13\n", StandardCharsets.UTF_8);
        Run r = run("finess", eg.toString(), ej.toString(), "--lookup", "750100125");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("EG 750100125 « PITIE SALPETRIERE », catégorie 101 (CHR)")
                .contains("de l'EJ 750712184 « AP-HP », SIREN 267500452, statut 13 (public)");
    }

    @Test
    void aMissingFileIsUnusableInputWithOneLineOnStderr() {
        Run r = run("finess", dir.resolve("absent.csv").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(r.err().strip()).startsWith("vigie: ").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void aMalformedLookupIsUnusableInput() throws IOException {
        Path eg = dir.resolve("eg.csv");
        Files.writeString(eg, "finess;etalab;98;2026-05-12\n");
        Run r = run("finess", eg.toString(), "--lookup", "not an id");
        assertThat(r.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(r.err()).contains("--lookup not an id").doesNotContain("\tat ");
    }

    @Test
    void noFileAndUnknownOptionsAreUnusableArguments() {
        assertThat(run("finess").code()).isEqualTo(ExitCodes.UNUSABLE);
        Run r = run("finess", "--bogus");
        assertThat(r.code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(r.err()).contains("--bogus");
        assertThat(run().code()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(run("--version").code()).isZero();
    }
}
