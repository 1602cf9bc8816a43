package org.vigie.doctrine.deployment;

import java.util.Objects;

/**
 * The part of the country a dashboard is computed for: everything, one region or one département.
 *
 * @param region      the region, or null
 * @param departement the département, or null (at most one of the two is set)
 */
public record Scope(Region region, Departement departement) {

    private static final Scope ALL = new Scope(null, null);

    /** Checks that at most one filter is set. */
    public Scope {
        if (region != null && departement != null) {
            throw new IllegalArgumentException("a scope is a region or a département, not both");
        }
    }

    /** @return the whole directory */
    public static Scope all() {
        return ALL;
    }

    /**
     * @param region the region
     * @return the scope of one region
     */
    public static Scope of(Region region) {
        return new Scope(Objects.requireNonNull(region, "region"), null);
    }

    /**
     * @param departement the département
     * @return the scope of one département
     */
    public static Scope of(Departement departement) {
        return new Scope(null, Objects.requireNonNull(departement, "departement"));
    }

    /**
     * @param d a département
     * @return true when establishments of this département are in scope
     */
    public boolean includes(Departement d) {
        if (departement != null) {
            return departement.code().equals(d.code());
        }
        return region == null || region.code().equals(d.region().code());
    }

    /** @return a French label: {@code France entière}, {@code région Bretagne}, {@code département Sarthe (72)} */
    public String labelFr() {
        if (departement != null) {
            return "département " + departement.name() + " (" + departement.code() + ")";
        }
        return region == null ? "France entière" : "région " + region.name();
    }
}
