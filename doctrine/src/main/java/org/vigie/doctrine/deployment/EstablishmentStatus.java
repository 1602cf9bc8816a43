package org.vigie.doctrine.deployment;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.vigie.core.Establishment;
import org.vigie.core.Finding;
import org.vigie.doctrine.Corridor;

/**
 * The deployment indicators of one establishment (EG).
 *
 * @param establishment     the EG as the directory gives it
 * @param legalEntityName   its EJ's name (may be empty when the directory has no EJ record)
 * @param departement       its département (and region)
 * @param corridor          the doctrine corridor of its EJ, empty when none applies
 * @param coverage          how it is covered for the DMP
 * @param certificates      the valid certificates (DMP and other non-INSi usages) that cover it: its own, or its EJ's
 *                          when the doctrine allows
 * @param coveredUntil      the last end of validity among them, when covered and known
 * @param expiringSoon      true when covered and {@code coveredUntil} falls within the expiry window
 * @param legacyToMove      true when it keeps a legacy EG certificate to move to the EJ certificate at renewal
 * @param insiCertificates  the valid INSi certificates (used for INSi or named {@code INSI-AUTO}/{@code INSI-MANU})
 *                          under its FINESS or its EJ's
 * @param insiNamingOk      false when a {@code DOC-INSI-NAMING} finding concerns it
 * @param findings          the doctrine findings ({@code DOC-*}) that concern it
 */
public record EstablishmentStatus(Establishment establishment, String legalEntityName, Departement departement,
                                  Optional<Corridor> corridor, Coverage coverage,
                                  List<DeployedCertificate> certificates, Optional<LocalDate> coveredUntil,
                                  boolean expiringSoon, boolean legacyToMove,
                                  List<DeployedCertificate> insiCertificates, boolean insiNamingOk,
                                  List<Finding> findings) {

    /** Copies the lists. */
    public EstablishmentStatus {
        Objects.requireNonNull(establishment, "establishment");
        legalEntityName = legalEntityName == null ? "" : legalEntityName;
        Objects.requireNonNull(departement, "departement");
        corridor = corridor == null ? Optional.empty() : corridor;
        Objects.requireNonNull(coverage, "coverage");
        certificates = List.copyOf(certificates);
        coveredUntil = coveredUntil == null ? Optional.empty() : coveredUntil;
        insiCertificates = List.copyOf(insiCertificates);
        findings = List.copyOf(findings);
    }
}
