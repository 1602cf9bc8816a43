package org.vigie.core;

import java.util.List;
import java.util.Optional;

/**
 * The FINESS directory: legal entities (EJ) and their geographic entities (EG). Implementations are immutable
 * and safe to share between threads; lookups are O(1).
 */
public interface StructureDirectory {

    Optional<Establishment> establishment(Finess finess);

    Optional<LegalEntity> legalEntity(Finess finess);

    /** The EJ an EG belongs to (empty when the EG is unknown; the EJ record may be absent from the data). */
    Optional<Finess> legalEntityOf(Finess establishment);

    /** The EGs of an EJ, in load order (empty when unknown). */
    List<Establishment> establishmentsOf(Finess legalEntity);

    /** Resolves an IdNat_Struct: a FINESS EJ, a FINESS EG, or unknown (non-FINESS ids are always unknown here). */
    Resolution resolve(StructureId id);

    int legalEntityCount();

    int establishmentCount();

    /** The outcome of {@link #resolve(StructureId)}. */
    sealed interface Resolution permits Resolution.AsLegalEntity, Resolution.AsEstablishment, Resolution.Unknown {

        /** The FINESS of the EJ the id belongs to, when known. */
        Optional<Finess> legalEntityFiness();

        /** The id is an EJ's FINESS. */
        record AsLegalEntity(LegalEntity legalEntity) implements Resolution {
            @Override
            public Optional<Finess> legalEntityFiness() {
                return Optional.of(legalEntity.finess());
            }
        }

        /** The id is an EG's FINESS. */
        record AsEstablishment(Establishment establishment) implements Resolution {
            @Override
            public Optional<Finess> legalEntityFiness() {
                return Optional.of(establishment.legalEntity());
            }
        }

        /** Not in the directory. */
        record Unknown(StructureId id) implements Resolution {
            @Override
            public Optional<Finess> legalEntityFiness() {
                return Optional.empty();
            }
        }
    }
}
