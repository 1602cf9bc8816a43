package org.vigie.core;

/** Thrown by the {@code parse} factories of identifiers when the text cannot be an identifier of that kind. */
public class InvalidIdentifierException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidIdentifierException(String message) {
        super(message);
    }

    static String show(String s) {
        if (s == null) {
            return "null";
        }
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return "\"" + cut + "\"";
    }

    /** Rejects a null, empty or over-long text before an identifier of kind {@code what} is parsed from it. */
    static void requireUsable(String text, String what, int maxLength) {
        if (text == null) {
            throw new InvalidIdentifierException(what + " is null");
        }
        if (text.isEmpty()) {
            throw new InvalidIdentifierException(what + " is empty");
        }
        if (text.length() > maxLength) {
            throw new InvalidIdentifierException(what + " longer than " + maxLength + " characters: " + show(text));
        }
    }
}
