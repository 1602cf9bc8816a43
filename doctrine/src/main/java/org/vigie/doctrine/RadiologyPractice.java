package org.vigie.doctrine;

import java.util.Objects;

import org.vigie.core.StructureId;

/**
 * The practice situation of a radiology member: a practice company identified by its SIRET, or a liberal
 * cabinet identified by its RPPS-rang id.
 *
 * @param situation company or cabinet
 * @param id        {@code 3}+SIRET for a company, {@code 4}+RPPS+rang for a cabinet
 */
public record RadiologyPractice(Situation situation, StructureId id) {

    /** How the radiologists practise. */
    public enum Situation {
        /** Société d'exercice: certificate under its SIRET. */
        COMPANY,
        /** Cabinet libéral: certificate under the RPPS-rang id. */
        CABINET
    }

    /**
     * @throws IllegalArgumentException when the id's kind does not fit the situation
     */
    public RadiologyPractice {
        Objects.requireNonNull(situation, "situation");
        Objects.requireNonNull(id, "id");
        StructureId.Kind expected = situation == Situation.COMPANY ? StructureId.Kind.SIRET : StructureId.Kind.RPPS_RANG;
        if (id.kind() != expected) {
            throw new IllegalArgumentException("radiology " + situation + " needs a " + expected + " id, got " + id);
        }
    }
}
