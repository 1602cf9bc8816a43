package org.vigie.cda.internal;

import java.io.InputStream;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Hardened StAX: the JDK implementation, DTD support off, external entities off, coalescing off. */
public final class SecureStax {

    private SecureStax() {
    }

    /** A new hardened factory (factories are cheap; one per parse keeps them unshared between threads). */
    public static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return f;
    }

    public static XMLStreamReader open(InputStream in) throws XMLStreamException {
        return factory().createXMLStreamReader(in);
    }

    /** The limit label when the exception (or one of its causes) is a size-limit refusal. */
    public static Optional<String> limitOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CountingInputStream.LimitExceededException l) {
                return Optional.of(l.label());
            }
            if (c instanceof XMLStreamException x && x.getNestedException() != null && x.getNestedException() != c) {
                Optional<String> o = limitOf(x.getNestedException());
                if (o.isPresent()) {
                    return o;
                }
            }
        }
        return Optional.empty();
    }

    /** A short, single-line description of a parser failure, for finding messages. */
    public static String describe(Throwable t) {
        String m = t.getMessage();
        if (m == null) {
            m = t.getClass().getSimpleName();
        }
        m = m.replace('\n', ' ').replace('\r', ' ');
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    /** Text of the current START_ELEMENT's attribute (no namespace), or null. */
    public static String attr(XMLStreamReader r, String name) {
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            String ns = r.getAttributeNamespace(i);
            if ((ns == null || ns.isEmpty()) && name.equals(r.getAttributeLocalName(i))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }
}
