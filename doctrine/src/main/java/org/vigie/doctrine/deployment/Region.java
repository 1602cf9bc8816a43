package org.vigie.doctrine.deployment;

import java.util.Objects;

/**
 * A health region (the territory of an ARS and of its GRADeS).
 *
 * @param code INSEE region code ({@code 84}, {@code 01} Guadeloupe…), {@code 975} for Saint-Pierre-et-Miquelon,
 *             {@code ??} for the unknown region
 * @param name its name
 */
public record Region(String code, String name) {

    /** The region of départements missing from the table. */
    public static final Region UNKNOWN = new Region("??", "Région inconnue");

    /** Checks the fields. */
    public Region {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
