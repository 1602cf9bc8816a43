package org.vigie.doctrine;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.vigie.core.Finess;
import org.vigie.core.StructureId;

/**
 * An organisation certificate the organisation already holds (its subject OU = the holder's IdNat_Struct).
 *
 * @param holder    IdNat_Struct of the subject OU
 * @param cn        subject CN
 * @param usages    services it is used for (empty: {@link Usage#DMP})
 * @param notAfter  end of validity, when known
 * @param solutions ids of the solutions it is installed in (may be empty)
 * @param covers    the EGs (or EJs, meaning all their EGs) it is used for; empty to derive it from the holder
 *                  and the solutions
 */
public record ExistingCertificate(StructureId holder, String cn, Set<Usage> usages, Optional<LocalDate> notAfter,
                                  List<String> solutions, List<Finess> covers) {

    public ExistingCertificate {
        Objects.requireNonNull(holder, "holder");
        cn = cn == null ? "" : cn;
        usages = usages == null || usages.isEmpty() ? Set.of(Usage.DMP) : Set.copyOf(usages);
        notAfter = notAfter == null ? Optional.empty() : notAfter;
        solutions = solutions == null ? List.of() : List.copyOf(solutions);
        covers = covers == null ? List.of() : List.copyOf(covers);
    }

    /** True when valid on this date (no end date known counts as valid). */
    public boolean validOn(LocalDate date) {
        return notAfter.map(d -> !d.isBefore(date)).orElse(true);
    }

    /** True when its CN is one of the INSi names. */
    public boolean insiNamed() {
        return Solution.INSI_AUTO.equals(cn) || Solution.INSI_MANU.equals(cn);
    }

    /** True when it is (or should be) an INSi certificate: INSi-named or used for INSi. */
    public boolean insiFamily() {
        return insiNamed() || usages.contains(Usage.INSI);
    }

    /** Holder and CN, for messages. */
    public String label() {
        return "OU=" + holder.value() + (cn.isEmpty() ? "" : ", CN=" + cn);
    }
}
