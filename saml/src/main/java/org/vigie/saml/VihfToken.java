package org.vigie.saml;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vigie.saml.internal.TokenData;

/**
 * A typed, immutable view of a VIHF Assertion (DOMAIN §6), every value read from the one Assertion element whose
 * signature was checked. Text values are the concatenation of all the text nodes of the value (a comment inside a
 * value never truncates it). The view exists even when the signature fails: {@link #signatureValid()} says
 * whether it can be believed.
 */
public final class VihfToken {

    /** Attribute names of the VIHF (exact spelling). */
    public static final String VIHF_VERSION = "VIHF_Version";
    public static final String AUTH_MODE = "Authentification_Mode";
    /** Variant spelling seen in the official ANS examples. */
    public static final String AUTH_MODE_VARIANT = "Authentification_mode";
    public static final String IDENTIFIANT_STRUCTURE = "Identifiant_Structure";
    public static final String SECTEUR_ACTIVITE = "Secteur_Activite";
    public static final String SUBJECT_ID = "urn:oasis:names:tc:xspa:1.0:subject:subject-id";
    public static final String ROLE = "urn:oasis:names:tc:xacml:2.0:subject:role";
    public static final String PURPOSE_OF_USE = "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse";
    public static final String RESSOURCE_URN = "Ressource_URN";
    public static final String RESOURCE_ID = "urn:oasis:names:tc:xacml:2.0:resource:resource-id";
    public static final String LPS_NOM = "LPS_Nom";
    public static final String LPS_ID_HOMOLOGATION_DMP = "LPS_ID_HOMOLOGATION_DMP";
    public static final String LPS_VERSION = "LPS_Version";
    public static final String LPS_ID = "LPS_ID";
    public static final String CONFIDENTIALITY_CODE = "urn:oasis:names:tc:xspa:1.0:resource:patient:hl7:confidentiality-code";

    private final String id;
    private final String issueInstantText;
    private final Optional<Instant> issueInstant;
    private final String issuer;
    private final String issuerFormat;
    private final String nameId;
    private final Optional<Instant> notBefore;
    private final Optional<Instant> notOnOrAfter;
    private final Optional<Instant> authnInstant;
    private final String authnContextClassRef;
    private final String authnContextDecl;
    private final Map<String, List<String>> attributes;
    private final List<CodedValue> roles;
    private final Optional<CodedValue> purposeOfUse;
    private final Optional<X509Certificate> signingCertificate;
    private final String signatureAlgorithm;
    private final String digestAlgorithm;
    private final boolean signatureValid;

    /** Assembled by the validator; integrators read tokens, they do not build them. */
    VihfToken(TokenData b) {
        this.id = b.id;
        this.issueInstantText = b.issueInstantText;
        this.issueInstant = Optional.ofNullable(b.issueInstant);
        this.issuer = b.issuer;
        this.issuerFormat = b.issuerFormat;
        this.nameId = b.nameId;
        this.notBefore = Optional.ofNullable(b.notBefore);
        this.notOnOrAfter = Optional.ofNullable(b.notOnOrAfter);
        this.authnInstant = Optional.ofNullable(b.authnInstant);
        this.authnContextClassRef = b.authnContextClassRef;
        this.authnContextDecl = b.authnContextDecl;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        b.attributes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.attributes = java.util.Collections.unmodifiableMap(copy);
        this.roles = List.copyOf(b.roles);
        this.purposeOfUse = Optional.ofNullable(b.purposeOfUse);
        this.signingCertificate = Optional.ofNullable(b.signingCertificate);
        this.signatureAlgorithm = b.signatureAlgorithm;
        this.digestAlgorithm = b.digestAlgorithm;
        this.signatureValid = b.signatureValid;
    }

    /** The Assertion {@code ID}. */
    public String id() {
        return id;
    }

    /** {@code IssueInstant} when it parses as an xs:dateTime. */
    public Optional<Instant> issueInstant() {
        return issueInstant;
    }

    /** {@code IssueInstant} as written. */
    public String issueInstantText() {
        return issueInstantText;
    }

    /** The Issuer value (the signer's DN as written). */
    public String issuer() {
        return issuer;
    }

    /** The Issuer {@code Format} attribute, empty when absent. */
    public String issuerFormat() {
        return issuerFormat;
    }

    /** {@code Subject/NameID}: the user inside the structure. */
    public String nameId() {
        return nameId;
    }

    public Optional<Instant> notBefore() {
        return notBefore;
    }

    public Optional<Instant> notOnOrAfter() {
        return notOnOrAfter;
    }

    public Optional<Instant> authnInstant() {
        return authnInstant;
    }

    /** {@code AuthnContextClassRef}, empty when absent. */
    public String authnContextClassRef() {
        return authnContextClassRef;
    }

    /** {@code AuthnContextDecl} (or {@code AuthnContextDeclRef}) text, e.g. {@code APP_BROWSER_AUTH} in AIR; empty when absent. */
    public String authnContextDecl() {
        return authnContextDecl;
    }

    /** Every attribute by name, in document order, with the text of each value (repeated attributes merged). */
    public Map<String, List<String>> attributes() {
        return attributes;
    }

    /** The values of one attribute (empty when absent). */
    public List<String> values(String name) {
        return attributes.getOrDefault(name, List.of());
    }

    /** The first value of an attribute. */
    public Optional<String> value(String name) {
        List<String> v = values(name);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    public Optional<String> version() {
        return value(VIHF_VERSION);
    }

    /** Authentification_Mode (or its variant spelling {@code Authentification_mode}). */
    public Optional<String> authenticationMode() {
        return value(AUTH_MODE).or(() -> value(AUTH_MODE_VARIANT));
    }

    /** Identifiant_Structure as written (see {@link VihfValidation#structureId()} for the parsed form). */
    public Optional<String> identifiantStructure() {
        return value(IDENTIFIANT_STRUCTURE);
    }

    /** Secteur_Activite as written ({@code SAxx^1.2.250.1.71.4.2.4}). */
    public Optional<String> secteurActivite() {
        return value(SECTEUR_ACTIVITE);
    }

    /** The code part of Secteur_Activite ({@code SA07}). */
    public Optional<String> secteurActiviteCode() {
        return secteurActivite().map(s -> s.contains("^") ? s.substring(0, s.indexOf('^')) : s);
    }

    /** The user's name (subject-id). */
    public Optional<String> subjectId() {
        return value(SUBJECT_ID);
    }

    /** The role values: profession first, then the specialty when present. */
    public List<CodedValue> roles() {
        return roles;
    }

    public Optional<CodedValue> purposeOfUse() {
        return purposeOfUse;
    }

    public Optional<String> ressourceUrn() {
        return value(RESSOURCE_URN);
    }

    /** The patient INS ({@code NIR^^^&1.2.250.1.213.1.4.10&ISO^NH}) when present. */
    public Optional<String> resourceId() {
        return value(RESOURCE_ID);
    }

    public Optional<String> lpsNom() {
        return value(LPS_NOM);
    }

    public Optional<String> lpsIdHomologationDmp() {
        return value(LPS_ID_HOMOLOGATION_DMP);
    }

    public Optional<String> lpsVersion() {
        return value(LPS_VERSION);
    }

    public Optional<String> lpsId() {
        return value(LPS_ID);
    }

    public List<String> confidentialityCodes() {
        return values(CONFIDENTIALITY_CODE);
    }

    /** The certificate carried in KeyInfo, when there was one. */
    public Optional<X509Certificate> signingCertificate() {
        return signingCertificate;
    }

    /** The SignatureMethod algorithm URI, empty when unsigned. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** The DigestMethod algorithm URI, empty when unsigned. */
    public String digestAlgorithm() {
        return digestAlgorithm;
    }

    /** True when the signature is within the profile and verifies with the KeyInfo certificate (trust is separate). */
    public boolean signatureValid() {
        return signatureValid;
    }

    @Override
    public String toString() {
        return "VihfToken[" + id + ", " + identifiantStructure().orElse("?") + ", " + authenticationMode().orElse("?") + "]";
    }
}
