package org.vigie.core.internal.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads text lines from bytes, detecting the encoding of each line: strict UTF-8 when the line decodes as such,
 * otherwise the single-byte encoding of French exports, Windows-1252 (ISO-8859-1 with printable characters such as
 * {@code ’ Œ œ €} in 0x80–0x9F; the five bytes Windows-1252 leaves undefined read as in ISO-8859-1, as the WHATWG
 * encoding standard does). Deciding line by line keeps a file right when only its end (or one line) is not UTF-8.
 * Lines end at LF (a preceding CR is dropped). Lines longer than a limit are reported as such (their content is
 * dropped, never held). A leading UTF-8 byte order mark is skipped. Not thread-safe.
 *
 * <p>The one line reader and charset sniffer of the FINESS extract readers and the deployment inventory reader; the
 * field splitting is {@link Csv}.
 */
public final class ByteLineReader {

    /** The encoding seen so far. */
    public enum Encoding {
        /** only ASCII bytes so far */
        ASCII,
        /** at least one line needed UTF-8, none Latin-1 */
        UTF_8,
        /** at least one line was not valid UTF-8 and was read single-byte, none needed UTF-8, no byte in 0x80–0x9F */
        ISO_8859_1,
        /** as {@link #ISO_8859_1}, with at least one byte in 0x80–0x9F (a Windows-1252 character) */
        WINDOWS_1252,
        /** both UTF-8 and single-byte lines */
        MIXED
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int len;
    private byte[] line;
    private int lineLen;
    private long lineNumber;
    private long bytesRead;
    private boolean tooLong;
    private boolean eof;
    private boolean sawUtf8;
    private boolean sawLatin1;
    private boolean sawCp1252;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /**
     * @param in bytes to read (not closed by this reader)
     * @param maxLineBytes longest accepted line, in bytes
     */
    public ByteLineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.line = new byte[Math.min(maxLineBytes, 4096)];
    }

    /**
     * Reads the next line.
     *
     * @return the line without its terminator, or null at end of input; when {@link #lastLineTooLong()} is true
     *         the returned string is empty
     * @throws IOException on read failure
     */
    public String readLine() throws IOException {
        if (eof) {
            return null;
        }
        lineLen = 0;
        tooLong = false;
        boolean any = false;
        while (true) {
            if (pos >= len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    eof = true;
                    if (!any) {
                        return null;
                    }
                    break;
                }
                bytesRead += len;
            }
            any = true;
            int start = pos;
            int nl = -1;
            for (int i = pos; i < len; i++) {
                if (buf[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int end = nl < 0 ? len : nl;
            append(start, end - start);
            pos = nl < 0 ? len : nl + 1;
            if (nl >= 0) {
                break;
            }
        }
        lineNumber++;
        if (tooLong) {
            return "";
        }
        int n = lineLen;
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        int off = 0;
        if (lineNumber == 1 && n >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB
                && (line[2] & 0xff) == 0xBF) {
            off = 3;
            sawUtf8 = true;
        }
        return decode(off, n - off);
    }

    private void append(int start, int count) {
        if (tooLong || count == 0) {
            return;
        }
        if (lineLen + count > maxLineBytes) {
            tooLong = true;
            return;
        }
        if (lineLen + count > line.length) {
            byte[] bigger = new byte[Math.min(maxLineBytes, Math.max(line.length * 2, lineLen + count))];
            System.arraycopy(line, 0, bigger, 0, lineLen);
            line = bigger;
        }
        System.arraycopy(buf, start, line, lineLen, count);
        lineLen += count;
    }

    private String decode(int off, int n) {
        boolean ascii = true;
        for (int i = off; i < off + n; i++) {
            if (line[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(line, off, n, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer cb = utf8.reset().decode(ByteBuffer.wrap(line, off, n));
            sawUtf8 = true;
            return cb.toString();
        } catch (CharacterCodingException e) {
            sawLatin1 = true;
            return singleByte(off, n);
        }
    }

    private String singleByte(int off, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            int b = line[off + i] & 0xff;
            if (b >= 0x80 && b < 0xA0) {
                sawCp1252 = true;
                c[i] = CP1252_80_9F.charAt(b - 0x80);
            } else {
                c[i] = (char) b;
            }
        }
        return new String(c);
    }

    /** Windows-1252 for 0x80–0x9F; 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined there and kept as C1 controls. */
    private static final String CP1252_80_9F = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021"
            + "\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
            + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014"
            + "\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    /** @return true when the last line returned exceeded the limit (its content was dropped) */
    public boolean lastLineTooLong() {
        return tooLong;
    }

    /** @return the 1-based number of the last line returned */
    public long lineNumber() {
        return lineNumber;
    }

    /** @return bytes read from the stream so far */
    public long bytesRead() {
        return bytesRead;
    }

    /** @return the encoding seen so far */
    public Encoding encoding() {
        if (sawUtf8 && sawLatin1) {
            return Encoding.MIXED;
        }
        if (sawUtf8) {
            return Encoding.UTF_8;
        }
        if (sawLatin1) {
            return sawCp1252 ? Encoding.WINDOWS_1252 : Encoding.ISO_8859_1;
        }
        return Encoding.ASCII;
    }
}
