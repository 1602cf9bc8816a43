package org.vigie.core;

import org.vigie.core.internal.Luhn;

/** An ADELI number: 9 digits. No check key is verified (no public rule), so {@link #keyValid()} is always true. */
public record Adeli(String value) implements NationalIdentifier {

    public Adeli {
        if (value == null || value.length() != 9 || !Luhn.allDigits(value)) {
            throw new InvalidIdentifierException("ADELI must be 9 digits, got " + InvalidIdentifierException.show(value));
        }
    }

    /**
     * Parses an ADELI number.
     *
     * @param text 9 digits
     * @return the ADELI number
     * @throws InvalidIdentifierException when the text is not 9 digits
     */
    public static Adeli parse(String text) {
        return new Adeli(text);
    }

    @Override
    public boolean keyValid() {
        return true;
    }

    @Override
    public String kindName() {
        return "ADELI";
    }

    @Override
    public String toString() {
        return value;
    }
}
