package org.vigie.doctrine;

/** The kind of grouping several legal entities belong to, if any. A group is never a legal entity itself. */
public enum GroupKind {
    /** A single structure, no group. */
    NONE("aucun groupement"),
    /** Groupement hospitalier de territoire. */
    GHT("GHT"),
    /** A group of private clinics. */
    CLINIC_GROUP("groupement de cliniques"),
    /** A group of organismes gestionnaires (médico-social). */
    OG_GROUP("groupement d'OG"),
    /** Any other grouping of legal entities. */
    OTHER("groupement");

    private final String labelFr;

    GroupKind(String labelFr) {
        this.labelFr = labelFr;
    }

    /** French label. */
    public String labelFr() {
        return labelFr;
    }
}
