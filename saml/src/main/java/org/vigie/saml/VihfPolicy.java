package org.vigie.saml;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.vigie.core.PolicyProfile;
import org.vigie.core.Severity;

/**
 * The settings of control 1 that no public source settles (DOMAIN.md marks them UNCONFIRMED), each with a
 * written default. Immutable; {@link #defaults()} is what {@link VihfValidator} uses unless told otherwise.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>effect</th></tr>
 *   <tr><td>{@link #acceptedVersions()}</td><td>{@code 3.0}, {@code 4.0}</td><td>other VIHF_Version values fire VIHF-VERSION</td></tr>
 *   <tr><td>{@link #rejectSha1()}</td><td>false</td><td>SHA-1 signature/digest is a VIHF-ALGORITHM WARNING; ERROR when true</td></tr>
 *   <tr><td>{@link #clockSkew()}</td><td>5 minutes</td><td>tolerance of VIHF-TIME on IssueInstant, NotBefore, NotOnOrAfter</td></tr>
 *   <tr><td>{@link #ejEgMode()}</td><td>false</td><td>true: an EG of the certificate's EJ is accepted by VIHF-STRUCT-EQ with an INFO (needs a directory)</td></tr>
 *   <tr><td>{@link #forbiddenSectors()}</td><td>{@link #DEFAULT_FORBIDDEN_SECTORS}</td><td>Secteur_Activite codes firing VIHF-SECTOR-FORBIDDEN</td></tr>
 *   <tr><td>{@link #sectorValueSet()}</td><td>JDV_J61 2024-09-27</td><td>codes accepted by VIHF-SECTOR-VALUESET</td></tr>
 *   <tr><td>{@link #maxTokenBytes()}</td><td>1 MiB</td><td>larger input fires VIHF-XML without being parsed</td></tr>
 *   <tr><td>{@link #maxTokenAge()}</td><td>2 hours</td><td>an IssueInstant older than this (plus the clock skew) fires VIHF-TIME; empty: no bound</td></tr>
 *   <tr><td>{@link #requireOrganisationCa()}</td><td>true</td><td>a TLS or signing certificate not issued by an IGC-Santé ORGANISATIONS CA fires CERT-AUTH-PROFILE / CERT-SIGN-PROFILE</td></tr>
 *   <tr><td>{@link #organisationPolicyOids()}</td><td>none</td><td>when set, both certificates must also carry one of these policy OIDs</td></tr>
 *   <tr><td>{@link #unusableCrlSeverity()}</td><td>WARNING</td><td>severity of the CERT-TRUST "révocation non vérifiée" finding when CRLs of the issuer were supplied but none is usable</td></tr>
 *   <tr><td>{@link #splitRoleSeverity()}</td><td>WARNING</td><td>severity of the VIHF-ATTRIBUTE finding for role values
 *       split over several {@code Attribute} elements (their values are read together as the role list)</td></tr>
 *   <tr><td>{@link #audienceRestrictionSeverity()}</td><td>WARNING</td><td>severity of VIHF-CONDITIONS for a
 *       {@code Conditions/AudienceRestriction}, which the ANS profile says must not be filled</td></tr>
 * </table>
 */
public final class VihfPolicy {

    /**
     * Default forbidden sectors: those that cannot be a care structure feeding the DMP (DOMAIN §9 suggestion):
     * SA11 intérim, SA23 assurance privée, SA31/SA32/SA46 industry and distribution of medicines, SA35
     * para-pharmacie, SA43 secteur non défini, SA44 recrutement/RH, SA45 communication/marketing, SA48
     * entreprise industrielle, SA58 taxis.
     */
    public static final Set<String> DEFAULT_FORBIDDEN_SECTORS = Set.of(
            "SA11", "SA23", "SA31", "SA32", "SA35", "SA43", "SA44", "SA45", "SA46", "SA48", "SA58");

    /** Default accepted VIHF_Version values. */
    public static final Set<String> DEFAULT_VERSIONS = Set.of("3.0", "4.0");

    /** Default {@link #maxTokenAge()}: a VIHF is built for each request, two hours is ample for a clock or a queue. */
    public static final Duration DEFAULT_MAX_TOKEN_AGE = Duration.ofHours(2);

    private static final VihfPolicy DEFAULTS = builder().build();

    private final Set<String> acceptedVersions;
    private final boolean rejectSha1;
    private final Duration clockSkew;
    private final boolean ejEgMode;
    private final Set<String> forbiddenSectors;
    private final SectorValueSet sectorValueSet;
    private final int maxTokenBytes;
    private final Duration maxTokenAge;
    private final boolean requireOrganisationCa;
    private final Set<String> organisationPolicyOids;
    private final org.vigie.core.Severity unusableCrlSeverity;
    private final Severity splitRoleSeverity;
    private final Severity audienceRestrictionSeverity;

    private VihfPolicy(Builder b) {
        this.acceptedVersions = Set.copyOf(b.acceptedVersions);
        this.rejectSha1 = b.rejectSha1;
        this.clockSkew = b.clockSkew;
        this.ejEgMode = b.ejEgMode;
        this.forbiddenSectors = Set.copyOf(b.forbiddenSectors);
        this.sectorValueSet = b.sectorValueSet != null ? b.sectorValueSet : SectorValueSet.jdvJ61();
        this.maxTokenBytes = b.maxTokenBytes;
        this.maxTokenAge = b.maxTokenAge;
        this.requireOrganisationCa = b.requireOrganisationCa;
        this.organisationPolicyOids = Set.copyOf(b.organisationPolicyOids);
        this.unusableCrlSeverity = b.unusableCrlSeverity;
        this.splitRoleSeverity = b.splitRoleSeverity;
        this.audienceRestrictionSeverity = b.audienceRestrictionSeverity;
    }

    /** The documented defaults (see the class table). */
    public static VihfPolicy defaults() {
        return DEFAULTS;
    }

    /** Id of the strict control-1 profile: {@link #defaults()}. */
    public static final String STRICT_PROFILE = "vihf-strict/1";

    private volatile PolicyProfile profile;

    /**
     * The profile of this policy: {@value #STRICT_PROFILE} and, in words, each setting that departs from
     * {@link #defaults()} (with its policy-file key, e.g. {@code [vihf.maxTokenAge]}); none for the defaults.
     *
     * @return the profile every report of a {@link VihfValidator} with this policy names
     */
    public PolicyProfile profile() {
        PolicyProfile p = profile;
        if (p == null) {
            p = new PolicyProfile(STRICT_PROFILE, departures());
            profile = p;
        }
        return p;
    }

    private java.util.List<String> departures() {
        VihfPolicy d = DEFAULTS;
        java.util.List<String> out = new java.util.ArrayList<>();
        diff(out, "ejEgMode", "mode EJ/EG", ejEgMode, d.ejEgMode);
        diff(out, "vihf.acceptedVersions", "versions du VIHF acceptées", sorted(acceptedVersions), sorted(d.acceptedVersions));
        diff(out, "vihf.rejectSha1", "SHA-1 refusé", rejectSha1, d.rejectSha1);
        diff(out, "vihf.clockSkew", "décalage d'horloge toléré", clockSkew, d.clockSkew);
        diff(out, "vihf.forbiddenSectors", "secteurs d'activité interdits", sorted(forbiddenSectors), sorted(d.forbiddenSectors));
        diff(out, "vihf.sectorValueSet", "jeu de valeurs des secteurs", valueSetText(sectorValueSet),
                valueSetText(d.sectorValueSet));
        diff(out, "vihf.maxTokenBytes", "taille maximale du jeton VIHF", maxTokenBytes, d.maxTokenBytes);
        diff(out, "vihf.maxTokenAge", "âge maximal du jeton VIHF", maxTokenAge().map(Duration::toString).orElse("none"),
                d.maxTokenAge().map(Duration::toString).orElse("none"));
        diff(out, "vihf.requireOrganisationCa", "AC IGC-Santé ORGANISATIONS exigée", requireOrganisationCa,
                d.requireOrganisationCa);
        diff(out, "vihf.organisationPolicyOids", "OID de politique de certification exigés", sorted(organisationPolicyOids),
                sorted(d.organisationPolicyOids));
        diff(out, "vihf.unusableCrlSeverity", "gravité d'une CRL inutilisable", unusableCrlSeverity, d.unusableCrlSeverity);
        diff(out, "vihf.splitRoleSeverity", "gravité de rôles répartis sur plusieurs Attribute", splitRoleSeverity,
                d.splitRoleSeverity);
        diff(out, "vihf.audienceRestrictionSeverity", "gravité de VIHF-CONDITIONS", audienceRestrictionSeverity,
                d.audienceRestrictionSeverity);
        return out;
    }

    private static void diff(java.util.List<String> out, String key, String words, Object value, Object strict) {
        String vt = String.valueOf(value);
        String st = String.valueOf(strict);
        if (!vt.equals(st)) {
            out.add(words + " : " + vt + " (profil strict : " + st + ") [" + key + "]");
        }
    }

    private static String sorted(Set<String> set) {
        return set.isEmpty() ? "(aucun)" : String.join(",", new java.util.TreeSet<>(set));
    }

    private static String valueSetText(SectorValueSet v) {
        return v.name() + " " + v.version() + " (" + String.join(",", new java.util.TreeSet<>(v.codes())) + ")";
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this policy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.acceptedVersions.clear();
        b.acceptedVersions.addAll(acceptedVersions);
        b.rejectSha1 = rejectSha1;
        b.clockSkew = clockSkew;
        b.ejEgMode = ejEgMode;
        b.forbiddenSectors.clear();
        b.forbiddenSectors.addAll(forbiddenSectors);
        b.sectorValueSet = sectorValueSet;
        b.maxTokenBytes = maxTokenBytes;
        b.maxTokenAge = maxTokenAge;
        b.requireOrganisationCa = requireOrganisationCa;
        b.organisationPolicyOids.clear();
        b.organisationPolicyOids.addAll(organisationPolicyOids);
        b.unusableCrlSeverity = unusableCrlSeverity;
        b.splitRoleSeverity = splitRoleSeverity;
        b.audienceRestrictionSeverity = audienceRestrictionSeverity;
        return b;
    }

    public Set<String> acceptedVersions() {
        return acceptedVersions;
    }

    /** True when SHA-1 makes VIHF-ALGORITHM an ERROR (default false: a WARNING). */
    public boolean rejectSha1() {
        return rejectSha1;
    }

    public Duration clockSkew() {
        return clockSkew;
    }

    /** True under the EJ/EG policy (DOMAIN §2). */
    public boolean ejEgMode() {
        return ejEgMode;
    }

    public Set<String> forbiddenSectors() {
        return forbiddenSectors;
    }

    public SectorValueSet sectorValueSet() {
        return sectorValueSet;
    }

    public int maxTokenBytes() {
        return maxTokenBytes;
    }

    /** The oldest IssueInstant accepted, as an age at the evaluation instant (default 2 hours); empty: no bound. */
    public java.util.Optional<Duration> maxTokenAge() {
        return java.util.Optional.ofNullable(maxTokenAge);
    }

    /**
     * True (default) when the TLS and signing certificates must be issued by an IGC-Santé ORGANISATIONS CA,
     * recognised by its name ({@code [TEST ]AC IGC-SANTE <level> ORGANISATIONS}); a pinned certificate (itself an
     * anchor) is exempt. False for an integrator's own PKI whose CAs are named otherwise.
     */
    public boolean requireOrganisationCa() {
        return requireOrganisationCa;
    }

    /** Policy OIDs of which both certificates must carry one (default: none, not checked; production OIDs UNCONFIRMED). */
    public Set<String> organisationPolicyOids() {
        return organisationPolicyOids;
    }

    /** Severity of "révocation non vérifiée" when the issuer's supplied CRLs are all unusable (default WARNING). */
    public org.vigie.core.Severity unusableCrlSeverity() {
        return unusableCrlSeverity;
    }

    /**
     * Severity of the {@code VIHF-ATTRIBUTE} finding when the role values are split over several
     * {@code Attribute Name="urn:oasis:names:tc:xacml:2.0:subject:role"} elements (default WARNING). The examples put
     * every role value in one Attribute; no public source says the DMP refuses the split form. Whatever the severity,
     * the values of all those elements are read together as the role list, so the profession and specialty checks of
     * VIHF-ROLE run on them.
     */
    public Severity splitRoleSeverity() {
        return splitRoleSeverity;
    }

    /**
     * Severity of {@code VIHF-CONDITIONS} for a {@code Conditions/AudienceRestriction} (default WARNING): the ANS
     * profile says it must not be filled (DOMAIN.md §6); no public source says the DMP refuses a token that has one.
     */
    public Severity audienceRestrictionSeverity() {
        return audienceRestrictionSeverity;
    }

    @Override
    public String toString() {
        return "VihfPolicy[versions=" + acceptedVersions + ", rejectSha1=" + rejectSha1 + ", clockSkew=" + clockSkew
                + ", ejEgMode=" + ejEgMode + ", forbiddenSectors=" + forbiddenSectors + ", sectorValueSet="
                + sectorValueSet + ", maxTokenBytes=" + maxTokenBytes + ", maxTokenAge=" + maxTokenAge
                + ", requireOrganisationCa=" + requireOrganisationCa + ", organisationPolicyOids=" + organisationPolicyOids
                + ", unusableCrlSeverity=" + unusableCrlSeverity + ", splitRoleSeverity=" + splitRoleSeverity
                + ", audienceRestrictionSeverity=" + audienceRestrictionSeverity + "]";
    }

    /** Builds a {@link VihfPolicy}; starts from the defaults; not thread-safe. */
    public static final class Builder {
        private final Set<String> acceptedVersions = new LinkedHashSet<>(DEFAULT_VERSIONS);
        private boolean rejectSha1;
        private Duration clockSkew = Duration.ofMinutes(5);
        private boolean ejEgMode;
        private final Set<String> forbiddenSectors = new LinkedHashSet<>(DEFAULT_FORBIDDEN_SECTORS);
        private SectorValueSet sectorValueSet;
        private int maxTokenBytes = 1024 * 1024;
        private Duration maxTokenAge = DEFAULT_MAX_TOKEN_AGE;
        private boolean requireOrganisationCa = true;
        private final Set<String> organisationPolicyOids = new LinkedHashSet<>();
        private org.vigie.core.Severity unusableCrlSeverity = org.vigie.core.Severity.WARNING;
        private Severity splitRoleSeverity = Severity.WARNING;
        private Severity audienceRestrictionSeverity = Severity.WARNING;

        private Builder() {
        }

        /**
         * The oldest IssueInstant accepted, as an age at the evaluation instant (default 2 hours; the clock skew is
         * added); null removes the bound.
         */
        public Builder maxTokenAge(Duration age) {
            if (age != null && (age.isNegative() || age.isZero())) {
                throw new IllegalArgumentException("maxTokenAge must be positive (null: no bound)");
            }
            this.maxTokenAge = age;
            return this;
        }

        /** Whether both certificates must come from an IGC-Santé ORGANISATIONS CA (default true). */
        public Builder requireOrganisationCa(boolean require) {
            this.requireOrganisationCa = require;
            return this;
        }

        /** Policy OIDs of which both certificates must carry one (replaces the list; empty: not checked). */
        public Builder organisationPolicyOids(Collection<String> oids) {
            Objects.requireNonNull(oids, "oids");
            organisationPolicyOids.clear();
            organisationPolicyOids.addAll(oids);
            return this;
        }

        /** Severity of "révocation non vérifiée" when the issuer's supplied CRLs are all unusable (default WARNING). */
        public Builder unusableCrlSeverity(org.vigie.core.Severity severity) {
            this.unusableCrlSeverity = Objects.requireNonNull(severity, "severity");
            return this;
        }

        /** Replaces the accepted VIHF_Version values. */
        public Builder acceptedVersions(Collection<String> versions) {
            Objects.requireNonNull(versions, "versions");
            if (versions.isEmpty()) {
                throw new IllegalArgumentException("at least one accepted VIHF version is required");
            }
            acceptedVersions.clear();
            acceptedVersions.addAll(versions);
            return this;
        }

        /** Strict algorithm policy: SHA-1 makes VIHF-ALGORITHM an ERROR. */
        public Builder rejectSha1(boolean reject) {
            this.rejectSha1 = reject;
            return this;
        }

        public Builder clockSkew(Duration skew) {
            Objects.requireNonNull(skew, "skew");
            if (skew.isNegative()) {
                throw new IllegalArgumentException("clock skew must not be negative");
            }
            this.clockSkew = skew;
            return this;
        }

        /** The EJ/EG policy: the VIHF may carry an EG of the certificate's EJ (INFO instead of VIHF-STRUCT-EQ). */
        public Builder ejEgMode(boolean on) {
            this.ejEgMode = on;
            return this;
        }

        /** Replaces the forbidden-sector list (codes such as {@code SA23}); may be empty. */
        public Builder forbiddenSectors(Collection<String> codes) {
            Objects.requireNonNull(codes, "codes");
            forbiddenSectors.clear();
            forbiddenSectors.addAll(codes);
            return this;
        }

        /** The sector value set (default {@link SectorValueSet#jdvJ61()}). */
        public Builder sectorValueSet(SectorValueSet set) {
            this.sectorValueSet = Objects.requireNonNull(set, "set");
            return this;
        }

        /** Size limit of the VIHF input (token, header or envelope) in bytes; default 1 MiB. */
        public Builder maxTokenBytes(int bytes) {
            if (bytes < 256) {
                throw new IllegalArgumentException("maxTokenBytes must be at least 256");
            }
            this.maxTokenBytes = bytes;
            return this;
        }

        /** Severity of VIHF-ATTRIBUTE for role values split over several Attribute elements (default WARNING). */
        public Builder splitRoleSeverity(Severity severity) {
            this.splitRoleSeverity = Objects.requireNonNull(severity, "severity");
            return this;
        }

        /** Severity of VIHF-CONDITIONS for a Conditions/AudienceRestriction (default WARNING). */
        public Builder audienceRestrictionSeverity(Severity severity) {
            this.audienceRestrictionSeverity = Objects.requireNonNull(severity, "severity");
            return this;
        }

        public VihfPolicy build() {
            return new VihfPolicy(this);
        }
    }
}
