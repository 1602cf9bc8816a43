package org.vigie.testkit;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.asn1.x509.ReasonFlags;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.testkit.internal.Keys;

/**
 * An IGC-Santé-like test PKI: a root named like {@code TEST AC RACINE IGC-SANTE ELEMENTAIRE}, an
 * {@code ORGANISATIONS} intermediate that issues organisation (ORG) authentication and signature certificates with
 * the real subject layout ({@code C, ST, O, OU=<IdNat_Struct>, CN}), key usages, test policy OID
 * {@value #TEST_POLICY_OID} and CRL distribution point, a {@code PERSONNES} intermediate for card-like personal
 * certificates, and a foreign hierarchy that copies the CA names with other keys.
 *
 * <p><b>Reproducible and fast.</b> Every key is derived from (seed, name) and generated once per JVM; serial
 * numbers are derived the same way; validity periods are set relative to an <em>anchor</em> instant (by default the
 * start of the current UTC day): CAs from anchor − 5 years to anchor + 15 years, end-entity certificates from
 * anchor − 30 days to anchor + 3 years, expired ones end at anchor − 30 days, not-yet-valid ones start at
 * anchor + 30 days, revoked ones are revoked at anchor − 7 days in {@link #crl()}. {@link #create(long, Instant)}
 * with the same seed and anchor gives byte-identical certificates.
 *
 * <p>Only the root and the ORGANISATIONS CA are built up front; the PERSONNES CA and the foreign hierarchy are
 * built on first use. Thread-safe. Test material only: the private keys are predictable by design.
 *
 * <pre>{@code
 * TestPki pki = TestPki.shared();
 * OrgCredential auth = pki.authentication("10B0152872");
 * OrgCredential sign = pki.signature("10B0152872");
 * OrgCredential old  = pki.issue(CertSpec.authentication("10B0152872").expired());
 * }</pre>
 */
public final class TestPki {

    /** The IGC-Santé TEST certificate policy OID put in every end-entity certificate. */
    public static final String TEST_POLICY_OID = "1.2.250.1.213.1.7.2.1.1.1.1";
    /** CRL distribution point of the ORGANISATIONS CA (never fetched: nothing here reads the network). */
    public static final String ORG_CRL_URL = "http://igc-sante.esante.gouv.fr/CRL/ACI-EL-ORG-TEST.crl";
    /** CRL distribution point of the root. */
    public static final String ROOT_CRL_URL = "http://igc-sante.esante.gouv.fr/CRL/ACR-EL-TEST.crl";
    static final String PERSONS_CRL_URL = "http://igc-sante.esante.gouv.fr/CRL/ACI-EL-PP-TEST.crl";
    static final String CPS_URL = "http://igc-sante.esante.gouv.fr/PC%20TEST";

    /** The seed of {@link #shared()}. */
    public static final long SHARED_SEED = 20220524L;

    /**
     * The anchor of {@link #fixed()}: 2026-03-01T00:00:00Z (end-entity certificates valid 2026-01-30 → 2029-02-28,
     * CRL nextUpdate 2026-03-31).
     */
    public static final Instant FIXED_ANCHOR = Instant.parse("2026-03-01T00:00:00Z");

    private static volatile TestPki shared;

    private final long seed;
    private final Instant anchor;
    private final Ca root;
    private final Ca orgCa;
    private final Instant caFrom;
    private final Instant caTo;
    // built on first use: each costs an RSA 2048 key generation
    private Ca personsCa;
    private Ca foreignRoot;
    private Ca foreignOrgCa;
    private Ca foreignPersonsCa;
    private Ca productionRoot;
    private Ca productionOrgCa;
    private final Map<CertSpec, OrgCredential> issued = new LinkedHashMap<>();
    private X509CRL orgCrl;
    private int orgCrlRevokedCount = -1;

    private record Ca(X509Certificate cert, KeyPair keys) {
    }

    private TestPki(long seed, Instant anchor) {
        this.seed = seed;
        this.anchor = anchor;
        this.caFrom = anchor.minus(Duration.ofDays(5 * 365));
        this.caTo = anchor.plus(Duration.ofDays(15 * 365));
        this.root = selfSigned("root", ROOT_NAME, caFrom, caTo);
        this.orgCa = intermediate("ca-org", ORG_NAME, root, caFrom, caTo);
    }

    private static final X500Name ROOT_NAME = caName("TEST AC RACINE IGC-SANTE ELEMENTAIRE");
    private static final X500Name ORG_NAME = caName("TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS");
    private static final X500Name PERSONS_NAME = caName("TEST AC IGC-SANTE ELEMENTAIRE PERSONNES");
    private static final X500Name PROD_ROOT_NAME = productionCaName("AC RACINE IGC-SANTE ELEMENTAIRE");
    private static final X500Name PROD_ORG_NAME = productionCaName("AC IGC-SANTE ELEMENTAIRE ORGANISATIONS");

    private synchronized Ca prodRoot() {
        if (productionRoot == null) {
            productionRoot = selfSigned("production-root", PROD_ROOT_NAME, caFrom, caTo);
        }
        return productionRoot;
    }

    private synchronized Ca prodOrg() {
        if (productionOrgCa == null) {
            productionOrgCa = intermediate("production-ca-org", PROD_ORG_NAME, prodRoot(), caFrom, caTo);
        }
        return productionOrgCa;
    }

    private synchronized Ca persons() {
        if (personsCa == null) {
            personsCa = intermediate("ca-persons", PERSONS_NAME, root, caFrom, caTo);
        }
        return personsCa;
    }

    private synchronized Ca foreignRootCa() {
        if (foreignRoot == null) {
            foreignRoot = selfSigned("foreign-root", ROOT_NAME, caFrom, caTo);
        }
        return foreignRoot;
    }

    private synchronized Ca foreignOrg() {
        if (foreignOrgCa == null) {
            foreignOrgCa = intermediate("foreign-ca-org", ORG_NAME, foreignRootCa(), caFrom, caTo);
        }
        return foreignOrgCa;
    }

    private synchronized Ca foreignPersons() {
        if (foreignPersonsCa == null) {
            foreignPersonsCa = intermediate("foreign-ca-persons", PERSONS_NAME, foreignRootCa(), caFrom, caTo);
        }
        return foreignPersonsCa;
    }

    /**
     * The PKI shared by all tests of this JVM (seed {@value #SHARED_SEED}, anchored at the start of the UTC day
     * of its first use). Built once.
     *
     * @return the shared PKI
     */
    public static TestPki shared() {
        TestPki p = shared;
        if (p == null) {
            synchronized (TestPki.class) {
                p = shared;
                if (p == null) {
                    p = new TestPki(SHARED_SEED, today());
                    shared = p;
                }
            }
        }
        return p;
    }

    /**
     * The PKI of {@link #shared()}'s seed anchored at {@link #FIXED_ANCHOR} instead of today: what a stored artefact
     * (a fuzz corpus, a file committed with its expected verdict) must be built with, judged at a fixed instant near
     * the anchor, so that its verdict is the same on any day. Same keys as {@link #shared()}.
     *
     * @return the fixed-anchor PKI, built once per JVM
     */
    public static TestPki fixed() {
        return Fixed.PKI;
    }

    /** Holder of {@link #fixed()}: built on first use, once, by the JVM's class initialisation. */
    private static final class Fixed {
        static final TestPki PKI = new TestPki(SHARED_SEED, FIXED_ANCHOR);
    }

    /**
     * A PKI derived from a seed, anchored at the start of the current UTC day.
     *
     * @param seed any number; equal seeds give equal keys
     * @return a new PKI
     */
    public static TestPki create(long seed) {
        return new TestPki(seed, today());
    }

    /**
     * A fully reproducible PKI: equal seed and anchor give byte-identical certificates and CRLs.
     *
     * @param seed   any number
     * @param anchor the instant validity periods are computed from
     * @return a new PKI
     */
    public static TestPki create(long seed, Instant anchor) {
        return new TestPki(seed, Objects.requireNonNull(anchor, "anchor"));
    }

    private static Instant today() {
        return Instant.now().truncatedTo(ChronoUnit.DAYS);
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return the anchor instant validity periods are computed from */
    public Instant anchor() {
        return anchor;
    }

    /** @return the root CA certificate ({@code TEST AC RACINE IGC-SANTE ELEMENTAIRE}), the trust anchor */
    public X509Certificate root() {
        return root.cert;
    }

    /** @return the ORGANISATIONS intermediate ({@code TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS}) */
    public X509Certificate organisationsCa() {
        return orgCa.cert;
    }

    /** @return the PERSONNES intermediate, issuer of {@link CertSpec#personalCard()} certificates */
    public X509Certificate personsCa() {
        return persons().cert;
    }

    /** @return the foreign root: same name as {@link #root()}, other key; issuer hierarchy of foreign-issuer certificates */
    public X509Certificate foreignRoot() {
        return foreignRootCa().cert;
    }

    /** @return the foreign ORGANISATIONS intermediate (same name as {@link #organisationsCa()}, other key) */
    public X509Certificate foreignOrganisationsCa() {
        return foreignOrg().cert;
    }

    /**
     * @return a root named like the <em>production</em> IGC-Santé root ({@code AC RACINE IGC-SANTE ELEMENTAIRE},
     *         {@code OU=IGC-SANTE}, no TEST), with a test key: issuer hierarchy of {@link CertSpec#productionHierarchy()}
     */
    public X509Certificate productionRoot() {
        return prodRoot().cert;
    }

    /** @return the production-named ORGANISATIONS CA under {@link #productionRoot()} */
    public X509Certificate productionOrganisationsCa() {
        return prodOrg().cert;
    }

    /** @return a trust-anchor set holding {@link #root()} only, for {@code PKIXParameters} */
    public Set<TrustAnchor> trustAnchors() {
        return Set.of(new TrustAnchor(root.cert, null));
    }

    /**
     * The trust configuration a Vigie validator needs for this PKI: {@link #root()} as anchor, the ORGANISATIONS
     * and PERSONNES intermediates to build chains (a VIHF carries only its signing certificate).
     *
     * @return the trust anchors
     */
    public TrustAnchors trust() {
        return TrustAnchors.of(List.of(root.cert), List.of(orgCa.cert, persons().cert));
    }

    /**
     * The authentication certificate ({@code ORG_AUTH_CLI}) of a structure, issued once and reused.
     *
     * @param idNatStruct the IdNat_Struct, put in the subject OU
     * @return the credential
     */
    public OrgCredential authentication(String idNatStruct) {
        return issue(CertSpec.authentication(idNatStruct));
    }

    /**
     * The signature certificate ({@code ORG_SIGN}) of a structure, issued once and reused.
     *
     * @param idNatStruct the IdNat_Struct, put in the subject OU
     * @return the credential
     */
    public OrgCredential signature(String idNatStruct) {
        return issue(CertSpec.signature(idNatStruct));
    }

    /**
     * Issues (or returns the already issued) credential for a specification.
     *
     * @param spec what to issue
     * @return the credential; equal specifications give the same instance
     */
    public synchronized OrgCredential issue(CertSpec spec) {
        Objects.requireNonNull(spec, "spec");
        OrgCredential c = issued.get(spec);
        if (c == null) {
            c = doIssue(spec);
            issued.put(spec, c);
        }
        return c;
    }

    /**
     * The CRL of the ORGANISATIONS CA (and PERSONNES CA entries are not in it), listing every certificate issued
     * so far with {@link CertSpec#revoked()}; thisUpdate anchor − 1 day, nextUpdate anchor + 30 days.
     *
     * @return the current CRL (rebuilt when a revoked certificate has been issued since the last call)
     */
    public synchronized X509CRL crl() {
        List<OrgCredential> revoked = new ArrayList<>();
        for (OrgCredential c : issued.values()) {
            if (c.spec().isRevoked() && issuingCa(c.spec()) == orgCa) {
                revoked.add(c);
            }
        }
        if (orgCrl == null || orgCrlRevokedCount != revoked.size()) {
            orgCrl = buildCrl(orgCa, revoked, revoked.size() + 1L);
            orgCrlRevokedCount = revoked.size();
        }
        return orgCrl;
    }

    /**
     * A CRL of the ORGANISATIONS CA built to a specification (stale, delta, narrowed scope, foreign key...), listing
     * the revoked certificates issued so far by that CA (revocation date anchor − 7 days, keyCompromise), unless the
     * specification lists nothing. CRL number 100 (a delta: 101).
     *
     * @param spec what to build
     * @return the CRL (built anew at each call; equal specifications give equal bytes)
     */
    public synchronized X509CRL crl(CrlSpec spec) {
        Objects.requireNonNull(spec, "spec");
        List<OrgCredential> revoked = new ArrayList<>();
        if (!spec.empty()) {
            for (OrgCredential c : issued.values()) {
                if (c.spec().isRevoked() && issuingCa(c.spec()) == orgCa) {
                    revoked.add(c);
                }
            }
        }
        Ca signer = spec.foreignKey() ? foreignOrg() : orgCa;
        Instant from = spec.thisUpdate() != null ? spec.thisUpdate() : anchor.minus(Duration.ofDays(1));
        Instant next = spec.noNextUpdate() ? null
                : spec.nextUpdate() != null ? spec.nextUpdate() : anchor.plus(Duration.ofDays(30));
        return buildCrl(signer, revoked, spec.deltaOfBase() > 0 ? 101L : 100L, from, next, spec);
    }

    /** @return the root's CRL (empty: no intermediate is revoked), needed by PKIX when revocation checking is on */
    public X509CRL rootCrl() {
        return buildCrl(root, List.of(), 1L);
    }

    /** @return the PERSONNES CA's CRL listing revoked personal-card certificates */
    public synchronized X509CRL personsCrl() {
        List<OrgCredential> revoked = new ArrayList<>();
        for (OrgCredential c : issued.values()) {
            if (c.spec().isRevoked() && issuingCa(c.spec()) == persons()) {
                revoked.add(c);
            }
        }
        return buildCrl(persons(), revoked, revoked.size() + 1L);
    }

    /** @return {@link #crl()}, {@link #personsCrl()} and {@link #rootCrl()} */
    public List<X509CRL> crls() {
        return List.of(crl(), personsCrl(), rootCrl());
    }

    // ------------------------------------------------------------------ internals

    private static X500Name productionCaName(String cn) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "FR")
                .addRDN(BCStyle.O, "ASIP-SANTE")
                .addRDN(BCStyle.OU, "0002 187512751")
                .addRDN(BCStyle.OU, "IGC-SANTE")
                .addRDN(BCStyle.CN, cn)
                .build();
    }

    /** The CA that issues a specification (the personal-card and foreign flags first, then the issuer choice). */
    private Ca issuingCa(CertSpec spec) {
        if (spec.isPersonalCard()) {
            return spec.isForeignIssuer() ? foreignPersons() : persons();
        }
        if (spec.isForeignIssuer()) {
            return foreignOrg();
        }
        return switch (spec.issuerKind()) {
            case PERSONNES -> persons();
            case ROOT -> root;
            case PRODUCTION_ORGANISATIONS -> prodOrg();
            default -> orgCa;
        };
    }

    private static X500Name caName(String cn) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "FR")
                .addRDN(BCStyle.O, "ASIP-SANTE")
                .addRDN(BCStyle.OU, "0002 187512751")
                .addRDN(BCStyle.OU, "IGC-SANTE TEST")
                .addRDN(BCStyle.CN, cn)
                .build();
    }

    private BigInteger serial(String label) {
        byte[] h = Keys.sha256(seed + "\u0000serial\u0000" + label);
        byte[] s = Arrays.copyOf(h, 16);
        s[0] &= 0x7f;
        s[0] |= 0x10; // positive, 16 bytes, never zero
        return new BigInteger(s);
    }

    private Ca selfSigned(String label, X500Name name, Instant from, Instant to) {
        KeyPair kp = Keys.rsa(seed, label);
        try {
            JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(label), Date.from(from),
                    Date.from(to), name, kp.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.certificatePolicies, false, anyPolicy());
            b.addExtension(Extension.subjectKeyIdentifier, false, u.createSubjectKeyIdentifier(kp.getPublic()));
            b.addExtension(Extension.authorityKeyIdentifier, false, u.createAuthorityKeyIdentifier(kp.getPublic()));
            return new Ca(sign(b, kp.getPrivate()), kp);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build test root " + name, e);
        }
    }

    private Ca intermediate(String label, X500Name name, Ca issuer, Instant from, Instant to) {
        KeyPair kp = Keys.rsa(seed, label);
        try {
            JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer.cert, serial(label), Date.from(from),
                    Date.from(to), name, kp.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.certificatePolicies, false, anyPolicy());
            b.addExtension(Extension.cRLDistributionPoints, false, crlDp(ROOT_CRL_URL));
            b.addExtension(Extension.subjectKeyIdentifier, false, u.createSubjectKeyIdentifier(kp.getPublic()));
            b.addExtension(Extension.authorityKeyIdentifier, false, u.createAuthorityKeyIdentifier(issuer.cert));
            return new Ca(sign(b, issuer.keys.getPrivate()), kp);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build test CA " + name, e);
        }
    }

    private static CertificatePolicies anyPolicy() {
        return new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier("2.5.29.32.0"),
                new DERSequence(new PolicyQualifierInfo(CPS_URL))));
    }

    private static CRLDistPoint crlDp(String url) {
        GeneralNames names = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, url));
        return new CRLDistPoint(new DistributionPoint[]{
            new DistributionPoint(new DistributionPointName(names), null, null)});
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) throws Exception {
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(key);
        return new JcaX509CertificateConverter().getCertificate(b.build(signer));
    }

    private OrgCredential doIssue(CertSpec spec) {
        String label = "leaf\u0000" + spec.label();
        KeyPair kp = Keys.rsa(seed, label);
        Ca issuer = issuingCa(spec);
        Ca hierarchyRoot = spec.isForeignIssuer() ? foreignRootCa()
                : !spec.isPersonalCard() && spec.issuerKind() == CertSpec.Issuer.PRODUCTION_ORGANISATIONS ? prodRoot() : root;
        Instant from;
        Instant to;
        switch (spec.validityKind()) {
            case EXPIRED -> {
                from = anchor.minus(Duration.ofDays(3 * 365 + 30));
                to = anchor.minus(Duration.ofDays(30));
            }
            case NOT_YET_VALID -> {
                from = anchor.plus(Duration.ofDays(30));
                to = anchor.plus(Duration.ofDays(3 * 365 + 30));
            }
            case EXPLICIT -> {
                from = spec.from();
                to = spec.to();
            }
            default -> {
                from = anchor.minus(Duration.ofDays(30));
                to = anchor.plus(Duration.ofDays(3 * 365));
            }
        }
        X500Name subject = subject(spec);
        try {
            JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer.cert, serial(label), Date.from(from),
                    Date.from(to), subject, kp.getPublic());
            b.addExtension(Extension.basicConstraints, spec.caFlag(), new BasicConstraints(spec.caFlag()));
            b.addExtension(Extension.subjectKeyIdentifier, false, u.createSubjectKeyIdentifier(kp.getPublic()));
            b.addExtension(Extension.authorityKeyIdentifier, false, u.createAuthorityKeyIdentifier(issuer.cert));
            boolean auth = spec.kind() == CertSpec.Kind.AUTHENTICATION;
            int ku;
            if (auth) {
                ku = KeyUsage.digitalSignature | KeyUsage.keyEncipherment;
            } else if (spec.withoutNonRepudiationFlag()) {
                ku = KeyUsage.digitalSignature;
            } else {
                ku = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
            }
            if (spec.withoutDigitalSignatureFlag()) {
                ku &= ~KeyUsage.digitalSignature;
            }
            if (spec.caFlag()) {
                ku |= KeyUsage.keyCertSign;
            }
            b.addExtension(Extension.keyUsage, true, new KeyUsage(ku));
            List<String> oids = spec.policyOidsOrNull() == null ? List.of(TEST_POLICY_OID) : spec.policyOidsOrNull();
            if (!oids.isEmpty()) {
                PolicyInformation[] infos = new PolicyInformation[oids.size()];
                for (int i = 0; i < infos.length; i++) {
                    infos[i] = new PolicyInformation(new ASN1ObjectIdentifier(oids.get(i)),
                            new DERSequence(new PolicyQualifierInfo(CPS_URL)));
                }
                b.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(infos));
            }
            if (!spec.withoutExtendedUsageFlag()) {
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        auth ? KeyPurposeId.id_kp_clientAuth : KeyPurposeId.id_kp_emailProtection));
            }
            b.addExtension(Extension.cRLDistributionPoints, false,
                    crlDp(spec.isPersonalCard() ? PERSONS_CRL_URL : ORG_CRL_URL));
            X509Certificate cert = sign(b, issuer.keys.getPrivate());
            return new OrgCredential(this, spec, cert, kp.getPrivate(), issuer.cert, hierarchyRoot.cert);
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue " + spec, e);
        }
    }

    private static X500Name subject(CertSpec spec) {
        X500NameBuilder nb = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "FR");
        if (spec.isPersonalCard()) {
            nb.addRDN(BCStyle.T, "Médecin");
            nb.addRDN(BCStyle.GIVENNAME, "JEAN");
            nb.addMultiValuedRDN(new ASN1ObjectIdentifier[]{BCStyle.CN, BCStyle.SURNAME},
                    new String[]{spec.cn(), "TEST" + spec.cn()});
            for (String ou : spec.ous()) {
                nb.addRDN(BCStyle.OU, ou);
            }
            return nb.build();
        }
        nb.addRDN(BCStyle.ST, spec.state());
        nb.addRDN(BCStyle.O, spec.organisation());
        for (String ou : spec.ous()) {
            nb.addRDN(BCStyle.OU, ou);
        }
        nb.addRDN(BCStyle.CN, spec.cn());
        return nb.build();
    }

    private X509CRL buildCrl(Ca ca, List<OrgCredential> revoked, long number) {
        return buildCrl(ca, revoked, number, anchor.minus(Duration.ofDays(1)), anchor.plus(Duration.ofDays(30)),
                CrlSpec.current());
    }

    private X509CRL buildCrl(Ca ca, List<OrgCredential> revoked, long number, Instant thisUpdate, Instant nextUpdate,
                             CrlSpec spec) {
        try {
            JcaX509ExtensionUtils u = new JcaX509ExtensionUtils();
            X500Name issuer = X500Name.getInstance(ca.cert.getSubjectX500Principal().getEncoded());
            X509v2CRLBuilder b = new X509v2CRLBuilder(issuer, Date.from(thisUpdate));
            if (nextUpdate != null) {
                b.setNextUpdate(Date.from(nextUpdate));
            }
            if (spec.deltaOfBase() > 0) {
                b.addExtension(Extension.deltaCRLIndicator, true, new CRLNumber(BigInteger.valueOf(spec.deltaOfBase())));
            }
            if (spec.hasIdp()) {
                b.addExtension(Extension.issuingDistributionPoint, true, new IssuingDistributionPoint(
                        new DistributionPointName(new GeneralNames(new GeneralName(
                                GeneralName.uniformResourceIdentifier, ORG_CRL_URL))),
                        spec.idpUserCerts(), spec.idpCaCerts(),
                        spec.idpSomeReasons() ? new ReasonFlags(ReasonFlags.keyCompromise) : null,
                        spec.idpIndirect(), spec.idpAttributeCerts()));
            }
            Date revokedAt = Date.from(anchor.minus(Duration.ofDays(7)));
            for (OrgCredential c : revoked) {
                b.addCRLEntry(c.certificate().getSerialNumber(), revokedAt, CRLReason.keyCompromise);
            }
            b.addExtension(Extension.authorityKeyIdentifier, false, u.createAuthorityKeyIdentifier(ca.cert));
            b.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(ca.keys.getPrivate());
            return new JcaX509CRLConverter().getCRL(b.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException("cannot build CRL", e);
        }
    }

}
