package org.vigie.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A FINESS legal entity (EJ, entité juridique).
 *
 * @param finess        the EJ's FINESS
 * @param name          raison sociale (may be empty when the source did not give it)
 * @param siren         SIREN, when known
 * @param statutCode    statut juridique code (TRE_R400 leaf, e.g. "14"), empty when unknown
 * @param status        class of the statut: public, private, foreign or unknown
 */
public record LegalEntity(Finess finess, String name, Optional<Siren> siren, String statutCode, LegalStatus status) {

    public LegalEntity {
        Objects.requireNonNull(finess, "finess");
        name = name == null ? "" : name;
        siren = siren == null ? Optional.empty() : siren;
        statutCode = statutCode == null ? "" : statutCode;
        status = status == null ? LegalStatus.ofCode(statutCode) : status;
    }

    /** The IdNat_Struct of this EJ ({@code 1} + FINESS). */
    public StructureId structureId() {
        return StructureId.ofFiness(finess);
    }
}
