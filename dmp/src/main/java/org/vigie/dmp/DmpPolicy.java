package org.vigie.dmp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.vigie.cda.AuthorInstitutionPolicy;
import org.vigie.core.PolicyProfile;
import org.vigie.core.Severity;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.saml.VihfPolicy;

/**
 * Everything a {@link DmpRequestValidator} may be told to tolerate or enforce: the VIHF policy (control 1),
 * the authorInstitution policy (control 2) and the request reading limits. Immutable.
 *
 * <p>Defaults: {@link VihfPolicy#defaults()}, {@link AuthorInstitutionPolicy#defaults()},
 * {@link RequestLimits#defaults()}. {@link Builder#ejEgMode(boolean)} switches the EJ/EG mode in both the VIHF and
 * the authorInstitution policies (the VIHF's Identifiant_Structure then counts as an authorInstitution occurrence).
 *
 * <p>{@link #soap11Severity()} (default WARNING) is the severity of {@code SOAP-VERSION} for a SOAP 1.1 envelope:
 * IHE specifies its web-service transactions, ITI-41 included, over SOAP 1.2 (ITI TF-2 Appendix V, §V.2.1), so a 1.1
 * envelope departs from the specification; but the ANS's own published ITI-41 capture uses the SOAP 1.1 envelope
 * namespace and no public source says the DMP refuses it, so it is not an ERROR by default.
 *
 * <p>Every policy names its {@linkplain #profile() profile}: the id of the named, frozen set of choices it starts
 * from ({@value #STRICT_PROFILE} unless {@link Builder#profileId(String)} says otherwise) and, in words, each setting
 * in which it departs from the defaults. {@link #profile(TrustAnchors)} adds the trust a validator runs with.
 */
public final class DmpPolicy {

    /** Id of the default (strict) profile: the documented defaults, the production IGC-Santé CAs. */
    public static final String STRICT_PROFILE = "dmp-strict/1";
    /** Id of the strict policy trusting the TEST IGC-Santé CAs ({@code --trust-test}): test platforms only. */
    public static final String TEST_PKI_PROFILE = "dmp-test-pki/1";
    /** Id of the demonstration profile ({@code vigie demo}, {@code vigie serve --demo-pki}): the demo PKI's keys. */
    public static final String DEMO_PROFILE = "dmp-demo/1";

    private static final DmpPolicy DEFAULTS = builder().build();

    private final VihfPolicy vihf;
    private final AuthorInstitutionPolicy authorInstitution;
    private final RequestLimits limits;
    private final Severity soap11Severity;
    private final boolean requireWsAddressing;
    private final PolicyProfile profile;

    private DmpPolicy(Builder b) {
        this.vihf = b.vihf;
        this.authorInstitution = b.authorInstitution;
        this.limits = b.limits;
        this.soap11Severity = b.soap11Severity;
        this.requireWsAddressing = b.requireWsAddressing;
        this.profile = new PolicyProfile(b.profileId, DmpPolicyProperties.departures(this));
    }

    /**
     * A policy read from a policy file's properties (what {@code vigie check --policy} and {@code vigie serve
     * --policy} read). Every key is optional; an absent key keeps its default; an unknown key is an error naming it
     * (a typo must not silently keep a default). Keys:
     * <ul>
     *   <li>{@code ejEgMode} (true/false): the EJ/EG mode, for both controls;</li>
     *   <li>{@code requireWsAddressing} (true/false): a request without wsa:Action is a SOAP-ACTION ERROR;</li>
     *   <li>{@code soap11Severity} (INFO/WARNING/ERROR, default WARNING): {@code SOAP-VERSION} for a SOAP 1.1
     *       envelope;</li>
     *   <li>{@code ai.lotMayDiffer} (true/false), {@code ai.geographicMandatoryFrom} (date, e.g. 2024-01-01),
     *       {@code ai.readWholeAttachments} (true/false: MTOM parts read to their end);</li>
     *   <li>{@code limits.maxVihfBytes}, {@code limits.maxSoapHeaderBytes}, {@code limits.maxParts},
     *       {@code limits.maxHttpHeaderBytes}, {@code limits.maxDepth}, {@code limits.maxXmlTokenBytes} (at least
     *       65536), {@code limits.maxDecodedBytes}, {@code limits.maxExpansionRatio} (positive integers);</li>
     *   <li>{@code vihf.acceptedVersions} (comma-separated, default 3.0,4.0), {@code vihf.rejectSha1} (true/false),
     *       {@code vihf.clockSkew} (ISO-8601 duration or seconds, default PT5M), {@code vihf.forbiddenSectors}
     *       (comma-separated SAxx codes, replacing the default list), {@code vihf.sectorValueSet} ({@code JDV_J61},
     *       {@code JDV_J02} or a value-set file), {@code vihf.maxTokenBytes} (positive integer),
     *       {@code vihf.maxTokenAge} (duration, seconds or {@code none}, default PT2H),
     *       {@code vihf.requireOrganisationCa} (true/false), {@code vihf.organisationPolicyOids} (comma-separated),
     *       {@code vihf.unusableCrlSeverity}, {@code vihf.splitRoleSeverity},
     *       {@code vihf.audienceRestrictionSeverity} (INFO/WARNING/ERROR).</li>
     * </ul>
     * The policy's profile is {@value #STRICT_PROFILE} with one line per setting that departs from the default.
     *
     * @param properties the keys and values (values are stripped of surrounding blanks)
     * @return the policy
     * @throws IllegalArgumentException on an unknown key or a value that does not fit its key (the message names both)
     * @throws java.io.UncheckedIOException when a value-set file cannot be read
     */
    public static DmpPolicy fromProperties(Properties properties) {
        return DmpPolicyProperties.read(Objects.requireNonNull(properties, "properties"));
    }

    /**
     * The profile of this policy: its base id ({@value #STRICT_PROFILE} unless named otherwise) and each setting that
     * departs from the defaults, in words (none for {@link #defaults()}).
     */
    public PolicyProfile profile() {
        return profile;
    }

    /**
     * The profile of a validator running this policy with {@code trust}: {@link #profile()} when the trust is the
     * production IGC-Santé CAs; {@value #TEST_PKI_PROFILE} when a strict policy trusts the TEST IGC-Santé CAs (said
     * among the departures); the integrator's own anchors are named among the departures (except for
     * {@value #DEMO_PROFILE}, whose anchors are the demo PKI).
     *
     * @param trust the anchors the validator trusts
     * @return the profile a report names
     */
    public PolicyProfile profile(TrustAnchors trust) {
        Objects.requireNonNull(trust, "trust");
        TrustAnchors prod = TrustAnchors.igcSanteProduction();
        TrustAnchors test = TrustAnchors.igcSanteTest();
        if (trust.equals(prod)) {
            return profile;
        }
        List<String> lines = new ArrayList<>(profile.relaxations());
        String id = profile.id();
        boolean withTest = trust.anchors().containsAll(test.anchors());
        if (withTest) {
            if (id.equals(STRICT_PROFILE)) {
                id = TEST_PKI_PROFILE;
            }
            lines.add("AC IGC-Santé de TEST acceptées comme ancres : plateformes de test seulement");
        }
        List<String> own = trust.anchors().stream().filter(c -> !prod.anchors().contains(c) && !test.anchors().contains(c))
                .map(c -> c.getSubjectX500Principal().getName()).distinct().toList();
        if (trust.isEmpty()) {
            lines.add("aucune ancre de confiance");
        } else if (!own.isEmpty() && !id.equals(DEMO_PROFILE)) {
            lines.add("ancres de confiance de l'intégrateur" + (trust.anchors().containsAll(prod.anchors()) ? ""
                    : ", pas les AC IGC-Santé de production") + " : " + String.join(" ; ", own));
        }
        return new PolicyProfile(id, lines);
    }

    /** The documented defaults of the three parts. */
    public static DmpPolicy defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this policy's values. */
    public Builder toBuilder() {
        return new Builder().vihf(vihf).authorInstitution(authorInstitution).limits(limits).soap11Severity(soap11Severity)
                .requireWsAddressing(requireWsAddressing).profileId(profile.id());
    }

    /** The VIHF (control 1) policy. */
    public VihfPolicy vihf() {
        return vihf;
    }

    /** The authorInstitution (control 2) policy. */
    public AuthorInstitutionPolicy authorInstitution() {
        return authorInstitution;
    }

    /** The request reading limits. */
    public RequestLimits limits() {
        return limits;
    }

    /** Severity of {@code SOAP-VERSION} for a SOAP 1.1 envelope (default WARNING; see the class comment). */
    public Severity soap11Severity() {
        return soap11Severity;
    }

    /**
     * Whether the receiver requires WS-Addressing (default false): a request without {@code wsa:Action} is then a
     * {@code SOAP-ACTION} ERROR, else a WARNING. No public source fixes it: the DMP's specifications ask for the
     * WS-Addressing headers, while a CXF service without WS-Addressing dispatches on the Body's element.
     */
    public boolean requireWsAddressing() {
        return requireWsAddressing;
    }

    /** Builder of {@link DmpPolicy}. */
    public static final class Builder {
        private VihfPolicy vihf = VihfPolicy.defaults();
        private AuthorInstitutionPolicy authorInstitution = AuthorInstitutionPolicy.defaults();
        private RequestLimits limits = RequestLimits.defaults();
        private Severity soap11Severity = Severity.WARNING;
        private boolean requireWsAddressing;
        private String profileId = STRICT_PROFILE;

        private Builder() {
        }

        /**
         * The id of the named profile this policy starts from (default {@value DmpPolicy#STRICT_PROFILE}); its
         * departures from the defaults are listed in {@link DmpPolicy#profile()} whatever the id.
         */
        public Builder profileId(String id) {
            Objects.requireNonNull(id, "id");
            if (!id.matches("[a-z0-9][a-z0-9-]*/[0-9]+")) {
                throw new IllegalArgumentException("profile id name/version expected, not '" + id + "'");
            }
            this.profileId = id;
            return this;
        }

        /** See {@link DmpPolicy#requireWsAddressing()} (default false). */
        public Builder requireWsAddressing(boolean on) {
            this.requireWsAddressing = on;
            return this;
        }

        public Builder vihf(VihfPolicy v) {
            this.vihf = Objects.requireNonNull(v, "vihf");
            return this;
        }

        public Builder authorInstitution(AuthorInstitutionPolicy v) {
            this.authorInstitution = Objects.requireNonNull(v, "authorInstitution");
            return this;
        }

        public Builder limits(RequestLimits v) {
            this.limits = Objects.requireNonNull(v, "limits");
            return this;
        }

        /** Severity of {@code SOAP-VERSION} for a SOAP 1.1 envelope (default WARNING). */
        public Builder soap11Severity(Severity v) {
            this.soap11Severity = Objects.requireNonNull(v, "soap11Severity");
            return this;
        }

        /** Switches the EJ/EG mode on or off in both the VIHF and the authorInstitution policies. */
        public Builder ejEgMode(boolean on) {
            this.vihf = vihf.toBuilder().ejEgMode(on).build();
            this.authorInstitution = authorInstitution.toBuilder().ejEgMode(on).build();
            return this;
        }

        public DmpPolicy build() {
            return new DmpPolicy(this);
        }
    }
}
