package org.vigie.cda.internal;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.vigie.core.internal.limits.HardenedStax;

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

    static {
        java.util.Arrays.fill(DECODE, (byte) -1);
        String a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < a.length(); i++) {
            DECODE[a.charAt(i)] = (byte) i;
        }
    }

    /** Called before each pull of the outer reader (moves the outer byte allowance forward). */
    public interface PullHook {
        void beforePull();
    }

    private final XMLStreamReader outer;
    private final PullHook hook;
    private char[] chars;
    private int charPos;
    private int charEnd;
    private boolean ended;
    private XMLStreamException outerFailure;

    private int quantum;       // bits accumulated
    private int quantumCount;  // characters in the quantum (0..3)
    private int padding;       // '=' seen
    private final byte[] out = new byte[3];
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
        if (startsOnText) {
            takeCurrentText();
        }
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
            if (!decodeNext()) {
                break;
            }
        }
        return written == 0 ? -1 : written;
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
        while (fill()) {
            while (charPos < charEnd) {
                accept(chars[charPos++], false);
            }
        }
        finishQuantum();
    }
}
