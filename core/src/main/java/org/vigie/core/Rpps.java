package org.vigie.core;

import org.vigie.core.internal.Luhn;

/** An RPPS number: 11 digits with a Luhn key (UNCONFIRMED officially, fits every known number). */
public record Rpps(String value, boolean keyValid) implements NationalIdentifier {

    public Rpps {
        if (value == null || value.length() != 11 || !Luhn.allDigits(value)) {
            throw new InvalidIdentifierException("RPPS must be 11 digits, got " + InvalidIdentifierException.show(value));
        }
        if (keyValid != Luhn.valid(value)) {
            throw new IllegalArgumentException("keyValid=" + keyValid + " contradicts the check key of " + value
                    + ": use Rpps.parse");
        }
    }

    /**
     * Parses a RPPS; the Luhn key is checked and exposed, not enforced.
     *
     * @param text 11 digits
     * @return the RPPS
     * @throws InvalidIdentifierException when the text is not 11 digits
     */
    public static Rpps parse(String text) {
        if (text == null) {
            throw new InvalidIdentifierException("RPPS is null");
        }
        return new Rpps(text, text.length() == 11 && Luhn.valid(text));
    }

    @Override
    public String kindName() {
        return "RPPS";
    }

    @Override
    public String toString() {
        return value;
    }
}
