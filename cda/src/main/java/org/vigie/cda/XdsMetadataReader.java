package org.vigie.cda;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.vigie.cda.internal.Base64TextStream;
import org.vigie.cda.internal.CountingInputStream;
import org.vigie.cda.internal.SecureStax;
import org.vigie.core.Finding;
import org.vigie.core.Rules;
import org.vigie.core.Severity;

/**
 * Streams XDS.b metadata with hardened StAX: a {@code SubmitObjectsRequest} alone, inside a
 * {@code ProvideAndRegisterDocumentSetRequest}, or inside anything (a SOAP envelope) — found by element name. It keeps
 * the submission set (the RegistryPackage classified by node {@value XdsMetadata#SUBMISSION_SET_NODE}, wherever
 * the classification sits), its authors, each DocumentEntry with its id, uniqueId and authors (every slot), and each
 * {@code xds:Document}: a XOP reference is recorded, inline base64 content is decoded while it is parsed and only
 * the CDA header is read (the rest is skipped without being decoded or kept). Immutable and thread-safe.
 *
 * <p>Bad input never throws: {@link XdsMetadata#problems()} holds the {@code AI-XML} findings.
 */
public final class XdsMetadataReader {

    private static final String SOR = "SubmitObjectsRequest";
    private static final String PNR = "ProvideAndRegisterDocumentSetRequest";
    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    private static final String XOP_NS = "http://www.w3.org/2004/08/xop/include";

    private final XmlLimits limits;
    private final CdaHeaderReader cdaReader;

    private XdsMetadataReader(Builder b) {
        this.limits = b.limits;
        this.cdaReader = CdaHeaderReader.builder().limits(b.limits).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A reader with {@link XmlLimits#defaults()}. */
    public static XdsMetadataReader withDefaults() {
        return builder().build();
    }

    /** Builds {@link XdsMetadataReader}s. */
    public static final class Builder {
        private XmlLimits limits = XmlLimits.defaults();

        private Builder() {
        }

        public Builder limits(XmlLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        public XdsMetadataReader build() {
            return new XdsMetadataReader(this);
        }
    }

    /**
     * Reads a submission from bytes: the first {@code SubmitObjectsRequest} or
     * {@code ProvideAndRegisterDocumentSetRequest} found; in a SOAP envelope, only the one that is the child of
     * {@code soap:Body} (a request in a header or nested deeper is a decoy: {@code SOAP-STRUCTURE} WARNING, ignored).
     * Reading stops at its end tag. The stream is not closed.
     */
    public XdsMetadata read(InputStream xml) {
        Objects.requireNonNull(xml, "xml");
        CountingInputStream in = new CountingInputStream(xml);
        in.limitAt(limits.maxMetadataBytes(), "metadata");
        Parse p = new Parse(in);
        XMLStreamReader r = null;
        try {
            r = SecureStax.open(in);
            boolean found = false;
            int depth = 0;
            String soapNs = null; // set when the document is a SOAP envelope
            boolean inBody = false;
            while (r.hasNext() && !found) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD) {
                    p.problem("DOCTYPE interdit dans le message", "");
                    return p.result();
                }
                if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    p.problem("référence d'entité non déclarée &" + r.getLocalName() + "; dans le message", "");
                    return p.result();
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth > limits.maxDepth()) {
                        p.problem("imbrication au-delà de " + limits.maxDepth() + " niveaux", r.getLocalName());
                        return p.result();
                    }
                    String local = r.getLocalName();
                    if (depth == 1 && "Envelope".equals(local)
                            && (SOAP11.equals(r.getNamespaceURI()) || SOAP12.equals(r.getNamespaceURI()))) {
                        soapNs = r.getNamespaceURI();
                    }
                    if (soapNs != null && depth == 2) {
                        inBody = "Body".equals(local) && soapNs.equals(r.getNamespaceURI());
                    }
                    if (SOR.equals(local) || PNR.equals(local)) {
                        if (soapNs == null || (depth == 3 && inBody)) {
                            found = true;
                            p.run(r);
                        } else {
                            // what a SOAP receiver dispatches is the Body's child: a request elsewhere is a decoy
                            p.problems.add(Finding.of(Rules.SOAP_STRUCTURE, Severity.WARNING, local + " hors du corps SOAP"
                                    + " (profondeur " + depth + ") ignoré : seul l'enfant de soap:Body est la requête",
                                    "XDS", local));
                        }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            if (!found && !p.fatal) {
                p.problem("aucun élément SubmitObjectsRequest ni ProvideAndRegisterDocumentSetRequest dans le message", "");
            }
        } catch (XMLStreamException | RuntimeException e) {
            p.fail(e);
        } finally {
            close(r);
        }
        return p.result();
    }

    /**
     * Reads a submission from a reader positioned on the start element of {@code SubmitObjectsRequest} or
     * {@code ProvideAndRegisterDocumentSetRequest}; consumes the reader up to the matching end element (or to the
     * point where the input became unreadable). Byte limits cannot apply here (the caller owns the bytes); depth,
     * element, attribute and text limits do.
     *
     * @throws IllegalArgumentException when the reader is not positioned on one of those start elements
     */
    public XdsMetadata read(XMLStreamReader reader) {
        Objects.requireNonNull(reader, "reader");
        if (reader.getEventType() != XMLStreamConstants.START_ELEMENT
                || !(SOR.equals(reader.getLocalName()) || PNR.equals(reader.getLocalName()))) {
            throw new IllegalArgumentException("the reader must be positioned on the start element of "
                    + SOR + " or " + PNR);
        }
        Parse p = new Parse(null);
        try {
            p.run(reader);
        } catch (XMLStreamException | RuntimeException e) {
            p.fail(e);
        }
        return p.result();
    }

    private static void close(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing else to release
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    private static final class EntryBuilder {
        final String id;
        final String objectType;
        final String mimeType;
        String uniqueId = "";

        EntryBuilder(String id, String objectType, String mimeType) {
            this.id = id;
            this.objectType = objectType;
            this.mimeType = mimeType;
        }
    }

    private record ClassifiedAuthor(String scheme, String object, XdsMetadata.Author author) {
    }

    private final class Parse {
        final CountingInputStream in;
        final List<Finding> problems = new ArrayList<>();
        final List<String> packages = new ArrayList<>();
        final List<EntryBuilder> entries = new ArrayList<>();
        final List<ClassifiedAuthor> authors = new ArrayList<>();
        final Set<String> submissionSetIds = new LinkedHashSet<>();
        final List<XdsMetadata.DocumentContent> documents = new ArrayList<>();
        boolean pnr;
        boolean fatal;
        int elements;

        Parse(CountingInputStream in) {
            this.in = in;
        }

        void problem(String message, String evidence) {
            problem(message, "XDS", evidence);
        }

        void problem(String message, String location, String evidence) {
            problems.add(Finding.of(Rules.AI_XML, message, location, evidence));
        }

        void fatal(String message, String evidence) {
            problem(message, evidence);
            fatal = true;
        }

        void fail(Throwable e) {
            Optional<String> limit = SecureStax.limitOf(e);
            if (limit.isPresent()) {
                if ("metadata".equals(limit.get())) {
                    fatal("métadonnées au-delà de " + limits.maxMetadataBytes() + " octets", "");
                } else {
                    fatal("un événement XML dépasse " + limits.maxEventBytes() + " octets (attribut ou texte démesuré)", "");
                }
            } else {
                fatal("soumission XDS illisible: " + SecureStax.describe(e), "");
            }
        }

        /** Runs from the start element of SOR or PnR to its end element. */
        void run(XMLStreamReader r) throws XMLStreamException {
            pnr = PNR.equals(r.getLocalName());
            List<String> path = new ArrayList<>();
            path.add(r.getLocalName());
            // context
            String currentObject = null;      // id of the enclosing RegistryPackage / ExtrinsicObject
            String currentObjectKind = null;
            int objectDepth = -1;
            String clsId = null;
            String clsScheme = null;
            String clsObject = null;
            int clsDepth = -1;
            Map<String, List<String>> clsSlots = null;
            String slotName = null;
            StringBuilder value = null;
            List<String> slotValues = null;
            while (r.hasNext()) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.DTD -> {
                        fatal("DOCTYPE interdit dans la soumission", "");
                        return;
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> {
                        fatal("référence d'entité non déclarée &" + r.getLocalName() + "; dans la soumission", "");
                        return;
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        String local = r.getLocalName();
                        if (path.size() + 1 > limits.maxDepth()) {
                            fatal("imbrication au-delà de " + limits.maxDepth() + " niveaux", local);
                            return;
                        }
                        if (++elements > limits.maxElements()) {
                            fatal("métadonnées de plus de " + limits.maxElements() + " éléments", "");
                            return;
                        }
                        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
                            if (r.getAttributeValue(i).length() > limits.maxAttributeLength()) {
                                fatal("attribut '" + r.getAttributeLocalName(i) + "' de plus de "
                                        + limits.maxAttributeLength() + " caractères", local);
                                return;
                            }
                        }
                        path.add(local);
                        int d = path.size();
                        if (pnr && d == 2 && "Document".equals(local)) {
                            readDocument(r);
                            path.remove(path.size() - 1);
                            continue;
                        }
                        switch (local) {
                            case "RegistryPackage", "ExtrinsicObject" -> {
                                if (currentObject == null) {
                                    currentObject = Objects.requireNonNullElse(SecureStax.attr(r, "id"), "");
                                    currentObjectKind = local;
                                    objectDepth = d;
                                    if ("RegistryPackage".equals(local)) {
                                        packages.add(currentObject);
                                    } else {
                                        entries.add(new EntryBuilder(currentObject, SecureStax.attr(r, "objectType"),
                                                SecureStax.attr(r, "mimeType")));
                                    }
                                }
                            }
                            case "Classification" -> {
                                if (clsDepth < 0) {
                                    clsDepth = d;
                                    clsId = SecureStax.attr(r, "id");
                                    clsScheme = SecureStax.attr(r, "classificationScheme");
                                    String classified = SecureStax.attr(r, "classifiedObject");
                                    clsObject = classified != null ? classified : currentObject;
                                    String node = SecureStax.attr(r, "classificationNode");
                                    if (XdsMetadata.SUBMISSION_SET_NODE.equals(node) && clsObject != null) {
                                        submissionSetIds.add(clsObject);
                                    }
                                    clsSlots = new LinkedHashMap<>();
                                }
                            }
                            case "Slot" -> {
                                if (clsDepth > 0 && d == clsDepth + 1) {
                                    slotName = Objects.requireNonNullElse(SecureStax.attr(r, "name"), "");
                                    slotValues = new ArrayList<>();
                                }
                            }
                            case "Value" -> {
                                if (slotValues != null) {
                                    value = new StringBuilder();
                                }
                            }
                            case "ExternalIdentifier" -> {
                                if ("ExtrinsicObject".equals(currentObjectKind) && XdsMetadata.DOCUMENT_ENTRY_UNIQUE_ID_SCHEME
                                        .equals(SecureStax.attr(r, "identificationScheme"))) {
                                    entries.get(entries.size() - 1).uniqueId =
                                            Objects.requireNonNullElse(SecureStax.attr(r, "value"), "");
                                }
                            }
                            default -> {
                            }
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (value != null) {
                            value.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                            if (value.length() > limits.maxTextLength()) {
                                fatal("valeur de slot de plus de " + limits.maxTextLength() + " caractères", slotName);
                                return;
                            }
                        } else if (r.getTextLength() > limits.maxTextLength()) {
                            fatal("texte de plus de " + limits.maxTextLength() + " caractères dans les métadonnées", "");
                            return;
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        String local = r.getLocalName();
                        int d = path.size();
                        switch (local) {
                            case "Value" -> {
                                if (value != null) {
                                    slotValues.add(value.toString());
                                    value = null;
                                }
                            }
                            case "Slot" -> {
                                if (slotValues != null && d == clsDepth + 1) {
                                    clsSlots.computeIfAbsent(slotName, k -> new ArrayList<>()).addAll(slotValues);
                                    slotValues = null;
                                    slotName = null;
                                }
                            }
                            case "Classification" -> {
                                if (d == clsDepth) {
                                    if (XdsMetadata.DOCUMENT_ENTRY_AUTHOR_SCHEME.equals(clsScheme)
                                            || XdsMetadata.SUBMISSION_SET_AUTHOR_SCHEME.equals(clsScheme)) {
                                        Map<String, List<String>> slots = new LinkedHashMap<>();
                                        clsSlots.forEach((k, v) -> slots.put(k, List.copyOf(v)));
                                        authors.add(new ClassifiedAuthor(clsScheme, clsObject == null ? "" : clsObject,
                                                new XdsMetadata.Author(clsId, slots)));
                                    }
                                    clsDepth = -1;
                                    clsSlots = null;
                                }
                            }
                            case "RegistryPackage", "ExtrinsicObject" -> {
                                if (d == objectDepth) {
                                    currentObject = null;
                                    currentObjectKind = null;
                                    objectDepth = -1;
                                }
                            }
                            default -> {
                            }
                        }
                        if (pnr && d == 2 && SOR.equals(local)) {
                            sorEnd();
                        }
                        path.remove(path.size() - 1);
                        if (path.isEmpty()) {
                            if (!pnr) {
                                sorEnd();
                            }
                            return;
                        }
                    }
                    default -> {
                    }
                }
            }
            fatal("fin de message inattendue dans la soumission", "");
        }

        void sorEnd() {
            if (in != null) {
                in.allow(limits.maxEventBytes(), "event");
            }
        }

        void beforePull() {
            if (in != null) {
                in.allow(limits.maxEventBytes(), "event");
            }
        }

        /** At the start tag of xds:Document; returns at its end tag. */
        void readDocument(XMLStreamReader r) throws XMLStreamException {
            String id = Objects.requireNonNullElse(SecureStax.attr(r, "id"), "");
            String loc = "Document[" + id + "]";
            if (id.isEmpty()) {
                problem("xds:Document sans attribut id", loc, "");
            }
            while (true) {
                beforePull();
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (isBlank(r)) {
                            continue;
                        }
                        Base64TextStream b64 = new Base64TextStream(r, true, this::beforePull);
                        CdaHeader header = cdaReader.parse(b64, "CDA[" + id + "]");
                        if (b64.outerFailure() != null) {
                            throw b64.outerFailure();
                        }
                        List<Finding> extra = new ArrayList<>();
                        if (!b64.ended()) {
                            try {
                                b64.skipRest();
                            } catch (IOException e) {
                                if (b64.outerFailure() != null) {
                                    throw b64.outerFailure();
                                }
                                if (header.problems().isEmpty()) {
                                    extra.add(Finding.of(Rules.AI_XML, "contenu base64 du document invalide: "
                                            + e.getMessage(), loc, ""));
                                }
                                skipToEnd(r);
                            }
                        }
                        if (!extra.isEmpty()) {
                            List<Finding> all = new ArrayList<>(header.problems());
                            all.addAll(extra);
                            header = new CdaHeader(header.clinicalDocument(), header.rootElement(), header.authors(),
                                    header.custodianOrganization(), header.headerComplete(), header.bytesConsumed(), all);
                        }
                        documents.add(new XdsMetadata.DocumentContent(id, Optional.empty(), Optional.of(header)));
                        return;
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        if ("Include".equals(r.getLocalName()) && XOP_NS.equals(r.getNamespaceURI())) {
                            String href = Objects.requireNonNullElse(SecureStax.attr(r, "href"), "");
                            if (href.isEmpty()) {
                                problem("xop:Include sans attribut href", loc, "");
                            }
                            documents.add(new XdsMetadata.DocumentContent(id, Optional.of(href), Optional.empty()));
                        } else {
                            problem("élément inattendu <" + r.getLocalName() + "> dans xds:Document", loc, "");
                        }
                        skipToEnd(r); // end of Include
                        skipToEnd(r); // end of Document
                        return;
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        problem("xds:Document vide", loc, "");
                        return;
                    }
                    case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    }
                    default -> {
                        problem("contenu inattendu dans xds:Document", loc, "");
                        skipToEnd(r);
                        return;
                    }
                }
            }
        }

        /** Skips to the end tag of the element the reader is in. */
        void skipToEnd(XMLStreamReader r) throws XMLStreamException {
            int depth = 1;
            while (depth > 0) {
                beforePull();
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (ev == XMLStreamConstants.ENTITY_REFERENCE || ev == XMLStreamConstants.DTD) {
                    throw new XMLStreamException("référence d'entité non déclarée &" + r.getLocalName() + ";");
                }
            }
        }

        XdsMetadata result() {
            Optional<XdsMetadata.SubmissionSet> ss = Optional.empty();
            List<String> ssPackages = packages.stream().filter(submissionSetIds::contains).toList();
            if (ssPackages.size() > 1) {
                problem("plusieurs RegistryPackage classés SubmissionSet: " + ssPackages, "");
            }
            if (!ssPackages.isEmpty()) {
                String id = ssPackages.get(0);
                List<XdsMetadata.Author> a = authors.stream()
                        .filter(c -> c.object().equals(id) && XdsMetadata.SUBMISSION_SET_AUTHOR_SCHEME.equals(c.scheme()))
                        .map(ClassifiedAuthor::author).toList();
                ss = Optional.of(new XdsMetadata.SubmissionSet(id, a));
            }
            List<XdsMetadata.DocumentEntry> es = new ArrayList<>();
            for (EntryBuilder e : entries) {
                List<XdsMetadata.Author> a = authors.stream()
                        .filter(c -> c.object().equals(e.id) && XdsMetadata.DOCUMENT_ENTRY_AUTHOR_SCHEME.equals(c.scheme()))
                        .map(ClassifiedAuthor::author).toList();
                es.add(new XdsMetadata.DocumentEntry(e.id, e.uniqueId, e.objectType, e.mimeType, a));
            }
            return new XdsMetadata(ss, es, documents, pnr, problems);
        }
    }

    private static boolean isBlank(XMLStreamReader r) {
        char[] c = r.getTextCharacters();
        for (int i = r.getTextStart(), end = i + r.getTextLength(); i < end; i++) {
            if (!Character.isWhitespace(c[i])) {
                return false;
            }
        }
        return true;
    }
}
