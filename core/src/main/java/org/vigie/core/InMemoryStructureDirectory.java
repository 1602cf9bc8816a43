package org.vigie.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A {@link StructureDirectory} held in memory: hash lookups (O(1)), immutable once built, safe to share between
 * threads. Built with {@link #builder()}; the FINESS readers of {@code org.vigie.core.finess} feed a builder.
 *
 * <p>An EG whose EJ has no EJ record (the etalab EG extract does not carry the EJs) still resolves its EJ FINESS:
 * {@link #legalEntityOf(Finess)} and {@link StructureDirectory.Resolution#legalEntityFiness()} give it, and
 * {@link #establishmentsOf(Finess)} lists the EJ's EGs, while {@link #legalEntity(Finess)} is empty. That EJ is a
 * known legal entity: {@link #resolve(StructureId)} (the interface's one resolution, not overridden here) gives a
 * {@link StructureDirectory.Resolution.AsLegalEntity} without record ({@code hasRecord() == false}), closed when all
 * its EGs are closed (see {@link StructureDirectory}).
 *
 * <p>{@link #resolve(StructureId)} looks the FINESS up among the EJ records first, then among the EGs, then among
 * the EJs named by EGs (a FINESS number is never both an EJ and an EG in real data).
 */
public final class InMemoryStructureDirectory implements StructureDirectory {

    private static final InMemoryStructureDirectory EMPTY = new Builder().build();

    private final Map<Finess, LegalEntity> legalEntities;
    private final Map<Finess, Establishment> establishments;
    private final Map<Finess, List<Establishment>> byLegalEntity;
    private final Set<Finess> withOpenEstablishment;

    private InMemoryStructureDirectory(Builder b) {
        this.legalEntities = Collections.unmodifiableMap(copy(b.legalEntities));
        this.establishments = Collections.unmodifiableMap(copy(b.establishments));
        Map<Finess, List<Establishment>> groups = new HashMap<>(capacity(b.establishments.size()));
        for (Establishment e : b.establishments.values()) {
            groups.computeIfAbsent(e.legalEntity(), k -> new ArrayList<>(2)).add(e);
        }
        groups.replaceAll((k, v) -> List.copyOf(v));
        this.byLegalEntity = Collections.unmodifiableMap(groups);
        Set<Finess> open = new HashSet<>(capacity(groups.size()));
        for (Establishment e : b.establishments.values()) {
            if (e.active()) {
                open.add(e.legalEntity());
            }
        }
        this.withOpenEstablishment = Collections.unmodifiableSet(open);
    }

    private static int capacity(int size) {
        return Math.max(16, (int) (size / 0.75f) + 1);
    }

    private static <K, V> Map<K, V> copy(Map<K, V> from) {
        Map<K, V> to = new LinkedHashMap<>(capacity(from.size()));
        to.putAll(from);
        return to;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return an empty directory (every resolution is unknown) */
    public static InMemoryStructureDirectory empty() {
        return EMPTY;
    }

    @Override
    public Optional<Establishment> establishment(Finess finess) {
        return Optional.ofNullable(establishments.get(finess));
    }

    @Override
    public Optional<LegalEntity> legalEntity(Finess finess) {
        return Optional.ofNullable(legalEntities.get(finess));
    }

    @Override
    public Optional<Finess> legalEntityOf(Finess establishment) {
        Establishment e = establishments.get(establishment);
        return e == null ? Optional.empty() : Optional.of(e.legalEntity());
    }

    @Override
    public List<Establishment> establishmentsOf(Finess legalEntity) {
        return byLegalEntity.getOrDefault(legalEntity, List.of());
    }

    /** O(1): the EJs with an open EG are collected when the directory is built. */
    @Override
    public boolean hasOpenEstablishment(Finess legalEntity) {
        return withOpenEstablishment.contains(legalEntity);
    }

    @Override
    public int legalEntityCount() {
        return legalEntities.size();
    }

    @Override
    public int establishmentCount() {
        return establishments.size();
    }

    /**
     * @return the number of distinct EJ FINESS known, whether from an EJ record or referenced by an EG
     */
    public int referencedLegalEntityCount() {
        int n = byLegalEntity.size();
        for (Finess f : legalEntities.keySet()) {
            if (!byLegalEntity.containsKey(f)) {
                n++;
            }
        }
        return n;
    }

    /** @return the EJ records, in load order */
    public Stream<LegalEntity> legalEntities() {
        return legalEntities.values().stream();
    }

    /** @return the EGs, in load order */
    public Stream<Establishment> establishments() {
        return establishments.values().stream();
    }

    /**
     * Collects EJs and EGs; not thread-safe. {@link #build()} may be called several times: each directory is an
     * independent snapshot.
     */
    public static final class Builder {
        private final Map<Finess, LegalEntity> legalEntities = new LinkedHashMap<>();
        private final Map<Finess, Establishment> establishments = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds an EJ. When an EJ with the same FINESS is already there, the two records are merged: each field of
         * the new record that is known (non-empty name, SIREN, statut) replaces the old one.
         *
         * @param legalEntity the EJ
         * @return true when the FINESS was new, false when it was merged into an existing record
         */
        public boolean add(LegalEntity legalEntity) {
            Objects.requireNonNull(legalEntity, "legalEntity");
            LegalEntity old = legalEntities.get(legalEntity.finess());
            if (old == null) {
                legalEntities.put(legalEntity.finess(), legalEntity);
                return true;
            }
            String name = legalEntity.name().isEmpty() ? old.name() : legalEntity.name();
            Optional<Siren> siren = legalEntity.siren().isPresent() ? legalEntity.siren() : old.siren();
            boolean newStatut = !legalEntity.statutCode().isEmpty() || legalEntity.status() != LegalStatus.UNKNOWN;
            String code = newStatut ? legalEntity.statutCode() : old.statutCode();
            LegalStatus status = newStatut ? legalEntity.status() : old.status();
            legalEntities.put(old.finess(), new LegalEntity(old.finess(), name, siren, code, status));
            return false;
        }

        /**
         * Adds an EG unless one with the same FINESS is already there (the first one is kept).
         *
         * @param establishment the EG
         * @return true when added, false when the FINESS was already present (nothing changed)
         */
        public boolean add(Establishment establishment) {
            Objects.requireNonNull(establishment, "establishment");
            return establishments.putIfAbsent(establishment.finess(), establishment) == null;
        }

        /**
         * Adds every EJ and EG of another directory (EJs merged, EGs already present kept).
         *
         * @param directory the directory to copy
         * @return this builder
         */
        public Builder addAll(InMemoryStructureDirectory directory) {
            directory.legalEntities.values().forEach(this::add);
            directory.establishments.values().forEach(this::add);
            return this;
        }

        /**
         * @param finess an EG FINESS
         * @return true when an EG with this FINESS was added
         */
        public boolean containsEstablishment(Finess finess) {
            return establishments.containsKey(finess);
        }

        /**
         * @param finess an EJ FINESS
         * @return true when an EJ record with this FINESS was added
         */
        public boolean containsLegalEntity(Finess finess) {
            return legalEntities.containsKey(finess);
        }

        /** @return the EJ records added so far */
        public int legalEntityCount() {
            return legalEntities.size();
        }

        /** @return the EGs added so far */
        public int establishmentCount() {
            return establishments.size();
        }

        /** @return an immutable directory holding what was added so far */
        public InMemoryStructureDirectory build() {
            return new InMemoryStructureDirectory(this);
        }

        /**
         * Convenience for tests: adds all the given EJs and EGs.
         *
         * @param legalEntities EJs
         * @param establishments EGs
         * @return this builder
         */
        public Builder addAll(Collection<LegalEntity> legalEntities, Collection<Establishment> establishments) {
            legalEntities.forEach(this::add);
            establishments.forEach(this::add);
            return this;
        }
    }
}
