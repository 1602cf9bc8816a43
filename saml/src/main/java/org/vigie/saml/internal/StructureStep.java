package org.vigie.saml.internal;

import java.util.Optional;
import org.vigie.core.Finess;
import org.vigie.core.Location;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.StructureDirectory;
import org.vigie.core.StructureId;
import org.vigie.core.cert.OrgCertificate;
import org.vigie.saml.VihfPolicy;
import org.vigie.saml.VihfToken;

/**
 * The structure step of control 1, after the certificate and token steps: the token's {@code Identifiant_Structure}
 * against the TLS certificate (VIHF-STRUCT-EQ, strict or under the EJ/EG policy), the signing certificate against
 * the TLS certificate (CERT-SAME-STRUCTURE, CERT-SAME-HIERARCHY), and the structure against the directory
 * (VIHF-STRUCT-KNOWN). Each method returns its report. Immutable, thread-safe.
 */
public final class StructureStep {

    private static final Location STRUCTURE = Location.of("VIHF").child("Attribute", VihfToken.IDENTIFIANT_STRUCTURE);

    private final VihfPolicy policy;
    private final StructureDirectory directory;

    /**
     * @param policy    the control-1 policy (EJ/EG mode)
     * @param directory the FINESS directory, or null when none was given
     */
    public StructureStep(VihfPolicy policy, StructureDirectory directory) {
        this.policy = policy;
        this.directory = directory;
    }

    /**
     * The checks between the TLS certificate and the token.
     *
     * @param tls          the TLS certificate's view
     * @param rawStructure the token's {@code Identifiant_Structure} as written, or null when none was read
     * @param structure    the same, parsed, or null when unreadable
     * @param signer       the signing certificate's view, or null when the token has none
     */
    public Report between(OrgCertificate tls, String rawStructure, StructureId structure, OrgCertificate signer) {
        Report.Builder r = Report.builder();
        tls.structureId().ifPresent(certId -> {
            if (rawStructure != null && !rawStructure.equals(certId.value())) {
                structEq(rawStructure, structure, certId, r);
            }
            if (signer != null) {
                signer.structureId().ifPresent(signId -> {
                    if (!signId.equals(certId)) {
                        r.add(Rules.CERT_SAME_STRUCTURE, "different", CertificateStep.KEY_INFO, signId.value(),
                                certId.value(), signId.value());
                    }
                });
            }
        });
        if (signer != null) {
            hierarchy(tls, signer, r);
        }
        return r.build();
    }

    private void structEq(String raw, StructureId structure, StructureId certId, Report.Builder r) {
        Location loc = STRUCTURE;
        if (!policy.ejEgMode()) {
            r.add(Rules.VIHF_STRUCT_EQ, "different", loc, raw, raw, certId.value());
            return;
        }
        if (directory == null) {
            r.add(Rules.VIHF_STRUCT_EQ, "ejeg-no-directory", loc, raw, raw, certId.value());
            return;
        }
        Optional<Finess> certEj = certId.finess();
        Optional<Finess> vihfEj = structure == null ? Optional.empty()
                : directory.resolve(structure) instanceof StructureDirectory.Resolution.AsEstablishment eg
                ? Optional.of(eg.establishment().legalEntity()) : Optional.empty();
        if (certEj.isPresent() && vihfEj.isPresent() && certEj.get().value().equals(vihfEj.get().value())) {
            r.add(Rules.VIHF_STRUCT_EQ, Severity.INFO, "ejeg-accepted", loc, raw, raw, certId.value());
        } else {
            r.add(Rules.VIHF_STRUCT_EQ, "ejeg-not-establishment", loc, raw, raw, certId.value());
        }
    }

    /**
     * The production / TEST mix: both certificates named by IGC-Santé CAs, one under a TEST CA and the other not (only
     * possible when both anchor sets are trusted, as with {@code --trust-test}).
     */
    private static void hierarchy(OrgCertificate tls, OrgCertificate signer, Report.Builder r) {
        if (tls.isIgcSante() && signer.isIgcSante() && tls.isTest() != signer.isTest()) {
            r.add(Rules.CERT_SAME_HIERARCHY, tls.isTest() ? "tls-test" : "tls-production", CertificateStep.KEY_INFO,
                    signer.issuer().toString(), tls.issuer(), signer.issuer());
        }
    }

    /** VIHF-STRUCT-KNOWN: the token's structure in the directory; an empty report when the structure is null. */
    public Report known(StructureId id) {
        Report.Builder r = Report.builder();
        if (id == null) {
            return r.build();
        }
        Location loc = STRUCTURE;
        if (directory == null) {
            r.add(Rules.VIHF_STRUCT_KNOWN, Severity.INFO, "no-directory", loc, id.value());
            return r.build();
        }
        if (id.kind() != StructureId.Kind.FINESS) {
            r.add(Rules.VIHF_STRUCT_KNOWN, Severity.INFO, "not-finess", loc, id.value(), id.value(), id.kind());
            return r.build();
        }
        StructureDirectory.Resolution res = directory.resolve(id);
        if (!res.known()) {
            r.add(Rules.VIHF_STRUCT_KNOWN, "unknown", loc, id.value(), id.value());
        } else if (res instanceof StructureDirectory.Resolution.AsEstablishment eg && res.closed()) {
            r.add(Rules.VIHF_STRUCT_KNOWN, "establishment-closed", loc, id.value(), id.value(),
                    eg.establishment().name());
        } else if (res instanceof StructureDirectory.Resolution.AsLegalEntity ej && res.closed()) {
            int count = directory.establishmentsOf(ej.legalEntity().finess()).size();
            if (ej.legalEntity().name().isEmpty()) {
                r.add(Rules.VIHF_STRUCT_KNOWN, "legal-entity-closed-unnamed", loc, id.value(), id.value(), count);
            } else {
                r.add(Rules.VIHF_STRUCT_KNOWN, "legal-entity-closed", loc, id.value(), id.value(),
                        ej.legalEntity().name(), count);
            }
        }
        return r.build();
    }
}
