package org.vigie.doctrine.deployment;

import java.util.List;

/**
 * The deployed organisation certificates, as read by an {@link InventoryReader}: the certificates used (duplicates
 * dropped) and the files or rows that were not, with the reason.
 *
 * @param certificates the certificates, in reading order
 * @param problems     unreadable files, bad rows, duplicates, in reading order (at most the reader's limit; see
 *                     {@link #problemCount()})
 * @param problemCount every problem, including those beyond the kept list
 */
public record Inventory(List<DeployedCertificate> certificates, List<InventoryProblem> problems, long problemCount) {

    /** Copies the lists. */
    public Inventory {
        certificates = List.copyOf(certificates);
        problems = List.copyOf(problems);
    }

    /**
     * An inventory of certificates built in code (no problem).
     *
     * @param certificates the certificates
     * @return the inventory
     */
    public static Inventory of(List<DeployedCertificate> certificates) {
        return new Inventory(certificates, List.of(), 0);
    }
}
