package org.vigie.dmp.internal;

import org.vigie.core.internal.limits.TextIOException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import org.vigie.core.Report;
import org.vigie.core.internal.mime.ContentIds;
import org.vigie.core.internal.limits.HardenedStax;
import org.vigie.dmp.RequestLimits;

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
    private final EnvelopePass envelope;
    private final MimeWalk mime;

    public MessageReader(RequestLimits limits) {
        this(limits, false);
    }

    /**
     * @param requireWsAddressing true: a request without {@code wsa:Action} is a {@code SOAP-ACTION} ERROR (a receiver
     *                            that requires WS-Addressing refuses it); false: a WARNING ({@code DmpPolicy} default)
     */
    public MessageReader(RequestLimits limits, boolean requireWsAddressing) {
        this.limits = limits;
        this.envelope = new EnvelopePass(limits, requireWsAddressing, hardenedFactory());
        this.mime = new MimeWalk(limits, envelope);
    }

    /**
     * Core's one hardened StAX factory (DTDs and external entities off, not coalescing, namespace aware); an
     * undeclared entity reference is a parse error. Per-token limits hold under it (see {@link EnvelopePass}).
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
        ReadState st = new ReadState(visitor, findings);
        Framing.Framed framed;
        try {
            framed = Framing.frame(in, contentType, limits.maxHttpHeaderBytes(), limits.maxDecodedBytes(),
                    limits.maxExpansionRatio());
        } catch (Framing.FramingException e) {
            ReadState.messageError(st, ReadState.MESSAGE, "dmp-read", e.text());
            return st.outcome("illisible");
        } catch (IOException e) {
            ReadState.messageError(st, ReadState.MESSAGE, "dmp-io", TextIOException.describe(e));
            return st.outcome("illisible");
        }
        if (framed.httpHeaders().containsKey("soapaction")) {
            st.httpAction = framed.httpHeaders().get("soapaction").replace("\"", "").strip();
        }
        framed.contentType().flatMap(c -> c.parameter("action")).ifPresent(a -> st.httpAction = a);
        if (framed.kind() == Framing.Kind.PLAIN) {
            Charset cs = ReadState.charset(framed.contentType().flatMap(c -> c.parameter("charset")));
            envelope.read(framed.body(), cs, st, EnvelopePass.ENVELOPE);
        } else {
            mime.walk(framed, st);
        }
        st.ensureHeader(org.vigie.core.Messages.text("VIHF-XML.dmp-no-readable-header"));
        return st.outcome(framed.description());
    }

    /** True when an XOP href ({@code cid:} URL, RFC 2392) names the Content-ID exactly (see {@link ContentIds}). */
    public static boolean hrefMatches(String href, String contentId) {
        return ContentIds.matches(href, contentId);
    }
}
