package org.vigie.dmp.internal;

import org.vigie.core.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigie.core.internal.limits.BoundedInflation;

/**
 * The HTTP content codings a DMP request body may come in (RFC 9110 §8.4.1): {@code gzip} (and {@code x-gzip}),
 * {@code deflate} and {@code identity}. The one decoder of the project: {@code vigie check} uses it for a captured
 * HTTP message ({@link Framing}), {@code vigie serve} for the body of a request with a {@code Content-Encoding}.
 *
 * <p>This class reads the header (codings, their order, what is refused); each coding is undone by core's
 * {@link BoundedInflation}, streamed: bytes are inflated only as the caller reads them. {@code vigie check} bounds the
 * decoded size and the expansion ratio ({@code RequestLimits}); {@code vigie serve} counts the decoded bytes against
 * {@code --max-body} itself (a bomb gets 413) and bounds the time by {@code --timeout}.
 *
 * <p>{@code deflate} is the zlib format (RFC 1950) by the letter of the HTTP specification; some clients send a raw
 * DEFLATE stream (RFC 1951) under that name, so a body that does not start with a zlib header is inflated raw.
 */
public final class ContentCodings {

    /** Codings applied one over the other that are decoded; more is refused (a stacked bomb gains nothing). */
    public static final int MAX_CODINGS = 2;

    /** The codings this decoder reads, as an {@code Accept-Encoding} value. */
    public static final String SUPPORTED = "gzip, deflate";

    private ContentCodings() {
    }

    /**
     * Parses a {@code Content-Encoding} value into the codings to undo, in the order they were applied.
     *
     * @param contentEncoding the header value (null or blank: none)
     * @return the codings (lower case, {@code x-gzip} as {@code gzip}, {@code identity} dropped); empty for none
     * @throws UnsupportedCodingException when a coding is unknown or more than {@link #MAX_CODINGS} are stacked
     */
    public static List<String> parse(String contentEncoding) throws UnsupportedCodingException {
        List<String> out = new ArrayList<>();
        if (contentEncoding == null || contentEncoding.isBlank()) {
            return out;
        }
        for (String part : contentEncoding.split(",")) {
            String c = part.strip().toLowerCase(Locale.ROOT);
            switch (c) {
                case "", "identity" -> {
                    // nothing to undo
                }
                case "gzip", "x-gzip" -> out.add("gzip");
                case "deflate" -> out.add("deflate");
                default -> throw new UnsupportedCodingException(Messages.text("AI-XML.dmp-coding-unsupported",
                        Framing.abbreviate(part.strip()), SUPPORTED));
            }
        }
        if (out.size() > MAX_CODINGS) {
            throw new UnsupportedCodingException(Messages.text("AI-XML.dmp-codings-stacked", out.size(), MAX_CODINGS,
                    Framing.abbreviate(contentEncoding.strip())));
        }
        return out;
    }

    /**
     * Wraps {@code in} so that reading it gives the decoded body, with no bound of its own (the caller counts the
     * decoded bytes it agrees to read, as {@code vigie serve} does against {@code --max-body}).
     *
     * @see #decode(InputStream, String, long, int)
     */
    public static InputStream decode(InputStream in, String contentEncoding) throws IOException, UnsupportedCodingException {
        return decode(in, contentEncoding, Long.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * Wraps {@code in} so that reading it gives the decoded body; each coding is undone by core's
     * {@link BoundedInflation} (the one inflater of the project), bounded by decoded size and expansion ratio.
     * Nothing is read before the first read of the result except the two bytes that tell zlib from raw DEFLATE (and
     * the gzip header, read by the JDK on construction).
     *
     * @param in              the body as received (not closed by this method)
     * @param contentEncoding the {@code Content-Encoding} header value (null or blank: {@code in} itself)
     * @param maxDecodedBytes bound of the decoded size ({@code Long.MAX_VALUE}: none)
     * @param maxRatio        bound of the expansion ratio past the first MiB ({@code Integer.MAX_VALUE}: none)
     * @return the decoded stream; a passed bound is a {@link org.vigie.core.internal.limits.LimitExceededException}
     *         thrown by {@code read}
     * @throws UnsupportedCodingException when the coding is not supported
     * @throws IOException                when the body does not start as its coding says (not gzip, for instance)
     */
    public static InputStream decode(InputStream in, String contentEncoding, long maxDecodedBytes, int maxRatio)
            throws IOException, UnsupportedCodingException {
        List<String> codings = parse(contentEncoding);
        InputStream body = in;
        for (int i = codings.size() - 1; i >= 0; i--) { // the last coding applied is undone first
            body = BoundedInflation.decode(body, codings.get(i), maxDecodedBytes, maxRatio,
                    BoundedInflation.DEFAULT_RATIO_FREE_BYTES);
        }
        return body;
    }

    /** A {@code Content-Encoding} this decoder does not read. */
    public static final class UnsupportedCodingException extends Exception {
        private static final long serialVersionUID = 1L;

        private final transient Messages.Text text;

        public UnsupportedCodingException(Messages.Text text) {
            super(text.toString());
            this.text = text;
        }

        /** Why, in the language it is rendered in. */
        public Messages.Text text() {
            return text;
        }
    }
}
