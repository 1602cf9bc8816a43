package org.vigie.core.cert;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.vigie.core.Messages;
import org.vigie.core.InvalidIdentifierException;
import org.vigie.core.StructureId;

/**
 * Read-only view of an IGC-Santé organisation ("personne morale") certificate: subject
 * {@code C=FR, ST=<Département (nn)>, O=<raison sociale>, OU=<IdNat_Struct>, CN=<name>} (DOMAIN §4).
 * Never throws on odd certificates: missing parts are empty values.
 */
public final class OrgCertificate {

    /** What the certificate is for, from its key usage and extended key usage. */
    public enum Kind {
        /** TLS client authentication ({@code ORG_AUTH_CLI}, also SSL server+client): EKU clientAuth. */
        AUTHENTICATION,
        /** Signature / seal ({@code ORG_SIGN}, "cachet"): key usage digitalSignature + nonRepudiation. */
        SIGNATURE,
        /** TLS server only: EKU serverAuth without clientAuth. */
        SERVER,
        /** Anything else (encryption, CA, person card, ...). */
        OTHER
    }

    static final String EKU_CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    static final String EKU_SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String OU_OID = "2.5.4.11";

    private final X509Certificate certificate;
    private final DistinguishedName subject;
    private final DistinguishedName issuer;
    private final List<String> ouValues;
    private final Optional<StructureId> structureId;
    private final Messages.Text structureIdProblem;
    private final Kind kind;
    private final String fingerprint;
    // what depends only on the certificate, read once with the view (the view is cached by certificate)
    private final boolean clientAuth;
    private final boolean[] keyUsage;
    private final boolean ca;
    private final List<String> policyOids;
    private final Optional<String> range;
    private final boolean personCertificate;
    private final boolean test;

    private OrgCertificate(X509Certificate certificate) {
        this.certificate = certificate;
        this.subject = safeParse(certificate.getSubjectX500Principal());
        this.issuer = safeParse(certificate.getIssuerX500Principal());
        this.ouValues = subject.values(OU_OID);
        if (ouValues.isEmpty()) {
            structureId = Optional.empty();
            structureIdProblem = Messages.text("CERT-STRUCT-ID.core-no-ou");
        } else if (ouValues.size() > 1) {
            structureId = Optional.empty();
            structureIdProblem = Messages.text("CERT-STRUCT-ID.core-several-ou", ouValues.size(), ouValues);
        } else {
            Optional<StructureId> id;
            Messages.Text problem;
            try {
                id = Optional.of(StructureId.parse(ouValues.get(0)));
                problem = null;
            } catch (InvalidIdentifierException e) {
                id = Optional.empty();
                problem = Messages.text("CERT-STRUCT-ID.core-malformed", ouValues.get(0), e.getMessage());
            }
            structureId = id;
            structureIdProblem = problem;
        }
        this.kind = computeKind(certificate);
        this.fingerprint = sha256Hex(certificate);
        this.clientAuth = extendedKeyUsage(certificate).contains(EKU_CLIENT_AUTH);
        this.keyUsage = certificate.getKeyUsage();
        this.ca = certificate.getBasicConstraints() >= 0;
        this.policyOids = readPolicyOids(certificate);
        this.range = readRange(issuer);
        this.personCertificate = range.map(r -> r.endsWith("PERSONNES")).orElse(false)
                || !subject.values("SN").isEmpty() || !subject.values("GN").isEmpty() || !subject.values("T").isEmpty();
        boolean ou = issuer.values("OU").stream().anyMatch(v -> v.strip().equalsIgnoreCase("IGC-SANTE TEST"));
        String cn = issuer.values("CN").stream().findFirst().orElse("").strip().toUpperCase(Locale.ROOT);
        this.test = ou || cn.startsWith("TEST ");
    }

    /** The view of a certificate. */
    public static OrgCertificate of(X509Certificate certificate) {
        return new OrgCertificate(Objects.requireNonNull(certificate, "certificate"));
    }

    private static DistinguishedName safeParse(javax.security.auth.x500.X500Principal p) {
        try {
            return DistinguishedNames.of(p);
        } catch (IllegalArgumentException e) {
            return new DistinguishedName(List.of());
        }
    }

    private static Kind computeKind(X509Certificate c) {
        List<String> eku = extendedKeyUsage(c);
        if (eku.contains(EKU_CLIENT_AUTH)) {
            return Kind.AUTHENTICATION;
        }
        if (eku.contains(EKU_SERVER_AUTH)) {
            return Kind.SERVER;
        }
        boolean[] ku = c.getKeyUsage();
        if (ku != null && ku.length > 1 && ku[0] && ku[1] && c.getBasicConstraints() < 0) {
            return Kind.SIGNATURE;
        }
        return Kind.OTHER;
    }

    private static List<String> extendedKeyUsage(X509Certificate c) {
        try {
            List<String> eku = c.getExtendedKeyUsage();
            return eku == null ? List.of() : List.copyOf(eku);
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    static String sha256Hex(X509Certificate c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }

    /** The certificate itself. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The parsed subject. */
    public DistinguishedName subject() {
        return subject;
    }

    /** The parsed issuer. */
    public DistinguishedName issuer() {
        return issuer;
    }

    /** The structure identifier of the single subject {@code OU}; empty when there is no OU, several, or a malformed one. */
    public Optional<StructureId> structureId() {
        return structureId;
    }

    /** Why {@link #structureId()} is empty, in French (for {@code CERT-STRUCT-ID}); empty string when it is present. */
    public String structureIdProblem() {
        return structureIdProblem == null ? "" : structureIdProblem.toString();
    }

    /** Why {@link #structureId()} is empty, as a catalogue text (written in a finding's language), when it is. */
    public Optional<Messages.Text> structureIdProblemText() {
        return Optional.ofNullable(structureIdProblem);
    }

    /** Every subject {@code OU} value, in order. */
    public List<String> ouValues() {
        return ouValues;
    }

    /** The raison sociale (subject {@code O}), empty when absent. */
    public String raisonSociale() {
        return subject.values("O").stream().findFirst().orElse("");
    }

    /** The département as written in the subject {@code ST} (e.g. {@code Sarthe (72)}), empty when absent. */
    public String departement() {
        return subject.values("ST").stream().findFirst().orElse("");
    }

    /** The département code in parentheses at the end of {@code ST} (e.g. {@code 72}, {@code 2A}), when present. */
    public Optional<String> departementCode() {
        String st = departement().strip();
        int open = st.lastIndexOf('(');
        if (open >= 0 && st.endsWith(")")) {
            String code = st.substring(open + 1, st.length() - 1).strip();
            if (!code.isEmpty()) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    /** The subject common name, empty when absent. */
    public String commonName() {
        return subject.values("CN").stream().findFirst().orElse("");
    }

    /** What the certificate is for. */
    public Kind kind() {
        return kind;
    }

    /** True when the extended key usage holds clientAuth (what {@code CERT-AUTH-PROFILE} requires). */
    public boolean hasClientAuth() {
        return clientAuth;
    }

    /** True when the key usage holds both digitalSignature and nonRepudiation (what {@code CERT-SIGN-PROFILE} requires). */
    public boolean isSealCapable() {
        boolean[] ku = keyUsage;
        return ku != null && ku.length > 1 && ku[0] && ku[1];
    }

    /** True when basic constraints say {@code CA:TRUE} (an organisation end-entity certificate must not). */
    public boolean isCa() {
        return ca;
    }

    /** True when a key usage extension is present and holds digitalSignature. */
    public boolean hasDigitalSignature() {
        boolean[] ku = keyUsage;
        return ku != null && ku.length > 0 && ku[0];
    }

    /**
     * True when the issuing CA is an IGC-Santé organisation CA: its name (the issuer CN) is
     * {@code [TEST ]AC IGC-SANTE <level> ORGANISATIONS} (DOMAIN §4: {@code AC IGC-SANTE ELEMENTAIRE ORGANISATIONS},
     * also {@code STANDARD ORGANISATIONS} in production). The name, not the policy OID, decides: the TEST policy
     * OID {@code 1.2.250.1.213.1.7.2.1.1.1.1} is carried by TEST PERSONNES certificates too (seen in the public
     * samples), so it cannot tell an organisation certificate from a person's.
     */
    public boolean issuedByOrganisationCa() {
        return range().map(r -> r.endsWith("ORGANISATIONS")).orElse(false);
    }

    /** The certificate policy OIDs, in order; empty when the extension is absent or unreadable. */
    public List<String> policyOids() {
        return policyOids;
    }

    private static List<String> readPolicyOids(X509Certificate certificate) {
        byte[] ext = certificate.getExtensionValue("2.5.29.32");
        if (ext == null) {
            return List.of();
        }
        try {
            java.util.ArrayList<String> out = new java.util.ArrayList<>();
            for (org.vigie.core.cert.internal.Der.Tlv info : org.vigie.core.cert.internal.Der.extension(ext).children()) {
                List<org.vigie.core.cert.internal.Der.Tlv> parts = info.children();
                if (!parts.isEmpty()) {
                    out.add(org.vigie.core.cert.internal.Der.oid(parts.get(0)));
                }
            }
            return List.copyOf(out);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /**
     * The IGC-Santé range the issuing CA names, e.g. {@code ELEMENTAIRE ORGANISATIONS}, read from the issuer CN
     * {@code [TEST ]AC IGC-SANTE <range>}; empty when the issuer is not an IGC-Santé CA.
     */
    public Optional<String> range() {
        return range;
    }

    private static Optional<String> readRange(DistinguishedName issuer) {
        String cn = issuer.values("CN").stream().findFirst().orElse("").strip().toUpperCase(Locale.ROOT);
        if (cn.startsWith("TEST ")) {
            cn = cn.substring(5).strip();
        }
        String prefix = "AC IGC-SANTE ";
        if (cn.startsWith(prefix) && cn.length() > prefix.length()) {
            return Optional.of(cn.substring(prefix.length()).strip());
        }
        return Optional.empty();
    }

    /**
     * True when this is a person's certificate rather than an organisation's: issued by an IGC-Santé
     * {@code PERSONNES} CA, or a subject naming a person (surname, given name or title).
     */
    public boolean isPersonCertificate() {
        return personCertificate;
    }

    /** True when the issuer is an IGC-Santé CA (see {@link #range()}). */
    public boolean isIgcSante() {
        return range().isPresent();
    }

    /** True when issued by an IGC-Santé TEST CA (issuer {@code OU=IGC-SANTE TEST} or a CN starting with {@code TEST }). */
    public boolean isTest() {
        return test;
    }

    /** SHA-256 of the DER encoding, lower-case hex. */
    public String fingerprintSha256() {
        return fingerprint;
    }

    @Override
    public String toString() {
        return "OrgCertificate[" + subject + "]";
    }
}
