package org.vigie.testkit;

import static org.vigie.testkit.VihfAttributes.purpose;
import static org.vigie.testkit.VihfAttributes.set;
import static org.vigie.testkit.VihfDom.qname;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.vigie.testkit.VihfAttributes.Attr;
import org.vigie.testkit.VihfAttributes.Ce;
import org.vigie.testkit.VihfAttributes.Raw;
import org.vigie.testkit.internal.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

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

    static {
        org.apache.xml.security.Init.init();
    }


    private final OrgCredential signer;
    private OrgCredential keyCredential;
    String id = "_" + UUID.randomUUID();
    Instant issueInstant = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Instant notBefore;
    Instant notOnOrAfter;
    private String issuerDn;
    String issuerFormat = X509_SUBJECT_NAME;
    String nameId = "VIGIE-UTILISATEUR-0001";
    String authnContextClassRef = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport";
    String authnContextDecl;
    private final List<Attr> attributes = new ArrayList<>();
    private boolean rolesCustomised;
    boolean withoutAuthnStatement;
    String issueInstantLexical;
    String notBeforeLexical;
    String notOnOrAfterLexical;
    boolean signed = true;
    private boolean sha1;
    private String prefixList = DEFAULT_PREFIX_LIST;
    private boolean envelopedOnly;
    final Map<String, String> extraNamespaces = new LinkedHashMap<>();
    final Set<VihfDefect> defects = EnumSet.noneOf(VihfDefect.class);

    private VihfBuilder(OrgCredential signer) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.issuerDn = signer.subjectDn();
        attributes.addAll(VihfAttributes.defaults(signer.structureId()));
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
        VihfAttributes.replaceOrAdd(attributes, name, vs);
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
        VihfAttributes.replaceOrAdd(attributes, name, vs);
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
        attributes.removeIf(a -> a.name().equals(name));
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
            roles.values().clear();
            rolesCustomised = true;
        }
        roles.values().add(new Ce("Role", code, codeSystem, codeSystemName, displayName));
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
            a.values().clear();
            a.values().add(purpose(code));
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
        return VihfAttributes.withDefects(attributes, defects);
    }


    private Document buildSignedAssertionDocument(List<Attr> attrs, String issuerValue, boolean withDuplicate) {
        return new VihfAssertionWriter(this).write(attrs, issuerValue, withDuplicate);
    }

    private OrgCredential attacker() {
        CertSpec s = signer.spec().foreignIssuer();
        return signer.pki().issue(s);
    }

    /** Signs the written Assertion with this builder's signature settings. */
    void sign(Document doc, Element a, Element issuer, Element subject) {
        new VihfSigner(defects, id, sha1, prefixList, envelopedOnly).sign(doc, a, issuer, subject, signingCredential());
    }


    private void applyPostSignature(Document doc, Element sec, Element a) {
        VihfWrapping.apply(this, defects, doc, sec, a);
    }


    private String textual(String xml, String rootQName) {
        return doctype(rootQName) + textualBody(xml);
    }

    /** The DOCTYPE the textual defects put before the root element named {@code rootQName} ("" if none). */
    String doctype(String rootQName) {
        return VihfTextDefects.doctype(defects, rootQName);
    }

    /** Entity references and truncation applied to serialised XML. */
    String textualBody(String xml) {
        return VihfTextDefects.textualBody(defects, xml);
    }

    /** The signed Assertion of this builder as the root of its own document (before post-signature defects). */
    Document signedAssertionDocument() {
        return buildSignedAssertionDocument(effectiveAttributes(), effectiveIssuer(), true);
    }

    /** @return the IssueInstant set on this builder */
    Instant issueInstantValue() {
        return issueInstant;
    }


    /** The element children of {@code parent}, in order. */
    static List<Element> childElements(Element parent) {
        return VihfDom.childElements(parent);
    }

    private Attr find(String name) {
        return VihfAttributes.find(attributes, name);
    }



}
