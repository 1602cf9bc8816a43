package org.vigie.core;

/** Class of a legal entity's statut juridique, per TRE_R400 level 1. */
public enum LegalStatus {
    /** 1000: public (leaf codes 01–30). */
    PUBLIC,
    /** 2000: private (40–80, 85–89, 91, 93, 95). */
    PRIVATE,
    /** 3000: foreign (90). */
    FOREIGN,
    /** Code missing or not in TRE_R400. */
    UNKNOWN;

    /** The class of a TRE_R400 leaf code ("01".."95"), or UNKNOWN. */
    public static LegalStatus ofCode(String code) {
        if (code == null || code.isBlank()) {
            return UNKNOWN;
        }
        int n;
        try {
            n = Integer.parseInt(code.trim());
        } catch (NumberFormatException e) {
            return UNKNOWN;
        }
        if (n >= 1 && n <= 30) {
            return PUBLIC;
        }
        if ((n >= 40 && n <= 80) || (n >= 85 && n <= 89) || n == 91 || n == 93 || n == 95) {
            return PRIVATE;
        }
        if (n == 90) {
            return FOREIGN;
        }
        return UNKNOWN;
    }
}
