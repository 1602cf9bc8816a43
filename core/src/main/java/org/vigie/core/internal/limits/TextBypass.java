package org.vigie.core.internal.limits;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * The stream a StAX parser reads, through which its consumer may take plain text straight from the bytes instead of
 * through character events, and give the rest back to the parser at the first byte it does not handle.
 *
 * <p>How it stays in step with the parser: the bypass follows the markup of what it hands the parser with a small
 * lexer (tags with quoted attribute values, comments, CDATA sections, processing instructions) and ends a read right
 * after the {@code >} of a start tag that may open bypassed text (a local name of {@code pauseAfter}, or every start
 * tag once {@link #pauseAfterEveryStartTag} is on). When the parser then delivers that {@code START_ELEMENT} and has
 * not read again, and the number of start tags the lexer saw equals the number of {@code START_ELEMENT} events the
 * parser delivered (counted by {@link #track}), everything it was given is consumed, and what follows in the bytes is
 * the content of that element: {@link #engage()} says so. The consumer may then take a run of bytes of a class it chooses (e.g. the base64
 * alphabet and white space, or ASCII text characters other than {@code <}, {@code &} and {@code ]}): such bytes are
 * character data to the parser, that change neither its state nor what it checks after them (only the line and
 * column numbers of its later messages). The run ends at the first other byte ({@code <}, {@code &}, a non-ASCII byte
 * …), which stays here for the parser: it reads on from there, so any markup after the text — an end tag, a comment,
 * XML after the document — is parsed by the parser, never by the bypass. The next read of the parser ends the
 * engagement.
 *
 * <p>The bypass never engages when its lexer could be out of step: input not in an ASCII-compatible encoding (first
 * byte other than {@code <}, a UTF-8 byte order mark or white space, or UTF-16 in disguise), a document type
 * declaration, a name longer than {@value #MAX_NAME} bytes. The consumer must also check the parser's encoding (UTF-8
 * or US-ASCII). Limits: the parser is given at most what it asked for; a bypass refill reads at most the buffer
 * ({@code bufferSize} bytes) and first runs {@code beforeRefill}, which moves the meter's allowance forward.
 */
public final class TextBypass extends InputStream {

    /** Names longer than this (bytes) are never matched (the parser's own backstop is lower anyway). */
    public static final int MAX_NAME = 1024;

    private static final int CONTENT = 0;
    private static final int LT = 1;         // after '<'
    private static final int START_NAME = 2; // in the name of a start tag
    private static final int IN_TAG = 3;     // in a start tag after its name
    private static final int QUOTE = 4;      // in an attribute value (quote in 'quote')
    private static final int END_TAG = 5;    // in an end tag
    private static final int BANG = 6;       // after "<!"
    private static final int BANG_DASH = 7;  // after "<!-"
    private static final int COMMENT = 8;
    private static final int CDATA = 9;
    private static final int PI = 10;
    private static final int LOST = 11;      // out of step: never engage again

    private final InputStream in;
    private final Set<String> pauseAfter;
    private final Runnable beforeRefill;
    private final byte[] buf;
    private int pos;
    private int end;
    private boolean eof;
    private long served;
    private long taken;

    private int state = CONTENT;
    private boolean first = true;
    private int quote;
    private int run;              // consecutive '-' (comment), ']' (CDATA), or 1 after '?' (PI)
    private boolean slash;        // last byte of the start tag was '/'
    private final byte[] name = new byte[MAX_NAME];
    private int nameLen;
    private int localStart;
    private boolean pauseAll;

    private boolean paused;       // the last read ended right after a pausing start tag
    private boolean pausedOnEmpty; // … which was an empty-element tag
    private boolean engaged;
    private long startTags;       // start and empty-element tags lexed
    private long delivered;       // START_ELEMENT events the tracked parser delivered

    /**
     * @param in           the bytes (a {@link MeteredInputStream}, usually)
     * @param pauseAfter   local names of the start tags after which a read ends
     * @param bufferSize   bytes held at most (≥ 1)
     * @param beforeRefill run before each refill made for the consumer (not for the parser, whose pulls are metered)
     */
    public TextBypass(InputStream in, Set<String> pauseAfter, int bufferSize, Runnable beforeRefill) {
        this.in = Objects.requireNonNull(in, "in");
        this.pauseAfter = Set.copyOf(pauseAfter);
        if (bufferSize < 1) {
            throw new IllegalArgumentException("bufferSize < 1");
        }
        this.buf = new byte[bufferSize];
        this.beforeRefill = Objects.requireNonNull(beforeRefill, "beforeRefill");
    }

    /** From now on (or no longer), every start tag ends a read, whatever its name. */
    public void pauseAfterEveryStartTag(boolean on) {
        this.pauseAll = on;
    }

    /** Bytes handed to the parser or taken by the consumer so far. */
    public long position() {
        return served;
    }

    /** True when the lexer lost step (no engagement will ever be given). */
    public boolean lost() {
        return state == LOST;
    }

    /**
     * Call right after the parser delivered a {@code START_ELEMENT} (not an empty-element tag): true when the parser
     * has consumed everything it was given up to that tag's {@code >}, so that the next bytes are the element's
     * content; the consumer may then use {@link #run} / {@link #consume} until the parser reads again.
     */
    public boolean engage() {
        engaged = paused && !pausedOnEmpty && state == CONTENT && delivered == startTags;
        return engaged;
    }

    /**
     * The parser to give every consumer: it counts the {@code START_ELEMENT} events delivered, so that
     * {@link #engage()} holds only when the element the consumer is at is the last start tag the bypass saw.
     */
    public XMLStreamReader track(XMLStreamReader r) {
        return new StreamReaderDelegate(r) {
            @Override
            public int next() throws XMLStreamException {
                int ev = super.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    delivered++;
                }
                return ev;
            }

            @Override
            public int nextTag() throws XMLStreamException {
                int ev = super.nextTag();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    delivered++;
                }
                return ev;
            }

            @Override
            public String getElementText() throws XMLStreamException {
                engaged = false;
                delivered = -1; // a child start tag would be skipped uncounted: never engage again
                return super.getElementText();
            }
        };
    }

    /** True while the consumer holds the bytes (between {@link #engage()} and the parser's next read). */
    public boolean engaged() {
        return engaged;
    }

    /** The buffer; valid bytes from {@link #bufferPosition()} for {@link #run} bytes. */
    public byte[] buffer() {
        return buf;
    }

    public int bufferPosition() {
        return pos;
    }

    /**
     * The length of the run of bytes of the class {@code allowed} (non-zero entry for an allowed byte) starting at
     * {@link #bufferPosition()} in {@link #buffer()}, refilling when the buffer is empty: 0 when the next byte is not
     * allowed (it is left to the parser), -1 at the end of the input.
     *
     * @throws IllegalStateException when not {@link #engaged()}
     */
    public int run(byte[] allowed) throws IOException {
        if (!engaged) {
            throw new IllegalStateException("not engaged");
        }
        if (pos >= end && !refill()) {
            return eof ? -1 : 0;
        }
        int i = pos;
        byte[] b = buf;
        int e = end;
        while (i < e && allowed[b[i] & 0xff] != 0) {
            i++;
        }
        return i - pos;
    }

    /**
     * ASCII characters that are text to the parser whatever precedes them in content: printable ASCII but
     * {@code <}, {@code &} and {@code ]} (which could end {@code ]]>}), plus tab, line feed, carriage return.
     */
    private static final byte[] PLAIN_TEXT = new byte[256];

    static {
        for (int c = 0x20; c < 0x7f; c++) {
            PLAIN_TEXT[c] = 1;
        }
        PLAIN_TEXT['<'] = 0;
        PLAIN_TEXT['&'] = 0;
        PLAIN_TEXT[']'] = 0;
        PLAIN_TEXT['\t'] = 1;
        PLAIN_TEXT['\n'] = 1;
        PLAIN_TEXT['\r'] = 1;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** True when one of the 8 bytes of {@code w} is zero. */
    private static boolean hasZero(long w) {
        return ((w - ONES) & ~w & HIGHS) != 0;
    }

    /** True when all 8 bytes of {@code w} are printable ASCII other than {@code <}, {@code &}, {@code ]}. */
    private static boolean plainWord(long w) {
        long below = (w - 0x20 * ONES) & ~w & HIGHS;   // a byte < 0x20 (or ≥ 0x80, caught below too)
        long above = ((w + ONES) | w) & HIGHS;         // a byte > 0x7e
        return (below | above) == 0 && !hasZero(w ^ ('<' * ONES)) && !hasZero(w ^ ('&' * ONES))
                && !hasZero(w ^ (']' * ONES));
    }

    /**
     * {@link #skip} of the plain-text class (printable ASCII but {@code <}, {@code &}, {@code ]}; tab, LF, CR), eight
     * bytes at a time where it can: the text of a CDA body, which the parser need not see.
     */
    public long skipPlainText() throws IOException {
        if (!engaged) {
            throw new IllegalStateException("not engaged");
        }
        long total = 0;
        while (pos < end || refill()) {
            int i = pos;
            int e = end;
            byte[] b = buf;
            while (i < e) {
                if (i + 8 <= e && plainWord((long) LONGS.get(b, i))) {
                    i += 8;
                    continue;
                }
                int stop = Math.min(e, i + 8); // a word with a line feed or a byte for the parser, or the tail
                while (i < stop && PLAIN_TEXT[b[i] & 0xff] != 0) {
                    i++;
                }
                if (i < stop) {
                    break;
                }
            }
            int n = i - pos;
            consume(n);
            total += n;
            if (i < e) {
                return total; // a byte for the parser
            }
        }
        return total;
    }

    /**
     * The bytes buffered from {@link #bufferPosition()} in {@link #buffer()}, refilling when none are: -1 at the end
     * of the input, 0 on an empty read. Unlike {@link #run}, nothing is checked: the consumer must
     * {@linkplain #consume take} only bytes it has checked are character data that leaves the parser's state alone
     * (ASCII, none of {@code <}, {@code &}, {@code ]}), for one pass over the bytes instead of two.
     *
     * @throws IllegalStateException when not {@link #engaged()}
     */
    public int window() throws IOException {
        if (!engaged) {
            throw new IllegalStateException("not engaged");
        }
        if (pos >= end && !refill()) {
            return eof ? -1 : 0;
        }
        return end - pos;
    }

    /** Refills the empty buffer for the consumer; false at the end of the input (or on an empty read). */
    private boolean refill() throws IOException {
        if (eof) {
            return false;
        }
        beforeRefill.run();
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = n < 0;
            pos = end = 0;
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }

    /** Takes {@code n} bytes of the current run (the caller has read them from {@link #buffer()}). */
    public void consume(int n) {
        if (!engaged || n < 0 || n > end - pos) {
            throw new IllegalStateException("consume " + n);
        }
        pos += n;
        served += n;
        taken += n;
    }

    /** Bytes taken by the consumer (never seen by the parser) so far. */
    public long taken() {
        return taken;
    }

    /**
     * Skips the bytes of the class {@code allowed} from here (engaged); returns how many, stopping before the
     * first other byte or at the end of the input.
     */
    public long skip(byte[] allowed) throws IOException {
        long total = 0;
        int n;
        while ((n = run(allowed)) > 0) {
            consume(n);
            total += n;
        }
        return total;
    }

    // ---------------------------------------------------------------- the parser's side

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        engaged = false;
        paused = false;
        if (len == 0) {
            return 0;
        }
        if (pos >= end) {
            if (eof) {
                return -1;
            }
            int n = in.read(buf, 0, Math.min(len, buf.length)); // never more than the parser asked for
            if (n < 0) {
                eof = true;
                return -1;
            }
            if (n == 0) {
                return 0;
            }
            pos = 0;
            end = n;
        }
        int limit = Math.min(end, pos + len);
        int i = pos;
        while (i < limit) {
            if (lex(buf[i++])) {
                paused = true;
                break;
            }
        }
        int n = i - pos;
        System.arraycopy(buf, pos, b, off, n);
        pos = i;
        served += n;
        return n;
    }

    @Override
    public int available() {
        return end - pos;
    }

    @Override
    public void close() {
        // the caller owns the wrapped stream
    }

    /** Follows one byte handed to the parser; true when it ends a pausing start tag. */
    private boolean lex(byte x) {
        int c = x & 0xff;
        if (first) {
            first = false;
            if (c != '<' && c != 0xEF && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                state = LOST; // UTF-16, UCS-4, EBCDIC…: not this lexer's bytes
                return false;
            }
        }
        switch (state) {
            case CONTENT -> {
                if (c == '<') {
                    state = LT;
                }
            }
            case LT -> {
                if (c == 0) {
                    state = LOST; // "<\0": UTF-16LE without a byte order mark
                } else if (c == '!') {
                    state = BANG;
                } else if (c == '?') {
                    state = PI;
                    run = 0;
                } else if (c == '/') {
                    state = END_TAG;
                } else {
                    state = START_NAME;
                    nameLen = 0;
                    localStart = 0;
                    slash = false;
                    name(c);
                }
            }
            case START_NAME -> {
                if (c == '>') {
                    return startTagEnd();
                } else if (c == '/') {
                    state = IN_TAG;
                    slash = true;
                } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    state = IN_TAG;
                } else {
                    name(c);
                }
            }
            case IN_TAG -> {
                if (c == '>') {
                    return startTagEnd();
                } else if (c == '"' || c == '\'') {
                    state = QUOTE;
                    quote = c;
                    slash = false;
                } else if (c == '/') {
                    slash = true;
                } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    slash = false;
                }
            }
            case QUOTE -> {
                if (c == quote) {
                    state = IN_TAG;
                }
            }
            case END_TAG -> {
                if (c == '>') {
                    state = CONTENT;
                }
            }
            case BANG -> {
                if (c == '-') {
                    state = BANG_DASH;
                } else if (c == '[') {
                    state = CDATA; // "<![CDATA[": the parser checks the keyword; only "]]>" ends it
                    run = 0;
                } else {
                    state = LOST; // a document type declaration (refused by Vigie's readers anyway)
                }
            }
            case BANG_DASH -> {
                if (c == '-') {
                    state = COMMENT;
                    run = 0;
                } else {
                    state = LOST;
                }
            }
            case COMMENT -> {
                if (c == '-') {
                    run++;
                } else if (c == '>' && run >= 2) {
                    state = CONTENT;
                } else {
                    run = 0;
                }
            }
            case CDATA -> {
                if (c == ']') {
                    run++;
                } else if (c == '>' && run >= 2) {
                    state = CONTENT;
                } else {
                    run = 0;
                }
            }
            case PI -> {
                if (c == '>' && run == 1) {
                    state = CONTENT;
                } else {
                    run = c == '?' ? 1 : 0;
                }
            }
            default -> {
                // LOST stays lost
            }
        }
        return false;
    }

    private void name(int c) {
        if (nameLen < MAX_NAME) {
            if (c == ':') {
                localStart = nameLen + 1;
            }
            name[nameLen] = (byte) c;
        }
        nameLen++;
    }

    private boolean startTagEnd() {
        state = CONTENT;
        startTags++;
        pausedOnEmpty = slash; // an empty-element tag has no content: a pause there never engages
        if (pauseAll) {
            return true;
        }
        if (nameLen > MAX_NAME) {
            return false;
        }
        int len = nameLen - localStart;
        for (String p : pauseAfter) {
            if (p.length() == len) {
                boolean same = true;
                for (int k = 0; k < len && same; k++) {
                    same = p.charAt(k) == (name[localStart + k] & 0xff);
                }
                if (same) {
                    return true;
                }
            }
        }
        return false;
    }
}
