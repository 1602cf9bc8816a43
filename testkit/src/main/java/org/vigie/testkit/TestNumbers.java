package org.vigie.testkit;

import org.vigie.core.Finess;

/** Well-formed identifiers for test directories and tokens. */
public final class TestNumbers {

    private TestNumbers() {
    }

    /**
     * The FINESS made of {@code eightCharacters} and the check key that makes it valid.
     *
     * @param eightCharacters the first eight characters (digits, or 2A/2B for Corsica)
     * @return the nine-character FINESS whose {@link Finess#keyValid()} is true
     * @throws IllegalArgumentException when no key makes a valid FINESS of them
     */
    public static String finess(String eightCharacters) {
        for (char key = '0'; key <= '9'; key++) {
            Finess f = Finess.parse(eightCharacters + key);
            if (f.keyValid()) {
                return f.value();
            }
        }
        throw new IllegalArgumentException("no check key makes a valid FINESS of " + eightCharacters);
    }
}
