package org.vigie.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.vigie.core.Rule.Family.AUTHOR_INSTITUTION;
import static org.vigie.core.Rule.Family.CERTIFICATE;
import static org.vigie.core.Rule.Family.DOCTRINE;
import static org.vigie.core.Rule.Family.IDENTIFIER;
import static org.vigie.core.Rule.Family.SOAP_MIME;
import static org.vigie.core.Rule.Family.VIHF;
import static org.vigie.core.Severity.ERROR;
import static org.vigie.core.Severity.INFO;
import static org.vigie.core.Severity.WARNING;

/**
 * The rule catalogue: every id a finding may carry. The ids are a public contract (see {@code docs/rules.md},
 * kept equal to this class by a test).
 */
public final class Rules {

    // Certificates
    public static final Rule CERT_TRUST = r("CERT-TRUST", ERROR, CERTIFICATE,
            "Certificat non reconnu : chaîne de confiance, validité ou révocation",
            "Certificate not trusted: chain, validity period or revocation");
    public static final Rule CERT_AUTH_PROFILE = r("CERT-AUTH-PROFILE", ERROR, CERTIFICATE,
            "Le certificat TLS n'est pas un certificat d'authentification d'organisation",
            "TLS certificate is not an organisation authentication certificate");
    public static final Rule CERT_SIGN_PROFILE = r("CERT-SIGN-PROFILE", ERROR, CERTIFICATE,
            "Le certificat de signature du VIHF n'est pas un certificat cachet",
            "VIHF signing certificate is not a signature (seal) certificate");
    public static final Rule CERT_STRUCT_ID = r("CERT-STRUCT-ID", ERROR, CERTIFICATE,
            "Le sujet du certificat ne porte pas un unique OU contenant un IdNat_Struct valide",
            "Certificate subject has no single OU holding a well-formed IdNat_Struct");
    public static final Rule CERT_SAME_STRUCTURE = r("CERT-SAME-STRUCTURE", ERROR, CERTIFICATE,
            "Les certificats d'authentification et de signature portent des structures différentes",
            "Authentication and signing certificates carry different structures");
    public static final Rule CERT_SAME_HIERARCHY = r("CERT-SAME-HIERARCHY", ERROR, CERTIFICATE,
            "Les certificats d'authentification et de signature relèvent l'un de l'IGC-Santé de production, l'autre de TEST",
            "Authentication and signing certificates come one from the production IGC-Santé, the other from TEST");

    // VIHF
    public static final Rule VIHF_XML = r("VIHF-XML", ERROR, VIHF,
            "Jeton illisible, non conforme XML, avec DOCTYPE, trop gros ou pas une Assertion SAML 2.0 unique",
            "Token unreadable, not well-formed, with a DOCTYPE, too large, or not a single SAML 2.0 Assertion");
    public static final Rule VIHF_SIGNED = r("VIHF-SIGNED", ERROR, VIHF,
            "L'Assertion n'est pas signée", "The Assertion carries no signature");
    public static final Rule VIHF_SIGNATURE = r("VIHF-SIGNATURE", ERROR, VIHF,
            "Signature invalide ou hors profil", "Signature invalid or outside the profile");
    public static final Rule VIHF_ALGORITHM = r("VIHF-ALGORITHM", WARNING, VIHF,
            "Signature ou condensat en SHA-1", "Signed or digested with SHA-1");
    public static final Rule VIHF_ISSUER = r("VIHF-ISSUER", ERROR, VIHF,
            "Issuer non conforme ou différent du sujet du certificat signataire",
            "Issuer format wrong or Issuer DN differs from the signing certificate subject");
    public static final Rule VIHF_TIME = r("VIHF-TIME", ERROR, VIHF,
            "Jeton émis dans le futur, trop ancien, daté sans fuseau horaire ou hors de sa période de validité",
            "Token issued in the future, too old, dated without a time zone, or outside its validity period");
    public static final Rule VIHF_ATTRIBUTE = r("VIHF-ATTRIBUTE", ERROR, VIHF,
            "Attribut obligatoire absent, vide, répété ou de valeur ambiguë",
            "Mandatory attribute missing, empty, repeated or with an ambiguous value");
    public static final Rule VIHF_VERSION = r("VIHF-VERSION", ERROR, VIHF,
            "VIHF_Version non acceptée", "VIHF_Version not accepted");
    public static final Rule VIHF_AUTH_MODE = r("VIHF-AUTH-MODE", ERROR, VIHF,
            "Authentification_Mode n'est pas INDIRECTE ou INDIRECTE_RENFORCEE",
            "Authentification_Mode is not INDIRECTE or INDIRECTE_RENFORCEE");
    public static final Rule VIHF_ROLE = r("VIHF-ROLE", ERROR, VIHF,
            "Rôle mal formé ou spécialité absente (professions 10 et 21)",
            "Role malformed or specialty missing (professions 10 and 21)");
    public static final Rule VIHF_PURPOSE = r("VIHF-PURPOSE", ERROR, VIHF,
            "PurposeOfUse non autorisé", "PurposeOfUse not allowed");
    public static final Rule VIHF_RESOURCE = r("VIHF-RESOURCE", ERROR, VIHF,
            "Ressource_URN ou resource-id non conforme", "Ressource_URN or resource-id malformed");
    public static final Rule VIHF_STRUCT_EQ = r("VIHF-STRUCT-EQ", ERROR, VIHF,
            "Identifiant_Structure différent de la structure du certificat d'authentification (contrôle 1)",
            "Identifiant_Structure differs from the authentication certificate's structure (control 1)");
    public static final Rule VIHF_STRUCT_KNOWN = r("VIHF-STRUCT-KNOWN", ERROR, VIHF,
            "Identifiant_Structure inconnu du répertoire ou structure fermée",
            "Identifiant_Structure unknown to the directory or structure closed");
    public static final Rule VIHF_SECTOR_VALUESET = r("VIHF-SECTOR-VALUESET", ERROR, VIHF,
            "Secteur_Activite hors du jeu de valeurs configuré", "Secteur_Activite outside the configured value set");
    public static final Rule VIHF_SECTOR_FORBIDDEN = r("VIHF-SECTOR-FORBIDDEN", ERROR, VIHF,
            "Secteur_Activite interdit en authentification indirecte",
            "Secteur_Activite forbidden in indirect authentication");
    public static final Rule VIHF_AUTHN = r("VIHF-AUTHN", ERROR, VIHF,
            "AuthnStatement absent, répété ou incomplet (AuthnInstant, AuthnContextClassRef)",
            "AuthnStatement missing, repeated or incomplete (AuthnInstant, AuthnContextClassRef)");
    public static final Rule VIHF_CONDITIONS = r("VIHF-CONDITIONS", WARNING, VIHF,
            "Conditions porte une AudienceRestriction, que le profil ANS demande de ne pas renseigner",
            "Conditions carries an AudienceRestriction, which the ANS profile says must not be filled");

    // authorInstitution
    public static final Rule AI_XML = r("AI-XML", ERROR, AUTHOR_INSTITUTION,
            "Soumission, message SOAP ou document CDA illisible, avec DOCTYPE ou hors limites",
            "Submission, SOAP message or CDA document unreadable, with a DOCTYPE, or over a limit");
    public static final Rule AI_PRESENT = r("AI-PRESENT", ERROR, AUTHOR_INSTITUTION,
            "authorInstitution absent", "authorInstitution missing");
    public static final Rule AI_SINGLE = r("AI-SINGLE", ERROR, AUTHOR_INSTITUTION,
            "Plusieurs authorInstitution pour un même auteur", "More than one authorInstitution for one author");
    public static final Rule AI_FORMAT = r("AI-FORMAT", ERROR, AUTHOR_INSTITUTION,
            "authorInstitution mal formé (XON IDNST ou racine CDA 1.2.250.1.71.4.2.2)",
            "authorInstitution malformed (IDNST XON or CDA root 1.2.250.1.71.4.2.2)");
    public static final Rule AI_CDA_MATCH = r("AI-CDA-MATCH", ERROR, AUTHOR_INSTITUTION,
            "authorInstitution de la fiche différent de celui de son en-tête CDA",
            "Document entry authorInstitution differs from its CDA header");
    public static final Rule AI_CONSISTENT = r("AI-CONSISTENT", ERROR, AUTHOR_INSTITUTION,
            "Les occurrences d'authorInstitution ne sont pas identiques",
            "authorInstitution occurrences are not identical");
    public static final Rule AI_GEOGRAPHIC = r("AI-GEOGRAPHIC", ERROR, AUTHOR_INSTITUTION,
            "authorInstitution n'est pas un FINESS géographique (EG) connu",
            "authorInstitution is not a known geographic FINESS (EG)");
    public static final Rule AI_SAME_EJ = r("AI-SAME-EJ", ERROR, AUTHOR_INSTITUTION,
            "authorInstitution hors de l'entité juridique du jeton VIHF (contrôle 2)",
            "authorInstitution outside the legal entity of the VIHF structure (control 2)");

    // Identifiers
    public static final Rule ID_KEY = r("ID-KEY", WARNING, IDENTIFIER,
            "Clé de contrôle invalide (FINESS, SIREN, SIRET ou RPPS)",
            "Check key failed (FINESS, SIREN, SIRET or RPPS)");

    // Doctrine
    public static final Rule DOC_ONE_PER_EJ = r("DOC-ONE-PER-EJ", ERROR, DOCTRINE,
            "Un certificat partagé par plusieurs entités juridiques", "One certificate shared by several legal entities");
    public static final Rule DOC_HOLDER = r("DOC-HOLDER", ERROR, DOCTRINE,
            "Certificat détenu sous un identifiant non autorisé pour la filière",
            "Certificate held under an identifier the corridor does not allow");
    public static final Rule DOC_EJ_NOT_YET = r("DOC-EJ-NOT-YET", ERROR, DOCTRINE,
            "Certificat EJ couvrant des EG avant la date autorisée", "EJ certificate covering EGs before the allowed date");
    public static final Rule DOC_EG_LEGACY = r("DOC-EG-LEGACY", INFO, DOCTRINE,
            "Certificat EG conservable ; passer au certificat EJ au renouvellement",
            "EG certificate may be kept; move to the EJ certificate at renewal");
    public static final Rule DOC_SI_PER_SOLUTION = r("DOC-SI-PER-SOLUTION", ERROR, DOCTRINE,
            "Plusieurs solutions partagent un certificat sans SI unifié",
            "Several software solutions share a certificate without a unified SI");
    public static final Rule DOC_INSI_NAMING = r("DOC-INSI-NAMING", ERROR, DOCTRINE,
            "Certificat INSi mal nommé ou réutilisé pour d'autres services",
            "INSi certificate misnamed or reused for other services");
    public static final Rule DOC_EG_TRACE = r("DOC-EG-TRACE", WARNING, DOCTRINE,
            "Certificat EJ servant des EG financés par EG : authorInstitution doit porter l'EG",
            "EJ certificate serving EGs financed per EG: authorInstitution must carry the EG");
    public static final Rule DOC_CPS = r("DOC-CPS", INFO, DOCTRINE,
            "Médecins de ville : cartes CPS, aucun certificat à commander",
            "Town doctors use CPS cards: no certificate to order");
    public static final Rule DOC_MISSING = r("DOC-MISSING", WARNING, DOCTRINE,
            "Certificat requis par la doctrine absent : à commander",
            "Certificate required by the doctrine is missing: to order");

    // SOAP and MIME message: what the DMP's receiving stack reads (or refuses) before any control
    public static final Rule SOAP_VERSION = r("SOAP-VERSION", WARNING, SOAP_MIME,
            "Enveloppe SOAP 1.1 : la transaction ITI-41 est spécifiée en SOAP 1.2",
            "SOAP 1.1 envelope: the ITI-41 transaction is specified over SOAP 1.2");
    public static final Rule SOAP_STRUCTURE = r("SOAP-STRUCTURE", ERROR, SOAP_MIME,
            "Enveloppe SOAP refusée par une pile SOAP : Header ou Body répété ou mal placé, plusieurs requêtes, contenu après l'enveloppe",
            "SOAP envelope a SOAP stack refuses: Header or Body repeated or misplaced, several requests, content after the envelope");
    public static final Rule SOAP_ACTION = r("SOAP-ACTION", ERROR, SOAP_MIME,
            "Aucun ou plusieurs wsa:Action, ou Action en désaccord avec le corps",
            "No or several wsa:Action, or an Action at odds with the Body");
    public static final Rule SOAP_MUST_UNDERSTAND = r("SOAP-MUST-UNDERSTAND", ERROR, SOAP_MIME,
            "Bloc d'en-tête mustUnderstand que le destinataire final ne comprend pas",
            "mustUnderstand header block the ultimate receiver does not understand");
    public static final Rule SOAP_SECURITY_ROLE = r("SOAP-SECURITY-ROLE", WARNING, SOAP_MIME,
            "En-tête wsse:Security adressé à un autre rôle SOAP (role / actor) : il n'est pas pris comme VIHF",
            "wsse:Security header targeted at another SOAP role (role / actor): not taken as the VIHF");
    public static final Rule MIME_START = r("MIME-START", ERROR, SOAP_MIME,
            "Paramètre start en désaccord avec la première partie MIME : deux récepteurs liraient deux enveloppes",
            "start parameter at odds with the first MIME part: two receivers would read two envelopes");
    public static final Rule MIME_CID = r("MIME-CID", ERROR, SOAP_MIME,
            "Référence XOP invalide ou ambiguë : URL cid: mal formée, Content-ID répété ou différent par la casse",
            "XOP reference invalid or ambiguous: malformed cid: URL, Content-ID repeated or differing by case");

    private static final Map<String, Rule> BY_ID = new LinkedHashMap<>();

    static {
        for (Rule rule : List.of(CERT_TRUST, CERT_AUTH_PROFILE, CERT_SIGN_PROFILE, CERT_STRUCT_ID, CERT_SAME_STRUCTURE,
                CERT_SAME_HIERARCHY,
                VIHF_XML, VIHF_SIGNED, VIHF_SIGNATURE, VIHF_ALGORITHM, VIHF_ISSUER, VIHF_TIME, VIHF_ATTRIBUTE,
                VIHF_VERSION, VIHF_AUTH_MODE, VIHF_ROLE, VIHF_PURPOSE, VIHF_RESOURCE, VIHF_STRUCT_EQ,
                VIHF_STRUCT_KNOWN, VIHF_SECTOR_VALUESET, VIHF_SECTOR_FORBIDDEN, VIHF_AUTHN, VIHF_CONDITIONS,
                AI_XML, AI_PRESENT, AI_SINGLE, AI_FORMAT, AI_CDA_MATCH, AI_CONSISTENT, AI_GEOGRAPHIC, AI_SAME_EJ,
                ID_KEY,
                DOC_ONE_PER_EJ, DOC_HOLDER, DOC_EJ_NOT_YET, DOC_EG_LEGACY, DOC_SI_PER_SOLUTION, DOC_INSI_NAMING,
                DOC_EG_TRACE, DOC_CPS, DOC_MISSING,
                SOAP_VERSION, SOAP_STRUCTURE, SOAP_ACTION, SOAP_MUST_UNDERSTAND, SOAP_SECURITY_ROLE, MIME_START, MIME_CID)) {
            BY_ID.put(rule.id(), rule);
        }
    }

    private Rules() {
    }

    private static Rule r(String id, Severity severity, Rule.Family family, String fr, String en) {
        return new Rule(id, severity, family, fr, en);
    }

    /** Every rule, in catalogue order. */
    public static List<Rule> all() {
        return List.copyOf(BY_ID.values());
    }

    public static Optional<Rule> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
