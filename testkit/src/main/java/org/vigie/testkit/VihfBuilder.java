package org.vigie.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.ObjectContainer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.transforms.params.InclusiveNamespaces;
import org.apache.xml.security.utils.Constants;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.vigie.testkit.internal.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Builds VIHF tokens (signed SAML 2.0 Assertions) the way the ANS examples are built, valid by default and broken
 * on request.
 *
 * <p>{@link #indirect(OrgCredential)} fills every mandatory element and attribute of an indirect-authentication
 * VIHF: Issuer = the signer's subject DN (format X509SubjectName), Identifiant_Structure = the signer's subject
 * OU, Secteur_Activite {@code SA01^1.2.250.1.71.4.2.4}, VIHF_Version {@code 3.0}, Authentification_Mode
 * {@code INDIRECTE}, a médecin role with its specialty, PurposeOfUse {@code normal}, Ressource_URN {@code urn:dmp},
 * a patient INS, LPS attributes, IssueInstant = now. Elements follow the ANS order (Issuer, Signature, Subject,
 * Conditions when a validity is set, AuthnStatement, AttributeStatement) with the ANS prefixes ({@code saml2},
 * {@code xsi}, {@code xs}).
 *
 * <p>Signature: enveloped, a direct child of the Assertion right after Issuer, exclusive c14n (with
 * InclusiveNamespaces PrefixList {@value #DEFAULT_PREFIX_LIST}, see {@link #inclusiveNamespaces(String)}),
 * RSA-SHA256 / SHA-256 by default ({@link #sha1()} for RSA-SHA1 / SHA-1), one Reference to {@code #ID}, the signing
 * certificate in {@code KeyInfo/X509Data/X509Certificate}. Made with Apache Santuario; only the Assertion's
 * {@code ID} is registered as an ID attribute.
 *
 * <p>A builder is mutable and not thread-safe; each {@code to...} call builds and signs anew (same ID each time).
 *
 * <pre>{@code
 * OrgCredential sign = TestPki.shared().signature("10B0152872");
 * String token = VihfBuilder.indirect(sign).secteurActivite("SA01").toAssertionXml();
 * String attack = VihfBuilder.indirect(sign).breaking(VihfDefect.XSW4).toSecurityHeaderXml();
 * }</pre>
 */
public final class VihfBuilder {

    /** The default InclusiveNamespaces PrefixList of the exclusive c14n transform. */
    public static final String DEFAULT_PREFIX_LIST = "ds saml2 #default xsi";
    /** The Identifiant_Structure the wrapping attacks and {@link VihfDefect#STRUCTURE_MISMATCH} inject (AP-HP EJ). */
    public static final String EVIL_STRUCTURE = "1750712184";
    /** A well-formed FINESS-based IdNat_Struct (département 99 does not exist) for {@link VihfDefect#STRUCTURE_UNKNOWN}. */
    public static final String UNKNOWN_STRUCTURE = "1990000002";

    /** Attribute Name {@code Identifiant_Structure}. */
    public static final String IDENTIFIANT_STRUCTURE = "Identifiant_Structure";
    /** Attribute Name {@code Secteur_Activite}. */
    public static final String SECTEUR_ACTIVITE = "Secteur_Activite";
    /** Attribute Name {@code urn:oasis:names:tc:xspa:1.0:subject:subject-id}. */
    public static final String SUBJECT_ID = "urn:oasis:names:tc:xspa:1.0:subject:subject-id";
    /** Attribute Name {@code urn:oasis:names:tc:xacml:2.0:subject:role}. */
    public static final String ROLE = "urn:oasis:names:tc:xacml:2.0:subject:role";
    /** Attribute Name {@code VIHF_Version}. */
    public static final String VIHF_VERSION = "VIHF_Version";
    /** Attribute Name {@code Authentification_Mode}. */
    public static final String AUTHENTIFICATION_MODE = "Authentification_Mode";
    /** Attribute Name {@code urn:oasis:names:tc:xacml:2.0:resource:resource-id}. */
    public static final String RESOURCE_ID = "urn:oasis:names:tc:xacml:2.0:resource:resource-id";
    /** Attribute Name {@code Ressource_URN}. */
    public static final String RESSOURCE_URN = "Ressource_URN";
    /** Attribute Name {@code urn:oasis:names:tc:xspa:1.0:subject:purposeofuse}. */
    public static final String PURPOSE_OF_USE = "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse";
    /** Attribute Name {@code LPS_ID}. */
    public static final String LPS_ID = "LPS_ID";
    /** Attribute Name {@code LPS_Nom}. */
    public static final String LPS_NOM = "LPS_Nom";
    /** Attribute Name {@code LPS_Version}. */
    public static final String LPS_VERSION = "LPS_Version";
    /** Attribute Name {@code LPS_ID_HOMOLOGATION_DMP}. */
    public static final String LPS_ID_HOMOLOGATION_DMP = "LPS_ID_HOMOLOGATION_DMP";

    static final String X509_SUBJECT_NAME = "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName";
    static final String SECTOR_SYSTEM = "1.2.250.1.71.4.2.4";
    static final String PURPOSE_SYSTEM = "1.2.250.1.213.1.1.4.248";
    static final String INS_SUFFIX = "^^^&1.2.250.1.213.1.4.10&ISO^NH";
    private static final String SAML1 = "urn:oasis:names:tc:SAML:1.0:assertion";
    private static final String ENTITY_MARKER = "VIGIE-ENTITY-MARKER";
    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    private static final String RSA_MD5 = "http://www.w3.org/2001/04/xmldsig-more#rsa-md5";

    static {
        org.apache.xml.security.Init.init();
    }

    /** One CE-typed value (Role, PurposeOfUse). */
    private record Ce(String element, String code, String codeSystem, String codeSystemName, String displayName) {
    }

    /** An AttributeValue whose content is an XML fragment, inserted as is (no xsi:type added). */
    private record Raw(String xml) {
    }

    /** One {@code saml2:Attribute}: its name and values (String, Ce or Raw). */
    private record Attr(String name, List<Object> values) {
        Attr copy() {
            return new Attr(name, new ArrayList<>(values));
        }
    }

    private final OrgCredential signer;
    private OrgCredential keyCredential;
    private String id = "_" + UUID.randomUUID();
    private Instant issueInstant = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private Instant notBefore;
    private Instant notOnOrAfter;
    private String issuerDn;
    private String issuerFormat = X509_SUBJECT_NAME;
    private String nameId = "VIGIE-UTILISATEUR-0001";
    private String authnContextClassRef = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport";
    private String authnContextDecl;
    private final List<Attr> attributes = new ArrayList<>();
    private boolean rolesCustomised;
    private boolean withoutAuthnStatement;
    private String issueInstantLexical;
    private String notBeforeLexical;
    private String notOnOrAfterLexical;
    private boolean signed = true;
    private boolean sha1;
    private String prefixList = DEFAULT_PREFIX_LIST;
    private boolean envelopedOnly;
    private final java.util.Map<String, String> extraNamespaces = new java.util.LinkedHashMap<>();
    private final Set<VihfDefect> defects = EnumSet.noneOf(VihfDefect.class);

    private VihfBuilder(OrgCredential signer) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.issuerDn = signer.subjectDn();
        String structure = signer.structureId();
        put(IDENTIFIANT_STRUCTURE, structure);
        put(SECTEUR_ACTIVITE, "SA01^" + SECTOR_SYSTEM);
        put(SUBJECT_ID, "Jean TEST-VIGIE");
        attributes.add(new Attr(ROLE, new ArrayList<>(List.of(
                new Ce("Role", "10", "1.2.250.1.71.1.2.7", null, "Médecin"),
                new Ce("Role", "SM26", "1.2.250.1.71.4.2.5", null, "Qualifié en Médecine Générale (SM)")))));
        put(VIHF_VERSION, "3.0");
        put(AUTHENTIFICATION_MODE, "INDIRECTE");
        put(RESOURCE_ID, "207058575627097" + INS_SUFFIX);
        put(RESSOURCE_URN, "urn:dmp");
        attributes.add(new Attr(PURPOSE_OF_USE, new ArrayList<>(List.of(purpose("normal")))));
        put(LPS_ID, "1.2.250.1.999.1.1.7898");
        put(LPS_NOM, "VIGIE TESTKIT");
        put(LPS_VERSION, "0.1.0");
        put(LPS_ID_HOMOLOGATION_DMP, "HOMOLOGATION-TEST-0001");
    }

    /**
     * A valid indirect-authentication VIHF signed by {@code signer}.
     *
     * @param signer the ORG signature credential (its subject gives Issuer and Identifiant_Structure)
     * @return a builder
     */
    public static VihfBuilder indirect(OrgCredential signer) {
        return new VihfBuilder(signer);
    }

    // ------------------------------------------------------------------ settings

    /**
     * @param value Identifiant_Structure (IdNat_Struct)
     * @return this builder
     */
    public VihfBuilder identifiantStructure(String value) {
        return attribute(IDENTIFIANT_STRUCTURE, value);
    }

    /**
     * Secteur_Activite. A bare code ({@code SA07}) gets the TRE_R02 code system appended
     * ({@code SA07^1.2.250.1.71.4.2.4}); a value containing {@code ^} is used as is.
     *
     * @param value code or full value
     * @return this builder
     */
    public VihfBuilder secteurActivite(String value) {
        return attribute(SECTEUR_ACTIVITE, value.contains("^") ? value : value + "^" + SECTOR_SYSTEM);
    }

    /**
     * @param value VIHF_Version
     * @return this builder
     */
    public VihfBuilder version(String value) {
        return attribute(VIHF_VERSION, value);
    }

    /**
     * @param value Authentification_Mode ({@code INDIRECTE}, {@code INDIRECTE_RENFORCEE}, ...)
     * @return this builder
     */
    public VihfBuilder authMode(String value) {
        return attribute(AUTHENTIFICATION_MODE, value);
    }

    /**
     * @param value the user's name (subject-id attribute)
     * @return this builder
     */
    public VihfBuilder subjectId(String value) {
        return attribute(SUBJECT_ID, value);
    }

    /**
     * @param ins the patient INS; resource-id becomes {@code <ins>^^^&1.2.250.1.213.1.4.10&ISO^NH}
     * @return this builder
     */
    public VihfBuilder patientIns(String ins) {
        return attribute(RESOURCE_ID, ins + INS_SUFFIX);
    }

    /**
     * Sets a string attribute: replaces the values of the first attribute of that name, or appends a new attribute.
     *
     * @param name  attribute Name
     * @param value its single value (may be empty)
     * @return this builder
     */
    public VihfBuilder attribute(String name, String value) {
        return attributeValues(name, value);
    }

    /**
     * Sets a string attribute with several values (several {@code AttributeValue} in one {@code Attribute}).
     *
     * @param name   attribute Name
     * @param values its values
     * @return this builder
     */
    public VihfBuilder attributeValues(String name, String... values) {
        Objects.requireNonNull(name, "name");
        List<Object> vs = new ArrayList<>(List.of(values));
        for (Attr a : attributes) {
            if (a.name.equals(name)) {
                a.values.clear();
                a.values.addAll(vs);
                return this;
            }
        }
        attributes.add(new Attr(name, vs));
        return this;
    }

    /**
     * Sets an attribute whose {@code AttributeValue} contents are XML fragments, inserted before signing exactly as
     * written (mixed content, nested elements, a value inside a child element...): no {@code xsi:type} is added, and
     * the fragment must declare the namespaces it uses. The token is signed over them, so its signature is valid.
     *
     * @param name     attribute Name
     * @param contents the content of each AttributeValue, e.g. {@code 1130000011<v>1750712184</v>}
     * @return this builder
     */
    public VihfBuilder attributeXml(String name, String... contents) {
        Objects.requireNonNull(name, "name");
        List<Object> vs = new ArrayList<>();
        for (String c : contents) {
            vs.add(new Raw(Objects.requireNonNull(c, "content")));
        }
        for (Attr a : attributes) {
            if (a.name.equals(name)) {
                a.values.clear();
                a.values.addAll(vs);
                return this;
            }
        }
        attributes.add(new Attr(name, vs));
        return this;
    }

    /**
     * Leaves out the {@code AuthnStatement} (present by default, as in every ANS example).
     * @return this builder
     */
    public VihfBuilder withoutAuthnStatement() {
        this.withoutAuthnStatement = true;
        return this;
    }

    /**
     * Writes {@code IssueInstant} exactly as given instead of the ISO-8601 UTC form of {@link #issueInstant(Instant)}
     * (e.g. {@code 2026-03-02T09:00:00} without a time zone, or with {@code +01:00}); signed like any value.
     *
     * @param text the lexical IssueInstant, or null for the default
     * @return this builder
     */
    public VihfBuilder issueInstantText(String text) {
        this.issueInstantLexical = text;
        return this;
    }

    /**
     * Writes {@code Conditions NotBefore / NotOnOrAfter} exactly as given (e.g. without a time zone); null leaves the
     * value of {@link #validity(Instant, Instant)} (or none).
     *
     * @param notBefore    lexical NotBefore or null
     * @param notOnOrAfter lexical NotOnOrAfter or null
     * @return this builder
     */
    public VihfBuilder validityText(String notBefore, String notOnOrAfter) {
        this.notBeforeLexical = notBefore;
        this.notOnOrAfterLexical = notOnOrAfter;
        return this;
    }

    /**
     * Appends a further {@code Attribute} element with this name even when one exists (a repeated attribute).
     *
     * @param name  attribute Name
     * @param value its value
     * @return this builder
     */
    public VihfBuilder addAttribute(String name, String value) {
        attributes.add(new Attr(name, new ArrayList<>(List.of(value))));
        return this;
    }

    /**
     * @param name attribute Name; every attribute of that name is removed
     * @return this builder
     */
    public VihfBuilder removeAttribute(String name) {
        attributes.removeIf(a -> a.name.equals(name));
        return this;
    }

    /**
     * Adds a role value ({@code <Role xmlns="urn:hl7-org:v3" code codeSystem displayName xsi:type="CE"/>}). The first
     * call replaces the default roles (médecin + specialty SM26); later calls append.
     *
     * @param code        profession or specialty code
     * @param codeSystem  its code system OID (null to omit the attribute)
     * @param displayName its label (null to omit)
     * @return this builder
     */
    public VihfBuilder role(String code, String codeSystem, String displayName) {
        return role(code, codeSystem, null, displayName);
    }

    /**
     * As {@link #role(String, String, String)} with a {@code codeSystemName} attribute (as in the ANS
     * INDIRECTE_RENFORCEE example: {@code professions}, {@code specialites RPPS}).
     *
     * @param code           profession or specialty code
     * @param codeSystem     its code system OID (null to omit)
     * @param codeSystemName its code system name (null to omit)
     * @param displayName    its label (null to omit)
     * @return this builder
     */
    public VihfBuilder role(String code, String codeSystem, String codeSystemName, String displayName) {
        Attr roles = find(ROLE);
        if (roles == null) {
            roles = new Attr(ROLE, new ArrayList<>());
            attributes.add(roles);
        }
        if (!rolesCustomised) {
            roles.values.clear();
            rolesCustomised = true;
        }
        roles.values.add(new Ce("Role", code, codeSystem, codeSystemName, displayName));
        return this;
    }

    /**
     * @param code PurposeOfUse code ({@code normal}, {@code bris_de_glace}, {@code centre_15})
     * @return this builder
     */
    public VihfBuilder purposeOfUse(String code) {
        Attr a = find(PURPOSE_OF_USE);
        if (a == null) {
            attributes.add(new Attr(PURPOSE_OF_USE, new ArrayList<>(List.of(purpose(code)))));
        } else {
            a.values.clear();
            a.values.add(purpose(code));
        }
        return this;
    }

    /**
     * @param value Subject/NameID (the user's id inside the structure)
     * @return this builder
     */
    public VihfBuilder nameId(String value) {
        this.nameId = Objects.requireNonNull(value);
        return this;
    }

    /**
     * @param classRef AuthnContextClassRef
     * @return this builder
     */
    public VihfBuilder authnContext(String classRef) {
        this.authnContextClassRef = Objects.requireNonNull(classRef);
        return this;
    }

    /**
     * Adds {@code AuthnContextDecl} after the class reference (the ANS INDIRECTE_RENFORCEE example carries one).
     *
     * @param decl the declaration text, or null to omit the element (default)
     * @return this builder
     */
    public VihfBuilder authnContextDecl(String decl) {
        this.authnContextDecl = decl;
        return this;
    }

    /**
     * @param value the Assertion ID (default {@code _<random UUID>})
     * @return this builder
     */
    public VihfBuilder id(String value) {
        this.id = Objects.requireNonNull(value);
        return this;
    }

    /**
     * @param instant IssueInstant and AuthnInstant
     * @return this builder
     */
    public VihfBuilder issueInstant(Instant instant) {
        this.issueInstant = Objects.requireNonNull(instant);
        return this;
    }

    /**
     * Same as {@link #issueInstant(Instant)}.
     * @param instant IssueInstant
     * @return this builder
     */
    public VihfBuilder at(Instant instant) {
        return issueInstant(instant);
    }

    /**
     * Adds {@code saml2:Conditions NotBefore NotOnOrAfter} (absent by default, like the ANS example).
     *
     * @param from  NotBefore (null to omit)
     * @param until NotOnOrAfter (null to omit)
     * @return this builder
     */
    public VihfBuilder validity(Instant from, Instant until) {
        this.notBefore = from;
        this.notOnOrAfter = until;
        return this;
    }

    /**
     * @param dn the Issuer value, any DN spelling (default: the signer's subject, RFC 2253)
     * @return this builder
     */
    public VihfBuilder issuer(String dn) {
        this.issuerDn = Objects.requireNonNull(dn);
        return this;
    }

    /**
     * @param format the Issuer Format attribute
     * @return this builder
     */
    public VihfBuilder issuerFormat(String format) {
        this.issuerFormat = format;
        return this;
    }

    /**
     * RSA-SHA1 signature and SHA-1 digest, like the legacy ANS examples.
     * @return this builder
     */
    public VihfBuilder sha1() {
        this.sha1 = true;
        return this;
    }

    /**
     * No signature at all.
     * @return this builder
     */
    public VihfBuilder unsigned() {
        this.signed = false;
        return this;
    }

    /**
     * Signs with another credential and carries its certificate in KeyInfo (an attacker-signed token); Issuer and
     * Identifiant_Structure still come from the credential given to {@link #indirect(OrgCredential)}.
     *
     * @param other the credential whose key signs
     * @return this builder
     */
    public VihfBuilder signWith(OrgCredential other) {
        this.keyCredential = Objects.requireNonNull(other);
        return this;
    }

    /**
     * The InclusiveNamespaces PrefixList of the exclusive c14n transform; {@code null} to omit the element
     * (as in the ANS example files).
     *
     * @param list prefix list or null
     * @return this builder
     */
    public VihfBuilder inclusiveNamespaces(String list) {
        this.prefixList = list;
        return this;
    }

    /**
     * Signs with the enveloped-signature transform alone (no exc-c14n transform), which the house profile accepts:
     * the Reference's node-set is then turned into octets by inclusive C14N 1.0, which copies the {@code xml:*}
     * attributes the Assertion inherits from its ancestors (see docs/security.md, "What the receiver reads").
     *
     * @return this builder
     */
    public VihfBuilder envelopedOnly() {
        this.envelopedOnly = true;
        return this;
    }

    /**
     * Declares on the Assertion, before signing, the namespaces of the message it will travel in (by default the
     * {@code soap} SOAP 1.2 and {@code wsse} prefixes of {@link DmpMessageBuilder}): with {@link #envelopedOnly()}
     * inclusive C14N emits every namespace in scope, so such a token verifies in that message as a token signed in
     * place does.
     *
     * @param prefixAndUri prefix, URI, prefix, URI...
     * @return this builder
     */
    public VihfBuilder declaringNamespaces(String... prefixAndUri) {
        if (prefixAndUri.length % 2 != 0) {
            throw new IllegalArgumentException("prefix, URI pairs expected");
        }
        for (int i = 0; i < prefixAndUri.length; i += 2) {
            extraNamespaces.put(prefixAndUri[i], prefixAndUri[i + 1]);
        }
        return this;
    }

    /**
     * Applies deliberate defects (cumulative).
     *
     * @param defects what to break
     * @return this builder
     */
    public VihfBuilder breaking(VihfDefect... defects) {
        for (VihfDefect d : defects) {
            this.defects.add(Objects.requireNonNull(d));
        }
        return this;
    }

    /** @return the Assertion ID */
    public String id() {
        return id;
    }

    /** @return the credential whose certificate signs (the signer unless {@link #signWith(OrgCredential)}) */
    public OrgCredential signingCredential() {
        if (defects.contains(VihfDefect.ATTACKER_SIGNED)) {
            return attacker();
        }
        return keyCredential != null ? keyCredential : signer;
    }

    /** @return the credential given to {@link #indirect(OrgCredential)} */
    public OrgCredential signer() {
        return signer;
    }

    // ------------------------------------------------------------------ outputs

    /**
     * @return the Assertion alone, UTF-8 text without XML declaration
     * @throws IllegalStateException when a defect needs a container ({@link VihfDefect#needsContainer()})
     */
    public String toAssertionXml() {
        Element sec = buildSecurity();
        List<Element> children = childElements(sec);
        if (children.size() != 1) {
            throw new IllegalStateException("defects " + defects + " put several elements in wsse:Security: "
                    + "use toSecurityHeaderXml() or toSoapEnvelopeXml()");
        }
        return textual(Xml.serialize(children.get(0)), qname(children.get(0)));
    }

    /** @return {@link #toAssertionXml()} in UTF-8 */
    public byte[] toBytes() {
        return toAssertionXml().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @return the Assertion parsed back into a fresh DOM (hardened parser; no ID attribute registered)
     * @throws IllegalStateException for textual defects (DOCTYPE, entities, truncation) and container defects
     */
    public Document toDocument() {
        for (VihfDefect d : defects) {
            if (d.textual()) {
                throw new IllegalStateException("defect " + d + " exists only as text: use toAssertionXml()");
            }
        }
        return Xml.parse(toAssertionXml());
    }

    /** @return {@code <wsse:Security>} holding the Assertion(s) */
    public String toSecurityHeaderXml() {
        return textual(Xml.serialize(buildSecurity()), "wsse:Security");
    }

    /**
     * @return a SOAP 1.2 envelope with WS-Addressing headers (ITI-41 action), the {@code wsse:Security} header and an
     *         empty body; see {@link DmpMessageBuilder} for a complete DMP message
     */
    public String toSoapEnvelopeXml() {
        String env = SoapEnvelope.open("urn:uuid:" + UUID.randomUUID()) + Xml.serialize(buildSecurity())
                + SoapEnvelope.AFTER_SECURITY + "<soap:Body/>" + SoapEnvelope.CLOSE;
        return textual(env, "soap:Envelope");
    }

    /** The security header for embedding in an envelope (entity references and truncation applied, no DOCTYPE). */
    String securityHeaderFragment() {
        return textualBody(Xml.serialize(buildSecurity()));
    }

    Set<VihfDefect> defects() {
        return EnumSet.copyOf(defects.isEmpty() ? EnumSet.noneOf(VihfDefect.class) : defects);
    }

    // ------------------------------------------------------------------ building

    private Element buildSecurity() {
        Document signedDoc = buildSignedAssertionDocument(effectiveAttributes(), effectiveIssuer(), true);
        Document doc = Xml.newDocument();
        Element sec = doc.createElementNS(Xml.WSSE, "wsse:Security");
        Xml.declare(sec, "wsse", Xml.WSSE);
        doc.appendChild(sec);
        Element a = (Element) doc.importNode(signedDoc.getDocumentElement(), true);
        sec.appendChild(a);
        applyPostSignature(doc, sec, a);
        return sec;
    }

    private String effectiveIssuer() {
        if (defects.contains(VihfDefect.ISSUER_DN)) {
            return "CN=Autre LPS,OU=" + EVIL_STRUCTURE + ",O=AUTRE STRUCTURE,ST=Paris (75),C=FR";
        }
        return issuerDn;
    }

    private List<Attr> effectiveAttributes() {
        List<Attr> list = new ArrayList<>();
        for (Attr a : attributes) {
            list.add(a.copy());
        }
        for (VihfDefect d : defects) {
            switch (d) {
                case ATTRIBUTE_MISSING -> list.removeIf(a -> a.name.equals(LPS_NOM));
                case ATTRIBUTE_EMPTY -> set(list, LPS_ID_HOMOLOGATION_DMP, "");
                case ATTRIBUTE_REPEATED -> list.add(new Attr(LPS_NOM, new ArrayList<>(List.of("VIGIE TESTKIT BIS"))));
                case VERSION -> set(list, VIHF_VERSION, "2.0");
                case AUTH_MODE -> set(list, AUTHENTIFICATION_MODE, "DIRECTE");
                case AUTH_MODE_SPELLING -> rename(list, AUTHENTIFICATION_MODE, "Authentification_mode");
                case ROLE -> {
                    Attr r = find(list, ROLE);
                    if (r != null && !r.values.isEmpty() && r.values.get(0) instanceof Ce ce) {
                        r.values.set(0, new Ce(ce.element, ce.code, null, null, ce.displayName));
                    }
                }
                case ROLE_SPECIALTY_MISSING -> {
                    Attr r = find(list, ROLE);
                    if (r != null) {
                        r.values.clear();
                        r.values.add(new Ce("Role", "10", "1.2.250.1.71.1.2.7", null, "Médecin"));
                    }
                }
                case PURPOSE -> {
                    Attr p = find(list, PURPOSE_OF_USE);
                    if (p != null) {
                        p.values.clear();
                        p.values.add(new Ce("PurposeOfUse", "autre", PURPOSE_SYSTEM, "mode acces VIHF 2.0", "Autre"));
                    }
                }
                case RESOURCE -> set(list, RESSOURCE_URN, "urn:dmp:autre");
                case RESOURCE_ID -> set(list, RESOURCE_ID, "207058575627097^^^&1.2.250.1.213.1.4.2&ISO^NH");
                case STRUCTURE_MISMATCH -> set(list, IDENTIFIANT_STRUCTURE, EVIL_STRUCTURE);
                case STRUCTURE_UNKNOWN -> set(list, IDENTIFIANT_STRUCTURE, UNKNOWN_STRUCTURE);
                case SECTOR_NOT_IN_VALUESET -> set(list, SECTEUR_ACTIVITE, "SA66^" + SECTOR_SYSTEM);
                case SECTOR_CODE_SYSTEM -> set(list, SECTEUR_ACTIVITE, "SA01^1.2.250.1.213.1.1.4.9");
                case SECTOR_FORBIDDEN -> set(list, SECTEUR_ACTIVITE, "SA23^" + SECTOR_SYSTEM);
                case EXTERNAL_ENTITY, ENTITY_EXPANSION -> set(list, SUBJECT_ID, ENTITY_MARKER);
                default -> {
                }
            }
        }
        return list;
    }

    /** Builds the Assertion as the root of its own document and signs it (unless unsigned). */
    private Document buildSignedAssertionDocument(List<Attr> attrs, String issuerValue, boolean withDuplicate) {
        Document doc = Xml.newDocument();
        String ns = defects.contains(VihfDefect.NOT_SAML2) ? SAML1 : Xml.SAML2;
        String p = defects.contains(VihfDefect.NOT_SAML2) ? "saml" : "saml2";
        Instant issue = issueInstant;
        Instant nb = notBefore;
        Instant noa = notOnOrAfter;
        if (defects.contains(VihfDefect.TIME_FUTURE)) {
            issue = issue.plus(Duration.ofHours(1));
        }
        if (defects.contains(VihfDefect.TIME_EXPIRED)) {
            nb = issueInstant.minus(Duration.ofHours(2));
            noa = issueInstant.minus(Duration.ofHours(1));
        }
        if (defects.contains(VihfDefect.TIME_NOT_YET_VALID)) {
            nb = issueInstant.plus(Duration.ofHours(1));
            noa = issueInstant.plus(Duration.ofHours(2));
        }
        Element a = doc.createElementNS(ns, p + ":Assertion");
        Xml.declare(a, p, ns);
        Xml.declare(a, "xsi", Xml.XSI);
        extraNamespaces.forEach((prefix, uri) -> Xml.declare(a, prefix, uri));
        a.setAttributeNS(null, "ID", id);
        a.setAttributeNS(null, "IssueInstant", issueInstantLexical != null ? issueInstantLexical : issue.toString());
        a.setAttributeNS(null, "Version", "2.0");
        doc.appendChild(a);

        Element issuer = child(a, ns, p + ":Issuer");
        if (issuerFormat != null) {
            issuer.setAttributeNS(null, "Format",
                    defects.contains(VihfDefect.ISSUER_FORMAT) ? "urn:oasis:names:tc:SAML:2.0:nameid-format:entity"
                            : issuerFormat);
        }
        issuer.setTextContent(issuerValue);

        Element subject = child(a, ns, p + ":Subject");
        child(subject, ns, p + ":NameID").setTextContent(nameId);

        String nbText = notBeforeLexical != null ? notBeforeLexical : nb == null ? null : nb.toString();
        String noaText = notOnOrAfterLexical != null ? notOnOrAfterLexical : noa == null ? null : noa.toString();
        if (nbText != null || noaText != null) {
            Element c = child(a, ns, p + ":Conditions");
            if (nbText != null) {
                c.setAttributeNS(null, "NotBefore", nbText);
            }
            if (noaText != null) {
                c.setAttributeNS(null, "NotOnOrAfter", noaText);
            }
        }
        if (withDuplicate && defects.contains(VihfDefect.DUPLICATE_ID)) {
            Element advice = child(a, ns, p + ":Advice");
            Document inner = buildSignedAssertionDocumentUnsignedEvil(attrs, issuerValue);
            advice.appendChild(doc.importNode(inner.getDocumentElement(), true));
        }

        if (!withoutAuthnStatement) {
            Element authn = child(a, ns, p + ":AuthnStatement");
            authn.setAttributeNS(null, "AuthnInstant", issue.toString());
            Element ctx = child(authn, ns, p + ":AuthnContext");
            child(ctx, ns, p + ":AuthnContextClassRef").setTextContent(authnContextClassRef);
            if (authnContextDecl != null) {
                child(ctx, ns, p + ":AuthnContextDecl").setTextContent(authnContextDecl);
            }
        }

        Element stmt = child(a, ns, p + ":AttributeStatement");
        for (Attr attr : attrs) {
            Element ae = child(stmt, ns, p + ":Attribute");
            ae.setAttributeNS(null, "Name", attr.name);
            for (Object v : attr.values) {
                Element av = child(ae, ns, p + ":AttributeValue");
                if (v instanceof Ce ce) {
                    Element r = doc.createElementNS(Xml.HL7, ce.element);
                    Xml.declare(r, "", Xml.HL7);
                    r.setAttributeNS(null, "code", ce.code);
                    if (ce.codeSystem != null) {
                        r.setAttributeNS(null, "codeSystem", ce.codeSystem);
                    }
                    if (ce.codeSystemName != null) {
                        r.setAttributeNS(null, "codeSystemName", ce.codeSystemName);
                    }
                    if (ce.displayName != null) {
                        r.setAttributeNS(null, "displayName", ce.displayName);
                    }
                    r.setAttributeNS(Xml.XSI, "xsi:type", "CE");
                    av.appendChild(r);
                } else if (v instanceof Raw raw) {
                    Document frag = Xml.parse("<vigie-fragment>" + raw.xml + "</vigie-fragment>");
                    for (Node n = frag.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
                        av.appendChild(doc.importNode(n, true));
                    }
                } else {
                    Xml.declare(av, "xs", Xml.XS);
                    av.setAttributeNS(Xml.XSI, "xsi:type", "xs:string");
                    av.setTextContent((String) v);
                }
            }
        }
        boolean doSign = signed && !defects.contains(VihfDefect.SIGNATURE_REMOVED);
        if (doSign && withDuplicate) {
            sign(doc, a, issuer, subject);
        }
        return doc;
    }

    private Document buildSignedAssertionDocumentUnsignedEvil(List<Attr> attrs, String issuerValue) {
        List<Attr> evil = new ArrayList<>();
        for (Attr x : attrs) {
            evil.add(x.copy());
        }
        set(evil, IDENTIFIANT_STRUCTURE, EVIL_STRUCTURE);
        return buildSignedAssertionDocument(evil, issuerValue, false);
    }

    private OrgCredential attacker() {
        CertSpec s = signer.spec().foreignIssuer();
        return signer.pki().issue(s);
    }

    private void sign(Document doc, Element a, Element issuer, Element subject) {
        OrgCredential key = signingCredential();
        boolean md5 = false; // Santuario refuses MD5 even when signing: rewritten afterwards, see rewriteAsMd5
        boolean useSha1 = sha1 || defects.contains(VihfDefect.SHA1);
        String sigAlg = md5 ? RSA_MD5 : useSha1 ? RSA_SHA1 : RSA_SHA256;
        String digAlg = md5 ? MessageDigestAlgorithm.ALGO_ID_DIGEST_NOT_RECOMMENDED_MD5
                : useSha1 ? MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA1 : MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256;
        try {
            a.setIdAttributeNS(null, "ID", true);
            XMLSignature sig = new XMLSignature(doc, null, sigAlg, Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            if (defects.contains(VihfDefect.SIGNATURE_NOT_CHILD)) {
                subject.appendChild(sig.getElement());
            } else {
                a.insertBefore(sig.getElement(), issuer.getNextSibling());
            }
            String uri = defects.contains(VihfDefect.REFERENCE_WHOLE_DOCUMENT) ? "" : "#" + id;
            sig.addDocument(uri, transforms(doc), digAlg);
            if (defects.contains(VihfDefect.TWO_REFERENCES)) {
                sig.addDocument("#" + id, transforms(doc), digAlg);
            }
            if (defects.contains(VihfDefect.DS_OBJECT)) {
                ObjectContainer obj = new ObjectContainer(doc);
                obj.appendChild(doc.createTextNode("vigie"));
                sig.appendObject(obj);
            }
            sig.addKeyInfo(key.certificate());
            sig.sign(key.privateKey());
            if (defects.contains(VihfDefect.MD5)) {
                rewriteAsMd5(sig.getElement(), a, key);
            }
            // Santuario wraps base64 with CR LF (serialised as &#13;): values outside SignedInfo can be tidied freely
            for (String local : new String[]{"SignatureValue", "X509Certificate"}) {
                Element e = firstDescendant(sig.getElement(), Constants.SignatureSpecNS, local);
                if (e != null) {
                    e.setTextContent(e.getTextContent().replaceAll("\\s", ""));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the VIHF", e);
        }
    }

    /**
     * Re-signs an existing signature with RSA-MD5 and an MD5 digest by hand: exclusive c14n of the Assertion
     * without its signature (with the PrefixList), MD5 digest, then MD5withRSA over the exclusive c14n of SignedInfo.
     */
    private void rewriteAsMd5(Element sig, Element a, OrgCredential key) throws Exception {
        String md5Digest = "http://www.w3.org/2001/04/xmldsig-more#md5";
        Element signedInfo = firstChild(sig, Constants.SignatureSpecNS, "SignedInfo");
        Element reference = firstChild(signedInfo, Constants.SignatureSpecNS, "Reference");
        Node parent = sig.getParentNode();
        Node next = sig.getNextSibling();
        parent.removeChild(sig);
        java.io.ByteArrayOutputStream c14n = new java.io.ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS)
                .canonicalizeSubtree(a, prefixList == null ? "" : prefixList, c14n);
        parent.insertBefore(sig, next);
        byte[] digest = java.security.MessageDigest.getInstance("MD5").digest(c14n.toByteArray());
        firstChild(reference, Constants.SignatureSpecNS, "DigestMethod").setAttributeNS(null, "Algorithm", md5Digest);
        firstChild(reference, Constants.SignatureSpecNS, "DigestValue")
                .setTextContent(Base64.getEncoder().encodeToString(digest));
        firstChild(signedInfo, Constants.SignatureSpecNS, "SignatureMethod").setAttributeNS(null, "Algorithm", RSA_MD5);
        java.io.ByteArrayOutputStream si = new java.io.ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(signedInfo, si);
        java.security.Signature rsa = java.security.Signature.getInstance("MD5withRSA");
        rsa.initSign(key.privateKey());
        rsa.update(si.toByteArray());
        firstChild(sig, Constants.SignatureSpecNS, "SignatureValue")
                .setTextContent(Base64.getEncoder().encodeToString(rsa.sign()));
    }

    private Transforms transforms(Document doc) throws Exception {
        Transforms t = new Transforms(doc);
        t.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        if (defects.contains(VihfDefect.EXTRA_TRANSFORM)) {
            org.apache.xml.security.transforms.params.XPathContainer xp =
                    new org.apache.xml.security.transforms.params.XPathContainer(doc);
            xp.setXPathNamespaceContext("ds", Constants.SignatureSpecNS);
            xp.setXPath("not(ancestor-or-self::ds:Signature)");
            t.addTransform(Transforms.TRANSFORM_XPATH, xp.getElementPlusReturns());
        }
        if (envelopedOnly) {
            return t;
        }
        if (prefixList != null) {
            t.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS,
                    new InclusiveNamespaces(doc, prefixList).getElement());
        } else {
            t.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        }
        return t;
    }

    private void applyPostSignature(Document doc, Element sec, Element a) {
        String ns = a.getNamespaceURI();
        if (defects.contains(VihfDefect.SIGNATURE_DIGEST)) {
            setAttributeValue(a, SECTEUR_ACTIVITE, "SA07^" + SECTOR_SYSTEM);
        }
        if (defects.contains(VihfDefect.SIGNATURE_VALUE)) {
            Element sv = firstDescendant(a, Constants.SignatureSpecNS, "SignatureValue");
            if (sv != null) {
                byte[] v = Base64.getMimeDecoder().decode(sv.getTextContent());
                v[v.length / 2] ^= 0x01;
                sv.setTextContent(Base64.getEncoder().encodeToString(v));
            }
        }
        if (defects.contains(VihfDefect.COMMENT_IN_STRUCTURE_ID)) {
            Element v = attributeValueElement(a, IDENTIFIANT_STRUCTURE);
            if (v != null && v.getFirstChild() instanceof Text t && t.getLength() > 5) {
                Text rest = t.splitText(5);
                v.insertBefore(doc.createComment(""), rest);
            }
        }
        if (defects.contains(VihfDefect.OVERSIZED)) {
            Element stmt = firstChild(a, ns, "AttributeStatement");
            a.insertBefore(doc.createComment(" " + "x".repeat(5 * 1024 * 1024) + " "), stmt);
        }
        if (defects.contains(VihfDefect.XSW3)) {
            Element evil = unsignedCopy(a);
            evil.setAttributeNS(null, "ID", "_evil_" + id);
            setAttributeValue(evil, IDENTIFIANT_STRUCTURE, EVIL_STRUCTURE);
            sec.insertBefore(evil, a);
        }
        if (defects.contains(VihfDefect.XSW4)) {
            Element evil = unsignedCopy(a);
            evil.setAttributeNS(null, "ID", "_evil_" + id);
            setAttributeValue(evil, IDENTIFIANT_STRUCTURE, EVIL_STRUCTURE);
            sec.replaceChild(evil, a);
            evil.appendChild(a);
        }
        if (defects.contains(VihfDefect.XSW5)) {
            Element original = unsignedCopy(a);
            setAttributeValue(a, IDENTIFIANT_STRUCTURE, EVIL_STRUCTURE);
            a.setAttributeNS(null, "ID", "_evil_" + id);
            sec.appendChild(original);
        }
        if (defects.contains(VihfDefect.XSW6)) {
            Element original = unsignedCopy(a);
            setAttributeValue(a, IDENTIFIANT_STRUCTURE, EVIL_STRUCTURE);
            a.setAttributeNS(null, "ID", "_evil_" + id);
            Element sig = firstChild(a, Constants.SignatureSpecNS, "Signature");
            sig.appendChild(original);
        }
        if (defects.contains(VihfDefect.XSW7)) {
            Element ext = doc.createElementNS(null, "Extensions");
            Element evil = unsignedCopy(a);
            setAttributeValue(evil, IDENTIFIANT_STRUCTURE, EVIL_STRUCTURE);
            ext.appendChild(evil);
            sec.insertBefore(ext, a);
        }
        if (defects.contains(VihfDefect.XSW8)) {
            Element original = unsignedCopy(a);
            setAttributeValue(a, IDENTIFIANT_STRUCTURE, EVIL_STRUCTURE);
            Element sig = firstChild(a, Constants.SignatureSpecNS, "Signature");
            Element obj = doc.createElementNS(Constants.SignatureSpecNS, "ds:Object");
            sig.appendChild(obj);
            obj.appendChild(original);
        }
        if (defects.contains(VihfDefect.SECOND_ASSERTION_BEFORE) || defects.contains(VihfDefect.SECOND_ASSERTION_AFTER)) {
            VihfBuilder other = VihfBuilder.indirect(signer).identifiantStructure(EVIL_STRUCTURE)
                    .issueInstant(issueInstant);
            Document od = other.buildSignedAssertionDocument(other.effectiveAttributes(), other.effectiveIssuer(), true);
            Element second = (Element) doc.importNode(od.getDocumentElement(), true);
            if (defects.contains(VihfDefect.SECOND_ASSERTION_BEFORE)) {
                sec.insertBefore(second, sec.getFirstChild());
            } else {
                sec.appendChild(second);
            }
        }
    }

    private String textual(String xml, String rootQName) {
        return doctype(rootQName) + textualBody(xml);
    }

    /** The DOCTYPE the textual defects put before the root element named {@code rootQName} ("" if none). */
    String doctype(String rootQName) {
        if (defects.contains(VihfDefect.EXTERNAL_ENTITY)) {
            return "<!DOCTYPE " + rootQName + " [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>";
        } else if (defects.contains(VihfDefect.ENTITY_EXPANSION)) {
            StringBuilder dt = new StringBuilder("<!DOCTYPE " + rootQName + " [<!ENTITY lol0 \"lol\">");
            for (int i = 1; i < 10; i++) {
                dt.append("<!ENTITY lol").append(i).append(" \"");
                for (int j = 0; j < 10; j++) {
                    dt.append("&lol").append(i - 1).append(';');
                }
                dt.append("\">");
            }
            return dt.append("]>").toString();
        } else if (defects.contains(VihfDefect.DOCTYPE)) {
            return "<!DOCTYPE " + rootQName + " [<!ELEMENT " + rootQName + " ANY>]>";
        }
        return "";
    }

    /** Entity references and truncation applied to serialised XML. */
    String textualBody(String xml) {
        String out = xml;
        if (defects.contains(VihfDefect.EXTERNAL_ENTITY)) {
            out = out.replace(ENTITY_MARKER, "&xxe;");
        } else if (defects.contains(VihfDefect.ENTITY_EXPANSION)) {
            out = out.replace(ENTITY_MARKER, "&lol9;");
        }
        if (defects.contains(VihfDefect.NOT_WELL_FORMED)) {
            out = out.substring(0, out.length() - 5);
        }
        return out;
    }

    // ------------------------------------------------------------------ DOM helpers

    private static Element child(Element parent, String ns, String qname) {
        Element e = parent.getOwnerDocument().createElementNS(ns, qname);
        parent.appendChild(e);
        return e;
    }

    private static String qname(Element e) {
        return e.getTagName();
    }

    static List<Element> childElements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element firstChild(Element parent, String ns, String local) {
        for (Element e : childElements(parent)) {
            if (Objects.equals(ns, e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static Element firstDescendant(Element root, String ns, String local) {
        var list = root.getElementsByTagNameNS(ns, local);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    private static Element unsignedCopy(Element a) {
        Element copy = (Element) a.cloneNode(true);
        Element sig = firstChild(copy, Constants.SignatureSpecNS, "Signature");
        if (sig != null) {
            copy.removeChild(sig);
        }
        return copy;
    }

    /** The first AttributeValue of the named attribute directly in this Assertion's AttributeStatement. */
    private static Element attributeValueElement(Element assertion, String name) {
        Element stmt = firstChild(assertion, assertion.getNamespaceURI(), "AttributeStatement");
        if (stmt == null) {
            return null;
        }
        for (Element attr : childElements(stmt)) {
            if (name.equals(attr.getAttribute("Name"))) {
                List<Element> vs = childElements(attr);
                return vs.isEmpty() ? null : vs.get(0);
            }
        }
        return null;
    }

    private static void setAttributeValue(Element assertion, String name, String value) {
        Element v = attributeValueElement(assertion, name);
        if (v != null) {
            v.setTextContent(value);
        }
    }

    private void put(String name, String value) {
        attributes.add(new Attr(name, new ArrayList<>(List.of(value))));
    }

    private Attr find(String name) {
        return find(attributes, name);
    }

    private static Attr find(List<Attr> list, String name) {
        for (Attr a : list) {
            if (a.name.equals(name)) {
                return a;
            }
        }
        return null;
    }

    private static void set(List<Attr> list, String name, String value) {
        Attr a = find(list, name);
        if (a != null) {
            a.values.clear();
            a.values.add(value);
        }
    }

    private static void rename(List<Attr> list, String from, String to) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name.equals(from)) {
                list.set(i, new Attr(to, list.get(i).values));
            }
        }
    }

    private static final Map<String, String> PURPOSE_LABELS = Map.of(
            "normal", "Accès normal", "bris_de_glace", "Accès en urgence", "centre_15", "Accès en régulation");

    private static Ce purpose(String code) {
        return new Ce("PurposeOfUse", code, PURPOSE_SYSTEM, "mode acces VIHF 2.0",
                PURPOSE_LABELS.getOrDefault(code, code));
    }
}
