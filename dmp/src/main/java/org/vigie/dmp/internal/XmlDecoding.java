package org.vigie.dmp.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the character encoding of an XML entity (XML 1.0 appendix F: byte order mark, then the MIME charset
 * when one was given, then the XML declaration, else UTF-8) and decodes it strictly: malformed bytes become an
 * exception of the parser, never a silent replacement (nor a message printed on stderr by the JDK parser).
 */
final class XmlDecoding {

    private static final Pattern DECL_ENCODING = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private XmlDecoding() {
    }

    static Reader reader(InputStream raw, Charset mimeCharset) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 8192);
        in.mark(512);
        byte[] head = in.readNBytes(512);
        in.reset();
        Charset cs;
        int skip = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            cs = StandardCharsets.UTF_8;
            skip = 3;
        } else if (head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (head.length >= 4 && head[0] == 0 && head[1] == '<' && head[2] == 0 && head[3] == '?') {
            cs = StandardCharsets.UTF_16BE;
        } else if (head.length >= 4 && head[0] == '<' && head[1] == 0 && head[2] == '?' && head[3] == 0) {
            cs = StandardCharsets.UTF_16LE;
        } else if (mimeCharset != null) {
            cs = mimeCharset;
        } else {
            cs = declared(head);
        }
        in.skipNBytes(skip);
        return new InputStreamReader(in, cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static Charset declared(byte[] head) {
        String start = new String(head, StandardCharsets.ISO_8859_1).stripLeading();
        Matcher m = DECL_ENCODING.matcher(start);
        if (m.find()) {
            try {
                return Charset.forName(m.group(1));
            } catch (RuntimeException e) {
                return StandardCharsets.UTF_8; // unknown label: UTF-8, and the bytes will tell
            }
        }
        return StandardCharsets.UTF_8;
    }
}
