package org.vigie.core;

import java.util.List;
import java.util.Objects;

/**
 * The named, frozen set of choices a check ran under: its id (e.g. {@code dmp-strict/1}) and, in words, each rule
 * it relaxes or tightens against the strict reading of the DMP rules. Every report names its profile, so that a
 * verdict can be read with the policy that made it. A profile never changes once published: a new set of choices is
 * a new id.
 *
 * @param id          stable id, {@code name/version}
 * @param relaxations each departure from the strict profile, one line each (empty for the strict profile)
 */
public record PolicyProfile(String id, List<String> relaxations) {

    public PolicyProfile {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("blank profile id");
        }
        relaxations = List.copyOf(relaxations);
    }

    /** True when the profile departs from the strict reading in nothing. */
    public boolean strict() {
        return relaxations.isEmpty();
    }
}
