package org.vigie.dmp.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.vigie.core.Finding;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.internal.mime.ContentIds;
import org.vigie.core.internal.limits.HardenedStax;
import org.vigie.core.internal.limits.LimitExceededException;
import org.vigie.core.internal.limits.MeteredInputStream;
import org.vigie.core.Severity;
import org.vigie.dmp.RequestLimits;
import org.vigie.saml.SecurityHeaderTarget;

/**
 * Streams once through a DMP request (plain SOAP or MTOM, with or without a captured HTTP header block):
 * WS-Addressing Action and the VIHF Assertion from the header, the body's ProvideAndRegisterDocumentSetRequest
 * handed to the visitor, then the attachments whose Content-ID matches a pending XOP href. Memory does not grow
 * with attachment size. Unreadable input becomes {@code AI-XML} findings; the visitor's
 * {@link RequestVisitor#header} is always called exactly once. Thread-safe (no mutable state).
 */
public final class MessageReader {

    public static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    public static final String WSA = "http://www.w3.org/2005/08/addressing";
    public static final String WSA_2004 = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String SAML2 = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String XDSB = "urn:ihe:iti:xds-b:2007";
    public static final String PNR = "ProvideAndRegisterDocumentSetRequest";

    private final RequestLimits limits;
    private final boolean requireWsAddressing;
    private final XMLInputFactory xif;

    public MessageReader(RequestLimits limits) {
        this(limits, false);
    }

    /**
     * @param requireWsAddressing true: a request without {@code wsa:Action} is a {@code SOAP-ACTION} ERROR (a receiver
     *                            that requires WS-Addressing refuses it); false: a WARNING ({@code DmpPolicy} default)
     */
    public MessageReader(RequestLimits limits, boolean requireWsAddressing) {
        this.limits = limits;
        this.requireWsAddressing = requireWsAddressing;
        this.xif = hardenedFactory();
    }

    /**
     * Core's one hardened StAX factory (DTDs and external entities off, not coalescing, namespace aware); an
     * undeclared entity reference is a parse error. Per-token limits hold under it (see {@link #readEnvelope}).
     */
    public static XMLInputFactory hardenedFactory() {
        return HardenedStax.factory(false);
    }

    /** Label of the per-token limit of the envelope. */
    static final String XML_TOKEN = "xml-token";

    /** What was seen while reading (for reports and tests). */
    public record Outcome(String framing, Optional<String> soapVersion, Optional<String> action,
                          Optional<String> bodyElement, int parts, List<String> attachmentsRead,
                          List<String> attachmentsIgnored) {
    }

    /**
     * Reads the request.
     *
     * @param in          the request bytes (not closed)
     * @param contentType the HTTP Content-Type if known, else null
     * @param visitor     receives the header, the submission and the attachments
     * @param findings    receives AI-XML findings about the message itself
     */
    public Outcome read(InputStream in, String contentType, RequestVisitor visitor, Report.Builder findings) {
        State st = new State(visitor, findings);
        Framing.Framed framed;
        try {
            framed = Framing.frame(in, contentType, limits.maxHttpHeaderBytes(), limits.maxDecodedBytes(),
                    limits.maxExpansionRatio());
        } catch (Framing.FramingException e) {
            messageError(st, MESSAGE, "dmp-read", e.getMessage());
            return st.outcome("illisible");
        } catch (IOException e) {
            messageError(st, MESSAGE, "dmp-io", e.getMessage());
            return st.outcome("illisible");
        }
        if (framed.httpHeaders().containsKey("soapaction")) {
            st.httpAction = framed.httpHeaders().get("soapaction").replace("\"", "").strip();
        }
        framed.contentType().flatMap(c -> c.parameter("action")).ifPresent(a -> st.httpAction = a);
        if (framed.kind() == Framing.Kind.PLAIN) {
            Charset cs = charset(framed.contentType().flatMap(c -> c.parameter("charset")));
            readEnvelope(framed.body(), cs, st, "enveloppe SOAP");
        } else {
            readMultipart(framed, st);
        }
        st.ensureHeader("message sans en-tête SOAP lisible");
        return st.outcome(framed.description());
    }

    private void readMultipart(Framing.Framed framed, State st) {
        MimeConfig cfg = MimeConfig.custom()
                .setStrictParsing(false)
                .setMaxContentLen(-1)
                .setMaxLineLen(limits.maxPartHeaderLineLength())
                .setMaxHeaderLen(limits.maxPartHeaderLineLength())
                .setMaxHeaderCount(limits.maxPartHeaderFields())
                .build();
        MimeTokenStream ts = new MimeTokenStream(cfg);
        String boundary = framed.contentType().flatMap(c -> c.parameter("boundary")).orElse("");
        DelimiterWatch watch = new DelimiterWatch(framed.body(), ("--" + boundary + "--").getBytes(StandardCharsets.ISO_8859_1));
        try {
            ts.parseHeadless(watch, headerValue(framed.contentType().orElseThrow()));
        } catch (IllegalArgumentException e) {
            // mime4j refuses a header value holding a line break (e.g. a boundary read from a mangled first line)
            messageError(st, MTOM, "dmp-content-type-newline");
            return;
        }
        // SAAJ reads the part the start parameter names, CXF the first part: Vigie follows start, and says when they differ
        Optional<String> start = framed.contentType().flatMap(c -> c.parameter("start")).map(ContentIds::ofHeader);
        Set<String> contentIds = new HashSet<>();
        boolean rootRead = false;
        int depth = 0;
        String contentId = null;
        String partType = null;
        try {
            for (EntityState s = ts.getState(); s != EntityState.T_END_OF_STREAM; s = ts.next()) {
                switch (s) {
                    case T_START_BODYPART -> {
                        depth++;
                        contentId = null;
                        partType = null;
                        if (depth == 1 && ++st.parts > limits.maxParts()) {
                            messageError(st, MTOM, "dmp-too-many-parts", limits.maxParts());
                            return;
                        }
                    }
                    case T_END_BODYPART -> depth--;
                    case T_FIELD -> {
                        Field f = ts.getField();
                        if ("content-id".equalsIgnoreCase(f.getName())) {
                            contentId = ContentIds.ofHeader(f.getBody());
                        } else if ("content-type".equalsIgnoreCase(f.getName())) {
                            partType = f.getBody();
                        }
                    }
                    case T_BODY -> {
                        if (depth != 1) {
                            continue; // nested multipart inside a part: not an MTOM layout, ignored
                        }
                        if (contentId != null && !contentIds.add(contentId)) {
                            st.findings.add(Rules.MIME_CID, "dmp-repeated", org.vigie.core.Location.of("MTOM"),
                                    contentId, contentId);
                        }
                        if (!rootRead) {
                            boolean isRoot = start.isEmpty() || start.get().equals(contentId);
                            if (st.parts == 1 && !isRoot) {
                                st.findings.add(Rules.MIME_START, contentId == null ? "first-part-unnamed" : "first-part-not-start",
                                        org.vigie.core.Location.of("MTOM"), start.get(), start.get(),
                                        contentId == null ? "" : contentId);
                            }
                            if (!isRoot) {
                                st.ignored.add(contentId == null ? "(sans Content-ID)" : contentId);
                                continue;
                            }
                            rootRead = true;
                            // mime4j defaults the charset to US-ASCII: only an explicit charset parameter counts
                            Charset cs = charset(ContentType.parse(partType).flatMap(c -> c.parameter("charset")));
                            readEnvelope(new NonClosing(ts.getDecodedInputStream()), cs, st, "partie racine MTOM");
                            if (!st.feedingBody || st.aborted) {
                                return; // control 1 only: attachments are not needed
                            }
                            checkHrefs(st);
                        } else {
                            attachment(ts, contentId, st);
                        }
                    }
                    default -> {
                    }
                }
            }
            if (st.parts == 0) {
                messageError(st, MTOM, "dmp-no-part", framed.contentType().flatMap(c -> c.parameter("boundary")).orElse("?"));
            } else if (!rootRead) {
                st.findings.add(Rules.MIME_START, "start-not-found", org.vigie.core.Location.of("MTOM"),
                        start.orElse(""), start.orElse(""));
                st.ensureHeader("la partie racine désignée par start est introuvable");
            } else if (!watch.seen) {
                messageError(st, MTOM, "dmp-truncated", boundary);
            }
        } catch (MimeException | IOException e) {
            Optional<LimitExceededException> limit = LimitExceededException.in(e);
            if (limit.isPresent()) {
                messageError(st, MTOM, "dmp-read", limit.get().getMessage());
            } else {
                messageError(st, MTOM, "dmp-mtom-unreadable", e.getMessage());
            }
        }
    }

    /** Every pending XOP href must be a cid: URL a receiver resolves as Vigie does. */
    private static void checkHrefs(State st) {
        for (String href : st.visitor.pendingAttachments()) {
            ContentIds.problem(href).ifPresent(m -> st.findings.add(Rules.MIME_CID, "dmp-href", XOP_INCLUDE, href, m));
        }
    }

    private static String headerValue(ContentType ct) {
        StringBuilder sb = new StringBuilder(ct.mimeType());
        for (Map.Entry<String, String> e : ct.parameters().entrySet()) {
            sb.append("; ").append(e.getKey()).append("=\"").append(e.getValue().replace("\"", "\\\"")).append('"');
        }
        return sb.toString();
    }

    private void attachment(MimeTokenStream ts, String contentId, State st) throws IOException {
        if (contentId == null) {
            st.ignored.add("(sans Content-ID)");
            return;
        }
        Set<String> pending = st.visitor.pendingAttachments();
        String match = null;
        for (String href : pending) {
            if (ContentIds.matches(href, contentId)) {
                match = href;
                break;
            }
        }
        if (match == null) {
            String decodedByCxf = ContentIds.asCxfDecodes(contentId);
            for (String href : pending) {
                if (!decodedByCxf.equals(contentId) && ContentIds.ofHref(href).map(decodedByCxf::equals).orElse(false)) {
                    st.findings.add(Rules.MIME_CID, "dmp-cxf-decoded", org.vigie.core.Location.of("MTOM"), contentId,
                            contentId, href);
                } else if (ContentIds.ofHref(href).map(contentId::equalsIgnoreCase).orElse(false)) {
                    st.findings.add(Rules.MIME_CID, "dmp-case-only", org.vigie.core.Location.of("MTOM"), contentId,
                            contentId, href);
                }
            }
            st.ignored.add(contentId);
            return;
        }
        st.read.add(contentId);
        st.visitor.attachment(match, new NonClosing(ts.getDecodedInputStream()));
    }

    /** True when an XOP href ({@code cid:} URL, RFC 2392) names the Content-ID exactly (see {@link ContentIds}). */
    public static boolean hrefMatches(String href, String contentId) {
        return ContentIds.matches(href, contentId);
    }

    private static Charset charset(Optional<String> name) {
        if (name.isEmpty()) {
            return null;
        }
        try {
            return Charset.forName(name.get().strip());
        } catch (RuntimeException e) {
            return null; // unknown charset label: let the XML parser detect the encoding
        }
    }

    // ---------------------------------------------------------------- SOAP envelope, one StAX pass

    /**
     * One StAX pass over the envelope. The bytes come through a {@link MeteredInputStream} under the character decoder
     * and the parser, and every pull (ours and the submission reader's, which gets the same metered reader) allows at
     * most {@code maxXmlTokenBytes} more: one comment, PI, CDATA section or start tag is refused before the parser has
     * read it whole, wherever it sits. Inline base64 text comes in chunks (the parser is not coalescing), each chunk
     * its own event, so an inline document of any size still streams.
     */
    private void readEnvelope(InputStream raw, Charset cs, State st, String where) {
        CountingStream in = new CountingStream(raw);
        MeteredInputStream meter = new MeteredInputStream(in);
        long tokenBytes = limits.maxXmlTokenBytes();
        String tokenMessage = "limite maxXmlTokenBytes dépassée : un élément XML de " + where + " (commentaire, "
                + "instruction de traitement, section CDATA, balise et ses attributs, texte) dépasse " + tokenBytes + " octets";
        meter.allow(tokenBytes, XML_TOKEN, tokenMessage);
        st.meter = meter;
        XMLStreamReader r = null;
        try {
            // decode ourselves: the JDK parser prints "[Fatal Error]" on stderr for malformed bytes it decodes itself
            r = HardenedStax.metered(xif.createXMLStreamReader(XmlDecoding.reader(meter, cs)), meter, tokenBytes,
                    XML_TOKEN, tokenMessage);
            int ev = r.getEventType();
            while (ev != XMLStreamConstants.START_ELEMENT) {
                if (ev == XMLStreamConstants.DTD) {
                    messageError(st, org.vigie.core.Location.of(where), "dmp-doctype");
                    return;
                }
                if (ev == XMLStreamConstants.END_DOCUMENT) {
                    messageError(st, org.vigie.core.Location.of(where), "dmp-no-element", where);
                    return;
                }
                ev = r.next();
            }
            String ns = nz(r.getNamespaceURI());
            if (!"Envelope".equals(r.getLocalName()) || !(SOAP11.equals(ns) || SOAP12.equals(ns))) {
                messageError(st, org.vigie.core.Location.of(where), "dmp-not-envelope", "{" + ns + "}" + r.getLocalName());
                return;
            }
            st.soapVersion = SOAP12.equals(ns) ? "1.2" : "1.1";
            st.soapNs = ns;
            Map<String, String> envScope = declarations(r, Map.of());
            Map<String, String> envXml = xmlAttributes(r, Map.of());
            int headers = 0;
            int bodies = 0;
            boolean bodySeen = false;
            while (r.hasNext()) {
                ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String local = r.getLocalName();
                    boolean soapChild = ns.equals(r.getNamespaceURI());
                    if (soapChild && "Header".equals(local)) {
                        headers++;
                        if (bodySeen) {
                            structure(st, "header-after-body", "soap:Header");
                            skip(r, st, () -> { });
                        } else if (headers > 1) {
                            structure(st, "header-repeated", "soap:Header");
                            skip(r, st, () -> { });
                        } else {
                            readHeader(r, declarations(r, envScope), xmlAttributes(r, envXml), in, st);
                        }
                    } else if (soapChild && "Body".equals(local)) {
                        bodies++;
                        if (bodies > 1) {
                            structure(st, "body-repeated", "soap:Body");
                            skip(r, st, () -> { });
                        } else {
                            st.ensureHeader(null);
                            bodySeen = true;
                            readBody(r, st);
                        }
                    } else {
                        if (SOAP12.equals(ns) || !bodySeen) {
                            // SOAP 1.2 §5.1: Header? Body, nothing else; SOAP 1.1 §4.1 allows elements after Body only
                            structure(st, SOAP12.equals(ns) ? "envelope-child-soap12" : "envelope-child-before-body", "soap:Envelope",
                                    "{" + nz(r.getNamespaceURI()) + "}" + local);
                        }
                        skip(r, st, () -> { });
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    break; // </Envelope>
                }
            }
            if (!bodySeen) {
                messageError(st, org.vigie.core.Location.of(where), "dmp-no-body");
            } else {
                if (st.actions == 0 && st.bodyElement != null) {
                    if (st.httpAction != null && !st.httpAction.isEmpty()) {
                        // SOAP 1.2 HTTP binding: the action parameter names the operation to a stack without WS-Addressing
                        st.findings.add(Rules.SOAP_ACTION, missingAction(), "http-action-only",
                                org.vigie.core.Location.of("soap:Header"), st.httpAction, st.httpAction);
                    } else {
                        // a SOAP stack without WS-Addressing (CXF's default) dispatches on the Body's element: a warning
                        st.findings.add(Rules.SOAP_ACTION, missingAction(), "absent",
                                org.vigie.core.Location.of("soap:Header"), "");
                    }
                }
                trailing(r, st, where);
            }
        } catch (LimitExceeded e) {
            if (e.getMessage() == null) {
                st.aborted = true; // already reported by the submission reader
            } else {
                messageError(st, org.vigie.core.Location.of(where), "dmp-read", e.getMessage());
            }
        } catch (XMLStreamException e) {
            Optional<LimitExceededException> limit = limitOf(e, meter);
            st.aborted |= limit.isPresent();
            if (limit.isPresent()) {
                messageError(st, org.vigie.core.Location.of(where), "dmp-read", limit.get().getMessage());
            } else {
                messageError(st, org.vigie.core.Location.of(where), "dmp-malformed", where, position(e.getLocation()),
                        cleanMessage(e));
            }
        } catch (IOException e) {
            Optional<LimitExceededException> limit = limitOf(e, meter);
            st.aborted |= limit.isPresent();
            if (limit.isPresent()) {
                messageError(st, org.vigie.core.Location.of(where), "dmp-read", limit.get().getMessage());
            } else {
                messageError(st, org.vigie.core.Location.of(where), "dmp-unreadable", where, e.getMessage());
            }
        } catch (RuntimeException e) {
            // the JDK parser wraps some I/O and encoding failures in unchecked exceptions
            Optional<LimitExceededException> limit = limitOf(e, meter);
            st.aborted |= limit.isPresent();
            if (limit.isPresent()) {
                messageError(st, org.vigie.core.Location.of(where), "dmp-read", limit.get().getMessage());
            } else {
                messageError(st, org.vigie.core.Location.of(where), "dmp-unreadable", where,
                        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
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
    }

    private Severity missingAction() {
        return requireWsAddressing ? Severity.ERROR : Severity.WARNING;
    }

    private void readHeader(XMLStreamReader r, Map<String, String> headerScope, Map<String, String> headerXml,
                            CountingStream in, State st) throws XMLStreamException {
        Runnable guard = () -> {
            if (in.count > limits.maxSoapHeaderBytes()) {
                throw new LimitExceeded("en-tête SOAP plus grand que la limite (" + limits.maxSoapHeaderBytes() + " octets)");
            }
        };
        List<byte[]> assertions = new ArrayList<>();
        String problem = null;
        String action = null;
        int securityHeaders = 0;
        int forUltimate = 0;
        int elsewhere = 0;
        String soapNs = st.soapNs;
        String roleAttr = SecurityHeaderTarget.attributeName(soapNs);
        try {
            while (r.hasNext()) {
                int ev = r.next();
                guard.run();
                if (ev == XMLStreamConstants.END_ELEMENT) {
                    break; // </Header>
                }
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String ns = nz(r.getNamespaceURI());
                String local = r.getLocalName();
                SecurityHeaderTarget target = SecurityHeaderTarget.of(soapNs, r.getAttributeValue(soapNs, roleAttr));
                boolean wsa = WSA.equals(ns) || WSA_2004.equals(ns);
                boolean security = WSSE.equals(ns) && "Security".equals(local);
                String mu = r.getAttributeValue(soapNs, "mustUnderstand");
                if (mu != null && ("true".equals(mu.strip()) || "1".equals(mu.strip())) && !wsa && !security
                        && target != SecurityHeaderTarget.OTHER) {
                    // the ultimate receiver plays no role, ultimateReceiver and next: it must understand those blocks
                    st.findings.add(Rules.SOAP_MUST_UNDERSTAND, "not-understood", org.vigie.core.Location.of("soap:Header"),
                            "{" + ns + "}" + local, "{" + ns + "}" + local, mu.strip());
                }
                if (wsa && "Action".equals(local)) {
                    st.actions++;
                    String text = readText(r, guard).strip();
                    if (st.actions == 1) {
                        action = text;
                    } else {
                        st.findings.add(Rules.SOAP_ACTION, "repeated",
                                org.vigie.core.Location.of("soap:Header").child("wsa:Action"), text, st.actions, action, text);
                    }
                } else if (security && !target.taken()) {
                    securityHeaders++;
                    elsewhere++;
                    String role = r.getAttributeValue(soapNs, roleAttr);
                    st.findings.add(Rules.SOAP_SECURITY_ROLE, target == SecurityHeaderTarget.NEXT
                                    ? Severity.WARNING : Severity.INFO,
                            target == SecurityHeaderTarget.NEXT ? "next" : "other-node",
                            org.vigie.core.Location.of("soap:Header").child("wsse:Security"), role, role, roleAttr);
                    skip(r, st, guard);
                } else if (security) {
                    securityHeaders++;
                    forUltimate++;
                    if (target == SecurityHeaderTarget.ULTIMATE_EXPLICIT) {
                        st.findings.add(Rules.SOAP_SECURITY_ROLE, "ultimate-explicit",
                                org.vigie.core.Location.of("soap:Header").child("wsse:Security"),
                                SecurityHeaderTarget.ROLE_ULTIMATE_RECEIVER);
                    }
                    Map<String, String> secScope = declarations(r, headerScope);
                    Map<String, String> secXml = xmlAttributes(r, headerXml);
                    while (r.hasNext()) {
                        ev = r.next();
                        guard.run();
                        if (ev == XMLStreamConstants.END_ELEMENT) {
                            break; // </Security>
                        }
                        if (ev != XMLStreamConstants.START_ELEMENT) {
                            continue;
                        }
                        if (SAML2.equals(r.getNamespaceURI()) && "Assertion".equals(r.getLocalName())) {
                            SubtreeCapture.Captured c = SubtreeCapture.capture(r, secScope, secXml, limits.maxVihfBytes(), guard);
                            if (c.tooLarge()) {
                                problem = "jeton VIHF plus grand que la limite (" + limits.maxVihfBytes() + " octets)";
                            } else {
                                assertions.add(c.bytes());
                            }
                        } else {
                            skip(r, st, guard);
                        }
                    }
                } else {
                    skip(r, st, guard);
                }
            }
        } catch (LimitExceeded e) {
            st.action = action;
            st.header(List.of(), e.getMessage());
            throw e;
        }
        st.action = action;
        if (forUltimate > 1) {
            assertions.clear();
            problem = forUltimate + " en-têtes wsse:Security destinés au destinataire final : un seul est permis"
                    + " (WS-Security 1.1 §6.1 ; WSS4J refuse le message)";
        } else if (problem == null && assertions.isEmpty()) {
            problem = securityHeaders == 0 ? "aucun en-tête wsse:Security dans le message"
                    : forUltimate == 0 ? "aucun en-tête wsse:Security destiné au destinataire final (" + elsewhere
                    + " adressé(s) à un autre rôle SOAP, non lu(s))"
                    : "aucune Assertion SAML 2.0 dans l'en-tête wsse:Security";
        }
        st.header(assertions, assertions.isEmpty() ? problem : null);
    }

    private void readBody(XMLStreamReader r, State st) throws XMLStreamException {
        int children = 0;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                return; // </Body>
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String ns = nz(r.getNamespaceURI());
            String local = r.getLocalName();
            children++;
            if (st.bodyElement == null) {
                st.bodyElement = "{" + ns + "}" + local;
            } else if (children == 2) {
                structure(st, "body-several-elements", "soap:Body", "{" + ns + "}" + local, st.bodyElement);
            }
            if (XDSB.equals(ns) && PNR.equals(local) && !st.feedingBody) {
                // control 2 runs whenever the Body holds a feeding, wherever it stands among the Body's children
                st.feedingBody = true;
                st.visitor.submission(r);
                if (st.meter.tripped() != null) {
                    // a limit refused a token inside the submission: its reader reported it; nothing more is read
                    throw new LimitExceeded(null);
                }
                if (r.getEventType() != XMLStreamConstants.END_ELEMENT) {
                    // the consumer stopped early (it reported why); finish the element ourselves
                    skipRest(r);
                }
            } else {
                skip(r, st, () -> { });
            }
        }
    }

    /** After {@code </Envelope>}: only white space, comments and processing instructions may follow. */
    private static void trailing(XMLStreamReader r, State st, String where) {
        try {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    structure(st, "second-root", "soap:Envelope", "{" + nz(r.getNamespaceURI()) + "}" + r.getLocalName(), where);
                    return;
                }
                if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) && !r.isWhiteSpace()) {
                    structure(st, "trailing-text", "soap:Envelope", where);
                    return;
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            structure(st, "trailing-content", "soap:Envelope", where, e instanceof XMLStreamException x
                    ? cleanMessage(x) : e.getClass().getSimpleName());
        }
    }

    /** A SOAP-STRUCTURE finding: catalogue key {@code SOAP-STRUCTURE.name}, at a one-step location. */
    private static void structure(State st, String name, String location, Object... arguments) {
        st.findings.add(Rules.SOAP_STRUCTURE, name, org.vigie.core.Location.of(location), "", arguments);
    }

    /** The {@code xml:*} attributes in scope: the parent's, overridden by the element's own. */
    private static Map<String, String> xmlAttributes(XMLStreamReader r, Map<String, String> parent) {
        Map<String, String> m = null;
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (javax.xml.XMLConstants.XML_NS_URI.equals(r.getAttributeNamespace(i))) {
                if (m == null) {
                    m = new LinkedHashMap<>(parent);
                }
                m.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
            }
        }
        return m == null ? parent : m;
    }

    private void skip(XMLStreamReader r, State st, Runnable guard) throws XMLStreamException {
        int depth = 1;
        int max = limits.maxDepth();
        while (depth > 0) {
            int ev = r.next();
            guard.run();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if (++depth > max) {
                    throw new LimitExceeded("imbrication XML plus profonde que la limite (" + max + ")");
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static void skipRest(XMLStreamReader r) throws XMLStreamException {
        int depth = r.getEventType() == XMLStreamConstants.START_ELEMENT ? 0 : 1;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                if (depth == 0) {
                    return;
                }
                depth--;
            }
        }
    }

    private static String readText(XMLStreamReader r, Runnable guard) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int ev = r.next();
            guard.run();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) && sb.length() < 4096) {
                sb.append(r.getText());
            }
        }
        return sb.toString();
    }

    private static Map<String, String> declarations(XMLStreamReader r, Map<String, String> parent) {
        Map<String, String> m = new LinkedHashMap<>(parent);
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            m.put(nz(r.getNamespacePrefix(i)), nz(r.getNamespaceURI(i)));
        }
        return m;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The limit refusal behind a failure: in its causes, or the meter's own when the parser lost the cause. */
    private static Optional<LimitExceededException> limitOf(Throwable e, MeteredInputStream meter) {
        Optional<LimitExceededException> l = LimitExceededException.in(e);
        return l.isPresent() ? l : Optional.ofNullable(meter.tripped());
    }

    private static String position(Location l) {
        return l == null || l.getLineNumber() < 0 ? "" : " (ligne " + l.getLineNumber() + ", colonne " + l.getColumnNumber() + ")";
    }

    private static String cleanMessage(XMLStreamException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int i = m.indexOf("Message: ");
        if (i >= 0) {
            m = m.substring(i + 9);
        }
        return Framing.abbreviate(m.replace('\n', ' ').strip());
    }

    private static final org.vigie.core.Location MESSAGE = org.vigie.core.Location.of("message");
    private static final org.vigie.core.Location MTOM = org.vigie.core.Location.of("MTOM");
    private static final org.vigie.core.Location XOP_INCLUDE = org.vigie.core.Location.of("xop:Include");

    private static void messageError(State st, org.vigie.core.Location where, String name, Object... args) {
        Finding f = Finding.of(Rules.AI_XML, name, where, "", args);
        st.findings.add(f);
        st.ensureHeader("le message n'a pas pu être lu: " + f.message());
    }

    /** Per-call mutable state. */
    private static final class State {
        final RequestVisitor visitor;
        final Report.Builder findings;
        boolean headerDone;
        boolean feedingBody;
        boolean aborted;
        MeteredInputStream meter;
        String soapVersion;
        String soapNs;
        int actions;
        String action;
        String httpAction;
        String bodyElement;
        int parts;
        final List<String> read = new ArrayList<>();
        final List<String> ignored = new ArrayList<>();

        State(RequestVisitor visitor, Report.Builder findings) {
            this.visitor = visitor;
            this.findings = findings;
        }

        void header(List<byte[]> assertions, String problem) {
            if (headerDone) {
                return;
            }
            headerDone = true;
            visitor.header(new SoapHeaderInfo(Optional.ofNullable(soapVersion), effectiveAction(), assertions,
                    Optional.ofNullable(problem)));
        }

        void ensureHeader(String problem) {
            header(List.of(), problem == null ? "aucun en-tête SOAP (donc aucun jeton VIHF) dans le message" : problem);
        }

        Optional<String> effectiveAction() {
            return Optional.ofNullable(action != null && !action.isEmpty() ? action : httpAction);
        }

        Outcome outcome(String framing) {
            return new Outcome(framing, Optional.ofNullable(soapVersion), effectiveAction(),
                    Optional.ofNullable(bodyElement), parts, List.copyOf(read), List.copyOf(ignored));
        }
    }

    private static final class LimitExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(String message) {
            super(message, null, false, false);
        }
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count++;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public void close() {
            // the part stream belongs to the MIME parser
        }
    }

    /** Passes bytes through and notes whether a given delimiter (the closing MIME boundary) went by. */
    private static final class DelimiterWatch extends FilterInputStream {
        private final byte[] needle;
        private final int[] failure;
        private int matched;
        boolean seen;

        DelimiterWatch(InputStream in, byte[] needle) {
            super(in);
            this.needle = needle;
            this.failure = new int[needle.length];
            for (int i = 1, k = 0; i < needle.length; i++) {
                while (k > 0 && needle[i] != needle[k]) {
                    k = failure[k - 1];
                }
                if (needle[i] == needle[k]) {
                    k++;
                }
                failure[i] = k;
            }
        }

        private void scan(byte[] b, int off, int len) {
            if (seen) {
                return;
            }
            for (int i = off; i < off + len; i++) {
                while (matched > 0 && b[i] != needle[matched]) {
                    matched = failure[matched - 1];
                }
                if (b[i] == needle[matched]) {
                    matched++;
                    if (matched == needle.length) {
                        seen = true;
                        return;
                    }
                }
            }
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                scan(new byte[] {(byte) c}, 0, 1);
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                scan(b, off, n);
            }
            return n;
        }
    }

    /** Hides close() from consumers so that the MIME parser keeps control of the part stream. */
    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // not ours to close
        }
    }
}
