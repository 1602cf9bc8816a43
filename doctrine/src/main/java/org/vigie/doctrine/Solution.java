package org.vigie.doctrine;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.vigie.core.Finess;

/**
 * A software solution of the organisation's information system (DPI, DUI, PFI, LGO, SGL, RIS…) and the EGs it
 * serves.
 *
 * @param id     short id, unique in the organisation (used by certificates to say where they are installed)
 * @param kind   kind of solution, free text (e.g. {@code DPI}, {@code DUI}, {@code PFI})
 * @param name   product name (may be empty)
 * @param sites  the EGs it serves; empty means every site of every member (and members without sites)
 * @param usages the services it calls with an organisation certificate; empty means {@link Usage#DMP}
 * @param insiCn the CN its INSi certificate must carry when it calls INSi: {@code INSI-AUTO} (default) or
 *               {@code INSI-MANU}
 */
public record Solution(String id, String kind, String name, List<Finess> sites, Set<Usage> usages, String insiCn) {

    /** CN of an INSi certificate for unattended calls. */
    public static final String INSI_AUTO = "INSI-AUTO";
    /** CN of an INSi certificate for calls made by a user. */
    public static final String INSI_MANU = "INSI-MANU";

    /**
     * @throws IllegalArgumentException when the id is blank or the INSi CN is neither INSI-AUTO nor INSI-MANU
     */
    public Solution {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("solution id is blank");
        }
        kind = kind == null ? "" : kind;
        name = name == null ? "" : name;
        sites = sites == null ? List.of() : List.copyOf(sites);
        usages = usages == null || usages.isEmpty() ? Set.of(Usage.DMP) : Set.copyOf(usages);
        insiCn = insiCn == null || insiCn.isBlank() ? INSI_AUTO : insiCn;
        if (!INSI_AUTO.equals(insiCn) && !INSI_MANU.equals(insiCn)) {
            throw new IllegalArgumentException("INSi CN must be INSI-AUTO or INSI-MANU, got " + insiCn);
        }
    }

    /** A solution serving the given sites for the given usages. */
    public static Solution of(String id, String kind, List<Finess> sites, Usage... usages) {
        return new Solution(id, kind, "", sites, usages.length == 0 ? Set.of() : EnumSet.of(usages[0], usages), null);
    }

    /** True when it serves this site. */
    public boolean serves(Finess site) {
        return sites.isEmpty() || sites.contains(site);
    }

    /** True when it calls INSi. */
    public boolean callsInsi() {
        return usages.contains(Usage.INSI);
    }

    /** Kind, name and id, for messages. */
    public String label() {
        String k = kind.isEmpty() ? "solution" : kind;
        return name.isEmpty() ? k + " " + id : k + " " + name + " (" + id + ")";
    }
}
