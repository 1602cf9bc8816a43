package org.vigie.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.vigie.core.InMemoryStructureDirectory;
import org.vigie.core.finess.FinessFormat;
import org.vigie.core.finess.FinessLoader;
import org.vigie.core.finess.LoadResult;

/**
 * A small FINESS directory written as the three real files an integrator downloads, byte by byte as the real
 * formats are (DOMAIN §8), without Vigie's readers or generator: so that a test loading them through Vigie's
 * loader checks the loader and the rules against files it did not produce.
 *
 * <ul>
 *   <li>{@link Source#ETALAB_EG}: the etalab cs1100507 extract, ISO-8859-1, no header row, metadata first line
 *       ({@code finess;etalab;98;<date>}), one {@code structureet} line of 32 fields per <em>open</em> EG (the extract
 *       lists open establishments), then one {@code geolocalisation} line of 6 fields per EG (Lambert 93
 *       coordinates, a source with commas, a date), and no EJ record at all;</li>
 *   <li>{@link Source#EJ_EXTRACT}: the EJ extract, UTF-8, header {@code nofinessej;rs;siren;statutjuridique}, one EJ
 *       a line, no EG;</li>
 *   <li>{@link Source#JSON_FEED}: the "finess-structures" JSON feed, UTF-8, in the ANS schema's spelling
 *       ({@code pmej[].informationsGeneralesPmej}, {@code ege[].informationsGeneralesEge}, codes as
 *       {@code {code, system}}), EJs with their EGs, closed EGs with a {@code dateFermeture} and
 *       {@code etatObjet: "FERME"}.</li>
 * </ul>
 *
 * <p>{@link #sample()} is the directory the module tests share. Instances are immutable.
 */
public final class FinessFiles {

    /** The four ways a test loads the directory: each file alone, and all three. */
    public enum Load {
        ETALAB_ONLY(EnumSet.of(Source.ETALAB_EG)),
        EJ_ONLY(EnumSet.of(Source.EJ_EXTRACT)),
        JSON_ONLY(EnumSet.of(Source.JSON_FEED)),
        ALL(EnumSet.allOf(Source.class));

        private final Set<Source> sources;

        Load(Set<Source> sources) {
            this.sources = sources;
        }

        /** @return the directory of {@link #sample()} loaded from these files */
        public InMemoryStructureDirectory directory() {
            return sample().directory(sources);
        }

        /** @param s a file @return true when it is loaded */
        public boolean has(Source s) {
            return sources.contains(s);
        }

        /** @return true when a loaded file carries EGs (every file but the EJ extract) */
        public boolean knowsEgs() {
            return has(Source.ETALAB_EG) || has(Source.JSON_FEED);
        }

        /** @return true when a loaded file carries closed EGs (the JSON feed only) */
        public boolean knowsClosedEgs() {
            return has(Source.JSON_FEED);
        }
    }

    /** The three directory files. */
    public enum Source {
        /** etalab EG extract (open EGs, their EJ FINESS, category; no EJ record). */
        ETALAB_EG("finess-etalab-eg.csv"),
        /** EJ extract (EJ records: name, SIREN, statut juridique; no EG). */
        EJ_EXTRACT("finess-ej.csv"),
        /** "finess-structures" JSON feed (EJ records with their EGs, closed EGs included). */
        JSON_FEED("finess-structures.json");

        private final String fileName;

        Source(String fileName) {
            this.fileName = fileName;
        }

        /** @return the name {@link #write(Path, Set)} gives the file */
        public String fileName() {
            return fileName;
        }
    }

    /**
     * An EJ.
     *
     * @param finess FINESS EJ (9 characters)
     * @param name raison sociale (may hold accents)
     * @param siren SIREN, empty when unknown
     * @param statut statut juridique (TRE_R400 leaf code, e.g. {@code 13} public, {@code 73} private)
     */
    public record Ej(String finess, String name, String siren, String statut) {
        /** Checks the FINESS. */
        public Ej {
            Objects.requireNonNull(finess, "finess");
        }
    }

    /**
     * An EG.
     *
     * @param finess FINESS EG
     * @param ej FINESS of its EJ
     * @param name raison sociale
     * @param category category code (TRE_R66, e.g. {@code 355})
     * @param categoryLabel its label
     * @param departement département code
     * @param open false for a closed EG (written only to the JSON feed)
     */
    public record Eg(String finess, String ej, String name, String category, String categoryLabel, String departement,
                     boolean open) {
        /** Checks the FINESS. */
        public Eg {
            Objects.requireNonNull(finess, "finess");
            Objects.requireNonNull(ej, "ej");
        }

        /** @return the IdNat_Struct of this EG ({@code 1} + FINESS) */
        public String idNat() {
            return "1" + finess;
        }
    }

    /** Public EJ (statut 13): two open EGs and, in the JSON feed, a closed one. */
    public static final Ej CH = new Ej(TestNumbers.finess("21000100"), "CENTRE HOSPITALIER DE L'ÉTANG",
            "262100019", "13");
    /** Open EG of {@link #CH} (centre hospitalier). */
    public static final Eg CH_SITE = new Eg(TestNumbers.finess("21000101"), CH.finess(), "CH DE L'ÉTANG - SITE PRINCIPAL",
            "355", "Centre Hospitalier (C.H.)", "21", true);
    /** Open EG of {@link #CH} (EHPAD). */
    public static final Eg CH_EHPAD = new Eg(TestNumbers.finess("21000102"), CH.finess(), "EHPAD LES CHÊNES",
            "500", "Etablissement d'hébergement pour personnes âgées dépendantes", "21", true);
    /** Closed EG of {@link #CH} (only in the JSON feed). */
    public static final Eg CH_CLOSED = new Eg(TestNumbers.finess("21000103"), CH.finess(), "CH DE L'ÉTANG - ANCIENNE MATERNITÉ",
            "355", "Centre Hospitalier (C.H.)", "21", false);
    /** Private EJ (statut 73) with one open EG. */
    public static final Ej CLINIC = new Ej(TestNumbers.finess("69000200"), "SAS CLINIQUE DES SAULES", "", "73");
    /** Open EG of {@link #CLINIC}. */
    public static final Eg CLINIC_SITE = new Eg(TestNumbers.finess("69000201"), CLINIC.finess(), "CLINIQUE DES SAULES",
            "365", "Etablissement de Soins Pluridisciplinaire", "69", true);
    /** EJ whose only EG is closed: a record in the EJ extract and the JSON feed, absent from the etalab extract. */
    public static final Ej CLOSED_EJ = new Ej(TestNumbers.finess("33000300"), "ASSOCIATION DU MANOIR (DISSOUTE)", "",
            "61");
    /** The closed EG of {@link #CLOSED_EJ} (only in the JSON feed). */
    public static final Eg CLOSED_EJ_SITE = new Eg(TestNumbers.finess("33000301"), CLOSED_EJ.finess(), "MAISON DU MANOIR",
            "500", "Etablissement d'hébergement pour personnes âgées dépendantes", "33", false);

    private final List<Ej> legalEntities;
    private final List<Eg> establishments;
    private final String extractDate;

    private FinessFiles(List<Ej> legalEntities, List<Eg> establishments, String extractDate) {
        this.legalEntities = List.copyOf(legalEntities);
        this.establishments = List.copyOf(establishments);
        this.extractDate = extractDate;
    }

    /**
     * @param legalEntities the EJs
     * @param establishments the EGs (open and closed)
     * @return the files of that directory
     */
    public static FinessFiles of(List<Ej> legalEntities, List<Eg> establishments) {
        return new FinessFiles(legalEntities, establishments, "2026-02-15");
    }

    /** @return {@link #CH}, {@link #CLINIC}, {@link #CLOSED_EJ} and their EGs */
    public static FinessFiles sample() {
        return of(List.of(CH, CLINIC, CLOSED_EJ), List.of(CH_SITE, CH_EHPAD, CH_CLOSED, CLINIC_SITE, CLOSED_EJ_SITE));
    }

    /** @return the etalab EG extract, ISO-8859-1 bytes (open EGs only, no EJ record) */
    public byte[] etalab() {
        StringBuilder sb = new StringBuilder("finess;etalab;98;").append(extractDate).append("\r\n");
        List<Eg> open = establishments.stream().filter(Eg::open).toList();
        for (Eg e : open) {
            String[] f = new String[32];
            Arrays.fill(f, "");
            f[0] = "structureet";
            f[1] = e.finess();
            f[2] = e.ej();
            f[3] = e.name().length() > 38 ? e.name().substring(0, 38) : e.name();
            f[4] = e.name();
            f[7] = "12";
            f[8] = "R";
            f[9] = "DE LA RÉPUBLIQUE";
            f[12] = "231";
            f[13] = e.departement();
            f[14] = "DÉPARTEMENT " + e.departement();
            f[15] = e.departement() + "000 VILLE-SUR-TEST";
            f[16] = "0380000000";
            f[18] = e.category();
            f[19] = e.categoryLabel();
            f[20] = "1102";
            f[21] = "Centres Hospitaliers";
            f[23] = "8610Z";
            f[24] = "03";
            f[25] = "ARS établissements Publics de santé dotation globale";
            f[28] = "1975-01-01";
            f[29] = "1975-01-01";
            f[30] = "2025-11-03";
            sb.append(String.join(";", f)).append("\r\n");
        }
        int i = 0;
        for (Eg e : open) {
            i++;
            sb.append("geolocalisation;").append(e.finess()).append(';').append(850000 + i * 1000).append(".4;")
                    .append(6600000 + i * 1000).append(".7;1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93;")
                    .append("2025-11-03").append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** @return the EJ extract, UTF-8 bytes */
    public byte[] ejExtract() {
        StringBuilder sb = new StringBuilder("nofinessej;rs;siren;statutjuridique\n");
        for (Ej e : legalEntities) {
            sb.append(e.finess()).append(';').append(e.name()).append(';').append(e.siren()).append(';')
                    .append(e.statut()).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @return the "finess-structures" JSON feed, UTF-8 bytes */
    public byte[] jsonFeed() {
        StringBuilder sb = new StringBuilder("{\"meta\": {\"date\": \"").append(extractDate).append("\"},\n \"pmej\": [");
        boolean firstEj = true;
        for (Ej j : legalEntities) {
            sb.append(firstEj ? "\n" : ",\n");
            firstEj = false;
            sb.append("  {\"informationsGeneralesPmej\": {\"numFinessPm\": \"").append(j.finess())
                    .append("\", \"raisonSociale\": ").append(quote(j.name()));
            if (!j.siren().isEmpty()) {
                sb.append(", \"siren\": \"").append(j.siren()).append('"');
            }
            sb.append(", \"statutJuridique\": {\"code\": \"").append(j.statut())
                    .append("\", \"system\": \"https://mos.esante.gouv.fr/NOS/TRE_R400\"}},\n   \"ege\": [");
            boolean firstEg = true;
            for (Eg g : establishments) {
                if (!g.ej().equals(j.finess())) {
                    continue;
                }
                sb.append(firstEg ? "\n" : ",\n");
                firstEg = false;
                sb.append("    {\"informationsGeneralesEge\": {\"numFinessEge\": \"").append(g.finess())
                        .append("\", \"raisonSociale\": ").append(quote(g.name()))
                        .append(", \"categorieEntiteGeographiqueExercice\": {\"code\": \"").append(g.category())
                        .append("\", \"system\": \"TRE_R66\", \"libelle\": ").append(quote(g.categoryLabel()))
                        .append("}, \"departement\": \"").append(g.departement())
                        .append("\", \"dateOuverture\": \"1975-01-01\"");
                if (g.open()) {
                    sb.append(", \"etatObjet\": \"ACTIF\"}}");
                } else {
                    sb.append(", \"dateFermeture\": \"2024-06-30\", \"etatObjet\": \"FERME\"}}");
                }
            }
            sb.append(firstEg ? "]}" : "\n   ]}");
        }
        sb.append("\n ]}\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param source one of the files
     * @return its bytes
     */
    public byte[] bytes(Source source) {
        return switch (source) {
            case ETALAB_EG -> etalab();
            case EJ_EXTRACT -> ejExtract();
            case JSON_FEED -> jsonFeed();
        };
    }

    /**
     * Writes the chosen files to a folder, named by {@link Source#fileName()}.
     *
     * @param dir the folder (created if needed)
     * @param sources the files to write
     * @return their paths, in the order of {@link Source}
     * @throws IOException when a file cannot be written
     */
    public List<Path> write(Path dir, Set<Source> sources) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (Source s : sources.isEmpty() ? EnumSet.noneOf(Source.class) : EnumSet.copyOf(sources)) {
            Path p = dir.resolve(s.fileName());
            Files.write(p, bytes(s));
            out.add(p);
        }
        return out;
    }

    /**
     * Loads the chosen files with Vigie's {@link FinessLoader} (each file's format detected from its content, as the
     * CLI does), and refuses any rejected line but the duplicates of an EG already loaded from an earlier file: a
     * test built on this directory never runs on half of it.
     *
     * @param sources the files to load (none: an empty directory)
     * @return the directory
     * @throws IllegalStateException when the loader rejected a line or a record
     */
    public InMemoryStructureDirectory directory(Set<Source> sources) {
        FinessLoader loader = new FinessLoader();
        try {
            for (Source s : sources.isEmpty() ? EnumSet.noneOf(Source.class) : EnumSet.copyOf(sources)) {
                byte[] b = bytes(s);
                loader.load(s.fileName(), new ByteArrayInputStream(b), FinessFormat.detect(b, Math.min(b.length, 4096)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LoadResult r = loader.result();
        // an EG carried by two loaded files (etalab and JSON) is kept from the first and reported as a duplicate by
        // the second, as the loader documents; anything else is a broken test file
        List<?> broken = r.rejections().stream()
                .filter(x -> sources.size() < 2 || !x.reason().contains("en double")).toList();
        if (!broken.isEmpty() || r.rejectionCount() > r.rejections().size()) {
            throw new IllegalStateException("FINESS test files rejected: " + broken);
        }
        return r.directory();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }
}
