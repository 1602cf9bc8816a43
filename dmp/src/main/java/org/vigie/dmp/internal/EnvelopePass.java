package org.vigie.dmp.internal;

import org.vigie.core.internal.limits.TextIOException;
import org.vigie.core.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.vigie.core.Rules;
import org.vigie.core.internal.limits.HardenedStax;
import org.vigie.core.internal.limits.LimitExceededException;
import org.vigie.core.internal.limits.MeteredInputStream;
import org.vigie.core.Severity;
import org.vigie.dmp.RequestLimits;
import org.vigie.saml.SecurityHeaderTarget;

/**
 * The envelope pass: one StAX pass over a SOAP envelope (plain body or MTOM root part) under core's hardened factory
 * and per-token limits: the header (WS-Addressing Action, {@code mustUnderstand} blocks, the {@code wsse:Security}
 * header meant for the ultimate receiver and its Assertion, captured for control 1), the body (its
 * ProvideAndRegisterDocumentSetRequest handed to the visitor, streamed) and what follows the envelope, with the
 * {@code SOAP-*} findings of the shapes a SOAP stack reads otherwise. Thread-safe (state is per call).
 */
final class EnvelopePass {

    private final RequestLimits limits;
    private final boolean requireWsAddressing;
    private final XMLInputFactory xif;

    EnvelopePass(RequestLimits limits, boolean requireWsAddressing, XMLInputFactory xif) {
        this.limits = limits;
        this.requireWsAddressing = requireWsAddressing;
        this.xif = xif;
    }


    /**
     * One StAX pass over the envelope. The bytes come through a {@link MeteredInputStream} under the character decoder
     * and the parser, and every pull (ours and the submission reader's, which gets the same metered reader) allows at
     * most {@code maxXmlTokenBytes} more: one comment, PI, CDATA section or start tag is refused before the parser has
     * read it whole, wherever it sits. Inline base64 text comes in chunks (the parser is not coalescing), each chunk
     * its own event, so an inline document of any size still streams.
     */
    void read(InputStream raw, Charset cs, ReadState st, String where) {
        MeteredInputStream meter = new MeteredInputStream(raw); // also counts the bytes for the header bound
        long tokenBytes = limits.maxXmlTokenBytes();
        Object place = place(where);
        Messages.Text tokenMessage = Messages.text("AI-XML.dmp-token-bytes", place, tokenBytes);
        meter.allow(tokenBytes, MessageReader.XML_TOKEN, tokenMessage);
        st.meter = meter;
        XMLStreamReader r = null;
        try {
            // decode ourselves: the JDK parser prints "[Fatal Error]" on stderr for malformed bytes it decodes itself
            r = HardenedStax.metered(xif.createXMLStreamReader(XmlDecoding.reader(meter, cs)), meter, tokenBytes,
                    MessageReader.XML_TOKEN, tokenMessage);
            int ev = r.getEventType();
            while (ev != XMLStreamConstants.START_ELEMENT) {
                if (ev == XMLStreamConstants.DTD) {
                    ReadState.messageError(st, org.vigie.core.Location.of(where), "dmp-doctype");
                    return;
                }
                if (ev == XMLStreamConstants.END_DOCUMENT) {
                    ReadState.messageError(st, org.vigie.core.Location.of(where), "dmp-no-element", place);
                    return;
                }
                ev = r.next();
            }
            String ns = nz(r.getNamespaceURI());
            if (!"Envelope".equals(r.getLocalName()) || !(MessageReader.SOAP11.equals(ns) || MessageReader.SOAP12.equals(ns))) {
                ReadState.messageError(st, org.vigie.core.Location.of(where), "dmp-not-envelope", "{" + ns + "}" + r.getLocalName());
                return;
            }
            st.soapVersion = MessageReader.SOAP12.equals(ns) ? "1.2" : "1.1";
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
                            readHeader(r, declarations(r, envScope), xmlAttributes(r, envXml), meter, st);
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
                        if (MessageReader.SOAP12.equals(ns) || !bodySeen) {
                            // SOAP 1.2 §5.1: Header? Body, nothing else; SOAP 1.1 §4.1 allows elements after Body only
                            structure(st, MessageReader.SOAP12.equals(ns) ? "envelope-child-soap12" : "envelope-child-before-body", "soap:Envelope",
                                    "{" + nz(r.getNamespaceURI()) + "}" + local);
                        }
                        skip(r, st, () -> { });
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    break; // </Envelope>
                }
            }
            if (!bodySeen) {
                ReadState.messageError(st, org.vigie.core.Location.of(where), "dmp-no-body");
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
                trailing(r, st, place);
            }
        } catch (LimitExceeded e) {
            if (e.text == null) {
                st.aborted = true; // already reported by the submission reader
            } else {
                ReadState.messageError(st, org.vigie.core.Location.of(where), "dmp-read", e.text);
            }
        } catch (XMLStreamException e) {
            Optional<LimitExceededException> limit = limitOf(e, meter);
            st.aborted |= limit.isPresent();
            if (limit.isPresent()) {
                ReadState.messageError(st, org.vigie.core.Location.of(where), "dmp-read", limit.get().description());
            } else {
                ReadState.messageError(st, org.vigie.core.Location.of(where), "dmp-malformed", place, position(e.getLocation()),
                        cleanMessage(e));
            }
        } catch (IOException e) {
            Optional<LimitExceededException> limit = limitOf(e, meter);
            st.aborted |= limit.isPresent();
            if (limit.isPresent()) {
                ReadState.messageError(st, org.vigie.core.Location.of(where), "dmp-read", limit.get().description());
            } else {
                ReadState.messageError(st, org.vigie.core.Location.of(where), "dmp-unreadable", place, TextIOException.describe(e));
            }
        } catch (RuntimeException e) {
            // the JDK parser wraps some I/O and encoding failures in unchecked exceptions
            Optional<LimitExceededException> limit = limitOf(e, meter);
            st.aborted |= limit.isPresent();
            if (limit.isPresent()) {
                ReadState.messageError(st, org.vigie.core.Location.of(where), "dmp-read", limit.get().description());
            } else {
                ReadState.messageError(st, org.vigie.core.Location.of(where), "dmp-unreadable", place,
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
                            MeteredInputStream in, ReadState st) throws XMLStreamException {
        Runnable guard = () -> {
            if (in.position() > limits.maxSoapHeaderBytes()) {
                throw new LimitExceeded(Messages.text("AI-XML.dmp-soap-header-too-big", limits.maxSoapHeaderBytes()));
            }
        };
        List<byte[]> assertions = new ArrayList<>();
        Messages.Text problem = null;
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
                boolean wsa = MessageReader.WSA.equals(ns) || MessageReader.WSA_2004.equals(ns);
                boolean security = MessageReader.WSSE.equals(ns) && "Security".equals(local);
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
                        if (MessageReader.SAML2.equals(r.getNamespaceURI()) && "Assertion".equals(r.getLocalName())) {
                            SubtreeCapture.Captured c = SubtreeCapture.capture(r, secScope, secXml, limits.maxVihfBytes(), guard);
                            if (c.tooLarge()) {
                                problem = Messages.text("VIHF-XML.dmp-vihf-too-big", limits.maxVihfBytes());
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
            st.header(List.of(), e.text);
            throw e;
        }
        st.action = action;
        if (forUltimate > 1) {
            assertions.clear();
            problem = Messages.text("VIHF-XML.dmp-security-several", forUltimate);
        } else if (problem == null && assertions.isEmpty()) {
            problem = securityHeaders == 0 ? Messages.text("VIHF-XML.dmp-security-none")
                    : forUltimate == 0 ? Messages.text("VIHF-XML.dmp-security-elsewhere", elsewhere)
                    : Messages.text("VIHF-XML.dmp-security-no-assertion");
        }
        st.header(assertions, assertions.isEmpty() ? problem : null);
    }

    private void readBody(XMLStreamReader r, ReadState st) throws XMLStreamException {
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
            if (MessageReader.XDSB.equals(ns) && MessageReader.PNR.equals(local) && !st.feedingBody) {
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
    private static void trailing(XMLStreamReader r, ReadState st, Object where) {
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
    private static void structure(ReadState st, String name, String location, Object... arguments) {
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

    private void skip(XMLStreamReader r, ReadState st, Runnable guard) throws XMLStreamException {
        int depth = 1;
        int max = limits.maxDepth();
        while (depth > 0) {
            int ev = r.next();
            guard.run();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if (++depth > max) {
                    throw new LimitExceeded(Messages.text("AI-XML.dmp-too-deep", max));
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

    private static Object position(Location l) {
        return l == null || l.getLineNumber() < 0 ? ""
                : Messages.text("AI-XML.dmp-position", l.getLineNumber(), l.getColumnNumber());
    }

    /** The part read, for messages: the envelope or the MTOM root part, in the message's language. */
    private static Object place(String where) {
        return switch (where) {
            case ENVELOPE -> Messages.text("AI-XML.dmp-place-envelope");
            case MTOM_ROOT -> Messages.text("AI-XML.dmp-place-mtom-root");
            default -> where;
        };
    }

    /** Where the plain envelope is read (also its location). */
    static final String ENVELOPE = "enveloppe SOAP";
    /** Where the MTOM root part is read (also its location). */
    static final String MTOM_ROOT = "partie racine MTOM";

    private static String cleanMessage(XMLStreamException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int i = m.indexOf("Message: ");
        if (i >= 0) {
            m = m.substring(i + 9);
        }
        return Framing.abbreviate(m.replace('\n', ' ').strip());
    }

    private static final class LimitExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        /** What was refused; null when the submission reader already reported it. */
        final transient Messages.Text text;

        LimitExceeded(Messages.Text text) {
            super(text == null ? null : text.toString(), null, false, false);
            this.text = text;
        }
    }
}
