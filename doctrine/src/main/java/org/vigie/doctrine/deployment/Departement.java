package org.vigie.doctrine.deployment;

import java.util.Objects;

/**
 * A département and its health region.
 *
 * @param code   {@code 01}…{@code 95}, {@code 2A}, {@code 2B}, {@code 971}…{@code 978}
 * @param name   its name
 * @param region its region ({@link Region#UNKNOWN} for a code missing from the table)
 */
public record Departement(String code, String name, Region region) {

    /** Checks the fields. */
    public Departement {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
    }
}
