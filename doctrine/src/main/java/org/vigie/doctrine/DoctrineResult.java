package org.vigie.doctrine;

import java.util.Objects;

import org.vigie.core.Report;

/**
 * The complete answer of {@link CertificateDoctrine#evaluate}: the organisation as resolved against the
 * directory, the plan, the audit of the existing certificates and the ordering procedure.
 *
 * @param organisation the organisation completed from the directory
 * @param plan         the certificates it must hold
 * @param audit        findings ({@code DOC-*} rules) on its existing certificates against the plan
 * @param procedure    how to order the certificates of the plan
 */
public record DoctrineResult(Organisation organisation, CertificatePlan plan, Report audit, Procedure procedure) {

    public DoctrineResult {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(procedure, "procedure");
    }
}
