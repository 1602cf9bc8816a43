package org.vigie.saml.internal;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.vigie.core.InvalidIdentifierException;
import org.vigie.core.Location;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.StructureId;
import org.vigie.core.cert.DistinguishedNames;
import org.vigie.core.cert.OrgCertificate;
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

    private static final Location VIHF = Location.of("VIHF");

    private static Location loc(String attribute) {
        return VIHF.child("Attribute", attribute);
    }

    /** Issuer format and DN against the signing certificate (null when unknown: only the format is checked). */
    public static void issuer(TokenData d, X509Certificate signer, Report.Builder r) {
        Location loc = VIHF.child("Issuer");
        if (!d.issuerPresent || d.issuer.isEmpty()) {
            r.add(Rules.VIHF_ISSUER, "absent", loc, "");
            return;
        }
        if (!X509_SUBJECT_NAME.equals(d.issuerFormat)) {
            r.add(Rules.VIHF_ISSUER, "format", loc.attribute("Format"), d.issuerFormat, d.issuerFormat,
                    X509_SUBJECT_NAME);
        }
        if (signer != null && !DistinguishedNames.sameName(d.issuer, signer.getSubjectX500Principal())) {
            r.add(Rules.VIHF_ISSUER, "not-signer", loc, d.issuer, d.issuer, signer.getSubjectX500Principal().getName());
        }
    }

    /**
     * The same checks as {@link #issuer(TokenData, X509Certificate, Report.Builder)}, the signer's name taken from
     * its (cached) view instead of being parsed again.
     *
     * @param d      what was read
     * @param signer the signing certificate's view, or null when unknown (only the format is checked)
     * @param r      where the findings go
     */
    public static void issuer(TokenData d, OrgCertificate signer, Report.Builder r) {
        if (signer == null || signer.subject().rdns().isEmpty()) {
            issuer(d, signer == null ? null : signer.certificate(), r); // unknown, or a name only the JDK can read
            return;
        }
        Location loc = VIHF.child("Issuer");
        if (!d.issuerPresent || d.issuer.isEmpty()) {
            r.add(Rules.VIHF_ISSUER, "absent", loc, "");
            return;
        }
        if (!X509_SUBJECT_NAME.equals(d.issuerFormat)) {
            r.add(Rules.VIHF_ISSUER, "format", loc.attribute("Format"), d.issuerFormat, d.issuerFormat,
                    X509_SUBJECT_NAME);
        }
        String signerName = signer.certificate().getSubjectX500Principal().getName();
        if (d.issuer.equals(signerName)) {
            // the very RFC 2253 string the view's subject was parsed from: the same name, without parsing it again
            return;
        }
        java.util.Optional<org.vigie.core.cert.DistinguishedName> written = DistinguishedNames.tryParse(d.issuer);
        if (!(written.isPresent() && !written.get().rdns().isEmpty() && written.get().sameNameAs(signer.subject()))) {
            r.add(Rules.VIHF_ISSUER, "not-signer", loc, d.issuer, d.issuer, signerName);
        }
    }

    /** An explicit time zone at the end of an xs:dateTime: {@code Z} or {@code ±hh:mm}. */
    private static final Pattern ZONE = Pattern.compile(".*(?:Z|[+-][0-9]{2}:[0-9]{2})");

    /**
     * Whether a readable time value ends with an explicit zone: what {@link #ZONE} matches, without the regex (a
     * readable value holds no line terminator, the only characters {@code .*} would not take).
     */
    static boolean hasZone(String t) {
        int n = t.length();
        if (n >= 1 && t.charAt(n - 1) == 'Z') {
            return true;
        }
        return n >= 6 && (t.charAt(n - 6) == '+' || t.charAt(n - 6) == '-') && digit(t.charAt(n - 5))
                && digit(t.charAt(n - 4)) && t.charAt(n - 3) == ':' && digit(t.charAt(n - 2)) && digit(t.charAt(n - 1));
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The zone of a readable SAML time value (SAML core §1.3.3: UTC, written with {@code Z}): an ERROR when it has
     * none (a reader in another time zone dates it differently), a WARNING for a non-Z offset (unambiguous).
     */
    private static void zone(String text, Instant parsed, String what, Location loc, Report.Builder r) {
        if (parsed == null) {
            return;
        }
        String t = text.strip();
        if (!hasZone(t)) {
            r.add(Rules.VIHF_TIME, "no-zone", loc, t, what, t);
        } else if (!t.endsWith("Z")) {
            r.add(Rules.VIHF_TIME, Severity.WARNING, "offset", loc, t, what, t, parsed);
        }
    }

    /**
     * Conditions: the ANS profile says AudienceRestriction must not be filled (DOMAIN.md §6). The severity is the
     * policy's ({@link VihfPolicy#audienceRestrictionSeverity()}, default WARNING): no source says the DMP refuses it.
     */
    public static void conditions(TokenData d, VihfPolicy p, Report.Builder r) {
        if (d.audienceRestrictions > 0) {
            r.add(Rules.VIHF_CONDITIONS, p.audienceRestrictionSeverity(), "audience-restriction",
                    VIHF.child("Conditions").child("AudienceRestriction"), String.join(" | ", d.audiences),
                    d.audienceRestrictions, d.audiences.size());
        }
    }

    /** The token times (IssueInstant, NotBefore, NotOnOrAfter) at an instant, with the policy's clock skew. */
    public static void time(TokenData d, Instant at, VihfPolicy p, Report.Builder r) {
        Instant late = at.plus(p.clockSkew());
        Instant early = at.minus(p.clockSkew());
        Location issueInstant = VIHF.attribute("IssueInstant");
        Location notBefore = VIHF.child("Conditions").attribute("NotBefore");
        Location notOnOrAfter = VIHF.child("Conditions").attribute("NotOnOrAfter");
        if (d.issueInstant == null) {
            r.add(Rules.VIHF_TIME, "issue-instant-absent", issueInstant, d.issueInstantText);
        } else if (d.issueInstant.isAfter(late)) {
            r.add(Rules.VIHF_TIME, "issue-instant-future", issueInstant, d.issueInstantText, d.issueInstant, at,
                    p.clockSkew().toSeconds());
        } else if (p.maxTokenAge().isPresent() && d.issueInstant.plus(p.maxTokenAge().get()).isBefore(early)) {
            r.add(Rules.VIHF_TIME, "too-old", issueInstant, d.issueInstantText, d.issueInstant,
                    p.maxTokenAge().get().toMinutes(), at, p.clockSkew().toSeconds());
        }
        zone(d.issueInstantText, d.issueInstant, "IssueInstant", issueInstant, r);
        zone(d.notBeforeText, d.notBefore, "Conditions/@NotBefore", notBefore, r);
        zone(d.notOnOrAfterText, d.notOnOrAfter, "Conditions/@NotOnOrAfter", notOnOrAfter, r);
        if (!d.notBeforeText.isEmpty() && d.notBefore == null) {
            r.add(Rules.VIHF_TIME, "not-before-unreadable", notBefore, d.notBeforeText);
        } else if (d.notBefore != null && d.notBefore.isAfter(late)) {
            r.add(Rules.VIHF_TIME, "not-yet-valid", notBefore, d.notBeforeText, d.notBefore, at);
        }
        if (!d.notOnOrAfterText.isEmpty() && d.notOnOrAfter == null) {
            r.add(Rules.VIHF_TIME, "not-on-or-after-unreadable", notOnOrAfter, d.notOnOrAfterText);
        } else if (d.notOnOrAfter != null && !d.notOnOrAfter.isAfter(early)) {
            r.add(Rules.VIHF_TIME, "expired", notOnOrAfter, d.notOnOrAfterText, d.notOnOrAfter, at);
        }
    }

    /**
     * The AuthnStatement (DOMAIN §6, SAML core §2.7.2): exactly one, with a readable AuthnInstant and an
     * AuthnContextClassRef.
     */
    public static void authn(TokenData d, Report.Builder r) {
        Location loc = VIHF.child("AuthnStatement");
        if (d.authnStatements == 0) {
            r.add(Rules.VIHF_AUTHN, "absent", loc, "");
            return;
        }
        if (d.authnStatements > 1) {
            r.add(Rules.VIHF_AUTHN, "repeated", loc, "", d.authnStatements);
        }
        if (d.authnInstant == null) {
            r.add(Rules.VIHF_AUTHN, "authn-instant-absent", loc.attribute("AuthnInstant"), d.authnInstantText);
        } else {
            zone(d.authnInstantText, d.authnInstant, "AuthnInstant", loc.attribute("AuthnInstant"), r);
        }
        if (d.authnContextClassRef.isEmpty()) {
            r.add(Rules.VIHF_AUTHN, "class-ref-absent", loc.child("AuthnContext"), "");
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
            r.add(Rules.VIHF_ATTRIBUTE, "name-id-absent", VIHF.child("Subject").child("NameID"), "");
        }
        for (org.vigie.core.Messages.Text bad : d.unresolvedTypes) {
            r.add(Rules.VIHF_ATTRIBUTE, "invalid-type", VIHF.child("AttributeStatement"), bad.toString(), bad);
        }
        for (TokenData.Ambiguity a : d.ambiguities) {
            boolean compared = COMPARED.contains(a.attribute());
            r.add(Rules.VIHF_ATTRIBUTE, compared ? Severity.ERROR : Severity.WARNING,
                    compared ? "ambiguous-compared" : "ambiguous", loc(a.attribute()), a.evidence(), a.attribute(),
                    a.what());
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
                r.add(Rules.VIHF_ATTRIBUTE, "mandatory-absent", loc(name), "", name);
            }
            return;
        }
        if (elements > 1 || v.size() > 1) {
            r.add(Rules.VIHF_ATTRIBUTE, "repeated", loc(name), String.join(" | ", v), name,
                    Math.max(elements, v.size()));
        } else if (v.isEmpty() || v.get(0).isBlank()) {
            r.add(Rules.VIHF_ATTRIBUTE, "empty", loc(name), "", name);
        }
    }

    private static void authMode(TokenData d, Report.Builder r) {
        boolean standard = d.attributes.containsKey(VihfToken.AUTH_MODE);
        boolean variant = d.attributes.containsKey(VihfToken.AUTH_MODE_VARIANT);
        if (!standard && !variant) {
            r.add(Rules.VIHF_ATTRIBUTE, "mandatory-absent", loc(VihfToken.AUTH_MODE), "", VihfToken.AUTH_MODE);
            return;
        }
        if (standard && variant) {
            r.add(Rules.VIHF_ATTRIBUTE, "two-spellings", loc(VihfToken.AUTH_MODE), "", VihfToken.AUTH_MODE);
            return;
        }
        String name = standard ? VihfToken.AUTH_MODE : VihfToken.AUTH_MODE_VARIANT;
        single(d, name, true, r);
        if (variant) {
            r.add(Rules.VIHF_AUTH_MODE, Severity.WARNING, "variant-spelling", loc(name), name,
                    VihfToken.AUTH_MODE_VARIANT, VihfToken.AUTH_MODE);
        }
        one(d, name).map(String::strip).ifPresent(mode -> {
            if (!MODES.contains(mode)) {
                r.add(Rules.VIHF_AUTH_MODE, "DIRECTE".equals(mode) ? "directe" : "not-indirect", loc(name), mode, mode);
            }
        });
    }

    private static void version(TokenData d, VihfPolicy p, Report.Builder r) {
        one(d, VihfToken.VIHF_VERSION).map(String::strip).ifPresent(v -> {
            if (!p.acceptedVersions().contains(v)) {
                r.add(Rules.VIHF_VERSION, "not-accepted", loc(VihfToken.VIHF_VERSION), v, v,
                        alternatives(new java.util.TreeSet<>(p.acceptedVersions())));
            }
        });
    }

    private static void roles(TokenData d, VihfPolicy p, Report.Builder r) {
        Location l = loc(VihfToken.ROLE);
        if (!d.attributes.containsKey(VihfToken.ROLE)) {
            r.add(Rules.VIHF_ATTRIBUTE, "mandatory-absent", l, "", VihfToken.ROLE);
            return;
        }
        int elements = d.attributeElements.getOrDefault(VihfToken.ROLE, 0);
        if (elements > 1) {
            // policy (VihfPolicy#splitRoleSeverity): no source says the DMP refuses the split form; the values of every
            // element are already in d.roles, so the checks below run on the whole list
            r.add(Rules.VIHF_ATTRIBUTE, p.splitRoleSeverity(), "split-role", l,
                    String.join(" | ", d.attributes.get(VihfToken.ROLE)), VihfToken.ROLE, elements);
        }
        if (d.roles.isEmpty() && d.malformedRoles.isEmpty()) {
            r.add(Rules.VIHF_ATTRIBUTE, "empty", l, "", VihfToken.ROLE);
            return;
        }
        for (String bad : d.malformedRoles) {
            r.add(Rules.VIHF_ROLE, "no-hl7-role", l, bad);
        }
        for (CodedValue c : d.roles) {
            if (c.code().isBlank() || c.codeSystem().isBlank() || (!c.xsiType().isEmpty() && !c.isCe())) {
                r.add(Rules.VIHF_ROLE, "malformed", l, c.code(), c.code(), c.codeSystem(), c.xsiType());
            } else if (c.xsiType().isEmpty()) {
                r.add(Rules.VIHF_ROLE, Severity.WARNING, "no-xsi-type", l, c.code());
            }
        }
        for (CodedValue c : d.roles) {
            if (PROFESSION_SYSTEM.equals(c.codeSystem()) && ("10".equals(c.code()) || "21".equals(c.code()))
                    && d.roles.size() + d.malformedRoles.size() < 2) {
                r.add(Rules.VIHF_ROLE, c.code().equals("10") ? "physician-without-specialty"
                        : "pharmacist-without-specialty", l, c.code(), c.code());
            }
        }
    }

    private static void purpose(TokenData d, Report.Builder r) {
        if (one(d, VihfToken.PURPOSE_OF_USE).isEmpty() || d.purposeOfUse == null) {
            return;
        }
        CodedValue c = d.purposeOfUse;
        if (!PURPOSES.contains(c.code()) || !PURPOSE_SYSTEM.equals(c.codeSystem())) {
            r.add(Rules.VIHF_PURPOSE, "unexpected", loc(VihfToken.PURPOSE_OF_USE), c.code(), c.code(), c.codeSystem(),
                    PURPOSE_SYSTEM);
        }
    }

    private static void resource(TokenData d, Report.Builder r) {
        one(d, VihfToken.RESSOURCE_URN).map(String::strip).ifPresent(v -> {
            if (!"urn:dmp".equals(v)) {
                r.add(Rules.VIHF_RESOURCE, "urn", loc(VihfToken.RESSOURCE_URN), v, v);
            }
        });
        one(d, VihfToken.RESOURCE_ID).map(String::strip).ifPresent(v -> {
            if (!RESOURCE_ID.matcher(v).matches()) {
                r.add(Rules.VIHF_RESOURCE, "resource-id", loc(VihfToken.RESOURCE_ID), v, v);
            }
        });
    }

    private static void sector(TokenData d, VihfPolicy p, Report.Builder r) {
        one(d, VihfToken.SECTEUR_ACTIVITE).map(String::strip).ifPresent(v -> {
            Location l = loc(VihfToken.SECTEUR_ACTIVITE);
            String[] parts = v.split("\\^", -1);
            String code = parts[0];
            SectorValueSet set = p.sectorValueSet();
            if (parts.length != 2 || !SectorValueSet.CODE_SYSTEM.equals(parts[1])) {
                r.add(Rules.VIHF_SECTOR_VALUESET, "format", l, v, v, SectorValueSet.CODE_SYSTEM);
            } else if (!set.contains(code)) {
                r.add(Rules.VIHF_SECTOR_VALUESET, "not-in-set", l, v, code, set.name(), set.version());
            }
            if (p.forbiddenSectors().contains(code)) {
                Optional<String> label = set.label(code);
                if (label.isPresent()) {
                    r.add(Rules.VIHF_SECTOR_FORBIDDEN, "forbidden", l, v, code, label.get());
                } else {
                    r.add(Rules.VIHF_SECTOR_FORBIDDEN, "forbidden-unlabelled", l, v, code);
                }
            }
        });
    }

    private static Optional<StructureId> structure(TokenData d, Report.Builder r) {
        Optional<String> raw = one(d, VihfToken.IDENTIFIANT_STRUCTURE);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Location l = loc(VihfToken.IDENTIFIANT_STRUCTURE);
        String v = raw.get();
        String stripped = v.strip();
        if (!stripped.equals(v)) {
            r.add(Rules.VIHF_ATTRIBUTE, Severity.WARNING, "structure-spaces", l, v, stripped);
        }
        try {
            StructureId id = StructureId.parse(stripped);
            if (!id.keyValid()) {
                r.add(Rules.ID_KEY, "saml-structure", l, id.value(), id.value(),
                        id.identifier().map(i -> i.kindName()).orElse("?"));
            }
            return Optional.of(id);
        } catch (InvalidIdentifierException e) {
            r.add(Rules.VIHF_ATTRIBUTE, "structure-malformed", l, stripped, stripped, e.getMessage());
            return Optional.empty();
        }
    }

    /** "a ou b ou c" in French, "a or b or c" in English. */
    private static Object alternatives(java.util.Collection<String> values) {
        Object all = null;
        for (String v : values) {
            all = all == null ? v : org.vigie.core.Messages.text("VIHF-VERSION.saml-or", all, v);
        }
        return all == null ? "" : all;
    }
}
