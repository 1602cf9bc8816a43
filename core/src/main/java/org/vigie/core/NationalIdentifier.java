package org.vigie.core;

/**
 * A French national identifier with a check key (FINESS, SIREN, SIRET, RPPS) or without one (ADELI).
 * A failed key never makes the value unusable: it is exposed by {@link #keyValid()} and reported as
 * {@code ID-KEY}.
 */
public sealed interface NationalIdentifier permits Finess, Siren, Siret, Rpps, Adeli {

    /** The identifier as written, e.g. {@code 750100125}. */
    String value();

    /** True when the check key holds (always true for identifiers without a key). */
    boolean keyValid();

    /** A short name of the identifier's kind: {@code FINESS}, {@code SIREN}, ... */
    String kindName();
}
