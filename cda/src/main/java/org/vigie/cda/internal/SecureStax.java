package org.vigie.cda.internal;

import java.io.InputStream;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.vigie.core.internal.limits.HardenedStax;
import org.vigie.core.internal.limits.LimitExceededException;
import org.vigie.core.internal.limits.MeteredInputStream;

/**
 * Hardened StAX for the XDS and CDA readers: core's one hardened factory ({@link HardenedStax}, entity references
 * reported as events so that the readers refuse them), fed through a {@link MeteredInputStream}.
 */
public final class SecureStax {

    private SecureStax() {
    }

    /** A new hardened factory (factories are cheap; one per parse keeps them unshared between threads). */
    public static XMLInputFactory factory() {
        return HardenedStax.factory(true);
    }

    public static XMLStreamReader open(InputStream in) throws XMLStreamException {
        return factory().createXMLStreamReader(in);
    }

    /** Label of the per-token allowance of {@link #openMetered}. */
    public static final String EVENT = "event";

    /**
     * A reader over {@code in} where each event may make the parser read at most {@code eventBytes} more bytes: a
     * huge comment, processing instruction, CDATA section or attribute is refused before the parser holds it.
     */
    public static XMLStreamReader openMetered(MeteredInputStream in, long eventBytes) throws XMLStreamException {
        in.allow(eventBytes, EVENT, eventMessage(eventBytes));
        return HardenedStax.metered(factory().createXMLStreamReader(in), in, eventBytes, EVENT, eventMessage(eventBytes));
    }

    /** The one-line message of a refused token. */
    public static String eventMessage(long eventBytes) {
        return "limite maxEventBytes dépassée : un événement XML (commentaire, instruction de traitement, section CDATA, "
                + "balise et ses attributs, texte) de plus de " + eventBytes + " octets";
    }

    /** The size-limit refusal behind the exception (itself, a cause or a nested parser exception), if any. */
    public static Optional<LimitExceededException> limitOf(Throwable t) {
        return LimitExceededException.in(t);
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
