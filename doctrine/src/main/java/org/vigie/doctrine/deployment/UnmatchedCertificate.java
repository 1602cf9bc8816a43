package org.vigie.doctrine.deployment;

import java.util.Objects;

/**
 * A certificate of the inventory that no establishment of the directory could be attached to.
 *
 * @param certificate the certificate
 * @param reason      why, in French
 */
public record UnmatchedCertificate(DeployedCertificate certificate, String reason) {

    /** Checks the fields. */
    public UnmatchedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(reason, "reason");
    }
}
