package org.vigie.dmp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Test requests: a small ITI-41 submission around a test-kit VIHF, plain or MTOM (independent of the validators). */
final class Requests {

    static final String ITI41 = "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b";
    static final String BOUNDARY = "uuid:0aa0f2f4-vigie-test";

    private Requests() {
    }

    static String xon(String idNat) {
        return "Etablissement " + idNat + "^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^" + idNat;
    }

    static String cdaHead(String orgId) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\">"
                + "<typeId root=\"2.16.840.1.113883.1.3\" extension=\"POCD_HD000040\"/><id root=\"1.2.3\" extension=\"d\"/>"
                + "<code code=\"11488-4\" codeSystem=\"2.16.840.1.113883.6.1\"/><title>t</title>"
                + "<effectiveTime value=\"20260302093000+0100\"/><confidentialityCode code=\"N\" codeSystem=\"2.16.840.1.113883.5.25\"/>"
                + "<author><time value=\"20260302093000+0100\"/><assignedAuthor><id root=\"1.2.250.1.71.4.2.1\" extension=\"810000012345\"/>"
                + "<representedOrganization><id root=\"1.2.250.1.71.4.2.2\" extension=\"" + orgId + "\"/><name>Org</name>"
                + "</representedOrganization></assignedAuthor></author>"
                + "<component><nonXMLBody><text mediaType=\"application/pdf\" representation=\"B64\">";
    }

    static final String CDA_TAIL = "</text></nonXMLBody></component></ClinicalDocument>";

    static String cda(String orgId) {
        return cdaHead(orgId) + Base64.getEncoder().encodeToString("pdf".getBytes(StandardCharsets.US_ASCII)) + CDA_TAIL;
    }

    static String submission(String setId, String docId, String documentContent) {
        return "<xdsb:ProvideAndRegisterDocumentSetRequest xmlns:xdsb=\"urn:ihe:iti:xds-b:2007\""
                + " xmlns:lcm=\"urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0\" xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\">"
                + "<lcm:SubmitObjectsRequest><rim:RegistryObjectList>"
                + "<rim:RegistryPackage id=\"SS\">" + author("urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d", "SS", "c1", setId)
                + "<rim:Classification id=\"c2\" classificationNode=\"urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd\" classifiedObject=\"SS\"/>"
                + "</rim:RegistryPackage>"
                + "<rim:ExtrinsicObject id=\"Doc1\" mimeType=\"text/xml\" objectType=\"urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1\">"
                + author("urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d", "Doc1", "c3", docId)
                + "<rim:ExternalIdentifier id=\"e1\" identificationScheme=\"urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab\" registryObject=\"Doc1\" value=\"1.2.3.4\"/>"
                + "</rim:ExtrinsicObject>"
                + "<rim:Association id=\"a1\" associationType=\"urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember\" sourceObject=\"SS\" targetObject=\"Doc1\"/>"
                + "</rim:RegistryObjectList></lcm:SubmitObjectsRequest>"
                + "<xdsb:Document id=\"Doc1\">" + documentContent + "</xdsb:Document>"
                + "</xdsb:ProvideAndRegisterDocumentSetRequest>";
    }

    static final String XOP = "<xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"cid:doc1%40vigie\"/>";

    private static String author(String scheme, String obj, String id, String idNat) {
        return "<rim:Classification id=\"" + id + "\" classificationScheme=\"" + scheme + "\" classifiedObject=\"" + obj
                + "\" nodeRepresentation=\"\"><rim:Slot name=\"authorInstitution\"><rim:ValueList><rim:Value>"
                + xon(idNat).replace("&", "&amp;") + "</rim:Value></rim:ValueList></rim:Slot></rim:Classification>";
    }

    static String envelope(String action, String securityHeader, String body) {
        return "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Header>"
                + "<wsa:Action xmlns:wsa=\"http://www.w3.org/2005/08/addressing\">" + action + "</wsa:Action>"
                + securityHeader + "</soap:Header><soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    static String contentType() {
        return "multipart/related; type=\"application/xop+xml\"; boundary=\"" + BOUNDARY + "\"; start=\"<root@vigie>\"";
    }

    /** MTOM: root part then the attachment (its content streamed from {@code attachment}). */
    static InputStream mtom(String envelope, InputStream attachment) {
        String head = "--" + BOUNDARY + "\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"\r\n"
                + "Content-ID: <root@vigie>\r\n\r\n" + envelope + "\r\n--" + BOUNDARY
                + "\r\nContent-Type: text/xml\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <doc1@vigie>\r\n\r\n";
        String tail = "\r\n--" + BOUNDARY + "--\r\n";
        return new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)), attachment,
                new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)))));
    }

    /**
     * A CDA whose base64 PDF body is {@code bodyBytes} long, produced on the fly (never materialised): the header,
     * then base64 text generated chunk by chunk, then the tail.
     */
    static InputStream hugeCda(String orgId, long bodyBytes) {
        byte[] head = cdaHead(orgId).getBytes(StandardCharsets.UTF_8);
        byte[] tail = CDA_TAIL.getBytes(StandardCharsets.UTF_8);
        InputStream body = new InputStream() {
            private final byte[] line = ("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODkr\n")
                    .getBytes(StandardCharsets.US_ASCII);
            private long left = bodyBytes - bodyBytes % line.length;
            private int pos;

            @Override
            public int read() {
                byte[] b = new byte[1];
                return read(b, 0, 1) < 0 ? -1 : b[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = 0;
                while (n < len && left > 0) {
                    int k = (int) Math.min(Math.min(len - n, line.length - pos), left);
                    System.arraycopy(line, pos, b, off + n, k);
                    pos = (pos + k) % line.length;
                    n += k;
                    left -= k;
                }
                return n;
            }
        };
        return new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(head), body, new ByteArrayInputStream(tail))));
    }

    /** A plain SOAP request whose document is {@code cda}, base64-encoded inline while being read. */
    static InputStream inline(String securityHeader, String setId, String docId, InputStream cda) {
        String env = envelope(ITI41, securityHeader, submission(setId, docId, "@@DOC@@"));
        int at = env.indexOf("@@DOC@@");
        return new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(env.substring(0, at).getBytes(StandardCharsets.UTF_8)), base64(cda),
                new ByteArrayInputStream(env.substring(at + 7).getBytes(StandardCharsets.UTF_8)))));
    }

    /** Base64-encodes a stream on the fly, 76-character lines. */
    static InputStream base64(InputStream in) {
        return new InputStream() {
            private final Base64.Encoder enc = Base64.getMimeEncoder();
            private byte[] buf = new byte[0];
            private int pos;
            private boolean eof;

            private boolean fill() {
                if (pos < buf.length) {
                    return true;
                }
                if (eof) {
                    return false;
                }
                try {
                    byte[] raw = in.readNBytes(57 * 1024);
                    if (raw.length < 57 * 1024) {
                        eof = true;
                    }
                    if (raw.length == 0) {
                        return false;
                    }
                    buf = (new String(enc.encode(raw), StandardCharsets.US_ASCII) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                    pos = 0;
                    return true;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public int read() {
                return fill() ? buf[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(len, buf.length - pos);
                System.arraycopy(buf, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    static void drain(InputStream in) throws IOException {
        in.transferTo(java.io.OutputStream.nullOutputStream());
    }
}
