package org.vigie.core.internal;

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
 * ISO-8859-1 (Latin-1) otherwise. Lines end at LF (a preceding CR is dropped). Lines longer than a limit are
 * reported as such (their content is dropped). A leading UTF-8 byte order mark is skipped. Not thread-safe.
 */
public final class ByteLineReader {

    /** The encoding seen so far. */
    public enum Encoding {
        /** only ASCII bytes so far */
        ASCII,
        /** at least one line needed UTF-8, none Latin-1 */
        UTF_8,
        /** at least one line was not valid UTF-8 and was read as Latin-1, none needed UTF-8 */
        ISO_8859_1,
        /** both UTF-8 and Latin-1 lines */
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
            return new String(line, off, n, StandardCharsets.ISO_8859_1);
        }
    }

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
            return Encoding.ISO_8859_1;
        }
        return Encoding.ASCII;
    }

    /**
     * Splits a line on a separator, keeping empty fields ({@code "a;;b;"} gives 4 fields).
     *
     * @param s the line
     * @param sep the separator
     * @param max stop after this many fields (the rest is counted but not kept)
     * @param out receives the fields; cleared first
     * @return the number of fields in the line (may exceed {@code max})
     */
    public static int split(String s, char sep, int max, java.util.List<String> out) {
        out.clear();
        int count = 0;
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == sep) {
                if (count < max) {
                    out.add(s.substring(start, i));
                }
                count++;
                start = i + 1;
            }
        }
        return count;
    }

    /**
     * Finds the field boundaries of a line without copying: {@code starts[i]} is where field {@code i} begins and
     * {@code starts[i + 1] - 1} where it ends, for the first {@code starts.length - 1} fields.
     *
     * @param s the line
     * @param sep the separator
     * @param starts receives the boundaries; its length is the number of fields kept plus one
     * @return the number of fields in the line (may exceed {@code starts.length - 1})
     */
    public static int bounds(String s, char sep, int[] starts) {
        int max = starts.length - 1;
        int count = 0;
        starts[0] = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) == sep) {
                count++;
                if (count <= max) {
                    starts[count] = i + 1;
                }
            }
        }
        count++;
        if (count <= max) {
            starts[count] = n + 1;
        }
        return count;
    }
}
