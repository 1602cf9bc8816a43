package org.vigie.doctrine.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.vigie.core.Establishment;
import org.vigie.core.Finess;
import org.vigie.core.InMemoryStructureDirectory;
import org.vigie.doctrine.Corridor;
import org.vigie.testkit.data.FinessExtractGenerator;
import org.vigie.testkit.data.InventoryGenerator;
import org.vigie.doctrine.deployment.Deployment;
import org.vigie.doctrine.deployment.DeploymentAnalyzer;
import org.vigie.doctrine.deployment.EstablishmentStatus;
import org.vigie.doctrine.deployment.Inventory;
import org.vigie.doctrine.deployment.InventoryReader;
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

    @Test
    void theCorridorTheGeneratorWritesForIsTheOneTheAnalyzerJudges() throws IOException {
        InMemoryStructureDirectory d = directory();
        Inventory inv = new InventoryReader().loadCsv("gen.csv", new InputStreamReader(
                new ByteArrayInputStream(generate(d, 5, 1500)), StandardCharsets.UTF_8)).result();
        Deployment dep = DeploymentAnalyzer.builder().directory(d).build().analyze(inv, AT);
        Map<Finess, List<EstablishmentStatus>> byEj = dep.establishments().stream()
                .filter(s -> s.establishment().active())
                .collect(Collectors.groupingBy(s -> s.establishment().legalEntity()));
        int judged = 0;
        int none = 0;
        for (List<EstablishmentStatus> sites : byEj.values()) {
            List<Establishment> egs = new ArrayList<>();
            sites.forEach(s -> egs.add(s.establishment()));
            Optional<Corridor> stated = InventoryGenerator.kindOf(egs).map(k -> Corridor.valueOf(k.name()));
            for (EstablishmentStatus s : sites) {
                if (s.corridor().isPresent()) {
                    assertThat(stated).as("EJ %s", s.establishment().legalEntity()).isEqualTo(s.corridor());
                    judged++;
                } else if (stated.isEmpty()) {
                    none++;
                }
            }
        }
        assertThat(judged).isPositive();
        assertThat(none).isPositive(); // the CPTS: no certificate generated, none judged
    }

    @Test
    void statesTheCorridorFromTheCategoriesTheHospitalSiteWinning() {
        assertThat(InventoryGenerator.kindOf(List.of())).isEmpty();
        assertThat(InventoryGenerator.kindOf(List.of(eg("604")))).isEmpty();
        assertThat(InventoryGenerator.kindOf(List.of(eg("620")))).contains(InventoryGenerator.Kind.PHARMACY);
        assertThat(InventoryGenerator.kindOf(List.of(eg("603"), eg("611")))).contains(InventoryGenerator.Kind.LABORATORY);
        assertThat(InventoryGenerator.kindOf(List.of(eg("500"), eg("355")))).contains(InventoryGenerator.Kind.HOSPITAL);
        assertThat(InventoryGenerator.kindOf(List.of(eg("500"), eg("124")))).contains(InventoryGenerator.Kind.MEDICO_SOCIAL);
    }

    private static Establishment eg(String category) {
        return new Establishment(Finess.parse("750000010"), Finess.parse("750000002"), "EG " + category, category,
                "", "", Optional.empty(), "75", Optional.empty(), true);
    }
}
