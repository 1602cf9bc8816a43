package org.vigie.core;

import org.vigie.core.internal.Luhn;

/** A SIREN number: 9 digits, Luhn key (La Poste's {@code 356000000} is valid). */
public record Siren(String value, boolean keyValid) implements NationalIdentifier {

    /** La Poste's SIREN, whose SIRETs follow the "sum of digits multiple of 5" rule. */
    public static final String LA_POSTE = "356000000";

    public Siren {
        if (value == null || value.length() != 9 || !Luhn.allDigits(value)) {
            throw new InvalidIdentifierException("SIREN must be 9 digits, got " + InvalidIdentifierException.show(value));
        }
        if (keyValid != Luhn.valid(value)) {
            throw new IllegalArgumentException("keyValid=" + keyValid + " contradicts the check key of " + value
                    + ": use Siren.parse");
        }
    }

    /**
     * Parses a SIREN; the Luhn key is checked and exposed, not enforced.
     *
     * @param text 9 digits
     * @return the SIREN
     * @throws InvalidIdentifierException when the text is not 9 digits
     */
    public static Siren parse(String text) {
        if (text == null) {
            throw new InvalidIdentifierException("SIREN is null");
        }
        return new Siren(text, text.length() == 9 && Luhn.valid(text));
    }

    @Override
    public String kindName() {
        return "SIREN";
    }

    @Override
    public String toString() {
        return value;
    }
}
