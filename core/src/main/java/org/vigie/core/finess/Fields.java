package org.vigie.core.finess;

import java.time.LocalDate;
import java.util.Optional;

import org.vigie.core.Finess;
import org.vigie.core.InvalidIdentifierException;
import org.vigie.core.Siren;
import org.vigie.core.Siret;

/** Field parsing shared by the readers. */
final class Fields {

    private Fields() {
    }

    /** A FINESS, or the reason why not (as an exception message). */
    static Finess finess(String raw, String what) {
        String v = raw.strip();
        if (v.isEmpty()) {
            throw new InvalidIdentifierException(what + " absent");
        }
        try {
            return Finess.parse(v);
        } catch (InvalidIdentifierException e) {
            throw new InvalidIdentifierException(what + " mal formé « " + cut(v) + " » : 9 caractères attendus, "
                    + "chiffres et lettres majuscules, le dernier un chiffre");
        }
    }

    static Optional<Siret> siret(String raw) {
        String v = raw == null ? "" : raw.strip();
        if (v.length() != 14) {
            return Optional.empty();
        }
        try {
            return Optional.of(Siret.parse(v));
        } catch (InvalidIdentifierException e) {
            return Optional.empty();
        }
    }

    static Optional<Siren> siren(String raw) {
        String v = raw == null ? "" : raw.strip().replace(" ", "");
        if (v.length() != 9) {
            return Optional.empty();
        }
        try {
            return Optional.of(Siren.parse(v));
        } catch (InvalidIdentifierException e) {
            return Optional.empty();
        }
    }

    /** ISO date (first 10 characters: YYYY-MM-DD), or DD/MM/YYYY; empty when absent or malformed. */
    static Optional<LocalDate> date(String raw) {
        String v = raw == null ? "" : raw.strip();
        try {
            if (v.length() >= 10 && v.charAt(4) == '-') {
                return Optional.of(LocalDate.parse(v.substring(0, 10)));
            }
            if (v.length() == 10 && v.charAt(2) == '/' && v.charAt(5) == '/') {
                return Optional.of(LocalDate.of(Integer.parseInt(v.substring(6)), Integer.parseInt(v.substring(3, 5)),
                        Integer.parseInt(v.substring(0, 2))));
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
