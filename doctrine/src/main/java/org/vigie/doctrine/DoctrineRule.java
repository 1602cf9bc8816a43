package org.vigie.doctrine;

/**
 * The rules of the certificate doctrine (seed webinar ANS/CNAM of 2022-05-24, DOMAIN §3) a planned certificate
 * follows. Each carries a stable code and its French text, shown to explain why a certificate is asked for.
 */
public enum DoctrineRule {
    /** Public ES and dialysis centres: one EJ certificate from 2022-05-24. */
    PUBLIC_ES_EJ("HOP-PUBLIC-EJ", "ES publics et centres de dialyse : un seul certificat sous le FINESS EJ couvrant "
            + "l'ensemble de leurs EG, dès le 24/05/2022.",
            "Public ES and dialysis centres: one certificate under the FINESS EJ covering all their EGs, from 24/05/2022."),
    /** Private ES: one EJ certificate from 2022-10-01. */
    PRIVATE_ES_EJ("HOP-PRIVE-EJ", "ES privés : un certificat par personne morale (FINESS EJ) couvrant ses EG, à "
            + "partir d'octobre 2022 (au plus tôt mi-juillet).",
            "Private ES: one certificate per legal entity (FINESS EJ) covering its EGs, from October 2022 (mid-July at the earliest)."),
    /** Private ES financed per EG: authorInstitution carries the EG. */
    EG_TRACEABILITY("HOP-TRACE-EG", "ES privés financés au niveau géographique : l'alimentation du DMP doit rester "
            + "traçable par EG (authorInstitution = FINESS EG) ; cette obligation s'étendra à tous les ES.",
            "Private ES financed at the geographic level: feeding the DMP must stay traceable per EG (authorInstitution = FINESS EG); this obligation will extend to every ES."),
    /** Before the EJ certificate is open to the corridor: one certificate per EG. */
    EG_BEFORE_EJ("EG-AVANT-EJ", "Tant que le certificat EJ n'est pas ouvert à la filière, chaque EG dispose de son "
            + "propre certificat sous son FINESS EG.",
            "As long as the EJ certificate is not open to the corridor, each EG has its own certificate under its FINESS EG."),
    /** Existing EG certificates are kept until renewal. */
    EG_KEPT("EG-CONSERVE", "Les structures ayant déjà déployé des certificats EG (DMP, INSi) les conservent et "
            + "passent au certificat EJ lors du renouvellement.",
            "Structures that already deployed EG certificates (DMP, INSi) keep them and move to the EJ certificate at renewal."),
    /** Groups: one certificate per EJ. */
    ONE_PER_EJ("UN-PAR-EJ", "Un certificat est porté par une personne morale (FINESS EJ) : un GHT, un groupement de "
            + "cliniques ou d'OG dispose d'autant de certificats que d'entités juridiques ; un SI commun doit gérer "
            + "un certificat par EJ.",
            "A certificate is held by one legal entity (FINESS EJ): a GHT, a group of clinics or of OG has as many certificates as legal entities; a shared information system must manage one certificate per EJ."),
    /** EJ without a unified SI: one certificate per solution. */
    PER_SOLUTION("PAR-SOLUTION", "EJ sans SI unifié (plusieurs DPI, DUI, PFI selon les EG) : chaque solution dispose "
            + "de son propre certificat (EJ ou EG).",
            "EJ without a unified information system (several DPI, DUI, PFI depending on the EG): each solution has its own certificate (EJ or EG)."),
    /** OG: one EJ certificate for all its ESSMS. */
    OG_EJ("MS-OG-EJ", "Un OG identifié par un FINESS EJ peut commander un certificat EJ pour l'ensemble de ses ESSMS ; "
            + "le FINESS EG reste renseigné dans les données du DMP.",
            "An OG identified by a FINESS EJ may order one EJ certificate for all its ESSMS; the FINESS EG stays filled in the DMP data."),
    /** EHPAD: EJ certificate from 2022-06-01. */
    EHPAD_EJ("MS-EHPAD", "EHPAD : la restriction d'alimentation du DMP est levée en juin 2022 ; certificat unique sous "
            + "le FINESS EJ à partir du 01/06/2022.",
            "EHPAD: the restriction on feeding the DMP is lifted in June 2022; a single certificate under the FINESS EJ from 01/06/2022."),
    /** Pharmacies: certificate under the EG. */
    PHARMACY_EG("OFFICINE-EG", "Officine : chaque officine dispose d'un certificat sous son FINESS géographique "
            + "(bon de commande Ségur).",
            "Pharmacy: each pharmacy has a certificate under its geographic FINESS (Ségur order form)."),
    /** Radiology company: SIRET. */
    RADIOLOGY_SIRET("RADIO-SIRET", "Radiologie : certificat sous le numéro SIRET de la société d'exercice.",
            "Radiology: certificate under the SIRET number of the practice company."),
    /** Radiology cabinet: RPPS-rang. */
    RADIOLOGY_RPPS_RANG("RADIO-RPPS-RANG", "Radiologie : certificat sous le RPPS rang du cabinet libéral.",
            "Radiology: certificate under the RPPS rang of the private practice."),
    /** Labs: main site's EG for all sites. */
    LAB_MAIN_SITE("LABO-SITE-PRINCIPAL", "Laboratoire de biologie médicale : un certificat sous le FINESS géographique "
            + "du site principal, pour l'ensemble des sites de l'EJ.",
            "Medical biology laboratory: one certificate under the geographic FINESS of the main site, for all the sites of the EJ."),
    /** MSP and centres de santé: EG. */
    TOWN_EG("VILLE-EG", "Maisons de santé et centres de santé : certificat sous leur FINESS géographique.",
            "Health centres and multi-professional health homes: certificate under their geographic FINESS."),
    /** Town doctors: CPS cards. */
    CPS("VILLE-CPS", "Médecins libéraux : accès aux services Ségur par leur carte CPS, aucun certificat à commander.",
            "Town doctors: access to the Ségur services with their CPS card, no certificate to order."),
    /** INSi: dedicated certificate and naming. */
    INSI_NAMING("INSI-NOMMAGE", "Le certificat ORG peut servir à plusieurs usages (DMP, MSSanté…) sauf le téléservice "
            + "INSi, qui exige un certificat dédié nommé INSI-AUTO ou INSI-MANU.",
            "The ORG certificate may serve several uses (DMP, MSSanté…) except the INSi teleservice, which needs a dedicated certificate named INSI-AUTO or INSI-MANU.");

    private final String code;
    private final String textFr;
    private final String textEn;

    DoctrineRule(String code, String textFr, String textEn) {
        this.code = code;
        this.textFr = textFr;
        this.textEn = textEn;
    }

    /** Stable short code, e.g. {@code HOP-PUBLIC-EJ}. */
    public String code() {
        return code;
    }

    /** The rule's French text. */
    public String textFr() {
        return textFr;
    }

    /** The rule in English. */
    public String textEn() {
        return textEn;
    }

    /** The rule in {@code locale}'s language (English for an English locale, French otherwise). */
    public String text(java.util.Locale locale) {
        return org.vigie.core.Messages.language(locale) == java.util.Locale.ENGLISH ? textEn : textFr;
    }
}
