package org.vigie.saml;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import org.vigie.core.Rules;
import org.vigie.core.StructureDirectory;
import org.vigie.core.StructureId;
import org.vigie.core.cert.CertificateTrust;
import org.vigie.core.cert.OrgCertificate;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.core.cert.TlsPeer;
import org.vigie.saml.internal.AssertionReader;
import org.vigie.saml.internal.CertificateStep;
import org.vigie.core.cert.internal.BoundedCache;
import org.vigie.saml.internal.ReadStep;
import org.vigie.saml.internal.SignatureVerifier;
import org.vigie.saml.internal.StructureStep;
import org.vigie.saml.internal.TokenChecks;
import org.vigie.saml.internal.TokenData;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

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
    private final int tokenCacheSize;
    private final BoundedCache<ByteBuffer, Analysis> analyses;
    private final BoundedCache<X509Certificate, OrgCertificate> orgCertificates;

    private VihfValidator(Builder b) {
        this.policy = b.policy;
        this.trust = CertificateTrust.builder().anchors(b.anchors).crls(b.crls).cacheSize(b.certificateCacheSize).build();
        this.directory = b.directory;
        this.clock = b.clock;
        this.verifier = new SignatureVerifier(b.signatureCacheSize, policy.rejectSha1());
        this.certificates = new CertificateStep(policy, trust);
        this.structures = new StructureStep(policy, directory);
        this.tokenCacheSize = b.signatureCacheSize;
        this.analyses = new BoundedCache<>(b.signatureCacheSize);
        this.orgCertificates = new BoundedCache<>(b.certificateCacheSize);
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
        return analyses.size();
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
        Outcome t = token(vihf, peer.chain(), at, r);
        // control 1 proper: strict equality (or EG of the certificate's EJ under the EJ/EG policy), then the directory
        r.addAll(structures.between(tls, t.rawStructure, t.structureId, t.signer));
        r.addAll(structures.known(t.structureId));
        return new VihfValidation(r.profile(policy.profile()).build(), t.token, t.structureId, tls, t.signer);
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
        Outcome t = token(vihf, List.of(), at, r);
        r.addAll(structures.known(t.structureId));
        return new VihfValidation(r.profile(policy.profile()).build(), t.token, t.structureId, null, t.signer);
    }

    /** What token processing produced. */
    private static final class Outcome {
        VihfToken token;
        StructureId structureId;
        String rawStructure;
        OrgCertificate signer;
    }

    /**
     * The instant-independent part of the processing of one token: its findings in three segments around the two
     * instant-dependent steps (the signing certificate's trust, then the token times), so that replaying it gives the
     * findings in the very order of an uncached call. Immutable once built; {@code data} is only read.
     *
     * @param before       findings up to the signing certificate's trust
     * @param complete     false when processing stopped early (unreadable token): only {@code before} applies
     * @param signer       the signing certificate, or null
     * @param signerChain  the certificates of KeyInfo besides the signer (offered for its chain)
     * @param between      findings between the signing certificate's trust and the token times
     * @param data         what was read from the Assertion (for VIHF-TIME)
     * @param after        findings after the token times
     */
    private record Analysis(Report before, boolean complete, OrgCertificate signer, List<X509Certificate> signerChain,
                            Report between, TokenData data, Report after, VihfToken token, StructureId structureId,
                            String rawStructure) {

        static Analysis stopped(Report.Builder before) {
            return new Analysis(before.build(), false, null, List.of(), null, null, null, null, null, null);
        }
    }

    /**
     * @param extraCas CA certificates the integrator gave with the TLS certificate: offered (untrusted) for building
     *                 the signing certificate's chain too, as both certificates usually share their issuing CA
     */
    private Outcome token(VihfInput in, List<X509Certificate> extraCas, Instant at, Report.Builder r) {
        Analysis a;
        byte[] raw = in.bytes().orElse(null);
        if (raw != null && !in.truncated() && raw.length <= policy.maxTokenBytes() && tokenCacheSize > 0) {
            byte[] digest = sha256(raw);
            ByteBuffer key = ByteBuffer.wrap(digest);
            a = analyses.get(key);
            if (a == null) {
                a = analyse(in, digest);
                analyses.put(key, a);
            }
        } else {
            a = analyse(in, null);
        }
        return replay(a, extraCas, at, r);
    }

    /** The cached (or fresh) analysis completed with the instant-dependent rules, in the order of the findings. */
    private Outcome replay(Analysis a, List<X509Certificate> extraCas, Instant at, Report.Builder r) {
        Outcome out = new Outcome();
        r.addAll(a.before());
        if (!a.complete()) {
            return out;
        }
        if (a.signer() != null) {
            List<X509Certificate> candidates = new ArrayList<>(a.signerChain());
            candidates.addAll(extraCas);
            certificates.trust(a.signer(), candidates, at, CertificateStep.Role.SIGNER, r);
        }
        r.addAll(a.between());
        TokenChecks.time(a.data(), at, policy, r);
        r.addAll(a.after());
        out.signer = a.signer();
        out.structureId = a.structureId();
        out.rawStructure = a.rawStructure();
        out.token = a.token();
        return out;
    }

    /**
     * Every instant-independent step of the token processing.
     *
     * @param digest SHA-256 of the token's bytes when already computed (bytes input within the size limit), else null
     */
    private Analysis analyse(VihfInput in, byte[] digest) {
        Report.Builder r = Report.builder();
        ReadStep.Read read = ReadStep.read(in, policy.maxTokenBytes());
        r.addAll(read.report());
        if (read.assertion() == null) {
            return Analysis.stopped(r);
        }
        Element assertion = read.assertion();
        byte[] raw = in.bytes().orElse(null);
        byte[] rawDigest = raw != null && assertion.getOwnerDocument().getDocumentElement() == assertion
                ? (digest != null ? digest : sha256(raw)) : null;
        SignatureVerifier.Result sig = verifier.verify(assertion, rawDigest, r);
        Report before = r.build();

        TokenData d = new TokenData();
        AssertionReader.read(assertion, d);
        d.signingCertificate = sig.certificate();
        d.signatureAlgorithm = sig.signatureMethod();
        d.digestAlgorithm = sig.digestMethod();
        d.signatureValid = sig.valid();

        Report.Builder between = Report.builder();
        OrgCertificate signer = null;
        if (sig.certificate() != null) {
            signer = orgCertificate(sig.certificate());
            certificates.signerProfile(signer, between);
        }
        TokenChecks.issuer(d, sig.certificate(), between);
        TokenChecks.conditions(d, policy, between);
        Report.Builder after = Report.builder();
        TokenChecks.authn(d, after);
        Optional<StructureId> id = TokenChecks.attributes(d, policy, after);
        String rawStructure = null;
        List<String> rawIds = d.attributes.get(VihfToken.IDENTIFIANT_STRUCTURE);
        if (rawIds != null && rawIds.size() == 1 && !rawIds.get(0).isBlank()) {
            rawStructure = rawIds.get(0).strip();
        }
        return new Analysis(before, true, signer, List.copyOf(sig.chain()), between.build(), d, after.build(),
                new VihfToken(d), id.orElse(null), rawStructure);
    }

    /** The view of a certificate, from the bounded cache (keyed by the certificate: DER equality, cached hash). */
    private OrgCertificate orgCertificate(X509Certificate c) {
        return orgCertificates.computeIfAbsent(c, OrgCertificate::of);
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
