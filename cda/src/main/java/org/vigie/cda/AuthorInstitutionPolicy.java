package org.vigie.cda;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The settings of control 2. Immutable; {@link #defaults()} gives the documented defaults:
 * <ul>
 *   <li>{@link #lotMayDiffer()} {@code false}: all occurrences must be identical (the seed's "le même 4 fois").
 *       When {@code true} (RG_2240), the submission set may differ from the documents, which must still agree
 *       with each other and each entry with its own CDA header;</li>
 *   <li>{@link #ejEgMode()} {@code false}: the VIHF's {@code Identifiant_Structure} is only the reference of
 *       {@code AI-SAME-EJ}. When {@code true} (EJ/EG mode), it is also an occurrence that must equal the others;</li>
 *   <li>{@link #geographicMandatoryFrom()} 2024-01-01 (Europe/Paris): before that day {@code AI-GEOGRAPHIC} is a
 *       WARNING, from then an ERROR;</li>
 *   <li>{@link #limits()} {@link XmlLimits#defaults()};</li>
 *   <li>{@link #readWholeAttachments()} {@code true}: each MTOM part is read to its end, without keeping it, so that
 *       anything placed after the CDA body (an {@code author} after {@code component}, schema-invalid and invisible
 *       to a header-only reader, while the DMP parses the whole document) is an {@code AI-XML} finding; inline
 *       documents, whose bytes go through anyway, are always read to their end. {@code false} reads a part up to the
 *       end of its CDA header only (a 500 MB part then costs a few KiB of parsing) and leaves that class of defect
 *       unseen: an opt-out for callers that cannot afford to parse the parts.</li>
 * </ul>
 */
public final class AuthorInstitutionPolicy {

    /** Time zone in which {@link #geographicMandatoryFrom()} is read. */
    public static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private static final AuthorInstitutionPolicy DEFAULTS = builder().build();

    private final boolean lotMayDiffer;
    private final boolean ejEgMode;
    private final LocalDate geographicMandatoryFrom;
    private final XmlLimits limits;
    private final boolean readWholeAttachments;

    private AuthorInstitutionPolicy(Builder b) {
        this.readWholeAttachments = b.readWholeAttachments;
        this.lotMayDiffer = b.lotMayDiffer;
        this.ejEgMode = b.ejEgMode;
        this.geographicMandatoryFrom = b.geographicMandatoryFrom;
        this.limits = b.limits;
    }

    /** The documented defaults. */
    public static AuthorInstitutionPolicy defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Id of the strict control-2 profile: {@link #defaults()}. */
    public static final String STRICT_PROFILE = "ai-strict/1";

    /**
     * The profile of this policy: {@value #STRICT_PROFILE} and, in words, each setting that departs from
     * {@link #defaults()} (with its policy-file key, e.g. {@code [ai.lotMayDiffer]}); none for the defaults.
     *
     * @return the profile every report of an {@link AuthorInstitutionValidator} with this policy names
     */
    public org.vigie.core.PolicyProfile profile() {
        AuthorInstitutionPolicy d = DEFAULTS;
        java.util.List<String> out = new java.util.ArrayList<>();
        diff(out, "ejEgMode", "mode EJ/EG", ejEgMode, d.ejEgMode);
        diff(out, "ai.lotMayDiffer", "authorInstitution du lot différente de celle des documents admise", lotMayDiffer,
                d.lotMayDiffer);
        diff(out, "ai.geographicMandatoryFrom", "AI-GEOGRAPHIC obligatoire à partir du", geographicMandatoryFrom,
                d.geographicMandatoryFrom);
        diff(out, "ai.readWholeAttachments", "pièces MTOM lues jusqu'au bout", readWholeAttachments, d.readWholeAttachments);
        if (!String.valueOf(limits).equals(String.valueOf(d.limits))) {
            out.add("limites XML du contrôle 2 : " + limits + " (profil strict : " + d.limits + ")");
        }
        return new org.vigie.core.PolicyProfile(STRICT_PROFILE, out);
    }

    private static void diff(java.util.List<String> out, String key, String words, Object value, Object strict) {
        String vt = String.valueOf(value);
        String st = String.valueOf(strict);
        if (!vt.equals(st)) {
            out.add(words + " : " + vt + " (profil strict : " + st + ") [" + key + "]");
        }
    }

    /** A builder starting from this policy's settings. */
    public Builder toBuilder() {
        return new Builder().lotMayDiffer(lotMayDiffer).ejEgMode(ejEgMode)
                .geographicMandatoryFrom(geographicMandatoryFrom).limits(limits)
                .readWholeAttachments(readWholeAttachments);
    }

    /** RG_2240: the submission set may differ from the documents (default false). */
    public boolean lotMayDiffer() {
        return lotMayDiffer;
    }

    /** EJ/EG mode: the VIHF's structure counts as an occurrence (default false). */
    public boolean ejEgMode() {
        return ejEgMode;
    }

    /** First day on which {@code AI-GEOGRAPHIC} is an ERROR (default 2024-01-01). */
    public LocalDate geographicMandatoryFrom() {
        return geographicMandatoryFrom;
    }

    /** True when {@code AI-GEOGRAPHIC} is an ERROR at this instant. */
    public boolean geographicMandatoryAt(Instant at) {
        return !at.isBefore(geographicMandatoryFrom.atStartOfDay(FRANCE).toInstant());
    }

    /** MTOM parts are read to their end to check what follows the CDA body (default true). */
    public boolean readWholeAttachments() {
        return readWholeAttachments;
    }

    /** XML size limits. */
    public XmlLimits limits() {
        return limits;
    }

    @Override
    public String toString() {
        return "AuthorInstitutionPolicy[lotMayDiffer=" + lotMayDiffer + ", ejEgMode=" + ejEgMode
                + ", geographicMandatoryFrom=" + geographicMandatoryFrom + ", limits=" + limits + ", readWholeAttachments=" + readWholeAttachments + "]";
    }

    /** Builds policies; every setting starts at its default. */
    public static final class Builder {
        private boolean lotMayDiffer;
        private boolean ejEgMode;
        private LocalDate geographicMandatoryFrom = LocalDate.of(2024, 1, 1);
        private XmlLimits limits = XmlLimits.defaults();
        private boolean readWholeAttachments = true;

        private Builder() {
        }

        public Builder readWholeAttachments(boolean v) {
            this.readWholeAttachments = v;
            return this;
        }

        public Builder lotMayDiffer(boolean v) {
            this.lotMayDiffer = v;
            return this;
        }

        public Builder ejEgMode(boolean v) {
            this.ejEgMode = v;
            return this;
        }

        public Builder geographicMandatoryFrom(LocalDate day) {
            this.geographicMandatoryFrom = Objects.requireNonNull(day, "day");
            return this;
        }

        public Builder limits(XmlLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        public AuthorInstitutionPolicy build() {
            return new AuthorInstitutionPolicy(this);
        }
    }
}
