package org.vigie.saml.internal;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vigie.saml.CodedValue;

/** Mutable assembly of a token view, filled by {@link AssertionReader}; copied into an immutable VihfToken. */
public final class TokenData {

    /**
     * One ambiguous AttributeValue.
     *
     * @param attribute the attribute Name
     * @param what      what makes it ambiguous (a catalogue text)
     * @param evidence  the value with its invisible characters made visible
     */
    public record Ambiguity(String attribute, org.vigie.core.Messages.Text what, String evidence) {
    }

    public String id = "";
    public String issueInstantText = "";
    public Instant issueInstant;
    public String issuer = "";
    public String issuerFormat = "";
    public boolean issuerPresent;
    public String nameId = "";
    public Instant notBefore;
    public Instant notOnOrAfter;
    public String notBeforeText = "";
    public String notOnOrAfterText = "";
    /** Conditions/AudienceRestriction elements, and the text of their Audience children. */
    public int audienceRestrictions;
    public final List<String> audiences = new ArrayList<>();
    public Instant authnInstant;
    /** How many AuthnStatement elements the Assertion holds (the first one is read). */
    public int authnStatements;
    public String authnInstantText = "";
    public String authnContextClassRef = "";
    public String authnContextDecl = "";
    public final Map<String, List<String>> attributes = new LinkedHashMap<>();
    /** How many Attribute elements carried each name. */
    public final Map<String, Integer> attributeElements = new LinkedHashMap<>();
    public final List<CodedValue> roles = new ArrayList<>();
    /** Role values that held no coded element (their text), for VIHF-ROLE. */
    public final List<String> malformedRoles = new ArrayList<>();
    /** AttributeValue xsi:type values whose prefix is not bound to XML Schema (name → description). */
    public final List<org.vigie.core.Messages.Text> unresolvedTypes = new ArrayList<>();
    /** Values two readers could read differently (mixed content, nested elements, invisible or non-ASCII spaces). */
    public final List<Ambiguity> ambiguities = new ArrayList<>();
    public CodedValue purposeOfUse;
    public final List<CodedValue> purposeValues = new ArrayList<>();
    public X509Certificate signingCertificate;
    public String signatureAlgorithm = "";
    public String digestAlgorithm = "";
    public boolean signatureValid;
}
