package org.vigie.saml;

import java.util.Objects;
import java.util.Optional;

import org.vigie.core.Report;
import org.vigie.core.StructureId;
import org.vigie.core.cert.OrgCertificate;

/**
 * The answer of control 1 (formerly {@code VihfValidation}): the report with every {@code CERT-*}, {@code VIHF-*}
 * (and {@code ID-KEY}) finding and, only when the token's signature verified, what the token claims. Immutable.
 *
 * <p>Everything read from the token's claims (the typed token, its Identifiant_Structure, its signing certificate) is
 * reachable only from a verified result: {@link #token()}, {@link #structureId()} and {@link #signingCertificate()}
 * are empty when the signature failed or could not be checked. {@link #unverifiedToken()} gives the token read
 * whatever its signature, for diagnostics only (printing what a forged token said): never act on it.</p>
 */
public final class VihfValidation {

    private final Report report;
    private final VihfToken token;
    private final StructureId structureId;
    private final OrgCertificate tlsCertificate;
    private final OrgCertificate signingCertificate;

    VihfValidation(Report report, VihfToken token, StructureId structureId, OrgCertificate tlsCertificate,
                   OrgCertificate signingCertificate) {
        this.report = Objects.requireNonNull(report, "report");
        this.token = token;
        this.structureId = structureId;
        this.tlsCertificate = tlsCertificate;
        this.signingCertificate = signingCertificate;
    }

    /** Every finding, in the order the checks made them. */
    public Report report() {
        return report;
    }

    /** True when the report holds no ERROR. */
    public boolean accepted() {
        return report.accepted();
    }

    /** True when exactly one Assertion was read and its signature verified (the claims are then reachable). */
    public boolean verified() {
        return token != null && token.signatureValid();
    }

    /**
     * The typed view of the Assertion, read from the verified element: present only when the signature verified
     * ({@link #verified()}); see {@link #unverifiedToken()} for diagnostics.
     */
    public Optional<VihfToken> token() {
        return verified() ? Optional.of(token) : Optional.empty();
    }

    /**
     * UNTRUSTED: the typed view of the Assertion whenever exactly one could be read, also when its signature failed
     * (see {@link VihfToken#signatureValid()}). For diagnostics only (showing what a rejected token said); a decision
     * must use {@link #token()}.
     */
    public Optional<VihfToken> unverifiedToken() {
        return Optional.ofNullable(token);
    }

    /** The Identifiant_Structure, when present, well-formed and the signature verified. */
    public Optional<StructureId> structureId() {
        return verified() ? Optional.ofNullable(structureId) : Optional.empty();
    }

    /** The TLS client certificate's view, when one was given (it comes from the connection, not from the token). */
    public Optional<OrgCertificate> tlsCertificate() {
        return Optional.ofNullable(tlsCertificate);
    }

    /** The VIHF signing certificate's view, when KeyInfo carried one and the signature verified with it. */
    public Optional<OrgCertificate> signingCertificate() {
        return verified() ? Optional.ofNullable(signingCertificate) : Optional.empty();
    }

    @Override
    public String toString() {
        return "VihfValidation[" + (token == null ? "no token" : verified() ? token : "unverified token") + "]\n"
                + report;
    }
}
