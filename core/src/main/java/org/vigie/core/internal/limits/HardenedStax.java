package org.vigie.core.internal.limits;

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
        setIfSupported(f, "jdk.xml.maxElementDepth", String.valueOf(BACKSTOP_DEPTH));
        setIfSupported(f, "jdk.xml.maxXMLNameLimit", String.valueOf(BACKSTOP_NAME_LENGTH));
        setIfSupported(f, "jdk.xml.elementAttributeLimit", String.valueOf(BACKSTOP_ATTRIBUTES));
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("ressource externe refusée : " + systemId);
        });
        return f;
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
                                          String message) {
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
