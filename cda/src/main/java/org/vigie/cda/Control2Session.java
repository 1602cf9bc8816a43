package org.vigie.cda;

import java.io.InputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.stream.XMLStreamReader;
import org.vigie.cda.internal.Control2Evaluator;
import org.vigie.core.Report;
import org.vigie.core.StructureId;

/**
 * Control 2 for one request, fed as the message is read: the submission first ({@link #readSubmission(InputStream)}
 * or {@link #readSubmission(XMLStreamReader)}), then the MTOM parts it references ({@link #pendingAttachments()},
 * {@link #readDocument(String, InputStream)}), then {@link #finish()}. Not thread-safe; one per request. Nothing is
 * kept of a document but its header's authors.
 */
public final class Control2Session {

    private final AuthorInstitutionValidator validator;
    private final StructureId vihf;
    private final Instant at;
    private XdsMetadata metadata;
    private final Map<String, CdaHeader> xopHeaders = new LinkedHashMap<>();
    /** href as written → id of the first document referencing it; normalised href → href as written. */
    private final Map<String, String> hrefDocument = new LinkedHashMap<>();
    private final Map<String, String> normalisedHref = new java.util.HashMap<>();
    private final Set<String> pending = new LinkedHashSet<>();
    private Report report;

    Control2Session(AuthorInstitutionValidator validator, StructureId vihf, Instant at) {
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
        String location = "CDA[" + docId + "]";
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
     * Evaluates every rule and returns the report (findings + occurrence table). Documents still pending are
     * {@code AI-XML} findings. Calling it again returns the same report.
     *
     * @throws IllegalStateException when no submission was read
     */
    public Report finish() {
        if (report == null) {
            report = new Control2Evaluator(validator.policy(), validator.directory().orElse(null))
                    .evaluate(metadata(), xopHeaders, vihf, at);
        }
        return report;
    }

    /** The comparison key of an href or Content-ID ({@link ContentIds#key}); as written when it is no valid cid: URL. */
    static String normalise(String href) {
        return ContentIds.key(href).orElse(href.strip());
    }
}
