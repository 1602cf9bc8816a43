package org.vigie.saml.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.vigie.core.Report;
import org.vigie.core.StructureId;
import org.vigie.core.cert.OrgCertificate;
import org.vigie.core.cert.internal.BoundedCache;
import org.vigie.saml.VihfInput;
import org.vigie.saml.VihfPolicy;
import org.vigie.saml.VihfToken;
import org.w3c.dom.Element;

/**
 * The token step of control 1: read ({@link ReadStep}), signature ({@link SignatureVerifier}), the signing
 * certificate ({@link CertificateStep}) and the token rules ({@link TokenChecks}), in the order of the findings of
 * control 1. Everything that does not depend on the instant is analysed once per token given as bytes and kept in a
 * bounded cache keyed by the SHA-256 of the bytes; the instant-dependent rules (the signing certificate's trust, the
 * token times) are evaluated at each call. Immutable and thread-safe.
 *
 * @param <T> the type of the token view (built by the façade, which owns its constructor)
 */
public final class TokenStep<T> {

    /**
     * What the token step produced for one call.
     *
     * @param report       its findings, in order
     * @param token        the token view, or null when reading stopped
     * @param structureId  the structure identifier of the token, or null
     * @param rawStructure the single non-blank Identifiant_Structure value as written (stripped), or null
     * @param signer       the signing certificate's view, or null
     * @param <T>          the type of the token view
     */
    public record Outcome<T>(Report report, T token, StructureId structureId, String rawStructure,
                             OrgCertificate signer) {
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
    private record Analysis<T>(Report before, boolean complete, OrgCertificate signer,
                               List<X509Certificate> signerChain, Report between, TokenData data, Report after,
                               T token, StructureId structureId, String rawStructure) {

        static <T> Analysis<T> stopped(Report.Builder before) {
            return new Analysis<>(before.build(), false, null, List.of(), null, null, null, null, null, null);
        }
    }

    private final VihfPolicy policy;
    private final SignatureVerifier verifier;
    private final CertificateStep certificates;
    private final Function<X509Certificate, OrgCertificate> orgCertificates;
    private final Function<TokenData, T> tokens;
    private final int cacheSize;
    private final BoundedCache<ByteBuffer, Analysis<T>> analyses;

    /**
     * @param policy          the policy (size limit, token rules)
     * @param verifier        the signature step
     * @param certificates    the certificate step (signing certificate's profile and trust)
     * @param orgCertificates the view of a certificate (the façade's cache)
     * @param tokens          builds the token view from what was read
     * @param cacheSize       entries of the token-analysis cache (0: none)
     */
    public TokenStep(VihfPolicy policy, SignatureVerifier verifier, CertificateStep certificates,
                     Function<X509Certificate, OrgCertificate> orgCertificates, Function<TokenData, T> tokens,
                     int cacheSize) {
        this.policy = policy;
        this.verifier = verifier;
        this.certificates = certificates;
        this.orgCertificates = orgCertificates;
        this.tokens = tokens;
        this.cacheSize = cacheSize;
        this.analyses = new BoundedCache<>(cacheSize);
    }

    /** Number of token analyses currently cached. */
    public int cacheSize() {
        return analyses.size();
    }

    /**
     * The token's findings at an instant.
     *
     * @param in       the token
     * @param extraCas CA certificates the integrator gave with the TLS certificate: offered (untrusted) for building
     *                 the signing certificate's chain too, as both certificates usually share their issuing CA
     * @param at       the evaluation instant
     * @return the findings and what was read
     */
    public Outcome<T> check(VihfInput in, List<X509Certificate> extraCas, Instant at) {
        Analysis<T> a;
        byte[] raw = in.bytes().orElse(null);
        if (raw != null && !in.truncated() && raw.length <= policy.maxTokenBytes() && cacheSize > 0) {
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
        return replay(a, extraCas, at);
    }

    /** The cached (or fresh) analysis completed with the instant-dependent rules, in the order of the findings. */
    private Outcome<T> replay(Analysis<T> a, List<X509Certificate> extraCas, Instant at) {
        Report.Builder r = Report.builder();
        r.addAll(a.before());
        if (!a.complete()) {
            return new Outcome<>(r.build(), null, null, null, null);
        }
        if (a.signer() != null) {
            List<X509Certificate> candidates = new ArrayList<>(a.signerChain());
            candidates.addAll(extraCas);
            certificates.trust(a.signer(), candidates, at, CertificateStep.Role.SIGNER, r);
        }
        r.addAll(a.between());
        TokenChecks.time(a.data(), at, policy, r);
        r.addAll(a.after());
        return new Outcome<>(r.build(), a.token(), a.structureId(), a.rawStructure(), a.signer());
    }

    /**
     * Every instant-independent step of the token processing.
     *
     * @param digest SHA-256 of the token's bytes when already computed (bytes input within the size limit), else null
     */
    private Analysis<T> analyse(VihfInput in, byte[] digest) {
        Report.Builder r = Report.builder();
        ReadStep.Read read = ReadStep.read(in, policy.maxTokenBytes());
        r.addAll(read.report());
        if (read.assertion() == null) {
            return Analysis.stopped(r);
        }
        Element assertion = read.assertion();
        byte[] raw = in.bytes().orElse(null);
        // the verification cache's key: the token's digest when the bytes are exactly the Assertion (none without a cache)
        byte[] rawDigest = verifier.caches() && raw != null && assertion.getOwnerDocument().getDocumentElement() == assertion
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
            signer = orgCertificates.apply(sig.certificate());
            certificates.signerProfile(signer, between);
        }
        TokenChecks.issuer(d, signer, between);
        TokenChecks.conditions(d, policy, between);
        Report.Builder after = Report.builder();
        TokenChecks.authn(d, after);
        Optional<StructureId> id = TokenChecks.attributes(d, policy, after);
        String rawStructure = null;
        List<String> rawIds = d.attributes.get(VihfToken.IDENTIFIANT_STRUCTURE);
        if (rawIds != null && rawIds.size() == 1 && !rawIds.get(0).isBlank()) {
            rawStructure = rawIds.get(0).strip();
        }
        return new Analysis<>(before, true, signer, List.copyOf(sig.chain()), between.build(), d, after.build(),
                tokens.apply(d), id.orElse(null), rawStructure);
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
