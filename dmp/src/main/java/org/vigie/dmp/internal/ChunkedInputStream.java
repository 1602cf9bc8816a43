package org.vigie.dmp.internal;

import org.vigie.core.Messages;
import org.vigie.core.internal.limits.TextIOException;
import java.io.IOException;
import java.io.InputStream;

/** Decodes an HTTP/1.1 chunked body (RFC 9112 §7.1) as a stream; chunk extensions and trailers are ignored. */
final class ChunkedInputStream extends InputStream {

    private static final int MAX_SIZE_LINE = 1024;

    private final InputStream in;
    private long remaining;
    private boolean done;

    ChunkedInputStream(InputStream in) {
        this.in = in;
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
        if (done) {
            return -1;
        }
        if (remaining == 0) {
            remaining = nextChunkSize();
            if (remaining == 0) {
                done = true;
                skipTrailers();
                return -1;
            }
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw new TextIOException(Messages.text("AI-XML.dmp-chunked-truncated"));
        }
        remaining -= n;
        if (remaining == 0) {
            readLine(); // CRLF closing the chunk
        }
        return n;
    }

    private long nextChunkSize() throws IOException {
        String line = readLine();
        if (line == null) {
            throw new TextIOException(Messages.text("AI-XML.dmp-chunked-truncated"));
        }
        int semi = line.indexOf(';');
        String hex = (semi < 0 ? line : line.substring(0, semi)).strip();
        try {
            long size = Long.parseLong(hex, 16);
            if (size < 0) {
                throw new TextIOException(Messages.text("AI-XML.dmp-chunk-negative", hex));
            }
            return size;
        } catch (NumberFormatException e) {
            throw new TextIOException(Messages.text("AI-XML.dmp-chunk-unreadable", hex));
        }
    }

    private void skipTrailers() throws IOException {
        String line;
        while ((line = readLine()) != null && !line.isEmpty()) {
            // ignore trailer fields
        }
    }

    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            if (sb.length() >= MAX_SIZE_LINE) {
                throw new IOException("ligne de bloc HTTP trop longue");
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
