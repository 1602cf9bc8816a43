package org.vigie.dmp.internal;

import org.vigie.core.Messages;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vigie.core.internal.limits.BoundedInflation;

/**
 * Works out how a request is framed before any XML is read: a plain SOAP envelope, an MTOM multipart body
 * (Content-Type given, or boundary taken from the first line), or either of them behind a captured HTTP header
 * block (request line and/or header fields, then a blank line; chunked and gzip bodies are decoded).
 */
public final class Framing {

    /** How the body is laid out. */
    public enum Kind { PLAIN, MULTIPART }

    /** The result: the body stream (positioned after any HTTP header block), its kind and content type. */
    public record Framed(Kind kind, InputStream body, Optional<ContentType> contentType, Map<String, String> httpHeaders,
                         String description) {
    }

    private static final Pattern REQUEST_LINE = Pattern.compile("^[A-Z]{3,10} \\S+ HTTP/\\d(\\.\\d)?$");
    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/\\d(\\.\\d)? \\d{3}.*$");
    private static final Pattern HEADER_LINE = Pattern.compile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+:.*$");

    private Framing() {
    }

    /**
     * Frames the request.
     *
     * @param in                 the raw request bytes
     * @param givenContentType   the HTTP Content-Type the caller knows, or null
     * @param maxHttpHeaderBytes limit for a captured HTTP header block
     * @return the framing
     * @throws FramingException when the bytes are not a recognisable request (reported as AI-XML)
     * @throws IOException      when reading fails
     */
    public static Framed frame(InputStream in, String givenContentType, int maxHttpHeaderBytes)
            throws IOException, FramingException {
        return frame(in, givenContentType, maxHttpHeaderBytes, 1L << 30, BoundedInflation.DEFAULT_MAX_RATIO);
    }

    /**
     * Frames the request; a captured {@code Content-Encoding: gzip/deflate} body is decoded within
     * {@code maxDecodedBytes} and {@code maxRatio} (after the first MiB), a refusal being a
     * {@code org.vigie.core.internal.limits.LimitExceededException} from the body's {@code read}.
     */
    public static Framed frame(InputStream in, String givenContentType, int maxHttpHeaderBytes, long maxDecodedBytes,
                               int maxRatio) throws IOException, FramingException {
        BufferedInputStream bin = in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, 64 * 1024);
        Optional<ContentType> given = ContentType.parse(givenContentType);
        if (givenContentType != null && !givenContentType.isBlank() && given.isEmpty()) {
            throw new FramingException(Messages.text("AI-XML.dmp-content-type-unreadable", givenContentType));
        }
        Map<String, String> http = new LinkedHashMap<>();
        String description;
        InputStream body = bin;
        Start start = peek(bin);
        Optional<ContentType> found = Optional.empty();
        if (start == Start.TEXT) {
            http = readHttpHeaders(bin, maxHttpHeaderBytes);
            found = ContentType.parse(http.get("content-type"));
            description = "capture HTTP";
            String te = http.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
            if (te.contains("chunked")) {
                body = new ChunkedInputStream(body);
            }
            try {
                // the one decoder (shared with vigie serve), bounded by decoded size and expansion ratio
                body = ContentCodings.decode(body, http.get("content-encoding"), maxDecodedBytes, maxRatio);
            } catch (ContentCodings.UnsupportedCodingException e) {
                throw new FramingException(e.text());
            }
            body = new BufferedInputStream(body, 64 * 1024);
            start = peek((BufferedInputStream) body);
            if (start == Start.TEXT) {
                throw new FramingException(Messages.text("AI-XML.dmp-http-body-not-soap"));
            }
        } else {
            description = "corps";
        }
        Optional<ContentType> ct = given.isPresent() ? given : found;
        if (ct.isPresent() && ct.get().isMultipart()) {
            if (ct.get().parameter("boundary").isEmpty()) {
                String b = boundaryFromFirstLine((BufferedInputStream) body);
                if (b == null) {
                    throw new FramingException(Messages.text("AI-XML.dmp-no-boundary"));
                }
                Map<String, String> p = new LinkedHashMap<>(ct.get().parameters());
                p.put("boundary", b);
                ct = Optional.of(new ContentType(ct.get().mimeType(), p));
            }
            return new Framed(Kind.MULTIPART, body, ct, http, description + " MTOM (" + ct.get().mimeType() + ")");
        }
        if (start == Start.DASHES) {
            String b = boundaryFromFirstLine((BufferedInputStream) body);
            if (b == null) {
                throw new FramingException(Messages.text("AI-XML.dmp-first-boundary-unreadable"));
            }
            ContentType synthetic = ContentType.parse(ContentType.multipartRelated(b)).orElseThrow();
            return new Framed(Kind.MULTIPART, body, Optional.of(synthetic), http,
                    description + " MTOM (délimiteur lu sur la première ligne)");
        }
        if (start == Start.EMPTY) {
            throw new FramingException(Messages.text("AI-XML.dmp-empty"));
        }
        return new Framed(Kind.PLAIN, body, ct, http, description + " SOAP simple");
    }

    private enum Start { XML, DASHES, TEXT, EMPTY }

    private static Start peek(BufferedInputStream in) throws IOException {
        in.mark(4096);
        try {
            int c;
            int n = 0;
            int first = -1;
            int second = -1;
            while ((c = in.read()) >= 0 && n < 4096) {
                n++;
                if (n == 1 && (c == 0xEF || c == 0xFE || c == 0xFF || c == 0x00)) {
                    return Start.XML; // BOM or UTF-16/32: XML
                }
                if (first < 0 && (c == ' ' || c == '\t' || c == '\r' || c == '\n')) {
                    continue;
                }
                if (first < 0) {
                    first = c;
                    if (c == '<') {
                        return Start.XML;
                    }
                    continue;
                }
                second = c;
                break;
            }
            if (first < 0) {
                return Start.EMPTY;
            }
            return first == '-' && second == '-' ? Start.DASHES : Start.TEXT;
        } finally {
            in.reset();
        }
    }

    /** Reads the boundary from the first non-blank line ("--boundary"); leaves the stream where it was. */
    static String boundaryFromFirstLine(BufferedInputStream in) throws IOException {
        in.mark(2048);
        try {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && sb.length() < 1024) {
                if (c == '\n') {
                    if (sb.toString().isBlank()) {
                        sb.setLength(0);
                        continue;
                    }
                    break;
                }
                sb.append((char) c);
            }
            String line = sb.toString().strip();
            if (!line.startsWith("--") || line.length() < 3 || line.length() > 72 + 2) {
                return null;
            }
            return line.substring(2);
        } finally {
            in.reset();
        }
    }

    private static Map<String, String> readHttpHeaders(BufferedInputStream in, int max) throws IOException, FramingException {
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        boolean first = true;
        String last = null;
        while (true) {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (++total > max) {
                    throw new FramingException(Messages.text("AI-XML.dmp-http-headers-too-big", max));
                }
                sb.append((char) c);
            }
            total++;
            if (c < 0 && sb.length() == 0) {
                throw new FramingException(Messages.text("AI-XML.dmp-http-no-body"));
            }
            int len = sb.length();
            if (len > 0 && sb.charAt(len - 1) == '\r') {
                sb.setLength(len - 1);
            }
            String line = new String(sb.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
            if (line.isEmpty()) {
                if (first) {
                    continue;
                }
                return headers;
            }
            if (first && (REQUEST_LINE.matcher(line).matches() || STATUS_LINE.matcher(line).matches())) {
                first = false;
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
                headers.put(last, headers.get(last) + " " + line.strip());
                continue;
            }
            if (!HEADER_LINE.matcher(line).matches()) {
                throw new FramingException(first
                        ? Messages.text("AI-XML.dmp-start-unknown")
                        : Messages.text("AI-XML.dmp-http-header-unreadable", abbreviate(line)));
            }
            first = false;
            int colon = line.indexOf(':');
            last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            headers.merge(last, line.substring(colon + 1).strip(), (a, b) -> a + ", " + b);
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** The request's framing cannot be recognised. */
    public static final class FramingException extends Exception {
        private static final long serialVersionUID = 1L;

        private final transient Messages.Text text;

        public FramingException(Messages.Text text) {
            super(text.toString());
            this.text = text;
        }

        /** Why, in the language it is rendered in. */
        public Messages.Text text() {
            return text;
        }
    }
}
