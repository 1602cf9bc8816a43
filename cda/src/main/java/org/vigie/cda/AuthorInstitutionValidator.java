package org.vigie.cda;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.xml.stream.XMLStreamReader;
import org.vigie.cda.internal.Control2Evaluator;
import org.vigie.core.Location;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.StructureDirectory;
import org.vigie.core.StructureId;

/**
 * Control 2 of DMP indirect authentication: the {@code authorInstitution} of the XDS submission set, of each document
 * entry and of each CDA header must be present ({@code AI-PRESENT}), single ({@code AI-SINGLE}), well-formed
 * ({@code AI-FORMAT}), equal to the entry's own CDA header ({@code AI-CDA-MATCH}), identical everywhere
 * ({@code AI-CONSISTENT}), geographic ({@code AI-GEOGRAPHIC}) and in the legal entity of the VIHF's structure
 * ({@code AI-SAME-EJ}); unreadable input is {@code AI-XML}, a failed check key {@code ID-KEY}.
 *
 * <pre>{@code
 * AuthorInstitutionValidator v = AuthorInstitutionValidator.builder()
 *     .policy(AuthorInstitutionPolicy.defaults())
 *     .directory(directory)            // optional
 *     .build();
 * AuthorInstitutionValidation r = v.validate(soapPart, Map.of("cid:doc1", () -> open("doc1")), vihfStructure,
 *     Instant.now());
 * if (!r.accepted()) { ... r.report().findings() ... }
 * }</pre>
 *
 * Immutable and thread-safe; nothing is read from the network. A streaming, per-request variant is
 * {@link #start(StructureId, Instant)} ({@link Session}).
 */
public final class AuthorInstitutionValidator {

    private final AuthorInstitutionPolicy policy;
    private final StructureDirectory directory;
    private final XdsMetadataReader metadataReader;
    private final CdaHeaderReader headerReader;

    private AuthorInstitutionValidator(Builder b) {
        this.policy = b.policy;
        this.directory = b.directory;
        this.metadataReader = XdsMetadataReader.builder().limits(policy.limits()).build();
        this.headerReader = CdaHeaderReader.builder().limits(policy.limits()).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public AuthorInstitutionPolicy policy() {
        return policy;
    }

    /** The directory, when one was configured. */
    public Optional<StructureDirectory> directory() {
        return Optional.ofNullable(directory);
    }

    XdsMetadataReader metadataReader() {
        return metadataReader;
    }

    CdaHeaderReader headerReader() {
        return headerReader;
    }

    /**
     * Starts checking one request whose VIHF carries {@code vihfStructure}. The session is not thread-safe: one per
     * request.
     *
     * @param vihfStructure the VIHF's {@code Identifiant_Structure}
     * @param at            evaluation instant (decides the severity of {@code AI-GEOGRAPHIC})
     * @return a new session
     */
    public Session start(StructureId vihfStructure, Instant at) {
        return new Session(this, Objects.requireNonNull(vihfStructure, "vihfStructure"), Objects.requireNonNull(at, "at"));
    }

    /**
     * Starts checking one request whose VIHF carried no readable {@code Identifiant_Structure}: {@code AI-SAME-EJ} then
     * reports an INFO "not evaluated". The session is not thread-safe: one per request.
     *
     * @param at evaluation instant (decides the severity of {@code AI-GEOGRAPHIC})
     * @return a new session
     */
    public Session start(Instant at) {
        return new Session(this, null, Objects.requireNonNull(at, "at"));
    }

    /**
     * One call: reads the submission, then each XOP attachment it references from {@code attachments}, then evaluates.
     * Keys are the {@code xop:Include/@href} values as written (e.g. {@code cid:doc1}); otherwise a key is matched
     * as {@link ContentIds} resolves it (a {@code cid:} URL %-decoded, or a bare Content-ID or {@code <doc1>} form),
     * exactly, case included. An href that is not a valid {@code cid:} URL, or that several keys match, is a
     * {@code MIME-CID} finding (the ambiguous document is not read); missing attachments become {@code AI-XML}
     * findings. The streams obtained from the suppliers are closed after reading.
     *
     * @param submission    the submission (see {@link Session#readSubmission(InputStream)}); not closed
     * @param attachments   the MTOM parts, by href or Content-ID, each opened on demand
     * @param vihfStructure the VIHF's {@code Identifiant_Structure}
     * @param at            evaluation instant
     * @return the validation
     */
    public AuthorInstitutionValidation validate(InputStream submission, Map<String, Supplier<InputStream>> attachments,
                                                StructureId vihfStructure, Instant at) {
        return run(submission, attachments, start(vihfStructure, at));
    }

    /**
     * {@link #validate(InputStream, Map, StructureId, Instant)} for a request whose VIHF carried no readable
     * {@code Identifiant_Structure} ({@code AI-SAME-EJ} reports an INFO "not evaluated").
     *
     * @param submission  the submission; not closed
     * @param attachments the MTOM parts, by href or Content-ID, each opened on demand
     * @param at          evaluation instant
     * @return the validation
     */
    public AuthorInstitutionValidation validate(InputStream submission, Map<String, Supplier<InputStream>> attachments,
                                                Instant at) {
        return run(submission, attachments, start(at));
    }

    /**
     * The former name of {@link #validate}.
     *
     * @param submission    the submission
     * @param attachments   the MTOM parts
     * @param vihfStructure the VIHF's structure, or null when unknown
     * @param at            evaluation instant
     * @return the report of the validation
     * @deprecated use {@link #validate(InputStream, Map, StructureId, Instant)} (or the overload without structure)
     *             and {@link AuthorInstitutionValidation#report()}
     */
    @Deprecated(forRemoval = true)
    public Report check(InputStream submission, Map<String, Supplier<InputStream>> attachments, StructureId vihfStructure,
                        Instant at) {
        return (vihfStructure == null ? validate(submission, attachments, at)
                : validate(submission, attachments, vihfStructure, at)).report();
    }

    private AuthorInstitutionValidation run(InputStream submission, Map<String, Supplier<InputStream>> attachments,
                                            Session s) {
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(attachments, "attachments");
        s.readSubmission(submission);
        Report.Builder mime = Report.builder();
        Location include = Location.of("xop:Include");
        for (String href : s.pendingAttachments()) {
            org.vigie.core.internal.mime.ContentIds.check(href, include).ifPresent(mime::add);
            Supplier<InputStream> sup = attachments.get(href);
            if (sup == null) {
                Optional<String> key = ContentIds.key(href);
                List<String> matching = new ArrayList<>();
                List<String> byCase = new ArrayList<>();
                for (Map.Entry<String, Supplier<InputStream>> e : attachments.entrySet()) {
                    Optional<String> k = ContentIds.key(e.getKey());
                    if (key.isPresent() && k.isPresent() && k.get().equals(key.get())) {
                        matching.add(e.getKey());
                        sup = e.getValue();
                    } else if (key.isPresent() && k.isPresent() && k.get().equalsIgnoreCase(key.get())) {
                        byCase.add(e.getKey());
                    }
                }
                if (matching.size() > 1) {
                    mime.add(Rules.MIME_CID, "cda-several", include, href, href, matching.size(),
                            String.join(", ", matching));
                    sup = null;
                } else if (matching.isEmpty() && !byCase.isEmpty()) {
                    mime.add(Rules.MIME_CID, "cda-case", include, href, href, byCase);
                }
            }
            if (sup != null) {
                try (InputStream in = sup.get()) {
                    if (in != null) {
                        s.readDocument(href, in);
                    }
                } catch (IOException e) {
                    // closing failed after reading: the header is already recorded
                }
            }
        }
        AuthorInstitutionValidation c2 = s.finish();
        Report extra = mime.build();
        if (extra.findings().isEmpty()) {
            return c2; // the session's report already names the profile
        }
        Report.Builder out = Report.builder().addAll(c2.report()).addAll(extra);
        c2.report().evaluatedAt().ifPresent(out::evaluatedAt);
        return c2.withReport(out.build());
    }

    /**
     * Control 2 for one request, fed as the message is read: the submission first ({@link #readSubmission(InputStream)}
     * or {@link #readSubmission(XMLStreamReader)}), then the MTOM parts it references ({@link #pendingAttachments()},
     * {@link #readDocument(String, InputStream)}), then {@link #finish()}. Not thread-safe; one per request. Nothing is
     * kept of a document but its header's authors.
     */
    public static final class Session {

        private final AuthorInstitutionValidator validator;
        private final StructureId vihf;
        private final Instant at;
        private XdsMetadata metadata;
        private final Map<String, CdaHeader> xopHeaders = new LinkedHashMap<>();
        /** href as written → id of the first document referencing it; normalised href → href as written. */
        private final Map<String, String> hrefDocument = new LinkedHashMap<>();
        private final Map<String, String> normalisedHref = new java.util.HashMap<>();
        private final Set<String> pending = new LinkedHashSet<>();
        private AuthorInstitutionValidation validation;

        private Session(AuthorInstitutionValidator validator, StructureId vihf, Instant at) {
            this.validator = validator;
            this.vihf = vihf;
            this.at = at;
        }

        /**
         * Reads the submission from bytes: a {@code SubmitObjectsRequest}, a {@code ProvideAndRegisterDocumentSetRequest}
         * or anything holding one (a SOAP envelope, an MTOM root part). Inline documents are decoded while parsing and
         * only their headers are read. The stream is not closed.
         *
         * @throws IllegalStateException when a submission was already read
         */
        public void readSubmission(InputStream xml) {
            Objects.requireNonNull(xml, "xml");
            ensureNoSubmission();
            metadata = validator.metadataReader().read(xml);
            index();
        }

        /**
         * Reads the submission from a reader positioned on the start element of {@code SubmitObjectsRequest} or
         * {@code ProvideAndRegisterDocumentSetRequest}; consumes it up to its end element. Create the reader with
         * coalescing off and DTD support off (as {@code XMLInputFactory.IS_COALESCING = false}): inline documents are
         * then decoded chunk by chunk; a coalescing reader would hold each inline document in memory.
         *
         * @throws IllegalStateException when a submission was already read
         * @throws IllegalArgumentException when the reader is not positioned on such a start element
         */
        public void readSubmission(XMLStreamReader reader) {
            Objects.requireNonNull(reader, "reader");
            ensureNoSubmission();
            metadata = validator.metadataReader().read(reader);
            index();
        }

        /** Indexes the XOP references once, so that each attachment is matched in constant time. */
        private void index() {
            for (XdsMetadata.DocumentContent d : metadata.documents()) {
                d.xopHref().filter(h -> !h.isEmpty()).ifPresent(h -> {
                    hrefDocument.putIfAbsent(h, d.id());
                    normalisedHref.putIfAbsent(normalise(h), h);
                    pending.add(h);
                });
            }
        }

        private void ensureNoSubmission() {
            if (metadata != null) {
                throw new IllegalStateException("submission already read in this session");
            }
        }

        /** What the metadata reader found (after {@link #readSubmission(InputStream)}). */
        public XdsMetadata metadata() {
            if (metadata == null) {
                throw new IllegalStateException("readSubmission first");
            }
            return metadata;
        }

        /** The {@code xop:Include/@href} values (as written, e.g. {@code cid:doc1}) of documents not read yet. */
        public Set<String> pendingAttachments() {
            return Collections.unmodifiableSet(new LinkedHashSet<>(pending));
        }

        /**
         * Reads the header of one MTOM part (raw CDA bytes), streamed, stopping at the end of the header. The stream is not
         * closed.
         *
         * @param xopHref the href as listed by {@link #pendingAttachments()} (a Content-ID form {@code <x>} or a value
         *                without {@code cid:} is accepted)
         * @throws IllegalArgumentException when no pending document has this href
         */
        public void readDocument(String xopHref, InputStream cdaBytes) {
            Objects.requireNonNull(xopHref, "xopHref");
            Objects.requireNonNull(cdaBytes, "cdaBytes");
            String href = pending.contains(xopHref) ? xopHref : normalisedHref.get(normalise(xopHref));
            if (href == null || !pending.contains(href)) {
                throw new IllegalArgumentException("no pending xop:Include with href " + xopHref
                        + " (pending: " + pending + ")");
            }
            String docId = hrefDocument.get(href);
            Location location = Location.of("CDA", docId);
            xopHeaders.put(href, validator.policy().readWholeAttachments()
                    ? validator.headerReader().readWholeDocument(cdaBytes, location)
                    : validator.headerReader().read(cdaBytes, location));
            pending.remove(href);
        }

        /** Headers read from MTOM parts so far, by href as written. */
        public Map<String, CdaHeader> attachmentHeaders() {
            return Collections.unmodifiableMap(xopHeaders);
        }

        /**
         * Evaluates every rule and returns the validation (its report: findings + occurrence table). Documents still
         * pending are {@code AI-XML} findings. Calling it again returns the same validation.
         *
         * @return the validation
         *
         * @throws IllegalStateException when no submission was read
         */
        public AuthorInstitutionValidation finish() {
            if (validation == null) {
                Report evaluated = new Control2Evaluator(validator.policy(), validator.directory().orElse(null))
                        .evaluate(metadata(), xopHeaders, vihf, at);
                Report.Builder named = Report.builder().profile(validator.policy().profile()).addAll(evaluated);
                evaluated.evaluatedAt().ifPresent(named::evaluatedAt);
                Report report = named.build();
                validation = new AuthorInstitutionValidation(report, metadata, xopHeaders, vihf);
            }
            return validation;
        }

        /** The comparison key of an href or Content-ID ({@link ContentIds#key}); as written when it is no valid cid: URL. */
        static String normalise(String href) {
            return ContentIds.key(href).orElse(href.strip());
        }
    }

    /** Builds validators. */
    public static final class Builder {
        private AuthorInstitutionPolicy policy = AuthorInstitutionPolicy.defaults();
        private StructureDirectory directory;

        private Builder() {
        }

        public Builder policy(AuthorInstitutionPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The FINESS directory used by {@code AI-GEOGRAPHIC} and {@code AI-SAME-EJ} (optional). */
        public Builder directory(StructureDirectory directory) {
            this.directory = directory;
            return this;
        }

        public AuthorInstitutionValidator build() {
            return new AuthorInstitutionValidator(this);
        }
    }
}
