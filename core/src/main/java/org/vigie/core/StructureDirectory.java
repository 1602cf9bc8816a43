package org.vigie.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The FINESS directory: legal entities (EJ) and their geographic entities (EG). Implementations are immutable
 * and safe to share between threads; lookups are O(1).
 *
 * <p><b>One resolution for every rule.</b> {@link #resolve(StructureId)} is the single answer to "what is this
 * IdNat_Struct in the directory?": every directory-dependent rule (VIHF-STRUCT-KNOWN and the EJ/EG policy of
 * control 1, AI-GEOGRAPHIC and AI-SAME-EJ of control 2), the certificate doctrine, the deployment dashboard and
 * {@code vigie finess --lookup} use it, so that they agree. Its default implementation is built on the four
 * lookups below; an implementation only overrides it to make it faster, never to change its meaning.
 *
 * <p><b>An EJ known only through its EGs.</b> The etalab EG extract carries each EG's {@code nofinessej} but no EJ
 * record. Such an EJ is a known legal entity all the same: it resolves to a
 * {@link Resolution.AsLegalEntity} whose {@link Resolution.AsLegalEntity#hasRecord() hasRecord()} is false and
 * whose {@link LegalEntity} carries only the FINESS (no name, SIREN or statut juridique:
 * {@link LegalStatus#UNKNOWN}). {@link #legalEntity(Finess)} stays the lookup of EJ <em>records</em> and is empty
 * for it. (Before this was settled, such an EJ resolved to {@link Resolution.Unknown}.)
 *
 * <p><b>A closed EJ.</b> The EJ records of the readers carry no closure; an EJ's state is read from its EGs: an EJ
 * of which the directory knows at least one EG, all of them closed, is closed ({@link Resolution#closed()}), with
 * or without its own record. An EJ with a record and no EG in the directory (an EJ extract loaded alone) is not
 * closed: nothing says it is. Only the "finess-structures" JSON feed (or a directory built by hand) carries closed
 * EGs; the etalab extract lists open establishments only.
 */
public interface StructureDirectory {

    /**
     * @param finess a FINESS
     * @return the EG record with this FINESS, if any
     */
    Optional<Establishment> establishment(Finess finess);

    /**
     * The EJ <em>record</em> with this FINESS (empty for an EJ known only through its EGs: see
     * {@link #resolve(StructureId)} for the EJ as a known legal entity).
     *
     * @param finess a FINESS
     * @return the EJ record, if one was loaded
     */
    Optional<LegalEntity> legalEntity(Finess finess);

    /** The EJ an EG belongs to (empty when the EG is unknown; the EJ record may be absent from the data). */
    Optional<Finess> legalEntityOf(Finess establishment);

    /** The EGs of an EJ, in load order (empty when unknown). */
    List<Establishment> establishmentsOf(Finess legalEntity);

    /**
     * @param legalEntity an EJ FINESS
     * @return true when at least one EG of this EJ is open (the default scans {@link #establishmentsOf(Finess)})
     */
    default boolean hasOpenEstablishment(Finess legalEntity) {
        for (Establishment e : establishmentsOf(legalEntity)) {
            if (e.active()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Resolves an IdNat_Struct, in this order: an EJ record; an EG record; an EJ known only because EGs name it as
     * their EJ; otherwise unknown. Non-FINESS ids (SIRET, SIREN, RPPS-rang, ADELI) are always unknown here.
     *
     * @param id the IdNat_Struct
     * @return the resolution (never null)
     */
    default Resolution resolve(StructureId id) {
        Objects.requireNonNull(id, "id");
        Optional<Finess> f = id.finess();
        if (f.isEmpty()) {
            return new Resolution.Unknown(id);
        }
        Finess finess = f.get();
        Optional<LegalEntity> ej = legalEntity(finess);
        if (ej.isPresent()) {
            boolean closed = !establishmentsOf(finess).isEmpty() && !hasOpenEstablishment(finess);
            return new Resolution.AsLegalEntity(ej.get(), true, closed);
        }
        Optional<Establishment> eg = establishment(finess);
        if (eg.isPresent()) {
            return new Resolution.AsEstablishment(eg.get());
        }
        if (!establishmentsOf(finess).isEmpty()) {
            return Resolution.AsLegalEntity.referencedOnly(finess, !hasOpenEstablishment(finess));
        }
        return new Resolution.Unknown(id);
    }

    int legalEntityCount();

    int establishmentCount();

    /** The outcome of {@link #resolve(StructureId)}. */
    sealed interface Resolution permits Resolution.AsLegalEntity, Resolution.AsEstablishment, Resolution.Unknown {

        /** The FINESS of the EJ the id belongs to, when known. */
        Optional<Finess> legalEntityFiness();

        /** @return true when the directory knows the id (an EJ, with or without its own record, or an EG) */
        default boolean known() {
            return !(this instanceof Unknown);
        }

        /**
         * @return true when the directory says the structure is closed: a closed EG, or an EJ whose known EGs are
         *         all closed (see {@link StructureDirectory})
         */
        boolean closed();

        /**
         * The id is an EJ's FINESS.
         *
         * @param legalEntity the EJ: its record, or, when {@code hasRecord} is false, a legal entity carrying only
         *                    the FINESS (empty name, no SIREN, statut {@link LegalStatus#UNKNOWN})
         * @param hasRecord   true when the directory holds an EJ record (EJ extract, JSON feed); false when the EJ is
         *                    known only because EGs name it as their EJ (etalab EG extract)
         * @param closed      true when the directory knows EGs of this EJ and all of them are closed
         */
        record AsLegalEntity(LegalEntity legalEntity, boolean hasRecord, boolean closed) implements Resolution {

            /** Checks the legal entity. */
            public AsLegalEntity {
                Objects.requireNonNull(legalEntity, "legalEntity");
            }

            /**
             * An EJ with its own record, open (the shape of this resolution before {@code hasRecord} and
             * {@code closed} were added).
             *
             * @param legalEntity the EJ record
             */
            public AsLegalEntity(LegalEntity legalEntity) {
                this(legalEntity, true, false);
            }

            /**
             * @param finess the EJ FINESS named by EGs
             * @param closed true when all those EGs are closed
             * @return the resolution of an EJ known only through its EGs
             */
            public static AsLegalEntity referencedOnly(Finess finess, boolean closed) {
                return new AsLegalEntity(new LegalEntity(finess, "", Optional.empty(), "", LegalStatus.UNKNOWN), false,
                        closed);
            }

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

            /** @return true when the EG is closed */
            @Override
            public boolean closed() {
                return !establishment.active();
            }
        }

        /** Not in the directory. */
        record Unknown(StructureId id) implements Resolution {
            @Override
            public Optional<Finess> legalEntityFiness() {
                return Optional.empty();
            }

            /** @return false: nothing is known of the id */
            @Override
            public boolean closed() {
                return false;
            }
        }
    }
}
