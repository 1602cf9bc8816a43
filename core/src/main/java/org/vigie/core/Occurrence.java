package org.vigie.core;

import java.util.Objects;

/**
 * One place where the authorInstitution of a submission was found (control 2's occurrence table).
 *
 * @param place    where: submission set, document entry, CDA header or the VIHF itself (EJ/EG policy)
 * @param document the document entry id (or CDA file name); empty for the submission set and the VIHF
 * @param value    the value as found (XON string, or {@code root/extension} for a CDA id)
 * @param structureId the IdNat_Struct read from the value, or empty when the value is unreadable
 */
public record Occurrence(Place place, String document, String value, String structureId) {

    /** Where an authorInstitution occurrence sits. */
    public enum Place { SUBMISSION_SET, DOCUMENT_ENTRY, CDA_HEADER, VIHF }

    public Occurrence {
        Objects.requireNonNull(place, "place");
        document = document == null ? "" : document;
        value = value == null ? "" : value;
        structureId = structureId == null ? "" : structureId;
    }
}
