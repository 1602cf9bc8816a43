package org.vigie.dmp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Receives the parts of a request while {@link MessageReader} streams through it, in message order. */
public interface RequestVisitor {

    /** The SOAP header has been read (or found absent); called once, before the body. */
    void header(SoapHeaderInfo header);

    /**
     * The body holds a {@code ProvideAndRegisterDocumentSetRequest}: the reader is positioned on its start
     * element and the visitor must consume it up to and including its end element.
     */
    void submission(XMLStreamReader reader) throws XMLStreamException;

    /** The XOP hrefs (as written, e.g. {@code cid:doc1}) still expected as attachments. */
    Set<String> pendingAttachments();

    /** An attachment whose Content-ID matches the pending href; the stream is the decoded part content. */
    void attachment(String href, InputStream content) throws IOException;
}
