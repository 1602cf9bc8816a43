package org.vigie.doctrine.deployment;

/** How an establishment (EG) is covered by an organisation certificate for the DMP, as the doctrine judges it. */
public enum Coverage {
    /** By a certificate under its own FINESS EG (a pharmacy, a maison de santé, a legacy EG certificate…). */
    ESTABLISHMENT("certificat EG", true),
    /** By its legal entity's certificate (FINESS EJ), the doctrine allowing it at the date. */
    LEGAL_ENTITY("certificat EJ", true),
    /** By the certificate of the main site of its laboratory (FINESS EG of the main site, for every site). */
    MAIN_SITE("certificat du site principal", true),
    /** The doctrine asks for a certificate that the inventory does not hold (valid at the date). */
    NONE("non couvert", false),
    /** Its legal entity falls in no corridor of the doctrine (e.g. a CPTS): not counted in coverage rates. */
    OUT_OF_DOCTRINE("hors doctrine", false);

    private final String labelFr;
    private final boolean covered;

    Coverage(String labelFr, boolean covered) {
        this.labelFr = labelFr;
        this.covered = covered;
    }

    /** @return the French label */
    public String labelFr() {
        return labelFr;
    }

    /** @return true for the three ways of being covered */
    public boolean covered() {
        return covered;
    }

    /** @return true when at the EG level (own certificate or the lab's main site) */
    public boolean establishmentLevel() {
        return this == ESTABLISHMENT || this == MAIN_SITE;
    }
}
