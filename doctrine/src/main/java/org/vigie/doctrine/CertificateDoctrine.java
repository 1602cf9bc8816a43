package org.vigie.doctrine;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import org.vigie.core.Report;
import org.vigie.core.StructureDirectory;

/**
 * The certificate doctrine of the seed webinar (ANS/CNAM, 2022-05-24): plans the IGC-Santé organisation
 * certificates an organisation must hold at a date, audits its existing certificates against that plan
 * ({@code DOC-*} findings) and writes the ordering procedure.
 *
 * <p>Immutable and thread-safe; build it with {@link #builder()}. When a {@link StructureDirectory} is given,
 * each member's EGs, categories and legal status come from it (the organisation description adds what the
 * directory does not know: financing per EG, main lab site, solutions, certificates).
 *
 * <p>Dates (boundaries included from the day named): public ES and dialysis centres
 * {@link #PUBLIC_ES_FROM}, EHPAD {@link #EHPAD_FROM}, private ES {@link #PRIVATE_ES_FROM} (from
 * {@link #PRIVATE_ES_EARLIEST} only a note). Other ESSMS of an OG follow the doctrine's own date
 * ({@link #PUBLIC_ES_FROM}), the seed giving none for them; an EHPAD run by a hospital EJ joins the EJ
 * certificate no earlier than {@link #EHPAD_FROM} (the DMP-feeding restriction of EHPAD was sector-wide).
 */
public final class CertificateDoctrine {

    /** Public ES and dialysis centres may use one EJ certificate from this day ("dès maintenant"). */
    public static final LocalDate PUBLIC_ES_FROM = LocalDate.of(2022, 5, 24);
    /** EHPAD may use one EJ certificate from this day ("courant juin"). */
    public static final LocalDate EHPAD_FROM = LocalDate.of(2022, 6, 1);
    /** Private ES may use one EJ certificate from this day ("à partir d'octobre 2022"). */
    public static final LocalDate PRIVATE_ES_FROM = LocalDate.of(2022, 10, 1);
    /** "Au plus tôt mi-juillet": only a note in plans between this day and {@link #PRIVATE_ES_FROM}. */
    public static final LocalDate PRIVATE_ES_EARLIEST = LocalDate.of(2022, 7, 15);

    private final Optional<StructureDirectory> directory;
    private final java.util.Locale locale;

    private CertificateDoctrine(Builder b) {
        this.directory = Optional.ofNullable(b.directory);
        this.locale = b.locale;
    }

    /** A builder (no directory by default). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Resolves the organisation against the directory (when configured), plans its certificates at the date,
     * audits its existing certificates and writes the procedure.
     *
     * @throws OrganisationException when the description is inconsistent (unknown site, EJ given as an EG…)
     */
    public DoctrineResult evaluate(Organisation organisation, LocalDate date) {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(date, "date");
        Organisation resolved = Resolver.resolve(organisation, directory);
        CertificatePlan plan = Planner.plan(resolved, date, locale);
        Report audit = Auditor.audit(resolved, plan);
        Procedure procedure = ProcedureWriter.write(resolved, plan, locale);
        return new DoctrineResult(resolved, plan, audit, procedure);
    }

    /**
     * Every problem that would make {@link #evaluate} throw, collected instead of stopping at the first: the
     * inconsistencies of the description and its references, and what the directory (when configured) contradicts
     * (an EG given as an EJ, an EJ with no open EG, a member left without sites).
     *
     * @param organisation the organisation
     * @return the problems in description order, each at its typed location; empty when it can be evaluated
     */
    public java.util.List<OrganisationException> problems(Organisation organisation) {
        Objects.requireNonNull(organisation, "organisation");
        return Resolver.examine(organisation, directory, locale).problems();
    }

    /**
     * Like {@link #evaluate} but without writing the ordering procedure (its {@link DoctrineResult#procedure()}
     * is empty): for bulk use, such as the deployment dashboard evaluating every legal entity of the directory.
     *
     * @param organisation the organisation
     * @param date         the evaluation date
     * @return the resolved organisation, the plan and the audit, with an empty procedure
     * @throws OrganisationException when the description is inconsistent
     */
    public DoctrineResult evaluateWithoutProcedure(Organisation organisation, LocalDate date) {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(date, "date");
        Organisation resolved = Resolver.resolve(organisation, directory);
        CertificatePlan plan = Planner.plan(resolved, date, locale);
        Report audit = Auditor.audit(resolved, plan);
        return new DoctrineResult(resolved, plan, audit, new Procedure(java.util.List.of(), java.util.List.of()));
    }

    /**
     * The plan alone.
     *
     * @throws OrganisationException when the description is inconsistent
     */
    public CertificatePlan plan(Organisation organisation, LocalDate date) {
        return evaluate(organisation, date).plan();
    }

    /**
     * The date from which a site of this member may be covered by an EJ certificate.
     *
     * @return the date, or empty when the corridor never allows an EJ certificate (liberal corridors)
     */
    public static Optional<LocalDate> ejAllowedFrom(Member member, Site site) {
        switch (member.corridor()) {
            case HOSPITAL: {
                LocalDate from = member.status() == org.vigie.core.LegalStatus.PUBLIC || member.dialysisCentre()
                        ? PUBLIC_ES_FROM : PRIVATE_ES_FROM;
                return Optional.of(site.ehpad() && from.isBefore(EHPAD_FROM) ? EHPAD_FROM : from);
            }
            case MEDICO_SOCIAL:
                return Optional.of(site.ehpad() ? EHPAD_FROM : PUBLIC_ES_FROM);
            default:
                return Optional.empty();
        }
    }

    /** Builds a {@link CertificateDoctrine}. */
    public static final class Builder {
        private StructureDirectory directory;
        private java.util.Locale locale = java.util.Locale.FRENCH;

        private Builder() {
        }

        /**
         * The language of the plan's notes and of the procedure (English for an English locale, French otherwise,
         * the default). The rule codes, the findings (rendered by their reader) and the plan itself do not change.
         */
        public Builder locale(java.util.Locale locale) {
            this.locale = java.util.Objects.requireNonNull(locale, "locale");
            return this;
        }

        /** The FINESS directory to complete members from (EJ → EGs, categories, statut); null for none. */
        public Builder directory(StructureDirectory directory) {
            this.directory = directory;
            return this;
        }

        public CertificateDoctrine build() {
            return new CertificateDoctrine(this);
        }
    }
}
