package org.vigie.saml;

import java.util.Objects;
import java.util.Optional;

import org.vigie.core.Report;
import org.vigie.core.StructureId;
import org.vigie.core.cert.OrgCertificate;

/**
 * The answer of control 1: the report with every {@code CERT-*}, {@code VIHF-*} (and {@code ID-KEY}) finding, the
 * typed token when an Assertion could be read, and the structure identifier it carries. Immutable.
 */
public final class Control1Result {

    private final Report report;
    private final VihfToken token;
    private final StructureId structureId;
    private final OrgCertificate tlsCertificate;
    private final OrgCertificate signingCertificate;

    Control1Result(Report report, VihfToken token, StructureId structureId, OrgCertificate tlsCertificate,
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

    /**
     * The typed view of the Assertion, when exactly one could be read (also when its signature fails: see
     * {@link VihfToken#signatureValid()}).
     */
    public Optional<VihfToken> token() {
        return Optional.ofNullable(token);
    }

    /** The Identifiant_Structure, when present and well-formed. */
    public Optional<StructureId> structureId() {
        return Optional.ofNullable(structureId);
    }

    /** The TLS client certificate's view, when one was given. */
    public Optional<OrgCertificate> tlsCertificate() {
        return Optional.ofNullable(tlsCertificate);
    }

    /** The VIHF signing certificate's view, when KeyInfo carried one. */
    public Optional<OrgCertificate> signingCertificate() {
        return Optional.ofNullable(signingCertificate);
    }

    @Override
    public String toString() {
        return "Control1Result[" + (token == null ? "no token" : token) + "]\n" + report;
    }
}
