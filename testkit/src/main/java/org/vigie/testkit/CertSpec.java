package org.vigie.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link TestPki#issue(CertSpec)} should issue: an IGC-Santé-like organisation (ORG) certificate for one
 * IdNat_Struct, either an authentication certificate ({@code ORG_AUTH_CLI}: key usage digitalSignature +
 * keyEncipherment, extended key usage clientAuth) or a signature ("cachet") certificate ({@code ORG_SIGN}: key
 * usage digitalSignature + nonRepudiation), plus optional deviations used to build negative test cases.
 *
 * <p>Immutable: every method returns a new specification. Two equal specifications issued by the same
 * {@link TestPki} give the same credential (same key, same certificate).
 *
 * <pre>{@code
 * CertSpec.authentication("10B0152872").expired()
 * CertSpec.signature("318751275100020").foreignIssuer().cn("Attaquant")
 * }</pre>
 */
public final class CertSpec {

    /** The two organisation certificate profiles. */
    public enum Kind {
        /** TLS client authentication certificate ({@code ORG_AUTH_CLI}). */
        AUTHENTICATION,
        /** Signature ("cachet") certificate ({@code ORG_SIGN}) used to sign the VIHF. */
        SIGNATURE
    }

    /** Validity variants relative to the PKI's anchor instant. */
    enum Validity { CURRENT, EXPIRED, NOT_YET_VALID, EXPLICIT }

    private record State(Kind kind, String structureId, List<String> ous, String cn, String organisation,
                         String state, Validity validity, Instant from, Instant to, boolean revoked,
                         boolean foreignIssuer, boolean personalCard, boolean withoutExtendedUsage,
                         boolean withoutNonRepudiation) {
    }

    /** Which CA of the test PKI issues the certificate ({@link #issuedByPersonsCa()}, {@link #issuedByRoot()}, ...). */
    enum Issuer { ORGANISATIONS, PERSONNES, ROOT, PRODUCTION_ORGANISATIONS }

    /**
     * Profile deviations added after the first release; kept apart from {@link State} so that the key-derivation
     * label of a specification without them stays what it was (same keys, same certificates).
     */
    private record Extra(Issuer issuer, boolean ca, boolean withoutDigitalSignature, List<String> policyOids) {
        static final Extra DEFAULT = new Extra(Issuer.ORGANISATIONS, false, false, null);
    }

    private final State s;
    private final Extra x;

    private CertSpec(State s) {
        this(s, Extra.DEFAULT);
    }

    private CertSpec(State s, Extra x) {
        this.s = s;
        this.x = x;
    }

    /**
     * An authentication certificate for a structure.
     *
     * @param idNatStruct the IdNat_Struct put in the subject {@code OU} (e.g. {@code 10B0152872})
     * @return the specification
     */
    public static CertSpec authentication(String idNatStruct) {
        return base(Kind.AUTHENTICATION, idNatStruct);
    }

    /**
     * A signature ("cachet") certificate for a structure.
     *
     * @param idNatStruct the IdNat_Struct put in the subject {@code OU}
     * @return the specification
     */
    public static CertSpec signature(String idNatStruct) {
        return base(Kind.SIGNATURE, idNatStruct);
    }

    private static CertSpec base(Kind kind, String id) {
        Objects.requireNonNull(id, "idNatStruct");
        String cn = kind == Kind.AUTHENTICATION ? "Vigie LPS " + id : "Vigie LPS " + id + "-SIGN";
        return new CertSpec(new State(kind, id, List.of(id), cn, "STRUCTURE DE TEST " + id, "Rhône (69)",
                Validity.CURRENT, null, null, false, false, false, false, false));
    }

    private CertSpec with(State n) {
        return new CertSpec(n, x);
    }

    private CertSpec with(Extra n) {
        return new CertSpec(s, n);
    }

    /**
     * Basic constraints {@code CA:TRUE} on an end-entity certificate (an organisation certificate must say CA:FALSE).
     * @return a new specification
     */
    public CertSpec caTrue() {
        return with(new Extra(x.issuer, true, x.withoutDigitalSignature, x.policyOids));
    }

    /**
     * Key usage without digitalSignature: keyEncipherment only for an authentication certificate, nonRepudiation
     * only for a signature certificate.
     * @return a new specification
     */
    public CertSpec withoutDigitalSignature() {
        return with(new Extra(x.issuer, x.ca, true, x.policyOids));
    }

    /**
     * The certificate policies to put instead of {@link TestPki#TEST_POLICY_OID} (none at all when empty).
     *
     * @param oids policy OIDs
     * @return a new specification
     */
    public CertSpec policyOids(String... oids) {
        return with(new Extra(x.issuer, x.ca, x.withoutDigitalSignature, List.of(oids)));
    }

    /**
     * Issued by the PERSONNES CA of the test PKI with the organisation subject unchanged (a trusted CA that is not an
     * organisation CA).
     * @return a new specification
     */
    public CertSpec issuedByPersonsCa() {
        return with(new Extra(Issuer.PERSONNES, x.ca, x.withoutDigitalSignature, x.policyOids));
    }

    /**
     * Issued directly by the root of the test PKI (a configured anchor that is not an organisation CA).
     * @return a new specification
     */
    public CertSpec issuedByRoot() {
        return with(new Extra(Issuer.ROOT, x.ca, x.withoutDigitalSignature, x.policyOids));
    }

    /**
     * Issued by the production-named hierarchy of the test PKI ({@link TestPki#productionRoot()}: the names of the
     * production IGC-Santé CAs, without TEST, with test keys).
     * @return a new specification
     */
    public CertSpec productionHierarchy() {
        return with(new Extra(Issuer.PRODUCTION_ORGANISATIONS, x.ca, x.withoutDigitalSignature, x.policyOids));
    }

    /**
     * Validity entirely in the past (ended 30 days before the PKI anchor).
     * @return a new specification
     */
    public CertSpec expired() {
        return with(new State(s.kind, s.structureId, s.ous, s.cn, s.organisation, s.state, Validity.EXPIRED, null, null,
                s.revoked, s.foreignIssuer, s.personalCard, s.withoutExtendedUsage, s.withoutNonRepudiation));
    }

    /**
     * Validity entirely in the future (starts 30 days after the PKI anchor).
     * @return a new specification
     */
    public CertSpec notYetValid() {
        return with(new State(s.kind, s.structureId, s.ous, s.cn, s.organisation, s.state, Validity.NOT_YET_VALID, null,
                null, s.revoked, s.foreignIssuer, s.personalCard, s.withoutExtendedUsage, s.withoutNonRepudiation));
    }

    /**
     * Explicit validity period.
     *
     * @param from notBefore
     * @param to   notAfter
     * @return a new specification
     */
    public CertSpec validity(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("validity end must be after its start");
        }
        return with(new State(s.kind, s.structureId, s.ous, s.cn, s.organisation, s.state, Validity.EXPLICIT, from, to,
                s.revoked, s.foreignIssuer, s.personalCard, s.withoutExtendedUsage, s.withoutNonRepudiation));
    }

    /**
     * Listed in {@link TestPki#crl()} (revoked 7 days before the anchor, reason keyCompromise).
     * @return a new specification
     */
    public CertSpec revoked() {
        return with(new State(s.kind, s.structureId, s.ous, s.cn, s.organisation, s.state, s.validity, s.from, s.to,
                true, s.foreignIssuer, s.personalCard, s.withoutExtendedUsage, s.withoutNonRepudiation));
    }

    /**
     * Issued by a foreign CA whose names copy the IGC-Santé TEST CA names exactly but whose keys differ
     * ({@link TestPki#foreignRoot()}): it does not chain to {@link TestPki#root()}.
     *
     * @return a new specification
     */
    public CertSpec foreignIssuer() {
        return with(new State(s.kind, s.structureId, s.ous, s.cn, s.organisation, s.state, s.validity, s.from, s.to,
                s.revoked, true, s.personalCard, s.withoutExtendedUsage, s.withoutNonRepudiation));
    }

    /**
     * A personal (card-like, "personne physique") certificate issued by the PERSONNES CA: subject
     * {@code C, title, GN, CN=<IdNat_PS> + SN}, no {@code OU}. The structure id given to the factory is ignored.
     *
     * @return a new specification
     */
    public CertSpec personalCard() {
        return with(new State(s.kind, s.structureId, List.of(), "899700000001", s.organisation, s.state, s.validity,
                s.from, s.to, s.revoked, s.foreignIssuer, true, s.withoutExtendedUsage, s.withoutNonRepudiation));
    }

    /**
     * @param cn the subject common name
     * @return a new specification
     */
    public CertSpec cn(String cn) {
        return with(new State(s.kind, s.structureId, s.ous, Objects.requireNonNull(cn, "cn"), s.organisation, s.state,
                s.validity, s.from, s.to, s.revoked, s.foreignIssuer, s.personalCard, s.withoutExtendedUsage,
                s.withoutNonRepudiation));
    }

    /**
     * @param ou the single subject OU (instead of the structure id)
     * @return a new specification
     */
    public CertSpec ou(String ou) {
        return ous(List.of(Objects.requireNonNull(ou, "ou")));
    }

    /**
     * No OU at all in the subject.
     * @return a new specification
     */
    public CertSpec noOu() {
        return ous(List.of());
    }

    /**
     * Two OU attributes in the subject.
     *
     * @param first  first OU
     * @param second second OU
     * @return a new specification
     */
    public CertSpec twoOu(String first, String second) {
        return ous(List.of(first, second));
    }

    private CertSpec ous(List<String> ous) {
        return with(new State(s.kind, s.structureId, List.copyOf(ous), s.cn, s.organisation, s.state, s.validity,
                s.from, s.to, s.revoked, s.foreignIssuer, s.personalCard, s.withoutExtendedUsage,
                s.withoutNonRepudiation));
    }

    /**
     * @param organisation subject O (raison sociale)
     * @return a new specification
     */
    public CertSpec organisation(String organisation) {
        return with(new State(s.kind, s.structureId, s.ous, s.cn, Objects.requireNonNull(organisation), s.state,
                s.validity, s.from, s.to, s.revoked, s.foreignIssuer, s.personalCard, s.withoutExtendedUsage,
                s.withoutNonRepudiation));
    }

    /**
     * @param state subject ST, e.g. {@code Côte-d'Or (21)}
     * @return a new specification
     */
    public CertSpec state(String state) {
        return with(new State(s.kind, s.structureId, s.ous, s.cn, s.organisation, Objects.requireNonNull(state),
                s.validity, s.from, s.to, s.revoked, s.foreignIssuer, s.personalCard, s.withoutExtendedUsage,
                s.withoutNonRepudiation));
    }

    /**
     * Omits the extended key usage extension (an authentication certificate without clientAuth).
     * @return a new specification
     */
    public CertSpec withoutExtendedKeyUsage() {
        return with(new State(s.kind, s.structureId, s.ous, s.cn, s.organisation, s.state, s.validity, s.from, s.to,
                s.revoked, s.foreignIssuer, s.personalCard, true, s.withoutNonRepudiation));
    }

    /**
     * Key usage digitalSignature only (a signature certificate without nonRepudiation).
     * @return a new specification
     */
    public CertSpec withoutNonRepudiation() {
        return with(new State(s.kind, s.structureId, s.ous, s.cn, s.organisation, s.state, s.validity, s.from, s.to,
                s.revoked, s.foreignIssuer, s.personalCard, s.withoutExtendedUsage, true));
    }

    /** @return the profile */
    public Kind kind() {
        return s.kind;
    }

    /** @return the structure id given to the factory */
    public String structureId() {
        return s.structureId;
    }

    /** @return the subject OU values, in order (empty for {@link #noOu()} and personal cards) */
    public List<String> ous() {
        return s.ous;
    }

    /** @return the subject CN */
    public String cn() {
        return s.cn;
    }

    /** @return the subject O */
    public String organisation() {
        return s.organisation;
    }

    /** @return the subject ST */
    public String state() {
        return s.state;
    }

    /** @return true when the certificate is to be revoked */
    public boolean isRevoked() {
        return s.revoked;
    }

    /** @return true when issued by the foreign CA */
    public boolean isForeignIssuer() {
        return s.foreignIssuer;
    }

    /** @return true for a personal card-like certificate */
    public boolean isPersonalCard() {
        return s.personalCard;
    }

    Issuer issuerKind() {
        return x.issuer;
    }

    boolean caFlag() {
        return x.ca;
    }

    boolean withoutDigitalSignatureFlag() {
        return x.withoutDigitalSignature;
    }

    /** @return the policy OIDs to write, or null for the default TEST policy */
    List<String> policyOidsOrNull() {
        return x.policyOids;
    }

    boolean withoutExtendedUsageFlag() {
        return s.withoutExtendedUsage;
    }

    boolean withoutNonRepudiationFlag() {
        return s.withoutNonRepudiation;
    }

    Validity validityKind() {
        return s.validity;
    }

    Instant from() {
        return s.from;
    }

    Instant to() {
        return s.to;
    }

    /** A stable label for the key derivation: equal specifications get equal labels. */
    String label() {
        List<String> parts = new ArrayList<>();
        parts.add(s.toString());
        if (!x.equals(Extra.DEFAULT)) {
            parts.add(x.toString());
        }
        return String.join("|", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertSpec other && other.s.equals(s) && other.x.equals(x);
    }

    @Override
    public int hashCode() {
        return s.hashCode() * 31 + x.hashCode();
    }

    @Override
    public String toString() {
        return "CertSpec" + s.toString().substring("State".length())
                + (x.equals(Extra.DEFAULT) ? "" : x.toString().substring("Extra".length()));
    }
}
