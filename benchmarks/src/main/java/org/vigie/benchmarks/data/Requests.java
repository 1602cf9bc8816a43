package org.vigie.benchmarks.data;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Synthetic DMP feeding requests (ITI-41 over SOAP 1.2 MTOM, as an LPS sends them): the root part holds the
 * envelope with WS-Addressing Action, the {@code wsse:Security} header with the VIHF of {@link Tokens}, and the
 * submission of {@link Submissions#xopSubmission()}; the second part is the CDA, generated as it is read.
 */
public final class Requests {

    /** MIME boundary. */
    public static final String BOUNDARY = "uuid:5a0d3c1e-vigie-benchmark";
    /** The HTTP Content-Type of the request. */
    public static final String CONTENT_TYPE = "multipart/related; type=\"application/xop+xml\"; boundary=\"" + BOUNDARY
            + "\"; start=\"<root@vigie.test>\"; start-info=\"application/soap+xml\"";

    private final byte[] head;
    private final byte[] tail;

    /** @param securityHeaderXml the {@code wsse:Security} element (without XML declaration) */
    public Requests(String securityHeaderXml) {
        String submission = new String(Submissions.xopSubmission(), StandardCharsets.UTF_8);
        String envelope = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:wsa=\"http://www.w3.org/2005/08/addressing\"><soap:Header>"
                + "<wsa:Action soap:mustUnderstand=\"true\">urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b</wsa:Action>"
                + "<wsa:MessageID>urn:uuid:6f1d1e8e-vigie-benchmark</wsa:MessageID>"
                + "<wsa:To>https://lps.dmp.test/si-dmp-server/v2/services</wsa:To>"
                + securityHeaderXml + "</soap:Header><soap:Body>" + submission + "</soap:Body></soap:Envelope>";
        String contentId = org.vigie.cda.ContentIds.ofHref(Submissions.HREF).orElseThrow(); // the one matcher's reading
        head = ("--" + BOUNDARY + "\r\n"
                + "Content-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"\r\n"
                + "Content-Transfer-Encoding: binary\r\n"
                + "Content-ID: <root@vigie.test>\r\n\r\n"
                + envelope + "\r\n--" + BOUNDARY + "\r\n"
                + "Content-Type: text/xml\r\n"
                + "Content-Transfer-Encoding: binary\r\n"
                + "Content-ID: <" + contentId + ">\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A request built on the shared {@link Tokens}. */
    public static Requests shared() {
        return new Requests(Tokens.shared().securityHeader());
    }

    /**
     * The MTOM request with a CDA attachment of this size.
     *
     * @param cdaSize bytes of the attachment
     * @return a fresh stream
     */
    public InputStream mtom(long cdaSize) {
        return new ConcatStream(ConcatStream.bytes(head), Submissions.cda(cdaSize), ConcatStream.bytes(tail));
    }

    /** Bytes of the request around the attachment. */
    public int overheadBytes() {
        return head.length + tail.length;
    }
}
