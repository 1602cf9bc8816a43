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
import org.vigie.core.internal.limits.HardenedStax;
import org.vigie.core.Finding;
import org.vigie.core.Location;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.internal.limits.LimitExceededException;
import org.vigie.core.internal.limits.MeteredInputStream;
import org.vigie.core.internal.limits.TextBypass;

/**
 * Streams XDS.b metadata with hardened StAX: a {@code SubmitObjectsRequest} alone, inside a
 * {@code ProvideAndRegisterDocumentSetRequest}, or inside anything (a SOAP envelope) — found by element name. It keeps
 * the submission set (the RegistryPackage classified by node {@value XdsMetadata#SUBMISSION_SET_NODE}, wherever
 * the classification sits), its authors, each DocumentEntry with its id, uniqueId and authors (every slot), and each
 * {@code xds:Document}: a XOP reference is recorded, inline base64 content is decoded while it is parsed and only
 * the CDA header is read (the rest is skipped without being decoded or kept). Immutable and thread-safe.
 *
 * <p>Bad input never throws: {@link XdsMetadata#problems()} holds the {@code AI-XML} findings. What ebRIM / XDS
 * refuses is reported and still read, so that control 2 sees every author another reader might see: registry
 * objects nested in others, two objects with one id, a RegistryPackage classified neither SubmissionSet nor Folder,
 * an author attached to no object or to one of the wrong kind, a Classification without {@code classifiedObject}
 * (a WARNING when nested in its object, as the ANS examples write it), metadata elements in a foreign namespace,
 * mixed content in a {@code rim:Value}, and a scheme, node, slot name or reference that matches only loosely
 * (case, spaces, invisible characters). Authors are linked to their objects through indexes by id: the cost is
 * linear in the size of the metadata.
 */
public final class XdsMetadataReader {

    private static final Location XDS = Location.of("XDS");
    private static final String SOR = "SubmitObjectsRequest";
    private static final String PNR = "ProvideAndRegisterDocumentSetRequest";
    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    private static final String XOP_NS = "http://www.w3.org/2004/08/xop/include";
    static final String RIM_NS = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";
    static final String LCM_NS = "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0";
    static final String XDS_NS = "urn:ihe:iti:xds-b:2007";
    /** Classification node marking a RegistryPackage as a Folder. */
    static final String FOLDER_NODE = "urn:uuid:d9d542f3-6cc4-48b6-8870-ea235fbc94c2";
    /** The ebRIM elements the reader interprets by local name (their namespace is checked). */
    private static final Set<String> RIM_ELEMENTS = Set.of("RegistryObjectList", "RegistryPackage", "ExtrinsicObject",
            "Classification", "Slot", "ValueList", "Value", "ExternalIdentifier", "Association");

    private final XmlLimits limits;
    private final CdaHeaderReader cdaReader;

    private final boolean textBypass;

    private XdsMetadataReader(Builder b) {
        this.limits = b.limits;
        this.textBypass = b.textBypass;
        this.cdaReader = CdaHeaderReader.builder().limits(b.limits).textBypass(b.textBypass).build();
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
        private boolean textBypass = true;

        /**
         * Off: inline base64 and the CDA body go through the parsers' character events (the reference the
         * differential tests compare the bypass with).
         */
        Builder textBypass(boolean on) {
            this.textBypass = on;
            return this;
        }

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
        return parse(xml).result();
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

    /** A registry object (RegistryPackage or ExtrinsicObject) met anywhere in the metadata. */
    private static final class Obj {
        final String kind;
        final String id;
        final int depth;
        final EntryBuilder entry;
        final List<XdsMetadata.Author> authors = new ArrayList<>();

        Obj(String kind, String id, int depth, EntryBuilder entry) {
            this.kind = kind;
            this.id = id;
            this.depth = depth;
            this.entry = entry;
        }
    }

    private record ClassifiedAuthor(boolean submissionSetScheme, String object, Location location,
                                    XdsMetadata.Author author) {
    }

    /** What a read found, with the number of id look-ups and comparisons its matching took (for growth tests). */
    record Counted(XdsMetadata metadata, long operations, long bypassedOuter, long bypassedInner) {
    }

    /** Reads like {@link #read(InputStream)} and counts the matching operations of the result step. */
    Counted readCounted(InputStream xml) {
        Parse p = parse(xml);
        XdsMetadata md = p.result();
        return new Counted(md, p.operations, p.gate == null ? 0 : p.gate.taken(), p.innerTaken[0]);
    }

    private static final int NO_MATCH = 0;
    private static final int EXACT = 1;
    private static final int LOOSE = 2;

    /**
     * How {@code actual} compares with the expected name: exactly, only loosely (another reader ignoring case,
     * spaces, invisible characters or compatibility forms would take it for the expected one), or not at all.
     */
    static int match(String actual, String expected) {
        if (actual == null) {
            return NO_MATCH;
        }
        if (actual.equals(expected)) {
            return EXACT;
        }
        return loose(actual).equals(loose(expected)) ? LOOSE : NO_MATCH;
    }

    /**
     * The form lax readers would agree on: NFKC, without white space, invisible (format) or control characters, in
     * lower case.
     */
    static String loose(String s) {
        String n = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); ) {
            int c = n.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT) {
                continue;
            }
            b.appendCodePoint(Character.toLowerCase(c));
        }
        return b.toString();
    }

    private static String shown(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x21 || c > 0x7e) {
                b.append(String.format("<U+%04X>", c));
            } else {
                b.appendCodePoint(c);
            }
        }
        return b.toString();
    }

    private Parse parse(InputStream xml) {
        Objects.requireNonNull(xml, "xml");
        MeteredInputStream in = new MeteredInputStream(xml);
        in.limitAt(limits.maxMetadataBytes(), "metadata", "métadonnées au-delà de " + limits.maxMetadataBytes() + " octets");
        Parse p = new Parse(in);
        // inline base64 documents are taken from the bytes by the bypass while they are base64 (see TextBypass)
        Runnable allowance = limits.eventAllowance(in);
        p.gate = new TextBypass(in, Set.of("Document"), BYPASS_BUFFER, () -> {
            p.beforePull();
            allowance.run();
        });
        XMLStreamReader r = null;
        try {
            // every event bounded under the parser (a huge comment, PI, CDATA or attribute is never held whole)
            r = p.gate.track(limits.openMetered(in, p.gate));
            boolean found = false;
            int depth = 0;
            String soapNs = null; // set when the document is a SOAP envelope
            boolean inBody = false;
            while (r.hasNext() && !found) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD) {
                    p.fatal("xds-doctype-message", "");
                    return p;
                }
                if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    p.fatal("xds-entity-message", "", r.getLocalName());
                    return p;
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth > limits.maxDepth()) {
                        p.fatal("xds-depth", r.getLocalName(), limits.maxDepth());
                        return p;
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
                            p.problems.add(Finding.of(Rules.SOAP_STRUCTURE, Severity.WARNING, "cda-outside-body", XDS,
                                    local, local, depth));
                        }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            if (!found && !p.fatal) {
                p.fatal("xds-no-request", "");
            }
        } catch (XMLStreamException | RuntimeException e) {
            p.fail(e);
        } finally {
            close(r);
        }
        return p;
    }

    /** Bytes the bypass holds at most (a refill for the inline base64 text). */
    static final int BYPASS_BUFFER = 8 * 1024;

    private final class Parse {
        final MeteredInputStream in;
        TextBypass gate; // null when the caller owns the reader
        final long[] innerTaken = new long[1];
        final List<Finding> problems = new ArrayList<>();
        final List<Obj> objects = new ArrayList<>();
        final java.util.ArrayDeque<Obj> open = new java.util.ArrayDeque<>();
        final List<ClassifiedAuthor> authors = new ArrayList<>();
        final Set<String> submissionSetIds = new LinkedHashSet<>();
        final Set<String> folderIds = new LinkedHashSet<>();
        final Set<String> foreignReported = new LinkedHashSet<>();
        final List<XdsMetadata.DocumentContent> documents = new ArrayList<>();
        boolean pnr;
        boolean fatal;
        int elements;
        int submitObjectsRequests;
        long operations;

        Parse(MeteredInputStream in) {
            this.in = in;
        }

        void problem(String name, String evidence, Object... arguments) {
            problem(name, XDS, evidence, arguments);
        }

        void problem(String name, Location location, String evidence, Object... arguments) {
            problems.add(Finding.of(Rules.AI_XML, name, location, evidence, arguments));
        }

        void fatal(String name, String evidence, Object... arguments) {
            problem(name, evidence, arguments);
            fatal = true;
        }

        void fail(Throwable e) {
            Optional<LimitExceededException> limit = HardenedStax.limitOf(e);
            if (limit.isPresent()) {
                if ("metadata".equals(limit.get().label())) {
                    fatal("xds-metadata-bytes", "", limits.maxMetadataBytes());
                } else if (XmlLimits.EVENT.equals(limit.get().label())) {
                    fatal("xds-event-bytes", "", limits.maxEventBytes());
                } else {
                    fatal("xds-limit", "", limit.get().getMessage()); // a limit of the caller (SOAP reader, decoding)
                }
            } else {
                fatal("xds-unreadable", "", HardenedStax.describe(e));
            }
        }

        /** An element the reader interprets by its local name, in a namespace XDS does not give it. */
        void namespace(XMLStreamReader r, String local, String expected) {
            String ns = Objects.requireNonNullElse(r.getNamespaceURI(), "");
            if (!expected.equals(ns) && foreignReported.add("{" + ns + "}" + local)) {
                problem("xds-namespace", XDS.child(local), "{" + ns + "}" + local, local, ns, expected);
            }
        }

        /** Runs from the start element of SOR or PnR to its end element. */
        void run(XMLStreamReader r) throws XMLStreamException {
            pnr = PNR.equals(r.getLocalName());
            namespace(r, r.getLocalName(), pnr ? XDS_NS : LCM_NS);
            if (!pnr) {
                submitObjectsRequests = 1;
            }
            List<String> path = new ArrayList<>();
            path.add(r.getLocalName());
            String clsId = null;
            Location clsLoc = null;
            Boolean clsAuthor = null;         // null: not an author classification; true: SubmissionSet.author
            String clsObject = null;
            int clsDepth = -1;
            boolean clsTextReported = false;
            Map<String, List<String>> clsSlots = null;
            String slotName = null;
            StringBuilder value = null;
            int valueDepth = -1;
            boolean valueMixedReported = false;
            List<String> slotValues = null;
            while (r.hasNext()) {
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.DTD -> {
                        fatal("xds-doctype", "");
                        return;
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> {
                        fatal("xds-entity", "", r.getLocalName());
                        return;
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        String local = r.getLocalName();
                        if (path.size() + 1 > limits.maxDepth()) {
                            fatal("xds-depth", local, limits.maxDepth());
                            return;
                        }
                        if (++elements > limits.maxElements()) {
                            fatal("xds-elements", "", limits.maxElements());
                            return;
                        }
                        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
                            if (r.getAttributeValue(i).length() > limits.maxAttributeLength()) {
                                fatal("xds-attribute-length", local, r.getAttributeLocalName(i),
                                        limits.maxAttributeLength());
                                return;
                            }
                        }
                        path.add(local);
                        int d = path.size();
                        if (pnr && d == 2 && "Document".equals(local)) {
                            namespace(r, local, XDS_NS);
                            readDocument(r);
                            path.remove(path.size() - 1);
                            continue;
                        }
                        if (pnr && d == 2 && SOR.equals(local)) {
                            namespace(r, local, LCM_NS);
                            if (++submitObjectsRequests == 2) {
                                problem("xds-two-sor", "");
                            }
                        }
                        if (RIM_ELEMENTS.contains(local)) {
                            namespace(r, local, RIM_NS);
                        }
                        if (valueDepth > 0 && !valueMixedReported) {
                            valueMixedReported = true;
                            if (slotName == null) {
                                problem("xds-value-element", clsLoc == null ? XDS : clsLoc, local, local);
                            } else {
                                problem("xds-value-element-slot", clsLoc == null ? XDS : clsLoc, local, local, slotName);
                            }
                        }
                        switch (local) {
                            case "RegistryPackage", "ExtrinsicObject" -> {
                                String id = Objects.requireNonNullElse(HardenedStax.attribute(r, "id"), "");
                                Obj outer = open.peek();
                                if (outer != null) {
                                    problem("xds-nested-object", Location.of(local, id), id, local, id, outer.kind,
                                            outer.id);
                                }
                                EntryBuilder eb = "ExtrinsicObject".equals(local)
                                        ? new EntryBuilder(id, HardenedStax.attribute(r, "objectType"), HardenedStax.attribute(r, "mimeType"))
                                        : null;
                                Obj o = new Obj(local, id, d, eb);
                                objects.add(o);
                                open.push(o);
                            }
                            case "Classification" -> {
                                if (clsDepth < 0) {
                                    clsDepth = d;
                                    clsId = HardenedStax.attribute(r, "id");
                                    clsLoc = Location.of("Classification", Objects.requireNonNullElse(clsId, ""));
                                    clsTextReported = false;
                                    String scheme = HardenedStax.attribute(r, "classificationScheme");
                                    clsAuthor = null;
                                    for (String expected : List.of(XdsMetadata.DOCUMENT_ENTRY_AUTHOR_SCHEME,
                                            XdsMetadata.SUBMISSION_SET_AUTHOR_SCHEME)) {
                                        int m = match(scheme, expected);
                                        if (m != NO_MATCH) {
                                            clsAuthor = expected.equals(XdsMetadata.SUBMISSION_SET_AUTHOR_SCHEME);
                                        }
                                        if (m == LOOSE) {
                                            problem("xds-loose-scheme", clsLoc, scheme, shown(scheme), expected);
                                        }
                                    }
                                    String classified = HardenedStax.attribute(r, "classifiedObject");
                                    Obj outer = open.peek();
                                    if (classified == null && outer == null) {
                                        problem("xds-unclassified", clsLoc, "");
                                    } else if (classified == null) {
                                        // rim.xsd 3.0 requires the attribute, but the ANS's own DMP examples (TD3.3c,
                                        // TD3.3d) omit it on a nested author: every reader takes the enclosing object
                                        problems.add(Finding.of(Rules.AI_XML, Severity.WARNING, "xds-nested-unclassified",
                                                clsLoc, outer.id, outer.kind, outer.id));
                                    } else if (outer != null && !classified.equals(outer.id)) {
                                        problem("xds-nested-other-object", clsLoc, classified, outer.kind, outer.id,
                                                shown(classified));
                                    }
                                    clsObject = classified != null ? classified : outer == null ? null : outer.id;
                                    String node = HardenedStax.attribute(r, "classificationNode");
                                    for (String expected : List.of(XdsMetadata.SUBMISSION_SET_NODE, FOLDER_NODE)) {
                                        int m = match(node, expected);
                                        if (m == LOOSE) {
                                            problem("xds-loose-node", clsLoc, node, shown(node), expected);
                                        }
                                        if (m != NO_MATCH && clsObject != null) {
                                            (expected.equals(FOLDER_NODE) ? folderIds : submissionSetIds).add(clsObject);
                                        }
                                    }
                                    clsSlots = new LinkedHashMap<>();
                                }
                            }
                            case "Slot" -> {
                                if (clsDepth > 0 && d == clsDepth + 1) {
                                    slotName = Objects.requireNonNullElse(HardenedStax.attribute(r, "name"), "");
                                    if (match(slotName, "authorInstitution") == LOOSE) {
                                        problem("xds-loose-slot", clsLoc, slotName, shown(slotName));
                                        slotName = "authorInstitution";
                                    }
                                    slotValues = new ArrayList<>();
                                }
                            }
                            case "Value" -> {
                                if (valueDepth < 0) {
                                    valueDepth = d;
                                    valueMixedReported = false;
                                    if (slotValues != null) {
                                        value = new StringBuilder();
                                    }
                                }
                            }
                            case "ExternalIdentifier" -> {
                                Obj o = open.peek();
                                if (o != null && o.entry != null && XdsMetadata.DOCUMENT_ENTRY_UNIQUE_ID_SCHEME
                                        .equals(HardenedStax.attribute(r, "identificationScheme"))) {
                                    o.entry.uniqueId = Objects.requireNonNullElse(HardenedStax.attribute(r, "value"), "");
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
                                fatal("xds-slot-length", slotName, limits.maxTextLength());
                                return;
                            }
                        } else if (r.getTextLength() > limits.maxTextLength()) {
                            fatal("xds-text-length", "", limits.maxTextLength());
                            return;
                        } else if (clsDepth > 0 && valueDepth < 0 && !clsTextReported && !isBlank(r)) {
                            clsTextReported = true;
                            problem("xds-classification-text", clsLoc,
                                    new String(r.getTextCharacters(), r.getTextStart(), Math.min(r.getTextLength(), 80)));
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        String local = r.getLocalName();
                        int d = path.size();
                        switch (local) {
                            case "Value" -> {
                                if (d == valueDepth) {
                                    if (value != null) {
                                        slotValues.add(value.toString());
                                        value = null;
                                    }
                                    valueDepth = -1;
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
                                    if (clsAuthor != null) {
                                        Map<String, List<String>> slots = new LinkedHashMap<>();
                                        clsSlots.forEach((k, v) -> slots.put(k, List.copyOf(v)));
                                        authors.add(new ClassifiedAuthor(clsAuthor, clsObject == null ? "" : clsObject,
                                                clsLoc, new XdsMetadata.Author(clsId, slots)));
                                    }
                                    clsDepth = -1;
                                    clsSlots = null;
                                    clsLoc = null;
                                }
                            }
                            case "RegistryPackage", "ExtrinsicObject" -> {
                                if (!open.isEmpty() && open.peek().depth == d) {
                                    open.pop();
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
            fatal("xds-truncated", "");
        }

        /** Document contents are not metadata: from the end of SubmitObjectsRequest on, only the per-event bound holds. */
        void sorEnd() {
            if (in != null) {
                in.limitAt(Long.MAX_VALUE, "", "");
            }
        }

        void beforePull() {
            sorEnd();
        }


        /** At the start tag of xds:Document; returns at its end tag. */
        void readDocument(XMLStreamReader r) throws XMLStreamException {
            String id = Objects.requireNonNullElse(HardenedStax.attribute(r, "id"), "");
            Location loc = Location.of("Document", id);
            if (id.isEmpty()) {
                problem("xds-document-no-id", loc, "");
            }
            if (gate != null && textBypass && asciiCompatible(r) && gate.engage()) {
                try {
                    gate.skip(Base64TextStream.RAW_SPACE);
                    if (gate.engaged() && gate.run(Base64TextStream.RAW_BASE64) > 0) {
                        inline(r, new Base64TextStream(r, gate, this::beforePull), id, loc);
                        return;
                    }
                } catch (IOException e) {
                    throw new XMLStreamException("message illisible dans le contenu base64: " + HardenedStax.describe(e), e);
                }
                // not base64 from the first byte on (an element, a comment, a reference…): the parser reads on
            }
            while (true) {
                beforePull();
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (isBlank(r)) {
                            continue;
                        }
                        inline(r, new Base64TextStream(r, true, this::beforePull), id, loc);
                        return;
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        if ("Include".equals(r.getLocalName()) && XOP_NS.equals(r.getNamespaceURI())) {
                            String href = Objects.requireNonNullElse(HardenedStax.attribute(r, "href"), "");
                            if (href.isEmpty()) {
                                problem("xds-include-no-href", loc, "");
                            }
                            documents.add(new XdsMetadata.DocumentContent(id, Optional.of(href), Optional.empty()));
                        } else {
                            problem("xds-document-element", loc, "", r.getLocalName());
                        }
                        skipToEnd(r); // end of Include
                        skipToEnd(r); // end of Document
                        return;
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        problem("xds-document-empty", loc, "");
                        return;
                    }
                    case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    }
                    default -> {
                        problem("xds-document-content", loc, "");
                        skipToEnd(r);
                        return;
                    }
                }
            }
        }

        /** The document is base64 text in the element: its header is read from the decoded bytes, the rest checked. */
        void inline(XMLStreamReader r, Base64TextStream b64, String id, Location loc) throws XMLStreamException {
            CdaHeader header = cdaReader.parse(b64, Location.of("CDA", id), true, innerTaken);
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
                        extra.add(Finding.of(Rules.AI_XML, "xds-base64", loc, "", e.getMessage()));
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

        /** Finds the object a reference designates: by its exact id, else (reported as ambiguous) loosely. */
        /** {@code what} names the message: {@code AI-XML.xds-loose-ref-WHAT}. */
        Obj resolve(String ref, Map<String, Obj> byId, Map<String, List<Obj>> byLoose, Location location, String what) {
            operations++;
            Obj o = byId.get(ref);
            if (o != null) {
                return o;
            }
            operations++;
            List<Obj> near = byLoose.get(loose(ref));
            if (near != null && near.size() == 1) {
                Obj n = near.get(0);
                problem("xds-loose-ref-" + what, location, ref, shown(ref), n.kind, n.id);
                return n;
            }
            return null;
        }

        /** Links every author to its object through indexes by id: linear in the size of the metadata. */
        XdsMetadata result() {
            Map<String, Obj> byId = new java.util.HashMap<>();
            Map<String, List<Obj>> byLoose = new java.util.HashMap<>();
            for (Obj o : objects) {
                operations++;
                Obj first = byId.putIfAbsent(o.id, o);
                if (first != null && !o.id.isEmpty()) {
                    problem("xds-duplicate-id", Location.of(o.kind, o.id), o.id, o.id, first.kind, o.kind);
                }
                byLoose.computeIfAbsent(loose(o.id), k -> new ArrayList<>(1)).add(o);
            }
            List<Obj> ssPackages = new ArrayList<>();
            Set<Obj> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (String ref : submissionSetIds) {
                Obj o = resolve(ref, byId, byLoose, Location.of("SubmissionSet"), "set-node");
                if (o != null && "RegistryPackage".equals(o.kind) && seen.add(o)) {
                    ssPackages.add(o);
                }
            }
            Set<Obj> folders = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (String ref : folderIds) {
                Obj o = resolve(ref, byId, byLoose, Location.of("Folder"), "folder-node");
                if (o != null) {
                    folders.add(o);
                }
            }
            // document order of the packages classified SubmissionSet
            List<Obj> ordered = objects.stream().filter(seen::contains).toList();
            if (ordered.size() > 1) {
                problem("xds-two-sets", "", ordered.stream().map(o -> o.id).toList());
            }
            Obj ss = ordered.isEmpty() ? null : ordered.get(0);
            for (Obj o : objects) {
                if ("RegistryPackage".equals(o.kind) && !seen.contains(o) && !folders.contains(o)) {
                    problem("xds-unclassified-package", Location.of("RegistryPackage", o.id), o.id, o.id);
                }
            }
            for (ClassifiedAuthor c : authors) {
                String what = c.submissionSetScheme() ? "SubmissionSet.author" : "DocumentEntry.author";
                Obj o = c.object().isEmpty() ? null
                        : resolve(c.object(), byId, byLoose, c.location(), "author");
                if (o == null) {
                    problem("xds-author-missing-object", c.location(), c.object(), what, shown(c.object()));
                } else if (c.submissionSetScheme() && o != ss) {
                    problem("xds-author-not-set", c.location(), o.id, what, o.kind, o.id);
                } else if (!c.submissionSetScheme() && o.entry == null) {
                    problem("xds-author-not-entry", c.location(), o.id, what, o.kind, o.id);
                } else {
                    o.authors.add(c.author());
                }
            }
            Optional<XdsMetadata.SubmissionSet> set = ss == null ? Optional.empty()
                    : Optional.of(new XdsMetadata.SubmissionSet(ss.id, ss.authors));
            List<XdsMetadata.DocumentEntry> es = new ArrayList<>();
            for (Obj o : objects) {
                if (o.entry != null) {
                    EntryBuilder e = o.entry;
                    es.add(new XdsMetadata.DocumentEntry(e.id, e.uniqueId, e.objectType, e.mimeType, o.authors));
                }
            }
            return new XdsMetadata(set, es, documents, pnr, problems, !fatal);
        }
    }

    /** True when the parser decodes the bytes as UTF-8 or US-ASCII (the bypass reads bytes as ASCII characters). */
    static boolean asciiCompatible(XMLStreamReader r) {
        return utf8OrAscii(r.getEncoding(), false) && utf8OrAscii(r.getCharacterEncodingScheme(), true);
    }

    private static boolean utf8OrAscii(String encoding, boolean absentOk) {
        if (encoding == null) {
            return absentOk;
        }
        String e = encoding.trim();
        return e.equalsIgnoreCase("UTF-8") || e.equalsIgnoreCase("UTF8") || e.equalsIgnoreCase("US-ASCII")
                || e.equalsIgnoreCase("ASCII");
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
