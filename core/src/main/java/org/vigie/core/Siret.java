package org.vigie.core;

import org.vigie.core.internal.Luhn;

/**
 * A SIRET number: 14 digits, SIREN + NIC, Luhn key; La Poste's establishments (SIREN {@code 356000000})
 * follow the "sum of digits is a multiple of 5" rule instead.
 */
public record Siret(String value, boolean keyValid) implements NationalIdentifier {

    public Siret {
        if (value == null || value.length() != 14 || !Luhn.allDigits(value)) {
            throw new InvalidIdentifierException("SIRET must be 14 digits, got " + InvalidIdentifierException.show(value));
        }
        if (keyValid != computeKey(value)) {
            throw new IllegalArgumentException("keyValid=" + keyValid + " contradicts the check key of " + value
                    + ": use Siret.parse");
        }
    }

    /**
     * Parses a SIRET; the key (Luhn, or La Poste's rule) is checked and exposed, not enforced.
     *
     * @param text 14 digits
     * @return the SIRET
     * @throws InvalidIdentifierException when the text is not 14 digits
     */
    public static Siret parse(String text) {
        if (text == null) {
            throw new InvalidIdentifierException("SIRET is null");
        }
        if (text.length() != 14 || !Luhn.allDigits(text)) {
            throw new InvalidIdentifierException("SIRET must be 14 digits, got " + InvalidIdentifierException.show(text));
        }
        return new Siret(text, computeKey(text));
    }

    private static boolean computeKey(String v) {
        if (Luhn.valid(v)) {
            return true; // includes La Poste's head office 35600000000048
        }
        if (v.startsWith(Siren.LA_POSTE)) {
            int sum = 0;
            for (int i = 0; i < v.length(); i++) {
                sum += v.charAt(i) - '0';
            }
            return sum % 5 == 0;
        }
        return false;
    }

    /** The SIREN of the legal unit (first 9 digits). */
    public Siren siren() {
        return Siren.parse(value.substring(0, 9));
    }

    /** The NIC, the establishment's 5-digit number. */
    public String nic() {
        return value.substring(9);
    }

    @Override
    public String kindName() {
        return "SIRET";
    }

    @Override
    public String toString() {
        return value;
    }
}
