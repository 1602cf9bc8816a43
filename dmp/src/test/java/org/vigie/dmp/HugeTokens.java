package org.vigie.dmp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterInputStream;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.TestPki;
import org.vigie.testkit.VihfBuilder;

/**
 * Valid plain-SOAP ITI-41 requests of the test kit (a VIHF, a submission, one inline base64 CDA) with one huge XML
 * token injected at a chosen place, the token produced on the fly by a stream (never materialised): a comment, a
 * processing instruction, a CDATA section or an attribute value of {@code size} filler bytes.
 */
final class HugeTokens {

    /** What the huge token is. */
    enum Kind { COMMENT, PI, CDATA, ATTRIBUTE }

    /** Where it goes. */
    enum Where {
        /** in the SOAP header, before wsa:Action (attribute: on soap:Header) */
        SOAP_HEADER,
        /** inside the VIHF Assertion (attribute: on the Assertion) */
        ASSERTION,
        /** in the XDS metadata, in the RegistryObjectList (attribute: on the submission set RegistryPackage) */
        METADATA,
        /** inside xds:Document, before the base64 text (attribute: on xds:Document) */
        DOCUMENT_ELEMENT,
        /** inside the inline CDA itself (base64-encoded with it), in its header's title (attribute: on title) */
        INLINE_CDA,
        /** after the SOAP Body (attribute: on an element after the Body) */
        AFTER_BODY
    }

    static final String ID = "1750712184";
    static final long MIB_300 = 300L << 20;

    private HugeTokens() {
    }

    static String securityHeader(TestPki pki, Instant at) {
        OrgCredential sign = pki.signature(ID);
        return VihfBuilder.indirect(sign).at(at.minusSeconds(30)).secteurActivite("SA01").toSecurityHeaderXml()
                .replaceFirst("^<\\?xml[^>]*\\?>", "");
    }

    /** The request with the token; {@code size} filler bytes ({@code 'A'}) inside it. */
    static InputStream request(String securityHeader, Where where, Kind kind, long size) {
        if (where == Where.INLINE_CDA) {
            String cda = Requests.cda(ID);
            String[] cut = split(cda, kind, "<title", "<title>".length());
            InputStream doc = concat(bytes(cut[0]), filler(size), bytes(cut[1]));
            return Requests.inline(securityHeader, ID, ID, doc);
        }
        String b64 = Base64.getEncoder().encodeToString(Requests.cda(ID).getBytes(StandardCharsets.UTF_8));
        String env = Requests.envelope(Requests.ITI41, securityHeader, Requests.submission(ID, ID, b64));
        String[] cut = switch (where) {
            case SOAP_HEADER -> split(env, kind, "<soap:Header", "<soap:Header>".length());
            case ASSERTION -> {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("<(\\w+:)?Assertion\\s").matcher(env);
                if (!m.find()) {
                    throw new IllegalStateException("no Assertion");
                }
                int end = env.indexOf('>', m.end()) + 1;
                yield kind == Kind.ATTRIBUTE ? attribute(env, m.end() - 1) : around(env, end, kind);
            }
            case METADATA -> split(env, kind, "<rim:RegistryPackage", 0);
            case DOCUMENT_ELEMENT -> split(env, kind, "<xdsb:Document", "<xdsb:Document id=\"Doc1\">".length());
            case AFTER_BODY -> kind == Kind.ATTRIBUTE
                    ? attribute(env.replace("</soap:Body>", "</soap:Body><soap:After/>"),
                    env.indexOf("</soap:Body>") + "</soap:Body><soap:After".length())
                    : around(env, env.indexOf("</soap:Body>") + "</soap:Body>".length(), kind);
            default -> throw new IllegalArgumentException(where.toString());
        };
        return concat(bytes(cut[0]), filler(size), bytes(cut[1]));
    }

    /**
     * Splits around the token: for an attribute, inside the start tag beginning with {@code tag}; otherwise at
     * {@code offset} characters after the beginning of that start tag (0: just before the tag).
     */
    private static String[] split(String doc, Kind kind, String tag, int offset) {
        int start = doc.indexOf(tag);
        if (start < 0) {
            throw new IllegalStateException(tag + " not found");
        }
        return kind == Kind.ATTRIBUTE ? attribute(doc, start + tag.length()) : around(doc, start + offset, kind);
    }

    private static String[] attribute(String doc, int at) {
        return new String[] {doc.substring(0, at) + " huge=\"", "\"" + doc.substring(at)};
    }

    private static String[] around(String doc, int at, Kind kind) {
        String open = switch (kind) {
            case COMMENT -> "<!--";
            case PI -> "<?huge ";
            case CDATA -> "<![CDATA[";
            default -> throw new IllegalArgumentException();
        };
        String close = switch (kind) {
            case COMMENT -> "-->";
            case PI -> "?>";
            default -> "]]>";
        };
        return new String[] {doc.substring(0, at) + open, close + doc.substring(at)};
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static InputStream concat(byte[] head, InputStream middle, byte[] tail) {
        return new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(head), middle,
                new ByteArrayInputStream(tail))));
    }

    /** {@code size} bytes of {@code 'A'}, generated on the fly. */
    static InputStream filler(long size) {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                if (left <= 0) {
                    return -1;
                }
                left--;
                return 'A';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'A');
                left -= n;
                return n;
            }
        };
    }

    /** A captured HTTP request (request line, headers, gzip body) whose body is {@code body} compressed on the fly. */
    static InputStream gzipCapture(InputStream body, int level) {
        String head = "POST /dmp/registry HTTP/1.1\r\nHost: dmp.example\r\nContent-Type: application/soap+xml; charset=UTF-8\r\n"
                + "Content-Encoding: gzip\r\n\r\n";
        return new SequenceInputStream(new ByteArrayInputStream(bytes(head)), gzip(body, level));
    }

    /** gzip (RFC 1952) of a stream, compressed while read: header, raw DEFLATE, CRC-32 and size trailer. */
    static InputStream gzip(InputStream raw, int level) {
        CRC32 crc = new CRC32();
        long[] count = new long[1];
        InputStream counted = new CheckedInputStream(raw, crc) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count[0] += n;
                }
                return n;
            }
        };
        byte[] header = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
        InputStream deflated = new DeflaterInputStream(counted, new Deflater(level, true), 64 * 1024);
        Enumeration<InputStream> parts = new Enumeration<>() {
            int i;

            @Override
            public boolean hasMoreElements() {
                return i < 3;
            }

            @Override
            public InputStream nextElement() {
                switch (i++) {
                    case 0:
                        return new ByteArrayInputStream(header);
                    case 1:
                        return deflated;
                    case 2:
                        long c = crc.getValue();
                        long n = count[0];
                        return new ByteArrayInputStream(new byte[] {(byte) c, (byte) (c >> 8), (byte) (c >> 16),
                                (byte) (c >> 24), (byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)});
                    default:
                        throw new NoSuchElementException();
                }
            }
        };
        return new SequenceInputStream(parts);
    }
}
