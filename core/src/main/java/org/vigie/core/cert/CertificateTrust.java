package org.vigie.core.cert;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.vigie.core.Messages;
import org.vigie.core.cert.internal.BoundedCache;

/**
 * PKIX validation of a certificate at an evaluation instant against configured {@link TrustAnchors}, with the CRLs
 * the integrator supplies (nothing is ever fetched: no OCSP, no CRL download). Immutable and thread-safe.
 *
 * <p>What is checked: a chain from the leaf to an anchor exists (built from the chain given with the leaf and the
 * anchors' intermediates); every certificate of the chain is within its validity period at the instant; no
 * certificate of the chain is revoked, at the instant, by a supplied CRL whose signature verifies with its
 * issuer's key. An authentic CRL that lists a certificate revokes it whatever its dates or scope; to count as
 * "not revoked", a CRL must also be current at the instant (thisUpdate ≤ instant ≤ nextUpdate), complete (not a
 * delta CRL), and cover the certificate (its {@code issuingDistributionPoint}: no onlyContainsCACerts for an
 * end-entity certificate, no onlyContainsUserCerts for a CA, no onlyContainsAttributeCerts, no onlySomeReasons, not
 * indirect, a distribution point matching the certificate's), with no unknown critical extension. A certificate
 * no such CRL covers is listed in {@link TrustResult#revocationUnchecked()} and, with the reason each CRL of its
 * issuer was unusable, in {@link TrustResult#revocationGaps()}: never counted as a pass nor a failure.</p>
 *
 * <p>The chain found for a leaf (with its given chain) is cached, bounded ({@link Builder#cacheSize(int)},
 * default 1024). Only the instant-independent part is cached: validity dates and revocation are evaluated afresh
 * at every call, so the cache never changes a verdict.</p>
 */
public final class CertificateTrust {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final TrustAnchors anchors;
    private final List<X509CRL> crls;
    private final Set<TrustAnchor> pkixAnchors;
    private final Set<String> anchorFingerprints;
    private final BoundedCache<PathKey, List<X509Certificate>> paths;

    private CertificateTrust(Builder b) {
        this.anchors = b.anchors;
        this.crls = List.copyOf(b.crls);
        Set<TrustAnchor> set = new HashSet<>();
        Set<String> fps = new HashSet<>();
        for (X509Certificate c : anchors.anchors()) {
            set.add(new TrustAnchor(c, null));
            fps.add(OrgCertificate.sha256Hex(c));
        }
        this.pkixAnchors = Set.copyOf(set);
        this.anchorFingerprints = Set.copyOf(fps);
        this.paths = new BoundedCache<>(b.cacheSize);
    }

    /** A builder; default anchors: IGC-Santé production; no CRL; cache of 1024 chains. */
    public static Builder builder() {
        return new Builder();
    }

    /** The configured anchors. */
    public TrustAnchors anchors() {
        return anchors;
    }

    /** The supplied CRLs. */
    public List<X509CRL> crls() {
        return crls;
    }

    /**
     * Checks a certificate at an instant.
     *
     * @param leaf  the certificate to check
     * @param chain certificates that came with it (its CAs, in any order; the leaf itself may be included); may be empty
     * @param at    evaluation instant
     */
    public TrustResult check(X509Certificate leaf, List<X509Certificate> chain, Instant at) {
        Objects.requireNonNull(leaf, "leaf");
        Objects.requireNonNull(at, "at");
        List<X509Certificate> given = chain == null ? List.of() : chain;
        List<Messages.Text> problems = new ArrayList<>();
        PathKey key = new PathKey(leaf, Set.copyOf(given));
        List<X509Certificate> path = paths.get(key);
        if (path == null) {
            path = buildPath(leaf, given, at);
            if (path != null) {
                paths.put(key, path);
            }
        }
        if (path == null) {
            problems.add(Messages.text("CERT-TRUST.core-not-chained", leaf.getSubjectX500Principal().getName(),
                    leaf.getIssuerX500Principal().getName()));
            validity(leaf, at, problems, false);
            return new TrustResult(problems, List.of(), false, List.of());
        }
        for (int i = 0; i < path.size(); i++) {
            validity(path.get(i), at, problems, i > 0);
        }
        boolean revoked = false;
        Set<String> unchecked = new TreeSet<>();
        List<RevocationGap> gaps = new ArrayList<>();
        for (int i = 0; i < path.size() - 1; i++) {
            X509Certificate cert = path.get(i);
            X509Certificate issuer = path.get(i + 1);
            boolean covered = false;
            List<Messages.Text> reasons = new ArrayList<>();
            for (X509CRL crl : crls) {
                if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                    continue;
                }
                if (!verifies(crl, issuer)) {
                    reasons.add(Messages.text("CERT-TRUST.core-crl-bad-signature", crlLabel(crl)));
                    continue;
                }
                // an authentic CRL that lists the certificate revokes it, whatever its freshness, kind or scope
                X509CRLEntry entry = crl.getRevokedCertificate(cert);
                if (entry != null && !entry.getRevocationDate().toInstant().isAfter(at)) {
                    covered = true;
                    revoked = true;
                    String since = DAY.format(entry.getRevocationDate().toInstant());
                    String crlIssuer = issuer.getSubjectX500Principal().getName();
                    problems.add(i == 0 ? Messages.text("CERT-TRUST.core-revoked", since, crlIssuer)
                            : Messages.text("CERT-TRUST.core-ca-revoked", cert.getSubjectX500Principal().getName(), since,
                            crlIssuer));
                    break;
                }
                Messages.Text unusable = unusable(crl, cert, i > 0, at);
                if (unusable == null) {
                    covered = true;
                } else {
                    reasons.add(Messages.text("CERT-TRUST.core-crl-unusable", crlLabel(crl), unusable));
                }
            }
            if (!covered) {
                unchecked.add(cert.getSubjectX500Principal().getName());
                gaps.add(new RevocationGap(cert.getSubjectX500Principal().getName(),
                        issuer.getSubjectX500Principal().getName(), reasons));
            }
        }
        return new TrustResult(problems, path, revoked, new ArrayList<>(unchecked), gaps);
    }

    private static Messages.Text crlLabel(X509CRL crl) {
        return Messages.text("CERT-TRUST.core-crl-label", crl.getIssuerX500Principal().getName(),
                DAY.format(crl.getThisUpdate().toInstant()));
    }

    /** CRL extensions this check understands; any other critical one makes the CRL unusable (RFC 5280 §5.2). */
    private static final Set<String> KNOWN_CRL_EXTENSIONS = Set.of(
            "2.5.29.20", // cRLNumber
            "2.5.29.35", // authorityKeyIdentifier
            "2.5.29.18", // issuerAltName
            "2.5.29.28", // issuingDistributionPoint (scope, checked below)
            "2.5.29.46", // freshestCRL
            "1.3.6.1.5.5.7.1.1"); // authorityInfoAccess

    /**
     * Why an authentic CRL cannot stand for "this certificate is not revoked" at the instant (RFC 5280 §5, §6.3.3):
     * dates, delta, scope of its issuing distribution point; null when it can.
     */
    static Messages.Text unusable(X509CRL crl, X509Certificate cert, boolean certIsCa, Instant at) {
        Instant thisUpdate = crl.getThisUpdate().toInstant();
        if (thisUpdate.isAfter(at)) {
            return Messages.text("CERT-TRUST.core-crl-not-yet-valid", DAY.format(thisUpdate), DAY.format(at));
        }
        if (crl.getNextUpdate() == null) {
            return Messages.text("CERT-TRUST.core-crl-no-next-update");
        }
        Instant next = crl.getNextUpdate().toInstant();
        if (at.isAfter(next)) {
            return Messages.text("CERT-TRUST.core-crl-stale", DAY.format(next), DAY.format(at));
        }
        if (crl.getExtensionValue("2.5.29.27") != null) {
            return Messages.text("CERT-TRUST.core-crl-delta");
        }
        Set<String> critical = crl.getCriticalExtensionOIDs();
        if (critical != null) {
            for (String oid : critical) {
                if (!KNOWN_CRL_EXTENSIONS.contains(oid)) {
                    return Messages.text("CERT-TRUST.core-crl-critical", oid);
                }
            }
        }
        byte[] idp = crl.getExtensionValue("2.5.29.28");
        if (idp != null) {
            return scope(idp, cert, certIsCa);
        }
        return null;
    }

    /** The issuingDistributionPoint of a CRL against the certificate: null when it covers it. */
    private static Messages.Text scope(byte[] idpValue, X509Certificate cert, boolean certIsCa) {
        List<org.vigie.core.cert.internal.Der.Tlv> fields;
        try {
            fields = org.vigie.core.cert.internal.Der.extension(idpValue).children();
        } catch (IllegalArgumentException e) {
            return Messages.text("CERT-TRUST.core-idp-unreadable", e.getMessage());
        }
        List<String> idpUris = new ArrayList<>();
        for (org.vigie.core.cert.internal.Der.Tlv f : fields) {
            if (!f.contextSpecific()) {
                return Messages.text("CERT-TRUST.core-idp-malformed");
            }
            switch (f.tagNumber()) {
                case 0 -> idpUris.addAll(uris(f));
                case 1 -> {
                    if (org.vigie.core.cert.internal.Der.bool(f) && certIsCa) {
                        return Messages.text("CERT-TRUST.core-idp-only-user");
                    }
                }
                case 2 -> {
                    if (org.vigie.core.cert.internal.Der.bool(f) && !certIsCa) {
                        return Messages.text("CERT-TRUST.core-idp-only-ca");
                    }
                }
                case 3 -> {
                    return Messages.text("CERT-TRUST.core-idp-some-reasons");
                }
                case 4 -> {
                    if (org.vigie.core.cert.internal.Der.bool(f)) {
                        return Messages.text("CERT-TRUST.core-idp-indirect");
                    }
                }
                case 5 -> {
                    if (org.vigie.core.cert.internal.Der.bool(f)) {
                        return Messages.text("CERT-TRUST.core-idp-only-attribute");
                    }
                }
                default -> {
                    return Messages.text("CERT-TRUST.core-idp-unknown-field", f.tagNumber());
                }
            }
        }
        if (!idpUris.isEmpty()) {
            List<String> certUris = crlDistributionUris(cert);
            if (!certUris.isEmpty() && idpUris.stream().noneMatch(certUris::contains)) {
                return Messages.text("CERT-TRUST.core-idp-other-point", idpUris, certUris);
            }
        }
        return null;
    }

    /** URIs of a DistributionPointName [0] fullName. */
    private static List<String> uris(org.vigie.core.cert.internal.Der.Tlv dpName) {
        List<String> out = new ArrayList<>();
        for (org.vigie.core.cert.internal.Der.Tlv choice : dpName.children()) {
            if (choice.contextSpecific() && choice.tagNumber() == 0) { // fullName: GeneralNames
                for (org.vigie.core.cert.internal.Der.Tlv gn : choice.children()) {
                    if (gn.contextSpecific() && gn.tagNumber() == 6) {
                        out.add(org.vigie.core.cert.internal.Der.ascii(gn));
                    }
                }
            }
        }
        return out;
    }

    /** URIs of the certificate's CRL distribution points; empty when absent or unreadable. */
    private static List<String> crlDistributionUris(X509Certificate cert) {
        byte[] ext = cert.getExtensionValue("2.5.29.31");
        if (ext == null) {
            return List.of();
        }
        try {
            List<String> out = new ArrayList<>();
            for (org.vigie.core.cert.internal.Der.Tlv dp : org.vigie.core.cert.internal.Der.extension(ext).children()) {
                for (org.vigie.core.cert.internal.Der.Tlv f : dp.children()) {
                    if (f.contextSpecific() && f.tagNumber() == 0) {
                        out.addAll(uris(f));
                    }
                }
            }
            return out;
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private static boolean verifies(X509CRL crl, X509Certificate issuer) {
        try {
            crl.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The validity problem of {@code c} at {@code at}; {@code ca}: a CA of the path (named by its subject in the
     * message), else the leaf. The subject is rendered only for a message.
     */
    private static void validity(X509Certificate c, Instant at, List<Messages.Text> problems, boolean ca) {
        Instant from = c.getNotBefore().toInstant();
        Instant to = c.getNotAfter().toInstant();
        if (!at.isBefore(from) && !at.isAfter(to)) {
            return;
        }
        String authority = ca ? c.getSubjectX500Principal().getName() : null;
        if (at.isBefore(from)) {
            problems.add(authority == null
                    ? Messages.text("CERT-TRUST.core-not-yet-valid", DAY.format(at), DAY.format(from))
                    : Messages.text("CERT-TRUST.core-ca-not-yet-valid", authority, DAY.format(at), DAY.format(from)));
        } else if (at.isAfter(to)) {
            problems.add(authority == null
                    ? Messages.text("CERT-TRUST.core-expired", DAY.format(to), DAY.format(at))
                    : Messages.text("CERT-TRUST.core-ca-expired", authority, DAY.format(to), DAY.format(at)));
        }
    }

    private List<X509Certificate> buildPath(X509Certificate leaf, List<X509Certificate> given, Instant at) {
        if (anchorFingerprints.contains(OrgCertificate.sha256Hex(leaf))) {
            return List.of(leaf); // pinned: the leaf itself is an anchor
        }
        if (pkixAnchors.isEmpty()) {
            return null;
        }
        // Build at an instant inside the leaf's validity: dates are judged afterwards, one message each.
        Instant when = at;
        if (at.isBefore(leaf.getNotBefore().toInstant())) {
            when = leaf.getNotBefore().toInstant();
        } else if (at.isAfter(leaf.getNotAfter().toInstant())) {
            when = leaf.getNotAfter().toInstant();
        }
        List<X509Certificate> store = new ArrayList<>(given);
        store.add(leaf);
        store.addAll(anchors.intermediates());
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(leaf);
            PKIXBuilderParameters params = new PKIXBuilderParameters(pkixAnchors, target);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(when));
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
            PKIXCertPathBuilderResult r = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(params);
            List<X509Certificate> path = new ArrayList<>();
            r.getCertPath().getCertificates().forEach(c -> path.add((X509Certificate) c));
            path.add(r.getTrustAnchor().getTrustedCert());
            return List.copyOf(path);
        } catch (CertPathBuilderException | InvalidAlgorithmParameterException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PKIX is not available in this JVM", e);
        }
    }

    /**
     * Key of the chain cache: the leaf and the set of the certificates given with it. {@link X509Certificate#equals}
     * compares the DER encodings (with an identity shortcut) and the JDK caches the hash code, so a certificate
     * instance that comes back again is not re-encoded nor re-hashed (as a SHA-256 fingerprint key would be).
     */
    private record PathKey(X509Certificate leaf, Set<X509Certificate> given) {
        // written out: the generated ones are bootstrapped through method handles on first use (cold start, issue 16)
        @Override
        public boolean equals(Object o) {
            return o instanceof PathKey k && java.util.Objects.equals(leaf, k.leaf) && java.util.Objects.equals(given, k.given);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Objects.hashCode(leaf) + java.util.Objects.hashCode(given);
        }
    }

    /** Builds {@link CertificateTrust}; not thread-safe. */
    public static final class Builder {
        private TrustAnchors anchors = TrustAnchors.igcSanteProduction();
        private final List<X509CRL> crls = new ArrayList<>();
        private int cacheSize = 1024;

        private Builder() {
        }

        /** The anchors (default: IGC-Santé production). */
        public Builder anchors(TrustAnchors anchors) {
            this.anchors = Objects.requireNonNull(anchors, "anchors");
            return this;
        }

        /** CRLs supplied by the integrator (replaces any given before). */
        public Builder crls(Collection<X509CRL> crls) {
            Objects.requireNonNull(crls, "crls");
            this.crls.clear();
            for (X509CRL c : crls) {
                this.crls.add(Objects.requireNonNull(c, "crl"));
            }
            return this;
        }

        /** Maximum number of chains kept (0 disables the cache). */
        public Builder cacheSize(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("cacheSize must be >= 0");
            }
            this.cacheSize = size;
            return this;
        }

        public CertificateTrust build() {
            return new CertificateTrust(this);
        }
    }
}
