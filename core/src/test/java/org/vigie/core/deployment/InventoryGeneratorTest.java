package org.vigie.core.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.vigie.core.InMemoryStructureDirectory;
import org.vigie.core.finess.FinessExtractGenerator;
import org.vigie.core.finess.FinessFormat;
import org.vigie.core.finess.FinessLoader;

class InventoryGeneratorTest {

    static final LocalDate AT = LocalDate.of(2026, 11, 28);

    static InMemoryStructureDirectory directory() throws IOException {
        FinessExtractGenerator g = FinessExtractGenerator.builder().seed(11).establishments(4000).build();
        ByteArrayOutputStream eg = new ByteArrayOutputStream();
        ByteArrayOutputStream ej = new ByteArrayOutputStream();
        g.writeEtalab(eg);
        g.writeLegalEntities(ej);
        FinessLoader l = new FinessLoader();
        l.load("eg", new ByteArrayInputStream(eg.toByteArray()), FinessFormat.ETALAB);
        l.load("ej", new ByteArrayInputStream(ej.toByteArray()), FinessFormat.EJ_EXTRACT);
        return l.result().directory();
    }

    static byte[] generate(InMemoryStructureDirectory d, long seed, int count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(InventoryGenerator.of(seed, count, AT).write(d, out)).isEqualTo(count);
        return out.toByteArray();
    }

    @Test
    void writesExactlyTheCountDeterministicallyInTheDocumentedFormat() throws IOException {
        InMemoryStructureDirectory d = directory();
        byte[] a = generate(d, 3, 1500);
        assertThat(a).isEqualTo(generate(d, 3, 1500));
        assertThat(a).isNotEqualTo(generate(d, 4, 1500));
        Inventory inv = new InventoryReader().loadCsv("gen.csv",
                new InputStreamReader(new ByteArrayInputStream(a), StandardCharsets.UTF_8)).result();
        assertThat(inv.problems()).isEmpty();
        assertThat(inv.certificates()).hasSize(1500);
    }

    @Test
    void producesTheFieldDefectsTheDashboardIsThereToFind() throws IOException {
        InMemoryStructureDirectory d = directory();
        Inventory inv = new InventoryReader().loadCsv("gen.csv", new InputStreamReader(
                new ByteArrayInputStream(generate(d, 1, 2000)), StandardCharsets.UTF_8)).result();
        Deployment dep = DeploymentAnalyzer.builder().directory(d).build().analyze(inv, AT);
        assertThat(dep.total().covered()).isPositive();
        assertThat(dep.total().coveredByLegalEntity()).isPositive();
        assertThat(dep.total().expiringSoon()).isPositive();
        assertThat(dep.total().expired()).isPositive();
        assertThat(dep.total().findingsByRule()).containsKeys("DOC-MISSING", "DOC-HOLDER", "DOC-EG-LEGACY");
        assertThat(dep.unmatched()).isNotEmpty();
    }
}
