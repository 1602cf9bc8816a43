package org.vigie.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.vigie.core.Establishment;
import org.vigie.core.Finess;
import org.vigie.core.InMemoryStructureDirectory;
import org.vigie.core.InvalidIdentifierException;
import org.vigie.core.LegalEntity;
import org.vigie.core.LegalStatus;
import org.vigie.core.StructureDirectory.Resolution;
import org.vigie.core.StructureId;
import org.vigie.testkit.data.FinessExtractGenerator;
import org.vigie.core.finess.FinessFormat;
import org.vigie.core.finess.FinessLoader;
import org.vigie.core.finess.LoadResult;
import org.vigie.core.finess.Rejection;
import org.vigie.core.finess.SourceSummary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigie finess}: loads FINESS files (etalab EG extract, "finess-structures" JSON feed, EJ extract; the type
 * is detected from the content), prints the EJ / EG counts, the load time and the rejected lines, then each
 * lookup. With {@code --generate}, writes a synthetic etalab extract (and its EJ extract) instead.
 */
@Command(name = "finess", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Charge des fichiers FINESS (extrait etalab EG, flux JSON finess-structures, extrait EJ ; "
                + "type détecté d'après le contenu) et recherche des identifiants.",
            "Avec --generate, écrit un extrait etalab synthétique (et l'extrait EJ correspondant)."},
        exitCodeListHeading = "Codes de sortie :%n",
        exitCodeList = {"0:chargement effectué (même avec des lignes rejetées)",
            "2:fichier illisible ou arguments inutilisables"})
public final class FinessCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FICHIER", arity = "0..*", description = "Fichiers FINESS à charger.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--lookup", paramLabel = "ID", arity = "1..*",
            description = "FINESS (9 caractères) ou IdNat_Struct (1 + FINESS) à rechercher.")
    List<String> lookups = new ArrayList<>();

    @Option(names = "--max-rejections", paramLabel = "N", defaultValue = "20",
            description = "Nombre de lignes rejetées affichées (défaut : ${DEFAULT-VALUE}).")
    int maxRejections;

    @Option(names = "--generate", paramLabel = "FICHIER",
            description = "Écrit un extrait etalab synthétique dans FICHIER au lieu de charger.")
    Path generate;

    @Option(names = "--ej-file", paramLabel = "FICHIER",
            description = "Avec --generate : écrit aussi l'extrait EJ correspondant (statuts juridiques).")
    Path ejFile;

    @Option(names = "--json-file", paramLabel = "FICHIER",
            description = "Avec --generate : écrit aussi le même répertoire en flux JSON finess-structures "
                    + "(avec quelques EG fermés).")
    Path jsonFile;

    @Option(names = "--lines", paramLabel = "N", defaultValue = "100000",
            description = "Avec --generate : nombre de lignes EG (défaut : ${DEFAULT-VALUE}).")
    int lines;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Avec --generate : graine (défaut : ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--malformed", paramLabel = "K", defaultValue = "0",
            description = "Avec --generate : lignes mal formées à insérer (défaut : ${DEFAULT-VALUE}).")
    int malformed;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (maxRejections < 0) {
            throw new UnusableInputException("--max-rejections doit être positif ou nul");
        }
        if (generate != null) {
            if (!files.isEmpty() || !lookups.isEmpty()) {
                throw new UnusableInputException("--generate ne se combine pas avec des fichiers à charger ni --lookup");
            }
            return generate(out);
        }
        if (ejFile != null || jsonFile != null) {
            throw new UnusableInputException("--ej-file et --json-file ne s'emploient qu'avec --generate");
        }
        if (files.isEmpty()) {
            throw new UnusableInputException("aucun fichier FINESS donné (vigie finess FICHIER… [--lookup ID…])");
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new UnusableInputException("fichier introuvable ou illisible : " + f);
            }
        }
        List<StructureId> ids = new ArrayList<>();
        for (String l : lookups) {
            ids.add(parseLookup(l));
        }
        boolean progress = System.console() != null;
        PrintWriter err = spec.commandLine().getErr();
        FinessLoader loader = new FinessLoader();
        if (progress) {
            long[] last = {0};
            loader.onProgress((source, n, bytes) -> {
                long now = System.nanoTime();
                if (now - last[0] > 250_000_000L) {
                    last[0] = now;
                    err.print("\rchargement de " + source + " : " + fmt(n) + " lignes…");
                    err.flush();
                }
            });
        }
        long start = System.nanoTime();
        for (Path f : files) {
            try {
                loader.load(f);
            } catch (NoSuchFileException e) {
                throw new UnusableInputException("fichier introuvable : " + f, e);
            } catch (IOException e) {
                throw new UnusableInputException("lecture impossible de " + f + " : " + e.getMessage(), e);
            }
        }
        LoadResult result = loader.result();
        long elapsed = System.nanoTime() - start;
        if (progress) {
            err.print("\r\033[K");
            err.flush();
        }
        print(out, result, elapsed);
        for (StructureId id : ids) {
            lookup(out, result.directory(), id);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private Integer generate(PrintWriter out) throws IOException {
        if (lines < 1) {
            throw new UnusableInputException("--lines doit être au moins 1");
        }
        if (malformed < 0 || malformed > lines) {
            throw new UnusableInputException("--malformed doit être entre 0 et --lines");
        }
        FinessExtractGenerator g = FinessExtractGenerator.builder().seed(seed).establishments(lines)
                .malformedLines(malformed).build();
        long start = System.nanoTime();
        FinessExtractGenerator.Summary s;
        int closedInJson = 0;
        try {
            s = g.writeEtalab(generate);
            if (ejFile != null) {
                g.writeLegalEntities(ejFile);
            }
            if (jsonFile != null) {
                closedInJson = g.writeJsonFeed(jsonFile);
            }
        } catch (NoSuchFileException e) {
            throw new UnusableInputException("dossier introuvable pour " + e.getFile(), e);
        }
        long elapsed = System.nanoTime() - start;
        out.printf(Locale.ROOT, "Extrait etalab écrit : %s (%s lignes : %s EG, %s géolocalisations, %s lignes mal "
                        + "formées) en %s%n", generate, fmt(s.lines()), fmt(s.establishments()),
                fmt(s.geolocations()), fmt(s.malformedLines().size()), seconds(elapsed));
        out.printf(Locale.ROOT, "EJ : %s%s%n", fmt(s.legalEntities()),
                ejFile == null ? "" : " (extrait EJ écrit : " + ejFile + ")");
        if (jsonFile != null) {
            out.printf(Locale.ROOT, "Flux JSON écrit : %s (%s EG fermés)%n", jsonFile, fmt(closedInJson));
        }
        if (!s.malformedLines().isEmpty()) {
            out.println("Lignes mal formées : " + s.malformedLines());
        }
        out.println("EJ à plusieurs EG : " + s.multiSiteLegalEntities());
        out.println("Exemples d'EG : " + s.sampleEstablishments());
        return ExitCodes.OK;
    }

    private static StructureId parseLookup(String text) {
        String t = text.strip();
        try {
            if (t.length() == 9) {
                return StructureId.ofFiness(Finess.parse(t));
            }
            return StructureId.parse(t);
        } catch (InvalidIdentifierException e) {
            throw new UnusableInputException("--lookup " + text + " : ni FINESS ni IdNat_Struct (" + e.getMessage()
                    + ")", e);
        }
    }

    private void print(PrintWriter out, LoadResult r, long elapsedNanos) {
        InMemoryStructureDirectory d = r.directory();
        out.printf(Locale.ROOT, "Chargé en %s : %d fichier%s%n", seconds(elapsedNanos), r.sources().size(),
                r.sources().size() > 1 ? "s" : "");
        for (SourceSummary s : r.sources()) {
            StringBuilder b = new StringBuilder("  ").append(s.source()).append(" : ").append(s.format().label())
                    .append(" (").append(s.encoding()).append("), ").append(fmt(s.lines())).append(" lignes");
            if (s.legalEntities() > 0) {
                b.append(", ").append(fmt(s.legalEntities())).append(" EJ");
            }
            if (s.establishments() > 0 || s.format() != FinessFormat.EJ_EXTRACT) {
                b.append(", ").append(fmt(s.establishments())).append(" EG");
            }
            if (s.geolocations() > 0) {
                b.append(", ").append(fmt(s.geolocations())).append(" géolocalisations");
            }
            b.append(", ").append(fmt(s.rejected())).append(" rejet").append(s.rejected() > 1 ? "s" : "");
            if (!s.metadata().isEmpty()) {
                b.append(" [").append(s.metadata()).append(']');
            }
            out.println(b);
        }
        out.printf(Locale.ROOT, "EJ : %s fiches EJ, %s FINESS EJ connus (fiches ou cités par les EG)%n",
                fmt(d.legalEntityCount()), fmt(d.referencedLegalEntityCount()));
        long closed = d.establishments().filter(e -> !e.active()).count();
        out.printf(Locale.ROOT, "EG : %s%s%n", fmt(d.establishmentCount()),
                closed > 0 ? " (dont " + fmt(closed) + " fermés)" : "");
        out.printf(Locale.ROOT, "Lignes rejetées : %s%n", fmt(r.rejectionCount()));
        int shown = 0;
        for (Rejection x : r.rejections()) {
            if (shown >= maxRejections) {
                break;
            }
            out.println("  " + x.source() + ":" + x.line() + " : " + x.reason());
            shown++;
        }
        if (r.rejectionCount() > shown) {
            out.println("  … et " + fmt(r.rejectionCount() - shown) + " autre"
                    + (r.rejectionCount() - shown > 1 ? "s" : "") + " (--max-rejections N pour en voir plus)");
        }
    }

    private void lookup(PrintWriter out, InMemoryStructureDirectory d, StructureId id) {
        out.println();
        out.println("Recherche " + id + " :");
        // the directory's one resolution, the one vigie check and vigie serve use
        Resolution res = d.resolve(id);
        if (res instanceof Resolution.AsEstablishment eg) {
            Establishment e = eg.establishment();
            out.println("  EG " + describe(e));
            Finess ej = e.legalEntity();
            Optional<LegalEntity> rec = d.legalEntity(ej);
            out.println("  de l'EJ " + (rec.isPresent() ? describe(rec.get()) : ej + " (pas de fiche EJ chargée : "
                    + "statut inconnu)"));
            out.println("  l'EJ compte " + fmt(d.establishmentsOf(ej).size()) + " EG");
        } else if (res instanceof Resolution.AsLegalEntity ej) {
            Finess f = ej.legalEntity().finess();
            out.println("  EJ " + (ej.hasRecord() ? describe(ej.legalEntity())
                    : f + " (pas de fiche EJ chargée ; cité par ses EG : statut inconnu)")
                    + (ej.closed() ? ", FERMÉE (tous ses EG sont fermés)" : ""));
            printEstablishments(out, d.establishmentsOf(f));
        } else if (id.finess().isEmpty()) {
            out.println("  inconnu : identifiant " + id.kind() + ", le répertoire ne connaît que des FINESS");
        } else {
            out.println("  inconnu du répertoire");
        }
    }

    private static void printEstablishments(PrintWriter out, List<Establishment> egs) {
        out.println("  " + fmt(egs.size()) + " EG :");
        int max = 20;
        for (int i = 0; i < Math.min(max, egs.size()); i++) {
            out.println("    " + describe(egs.get(i)));
        }
        if (egs.size() > max) {
            out.println("    … et " + fmt(egs.size() - max) + " autres");
        }
    }

    private static String describe(Establishment e) {
        StringBuilder b = new StringBuilder().append(e.finess()).append(" « ").append(e.name()).append(" »")
                .append(", catégorie ").append(e.categoryCode().isEmpty() ? "?" : e.categoryCode());
        if (!e.categoryLabel().isEmpty()) {
            b.append(" (").append(e.categoryLabel()).append(')');
        }
        b.append(", dépt ").append(e.departement());
        e.siret().ifPresent(s -> b.append(", SIRET ").append(s));
        e.openingDate().ifPresent(dt -> b.append(", ouvert le ").append(dt));
        b.append(e.active() ? ", actif" : ", FERMÉ");
        if (!e.finess().keyValid()) {
            b.append(", clé FINESS invalide");
        }
        return b.toString();
    }

    private static String describe(LegalEntity ej) {
        StringBuilder b = new StringBuilder().append(ej.finess());
        if (!ej.name().isEmpty()) {
            b.append(" « ").append(ej.name()).append(" »");
        }
        ej.siren().ifPresent(s -> b.append(", SIREN ").append(s));
        b.append(", statut ").append(ej.statutCode().isEmpty() ? "?" : ej.statutCode()).append(" (")
                .append(statusLabel(ej.status())).append(')');
        return b.toString();
    }

    private static String statusLabel(LegalStatus s) {
        return switch (s) {
            case PUBLIC -> "public";
            case PRIVATE -> "privé";
            case FOREIGN -> "étranger";
            case UNKNOWN -> "inconnu";
        };
    }

    static String fmt(long n) {
        String s = Long.toString(Math.abs(n));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (i > 0 && (s.length() - i) % 3 == 0) {
                b.append('\u00a0');
            }
            b.append(s.charAt(i));
        }
        return (n < 0 ? "-" : "") + b;
    }

    static String seconds(long nanos) {
        return String.format(Locale.FRANCE, "%.2f s", nanos / 1e9);
    }
}
