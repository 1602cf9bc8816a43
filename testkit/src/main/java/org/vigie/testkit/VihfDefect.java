package org.vigie.testkit;

import java.util.Optional;
import org.vigie.core.Rule;
import org.vigie.core.Rules;

/**
 * One deliberate defect of a VIHF token, for {@link VihfBuilder#breaking(VihfDefect...)}. Each constant names the rule
 * of the catalogue a correct validator reports for it ({@link #expectedRule()}), so that tests can be table-driven:
 *
 * <pre>{@code
 * for (VihfDefect d : VihfDefect.values()) {
 *     Report r = validator.validate(VihfBuilder.indirect(sign).breaking(d).toBytes(), ...);
 *     d.expectedRule().ifPresent(rule -> ReportAssert.assertThat(r).hasFinding(rule.id()));
 * }
 * }</pre>
 *
 * <p>Some defects need a container around the Assertion (two Assertions side by side): with those
 * ({@link #needsContainer()}) use {@link VihfBuilder#toSecurityHeaderXml()} or {@link VihfBuilder#toSoapEnvelopeXml()};
 * the Assertion-only outputs throw {@link IllegalStateException}. Defects applied to the serialised text
 * ({@link #textual()}: DOCTYPE, entities, truncation) have no DOM: {@link VihfBuilder#toDocument()} throws for them.
 *
 * <p>The "evil" value the wrapping attacks inject is the Identifiant_Structure of another structure
 * ({@link VihfBuilder#EVIL_STRUCTURE}).
 */
public enum VihfDefect {

    // ---------------------------------------------------------------- VIHF-XML
    /** The text is truncated: not well-formed. */
    NOT_WELL_FORMED(Rules.VIHF_XML, Flags.TEXT),
    /** A DOCTYPE (internal subset, harmless element declaration) precedes the root. */
    DOCTYPE(Rules.VIHF_XML, Flags.TEXT),
    /** An external entity ({@code SYSTEM "file:///etc/hostname"}) is declared and referenced in subject-id. */
    EXTERNAL_ENTITY(Rules.VIHF_XML, Flags.TEXT),
    /** Nested internal entities ("billion laughs", 10 levels of 10) referenced in subject-id. */
    ENTITY_EXPANSION(Rules.VIHF_XML, Flags.TEXT),
    /** The root is a SAML 1.1 Assertion (namespace {@code urn:oasis:names:tc:SAML:1.0:assertion}), not SAML 2.0. */
    NOT_SAML2(Rules.VIHF_XML, 0),
    /** A 5 MiB comment inside the signed Assertion (the signature stays valid): exceeds the default size limits. */
    OVERSIZED(Rules.VIHF_XML, 0),
    /** A second, separately signed Assertion (another structure) precedes the real one in {@code wsse:Security}. */
    SECOND_ASSERTION_BEFORE(Rules.VIHF_XML, Flags.CONTAINER),
    /** A second, separately signed Assertion (another structure) follows the real one in {@code wsse:Security}. */
    SECOND_ASSERTION_AFTER(Rules.VIHF_XML, Flags.CONTAINER),

    // ---------------------------------------------------------------- VIHF-SIGNED
    /** The {@code ds:Signature} element is removed (same as {@link VihfBuilder#unsigned()}). */
    SIGNATURE_REMOVED(Rules.VIHF_SIGNED, 0),

    // ---------------------------------------------------------------- VIHF-SIGNATURE
    /** Content altered after signing (Secteur_Activite changed): the Reference digest no longer matches. */
    SIGNATURE_DIGEST(Rules.VIHF_SIGNATURE, Flags.BROKEN),
    /** One byte of SignatureValue flipped: the SignedInfo signature does not verify. */
    SIGNATURE_VALUE(Rules.VIHF_SIGNATURE, Flags.BROKEN),
    /** Signed with RSA-MD5 and an MD5 digest. */
    MD5(Rules.VIHF_SIGNATURE, 0),
    /** XSW3: an unsigned evil copy (ID changed) precedes the signed Assertion in its container. */
    XSW3(Rules.VIHF_SIGNATURE, Flags.CONTAINER),
    /** XSW4: an unsigned evil copy (ID changed) becomes the root and wraps the signed original. */
    XSW4(Rules.VIHF_SIGNATURE, 0),
    /** XSW5: the signed Assertion carries the evil content and a new ID; the untouched original follows, unsigned. */
    XSW5(Rules.VIHF_SIGNATURE, Flags.CONTAINER),
    /** XSW6: the signed Assertion carries the evil content and a new ID; the original sits inside its ds:Signature. */
    XSW6(Rules.VIHF_SIGNATURE, 0),
    /** XSW7: an unsigned evil copy (same ID) inside an {@code Extensions} element precedes the signed Assertion. */
    XSW7(Rules.VIHF_SIGNATURE, Flags.CONTAINER),
    /** XSW8: the signed Assertion carries the evil content (same ID); the original sits in a ds:Object of its signature. */
    XSW8(Rules.VIHF_SIGNATURE, 0),
    /**
     * Two elements carry the Assertion's ID: an unsigned evil Assertion inside {@code saml2:Advice}. Signed after
     * insertion, with only the outer ID registered, so the signature verifies cryptographically.
     */
    DUPLICATE_ID(Rules.VIHF_SIGNATURE, 0),
    /** The signature verifies but is not a direct child of the Assertion (it sits inside {@code saml2:Subject}). */
    SIGNATURE_NOT_CHILD(Rules.VIHF_SIGNATURE, 0),
    /** The signature verifies but carries a second Reference (to the Subject, by a second ID). */
    TWO_REFERENCES(Rules.VIHF_SIGNATURE, 0),
    /** The signature verifies but its Reference URI is {@code ""} (the whole document) instead of {@code #ID}. */
    REFERENCE_WHOLE_DOCUMENT(Rules.VIHF_SIGNATURE, 0),
    /** The signature verifies but has a third transform: an XPath filter between enveloped and exc-c14n. */
    EXTRA_TRANSFORM(Rules.VIHF_SIGNATURE, 0),
    /** The signature verifies but carries a {@code ds:Object}. */
    DS_OBJECT(Rules.VIHF_SIGNATURE, 0),

    // ---------------------------------------------------------------- VIHF-ALGORITHM
    /** Signed with RSA-SHA1 and a SHA-1 digest, as the legacy ANS examples (same as {@link VihfBuilder#sha1()}). */
    SHA1(Rules.VIHF_ALGORITHM, 0),

    // ---------------------------------------------------------------- VIHF-ISSUER / trust
    /** The Issuer DN names another subject than the signing certificate. */
    ISSUER_DN(Rules.VIHF_ISSUER, 0),
    /** The Issuer Format is {@code ...:nameid-format:entity} instead of X509SubjectName. */
    ISSUER_FORMAT(Rules.VIHF_ISSUER, 0),
    /**
     * Signed by an attacker: a certificate with the same subject issued by the foreign CA
     * ({@link CertSpec#foreignIssuer()}), carried in KeyInfo. The signature verifies with that certificate; the
     * certificate does not chain.
     */
    ATTACKER_SIGNED(Rules.CERT_TRUST, 0),

    // ---------------------------------------------------------------- VIHF-TIME
    /** IssueInstant one hour in the future. */
    TIME_FUTURE(Rules.VIHF_TIME, 0),
    /** Conditions NotOnOrAfter one hour in the past (NotBefore two hours in the past). */
    TIME_EXPIRED(Rules.VIHF_TIME, 0),
    /** Conditions NotBefore one hour in the future. */
    TIME_NOT_YET_VALID(Rules.VIHF_TIME, 0),

    // ---------------------------------------------------------------- VIHF-ATTRIBUTE
    /** The mandatory attribute {@code LPS_Nom} is missing. */
    ATTRIBUTE_MISSING(Rules.VIHF_ATTRIBUTE, 0),
    /** The mandatory attribute {@code LPS_ID_HOMOLOGATION_DMP} has an empty value. */
    ATTRIBUTE_EMPTY(Rules.VIHF_ATTRIBUTE, 0),
    /** The mandatory attribute {@code LPS_Nom} appears twice. */
    ATTRIBUTE_REPEATED(Rules.VIHF_ATTRIBUTE, 0),

    // ---------------------------------------------------------------- other attribute rules
    /** VIHF_Version is {@code 2.0}. */
    VERSION(Rules.VIHF_VERSION, 0),
    /** Authentification_Mode is {@code DIRECTE}. */
    AUTH_MODE(Rules.VIHF_AUTH_MODE, 0),
    /** The attribute is spelled {@code Authentification_mode} (as in the ANS example): a WARNING, not an error. */
    AUTH_MODE_SPELLING(Rules.VIHF_AUTH_MODE, 0),
    /** The role value has no codeSystem. */
    ROLE(Rules.VIHF_ROLE, 0),
    /** Profession 10 (médecin) without its specialty value. */
    ROLE_SPECIALTY_MISSING(Rules.VIHF_ROLE, 0),
    /** PurposeOfUse code {@code autre}. */
    PURPOSE(Rules.VIHF_PURPOSE, 0),
    /** Ressource_URN is {@code urn:dmp:autre}. */
    RESOURCE(Rules.VIHF_RESOURCE, 0),
    /** resource-id carries an INS with a wrong assigning authority OID. */
    RESOURCE_ID(Rules.VIHF_RESOURCE, 0),
    /** Identifiant_Structure is another well-formed structure than the signer's OU ({@link VihfBuilder#EVIL_STRUCTURE}). */
    STRUCTURE_MISMATCH(Rules.VIHF_STRUCT_EQ, 0),
    /** Identifiant_Structure is a well-formed FINESS unknown to any directory ({@link VihfBuilder#UNKNOWN_STRUCTURE}). */
    STRUCTURE_UNKNOWN(Rules.VIHF_STRUCT_KNOWN, 0),
    /** Secteur_Activite code SA66, absent from JDV_J61 2024-09-27. */
    SECTOR_NOT_IN_VALUESET(Rules.VIHF_SECTOR_VALUESET, 0),
    /** Secteur_Activite with a wrong code system OID. */
    SECTOR_CODE_SYSTEM(Rules.VIHF_SECTOR_VALUESET, 0),
    /** Secteur_Activite SA23 (assurance privée): in the value set, but forbidden for indirect authentication. */
    SECTOR_FORBIDDEN(Rules.VIHF_SECTOR_FORBIDDEN, 0),

    // ---------------------------------------------------------------- robustness (no finding expected)
    /**
     * A comment splits the Identifiant_Structure text ({@code 10B01<!---->52872}) after signing. The signature
     * stays valid (exclusive c14n omits comments) and the value is unchanged: a correct validator accepts it; one
     * that reads only the first text node sees a truncated id.
     */
    COMMENT_IN_STRUCTURE_ID(null, 0);

    private static final class Flags {
        static final int TEXT = 1;
        static final int CONTAINER = 2;
        static final int BROKEN = 4;
    }

    private final Rule rule;
    private final int flags;

    VihfDefect(Rule rule, int flags) {
        this.rule = rule;
        this.flags = flags;
    }

    /** @return the rule a correct validator reports; empty when the token must be accepted */
    public Optional<Rule> expectedRule() {
        return Optional.ofNullable(rule);
    }

    /** @return true when the defect is applied to the serialised text (no DOM available) */
    public boolean textual() {
        return (flags & Flags.TEXT) != 0;
    }

    /** @return true when the output holds two Assertions side by side and needs a {@code wsse:Security} container */
    public boolean needsContainer() {
        return (flags & Flags.CONTAINER) != 0;
    }

    /** @return true when the signature no longer verifies cryptographically (any XMLDSig engine rejects it) */
    public boolean breaksSignatureCryptographically() {
        return (flags & Flags.BROKEN) != 0;
    }
}
