package org.vigie.saml.internal;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.vigie.core.Location;
import org.vigie.core.Report;
import org.vigie.core.Rule;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.cert.CertificateTrust;
import org.vigie.core.cert.OrgCertificate;
import org.vigie.core.cert.RevocationGap;
import org.vigie.core.cert.TrustResult;
import org.vigie.saml.VihfPolicy;

/**
 * The certificate step of control 1: trust, revocation and structure identifier of a certificate, the profile of the
 * TLS (ORG_AUTH_CLI) and signing (ORG_SIGN) certificates. Each method adds its findings to the builder it is given,
 * in the order of the checks. Immutable and thread-safe.
 */
public final class CertificateStep {

    /** Which certificate of control 1 a check concerns: it names the message keys and the location. */
    public enum Role {
        /** The TLS client (authentication) certificate, at {@code TLS}. */
        TLS("tls", Location.of("TLS")),
        /** The VIHF signing certificate, at {@code VIHF/Signature/KeyInfo}. */
        SIGNER("signer", Location.of("VIHF").child("Signature").child("KeyInfo"));

        private final String key;
        private final Location location;

        Role(String key, Location location) {
            this.key = key;
            this.location = location;
        }

        /** Where the findings about this certificate are located. */
        public Location location() {
            return location;
        }
    }

    /** Where the findings on the signing certificate are located ({@code VIHF/Signature/KeyInfo}). */
    public static final Location KEY_INFO = Role.SIGNER.location();

    private final VihfPolicy policy;
    private final CertificateTrust trust;

    /**
     * @param policy the policy (organisation CA, policy OIDs, severity of an unusable CRL)
     * @param trust  the trust anchors and CRLs
     */
    public CertificateStep(VihfPolicy policy, CertificateTrust trust) {
        this.policy = policy;
        this.trust = trust;
    }

    /**
     * Every check on the TLS certificate alone, in the order of control 1: trust and structure identifier
     * ({@code CERT-TRUST}, {@code CERT-STRUCT-ID}), profile ({@code CERT-AUTH-PROFILE}), control key of its
     * structure identifier ({@code ID-KEY}).
     *
     * @param tls   the TLS certificate's view
     * @param chain the chain the client sent (leaf excluded)
     * @param at    the evaluation instant
     * @param r     where the findings go
     */
    public void tls(OrgCertificate tls, List<X509Certificate> chain, Instant at, Report.Builder r) {
        trust(tls, chain, at, Role.TLS, r);
        Location loc = Role.TLS.location();
        String subject = tls.subject().toString();
        if (!tls.hasClientAuth() || tls.isPersonCertificate()) {
            if (tls.isPersonCertificate()) {
                r.add(Rules.CERT_AUTH_PROFILE, "person", loc, subject, tls.issuer());
            } else {
                r.add(Rules.CERT_AUTH_PROFILE, "no-client-auth", loc, subject, tls.kind());
            }
        }
        if (!tls.hasDigitalSignature()) {
            r.add(Rules.CERT_AUTH_PROFILE, "no-digital-signature", loc, subject);
        }
        profile(tls, Rules.CERT_AUTH_PROFILE, r);
        if (tls.structureId().isPresent() && !tls.structureId().get().keyValid()) {
            String id = tls.structureId().get().value();
            r.add(Rules.ID_KEY, "saml-tls", loc.child("subject").child("OU"), id, id);
        }
    }

    /**
     * The profile checks of the signing certificate ({@code CERT-SIGN-PROFILE}), independent of the instant.
     *
     * @param signer the signing certificate's view
     * @param r      where the findings go
     */
    public void signerProfile(OrgCertificate signer, Report.Builder r) {
        if (!signer.isSealCapable() || signer.isPersonCertificate()) {
            if (signer.isPersonCertificate()) {
                r.add(Rules.CERT_SIGN_PROFILE, "person", KEY_INFO, signer.subject().toString(), signer.issuer());
            } else {
                r.add(Rules.CERT_SIGN_PROFILE, "not-seal", KEY_INFO, signer.subject().toString(), signer.kind());
            }
        }
        profile(signer, Rules.CERT_SIGN_PROFILE, r);
    }

    /**
     * Trust, revocation and structure identifier of one certificate ({@code CERT-TRUST}, {@code CERT-STRUCT-ID}) at
     * an instant.
     *
     * @param oc    the certificate's view
     * @param chain candidate certificates for its chain (untrusted)
     * @param at    the evaluation instant
     * @param role  which certificate it is
     * @param r     where the findings go
     */
    public void trust(OrgCertificate oc, List<X509Certificate> chain, Instant at, Role role, Report.Builder r) {
        Location loc = role.location();
        TrustResult tr = trust.check(oc.certificate(), chain, at);
        for (org.vigie.core.Messages.Text p : tr.problemTexts()) {
            r.add(Rules.CERT_TRUST, role.key + "-untrusted", loc, oc.subject().toString(), p);
        }
        if (!trust.crls().isEmpty() && tr.chained() && !tr.revoked()) {
            List<String> noCrl = new ArrayList<>();
            for (RevocationGap g : tr.revocationGaps()) {
                if (g.crlSuppliedButUnusable()) {
                    r.add(Rules.CERT_TRUST, policy.unusableCrlSeverity(), role.key + "-revocation-unverified", loc,
                            g.issuer(), g.subject(), g.reasonsText());
                } else {
                    noCrl.add(g.subject());
                }
            }
            if (!noCrl.isEmpty()) {
                r.add(Rules.CERT_TRUST, Severity.INFO, role.key + "-no-crl", loc, "", noCrl);
            }
        }
        if (oc.structureId().isEmpty()) {
            r.add(Rules.CERT_STRUCT_ID, role.key, loc.child("subject").child("OU"), String.join(" | ", oc.ouValues()),
                    oc.structureIdProblemText().orElseThrow());
        }
    }

    /**
     * Profile problems shared by both certificates: CA:TRUE, an issuing CA that is not an IGC-Santé ORGANISATIONS CA
     * (policy {@link VihfPolicy#requireOrganisationCa()}; a pinned certificate is exempt), a missing policy OID
     * ({@link VihfPolicy#organisationPolicyOids()}). Independent of the instant.
     */
    private void profile(OrgCertificate oc, Rule rule, Report.Builder r) {
        Location loc = rule == Rules.CERT_AUTH_PROFILE ? Role.TLS.location() : KEY_INFO;
        String subject = oc.subject().toString();
        if (oc.isCa()) {
            r.add(rule, "ca", loc, subject);
        }
        boolean pinned = trust.anchors().anchors().contains(oc.certificate());
        if (policy.requireOrganisationCa() && !pinned && !oc.isPersonCertificate() && !oc.issuedByOrganisationCa()) {
            r.add(rule, "not-organisation-ca", loc, subject, oc.issuer());
        }
        if (!policy.organisationPolicyOids().isEmpty()
                && oc.policyOids().stream().noneMatch(policy.organisationPolicyOids()::contains)) {
            r.add(rule, "policy", loc, subject, new TreeSet<>(policy.organisationPolicyOids()), oc.policyOids());
        }
    }
}
