package org.vigie.saml;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.vigie.core.Report;
import org.vigie.core.StructureDirectory;
import org.vigie.core.cert.CertificateTrust;
import org.vigie.core.cert.OrgCertificate;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.core.cert.TlsPeer;
import org.vigie.saml.internal.CertificateStep;
import org.vigie.core.cert.internal.BoundedCache;
import org.vigie.saml.internal.SignatureVerifier;
import org.vigie.saml.internal.StructureStep;
import org.vigie.saml.internal.TokenStep;

/**
 * Control 1 of the DMP indirect authentication: the VIHF token and the organisation certificates, checked together.
 * One call returns every {@code CERT-*} and {@code VIHF-*} finding (never stops at the first); bad input is a
 * finding, never an exception. Immutable and thread-safe: build once, share.
 *
 * <pre>{@code
 * VihfValidator validator = VihfValidator.builder()
 *         .trust(TrustAnchors.igcSanteProduction())   // the default
 *         .crls(myCrls)                                // supplied, never fetched
 *         .directory(finessDirectory)                  // optional: VIHF-STRUCT-KNOWN, EJ/EG mode
 *         .build();
 * VihfValidation result = validator.validate(TlsPeer.of(tlsClientCert, intermediates), VihfInput.of(assertionBytes));
 * if (!result.accepted()) {
 *     result.report().findings().forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>A token given as bytes is analysed once: everything that does not depend on the instant (parse, signature,
 * signing certificate profile, Issuer, attributes) is cached (bounded, {@link Builder#signatureCacheSize(int)}) by the
 * SHA-256 of its bytes, which also determine the signing certificate of its KeyInfo; the result of a signature
 * verification is cached by the SHA-256 of the token and of the signing certificate; the view of each certificate
 * ({@link OrgCertificate}) is cached by certificate and certificate chains by {@link CertificateTrust}
 * ({@link Builder#certificateCacheSize(int)}). Everything that depends on the instant (validity dates, revocation,
 * token times) and on the TLS certificate is evaluated afresh at each call: a cache never changes a verdict.</p>
 */
public final class VihfValidator {


    private final VihfPolicy policy;
    private final CertificateTrust trust;
    private final StructureDirectory directory;
    private final Clock clock;
    private final SignatureVerifier verifier;
    private final CertificateStep certificates;
    private final StructureStep structures;
    private final TokenStep<VihfToken> tokens;
    private final BoundedCache<X509Certificate, OrgCertificate> orgCertificates;

    private VihfValidator(Builder b) {
        this.policy = b.policy;
        this.trust = CertificateTrust.builder().anchors(b.anchors).crls(b.crls).cacheSize(b.certificateCacheSize).build();
        this.directory = b.directory;
        this.clock = b.clock;
        this.verifier = new SignatureVerifier(b.signatureCacheSize, policy.rejectSha1());
        this.certificates = new CertificateStep(policy, trust);
        this.structures = new StructureStep(policy, directory);
        this.orgCertificates = new BoundedCache<>(b.certificateCacheSize);
        this.tokens = new TokenStep<>(policy, verifier, certificates, this::orgCertificate, VihfToken::new,
                b.signatureCacheSize);
    }

    /** A builder with the documented defaults. */
    public static Builder builder() {
        return new Builder();
    }

    public VihfPolicy policy() {
        return policy;
    }

    /** The trust configuration (anchors and CRLs). */
    public CertificateTrust trust() {
        return trust;
    }

    public Optional<StructureDirectory> directory() {
        return Optional.ofNullable(directory);
    }

    /** Number of signature verifications currently cached (for monitoring and tests). */
    public int cachedSignatureVerifications() {
        return verifier.cacheSize();
    }

    /** Number of token analyses currently cached (package-private: for tests). */
    int cachedTokenAnalyses() {
        return tokens.cacheSize();
    }

    /** Control 1 at the clock's current instant: the TLS peer's certificates and the token, checked together. */
    public VihfValidation validate(TlsPeer peer, VihfInput vihf) {
        return validate(peer, vihf, clock.instant());
    }

    /**
     * Control 1 at a given instant: the certificate step ({@link #validateCertificate(TlsPeer, Instant)}), the token
     * steps, then the checks between the two (VIHF-STRUCT-EQ, CERT-SAME-STRUCTURE, CERT-SAME-HIERARCHY) and the
     * directory (VIHF-STRUCT-KNOWN).
     *
     * @param peer the TLS client of the connection (its authentication certificate and the chain it sent)
     * @param vihf the token
     * @param at   evaluation instant
     * @return the report and, when the signature verified, the token's claims
     */
    public VihfValidation validate(TlsPeer peer, VihfInput vihf, Instant at) {
        Objects.requireNonNull(peer, "peer (use validateToken without a TLS certificate)");
        Objects.requireNonNull(vihf, "vihf");
        Objects.requireNonNull(at, "at");
        Report.Builder r = Report.builder().evaluatedAt(at);
        OrgCertificate tls = orgCertificate(peer.certificate());
        certificates.tls(tls, peer.chain(), at, r);
        TokenStep.Outcome<VihfToken> t = tokens.check(vihf, peer.chain(), at);
        r.addAll(t.report());
        // control 1 proper: strict equality (or EG of the certificate's EJ under the EJ/EG policy), then the directory
        r.addAll(structures.between(tls, t.rawStructure(), t.structureId(), t.signer()));
        r.addAll(structures.known(t.structureId()));
        return new VihfValidation(r.profile(policy.profile()).build(), t.token(), t.structureId(), tls, t.signer());
    }

    /**
     * The TLS certificate alone at the clock's current instant: see {@link #validateCertificate(TlsPeer, Instant)}.
     */
    public Report validateCertificate(TlsPeer peer) {
        return validateCertificate(peer, clock.instant());
    }

    /**
     * The TLS certificate alone, as control 1 checks it (for a request without a single readable token): its trust,
     * revocation and structure identifier ({@code CERT-TRUST}, {@code CERT-STRUCT-ID}), its profile
     * ({@code CERT-AUTH-PROFILE}) and the control key of its structure identifier ({@code ID-KEY}); the same findings,
     * in the same order, as the certificate part of {@link #validate(TlsPeer, VihfInput, Instant)}.
     *
     * @param peer the TLS client of the connection
     * @param at   evaluation instant
     * @return the report of the certificate step
     */
    public Report validateCertificate(TlsPeer peer, Instant at) {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(at, "at");
        Report.Builder r = Report.builder().evaluatedAt(at).profile(policy.profile());
        certificates.tls(orgCertificate(peer.certificate()), peer.chain(), at, r);
        return r.build();
    }

    /** The token rules only (no TLS certificate: no VIHF-STRUCT-EQ, no CERT-AUTH-PROFILE), at the clock's instant. */
    public VihfValidation validateToken(VihfInput vihf) {
        return validateToken(vihf, clock.instant());
    }

    /** The token rules only (no TLS certificate: no VIHF-STRUCT-EQ, no CERT-AUTH-PROFILE). */
    public VihfValidation validateToken(VihfInput vihf, Instant at) {
        Objects.requireNonNull(vihf, "vihf");
        Objects.requireNonNull(at, "at");
        Report.Builder r = Report.builder().evaluatedAt(at);
        TokenStep.Outcome<VihfToken> t = tokens.check(vihf, List.of(), at);
        r.addAll(t.report());
        r.addAll(structures.known(t.structureId()));
        return new VihfValidation(r.profile(policy.profile()).build(), t.token(), t.structureId(), null, t.signer());
    }

    /** The view of a certificate, from the bounded cache (keyed by the certificate: DER equality, cached hash). */
    private OrgCertificate orgCertificate(X509Certificate c) {
        return orgCertificates.computeIfAbsent(c, OrgCertificate::of);
    }

    /** Builds a {@link VihfValidator}; not thread-safe. */
    public static final class Builder {
        private VihfPolicy policy = VihfPolicy.defaults();
        private TrustAnchors anchors = TrustAnchors.igcSanteProduction();
        private final List<X509CRL> crls = new ArrayList<>();
        private StructureDirectory directory;
        private Clock clock = Clock.systemUTC();
        private int signatureCacheSize = 1024;
        private int certificateCacheSize = 1024;

        private Builder() {
        }

        /** The policy (default {@link VihfPolicy#defaults()}). */
        public Builder policy(VihfPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Trust anchors for the TLS and signing certificates (default: IGC-Santé production). */
        public Builder trust(TrustAnchors anchors) {
            this.anchors = Objects.requireNonNull(anchors, "anchors");
            return this;
        }

        /** CRLs supplied by the integrator (never fetched); replaces any given before. */
        public Builder crls(Collection<X509CRL> crls) {
            Objects.requireNonNull(crls, "crls");
            this.crls.clear();
            this.crls.addAll(crls);
            return this;
        }

        /** The structure directory (optional): enables VIHF-STRUCT-KNOWN and the EJ/EG policy. */
        public Builder directory(StructureDirectory directory) {
            this.directory = directory;
            return this;
        }

        /** The clock of the calls without an explicit instant (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Entries of the signature-verification cache and of the token-analysis cache (default 1024 each; 0 disables
         * both: every token is parsed and verified).
         */
        public Builder signatureCacheSize(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("signatureCacheSize must be >= 0");
            }
            this.signatureCacheSize = size;
            return this;
        }

        /** Entries of the certificate-chain cache and of the certificate-view cache (default 1024 each; 0 disables them). */
        public Builder certificateCacheSize(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("certificateCacheSize must be >= 0");
            }
            this.certificateCacheSize = size;
            return this;
        }

        public VihfValidator build() {
            return new VihfValidator(this);
        }
    }
}
