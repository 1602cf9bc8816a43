package org.vigie.core.internal;

/** The Luhn (mod 10) check used by FINESS, SIREN, SIRET and RPPS numbers. */
public final class Luhn {

    private Luhn() {
    }

    /** True when {@code digits} is all ASCII digits and passes the Luhn check. */
    public static boolean valid(CharSequence digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int d = c - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return digits.length() > 0 && sum % 10 == 0;
    }

    /** True when every character is an ASCII digit (and there is at least one). */
    public static boolean allDigits(CharSequence s) {
        if (s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The Luhn check digit to append to {@code payload} so that the whole passes {@link #valid(CharSequence)}.
     *
     * @param payload ASCII digits
     * @return the check digit, 0 to 9
     */
    public static int checkDigit(CharSequence payload) {
        int sum = 0;
        boolean doubled = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            char c = payload.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at " + i);
            }
            int d = c - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }
}
