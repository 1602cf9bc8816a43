package org.vigie.core;

import org.vigie.core.internal.Luhn;

/**
 * A FINESS number: 9 characters, the first two the département ({@code 2A}/{@code 2B} for Corsica), the last a
 * Luhn key. ANS test numbers contain a letter (e.g. {@code 0B0152872}): they parse, with {@link #keyValid()} false.
 * The key of Corsican numbers is computed with {@code A}/{@code B} read as {@code 0} (no official text: see DOMAIN §5).
 */
public record Finess(String value, boolean keyValid) implements NationalIdentifier {

    public Finess {
        if (value == null || value.length() != 9) {
            throw new InvalidIdentifierException("FINESS must have 9 characters, got " + InvalidIdentifierException.show(value));
        }
        for (int i = 0; i < 9; i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
                throw new InvalidIdentifierException("FINESS may hold only digits and capital letters, got "
                        + InvalidIdentifierException.show(value) + " (character " + (i + 1) + ")");
            }
        }
        if (value.charAt(8) < '0' || value.charAt(8) > '9') {
            throw new InvalidIdentifierException("FINESS check key (9th character) must be a digit, got "
                    + InvalidIdentifierException.show(value));
        }
        if (keyValid != computeKey(value)) {
            throw new IllegalArgumentException("keyValid=" + keyValid + " contradicts the check key of " + value
                    + ": use Finess.parse");
        }
    }

    /**
     * Parses a FINESS; the key is checked and exposed, not enforced.
     *
     * @param text nine characters, digits and capital letters, the last a digit
     * @return the FINESS
     * @throws InvalidIdentifierException when the text cannot be a FINESS
     */
    public static Finess parse(String text) {
        if (text == null) {
            throw new InvalidIdentifierException("FINESS is null");
        }
        return new Finess(text, computeKey(text));
    }

    private static boolean computeKey(String v) {
        if (v.length() != 9) {
            return false;
        }
        String digits = v;
        if (v.startsWith("2A") || v.startsWith("2B")) {
            digits = "20" + v.substring(2);
        }
        return Luhn.valid(digits);
    }

    /**
     * The département code read from the number: two characters ({@code 75}, {@code 2A}), three for overseas:
     * {@code 97} followed by the 4th character (a number starting {@code 9701} is in {@code 971}), and
     * {@code 976} for numbers starting {@code 98} (Mayotte).
     *
     * @return the département code
     */
    public String departement() {
        if (value.startsWith("97")) {
            return "97" + value.charAt(3);
        }
        if (value.startsWith("98")) {
            return "976";
        }
        return value.substring(0, 2);
    }

    @Override
    public String kindName() {
        return "FINESS";
    }

    @Override
    public String toString() {
        return value;
    }

    /**
     * Both components, as the record's own {@code equals}; written out because the generated one is bootstrapped
     * through method handles on its first call (a cold-start cost, issue 16: every directory lookup uses it).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Finess f && value.equals(f.value) && keyValid == f.keyValid;
    }

    /** The record's own hash code ({@code 31 * value.hashCode() + Boolean.hashCode(keyValid)}), written out. */
    @Override
    public int hashCode() {
        return 31 * value.hashCode() + Boolean.hashCode(keyValid);
    }
}
