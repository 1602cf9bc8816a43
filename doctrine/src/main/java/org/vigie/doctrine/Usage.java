package org.vigie.doctrine;

/**
 * A service an organisation certificate is used for. The ORG certificate may be multi-use, except for INSi,
 * which needs its own certificate named {@code INSI-AUTO} or {@code INSI-MANU}.
 */
public enum Usage {
    /** Feeding the DMP (Mon espace santé). */
    DMP("DMP"),
    /** Exchanges between the care software and its MSSanté operator. */
    MSSANTE("MSSanté"),
    /** The INSi teleservice (national health identifier): specific naming. */
    INSI("INSi"),
    /** Any other service of the national platforms. */
    OTHER("autre service");

    private final String label;

    Usage(String label) {
        this.label = label;
    }

    /** Display label (French). */
    public String label() {
        return label;
    }

    /** Display label in {@code locale}'s language (English for an English locale, French otherwise). */
    public String label(java.util.Locale locale) {
        return this == OTHER && org.vigie.core.Messages.language(locale) == java.util.Locale.ENGLISH ? "other service"
                : label;
    }
}
