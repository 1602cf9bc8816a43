package org.vigie.saml;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A versioned value set of {@code Secteur_Activite} codes (code system TRE_R02, OID 1.2.250.1.71.4.2.4).
 * Two ship with the library: {@link #jdvJ61()} (JDV_J61-HealthcareFacilityTypeCode-DMP, 2024-09-27, the default)
 * and {@link #jdvJ02()} (JDV_J02-XdsHealthcareFacilityTypeCode-CISIS, 2026-02-23). Immutable.
 */
public final class SectorValueSet {

    /** Code system of Secteur_Activite (TRE_R02-SecteurActivite). */
    public static final String CODE_SYSTEM = "1.2.250.1.71.4.2.4";

    private static volatile SectorValueSet j61;
    private static volatile SectorValueSet j02;

    private final String name;
    private final String oid;
    private final String version;
    private final Map<String, String> labels;

    private SectorValueSet(String name, String oid, String version, Map<String, String> labels) {
        this.name = Objects.requireNonNull(name, "name");
        this.oid = oid == null ? "" : oid;
        this.version = version == null ? "" : version;
        this.labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /** JDV_J61-HealthcareFacilityTypeCode-DMP (OID 1.2.250.1.213.1.1.5.3), version 2024-09-27: the default. */
    public static SectorValueSet jdvJ61() {
        SectorValueSet s = j61;
        if (s == null) {
            s = resource("JDV_J61-2024-09-27.txt");
            j61 = s;
        }
        return s;
    }

    /** JDV_J02-XdsHealthcareFacilityTypeCode-CISIS (OID 1.2.250.1.213.1.1.5.466), version 2026-02-23 (TRE_R02 codes). */
    public static SectorValueSet jdvJ02() {
        SectorValueSet s = j02;
        if (s == null) {
            s = resource("JDV_J02-2026-02-23.txt");
            j02 = s;
        }
        return s;
    }

    /** An integrator-defined value set. */
    public static SectorValueSet of(String name, String version, Set<String> codes) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : codes) {
            m.put(Objects.requireNonNull(c, "code"), "");
        }
        return new SectorValueSet(name, "", version, m);
    }

    /**
     * Reads a value set in the shipped text format: a first comment line {@code # <name>, OID <oid>, version <v>},
     * other {@code #} lines ignored, then one {@code CODE<TAB>label} a line (UTF-8).
     *
     * @throws UncheckedIOException when the stream cannot be read
     * @throws IllegalArgumentException when a line is malformed
     */
    public static SectorValueSet parse(InputStream in) {
        Objects.requireNonNull(in, "in");
        String name = "";
        String oid = "";
        String version = "";
        Map<String, String> labels = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean first = true;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    if (first) {
                        String[] parts = line.substring(1).split(",");
                        name = parts[0].strip();
                        for (String p : parts) {
                            String t = p.strip();
                            if (t.startsWith("OID ")) {
                                oid = t.substring(4).strip();
                            } else if (t.startsWith("version ")) {
                                version = t.substring(8).strip().split("\\s")[0];
                            }
                        }
                    }
                    first = false;
                    continue;
                }
                first = false;
                String[] cols = line.split("\t", 2);
                String code = cols[0].strip();
                if (code.isEmpty() || code.contains(" ")) {
                    throw new IllegalArgumentException("value set line " + n + ": malformed code: " + line);
                }
                labels.put(code, cols.length > 1 ? cols[1].strip() : "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read value set", e);
        }
        if (name.isEmpty()) {
            name = "value set";
        }
        return new SectorValueSet(name, oid, version, labels);
    }

    private static SectorValueSet resource(String file) {
        InputStream in = SectorValueSet.class.getResourceAsStream(file);
        if (in == null) {
            throw new IllegalStateException("missing value set resource " + file);
        }
        return parse(in);
    }

    public String name() {
        return name;
    }

    /** The value set OID, empty when unknown. */
    public String oid() {
        return oid;
    }

    public String version() {
        return version;
    }

    public Set<String> codes() {
        return labels.keySet();
    }

    public boolean contains(String code) {
        return labels.containsKey(code);
    }

    /** The label of a code, when the code belongs to the set and has one. */
    public Optional<String> label(String code) {
        String l = labels.get(code);
        return l == null || l.isEmpty() ? Optional.empty() : Optional.of(l);
    }

    @Override
    public String toString() {
        return name + (version.isEmpty() ? "" : " " + version) + " (" + labels.size() + " codes)";
    }
}
