package org.vigie.cda;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.vigie.core.internal.limits.HardenedStax;
import org.vigie.core.Finding;
import org.vigie.core.Location;
import org.vigie.core.Rules;
import org.vigie.core.internal.limits.LimitExceededException;
import org.vigie.core.internal.limits.MeteredInputStream;
import org.vigie.core.internal.limits.TextBypass;

/**
 * Reads the header of a CDA R2 document with hardened StAX and stops at its end: the first {@code component} child
 * of {@code ClinicalDocument} (the body) is never read, so the cost does not depend on the document's size. Reads
 * from raw bytes (an MTOM part), from base64 text, or (inside {@link XdsMetadataReader}) from the base64 content of
 * an {@code xds:Document} decoded as it is parsed. Immutable and thread-safe.
 *
 * <p>Bad input never throws: it yields a {@link CdaHeader} whose {@link CdaHeader#problems()} hold {@code AI-XML}
 * findings (unreadable or truncated XML, DOCTYPE, a limit of {@link XmlLimits} exceeded). The source stream is not
 * closed.
 */
public final class CdaHeaderReader {

    /** Namespace of CDA R2. */
    public static final String CDA_NS = "urn:hl7-org:v3";

    /** Read-ahead tolerated beyond {@link XmlLimits#maxHeaderBytes()} (the parser reads in blocks). */
    private static final long READ_AHEAD_SLACK = 64 * 1024;

    private final XmlLimits limits;

    private final boolean textBypass;

    private CdaHeaderReader(Builder b) {
        this.limits = b.limits;
        this.textBypass = b.textBypass;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A reader with {@link XmlLimits#defaults()}. */
    public static CdaHeaderReader withDefaults() {
        return builder().build();
    }

    public XmlLimits limits() {
        return limits;
    }

    /** Reads the header from raw CDA bytes (a file, an MTOM part). */
    public CdaHeader read(InputStream cdaBytes) {
        return read(cdaBytes, "CDA");
    }

    /**
     * Reads the header from raw CDA bytes.
     *
     * @param location prefix of finding locations, e.g. {@code CDA[DocumentME2]}
     */
    public CdaHeader read(InputStream cdaBytes, String location) {
        return read(cdaBytes, location == null ? CDA : Location.parse(location));
    }

    /**
     * Reads the header from raw CDA bytes.
     *
     * @param cdaBytes the document
     * @param location prefix of finding locations, e.g. {@code Location.of("CDA", "DocumentME2")}
     * @return the header
     */
    public CdaHeader read(InputStream cdaBytes, Location location) {
        Objects.requireNonNull(cdaBytes, "cdaBytes");
        return parse(cdaBytes, Objects.requireNonNull(location, "location"), false);
    }

    /** Reads the header from base64 text (line breaks and whitespace allowed), decoding only what the header needs. */
    public CdaHeader readBase64(InputStream base64Text, String location) {
        Objects.requireNonNull(base64Text, "base64Text");
        return parse(Base64.getMimeDecoder().wrap(new NonClosing(base64Text)),
                location == null ? CDA : Location.parse(location), false);
    }

    /** Builds {@link CdaHeaderReader}s. */
    public static final class Builder {
        private XmlLimits limits = XmlLimits.defaults();
        private boolean textBypass = true;

        /** Off: the body's text goes through the parser's events (the reference the differential tests compare with). */
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

        public CdaHeaderReader build() {
            return new CdaHeaderReader(this);
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    /**
     * Reads the header, then goes through the rest of the document without keeping it, to check that the body
     * ({@code component}, the last child of {@code ClinicalDocument} in the CDA schema) is followed by nothing but
     * the end of the document: an {@code author} (or anything else) placed after the body is schema-invalid and
     * invisible to a reader that stops at the header, so it is an {@code AI-XML} finding. Memory stays flat (each
     * event of the body is bounded by {@link XmlLimits#maxEventBytes()}, nothing is kept); time grows with the
     * document. Use it when the bytes go through anyway (inline base64 content, an MTOM part the caller drains).
     *
     * @param location prefix of finding locations, e.g. {@code CDA[DocumentME2]}
     */
    public CdaHeader readWholeDocument(InputStream cdaBytes, String location) {
        return readWholeDocument(cdaBytes, location == null ? CDA : Location.parse(location));
    }

    /**
     * {@link #readWholeDocument(InputStream, String)} with a typed location.
     *
     * @param cdaBytes the document
     * @param location prefix of finding locations, e.g. {@code Location.of("CDA", "DocumentME2")}
     * @return the header
     */
    public CdaHeader readWholeDocument(InputStream cdaBytes, Location location) {
        Objects.requireNonNull(cdaBytes, "cdaBytes");
        return parse(cdaBytes, Objects.requireNonNull(location, "location"), true);
    }

    private static final Location CDA = Location.of("CDA");

    CdaHeader parse(InputStream source, Location location, boolean wholeDocument) {
        return parse(source, location, wholeDocument, null);
    }

    /** {@code taken[0]} gets the bytes of the body's text the bypass skipped (for the tests that it engages). */
    CdaHeader parse(InputStream source, Location location, boolean wholeDocument, long[] taken) {
        MeteredInputStream in = new MeteredInputStream(source);
        in.limitAt(limits.maxHeaderBytes() + READ_AHEAD_SLACK, "header", "en-tête CDA au-delà de "
                + limits.maxHeaderBytes() + " octets sans fin d'en-tête");
        State st = new State(location);
        XMLStreamReader r = null;
        // the text of the body is skipped from the bytes while it is plain ASCII text (see TextBypass)
        TextBypass gate = new TextBypass(in, Set.of("component"), BYPASS_BUFFER, limits.eventAllowance(in));
        try {
            r = gate.track(limits.openMetered(in, gate));
            run(r, st);
            if (wholeDocument && st.bodyStarted) {
                afterHeader(r, st, in, textBypass && XdsMetadataReader.asciiCompatible(r) ? gate : null);
            }
        } catch (XMLStreamException | RuntimeException e) {
            Optional<LimitExceededException> limit = HardenedStax.limitOf(e);
            if (limit.isPresent() && "header".equals(limit.get().label())) {
                st.problem("cda-header-bytes", "", limits.maxHeaderBytes());
            } else if (limit.isPresent() && XmlLimits.EVENT.equals(limit.get().label())) {
                st.problem("cda-event-bytes", "", limits.maxEventBytes());
            } else if (limit.isPresent()) {
                st.problem("cda-limit", "", limit.get().getMessage()); // a limit of the caller (metadata, SOAP reader)
            } else {
                st.problem("cda-unreadable", "", HardenedStax.describe(e));
            }
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release beyond the parser
                }
            }
        }
        if (taken != null) {
            taken[0] += gate.taken();
        }
        if (st.currentAuthor != null) {
            st.closeAuthor();
        }
        return new CdaHeader(st.clinical, st.rootElement, st.authors, Optional.ofNullable(st.custodian),
                st.complete, in.position(), st.problems);
    }

    private static final class State {
        final Location location;
        final List<Finding> problems = new ArrayList<>();
        final List<CdaHeader.Author> authors = new ArrayList<>();
        final List<String> path = new ArrayList<>();
        boolean clinical;
        String rootElement = "";
        boolean complete;
        boolean bodyStarted;
        int idDepth = -1;
        boolean idContentReported;
        CdaHeader.OrganizationId custodian;
        // current author
        AuthorBuilder currentAuthor;
        StringBuilder nameText;

        State(Location location) {
            this.location = location;
        }

        void problem(String name, String evidence, Object... arguments) {
            problems.add(Finding.of(Rules.AI_XML, name, location, evidence, arguments));
        }

        void closeAuthor() {
            authors.add(new CdaHeader.Author(authors.size() + 1, currentAuthor.hasRo, currentAuthor.ids,
                    currentAuthor.name == null ? "" : currentAuthor.name.trim()));
            currentAuthor = null;
        }
    }

    private static final class AuthorBuilder {
        boolean hasRo;
        final List<CdaHeader.OrganizationId> ids = new ArrayList<>();
        String name;
    }

    private boolean is(List<String> path, String... names) {
        if (path.size() != names.length) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            if (!names[i].equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    private void run(XMLStreamReader r, State st) throws XMLStreamException {
        int elements = 0;
        while (r.hasNext()) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.DTD -> {
                    st.problem("cda-doctype", "");
                    return;
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> {
                    st.problem("cda-entity", "", r.getLocalName());
                    return;
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    elements++;
                    String ns = r.getNamespaceURI();
                    String local = r.getLocalName();
                    if (st.path.isEmpty() && st.rootElement.isEmpty()) {
                        st.rootElement = "{" + (ns == null ? "" : ns) + "}" + local;
                        st.clinical = CDA_NS.equals(ns) && "ClinicalDocument".equals(local);
                        if (!st.clinical) {
                            return; // not a CDA (e.g. a XAdES signature): nothing to read
                        }
                    }
                    if (st.path.size() + 1 > limits.maxDepth()) {
                        st.problem("cda-depth-header", local, limits.maxDepth());
                        return;
                    }
                    if (elements > limits.maxElements()) {
                        st.problem("cda-elements", "", limits.maxElements());
                        return;
                    }
                    for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
                        if (r.getAttributeValue(i).length() > limits.maxAttributeLength()) {
                            st.problem("cda-attribute-length", local, r.getAttributeLocalName(i),
                                    limits.maxAttributeLength());
                            return;
                        }
                    }
                    if (!CDA_NS.equals(ns) && st.path.size() < AUTHOR_PATH.size()
                            && AUTHOR_PATH.get(st.path.size()).equals(local)
                            && st.path.equals(AUTHOR_PATH.subList(0, st.path.size()))) {
                        st.problem("cda-author-namespace", local, local, ns == null ? "" : ns, CDA_NS);
                    }
                    if (st.idDepth > 0 && !st.idContentReported) {
                        st.idContentReported = true;
                        st.problem("cda-id-element", local, local);
                    }
                    st.path.add(CDA_NS.equals(ns) ? local : "{" + ns + "}" + local);
                    List<String> p = st.path;
                    if (p.size() == 2 && "component".equals(p.get(1))) {
                        st.complete = true;
                        st.bodyStarted = true;
                        return; // the body starts: stop
                    }
                    if (is(p, "ClinicalDocument", "author")) {
                        st.currentAuthor = new AuthorBuilder();
                    } else if (st.currentAuthor != null
                            && is(p, "ClinicalDocument", "author", "assignedAuthor", "representedOrganization")) {
                        st.currentAuthor.hasRo = true;
                    } else if (st.currentAuthor != null
                            && is(p, "ClinicalDocument", "author", "assignedAuthor", "representedOrganization", "id")) {
                        st.currentAuthor.ids.add(new CdaHeader.OrganizationId(HardenedStax.attribute(r, "root"),
                                HardenedStax.attribute(r, "extension"), HardenedStax.attribute(r, "nullFlavor")));
                        st.idDepth = p.size();
                        st.idContentReported = false;
                    } else if (st.currentAuthor != null && st.currentAuthor.name == null
                            && is(p, "ClinicalDocument", "author", "assignedAuthor", "representedOrganization", "name")) {
                        st.nameText = new StringBuilder();
                    } else if (st.custodian == null && is(p, "ClinicalDocument", "custodian", "assignedCustodian",
                            "representedCustodianOrganization", "id")) {
                        st.custodian = new CdaHeader.OrganizationId(HardenedStax.attribute(r, "root"),
                                HardenedStax.attribute(r, "extension"), HardenedStax.attribute(r, "nullFlavor"));
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (st.idDepth > 0 && !st.idContentReported && !blank(r)) {
                        st.idContentReported = true;
                        st.problem("cda-id-text", text(r));
                    }
                    if (st.nameText != null) {
                        st.nameText.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                        if (st.nameText.length() > limits.maxTextLength()) {
                            st.problem("cda-name-length", "", limits.maxTextLength());
                            return;
                        }
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    List<String> p = st.path;
                    if (st.nameText != null
                            && is(p, "ClinicalDocument", "author", "assignedAuthor", "representedOrganization", "name")) {
                        st.currentAuthor.name = st.nameText.toString();
                        st.nameText = null;
                    }
                    if (st.currentAuthor != null && is(p, "ClinicalDocument", "author")) {
                        st.closeAuthor();
                    }
                    if (p.size() == st.idDepth) {
                        st.idDepth = -1;
                    }
                    p.remove(p.size() - 1);
                    if (p.isEmpty()) {
                        st.complete = true;
                        return;
                    }
                }
                default -> {
                    // comments, processing instructions: ignored
                }
            }
        }
    }

    private static final List<String> AUTHOR_PATH = List.of("ClinicalDocument", "author", "assignedAuthor",
            "representedOrganization", "id");

    private static boolean blank(XMLStreamReader r) {
        char[] c = r.getTextCharacters();
        for (int i = r.getTextStart(), end = i + r.getTextLength(); i < end; i++) {
            if (!Character.isWhitespace(c[i])) {
                return false;
            }
        }
        return true;
    }

    private static String text(XMLStreamReader r) {
        return new String(r.getTextCharacters(), r.getTextStart(), Math.min(r.getTextLength(), 80));
    }

    /**
     * From the start of the body ({@code ClinicalDocument/component}) to the end of the document: skips the body
     * (depth only), then requires the end of {@code ClinicalDocument}. The header's byte bound is lifted; each pull
     * may still read at most {@link XmlLimits#maxEventBytes()} more bytes (the metered reader's allowance).
     */
    private void afterHeader(XMLStreamReader r, State st, MeteredInputStream in, TextBypass gate)
            throws XMLStreamException {
        in.limitAt(Long.MAX_VALUE, "", ""); // past the header: only the per-event allowance of the metered reader
        if (gate != null) {
            gate.pauseAfterEveryStartTag(true);
            skipText(r, gate);
        }
        int depth = 1; // inside the body component
        while (depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if (++depth + 1 > limits.maxDepth()) {
                    st.problem("cda-depth-body", r.getLocalName(), limits.maxDepth());
                    return;
                }
                if (gate != null) {
                    skipText(r, gate); // the body's text is not read: only its markup is
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                st.problem("cda-entity", "", r.getLocalName());
                return;
            }
        }
        boolean reported = false;
        int level = 0; // below ClinicalDocument, after the body
        while (r.hasNext()) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (level == 0 && !reported) {
                        reported = true;
                        st.problem("cda-element-after-body", r.getLocalName(), r.getLocalName());
                    }
                    if (++level + 1 > limits.maxDepth()) {
                        st.problem("cda-depth-document", r.getLocalName(), limits.maxDepth());
                        return;
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (level-- == 0) {
                        level = -1; // end of ClinicalDocument
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (level == 0 && !reported && !blank(r)) {
                        reported = true;
                        st.problem("cda-text-after-body", text(r));
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> {
                    st.problem("cda-entity", "", r.getLocalName());
                    return;
                }
                default -> {
                    // comments, processing instructions, white space, end of document
                }
            }
        }
    }

    /** Bytes the bypass holds at most. */
    private static final int BYPASS_BUFFER = 8 * 1024;

    /** Right after a start tag the parser delivered: skips the plain text that follows, if the bypass engages. */
    private static void skipText(XMLStreamReader r, TextBypass gate) throws XMLStreamException {
        if (gate.engage()) {
            try {
                gate.skipPlainText();
            } catch (java.io.IOException e) {
                throw new XMLStreamException(e.getMessage(), r.getLocation(), e); // as the parser reports it
            }
        }
    }

    /** Keeps a decoder wrapper from closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
    }

}
