package org.vigie.testkit.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.vigie.core.Finess;
import org.vigie.core.ReportJson;

/**
 * Writes realistic synthetic FINESS extracts, deterministically from a seed: the etalab EG extract in its exact
 * format (metadata line, {@code structureet} lines of 32 fields, {@code geolocalisation} lines of 6 fields) and the
 * matching EJ extract ({@code nofinessej;rs;siren;statutjuridique}, with a header row), since the etalab EG extract
 * does not carry the EJs' statut juridique, and the same directory as a "finess-structures" JSON feed (with a few
 * closed EGs).
 *
 * <p>The data mimic the real directory: EJs with several EGs (regional and local public hospitals with their
 * EHPAD and health centres, private clinic groups, multi-site laboratories, EHPAD groups), single-EG EJs
 * (pharmacies, maisons de santé, CPTS), public, private and a few foreign statuts (TRE_R400), the categories of
 * DOMAIN §8 (TRE_R66), départements including {@code 2A}/{@code 2B} and overseas ({@code 971} to {@code 974},
 * {@code 976}), opening dates from 1900 on. Every FINESS, SIREN and SIRET has a valid key. All names are invented.
 *
 * <p>On request ({@link Builder#malformedLines(int)}) malformed lines are inserted at deterministic places: wrong
 * field count, malformed FINESS, unknown line type, duplicate EG. Their line numbers are in the
 * {@link Summary}. Generating 100 000 EG lines takes well under a few seconds. Instances are immutable.
 */
public final class FinessExtractGenerator {

    /** Header row of the EJ extract written by {@link #writeLegalEntities(Path)}. */
    public static final String EJ_HEADER = "nofinessej;rs;siren;statutjuridique";

    private final long seed;
    private final int establishments;
    private final int malformedLines;
    private final boolean geolocations;
    private final Charset charset;
    private final LocalDate extractDate;

    private FinessExtractGenerator(Builder b) {
        this.seed = b.seed;
        this.establishments = b.establishments;
        this.malformedLines = b.malformedLines;
        this.geolocations = b.geolocations;
        this.charset = b.charset;
        this.extractDate = b.extractDate;
    }

    /** @return a builder with the defaults: seed 1, 1 000 EGs, no malformed line, geolocations, UTF-8 */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * What was written.
     *
     * @param legalEntities EJs
     * @param establishments EG ({@code structureet}) lines, malformed ones excluded
     * @param geolocations {@code geolocalisation} lines
     * @param lines all lines of the file, metadata included
     * @param malformedLines 1-based numbers of the malformed lines, ascending
     * @param multiSiteLegalEntities a few EJs with several EGs (for lookups)
     * @param sampleEstablishments a few EGs (for lookups)
     */
    public record Summary(int legalEntities, int establishments, int geolocations, long lines,
                          List<Long> malformedLines, List<Finess> multiSiteLegalEntities,
                          List<Finess> sampleEstablishments) {
        /** Copies the lists. */
        public Summary {
            malformedLines = List.copyOf(malformedLines);
            multiSiteLegalEntities = List.copyOf(multiSiteLegalEntities);
            sampleEstablishments = List.copyOf(sampleEstablishments);
        }
    }

    /**
     * Writes the etalab EG extract.
     *
     * @param file the file to create or replace
     * @return what was written
     * @throws IOException on write failure
     */
    public Summary writeEtalab(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            return writeEtalab(out);
        }
    }

    /**
     * Writes the etalab EG extract (the stream is flushed, not closed).
     *
     * @param out where to write
     * @return what was written
     * @throws IOException on write failure
     */
    public Summary writeEtalab(OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, charset), 1 << 16);
        Model m = new Model(seed);
        Random bad = new Random(seed ^ 0x5DEECE66DL);
        Set<Integer> badAfter = new TreeSet<>();
        while (badAfter.size() < Math.min(malformedLines, Math.max(1, establishments))) {
            badAfter.add(bad.nextInt(Math.max(1, establishments)));
        }
        List<Long> badLines = new ArrayList<>();
        List<Finess> multi = new ArrayList<>();
        List<Finess> samples = new ArrayList<>();
        StringBuilder geo = new StringBuilder();
        long line = 1;
        w.write("finess;etalab;98;" + extractDate + "\n");
        int eg = 0;
        int ejs = 0;
        int geoCount = 0;
        int badKind = 0;
        String lastEgLine = null;
        while (eg < establishments) {
            LegalEntityModel ej = m.nextLegalEntity(establishments - eg);
            ejs++;
            if (ej.sites.size() > 1 && multi.size() < 5) {
                multi.add(ej.finess);
            }
            for (EstablishmentModel e : ej.sites) {
                String l = structureet(ej, e);
                w.write(l);
                w.write('\n');
                line++;
                lastEgLine = l;
                if (samples.size() < 5 && (eg % 997) == 3) {
                    samples.add(e.finess);
                }
                if (geolocations) {
                    geo.append("geolocalisation;").append(e.finess).append(';')
                            .append(e.x).append(';').append(e.y)
                            .append(";1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93;")
                            .append(extractDate).append('\n');
                    geoCount++;
                }
                if (badAfter.contains(eg)) {
                    w.write(malformed(badKind++, e, lastEgLine, bad));
                    w.write('\n');
                    line++;
                    badLines.add(line);
                }
                eg++;
            }
        }
        if (geolocations) {
            w.write(geo.toString());
            line += geoCount;
        }
        w.flush();
        return new Summary(ejs, eg, geoCount, line, badLines, multi, samples);
    }

    /**
     * Writes the EJ extract matching {@link #writeEtalab(Path)} (same seed and size give the same EJs).
     *
     * @param file the file to create or replace
     * @return the number of EJs written
     * @throws IOException on write failure
     */
    public int writeLegalEntities(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            return writeLegalEntities(out);
        }
    }

    /**
     * Writes the EJ extract (the stream is flushed, not closed).
     *
     * @param out where to write
     * @return the number of EJs written
     * @throws IOException on write failure
     */
    public int writeLegalEntities(OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, charset), 1 << 16);
        w.write(EJ_HEADER + "\n");
        Model m = new Model(seed);
        int eg = 0;
        int ejs = 0;
        while (eg < establishments) {
            LegalEntityModel ej = m.nextLegalEntity(establishments - eg);
            eg += ej.sites.size();
            ejs++;
            w.write(ej.finess + ";" + ej.name + ";" + ej.siren + ";" + ej.statut + "\n");
        }
        w.flush();
        return ejs;
    }

    /**
     * Writes the JSON feed of {@link #writeJsonFeed(OutputStream)} to a file.
     *
     * @param file the file to create or replace
     * @return the number of EGs written closed
     * @throws IOException on write failure
     */
    public int writeJsonFeed(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            return writeJsonFeed(out);
        }
    }

    /**
     * Writes the same EJs and EGs as the "finess-structures" JSON feed (the stream is flushed, not closed). Unlike
     * the etalab extract, which lists open establishments only, the feed marks about 2 % of the EGs closed
     * ({@code dateFermeture} and {@code etatObjet} {@code FERME}), so that closed structures can be tested. Codes are
     * written as {@code {code, system}} objects and keys with the ANS schema spelling.
     *
     * @param out where to write
     * @return the number of EGs written closed
     * @throws IOException on write failure
     */
    public int writeJsonFeed(OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        Model m = new Model(seed);
        Random closing = new Random(seed ^ 0x2545F4914F6CDD1DL);
        w.write("{\"meta\": {\"source\": \"vigie synthetic\", \"date\": \"" + extractDate + "\"},\n \"pmej\": [");
        int eg = 0;
        int closed = 0;
        boolean firstEj = true;
        while (eg < establishments) {
            LegalEntityModel ej = m.nextLegalEntity(establishments - eg);
            w.write(firstEj ? "\n  " : ",\n  ");
            firstEj = false;
            w.write("{\"informationsGeneralesPmej\": {\"numFinessPm\": " + json(ej.finess.value())
                    + ", \"raisonSociale\": " + json(ej.name) + ", \"siren\": " + json(ej.siren)
                    + ", \"statutJuridique\": {\"code\": " + json(ej.statut)
                    + ", \"system\": \"https://mos.esante.gouv.fr/NOS/TRE_R400\"}},\n   \"ege\": [");
            boolean firstEg = true;
            for (EstablishmentModel e : ej.sites) {
                w.write(firstEg ? "\n    " : ",\n    ");
                firstEg = false;
                boolean isClosed = closing.nextInt(50) == 0;
                w.write("{\"numFinessEge\": " + json(e.finess.value()) + ", \"raisonSociale\": " + json(e.longName)
                        + (e.siret.isEmpty() ? "" : ", \"siret\": " + json(e.siret))
                        + ", \"categorieEntiteGeographiqueExercice\": {\"code\": " + json(e.category.code)
                        + ", \"system\": \"https://mos.esante.gouv.fr/NOS/TRE_R66\", \"libelle\": "
                        + json(e.category.label) + "}, \"departement\": " + json(e.dep.code)
                        + ", \"dateOuverture\": " + json(e.opened.toString()));
                if (isClosed) {
                    LocalDate on = e.updated.isAfter(e.opened) ? e.updated : e.opened.plusYears(1);
                    w.write(", \"dateFermeture\": " + json(on.toString()) + ", \"etatObjet\": \"FERME\"");
                    closed++;
                } else {
                    w.write(", \"etatObjet\": \"ACTIF\"");
                }
                w.write("}");
                eg++;
            }
            w.write("]}");
        }
        w.write("\n]}\n");
        w.flush();
        return closed;
    }

    /** A JSON string literal, escaped as Vigie's own JSON output is (the one escaper, {@link ReportJson#str}). */
    private static String json(String s) {
        return ReportJson.str(s);
    }

    private String malformed(int kind, EstablishmentModel e, String lastEgLine, Random r) {
        switch (kind % 4) {
            case 0: // one field missing
                return lastEgLine.substring(0, lastEgLine.lastIndexOf(';'));
            case 1: { // FINESS of 8 characters
                String l = lastEgLine.replaceFirst("^structureet;[0-9A-Z]{9};", "structureet;"
                        + e.finess.value().substring(0, 8) + ";");
                return l;
            }
            case 2:
                return "structurexx;" + e.finess + ";ligne de type inconnu";
            default: // duplicate of the previous EG line
                return lastEgLine;
        }
    }

    private static String structureet(LegalEntityModel ej, EstablishmentModel e) {
        String[] f = new String[32];
        java.util.Arrays.fill(f, "");
        f[0] = "structureet";
        f[1] = e.finess.value();
        f[2] = ej.finess.value();
        f[3] = e.shortName;
        f[4] = e.longName;
        f[7] = Integer.toString(e.streetNumber);
        f[8] = e.streetType;
        f[9] = e.street;
        f[12] = e.commune;
        f[13] = e.dep.code;
        f[14] = e.dep.label;
        f[15] = e.postcode + " " + e.dep.city.toUpperCase(java.util.Locale.ROOT);
        f[16] = e.phone;
        f[18] = e.category.code;
        f[19] = e.category.label;
        f[20] = e.category.aggregate;
        f[21] = e.category.aggregateLabel;
        f[22] = e.siret;
        f[23] = e.category.ape;
        f[26] = ej.publicSector && e.category.hospital ? "1" : (e.category.hospital ? "0" : "");
        f[27] = ej.publicSector && e.category.hospital ? "Etablissement public de santé"
                : (e.category.hospital ? "Pas de participation au SPH" : "");
        f[28] = e.opened.toString();
        f[29] = e.opened.toString();
        f[30] = e.updated.toString();
        return String.join(";", f);
    }

    // ------------------------------------------------------------------------------------------------------------
    // model

    private record Dep(String code, String label, String city, String postcode) {
    }

    private static final Dep[] DEPS = {
        new Dep("01", "AIN", "Bourg-en-Bresse", "01000"), new Dep("06", "ALPES MARITIMES", "Nice", "06000"),
        new Dep("13", "BOUCHES DU RHONE", "Marseille", "13005"), new Dep("14", "CALVADOS", "Caen", "14000"),
        new Dep("2A", "CORSE DU SUD", "Ajaccio", "20000"), new Dep("2B", "HAUTE CORSE", "Bastia", "20200"),
        new Dep("21", "COTE D'OR", "Dijon", "21000"), new Dep("29", "FINISTERE", "Brest", "29200"),
        new Dep("31", "HAUTE GARONNE", "Toulouse", "31000"), new Dep("33", "GIRONDE", "Bordeaux", "33000"),
        new Dep("34", "HERAULT", "Montpellier", "34000"), new Dep("35", "ILLE ET VILAINE", "Rennes", "35000"),
        new Dep("38", "ISERE", "Grenoble", "38000"), new Dep("44", "LOIRE ATLANTIQUE", "Nantes", "44000"),
        new Dep("45", "LOIRET", "Orléans", "45000"), new Dep("57", "MOSELLE", "Metz", "57000"),
        new Dep("59", "NORD", "Lille", "59000"), new Dep("63", "PUY DE DOME", "Clermont-Ferrand", "63000"),
        new Dep("67", "BAS RHIN", "Strasbourg", "67000"), new Dep("69", "RHONE", "Lyon", "69003"),
        new Dep("72", "SARTHE", "Le Mans", "72000"), new Dep("75", "PARIS", "Paris", "75013"),
        new Dep("76", "SEINE MARITIME", "Rouen", "76000"), new Dep("80", "SOMME", "Amiens", "80000"),
        new Dep("86", "VIENNE", "Poitiers", "86000"), new Dep("87", "HAUTE VIENNE", "Limoges", "87000"),
        new Dep("92", "HAUTS DE SEINE", "Nanterre", "92000"), new Dep("93", "SEINE SAINT DENIS", "Bobigny", "93000"),
        new Dep("971", "GUADELOUPE", "Pointe-à-Pitre", "97110"), new Dep("972", "MARTINIQUE", "Fort-de-France",
            "97200"),
        new Dep("973", "GUYANE", "Cayenne", "97300"), new Dep("974", "LA REUNION", "Saint-Denis", "97400"),
        new Dep("976", "MAYOTTE", "Mamoudzou", "97600"),
    };

    private record Category(String code, String label, String aggregate, String aggregateLabel, String ape,
                            boolean hospital) {
    }

    private static final Category CHR = new Category("101", "Centre Hospitalier Régional (C.H.R.)", "1101",
            "Centres Hospitaliers Régionaux", "8610Z", true);
    private static final Category CH_EX_HL = new Category("106", "Centre hospitalier, ex Hôpital local", "1102",
            "Centres Hospitaliers", "8610Z", true);
    private static final Category CH = new Category("355", "Centre Hospitalier (C.H.)", "1102",
            "Centres Hospitaliers", "8610Z", true);
    private static final Category CHS = new Category("292", "Centre Hospitalier Spécialisé lutte Maladies Mentales",
            "1103", "Etablissements Hospitaliers de Lutte contre les Maladies Mentales", "8610Z", true);
    private static final Category ESPLURI = new Category("365", "Etablissement de Soins Pluridisciplinaire", "1106",
            "Autres Etablissements de Soins Pluridisciplinaires", "8610Z", true);
    private static final Category DIALYSE = new Category("141", "Centre de Dialyse", "1109",
            "Etablissements de Soins Spécialisés", "8610Z", true);
    private static final Category ALT_DIALYSE = new Category("146", "Structure d'Alternative à la dialyse en centre",
            "1109", "Etablissements de Soins Spécialisés", "8610Z", true);
    private static final Category CENTRE_SANTE = new Category("124", "Centre de Santé", "2202",
            "Centres de Santé", "8622C", false);
    private static final Category MSP = new Category("603", "Maison de santé (L.6223-3)", "2202",
            "Centres de Santé", "8621Z", false);
    private static final Category CPTS = new Category("604", "Communauté Professionnelle Territoriale de Santé",
            "2206", "Autres Etablissements de Soins et Prévention", "8690F", false);
    private static final Category LABO = new Category("611", "Laboratoire de Biologie Médicale", "2301",
            "Laboratoires d'Analyses", "8690B", false);
    private static final Category PHARMACIE = new Category("620", "Pharmacie d'Officine", "3401",
            "Pharmacies d'Officine", "4773Z", false);
    private static final Category EHPAD = new Category("500", "Etablissement d'hébergement pour personnes âgées "
            + "dépendantes", "4401", "Etablissements et Services pour Personnes Agées", "8710A", false);

    private static final String[] PUBLIC_STATUTS = {"11", "13", "14", "15", "17", "21", "22", "26"};
    private static final String[] PRIVATE_STATUTS = {"41", "47", "48", "49", "60", "61", "62", "63", "64", "71", "72",
        "73", "95"};
    private static final String[] SAINTS = {"SAINT JOSEPH", "LES TILLEULS", "DU PARC", "DES LILAS", "SAINTE ANNE",
        "LE VAL FLEURI", "DU CENTRE", "DE LA GARE", "DES ROSES", "PASTEUR", "LES CEDRES", "DU MOULIN", "BEAU SOLEIL",
        "DE L'EGLISE", "DU MARCHE", "LA ROSERAIE", "MONTAIGNE", "VOLTAIRE", "LES CHÊNES", "L'ÉTOILE"};
    private static final String[] STREETS = {"RUE", "AV", "BD", "CHE", "PL", "RTE", "ALL"};
    private static final String[] STREET_NAMES = {"DE LA REPUBLIQUE", "VICTOR HUGO", "JEAN JAURES", "DU GENERAL "
        + "DE GAULLE", "PASTEUR", "DES ECOLES", "DE LA PAIX", "GAMBETTA", "DE L'HÔPITAL", "DES ÉCOLES"};

    private static final class LegalEntityModel {
        Finess finess;
        String name;
        String siren;
        String statut;
        boolean publicSector;
        final List<EstablishmentModel> sites = new ArrayList<>();
    }

    private static final class EstablishmentModel {
        Finess finess;
        String shortName;
        String longName;
        Category category;
        Dep dep;
        String commune;
        String postcode;
        int streetNumber;
        String streetType;
        String street;
        String phone;
        String siret;
        LocalDate opened;
        LocalDate updated;
        String x;
        String y;
    }

    private static String pad(int n, int width) {
        StringBuilder b = new StringBuilder(Integer.toString(n));
        while (b.length() < width) {
            b.insert(0, '0');
        }
        return b.toString();
    }

    /** Deterministic stream of EJs with their EGs. */
    private static final class Model {
        private final Random r;
        private final Set<String> used = new HashSet<>();
        private final Set<String> sirens = new HashSet<>();

        Model(long seed) {
            this.r = new Random(seed);
        }

        LegalEntityModel nextLegalEntity(int remaining) {
            LegalEntityModel ej = new LegalEntityModel();
            Dep dep = DEPS[r.nextInt(DEPS.length)];
            int p = r.nextInt(1000);
            String place = dep.city.toUpperCase(java.util.Locale.ROOT);
            List<Category> cats = new ArrayList<>();
            if (p < 4) { // CHR/CHU group
                ej.publicSector = true;
                ej.name = "CHR DE " + place;
                cats.add(CHR);
                add(cats, CH, 2 + r.nextInt(7));
                add(cats, EHPAD, r.nextInt(4));
                add(cats, CENTRE_SANTE, r.nextInt(3));
                add(cats, CHS, r.nextInt(2));
            } else if (p < 24) {
                ej.publicSector = true;
                ej.name = "CENTRE HOSPITALIER DE " + place + " " + (r.nextInt(90) + 10);
                cats.add(r.nextInt(4) == 0 ? CH_EX_HL : CH);
                add(cats, EHPAD, r.nextInt(4));
            } else if (p < 29) {
                ej.publicSector = true;
                ej.name = "CHS " + pick(SAINTS);
                cats.add(CHS);
                add(cats, CENTRE_SANTE, r.nextInt(3));
            } else if (p < 39) {
                ej.name = "GROUPE CLINIQUES " + pick(SAINTS);
                add(cats, ESPLURI, 2 + r.nextInt(5));
                add(cats, DIALYSE, r.nextInt(2));
            } else if (p < 47) {
                ej.name = "ASSOCIATION DIALYSE " + place;
                cats.add(DIALYSE);
                add(cats, ALT_DIALYSE, 1 + r.nextInt(4));
            } else if (p < 62) {
                ej.name = "SELAS BIOLOGIE " + pick(SAINTS);
                add(cats, LABO, 2 + r.nextInt(24));
            } else if (p < 180) {
                ej.publicSector = r.nextInt(4) == 0;
                ej.name = (ej.publicSector ? "CCAS DE " + place : "ASSOCIATION " + pick(SAINTS));
                add(cats, EHPAD, 1 + r.nextInt(r.nextInt(8) == 0 ? 8 : 2));
            } else if (p < 730) {
                ej.name = "PHARMACIE " + pick(SAINTS);
                cats.add(PHARMACIE);
            } else if (p < 810) {
                ej.name = "SISA MSP " + pick(SAINTS);
                cats.add(MSP);
            } else if (p < 840) {
                ej.name = "CPTS " + place;
                cats.add(CPTS);
            } else if (p < 900) {
                ej.publicSector = r.nextInt(5) == 0;
                ej.name = (ej.publicSector ? "COMMUNE DE " : "MUTUELLE ") + place;
                add(cats, CENTRE_SANTE, 1 + r.nextInt(3));
            } else if (p < 990) {
                ej.name = "PHARMACIE DE " + place;
                cats.add(PHARMACIE);
            } else {
                ej.name = "SELARL LABORATOIRE " + place;
                cats.add(LABO);
            }
            while (cats.size() > remaining) {
                cats.remove(cats.size() - 1);
            }
            if (ej.publicSector) {
                ej.statut = pick(PUBLIC_STATUTS);
            } else {
                ej.statut = r.nextInt(500) == 0 ? "90" : pick(PRIVATE_STATUTS);
            }
            ej.finess = newFiness(dep);
            ej.siren = newSiren(ej.publicSector);
            int nic = 10 + r.nextInt(40);
            for (Category c : cats) {
                Dep d = r.nextInt(10) == 0 ? DEPS[r.nextInt(DEPS.length)] : dep;
                ej.sites.add(site(ej, c, d, nic));
                nic += 1 + r.nextInt(5);
            }
            return ej;
        }

        private void add(List<Category> cats, Category c, int n) {
            for (int i = 0; i < n; i++) {
                cats.add(c);
            }
        }

        private String pick(String[] a) {
            return a[r.nextInt(a.length)];
        }

        private EstablishmentModel site(LegalEntityModel ej, Category c, Dep d, int nic) {
            EstablishmentModel e = new EstablishmentModel();
            e.finess = newFiness(d);
            e.category = c;
            e.dep = d;
            e.commune = d.postcode.substring(2);
            e.postcode = d.postcode;
            String base = switch (c.code) {
                case "101" -> "CHR " + d.city.toUpperCase(java.util.Locale.ROOT);
                case "355", "106" -> "CH " + d.city.toUpperCase(java.util.Locale.ROOT);
                case "292" -> "CHS " + pick(SAINTS);
                case "365" -> "CLINIQUE " + pick(SAINTS);
                case "141", "146" -> "UNITE DE DIALYSE " + pick(SAINTS);
                case "124" -> "CENTRE DE SANTE " + pick(SAINTS);
                case "603" -> "MSP " + pick(SAINTS);
                case "604" -> "CPTS " + d.city.toUpperCase(java.util.Locale.ROOT);
                case "611" -> "LBM " + pick(SAINTS);
                case "620" -> "PHARMACIE " + pick(SAINTS);
                default -> "EHPAD " + pick(SAINTS);
            };
            e.shortName = base.length() > 38 ? base.substring(0, 38) : base;
            e.longName = base + (r.nextBoolean() ? "" : " - SITE " + (1 + r.nextInt(9)));
            e.streetNumber = 1 + r.nextInt(300);
            e.streetType = pick(STREETS);
            e.street = pick(STREET_NAMES);
            e.phone = "0" + (1 + r.nextInt(5)) + pad(r.nextInt(100_000_000), 8);
            String nicPayload = pad(nic % 10000, 4);
            String payload = ej.siren + nicPayload;
            e.siret = r.nextInt(20) == 0 ? "" : payload + luhnDigit(payload);
            int year = r.nextInt(10) == 0 ? 1900 + r.nextInt(60) : 1960 + r.nextInt(65);
            e.opened = LocalDate.of(year, 1 + r.nextInt(12), 1 + r.nextInt(28));
            e.updated = LocalDate.of(2020 + r.nextInt(6), 1 + r.nextInt(12), 1 + r.nextInt(28));
            e.x = (100_000 + r.nextInt(1_100_000)) + "." + r.nextInt(10);
            e.y = (6_050_000 + r.nextInt(1_050_000)) + "." + r.nextInt(10);
            return e;
        }

        private Finess newFiness(Dep d) {
            while (true) {
                String prefix;
                if (d.code.length() == 3 && d.code.startsWith("97") && !d.code.equals("976")) {
                    prefix = "970" + d.code.charAt(2);
                } else if (d.code.equals("976")) {
                    prefix = "98";
                } else {
                    prefix = d.code;
                }
                StringBuilder b = new StringBuilder(prefix);
                b.append(r.nextInt(10) < 6 ? '0' : Character.forDigit(r.nextInt(10), 10));
                while (b.length() < 8) {
                    b.append((char) ('0' + r.nextInt(10)));
                }
                String keyed = b.toString().replace("2A", "20").replace("2B", "20");
                String v = b.toString() + luhnDigit(keyed.substring(0, 8));
                if (used.add(v)) {
                    return Finess.parse(v);
                }
            }
        }

        private String newSiren(boolean publicSector) {
            while (true) {
                StringBuilder b = new StringBuilder();
                b.append(publicSector ? '2' : (char) ('3' + r.nextInt(6)));
                while (b.length() < 8) {
                    b.append((char) ('0' + r.nextInt(10)));
                }
                String v = b.toString() + luhnDigit(b);
                if (!v.startsWith("356000000") && sirens.add(v)) {
                    return v;
                }
            }
        }
    }

    /** Builder of {@link FinessExtractGenerator}. */
    public static final class Builder {
        private long seed = 1;
        private int establishments = 1000;
        private int malformedLines;
        private boolean geolocations = true;
        private Charset charset = StandardCharsets.UTF_8;
        private LocalDate extractDate = LocalDate.of(2026, 5, 12);

        private Builder() {
        }

        /**
         * @param seed the seed (same seed and settings, same bytes)
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param count number of EG ({@code structureet}) lines, at least 1 (default 1 000)
         * @return this builder
         */
        public Builder establishments(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("at least one establishment");
            }
            this.establishments = count;
            return this;
        }

        /**
         * @param count number of malformed lines to insert, at most the number of EGs (default 0)
         * @return this builder
         */
        public Builder malformedLines(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("malformed lines must be >= 0");
            }
            this.malformedLines = count;
            return this;
        }

        /**
         * @param write whether to write a {@code geolocalisation} line per EG (default true)
         * @return this builder
         */
        public Builder geolocations(boolean write) {
            this.geolocations = write;
            return this;
        }

        /**
         * @param charset UTF-8 (default) or ISO-8859-1 (the real file has been seen in both)
         * @return this builder
         */
        public Builder charset(Charset charset) {
            this.charset = Objects.requireNonNull(charset, "charset");
            return this;
        }

        /**
         * @param date the date of the metadata line (default 2026-05-12)
         * @return this builder
         */
        public Builder extractDate(LocalDate date) {
            this.extractDate = Objects.requireNonNull(date, "date");
            return this;
        }

        /** @return the generator */
        public FinessExtractGenerator build() {
            return new FinessExtractGenerator(this);
        }
    }

    /**
     * The Luhn (mod 10) digit that completes {@code payload}: the generator computes its own keys rather than borrow
     * the validator's (the test kit stays independent of what it feeds).
     */
    static int luhnDigit(CharSequence payload) {
        int sum = 0;
        boolean doubled = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("not a digit at " + i + ": " + payload);
            }
            if (doubled) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }
}
