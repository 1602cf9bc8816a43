package org.vigie.server.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a copy of the first bytes read through it (the SOAP header comes first, also in the root part of an MTOM
 * body), to echo the request's {@code wsa:MessageID} as {@code wsa:RelatesTo}. Not a parser: the value found is only
 * echoed (escaped), never trusted.
 */
public final class HeadCapture extends FilterInputStream {

    private static final Pattern MESSAGE_ID = Pattern.compile(
            "<(?:[A-Za-z_][\\w.-]*:)?MessageID(?:\\s[^>]*)?>\\s*([^<\\s]{1,512})\\s*</(?:[A-Za-z_][\\w.-]*:)?MessageID>");

    private final byte[] head;
    private int size;

    public HeadCapture(InputStream in, int capacity) {
        super(in);
        this.head = new byte[capacity];
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0 && size < head.length) {
            head[size++] = (byte) c;
        }
        return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0 && size < head.length) {
            int k = Math.min(n, head.length - size);
            System.arraycopy(b, off, head, size, k);
            size += k;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(n, 8192)];
        int r = read(buf, 0, buf.length);
        return Math.max(r, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** @return the first WS-Addressing MessageID value seen in the captured head */
    public Optional<String> messageId() {
        Matcher m = MESSAGE_ID.matcher(new String(head, 0, size, StandardCharsets.ISO_8859_1));
        return m.find() ? Optional.of(new String(m.group(1).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8))
                : Optional.empty();
    }
}
