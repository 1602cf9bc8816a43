package org.vigie.core.internal.limits;

import java.io.InputStream;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * The one hardened StAX setup of Vigie (the JDK parser), shared by the XDS/CDA readers and the SOAP/MTOM reader: DTD
 * support and external entities off, every external resource refused, namespace aware, not coalescing (text comes
 * in chunks, so an inline document is streamed), the JDK's own depth and name limits set as a backstop. The JDK parser
 * has no per-token size limit: it builds a whole comment, processing instruction, CDATA section or start tag before
 * returning it. Per-token limits therefore hold <em>under</em> the parser: the bytes come through a
 * {@link MeteredInputStream} and {@link #metered} moves its allowance forward before each event, so one token can
 * never make the parser read more than the allowance.
 */
public final class HardenedStax {

    /** The JDK parser's element-depth backstop (the readers apply their own, lower, configurable limits first). */
    public static final int BACKSTOP_DEPTH = 10_000;
    /** The JDK parser's backstop for the length of one XML name (element, attribute, prefix). */
    public static final int BACKSTOP_NAME_LENGTH = 1_000;
    /** The JDK parser's backstop for the number of attributes of one element. */
    public static final int BACKSTOP_ATTRIBUTES = 10_000;

    private HardenedStax() {
    }

    /**
     * A new hardened factory (factories are cheap; create one per reader).
     *
     * @param reportEntityReferences true: an entity reference (necessarily undeclared, DTDs being off) is reported as an
     *                               {@code ENTITY_REFERENCE} event for the reader to refuse; false: the parser fails
     */
    public static XMLInputFactory factory(boolean reportEntityReferences) {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        if (reportEntityReferences) {
            f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        }
        // no DTD or schema fetched whatever the other settings (JAXP 1.5 access properties)
        setIfSupported(f, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        setIfSupported(f, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        setIfSupported(f, "jdk.xml.maxElementDepth", String.valueOf(BACKSTOP_DEPTH));
        setIfSupported(f, "jdk.xml.maxXMLNameLimit", String.valueOf(BACKSTOP_NAME_LENGTH));
        setIfSupported(f, "jdk.xml.elementAttributeLimit", String.valueOf(BACKSTOP_ATTRIBUTES));
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("ressource externe refusée : " + systemId);
        });
        return f;
    }

    /**
     * A hardened parser over {@code in} (a factory of {@link #factory(boolean)} made for this parse).
     *
     * @param in                     the bytes
     * @param reportEntityReferences see {@link #factory(boolean)}
     * @return the parser
     * @throws XMLStreamException when the parser cannot start (e.g. the first bytes are not XML)
     */
    public static XMLStreamReader open(InputStream in, boolean reportEntityReferences) throws XMLStreamException {
        return factory(reportEntityReferences).createXMLStreamReader(in);
    }

    /**
     * A hardened parser over {@code in}, every pull of which first allows {@code tokenBytes} more bytes (see
     * {@link #metered}); the first event is allowed the same.
     *
     * @param in                     the metered bytes
     * @param tokenBytes             the allowance of one event
     * @param label                  label of the refusal ({@link LimitExceededException#label()})
     * @param message                one-line message of the refusal
     * @param reportEntityReferences see {@link #factory(boolean)}
     * @return the metered parser
     * @throws XMLStreamException when the parser cannot start
     */
    public static XMLStreamReader openMetered(MeteredInputStream in, long tokenBytes, String label, Object message,
                                              boolean reportEntityReferences) throws XMLStreamException {
        in.allow(tokenBytes, label, message);
        return metered(factory(reportEntityReferences).createXMLStreamReader(in), in, tokenBytes, label, message);
    }

    /**
     * The size-limit refusal behind a parser failure (itself, a cause or a nested parser exception), if any.
     *
     * @param t the failure
     * @return the refusal, or empty when the failure is something else
     */
    public static Optional<LimitExceededException> limitOf(Throwable t) {
        return LimitExceededException.in(t);
    }

    /**
     * A short, single-line description of a parser failure, for finding messages (at most 300 characters).
     *
     * @param t the failure
     * @return its message on one line, or its class name when it has none
     */
    public static String describe(Throwable t) {
        String m = t.getMessage();
        if (m == null) {
            m = t.getClass().getSimpleName();
        }
        m = m.replace('\n', ' ').replace('\r', ' ');
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    /**
     * The value of the current start tag's attribute {@code name} in no namespace.
     *
     * @param r    a parser on a {@code START_ELEMENT}
     * @param name the attribute's local name
     * @return its value, or null when absent
     */
    public static String attribute(XMLStreamReader r, String name) {
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            String ns = r.getAttributeNamespace(i);
            if ((ns == null || ns.isEmpty()) && name.equals(r.getAttributeLocalName(i))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    private static void setIfSupported(XMLInputFactory f, String name, String value) {
        try {
            f.setProperty(name, value);
        } catch (IllegalArgumentException e) {
            // another StAX implementation: the metered stream still bounds every token
        }
    }

    /**
     * A reader whose every pull ({@code next}, {@code nextTag}, {@code getElementText}) first allows
     * {@code tokenBytes} more bytes on {@code in}, the stream the parser reads: the parser can read at most that many
     * bytes (plus its small read-ahead) to produce one event, so no single token is ever held whole beyond it. Give the
     * result to every consumer of the parser (nested readers included), so that all pulls go through it.
     */
    public static XMLStreamReader metered(XMLStreamReader r, MeteredInputStream in, long tokenBytes, String label,
                                          Object message) {
        in.allow(tokenBytes, label, message);
        return new StreamReaderDelegate(r) {
            @Override
            public int next() throws XMLStreamException {
                in.allow(tokenBytes, label, message);
                return super.next();
            }

            @Override
            public int nextTag() throws XMLStreamException {
                in.allow(tokenBytes, label, message);
                return super.nextTag();
            }

            @Override
            public String getElementText() throws XMLStreamException {
                in.allow(tokenBytes, label, message);
                return super.getElementText();
            }
        };
    }
}
