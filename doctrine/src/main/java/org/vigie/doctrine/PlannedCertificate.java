package org.vigie.doctrine;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.vigie.core.Finess;
import org.vigie.core.StructureId;

/**
 * One certificate the organisation must hold at the evaluation date, and why.
 *
 * @param action      order it, or keep an existing EG certificate until its renewal
 * @param holder      the IdNat_Struct the certificate is issued under (its subject OU)
 * @param holderKind  what the holder identifier is
 * @param member      the legal entity (or radiology practice) it belongs to
 * @param memberName  that member's display label
 * @param covers      the EGs it serves (empty for radiology practices)
 * @param solutions   ids of the solutions it is installed in (empty when the organisation declared none)
 * @param usages      the services it is used for
 * @param requiredCn  the CN it must carry (INSi certificates: {@code INSI-AUTO} or {@code INSI-MANU})
 * @param keptUntil   for kept EG certificates, the end of validity (the renewal date) when known
 * @param rules       the doctrine rules it follows, the main one first
 * @param notes       notes for the integrator (traceability, dates…)
 * @param held        true when a valid existing certificate already fulfils it (same holder, same family, installed
 *                    in one of its solutions when both say where)
 */
public record PlannedCertificate(Action action, StructureId holder, HolderKind holderKind, StructureId member,
                                 String memberName, List<Finess> covers, List<String> solutions, Set<Usage> usages,
                                 Optional<String> requiredCn, Optional<LocalDate> keptUntil, List<DoctrineRule> rules,
                                 List<String> notes, boolean held) {

    /** What to do about the certificate. */
    public enum Action {
        /** Order it (or check an existing one matches it). */
        ORDER,
        /** An EG certificate already deployed: keep it, move to the EJ certificate at renewal. */
        KEEP_UNTIL_RENEWAL
    }

    /** What a holder identifier is. */
    public enum HolderKind {
        /** FINESS of the legal entity. */
        FINESS_EJ("FINESS EJ"),
        /** FINESS of a geographic entity. */
        FINESS_EG("FINESS EG"),
        /** SIRET of a company. */
        SIRET("SIRET"),
        /** RPPS-rang of a liberal cabinet. */
        RPPS_RANG("RPPS rang");

        private final String label;

        HolderKind(String label) {
            this.label = label;
        }

        /** Display label. */
        public String label() {
            return label;
        }
    }

    public PlannedCertificate {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(holderKind, "holderKind");
        Objects.requireNonNull(member, "member");
        memberName = memberName == null ? "" : memberName;
        covers = List.copyOf(covers);
        solutions = List.copyOf(solutions);
        usages = Set.copyOf(usages);
        requiredCn = requiredCn == null ? Optional.empty() : requiredCn;
        keptUntil = keptUntil == null ? Optional.empty() : keptUntil;
        rules = List.copyOf(rules);
        notes = List.copyOf(notes);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a planned certificate follows at least one rule");
        }
    }

    /** A copy marked as held (or not). */
    public PlannedCertificate withHeld(boolean isHeld) {
        return new PlannedCertificate(action, holder, holderKind, member, memberName, covers, solutions, usages,
                requiredCn, keptUntil, rules, notes, isHeld);
    }

    /** True for an INSi certificate. */
    public boolean insi() {
        return usages.contains(Usage.INSI);
    }

    /** The main rule it follows. */
    public DoctrineRule mainRule() {
        return rules.get(0);
    }

    /** The explanation: the texts of its rules, main rule first. */
    public String explanation() {
        StringBuilder sb = new StringBuilder();
        for (DoctrineRule r : rules) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(r.textFr());
        }
        return sb.toString();
    }
}
