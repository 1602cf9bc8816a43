package org.vigie.cda;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.vigie.core.Finding;

/**
 * What {@link XdsMetadataReader} found in a submission: the submission set (found by its classification node), each
 * document entry, the documents of a {@code ProvideAndRegisterDocumentSetRequest} (inline or XOP) and the problems
 * met while reading ({@code AI-XML} findings). Immutable.
 *
 * @param submissionSet   the RegistryPackage classified as SubmissionSet, when found
 * @param entries         the document entries (ExtrinsicObject), in document order
 * @param documents       the {@code xds:Document} elements, in document order (empty for a bare SubmitObjectsRequest)
 * @param provideAndRegister true when the metadata sat inside a {@code ProvideAndRegisterDocumentSetRequest}
 * @param problems        {@code AI-XML} findings (unreadable input, DOCTYPE, limits, structure XDS refuses)
 * @param complete        true when the reader went through the whole submission (false when it stopped on an
 *                        unreadable input or a limit: what seems missing may then lie beyond that point)
 */
public record XdsMetadata(Optional<SubmissionSet> submissionSet, List<DocumentEntry> entries,
                          List<DocumentContent> documents, boolean provideAndRegister, List<Finding> problems,
                          boolean complete) {

    /** Metadata whose reading counts as complete when no problem is an ERROR. */
    public XdsMetadata(Optional<SubmissionSet> submissionSet, List<DocumentEntry> entries,
                       List<DocumentContent> documents, boolean provideAndRegister, List<Finding> problems) {
        this(submissionSet, entries, documents, provideAndRegister, problems,
                problems.stream().noneMatch(f -> f.severity() == org.vigie.core.Severity.ERROR));
    }

    /** Classification scheme of DocumentEntry.author. */
    public static final String DOCUMENT_ENTRY_AUTHOR_SCHEME = "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d";
    /** Classification scheme of SubmissionSet.author. */
    public static final String SUBMISSION_SET_AUTHOR_SCHEME = "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d";
    /** Classification node marking a RegistryPackage as the SubmissionSet. */
    public static final String SUBMISSION_SET_NODE = "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd";
    /** ExternalIdentifier scheme of DocumentEntry.uniqueId. */
    public static final String DOCUMENT_ENTRY_UNIQUE_ID_SCHEME = "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab";

    public XdsMetadata {
        submissionSet = Objects.requireNonNullElse(submissionSet, Optional.empty());
        entries = List.copyOf(entries);
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
    }

    /** The entry with this id, if any. */
    public Optional<DocumentEntry> entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /**
     * One author classification with every slot kept.
     *
     * @param classificationId the Classification's {@code id} (may be empty)
     * @param slots            slot name → values, in document order
     */
    public record Author(String classificationId, Map<String, List<String>> slots) {
        public Author {
            classificationId = classificationId == null ? "" : classificationId;
            slots = Map.copyOf(slots);
        }

        /** The values of the {@code authorInstitution} slot (empty when absent). */
        public List<String> institutions() {
            return slots.getOrDefault("authorInstitution", List.of());
        }

        /** Values of any slot (empty when absent). */
        public List<String> slot(String name) {
            return slots.getOrDefault(name, List.of());
        }

        /** True when the author has an {@code authorInstitution} slot (possibly empty). */
        public boolean hasInstitutionSlot() {
            return slots.containsKey("authorInstitution");
        }
    }

    /**
     * The SubmissionSet.
     *
     * @param id      the RegistryPackage id
     * @param authors its author classifications
     */
    public record SubmissionSet(String id, List<Author> authors) {
        public SubmissionSet {
            authors = List.copyOf(authors);
        }
    }

    /**
     * A DocumentEntry.
     *
     * @param id         the ExtrinsicObject id (the key of its {@code xds:Document})
     * @param uniqueId   XDSDocumentEntry.uniqueId, empty when absent
     * @param objectType the ExtrinsicObject objectType
     * @param mimeType   the ExtrinsicObject mimeType
     * @param authors    its author classifications
     */
    public record DocumentEntry(String id, String uniqueId, String objectType, String mimeType, List<Author> authors) {
        public DocumentEntry {
            uniqueId = uniqueId == null ? "" : uniqueId;
            objectType = objectType == null ? "" : objectType;
            mimeType = mimeType == null ? "" : mimeType;
            authors = List.copyOf(authors);
        }
    }

    /**
     * One {@code xds:Document} of a ProvideAndRegisterDocumentSetRequest: either a XOP reference to an MTOM part, or
     * inline base64 content whose CDA header was read while parsing.
     *
     * @param id      the Document's {@code id} attribute
     * @param xopHref the {@code xop:Include/@href} as written, when the content is an attachment
     * @param header  the CDA header read from inline content (present for inline documents)
     */
    public record DocumentContent(String id, Optional<String> xopHref, Optional<CdaHeader> header) {
        public DocumentContent {
            xopHref = Objects.requireNonNullElse(xopHref, Optional.empty());
            header = Objects.requireNonNullElse(header, Optional.empty());
        }

        /** True when the content was carried inline (base64 text). */
        public boolean inline() {
            return xopHref.isEmpty();
        }
    }
}
