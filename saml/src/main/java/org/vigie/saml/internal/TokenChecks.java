package org.vigie.saml.internal;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.vigie.core.InvalidIdentifierException;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.StructureId;
import org.vigie.core.cert.DistinguishedNames;
import org.vigie.saml.CodedValue;
import org.vigie.saml.SectorValueSet;
import org.vigie.saml.VihfPolicy;
import org.vigie.saml.VihfToken;

/** The token rules of the catalogue that depend only on the Assertion (and its signing certificate). */
public final class TokenChecks {

    public static final String X509_SUBJECT_NAME = "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName";
    static final String PROFESSION_SYSTEM = "1.2.250.1.71.1.2.7";
    static final String PURPOSE_SYSTEM = "1.2.250.1.213.1.1.4.248";
    static final Set<String> PURPOSES = Set.of("normal", "bris_de_glace", "centre_15");
    static final Set<String> MODES = Set.of("INDIRECTE", "INDIRECTE_RENFORCEE");
    /** INS: a NIR (15 characters, 2A/2B for Corsica) then the INS assigning authority, type NH. */
    static final Pattern RESOURCE_ID = Pattern.compile("[0-9]{5}(?:[0-9]{2}|2[AB])[0-9]{8}\\^\\^\\^&1\\.2\\.250\\.1\\.213\\.1\\.4\\.10&ISO\\^NH");

    private static final List<String> SINGLE_MANDATORY = List.of(VihfToken.VIHF_VERSION, VihfToken.IDENTIFIANT_STRUCTURE,
            VihfToken.SECTEUR_ACTIVITE, VihfToken.SUBJECT_ID, VihfToken.PURPOSE_OF_USE, VihfToken.RESSOURCE_URN,
            VihfToken.LPS_NOM, VihfToken.LPS_ID_HOMOLOGATION_DMP);
    private static final List<String> SINGLE_OPTIONAL = List.of(VihfToken.RESOURCE_ID, VihfToken.LPS_VERSION, VihfToken.LPS_ID);

    private TokenChecks() {
    }

    private static String loc(String attribute) {
        return "VIHF/Attribute[" + attribute + "]";
    }

    /** Issuer format and DN against the signing certificate (null when unknown: only the format is checked). */
    public static void issuer(TokenData d, X509Certificate signer, Report.Builder r) {
        if (!d.issuerPresent || d.issuer.isEmpty()) {
            r.add(Rules.VIHF_ISSUER, "Issuer absent ou vide (DN du certificat signataire attendu)", "VIHF/Issuer", "");
            return;
        }
        if (!X509_SUBJECT_NAME.equals(d.issuerFormat)) {
            r.add(Rules.VIHF_ISSUER, "Format de l'Issuer « " + d.issuerFormat + " » ; " + X509_SUBJECT_NAME + " attendu",
                    "VIHF/Issuer/@Format", d.issuerFormat);
        }
        if (signer != null && !DistinguishedNames.sameName(d.issuer, signer.getSubjectX500Principal())) {
            r.add(Rules.VIHF_ISSUER, "l'Issuer « " + d.issuer + " » ne désigne pas le sujet du certificat signataire « "
                    + signer.getSubjectX500Principal().getName() + " » (comparaison par RDN)", "VIHF/Issuer", d.issuer);
        }
    }

    /** An explicit time zone at the end of an xs:dateTime: {@code Z} or {@code ±hh:mm}. */
    private static final Pattern ZONE = Pattern.compile(".*(?:Z|[+-][0-9]{2}:[0-9]{2})");

    /**
     * The zone of a readable SAML time value (SAML core §1.3.3: UTC, written with {@code Z}): an ERROR when it has
     * none (a reader in another time zone dates it differently), a WARNING for a non-Z offset (unambiguous).
     */
    private static void zone(String text, Instant parsed, String what, String loc, Report.Builder r) {
        if (parsed == null) {
            return;
        }
        String t = text.strip();
        if (!ZONE.matcher(t).matches()) {
            r.add(Rules.VIHF_TIME, what + " « " + t + " » sans fuseau horaire : sa date dépend du lecteur (lu ici en"
                    + " UTC) ; SAML exige l'UTC écrit avec « Z »", loc, t);
        } else if (!t.endsWith("Z")) {
            r.add(Rules.VIHF_TIME, Severity.WARNING, what + " « " + t + " » avec un décalage horaire ; SAML exige l'UTC"
                    + " écrit avec « Z » (lu " + parsed + ")", loc, t);
        }
    }

    /**
     * Conditions: the ANS profile says AudienceRestriction must not be filled (DOMAIN.md §6). The severity is the
     * policy's ({@link VihfPolicy#audienceRestrictionSeverity()}, default WARNING): no source says the DMP refuses it.
     */
    public static void conditions(TokenData d, VihfPolicy p, Report.Builder r) {
        if (d.audienceRestrictions > 0) {
            r.add(Rules.VIHF_CONDITIONS, p.audienceRestrictionSeverity(), "Conditions porte " + d.audienceRestrictions
                    + " AudienceRestriction (" + d.audiences.size() + " Audience) ; le profil ANS du VIHF demande de ne pas"
                    + " la renseigner", "VIHF/Conditions/AudienceRestriction", String.join(" | ", d.audiences));
        }
    }

    public static void time(TokenData d, Instant at, VihfPolicy p, Report.Builder r) {
        Instant late = at.plus(p.clockSkew());
        Instant early = at.minus(p.clockSkew());
        if (d.issueInstant == null) {
            r.add(Rules.VIHF_TIME, "IssueInstant absent ou illisible (xs:dateTime UTC attendu)", "VIHF/@IssueInstant",
                    d.issueInstantText);
        } else if (d.issueInstant.isAfter(late)) {
            r.add(Rules.VIHF_TIME, "IssueInstant " + d.issueInstant + " est dans le futur (instant d'évaluation " + at
                    + ", tolérance " + p.clockSkew().toSeconds() + " s)", "VIHF/@IssueInstant", d.issueInstantText);
        } else if (p.maxTokenAge().isPresent() && d.issueInstant.plus(p.maxTokenAge().get()).isBefore(early)) {
            r.add(Rules.VIHF_TIME, "jeton trop ancien : IssueInstant " + d.issueInstant + " plus de "
                    + p.maxTokenAge().get().toMinutes() + " min avant l'instant d'évaluation " + at
                    + " (politique maxTokenAge, tolérance " + p.clockSkew().toSeconds() + " s)", "VIHF/@IssueInstant",
                    d.issueInstantText);
        }
        zone(d.issueInstantText, d.issueInstant, "IssueInstant", "VIHF/@IssueInstant", r);
        zone(d.notBeforeText, d.notBefore, "Conditions/@NotBefore", "VIHF/Conditions/@NotBefore", r);
        zone(d.notOnOrAfterText, d.notOnOrAfter, "Conditions/@NotOnOrAfter", "VIHF/Conditions/@NotOnOrAfter", r);
        if (!d.notBeforeText.isEmpty() && d.notBefore == null) {
            r.add(Rules.VIHF_TIME, "Conditions/@NotBefore illisible", "VIHF/Conditions/@NotBefore", d.notBeforeText);
        } else if (d.notBefore != null && d.notBefore.isAfter(late)) {
            r.add(Rules.VIHF_TIME, "le jeton n'est pas encore valide : NotBefore " + d.notBefore + " après l'instant d'évaluation "
                    + at, "VIHF/Conditions/@NotBefore", d.notBeforeText);
        }
        if (!d.notOnOrAfterText.isEmpty() && d.notOnOrAfter == null) {
            r.add(Rules.VIHF_TIME, "Conditions/@NotOnOrAfter illisible", "VIHF/Conditions/@NotOnOrAfter", d.notOnOrAfterText);
        } else if (d.notOnOrAfter != null && !d.notOnOrAfter.isAfter(early)) {
            r.add(Rules.VIHF_TIME, "le jeton a expiré : NotOnOrAfter " + d.notOnOrAfter + " (instant d'évaluation " + at + ")",
                    "VIHF/Conditions/@NotOnOrAfter", d.notOnOrAfterText);
        }
    }

    /**
     * The AuthnStatement (DOMAIN §6, SAML core §2.7.2): exactly one, with a readable AuthnInstant and an
     * AuthnContextClassRef.
     */
    public static void authn(TokenData d, Report.Builder r) {
        String loc = "VIHF/AuthnStatement";
        if (d.authnStatements == 0) {
            r.add(Rules.VIHF_AUTHN, "AuthnStatement absent (authentification locale de l'utilisateur attendue)", loc, "");
            return;
        }
        if (d.authnStatements > 1) {
            r.add(Rules.VIHF_AUTHN, "AuthnStatement répété (" + d.authnStatements + " occurrences) ; un seul attendu", loc,
                    "");
        }
        if (d.authnInstant == null) {
            r.add(Rules.VIHF_AUTHN, "AuthnStatement/@AuthnInstant absent ou illisible", loc + "/@AuthnInstant",
                    d.authnInstantText);
        } else {
            zone(d.authnInstantText, d.authnInstant, "AuthnInstant", loc + "/@AuthnInstant", r);
        }
        if (d.authnContextClassRef.isEmpty()) {
            r.add(Rules.VIHF_AUTHN, "AuthnContext/AuthnContextClassRef absent ou vide", loc + "/AuthnContext", "");
        }
    }

    /** The attributes whose values the rules compare: an ambiguous value there is an ERROR, elsewhere a WARNING. */
    private static final Set<String> COMPARED = Set.of(VihfToken.VIHF_VERSION, VihfToken.AUTH_MODE,
            VihfToken.AUTH_MODE_VARIANT, VihfToken.IDENTIFIANT_STRUCTURE, VihfToken.SECTEUR_ACTIVITE, VihfToken.ROLE,
            VihfToken.PURPOSE_OF_USE, VihfToken.RESSOURCE_URN, VihfToken.RESOURCE_ID);

    /**
     * Presence, emptiness and repetition of the attributes, then each value rule. Returns the parsed
     * Identifiant_Structure when well-formed.
     */
    public static Optional<StructureId> attributes(TokenData d, VihfPolicy p, Report.Builder r) {
        if (d.nameId.isEmpty()) {
            r.add(Rules.VIHF_ATTRIBUTE, "Subject/NameID absent ou vide (identifiant de l'utilisateur attendu)",
                    "VIHF/Subject/NameID", "");
        }
        for (String bad : d.unresolvedTypes) {
            r.add(Rules.VIHF_ATTRIBUTE, "type de valeur invalide (" + bad + ", " + "http://www.w3.org/2001/XMLSchema attendu)",
                    "VIHF/AttributeStatement", bad);
        }
        for (TokenData.Ambiguity a : d.ambiguities) {
            boolean compared = COMPARED.contains(a.attribute());
            r.add(Rules.VIHF_ATTRIBUTE, compared ? Severity.ERROR : Severity.WARNING, "valeur ambiguë de " + a.attribute()
                    + " : " + a.what() + " ; deux lecteurs peuvent en lire des valeurs différentes"
                    + (compared ? " (valeur comparée par les contrôles)" : ""), loc(a.attribute()), a.evidence());
        }
        for (String name : SINGLE_MANDATORY) {
            single(d, name, true, r);
        }
        for (String name : SINGLE_OPTIONAL) {
            single(d, name, false, r);
        }
        authMode(d, r);
        roles(d, p, r);
        version(d, p, r);
        purpose(d, r);
        resource(d, r);
        sector(d, p, r);
        return structure(d, r);
    }

    /** The single value of an attribute when present exactly once with one non-blank value. */
    private static Optional<String> one(TokenData d, String name) {
        List<String> v = d.attributes.get(name);
        if (v == null || v.size() != 1 || d.attributeElements.getOrDefault(name, 0) != 1 || v.get(0).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(v.get(0));
    }

    private static void single(TokenData d, String name, boolean mandatory, Report.Builder r) {
        List<String> v = d.attributes.get(name);
        int elements = d.attributeElements.getOrDefault(name, 0);
        if (v == null) {
            if (mandatory) {
                r.add(Rules.VIHF_ATTRIBUTE, "attribut obligatoire " + name + " absent", loc(name), "");
            }
            return;
        }
        if (elements > 1 || v.size() > 1) {
            r.add(Rules.VIHF_ATTRIBUTE, "attribut " + name + " répété (" + Math.max(elements, v.size())
                    + " occurrences) ; une seule valeur attendue", loc(name), String.join(" | ", v));
        } else if (v.isEmpty() || v.get(0).isBlank()) {
            r.add(Rules.VIHF_ATTRIBUTE, "attribut " + name + " vide", loc(name), "");
        }
    }

    private static void authMode(TokenData d, Report.Builder r) {
        boolean standard = d.attributes.containsKey(VihfToken.AUTH_MODE);
        boolean variant = d.attributes.containsKey(VihfToken.AUTH_MODE_VARIANT);
        if (!standard && !variant) {
            r.add(Rules.VIHF_ATTRIBUTE, "attribut obligatoire " + VihfToken.AUTH_MODE + " absent", loc(VihfToken.AUTH_MODE), "");
            return;
        }
        if (standard && variant) {
            r.add(Rules.VIHF_ATTRIBUTE, "attribut " + VihfToken.AUTH_MODE + " répété sous deux orthographes",
                    loc(VihfToken.AUTH_MODE), "");
            return;
        }
        String name = standard ? VihfToken.AUTH_MODE : VihfToken.AUTH_MODE_VARIANT;
        single(d, name, true, r);
        if (variant) {
            r.add(Rules.VIHF_AUTH_MODE, Severity.WARNING, "attribut orthographié « " + VihfToken.AUTH_MODE_VARIANT
                    + " » ; l'orthographe attendue est « " + VihfToken.AUTH_MODE + " »", loc(name), name);
        }
        one(d, name).map(String::strip).ifPresent(mode -> {
            if (!MODES.contains(mode)) {
                r.add(Rules.VIHF_AUTH_MODE, "mode d'authentification « " + mode + " » : INDIRECTE ou INDIRECTE_RENFORCEE"
                        + " attendu" + ("DIRECTE".equals(mode) ? " (DIRECTE est l'authentification par carte CPS, pas"
                        + " l'authentification indirecte)" : ""), loc(name), mode);
            }
        });
    }

    private static void version(TokenData d, VihfPolicy p, Report.Builder r) {
        one(d, VihfToken.VIHF_VERSION).map(String::strip).ifPresent(v -> {
            if (!p.acceptedVersions().contains(v)) {
                r.add(Rules.VIHF_VERSION, "VIHF_Version « " + v + " » non acceptée ; attendu : "
                        + String.join(" ou ", new java.util.TreeSet<>(p.acceptedVersions())), loc(VihfToken.VIHF_VERSION), v);
            }
        });
    }

    private static void roles(TokenData d, VihfPolicy p, Report.Builder r) {
        String l = loc(VihfToken.ROLE);
        if (!d.attributes.containsKey(VihfToken.ROLE)) {
            r.add(Rules.VIHF_ATTRIBUTE, "attribut obligatoire " + VihfToken.ROLE + " absent", l, "");
            return;
        }
        int elements = d.attributeElements.getOrDefault(VihfToken.ROLE, 0);
        if (elements > 1) {
            // policy (VihfPolicy#splitRoleSeverity): no source says the DMP refuses the split form; the values of every
            // element are already in d.roles, so the checks below run on the whole list
            r.add(Rules.VIHF_ATTRIBUTE, p.splitRoleSeverity(), "attribut " + VihfToken.ROLE + " réparti sur " + elements
                    + " éléments Attribute (les exemples mettent toutes ses valeurs dans un seul) ; valeurs lues ensemble"
                    + " comme liste des rôles", l, String.join(" | ", d.attributes.get(VihfToken.ROLE)));
        }
        if (d.roles.isEmpty() && d.malformedRoles.isEmpty()) {
            r.add(Rules.VIHF_ATTRIBUTE, "attribut " + VihfToken.ROLE + " vide", l, "");
            return;
        }
        for (String bad : d.malformedRoles) {
            r.add(Rules.VIHF_ROLE, "valeur de rôle sans élément HL7 Role (CE attendu)", l, bad);
        }
        for (CodedValue c : d.roles) {
            if (c.code().isBlank() || c.codeSystem().isBlank() || (!c.xsiType().isEmpty() && !c.isCe())) {
                r.add(Rules.VIHF_ROLE, "rôle mal formé : code, codeSystem et xsi:type=\"CE\" attendus (code=« " + c.code()
                        + " », codeSystem=« " + c.codeSystem() + " », xsi:type=« " + c.xsiType() + " »)", l, c.code());
            } else if (c.xsiType().isEmpty()) {
                r.add(Rules.VIHF_ROLE, Severity.WARNING, "rôle sans xsi:type=\"CE\" (code et codeSystem présents : lu"
                        + " comme un CE)", l, c.code());
            }
        }
        for (CodedValue c : d.roles) {
            if (PROFESSION_SYSTEM.equals(c.codeSystem()) && ("10".equals(c.code()) || "21".equals(c.code()))
                    && d.roles.size() + d.malformedRoles.size() < 2) {
                r.add(Rules.VIHF_ROLE, "profession " + c.code() + (c.code().equals("10") ? " (médecin)" : " (pharmacien)")
                        + " sans seconde valeur de rôle (spécialité obligatoire)", l, c.code());
            }
        }
    }

    private static void purpose(TokenData d, Report.Builder r) {
        if (one(d, VihfToken.PURPOSE_OF_USE).isEmpty() || d.purposeOfUse == null) {
            return;
        }
        CodedValue c = d.purposeOfUse;
        if (!PURPOSES.contains(c.code()) || !PURPOSE_SYSTEM.equals(c.codeSystem())) {
            r.add(Rules.VIHF_PURPOSE, "PurposeOfUse code=« " + c.code() + " » codeSystem=« " + c.codeSystem()
                    + " » ; attendu normal, bris_de_glace ou centre_15 avec codeSystem " + PURPOSE_SYSTEM,
                    loc(VihfToken.PURPOSE_OF_USE), c.code());
        }
    }

    private static void resource(TokenData d, Report.Builder r) {
        one(d, VihfToken.RESSOURCE_URN).map(String::strip).ifPresent(v -> {
            if (!"urn:dmp".equals(v)) {
                r.add(Rules.VIHF_RESOURCE, "Ressource_URN « " + v + " » ; urn:dmp attendu", loc(VihfToken.RESSOURCE_URN), v);
            }
        });
        one(d, VihfToken.RESOURCE_ID).map(String::strip).ifPresent(v -> {
            if (!RESOURCE_ID.matcher(v).matches()) {
                r.add(Rules.VIHF_RESOURCE, "resource-id « " + v + " » ; <INS>^^^&1.2.250.1.213.1.4.10&ISO^NH attendu",
                        loc(VihfToken.RESOURCE_ID), v);
            }
        });
    }

    private static void sector(TokenData d, VihfPolicy p, Report.Builder r) {
        one(d, VihfToken.SECTEUR_ACTIVITE).map(String::strip).ifPresent(v -> {
            String l = loc(VihfToken.SECTEUR_ACTIVITE);
            String[] parts = v.split("\\^", -1);
            String code = parts[0];
            SectorValueSet set = p.sectorValueSet();
            if (parts.length != 2 || !SectorValueSet.CODE_SYSTEM.equals(parts[1])) {
                r.add(Rules.VIHF_SECTOR_VALUESET, "Secteur_Activite « " + v + " » ; <code>^" + SectorValueSet.CODE_SYSTEM
                        + " attendu", l, v);
            } else if (!set.contains(code)) {
                r.add(Rules.VIHF_SECTOR_VALUESET, "secteur « " + code + " » absent du jeu de valeurs " + set.name() + " "
                        + set.version(), l, v);
            }
            if (p.forbiddenSectors().contains(code)) {
                r.add(Rules.VIHF_SECTOR_FORBIDDEN, "secteur « " + code + " »" + set.label(code).map(s -> " (" + s + ")").orElse("")
                        + " interdit en authentification indirecte", l, v);
            }
        });
    }

    private static Optional<StructureId> structure(TokenData d, Report.Builder r) {
        Optional<String> raw = one(d, VihfToken.IDENTIFIANT_STRUCTURE);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String l = loc(VihfToken.IDENTIFIANT_STRUCTURE);
        String v = raw.get();
        String stripped = v.strip();
        if (!stripped.equals(v)) {
            r.add(Rules.VIHF_ATTRIBUTE, Severity.WARNING, "Identifiant_Structure entouré d'espaces ; lu « " + stripped + " »",
                    l, v);
        }
        try {
            StructureId id = StructureId.parse(stripped);
            if (!id.keyValid()) {
                r.add(Rules.ID_KEY, "clé de contrôle invalide pour l'Identifiant_Structure « " + id.value() + " » ("
                        + id.identifier().map(i -> i.kindName()).orElse("?") + ")", l, id.value());
            }
            return Optional.of(id);
        } catch (InvalidIdentifierException e) {
            r.add(Rules.VIHF_ATTRIBUTE, "Identifiant_Structure « " + stripped + " » n'est pas un IdNat_Struct bien formé : "
                    + e.getMessage(), l, stripped);
            return Optional.empty();
        }
    }
}
