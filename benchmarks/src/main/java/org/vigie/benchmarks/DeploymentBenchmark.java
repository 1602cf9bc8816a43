package org.vigie.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.vigie.benchmarks.data.FinessFixture;
import org.vigie.core.InMemoryStructureDirectory;
import org.vigie.doctrine.deployment.Deployment;
import org.vigie.doctrine.deployment.DeploymentAnalyzer;
import org.vigie.doctrine.deployment.Inventory;
import org.vigie.testkit.data.InventoryGenerator;
import org.vigie.doctrine.deployment.InventoryReader;

/**
 * Benchmark 5 (dashboard): the deployment dashboard of the whole directory (the generated 100 000-EG extract of
 * {@link FinessFixture}) over a generated inventory of 50 000 deployed certificates: reading the inventory CSV,
 * and computing every indicator (EG, EJ, département, région).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DeploymentBenchmark {

    /** Certificates in the generated inventory. */
    public static final int CERTIFICATES = 50_000;

    private static final LocalDate AT = LocalDate.of(2025, 6, 1);

    private Path inventoryFile;
    private DeploymentAnalyzer analyzer;
    private Inventory inventory;

    /** Writes the inventory (seed 1) beside the FINESS extracts of {@link FinessFixture}, reads it once. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        InMemoryStructureDirectory directory = FinessFixture.shared().directory();
        inventoryFile = FinessFixture.shared().folder().resolve("inventory.csv");
        int written = InventoryGenerator.of(1, CERTIFICATES, AT).write(directory, inventoryFile);
        Checks.check(written == CERTIFICATES, "inventory of " + written + " certificates, expected " + CERTIFICATES);
        analyzer = DeploymentAnalyzer.builder().directory(directory).build();
        inventory = readInventory();
        Checks.check(inventory.certificates().size() == CERTIFICATES,
                "inventory read " + inventory.certificates().size() + " certificates");
        Checks.check(inventory.problems().isEmpty(), "inventory problems: " + inventory.problems());
    }

    /** Deletes the inventory. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(inventoryFile);
    }

    private Inventory readInventory() throws IOException {
        return new InventoryReader().loadCsv(inventoryFile).result();
    }

    /** Reads the 50 000-certificate inventory CSV. */
    @Benchmark
    public Inventory readInventory50k() throws IOException {
        return readInventory();
    }

    /** Computes the dashboard of the whole directory. */
    @Benchmark
    public Deployment dashboard100kEg50kCertificates() {
        return analyzer.analyze(inventory, AT);
    }
}
