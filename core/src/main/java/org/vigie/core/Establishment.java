package org.vigie.core;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A FINESS geographic entity (EG, établissement).
 *
 * @param finess            the EG's FINESS
 * @param legalEntity       the FINESS of its EJ
 * @param name              raison sociale
 * @param categoryCode      category (TRE_R66, e.g. "355" CH, "620" pharmacie)
 * @param categoryLabel     its label, may be empty
 * @param aggregateCode     category aggregate code, may be empty
 * @param siret             SIRET when known
 * @param departement       département code (e.g. "75", "2A", "971")
 * @param openingDate       opening date when known
 * @param active            false when the establishment is closed
 */
public record Establishment(Finess finess, Finess legalEntity, String name, String categoryCode, String categoryLabel,
                            String aggregateCode, Optional<Siret> siret, String departement,
                            Optional<LocalDate> openingDate, boolean active) {

    public Establishment {
        Objects.requireNonNull(finess, "finess");
        Objects.requireNonNull(legalEntity, "legalEntity");
        name = name == null ? "" : name;
        categoryCode = categoryCode == null ? "" : categoryCode;
        categoryLabel = categoryLabel == null ? "" : categoryLabel;
        aggregateCode = aggregateCode == null ? "" : aggregateCode;
        siret = siret == null ? Optional.empty() : siret;
        departement = departement == null ? "" : departement;
        openingDate = openingDate == null ? Optional.empty() : openingDate;
    }

    /** The IdNat_Struct of this EG ({@code 1} + FINESS). */
    public StructureId structureId() {
        return StructureId.ofFiness(finess);
    }
}
