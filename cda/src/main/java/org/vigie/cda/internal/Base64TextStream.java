package org.vigie.cda.internal;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.vigie.core.internal.limits.HardenedStax;
import org.vigie.core.internal.limits.TextBypass;

/**
 * Decodes, as an {@link InputStream}, the base64 text content of the element the outer {@link XMLStreamReader}
 * is in (e.g. {@code xds:Document}), pulling one text event at a time: nothing is buffered beyond one text chunk
 * of the parser and three decoded bytes. Whitespace is ignored; any other character outside the base64 alphabet,
 * a child element, data after padding or a dangling quantum is an {@link IOException} (the outer failure, if any,
 * is kept in {@link #outerFailure()}). {@link #skipRest()} consumes the remaining content without decoding it,
 * still checking the alphabet and the final quantum.
 */
public final class Base64TextStream extends InputStream {

    private static final byte[] DECODE = new byte[128];

    /** The alphabet's values by byte (-1 for any other byte), for the bulk loop over raw bytes. */
    private static final int[] DECODE_BYTE = new int[256];
    /** The bytes a raw run may hold: the alphabet, '=' and the white space XML keeps or normalises. */
    public static final byte[] RAW_BASE64 = new byte[256];
    /** White space only. */
    public static final byte[] RAW_SPACE = new byte[256];

    static {
        java.util.Arrays.fill(DECODE, (byte) -1);
        java.util.Arrays.fill(DECODE_BYTE, -1);
        String a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < a.length(); i++) {
            DECODE[a.charAt(i)] = (byte) i;
            DECODE_BYTE[a.charAt(i)] = i;
            RAW_BASE64[a.charAt(i)] = 1;
        }
        for (char c : new char[] {' ', '\t', '\n', '\r'}) {
            RAW_BASE64[c] = 1;
            RAW_SPACE[c] = 1;
        }
        RAW_BASE64['='] = 1;
    }

    /** Called before each pull of the outer reader (moves the outer byte allowance forward). */
    public interface PullHook {
        void beforePull();
    }

    private final XMLStreamReader outer;
    private final PullHook hook;
    private final TextBypass raw;  // engaged: bytes are taken from it until its run ends
    private boolean rawMode;
    private char[] chars;
    private int charPos;
    private int charEnd;
    private boolean ended;
    private XMLStreamException outerFailure;

    private int quantum;       // bits accumulated
    private int quantumCount;  // characters in the quantum (0..3)
    private int padding;       // '=' seen
    private final byte[] out = new byte[3];
    private static final byte[] SINK = new byte[0];
    private int outPos;
    private int outLen;
    private long charsSeen;

    /**
     * @param outer        positioned on a text event (its text is consumed first) or on the element's start tag
     * @param startsOnText true when the outer reader's current event is text to take first
     */
    public Base64TextStream(XMLStreamReader outer, boolean startsOnText, PullHook hook) {
        this.outer = outer;
        this.hook = hook;
        this.raw = null;
        if (startsOnText) {
            takeCurrentText();
        }
    }

    /**
     * Starts on the raw bytes of an {@linkplain TextBypass#engage() engaged} bypass: the base64 text is decoded in
     * bulk straight from the bytes while they are base64 or white space; at the first other byte (an end tag, a
     * comment, a character reference, a non-ASCII byte…) the outer reader takes over and the decoding goes on from
     * its character events, as with the other constructor. The decoded bytes are the same either way.
     *
     * @param outer the reader on the element's start tag
     * @param raw   engaged right after that start tag
     */
    public Base64TextStream(XMLStreamReader outer, TextBypass raw, PullHook hook) {
        this.outer = outer;
        this.hook = hook;
        if (!raw.engaged()) {
            throw new IllegalStateException("the bypass is not engaged");
        }
        this.raw = raw;
        this.rawMode = true;
    }

    /** The failure of the outer reader, when the content could not be pulled. */
    public XMLStreamException outerFailure() {
        return outerFailure;
    }

    /** True once the closing tag of the element was reached. */
    public boolean ended() {
        return ended;
    }

    /** Base64 characters seen so far (whitespace excluded). */
    public long charsSeen() {
        return charsSeen;
    }

    private void takeCurrentText() {
        chars = outer.getTextCharacters();
        charPos = outer.getTextStart();
        charEnd = charPos + outer.getTextLength();
    }

    /** Makes text available; false at the end of the element. */
    private boolean fill() throws IOException {
        while (charPos >= charEnd) {
            if (ended) {
                return false;
            }
            try {
                hook.beforePull();
                int ev = outer.next();
                switch (ev) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> takeCurrentText();
                    case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> { }
                    case XMLStreamConstants.END_ELEMENT -> {
                        ended = true;
                        return false;
                    }
                    case XMLStreamConstants.START_ELEMENT ->
                        throw new IOException("élément <" + outer.getLocalName() + "> inattendu dans le contenu base64");
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new IOException("référence d'entité non déclarée &" + outer.getLocalName() + "; dans le contenu base64");
                    default -> throw new IOException("contenu base64 inattendu (événement " + ev + ")");
                }
            } catch (XMLStreamException e) {
                outerFailure = e;
                throw new IOException("message illisible dans le contenu base64: " + HardenedStax.describe(e), e);
            }
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int written = 0;
        while (written < len) {
            if (outPos < outLen) {
                int n = Math.min(len - written, outLen - outPos);
                System.arraycopy(out, outPos, b, off + written, n);
                outPos += n;
                written += n;
                continue;
            }
            if (rawMode) {
                int n = rawRun();
                if (n > 0) {
                    written += decodeRaw(n, b, off + written, len - written, true);
                    continue;
                }
                rawMode = false; // a byte for the outer reader (or the end of the input): it reads on
                continue;
            }
            if (!decodeNext()) {
                break;
            }
        }
        return written == 0 ? -1 : written;
    }

    /** The next raw run; a failure of the bytes under the bypass is the outer reader's failure, as in event mode. */
    private int rawRun() throws IOException {
        try {
            int n = raw.window();
            // the bytes are checked as they are decoded: decodeRaw stops before the first one outside RAW_BASE64
            return n > 0 && RAW_BASE64[raw.buffer()[raw.bufferPosition()] & 0xff] == 0 ? 0 : n;
        } catch (IOException e) {
            outerFailure = new XMLStreamException("message illisible dans le contenu base64: " + HardenedStax.describe(e), e);
            throw new IOException(outerFailure.getMessage(), e);
        }
    }

    /**
     * Decodes (or only checks, when {@code !decode}) up to {@code n} raw bytes of the bypass's current run into
     * {@code b}; whole quanta go by the bulk loop, the rest (white space, padding, a quantum cut by the end of the run
     * or by the end of {@code b}) by {@link #accept}, whose output waits in {@code out} when {@code b} is full.
     * Returns the bytes written to {@code b}.
     */
    private int decodeRaw(int n, byte[] b, int off, int len, boolean decode) throws IOException {
        byte[] src = raw.buffer();
        int start = raw.bufferPosition();
        int p = start;
        int e = start + n;
        int o = off;
        int lim = off + len;
        int[] d = DECODE_BYTE;
        long quads = 0;
        try {
            while (p < e && o < lim) {
                if (quantumCount == 0 && padding == 0) {
                    if (decode) {
                        while (p + 4 <= e && o + 3 <= lim) {
                            int q = d[src[p] & 0xff] << 18 | d[src[p + 1] & 0xff] << 12
                                    | d[src[p + 2] & 0xff] << 6 | d[src[p + 3] & 0xff];
                            if (q < 0) {
                                break; // white space or '=' among the four: one at a time below
                            }
                            b[o] = (byte) (q >> 16);
                            b[o + 1] = (byte) (q >> 8);
                            b[o + 2] = (byte) q;
                            o += 3;
                            p += 4;
                            quads++;
                        }
                    } else {
                        while (p + 4 <= e
                                && (d[src[p] & 0xff] | d[src[p + 1] & 0xff] | d[src[p + 2] & 0xff] | d[src[p + 3] & 0xff]) >= 0) {
                            p += 4;
                            quads++;
                        }
                    }
                    if (p >= e || o >= lim) {
                        break;
                    }
                }
                int c = src[p] & 0xff;
                if (RAW_BASE64[c] == 0) {
                    break; // not base64 text: left to the outer reader
                }
                p++;
                outPos = 0;
                outLen = 0;
                accept((char) c, decode);
                if (outLen > 0) {
                    int k = Math.min(outLen, lim - o);
                    System.arraycopy(out, 0, b, o, k);
                    outPos = k;
                    o += k;
                }
            }
        } finally {
            charsSeen += 4 * quads;
            raw.consume(p - start);
        }
        return o - off;
    }

    /** Decodes the next group into {@code out}; false at the end. */
    private boolean decodeNext() throws IOException {
        outPos = 0;
        outLen = 0;
        while (outLen == 0) {
            if (!fill()) {
                finishQuantum();
                return outLen > 0;
            }
            char c = chars[charPos++];
            accept(c, true);
        }
        return true;
    }

    private void accept(char c, boolean decode) throws IOException {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            return;
        }
        charsSeen++;
        if (c == '=') {
            if (quantumCount == 4) {
                throw new IOException("base64 invalide: données après le remplissage '='");
            }
            if (quantumCount < 2 || padding >= 2) {
                throw new IOException("base64 invalide: '=' mal placé");
            }
            padding++;
            if (quantumCount + padding == 4) {
                if (decode) {
                    // two characters carry 12 bits (one byte), three carry 18 bits (two bytes)
                    out[0] = (byte) (quantumCount == 3 ? quantum >> 10 : quantum >> 4);
                    outLen = 1;
                    if (quantumCount == 3) {
                        out[1] = (byte) (quantum >> 2);
                        outLen = 2;
                    }
                }
                quantumCount = 4; // closed: nothing may follow
            }
            return;
        }
        int v = c < 128 ? DECODE[c] : -1;
        if (v < 0) {
            throw new IOException("base64 invalide: caractère '" + (c < 32 ? "\\u" + (int) c : String.valueOf(c)) + "'");
        }
        if (padding > 0 || quantumCount == 4) {
            throw new IOException("base64 invalide: données après le remplissage '='");
        }
        quantum = (quantum << 6) | v;
        quantumCount++;
        if (quantumCount == 4) {
            if (decode) {
                out[0] = (byte) (quantum >> 16);
                out[1] = (byte) (quantum >> 8);
                out[2] = (byte) quantum;
                outLen = 3;
            }
            quantum = 0;
            quantumCount = 0;
        }
    }

    private void finishQuantum() throws IOException {
        if (padding > 0 && quantumCount != 4) {
            throw new IOException("base64 tronqué: remplissage incomplet");
        }
        if (padding == 0 && quantumCount != 0) {
            throw new IOException("base64 tronqué: " + quantumCount + " caractère(s) en fin de contenu");
        }
    }

    /**
     * Consumes the rest of the element's content without decoding it (nothing is kept), checking the alphabet and
     * the final quantum. Returns normally at the closing tag.
     */
    public void skipRest() throws IOException {
        outPos = outLen;
        while (rawMode) {
            int n = rawRun();
            if (n <= 0) {
                rawMode = false;
                break;
            }
            decodeRaw(n, SINK, 0, Integer.MAX_VALUE, false);
        }
        while (fill()) {
            while (charPos < charEnd) {
                accept(chars[charPos++], false);
            }
        }
        finishQuantum();
    }
}
