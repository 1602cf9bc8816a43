package org.vigie.doctrine.deployment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.vigie.core.Finding;
import org.vigie.core.Finess;

/**
 * A doctrine finding ({@code DOC-*}) of the deployment, placed on the map.
 *
 * @param finding         the finding (its location is the inventory source of the certificate, or the EJ)
 * @param legalEntity     the FINESS of the EJ it concerns
 * @param legalEntityName that EJ's name (may be empty)
 * @param establishments  the EGs it concerns (may be empty)
 * @param departements    their département codes (the EJ's when no EG is named), without duplicates
 * @param regions         their region codes, without duplicates
 * @param certificate     the certificate it is about, when it is about one
 */
public record DeploymentFinding(Finding finding, Finess legalEntity, String legalEntityName, List<Finess> establishments,
                                List<String> departements, List<String> regions,
                                Optional<DeployedCertificate> certificate) {

    /** Copies the lists. */
    public DeploymentFinding {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(legalEntity, "legalEntity");
        legalEntityName = legalEntityName == null ? "" : legalEntityName;
        establishments = List.copyOf(establishments);
        departements = List.copyOf(departements);
        regions = List.copyOf(regions);
        certificate = certificate == null ? Optional.empty() : certificate;
    }
}
