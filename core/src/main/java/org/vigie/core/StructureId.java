package org.vigie.core;

import java.util.Optional;

import org.vigie.core.internal.Luhn;

/**
 * An IdNat_Struct (OID 1.2.250.1.71.4.2.2, "IDNST"): a one-character prefix telling the kind, then the number.
 * <ul>
 *   <li>{@code 0} ADELI cabinet: 9-digit ADELI number, optionally followed by a rank (digits);</li>
 *   <li>{@code 1} FINESS (EJ or EG: only the directory knows);</li>
 *   <li>{@code 2} SIREN; {@code 3} SIRET;</li>
 *   <li>{@code 4} RPPS-rang cabinet: 11-digit RPPS followed by a rank (1 to 5 digits, {@code 001} seen);</li>
 *   <li>technical ids, without prefix: any other token of letters, digits, {@code . _ - /} not starting with 0–4.</li>
 * </ul>
 * Equality is on the canonical string form, character for character (control 1 is a strict equality).
 */
public final class StructureId {

    /** The kind of structure identifier, from its prefix. */
    public enum Kind {
        ADELI_CABINET('0'), FINESS('1'), SIREN('2'), SIRET('3'), RPPS_RANG('4'), TECHNICAL('\0');

        private final char prefix;

        Kind(char prefix) {
            this.prefix = prefix;
        }

        /** The prefix character, or {@code '\0'} for technical ids. */
        public char prefix() {
            return prefix;
        }
    }

    private static final int MAX_LENGTH = 64;

    private final Kind kind;
    private final String value;
    private final NationalIdentifier identifier;
    private final String rank;

    private StructureId(Kind kind, String value, NationalIdentifier identifier, String rank) {
        this.kind = kind;
        this.value = value;
        this.identifier = identifier;
        this.rank = rank;
    }

    /**
     * Parses an IdNat_Struct exactly as written (no trimming: surrounding spaces are an error).
     *
     * @throws InvalidIdentifierException with a message saying what was expected
     */
    public static StructureId parse(String text) {
        InvalidIdentifierException.requireUsable(text, "IdNat_Struct", MAX_LENGTH);
        String rest = text.substring(1);
        switch (text.charAt(0)) {
            case '0': {
                if (rest.length() < 9 || rest.length() > 14 || !Luhn.allDigits(rest)) {
                    throw bad(text, "ADELI cabinet id: '0' + 9-digit ADELI number + optional rank digits");
                }
                return new StructureId(Kind.ADELI_CABINET, text, Adeli.parse(rest.substring(0, 9)), rest.substring(9));
            }
            case '1': {
                try {
                    return new StructureId(Kind.FINESS, text, Finess.parse(rest), "");
                } catch (InvalidIdentifierException e) {
                    throw bad(text, "FINESS id: '1' + 9-character FINESS (" + e.getMessage() + ")");
                }
            }
            case '2': {
                if (rest.length() != 9 || !Luhn.allDigits(rest)) {
                    throw bad(text, "SIREN id: '2' + 9 digits");
                }
                return new StructureId(Kind.SIREN, text, Siren.parse(rest), "");
            }
            case '3': {
                if (rest.length() != 14 || !Luhn.allDigits(rest)) {
                    throw bad(text, "SIRET id: '3' + 14 digits");
                }
                return new StructureId(Kind.SIRET, text, Siret.parse(rest), "");
            }
            case '4': {
                if (rest.length() < 12 || rest.length() > 16 || !Luhn.allDigits(rest)) {
                    throw bad(text, "RPPS-rang cabinet id: '4' + 11-digit RPPS + rank digits");
                }
                return new StructureId(Kind.RPPS_RANG, text, Rpps.parse(rest.substring(0, 11)), rest.substring(11));
            }
            default: {
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                            || c == '.' || c == '_' || c == '-' || c == '/';
                    if (!ok) {
                        throw bad(text, "technical id: letters, digits and . _ - / only (character " + (i + 1) + ")");
                    }
                }
                return new StructureId(Kind.TECHNICAL, text, null, "");
            }
        }
    }

    /** Parses, or returns empty when the text is not a well-formed IdNat_Struct. */
    public static Optional<StructureId> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (InvalidIdentifierException e) {
            return Optional.empty();
        }
    }

    /** The IdNat_Struct of a FINESS number. */
    public static StructureId ofFiness(Finess finess) {
        return parse("1" + finess.value());
    }

    public static StructureId ofSiret(Siret siret) {
        return parse("3" + siret.value());
    }

    public static StructureId ofSiren(Siren siren) {
        return parse("2" + siren.value());
    }

    private static InvalidIdentifierException bad(String text, String expected) {
        return new InvalidIdentifierException("malformed IdNat_Struct " + InvalidIdentifierException.show(text)
                + ": expected " + expected);
    }

    public Kind kind() {
        return kind;
    }

    /** The canonical string form (prefix included), as carried by certificates, VIHF and XON. */
    public String value() {
        return value;
    }

    /** The number without its prefix (the whole value for technical ids). */
    public String number() {
        return kind == Kind.TECHNICAL ? value : value.substring(1);
    }

    /** The inner national identifier (ADELI, FINESS, SIREN, SIRET or RPPS); empty for technical ids. */
    public Optional<NationalIdentifier> identifier() {
        return Optional.ofNullable(identifier);
    }

    /** The FINESS, when this id is of kind {@link Kind#FINESS}. */
    public Optional<Finess> finess() {
        return identifier instanceof Finess f ? Optional.of(f) : Optional.empty();
    }

    /** The SIREN of the legal unit, for SIREN and SIRET ids. */
    public Optional<Siren> siren() {
        if (identifier instanceof Siren s) {
            return Optional.of(s);
        }
        if (identifier instanceof Siret s) {
            return Optional.of(s.siren());
        }
        return Optional.empty();
    }

    /** The cabinet rank for ADELI and RPPS-rang ids (may be empty). */
    public String rank() {
        return rank;
    }

    /** False when the inner identifier fails its check key (reported as {@code ID-KEY}). */
    public boolean keyValid() {
        return identifier == null || identifier.keyValid();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StructureId other && value.equals(other.value);
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
