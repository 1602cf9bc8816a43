package org.vigie.cda;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.vigie.core.internal.limits.HardenedStax;
import org.vigie.core.internal.limits.MeteredInputStream;

/**
 * Size limits applied while reading XDS metadata and CDA headers. Exceeding one is an {@code AI-XML} finding, never
 * an exception or an unbounded allocation. Immutable; start from {@link #defaults()} and change what you need.
 *
 * @param maxDepth           maximum element nesting (default 64)
 * @param maxAttributeLength maximum length of one attribute value, in characters (default 65 536)
 * @param maxTextLength      maximum length of one text value (slot value, name), in characters (default 65 536)
 * @param maxElements        maximum number of elements in the metadata or in one CDA header (default 200 000)
 * @param maxMetadataBytes   maximum bytes read before the end of the metadata: the SOAP envelope up to the end of
 *                           {@code SubmitObjectsRequest} (default 16 MiB); document contents are not counted
 * @param maxHeaderBytes     maximum bytes of a CDA document read before its header ends (default 4 MiB); the body
 *                           is never read, whatever its size
 * @param maxEventBytes      maximum bytes the parser may read for one event while skipping document contents
 *                           (default 1 MiB): bounds the memory a single huge attribute or text chunk could take
 */
public record XmlLimits(int maxDepth, int maxAttributeLength, int maxTextLength, int maxElements,
                        long maxMetadataBytes, long maxHeaderBytes, long maxEventBytes) {

    private static final XmlLimits DEFAULTS = new XmlLimits(64, 65_536, 65_536, 200_000,
            16L << 20, 4L << 20, 1L << 20);

    public XmlLimits {
        if (maxDepth < 4 || maxAttributeLength < 64 || maxTextLength < 64 || maxElements < 16
                || maxMetadataBytes < 1024 || maxHeaderBytes < 1024 || maxEventBytes < 1024) {
            throw new IllegalArgumentException("limits too small to read any submission: " + this.toStringOf(
                    maxDepth, maxAttributeLength, maxTextLength, maxElements, maxMetadataBytes, maxHeaderBytes,
                    maxEventBytes));
        }
    }

    private String toStringOf(Object... v) {
        return java.util.Arrays.toString(v);
    }

    /** The documented defaults. */
    public static XmlLimits defaults() {
        return DEFAULTS;
    }

    public XmlLimits withMaxDepth(int v) {
        return new XmlLimits(v, maxAttributeLength, maxTextLength, maxElements, maxMetadataBytes, maxHeaderBytes, maxEventBytes);
    }

    public XmlLimits withMaxAttributeLength(int v) {
        return new XmlLimits(maxDepth, v, maxTextLength, maxElements, maxMetadataBytes, maxHeaderBytes, maxEventBytes);
    }

    public XmlLimits withMaxTextLength(int v) {
        return new XmlLimits(maxDepth, maxAttributeLength, v, maxElements, maxMetadataBytes, maxHeaderBytes, maxEventBytes);
    }

    public XmlLimits withMaxElements(int v) {
        return new XmlLimits(maxDepth, maxAttributeLength, maxTextLength, v, maxMetadataBytes, maxHeaderBytes, maxEventBytes);
    }

    public XmlLimits withMaxMetadataBytes(long v) {
        return new XmlLimits(maxDepth, maxAttributeLength, maxTextLength, maxElements, v, maxHeaderBytes, maxEventBytes);
    }

    public XmlLimits withMaxHeaderBytes(long v) {
        return new XmlLimits(maxDepth, maxAttributeLength, maxTextLength, maxElements, maxMetadataBytes, v, maxEventBytes);
    }

    public XmlLimits withMaxEventBytes(long v) {
        return new XmlLimits(maxDepth, maxAttributeLength, maxTextLength, maxElements, maxMetadataBytes, maxHeaderBytes, v);
    }

    /** Label of the per-event allowance of {@link #openMetered}. */
    static final String EVENT = "event";

    /**
     * Core's hardened parser over {@code in} (entity references reported as events, for the readers to refuse), each
     * event of which may make the parser read at most {@link #maxEventBytes} more bytes: a huge comment, processing
     * instruction, CDATA section or attribute is refused before the parser holds it.
     */
    XMLStreamReader openMetered(MeteredInputStream in) throws XMLStreamException {
        return HardenedStax.openMetered(in, maxEventBytes, EVENT, eventMessage(maxEventBytes), true);
    }

    /**
     * {@link #openMetered(MeteredInputStream)} for a parser that reads {@code parserInput} (a {@code TextBypass}
     * over {@code in}) while the allowance is kept on {@code in}.
     */
    XMLStreamReader openMetered(MeteredInputStream in, java.io.InputStream parserInput) throws XMLStreamException {
        in.allow(maxEventBytes, EVENT, eventMessage(maxEventBytes));
        return HardenedStax.metered(HardenedStax.factory(true).createXMLStreamReader(parserInput), in, maxEventBytes,
                EVENT, eventMessage(maxEventBytes));
    }

    /**
     * What the metered parser does before each pull, for the refills of a bypass: allows one more event's bytes on
     * {@code in}. The message is made once (a refill must not allocate).
     */
    Runnable eventAllowance(MeteredInputStream in) {
        String message = eventMessage(maxEventBytes);
        return () -> in.allow(maxEventBytes, EVENT, message);
    }

    /** The one-line message of a refused event (the message of the limit's exception). */
    static String eventMessage(long eventBytes) {
        return "limite maxEventBytes dépassée : un événement XML (commentaire, instruction de traitement, section CDATA, "
                + "balise et ses attributs, texte) de plus de " + eventBytes + " octets";
    }

    /**
     * The record's text, {@code XmlLimits[maxDepth=64, ...]}, written out: a record's generated {@code toString} is
     * bootstrapped through method handles on its first call (tens of milliseconds of a cold start, issue 16), and
     * the policy profile prints these limits when they depart from the defaults.
     */
    @Override
    public String toString() {
        return "XmlLimits[maxDepth=" + maxDepth + ", maxAttributeLength=" + maxAttributeLength + ", maxTextLength="
                + maxTextLength + ", maxElements=" + maxElements + ", maxMetadataBytes=" + maxMetadataBytes
                + ", maxHeaderBytes=" + maxHeaderBytes + ", maxEventBytes=" + maxEventBytes + "]";
    }
}
