package org.vigie.core;

import java.util.Optional;

import org.vigie.core.internal.Luhn;

/**
 * An IdNat_PS (OID 1.2.250.1.71.4.2.1), the national identifier of a person, as carried by a VIHF
 * {@code Subject/NameID} or a CDA author: a one-character prefix, then the number.
 * <ul>
 *   <li>{@code 0} ADELI: {@code 0} + 9-digit ADELI number;</li>
 *   <li>{@code 1} ADELI cabinet / internal: {@code 1} + ADELI cabinet number + {@code /} + internal id;</li>
 *   <li>{@code 3} FINESS / internal: {@code 3} + 9-character FINESS + {@code /} + internal id (here {@code 3}
 *       means FINESS, whereas in IdNat_Struct it means SIRET);</li>
 *   <li>{@code 4} SIREN / internal: {@code 4} + 9-digit SIREN + {@code /} + internal id;</li>
 *   <li>{@code 5} SIRET / internal: {@code 5} + 14-digit SIRET + {@code /} + internal id;</li>
 *   <li>{@code 6} RPPS cabinet / internal: {@code 6} + RPPS-rang cabinet number + {@code /} + internal id;</li>
 *   <li>{@code 8} RPPS: {@code 8} + 11-digit RPPS number.</li>
 * </ul>
 * Equality is on the string form, character for character. A failed check key does not make the id unusable:
 * it is exposed by {@link #keyValid()} (reported as {@code ID-KEY}).
 */
public final class PersonId {

    /** The kind of person identifier, from its prefix. */
    public enum Kind {
        /** {@code 0}: ADELI number. */
        ADELI('0'),
        /** {@code 1}: internal id in an ADELI cabinet. */
        ADELI_CABINET_INTERNAL('1'),
        /** {@code 3}: internal id in a FINESS structure. */
        FINESS_INTERNAL('3'),
        /** {@code 4}: internal id in a SIREN legal unit. */
        SIREN_INTERNAL('4'),
        /** {@code 5}: internal id in a SIRET establishment. */
        SIRET_INTERNAL('5'),
        /** {@code 6}: internal id in an RPPS-rang cabinet. */
        RPPS_CABINET_INTERNAL('6'),
        /** {@code 8}: RPPS number. */
        RPPS('8');

        private final char prefix;

        Kind(char prefix) {
            this.prefix = prefix;
        }

        /** @return the prefix character */
        public char prefix() {
            return prefix;
        }
    }

    private static final int MAX_LENGTH = 80;

    private final Kind kind;
    private final String value;
    private final String structureNumber;
    private final NationalIdentifier identifier;
    private final String internalId;

    private PersonId(Kind kind, String value, String structureNumber, NationalIdentifier identifier,
                     String internalId) {
        this.kind = kind;
        this.value = value;
        this.structureNumber = structureNumber;
        this.identifier = identifier;
        this.internalId = internalId;
    }

    /**
     * Parses an IdNat_PS exactly as written (no trimming).
     *
     * @param text the identifier
     * @return the parsed identifier
     * @throws InvalidIdentifierException with a message saying what was expected
     */
    public static PersonId parse(String text) {
        InvalidIdentifierException.requireUsable(text, "IdNat_PS", MAX_LENGTH);
        String rest = text.substring(1);
        switch (text.charAt(0)) {
            case '0':
                if (rest.length() != 9 || !Luhn.allDigits(rest)) {
                    throw bad(text, "ADELI: '0' + 9 digits");
                }
                return new PersonId(Kind.ADELI, text, rest, Adeli.parse(rest), "");
            case '8':
                if (rest.length() != 11 || !Luhn.allDigits(rest)) {
                    throw bad(text, "RPPS: '8' + 11 digits");
                }
                return new PersonId(Kind.RPPS, text, rest, Rpps.parse(rest), "");
            case '1':
                return internal(text, Kind.ADELI_CABINET_INTERNAL, "ADELI cabinet number (9 to 14 digits)");
            case '3':
                return internal(text, Kind.FINESS_INTERNAL, "9-character FINESS");
            case '4':
                return internal(text, Kind.SIREN_INTERNAL, "9-digit SIREN");
            case '5':
                return internal(text, Kind.SIRET_INTERNAL, "14-digit SIRET");
            case '6':
                return internal(text, Kind.RPPS_CABINET_INTERNAL, "RPPS-rang cabinet number (12 to 16 digits)");
            default:
                throw bad(text, "a prefix among 0, 1, 3, 4, 5, 6, 8");
        }
    }

    /**
     * Parses, or returns empty when the text is not a well-formed IdNat_PS.
     *
     * @param text the identifier
     * @return the parsed identifier, or empty
     */
    public static Optional<PersonId> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (InvalidIdentifierException e) {
            return Optional.empty();
        }
    }

    private static PersonId internal(String text, Kind kind, String structureShape) {
        String expected = "'" + kind.prefix() + "' + " + structureShape + " + '/' + internal id";
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw bad(text, expected + " (no '/')");
        }
        String number = text.substring(1, slash);
        String internalId = text.substring(slash + 1);
        if (internalId.isEmpty()) {
            throw bad(text, expected + " (internal id empty)");
        }
        for (int i = 0; i < internalId.length(); i++) {
            char c = internalId.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw bad(text, expected + " (space or control character in the internal id)");
            }
        }
        NationalIdentifier id;
        try {
            id = switch (kind) {
                case ADELI_CABINET_INTERNAL -> {
                    if (number.length() < 9 || number.length() > 14 || !Luhn.allDigits(number)) {
                        throw new InvalidIdentifierException("not an ADELI cabinet number");
                    }
                    yield Adeli.parse(number.substring(0, 9));
                }
                case FINESS_INTERNAL -> Finess.parse(number);
                case SIREN_INTERNAL -> Siren.parse(number);
                case SIRET_INTERNAL -> Siret.parse(number);
                case RPPS_CABINET_INTERNAL -> {
                    if (number.length() < 12 || number.length() > 16 || !Luhn.allDigits(number)) {
                        throw new InvalidIdentifierException("not an RPPS-rang cabinet number");
                    }
                    yield Rpps.parse(number.substring(0, 11));
                }
                default -> throw new IllegalStateException(kind.name());
            };
        } catch (InvalidIdentifierException e) {
            throw bad(text, expected);
        }
        return new PersonId(kind, text, number, id, internalId);
    }

    private static InvalidIdentifierException bad(String text, String expected) {
        return new InvalidIdentifierException("malformed IdNat_PS " + InvalidIdentifierException.show(text)
                + ": expected " + expected);
    }

    /** @return the kind, from the prefix */
    public Kind kind() {
        return kind;
    }

    /** @return the identifier as written, prefix included */
    public String value() {
        return value;
    }

    /**
     * @return the national number after the prefix (the ADELI or RPPS number, or the structure's number before
     *         the {@code /})
     */
    public String number() {
        return structureNumber;
    }

    /**
     * @return the inner national identifier: the person's ADELI or RPPS number, or the structure's FINESS,
     *         SIREN, SIRET, or the ADELI / RPPS number of the cabinet
     */
    public NationalIdentifier identifier() {
        return identifier;
    }

    /** @return the internal id after the {@code /}, empty for ADELI and RPPS ids */
    public Optional<String> internalId() {
        return internalId.isEmpty() ? Optional.empty() : Optional.of(internalId);
    }

    /** @return true when the person is identified by a national number (ADELI or RPPS), not an internal id */
    public boolean national() {
        return kind == Kind.ADELI || kind == Kind.RPPS;
    }

    /** @return false when the inner identifier fails its check key (reported as {@code ID-KEY}) */
    public boolean keyValid() {
        return identifier.keyValid();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
