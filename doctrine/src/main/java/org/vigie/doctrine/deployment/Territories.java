package org.vigie.doctrine.deployment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.vigie.core.Finess;
import org.vigie.core.internal.text.Csv;

/**
 * The département → région table, overseas included, read from the data resource
 * {@code org/vigie/doctrine/deployment/departements.csv} (one line per département: code, other codes seen in FINESS
 * files such as the etalab {@code 9A}…{@code 9F}, name, region code, region name). Regions are the health regions
 * (ARS): Saint-Barthélemy and Saint-Martin belong to Guadeloupe's, Saint-Pierre-et-Miquelon is its own.
 * Immutable and thread-safe.
 */
public final class Territories {

    private static final Territories STANDARD = load();

    private final Map<String, Departement> byCode;
    private final List<Departement> departements;
    private final List<Region> regions;

    private Territories(Map<String, Departement> byCode, List<Departement> departements, List<Region> regions) {
        this.byCode = byCode;
        this.departements = departements;
        this.regions = regions;
    }

    /** @return the table shipped with Vigie */
    public static Territories standard() {
        return STANDARD;
    }

    private static Territories load() {
        Map<String, Departement> byCode = new HashMap<>();
        List<Departement> deps = new ArrayList<>();
        Map<String, Region> regions = new LinkedHashMap<>();
        try (InputStream in = Territories.class.getResourceAsStream("departements.csv")) {
            if (in == null) {
                throw new IllegalStateException("resource departements.csv missing from vigie-doctrine");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(";", -1);
                if (f.length != 5) {
                    throw new IllegalStateException("departements.csv: bad line " + line);
                }
                Region region = regions.computeIfAbsent(f[3], k -> new Region(k, f[4]));
                Departement d = new Departement(f[0], f[2], region);
                deps.add(d);
                byCode.put(f[0], d);
                for (String alias : f[1].split("\\|")) {
                    if (!alias.isEmpty()) {
                        byCode.put(alias, d);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Region> sorted = new ArrayList<>(regions.values());
        java.text.Collator fr = java.text.Collator.getInstance(Locale.FRENCH);
        sorted.sort((a, b) -> fr.compare(a.name(), b.name()));
        return new Territories(Collections.unmodifiableMap(byCode), List.copyOf(deps), List.copyOf(sorted));
    }

    /**
     * @param code a département code as found in FINESS data ({@code 01}, {@code 1}, {@code 2A}, {@code 971},
     *             {@code 9A}…), case and surrounding spaces ignored
     * @return the département, when the table has it
     */
    public Optional<Departement> departement(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byCode.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    /**
     * The département of an establishment: the code given by the directory when the table knows it, else the one
     * read from the FINESS number, else an unknown département (region {@link Region#UNKNOWN}) named after the code.
     *
     * @param code   the département code given by the directory (may be empty)
     * @param finess the establishment's FINESS
     * @return the département, never null
     */
    public Departement locate(String code, Finess finess) {
        Optional<Departement> d = departement(code);
        if (d.isPresent()) {
            return d.get();
        }
        d = departement(finess.departement());
        if (d.isPresent()) {
            return d.get();
        }
        String c = code == null || code.isBlank() ? finess.departement() : code.strip();
        return new Departement(c, "Département inconnu (" + c + ")", Region.UNKNOWN);
    }

    /**
     * @param code a region code ({@code 84}) or, case and accents ignored, a region name ({@code Bretagne})
     * @return the region, when the table has it
     */
    public Optional<Region> region(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String k = Csv.key(code);
        for (Region r : regions) {
            if (r.code().equals(code.strip()) || Csv.key(r.name()).equals(k)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** @return every département of the table, in table order */
    public List<Departement> departements() {
        return departements;
    }

    /** @return every region, by name (French collation) */
    public List<Region> regions() {
        return regions;
    }
}
