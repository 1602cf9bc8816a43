package org.vigie.cda;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vigie.core.Occurrence;
import org.vigie.core.Report;
import org.vigie.core.StructureId;

/**
 * The answer of control 2 for one request ({@link AuthorInstitutionValidator#validate} or
 * {@link AuthorInstitutionValidator.Session#finish()}): the report (every finding and the table of authorInstitution
 * occurrences), what was read of the submission, the headers of the MTOM parts read, and the VIHF structure the
 * request was judged against. Immutable.
 */
public final class AuthorInstitutionValidation {

    private final Report report;
    private final XdsMetadata metadata;
    private final Map<String, CdaHeader> attachmentHeaders;
    private final StructureId vihfStructure;

    AuthorInstitutionValidation(Report report, XdsMetadata metadata, Map<String, CdaHeader> attachmentHeaders,
                                StructureId vihfStructure) {
        this.report = Objects.requireNonNull(report, "report");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.attachmentHeaders = Map.copyOf(attachmentHeaders);
        this.vihfStructure = vihfStructure;
    }

    /** This validation with another report (the same request, findings added by the one-call validation). */
    AuthorInstitutionValidation withReport(Report other) {
        return new AuthorInstitutionValidation(other, metadata, attachmentHeaders, vihfStructure);
    }

    /**
     * The report: every finding of control 2 ({@code AI-*}, {@code ID-KEY}, {@code MIME-CID}) and the occurrence table.
     *
     * @return the report
     */
    public Report report() {
        return report;
    }

    /**
     * True when the report holds no ERROR.
     *
     * @return whether control 2 accepts the request
     */
    public boolean accepted() {
        return report.accepted();
    }

    /**
     * Every authorInstitution value seen (submission set, document entries, CDA headers), in reading order.
     *
     * @return the occurrences of the report
     */
    public List<Occurrence> occurrences() {
        return report.occurrences();
    }

    /**
     * What the metadata reader found in the submission.
     *
     * @return the metadata
     */
    public XdsMetadata metadata() {
        return metadata;
    }

    /**
     * The headers read from MTOM parts, by {@code xop:Include/@href} as written.
     *
     * @return an unmodifiable map
     */
    public Map<String, CdaHeader> attachmentHeaders() {
        return attachmentHeaders;
    }

    /**
     * The VIHF's {@code Identifiant_Structure} the request was judged against.
     *
     * @return the structure, or empty when the request was validated without one ({@code AI-SAME-EJ} not evaluated)
     */
    public Optional<StructureId> vihfStructure() {
        return Optional.ofNullable(vihfStructure);
    }

    @Override
    public String toString() {
        return "AuthorInstitutionValidation" + report;
    }
}
