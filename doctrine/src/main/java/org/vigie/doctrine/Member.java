package org.vigie.doctrine;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.vigie.core.Finess;
import org.vigie.core.LegalStatus;
import org.vigie.core.StructureId;

/**
 * A legal entity of an organisation: an EJ (FINESS) with its EGs, or, for radiology, a practice (SIRET or
 * RPPS-rang) without FINESS.
 *
 * @param finess         the EJ's FINESS; empty only for radiology practices
 * @param name           its name
 * @param corridor       its corridor
 * @param status         public or private (TRE_R400 class); {@link LegalStatus#UNKNOWN} when not known
 * @param dialysis       true/false when declared; empty to infer it from the sites' categories
 * @param unifiedSi      true/false when declared; empty to infer it (unified when at most one solution serves it)
 * @param sites          its EGs (may be completed from the directory)
 * @param liberalDoctors number of liberal doctors working with it (town medicine): they use CPS cards
 * @param radiology      the practice situation (radiology only)
 */
public record Member(Optional<Finess> finess, String name, Corridor corridor, LegalStatus status,
                     Optional<Boolean> dialysis, Optional<Boolean> unifiedSi, List<Site> sites, int liberalDoctors,
                     Optional<RadiologyPractice> radiology) {

    /**
     * @throws IllegalArgumentException when the member has neither FINESS nor radiology practice, or a radiology
     *                                  member has no practice situation
     */
    public Member {
        finess = finess == null ? Optional.empty() : finess;
        name = name == null ? "" : name;
        Objects.requireNonNull(corridor, "corridor");
        status = status == null ? LegalStatus.UNKNOWN : status;
        dialysis = dialysis == null ? Optional.empty() : dialysis;
        unifiedSi = unifiedSi == null ? Optional.empty() : unifiedSi;
        sites = sites == null ? List.of() : List.copyOf(sites);
        radiology = radiology == null ? Optional.empty() : radiology;
        if (liberalDoctors < 0) {
            throw new IllegalArgumentException("liberalDoctors < 0");
        }
        if (corridor == Corridor.RADIOLOGY && radiology.isEmpty()) {
            throw new IllegalArgumentException("a radiology member needs its practice situation (SIRET or RPPS-rang)");
        }
        if (finess.isEmpty() && radiology.isEmpty()) {
            throw new IllegalArgumentException("member " + name + " needs a FINESS EJ");
        }
    }

    /** A FINESS member with its sites and nothing declared beyond them. */
    public static Member of(Finess finess, String name, Corridor corridor, LegalStatus status, List<Site> sites) {
        return new Member(Optional.of(finess), name, corridor, status, Optional.empty(), Optional.empty(), sites, 0,
                Optional.empty());
    }

    /** The identifier of this member: the EJ's IdNat_Struct, or the radiology practice id. */
    public StructureId id() {
        return finess.map(StructureId::ofFiness).orElseGet(() -> radiology.orElseThrow().id());
    }

    /** True when declared a dialysis centre, or (undeclared) when it has sites and all are dialysis sites. */
    public boolean dialysisCentre() {
        return dialysis.orElseGet(() -> !sites.isEmpty() && sites.stream().allMatch(Site::dialysis));
    }

    /** The site with this FINESS. */
    public Optional<Site> site(Finess eg) {
        return sites.stream().filter(s -> s.finess().equals(eg)).findFirst();
    }

    /** Name and identifier, for messages. */
    public String label() {
        String id = finess.map(f -> "EJ " + f.value()).orElseGet(() -> id().value());
        return name.isEmpty() ? id : name + " (" + id + ")";
    }

    /** A copy with other sites. */
    public Member withSites(List<Site> newSites) {
        return new Member(finess, name, corridor, status, dialysis, unifiedSi, newSites, liberalDoctors, radiology);
    }

    /** A copy with another status. */
    public Member withStatus(LegalStatus newStatus) {
        return new Member(finess, name, corridor, newStatus, dialysis, unifiedSi, sites, liberalDoctors, radiology);
    }

    /** A copy with another name. */
    public Member withName(String newName) {
        return new Member(finess, newName, corridor, status, dialysis, unifiedSi, sites, liberalDoctors, radiology);
    }
}
