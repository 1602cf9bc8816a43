package org.vigie.doctrine.deployment;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A deployment dashboard: indicators per establishment, legal entity, département and region, the doctrine
 * findings, and what could not be used. Built by {@link DeploymentAnalyzer}; immutable.
 *
 * @param at                    the evaluation date
 * @param scope                 the part of the country covered
 * @param expiryWindowDays      the expiry window (certificates ending within it are "expiring soon")
 * @param total                 indicators of every establishment in scope
 * @param regions               per region (those with at least one establishment in scope), by name
 * @param departements          per département, in table order
 * @param legalEntities         per EJ with at least one establishment in scope, in directory order
 * @param establishments        per establishment in scope, in directory order
 * @param findings              doctrine findings concerning establishments in scope
 * @param unmatched             certificates of the inventory attached to no establishment of the directory (all of
 *                              them, whatever the scope)
 * @param certificatesRead      certificates in the inventory
 * @param inventoryProblems     files and rows of the inventory not used, with the reason
 * @param inventoryProblemCount every inventory problem, including those beyond the kept list
 */
public record Deployment(LocalDate at, Scope scope, int expiryWindowDays, Indicators total, List<Indicators> regions,
                         List<Indicators> departements, List<Indicators> legalEntities,
                         List<EstablishmentStatus> establishments, List<DeploymentFinding> findings,
                         List<UnmatchedCertificate> unmatched, int certificatesRead,
                         List<InventoryProblem> inventoryProblems, long inventoryProblemCount) {

    /** Copies the lists. */
    public Deployment {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(total, "total");
        regions = List.copyOf(regions);
        departements = List.copyOf(departements);
        legalEntities = List.copyOf(legalEntities);
        establishments = List.copyOf(establishments);
        findings = List.copyOf(findings);
        unmatched = List.copyOf(unmatched);
        inventoryProblems = List.copyOf(inventoryProblems);
    }
}
