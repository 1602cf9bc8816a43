package org.vigie.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.vigie.doctrine.deployment.Deployment;
import org.vigie.doctrine.deployment.DeploymentAnalyzer;
import org.vigie.doctrine.deployment.Indicators;
import org.vigie.doctrine.deployment.Inventory;
import org.vigie.doctrine.deployment.InventoryProblem;
import org.vigie.doctrine.deployment.InventoryReader;
import org.vigie.doctrine.deployment.Scope;
import org.vigie.doctrine.deployment.Territories;
import org.vigie.core.finess.FinessLoader;
import org.vigie.core.finess.LoadResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie deployment}: the deployment dashboard of organisation certificates (issue 9). Loads the FINESS
 * directory and the inventory of deployed certificates (folders of PEM/DER files and/or CSV inventories), computes
 * the indicators per establishment, legal entity, département and region with the certificate doctrine as the judge
 * ({@link DeploymentAnalyzer}), and writes them as XLSX, HTML and/or JSON (format from each {@code --out} file's
 * extension). Progress goes to stderr, a summary to stdout.
 */
@Command(name = "deployment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Tableau de pilotage du déploiement des certificats d'organisation : couverture par "
                + "établissement, entité juridique, département et région, jugée par la doctrine de commande.",
            "Exports : XLSX (une feuille par niveau), page HTML autonome, JSON (format vigie-deployment/1)."},
        exitCodeListHeading = "Codes de sortie :%n",
        exitCodeList = {"0:tableau écrit (même avec des fichiers ou lignes d'inventaire écartés)",
            "2:fichier illisible ou arguments inutilisables"})
public final class DeploymentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--directory", paramLabel = "EXTRAIT", arity = "1..*", required = true,
            description = "Fichiers FINESS (extrait etalab EG, flux JSON finess-structures, extrait EJ).")
    List<Path> directory = new ArrayList<>();

    @Option(names = "--certificates", paramLabel = "DOSSIER|CSV", arity = "1..*",
            description = "Dossiers de certificats (PEM ou DER) et/ou inventaires CSV (format : docs/deployment.md).")
    List<Path> certificates = new ArrayList<>();

    @Option(names = "--region", paramLabel = "R", description = "Code (53) ou nom (Bretagne) de la région.")
    String region;

    @Option(names = "--departement", paramLabel = "D", description = "Code du département (72, 2A, 971…).")
    String departement;

    @Mixin
    AtOption at;

    @Option(names = "--out", paramLabel = "FICHIER", arity = "1..*",
            description = "Fichier(s) à écrire : .xlsx, .html ou .json (plusieurs possibles).")
    List<Path> out = new ArrayList<>();

    @Option(names = "--expiry-days", paramLabel = "N", defaultValue = "90",
            description = "Fenêtre d'expiration, en jours (défaut : ${DEFAULT-VALUE}).")
    int expiryDays;

    @Option(names = "--html-max-rows", paramLabel = "N", defaultValue = "5000",
            description = "Lignes au plus par tableau de la page HTML (défaut : ${DEFAULT-VALUE}).")
    int htmlMaxRows;

    @Option(names = "--quiet", description = "Pas de progression sur la sortie d'erreur.")
    boolean quiet;

    @Option(names = "--generate-inventory", paramLabel = "CSV",
            description = "Écrit un inventaire CSV synthétique pour le répertoire (démonstration, mesure) au lieu du "
                    + "tableau.")
    Path generateInventory;

    @Option(names = "--count", paramLabel = "N", defaultValue = "50000",
            description = "Avec --generate-inventory : nombre de certificats (défaut : ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Avec --generate-inventory : graine (défaut : ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (expiryDays < 0 || htmlMaxRows < 1) {
            throw new UnusableInputException("--expiry-days doit être positif ou nul, --html-max-rows au moins 1");
        }
        if (generateInventory == null && (out.isEmpty() || certificates.isEmpty())) {
            throw new UnusableInputException("--certificates et --out sont requis (ou --generate-inventory)");
        }
        if (generateInventory != null && (!out.isEmpty() || !certificates.isEmpty())) {
            throw new UnusableInputException("--generate-inventory ne se combine pas avec --certificates ni --out");
        }
        for (Path o : out) {
            format(o);
        }
        LocalDate date = at.date();
        Scope scope = scope();
        for (Path f : directory) {
            if (!Files.isRegularFile(f)) {
                throw new UnusableInputException("fichier FINESS introuvable ou illisible : " + f);
            }
        }
        for (Path c : certificates) {
            if (!Files.exists(c)) {
                throw new UnusableInputException("inventaire introuvable : " + c);
            }
        }
        long start = System.nanoTime();
        FinessLoader loader = new FinessLoader();
        for (Path f : directory) {
            try {
                loader.load(f);
            } catch (IOException e) {
                throw new UnusableInputException("lecture impossible de " + f + " : " + e.getMessage(), e);
            }
        }
        LoadResult dir = loader.result();
        progress(err, "répertoire chargé : " + fmt(dir.directory().establishmentCount()) + " EG, "
                + fmt(dir.rejectionCount()) + " ligne(s) rejetée(s)", start);
        if (generateInventory != null) {
            if (count < 1) {
                throw new UnusableInputException("--count doit être au moins 1");
            }
            int n = org.vigie.testkit.data.InventoryGenerator.of(seed, count, date)
                    .write(dir.directory(), generateInventory);
            stdout.println("Inventaire synthétique écrit : " + generateInventory + " (" + fmt(n) + " certificats, "
                    + "graine " + seed + ", autour du " + date + ")");
            return ExitCodes.OK;
        }
        InventoryReader reader = new InventoryReader();
        for (Path c : certificates) {
            try {
                reader.load(c);
            } catch (NoSuchFileException e) {
                throw new UnusableInputException("inventaire introuvable : " + c, e);
            } catch (IOException e) {
                throw new UnusableInputException("lecture impossible de " + c + " : " + e.getMessage(), e);
            }
        }
        Inventory inventory = reader.result();
        progress(err, "inventaire lu : " + fmt(inventory.certificates().size()) + " certificat(s), "
                + fmt(inventory.problemCount()) + " fichier(s) ou ligne(s) écarté(s)", start);
        DeploymentAnalyzer analyzer = DeploymentAnalyzer.builder().directory(dir.directory())
                .expiryWindowDays(expiryDays).build();
        long[] last = {System.nanoTime()};
        Deployment d = analyzer.analyze(inventory, date, scope, (done, total) -> {
            long now = System.nanoTime();
            if (now - last[0] > 1_000_000_000L && done < total) {
                last[0] = now;
                progress(err, "analyse : " + fmt(done) + " / " + fmt(total) + " EJ", start);
            }
        });
        progress(err, "analyse terminée : " + fmt(d.legalEntities().size()) + " EJ, " + fmt(d.establishments().size())
                + " EG", start);
        for (Path o : out) {
            write(d, o);
            progress(err, "écrit : " + o, start);
        }
        summary(stdout, d, dir, System.nanoTime() - start);
        return ExitCodes.OK;
    }

    private Scope scope() {
        if (region != null && departement != null) {
            throw new UnusableInputException("--region et --departement s'excluent");
        }
        Territories t = Territories.standard();
        if (region != null) {
            return Scope.of(t.region(region).orElseThrow(() -> new UnusableInputException("--region " + region
                    + " : région inconnue (code INSEE comme 53 ou nom comme Bretagne)")));
        }
        if (departement != null) {
            return Scope.of(t.departement(departement).orElseThrow(() -> new UnusableInputException("--departement "
                    + departement + " : département inconnu (01…95, 2A, 2B, 971…978)")));
        }
        return Scope.all();
    }

    private static String format(Path o) {
        String name = o.getFileName() == null ? "" : o.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        if (!ext.equals("xlsx") && !ext.equals("html") && !ext.equals("htm") && !ext.equals("json")) {
            throw new UnusableInputException("--out " + o + " : extension attendue .xlsx, .html ou .json");
        }
        return ext;
    }

    private void write(Deployment d, Path o) throws IOException {
        Path parent = o.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UnusableInputException("dossier introuvable pour " + o);
        }
        // written beside the target then moved: a failed run never leaves a half-written export
        Path tmp = (parent == null ? Path.of(".") : parent).resolve("." + o.getFileName() + ".part");
        try {
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                switch (format(o)) {
                    case "xlsx" -> {
                        ensureQuietLogging();
                        DeploymentXlsx.write(d, os);
                    }
                    case "json" -> DeploymentJson.write(d, os);
                    default -> DeploymentHtml.write(d, os, htmlMaxRows);
                }
            }
            Files.move(tmp, o, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** POI logs through Log4j's API: without a provider Log4j prints a warning; use its simple logger instead. */
    private static void ensureQuietLogging() {
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory",
                    "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
        if (System.getProperty("org.apache.logging.log4j.simplelog.StatusLogger.level") == null) {
            System.setProperty("org.apache.logging.log4j.simplelog.StatusLogger.level", "OFF");
        }
    }

    private void progress(PrintWriter err, String message, long start) {
        if (!quiet) {
            err.printf(Locale.ROOT, "[%s] %s%n", FinessCommand.seconds(System.nanoTime() - start), message);
            err.flush();
        }
    }

    private static void summary(PrintWriter out, Deployment d, LoadResult dir, long nanos) {
        Indicators t = d.total();
        out.println("Déploiement des certificats — " + d.scope().labelFr() + " — au " + d.at());
        out.printf(Locale.ROOT, "EG : %s actifs, %s concernés, %s couverts (%s) dont %s par certificat EJ et %s par "
                        + "certificat EG%n", fmt(t.establishments()), fmt(t.concerned()), fmt(t.covered()),
                org.vigie.cli.DeploymentLabels.percent(t.coverageRate()), fmt(t.coveredByLegalEntity()),
                fmt(t.coveredByEstablishment()));
        out.printf(Locale.ROOT, "Certificats : %s lus, %s valides rattachés, %s expirant sous %d jours, %s expirés, "
                        + "%s non rattachés%n", fmt(d.certificatesRead()), fmt(t.certificates()),
                fmt(t.expiringSoon()), d.expiryWindowDays(), fmt(t.expired()), fmt(d.unmatched().size()));
        out.printf(Locale.ROOT, "Constats de doctrine : %s%s%n", fmt(t.findings()),
                t.findingsByRule().isEmpty() ? "" : " (" + DeploymentLabels.findings(t.findingsByRule()) + ")");
        out.printf(Locale.ROOT, "Régions : %d, départements : %d, EJ : %s%n", d.regions().size(),
                d.departements().size(), fmt(d.legalEntities().size()));
        if (d.inventoryProblemCount() > 0) {
            out.println("Inventaire : " + fmt(d.inventoryProblemCount()) + " fichier(s) ou ligne(s) écarté(s) :");
            int shown = 0;
            for (InventoryProblem p : d.inventoryProblems()) {
                if (++shown > 10) {
                    out.println("  … (liste complète dans les exports)");
                    break;
                }
                out.println("  " + p);
            }
        }
        if (dir.rejectionCount() > 0) {
            out.println("Répertoire : " + fmt(dir.rejectionCount()) + " ligne(s) FINESS rejetée(s) (vigie finess pour "
                    + "le détail)");
        }
        out.println("Durée totale : " + FinessCommand.seconds(nanos));
        out.flush();
    }

    private static String fmt(long n) {
        return FinessCommand.fmt(n);
    }
}
