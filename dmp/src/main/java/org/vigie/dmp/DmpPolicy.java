package org.vigie.dmp;

import java.util.Objects;
import org.vigie.cda.AuthorInstitutionPolicy;
import org.vigie.core.Severity;
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
 */
public final class DmpPolicy {

    private static final DmpPolicy DEFAULTS = builder().build();

    private final VihfPolicy vihf;
    private final AuthorInstitutionPolicy authorInstitution;
    private final RequestLimits limits;
    private final Severity soap11Severity;
    private final boolean requireWsAddressing;

    private DmpPolicy(Builder b) {
        this.vihf = b.vihf;
        this.authorInstitution = b.authorInstitution;
        this.limits = b.limits;
        this.soap11Severity = b.soap11Severity;
        this.requireWsAddressing = b.requireWsAddressing;
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
                .requireWsAddressing(requireWsAddressing);
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

        private Builder() {
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
