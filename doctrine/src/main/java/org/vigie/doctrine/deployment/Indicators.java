package org.vigie.doctrine.deployment;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The deployment indicators of a group of establishments: a legal entity, a département, a region, or all.
 * Counts are of active establishments (EG) in the dashboard's scope; certificates are counted once per group.
 *
 * @param level                  what the group is
 * @param code                   EJ FINESS, département code, region code, or {@code FR} for the total
 * @param name                   its name
 * @param departement            for an EJ, the code of its département (from its FINESS); for a département, its
 *                               own code; empty otherwise
 * @param region                 the region name (for an EJ, a département, a region); empty for the total
 * @param establishments         EG count
 * @param concerned              EGs whose EJ falls in a corridor of the doctrine (the base of the coverage rate)
 * @param covered                concerned EGs covered by a valid certificate the doctrine accepts
 * @param coveredByLegalEntity   of which covered by their EJ's certificate
 * @param coveredByEstablishment of which covered at the EG level (own certificate or lab main site)
 * @param certificates           distinct certificates valid at the date held under the FINESS (EG or EJ), SIRET or
 *                               SIREN of its EGs, whether the doctrine accepts them or not (INSi ones included)
 * @param expiringSoon           of which ending within the expiry window
 * @param expired                distinct certificates held under its EGs or EJs, no longer valid at the date
 * @param legacyToMove           EGs keeping a legacy EG certificate to move to the EJ certificate at renewal
 * @param findingsByRule         doctrine findings concerning its EGs, by rule id (sorted)
 */
public record Indicators(Level level, String code, String name, String departement, String region,
                         int establishments, int concerned, int covered, int coveredByLegalEntity,
                         int coveredByEstablishment, int certificates, int expiringSoon, int expired,
                         int legacyToMove, SortedMap<String, Integer> findingsByRule) {

    /** The kind of group. */
    public enum Level {
        /** A legal entity (EJ). */
        LEGAL_ENTITY,
        /** A département. */
        DEPARTEMENT,
        /** A region. */
        REGION,
        /** Every establishment in scope. */
        TOTAL
    }

    /** Copies the map. */
    public Indicators {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(code, "code");
        name = name == null ? "" : name;
        departement = departement == null ? "" : departement;
        region = region == null ? "" : region;
        findingsByRule = Collections.unmodifiableSortedMap(new TreeMap<>(findingsByRule));
    }

    /** @return concerned EGs not covered */
    public int notCovered() {
        return concerned - covered;
    }

    /** @return covered / concerned, between 0 and 1 (0 when no EG is concerned) */
    public double coverageRate() {
        return concerned == 0 ? 0 : (double) covered / concerned;
    }

    /** @return every finding counted, all rules together */
    public int findings() {
        return findingsByRule.values().stream().mapToInt(Integer::intValue).sum();
    }
}
