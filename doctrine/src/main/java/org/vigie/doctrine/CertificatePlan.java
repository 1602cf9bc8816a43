package org.vigie.doctrine;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The certificates an organisation must hold at a date, with organisation-wide notes (CPS, unknown status…).
 *
 * @param organisation the organisation's name
 * @param date         the evaluation date
 * @param certificates the planned certificates, member by member
 * @param notes        organisation-wide notes
 */
public record CertificatePlan(String organisation, LocalDate date, List<PlannedCertificate> certificates,
                              List<String> notes) {

    public CertificatePlan {
        Objects.requireNonNull(date, "date");
        organisation = organisation == null ? "" : organisation;
        certificates = List.copyOf(certificates);
        notes = List.copyOf(notes);
    }

    /** The certificates to order: required and not already held. */
    public List<PlannedCertificate> toOrder() {
        return certificates.stream().filter(c -> c.action() == PlannedCertificate.Action.ORDER && !c.held()).toList();
    }

    /** The EG certificates to keep until renewal. */
    public List<PlannedCertificate> kept() {
        return certificates.stream().filter(c -> c.action() == PlannedCertificate.Action.KEEP_UNTIL_RENEWAL).toList();
    }
}
