package org.vigie.doctrine;

import java.util.Optional;

/**
 * The "couloir" (corridor) of the Ségur programme a legal entity belongs to. Each corridor has its own
 * certificate doctrine (DOMAIN §3, seed webinar of 2022-05-24).
 */
public enum Corridor {
    /** Établissements de santé (public, private, dialysis centres). */
    HOSPITAL("hôpital", false),
    /** Organismes gestionnaires of ESSMS (EHPAD included). */
    MEDICO_SOCIAL("médico-social", false),
    /** Pharmacies d'officine. */
    PHARMACY("officine", true),
    /** Radiology practices (company or cabinet). */
    RADIOLOGY("radiologie", true),
    /** Medical biology laboratories (laboratoires de biologie médicale de ville). */
    LABORATORY("biologie médicale", true),
    /** Town medicine: liberal doctors, maisons de santé (MSP), centres de santé. */
    TOWN_MEDICINE("médecine de ville", true);

    private final String labelFr;
    private final boolean liberal;

    Corridor(String labelFr, boolean liberal) {
        this.labelFr = labelFr;
        this.liberal = liberal;
    }

    /** French label, e.g. {@code "médico-social"}. */
    public String labelFr() {
        return labelFr;
    }

    /**
     * True for the corridors of the liberal sector (pharmacy, radiology, labs, town medicine), whose
     * structures need no contract with ANS.
     */
    public boolean liberal() {
        return liberal;
    }

    /**
     * The corridor suggested by a FINESS category (TRE_R66), when the category tells it. The list is partial (the
     * common categories of each corridor); an organisation description that states its corridor always wins.
     *
     * @param categoryCode FINESS category code, e.g. {@code "355"}
     * @return the corridor, or empty when the category does not decide
     */
    public static Optional<Corridor> ofCategory(String categoryCode) {
        if (categoryCode == null) {
            return Optional.empty();
        }
        switch (categoryCode.trim()) {
            case "101": case "106": case "355": case "365": case "292": case "141": case "146": case "128":
            case "129": case "362":
                return Optional.of(HOSPITAL);
            case "500": case "202": case "207": case "183": case "252": case "255": case "354": case "437":
                return Optional.of(MEDICO_SOCIAL);
            case "620":
                return Optional.of(PHARMACY);
            case "611":
                return Optional.of(LABORATORY);
            case "603": case "124":
                return Optional.of(TOWN_MEDICINE);
            default:
                return Optional.empty();
        }
    }
}
