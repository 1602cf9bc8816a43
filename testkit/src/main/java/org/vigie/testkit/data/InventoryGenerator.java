package org.vigie.testkit.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

import org.vigie.core.Establishment;
import org.vigie.core.Finess;
import org.vigie.core.InMemoryStructureDirectory;

/**
 * Writes a realistic synthetic CSV inventory of deployed certificates for a directory, deterministically from a
 * seed (for demonstrations and scale runs; the format is the one {@code org.vigie.doctrine.deployment.InventoryReader} reads). Each legal entity
 * with active establishments offers the certificates the doctrine asks of it (an EJ certificate for hospitals and
 * médico-social bodies, one per EG for pharmacies and maisons/centres de santé, the main site's for laboratories);
 * a random subset of them is deployed, up to the requested count, with the field's usual defects: legacy EG
 * certificates in hospitals, pharmacies certified under their EJ, expired certificates, certificates ending within
 * 90 days, INSi certificates (some badly named) and a few holders unknown to the directory. Immutable.
 */
public final class InventoryGenerator {

    /** Header row written. */
    public static final String HEADER = "holder;cn;serial;not_after;usages;software;type";

    private final long seed;
    private final int count;
    private final LocalDate at;

    private InventoryGenerator(long seed, int count, LocalDate at) {
        this.seed = seed;
        this.count = count;
        this.at = at;
    }

    /**
     * @param seed  the seed (same seed, directory and count, same bytes)
     * @param count certificates to write, at least 1
     * @param at    the date validity periods are drawn around
     * @return the generator
     */
    public static InventoryGenerator of(long seed, int count, LocalDate at) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1");
        }
        return new InventoryGenerator(seed, count, Objects.requireNonNull(at, "at"));
    }

    private record Slot(Finess ej, Kind corridor, List<Establishment> egs) {
    }

    /**
     * Writes the inventory.
     *
     * @param directory the directory
     * @param file      the file to create or replace
     * @return the number of certificates written
     * @throws IOException on write failure
     */
    public int write(InMemoryStructureDirectory directory, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            return write(directory, out);
        }
    }

    /**
     * Writes the inventory (the stream is flushed, not closed).
     *
     * @param directory the directory
     * @param out       where to write
     * @return the number of certificates written
     * @throws IOException on write failure
     */
    public int write(InMemoryStructureDirectory directory, OutputStream out) throws IOException {
        Map<Finess, List<Establishment>> byEj = new LinkedHashMap<>();
        directory.establishments().filter(Establishment::active)
                .forEach(e -> byEj.computeIfAbsent(e.legalEntity(), k -> new ArrayList<>(2)).add(e));
        List<Slot> slots = new ArrayList<>();
        for (Map.Entry<Finess, List<Establishment>> e : byEj.entrySet()) {
            Optional<Kind> c = kindOf(e.getValue());
            if (c.isEmpty()) {
                continue;
            }
            if (c.get() == Kind.PHARMACY || c.get() == Kind.TOWN_MEDICINE) {
                for (Establishment eg : e.getValue()) {
                    slots.add(new Slot(e.getKey(), c.get(), List.of(eg)));
                }
            } else {
                slots.add(new Slot(e.getKey(), c.get(), e.getValue()));
            }
        }
        Random r = new Random(seed);
        Collections.shuffle(slots, r);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write(HEADER + "\n");
        int written = 0;
        long serial = 0x1000;
        for (int i = 0; written < count; i++) {
            Slot s = i < slots.size() ? slots.get(i) : null;
            int p = r.nextInt(1000);
            if (s == null || p < 5) { // holder unknown to the directory
                written += line(w, "1" + unknownFiness(r), "LPS INCONNU", serial++, end(r, p), "DMP", r);
                continue;
            }
            String ej = "1" + s.ej().value();
            switch (s.corridor()) {
                case HOSPITAL, MEDICO_SOCIAL -> {
                    if (p < 90 && s.egs().size() > 1) { // legacy EG certificates kept until renewal
                        for (Establishment eg : s.egs()) {
                            if (written < count) {
                                written += line(w, "1" + eg.finess().value(), "DPI " + eg.finess().value(),
                                        serial++, end(r, r.nextInt(1000)), "DMP|MSSANTE", r);
                            }
                        }
                    } else {
                        written += line(w, ej, "DPI " + s.ej().value(), serial++, end(r, p), "DMP|MSSANTE", r);
                    }
                }
                case LABORATORY -> written += line(w, "1" + s.egs().get(0).finess().value(), "SGL "
                        + s.ej().value(), serial++, end(r, p), "DMP", r);
                default -> {
                    String holder = p < 60 ? ej : "1" + s.egs().get(0).finess().value();
                    written += line(w, holder, "LGO " + s.egs().get(0).finess().value(), serial++, end(r, p), "DMP",
                            r);
                }
            }
            if (written < count && p > 960) { // an INSi certificate too
                String cn = p > 990 ? "INSI " + s.ej().value() : (p % 2 == 0 ? "INSI-AUTO" : "INSI-MANU");
                written += line(w, s.corridor() == Kind.HOSPITAL || s.corridor() == Kind.MEDICO_SOCIAL ? ej
                        : "1" + s.egs().get(0).finess().value(), cn, serial++, end(r, r.nextInt(1000)), "INSI", r);
            }
        }
        w.flush();
        return written;
    }

    /**
     * The kind of legal entity the generator writes certificates for, named like the doctrine's corridors
     * ({@code org.vigie.doctrine.Corridor}) but stated here, so that the test kit does not depend on the doctrine it
     * feeds: a test in the doctrine module compares the two.
     */
    public enum Kind {
        /** Hospital (EJ certificate). */
        HOSPITAL,
        /** Médico-social body (EJ certificate). */
        MEDICO_SOCIAL,
        /** Laboratory (main-site EG certificate). */
        LABORATORY,
        /** Pharmacy (EG certificate). */
        PHARMACY,
        /** Maison or centre de santé (EG certificate). */
        TOWN_MEDICINE
    }

    /**
     * The corridor whose certificates this generator writes for a legal entity, stated here from the FINESS
     * categories (TRE_R66, DOMAIN §8) rather than asked of the analyzer, so that the generated data is not shaped by
     * the code that judges it: an EJ with a hospital site (101, 106, 355, 292, 365, 141, 146 and the other sanitary
     * categories 128, 129, 362) is a hospital; otherwise with a médico-social site (500 EHPAD, 202, 207, 183, 252, 255,
     * 354, 437) a médico-social body; otherwise a laboratory (611), a pharmacy (620), a maison or centre de santé
     * (603, 124), in that order; none for anything else (a CPTS, 604, orders no certificate).
     *
     * @param egs the active establishments of one legal entity
     * @return the kind of the certificates generated for it, empty when none is generated
     */
    public static Optional<Kind> kindOf(List<Establishment> egs) {
        int best = KINDS.size();
        for (Establishment e : egs) {
            String code = e.categoryCode() == null ? "" : e.categoryCode().trim();
            for (int k = 0; k < best; k++) {
                if (KINDS.get(k).contains(code)) {
                    best = k;
                    break;
                }
            }
        }
        return best == KINDS.size() ? Optional.empty() : Optional.of(KIND_CORRIDORS.get(best));
    }

    /** Category codes of each kind of legal entity, the first listed winning (see {@link #kindOf(List)}). */
    private static final List<java.util.Set<String>> KINDS = List.of(
            java.util.Set.of("101", "106", "355", "292", "365", "141", "146", "128", "129", "362"),
            java.util.Set.of("500", "202", "207", "183", "252", "255", "354", "437"),
            java.util.Set.of("611"),
            java.util.Set.of("620"),
            java.util.Set.of("603", "124"));
    private static final List<Kind> KIND_CORRIDORS = List.of(Kind.HOSPITAL, Kind.MEDICO_SOCIAL,
            Kind.LABORATORY, Kind.PHARMACY, Kind.TOWN_MEDICINE);

    private LocalDate end(Random r, int p) {
        if (p > 900) {
            return at.minusDays(1 + r.nextInt(400)); // expired
        }
        if (p > 830) {
            return at.plusDays(r.nextInt(90)); // ending soon
        }
        return at.plusDays(90 + r.nextInt(3 * 365));
    }

    private static String unknownFiness(Random r) {
        StringBuilder b = new StringBuilder("99");
        while (b.length() < 9) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    private static final String[] SOFTWARE = {"DxCare", "Hopital Manager", "Easily", "Sillage", "Osiris", "Netsoins",
        "Titan", "LGPI", "Winpharma", "Smart Rx", "Hellodoc", "Weda", "Kalisil", "Hexalis"};

    private static int line(Writer w, String holder, String cn, long serial, LocalDate end, String usages, Random r)
            throws IOException {
        w.write(holder);
        w.write(';');
        w.write(cn);
        w.write(';');
        w.write(Long.toHexString(serial).toUpperCase(java.util.Locale.ROOT));
        w.write(';');
        w.write(end.toString());
        w.write(';');
        w.write(usages);
        w.write(';');
        w.write(SOFTWARE[r.nextInt(SOFTWARE.length)]);
        w.write(";AUTH\n");
        return 1;
    }
}
