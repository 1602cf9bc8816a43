package org.vigie.core.internal.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import org.vigie.core.Finding;
import org.vigie.core.Location;
import org.vigie.core.Rules;

/**
 * The one way Vigie resolves an {@code xop:Include/@href} to a MIME part: as RFC 2392 and Apache CXF's attachment
 * lookup do. The href is a {@code cid:} URL; its part after {@code cid:} is %-decoded (UTF-8) and compared
 * <em>exactly</em> (case and all) with the part's {@code Content-ID} without its angle brackets. No case folding, no
 * "best effort" second pass: a part whose Content-ID differs only by case is not the part the service receives.
 *
 * <p>{@link #problem(String)} says why an href is not a usable {@code cid:} URL (spaces or other characters a URL
 * cannot hold, a broken %-escape, another URL scheme, nothing after {@code cid:}). A bare reference without scheme is
 * resolved as CXF does: as the Content-ID itself, undecoded. For connectors that hand documents by
 * key (cda's {@code AuthorInstitutionValidator}), {@link #key(String)} also accepts a bare Content-ID or its
 * {@code <...>} form. {@link #asCxfDecodes(String)} gives the other reading of a part's Content-ID that CXF also
 * accepts, so that a reader can say when two receivers would resolve two different parts. Stateless and thread-safe.
 *
 * <p>The one copy of this matcher: cda (and its public {@code org.vigie.cda.ContentIds} delegate), dmp's MTOM reader
 * and the CLI all resolve through it. Internal to Vigie (qualified export), not an API.
 */
public final class ContentIds {

    private ContentIds() {
    }

    /**
     * The Content-ID an href designates: the %-decoded part after {@code cid:} (scheme matched without case, as URL
     * schemes are), or empty when the href is not a valid {@code cid:} URL (see {@link #problem(String)}).
     */
    public static Optional<String> ofHref(String href) {
        Objects.requireNonNull(href, "href");
        if (problem(href).isPresent()) {
            return Optional.empty();
        }
        if (!isCidUrl(href)) {
            return Optional.of(href); // CXF resolves a bare reference (no scheme) as the Content-ID itself, undecoded
        }
        return Optional.of(decode(href.substring(4)));
    }

    /** True when the href starts with the {@code cid:} scheme (without case, as URL schemes compare). */
    public static boolean isCidUrl(String href) {
        return href.regionMatches(true, 0, "cid:", 0, 4);
    }

    /** A part's Content-ID header value without surrounding white space and angle brackets ({@code <a@b>} gives {@code a@b}). */
    public static String ofHeader(String headerValue) {
        Objects.requireNonNull(headerValue, "headerValue");
        String t = headerValue.strip();
        if (t.length() >= 2 && t.charAt(0) == '<' && t.charAt(t.length() - 1) == '>') {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }

    /** True when {@code href} is a valid {@code cid:} URL naming exactly {@code contentId} (already without brackets). */
    public static boolean matches(String href, String contentId) {
        Objects.requireNonNull(contentId, "contentId");
        return ofHref(href).map(contentId::equals).orElse(false);
    }

    /**
     * Why an href cannot be resolved as RFC 2392 says, in French, or empty when it is a valid {@code cid:} URL.
     * Characters allowed after {@code cid:} are the URL ones (RFC 3986 unreserved, reserved and {@code %HH});
     * white space, {@code < > " { } | \ ^ `}, control and non-ASCII characters are not.
     */
    public static Optional<String> problem(String href) {
        return check(href, Location.NONE).map(Finding::message);
    }

    /**
     * The {@code MIME-CID} finding of an href that is not a usable {@code cid:} URL (see {@link #problem(String)}),
     * made at {@code at} with the href as evidence; empty when the href is usable.
     */
    public static Optional<Finding> check(String href, Location at) {
        Objects.requireNonNull(href, "href");
        String shown = shorten(href);
        if (!isCidUrl(href) && href.contains("://")) {
            return Optional.of(Finding.of(Rules.MIME_CID, "href-external", at, href, shown));
        }
        String rest = isCidUrl(href) ? href.substring(4) : href;
        if (rest.isEmpty()) {
            return Optional.of(Finding.of(Rules.MIME_CID, "href-empty", at, href, shown));
        }
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '%') {
                if (i + 2 >= rest.length() || Character.digit(rest.charAt(i + 1), 16) < 0
                        || Character.digit(rest.charAt(i + 2), 16) < 0) {
                    return Optional.of(Finding.of(Rules.MIME_CID, "href-escape", at, href, shown));
                }
                i += 2;
            } else if (c == ' ') {
                return Optional.of(Finding.of(Rules.MIME_CID, "href-space", at, href, shown));
            } else if (!urlChar(c)) {
                String what = c < 0x20 || c == 0x7f ? String.format("U+%04X", (int) c) : "« " + c + " »";
                return Optional.of(Finding.of(Rules.MIME_CID, "href-char", at, href, shown, what));
            }
        }
        if (decodeStrict(rest) == null) {
            return Optional.of(Finding.of(Rules.MIME_CID, "href-utf8", at, href, shown));
        }
        return Optional.empty();
    }

    /**
     * The comparison key of a document key given by a connector: a {@code cid:} URL (decoded as {@link #ofHref}), or
     * else a bare Content-ID or its {@code <...>} form, taken as written. Empty when it is a {@code cid:} URL with a
     * {@link #problem(String)}.
     */
    public static Optional<String> key(String hrefOrContentId) {
        Objects.requireNonNull(hrefOrContentId, "hrefOrContentId");
        String s = hrefOrContentId.strip();
        if (s.regionMatches(true, 0, "cid:", 0, 4)) {
            return ofHref(s);
        }
        return Optional.of(ofHeader(s));
    }

    /**
     * A part's Content-ID as CXF's {@code AttachmentUtil.cleanContentId} keeps it when it looks a part up: without a
     * leading {@code cid:}, URL-decoded ({@code %HH} and {@code +}); as given when that decoding fails.
     *
     * @param contentId the Content-ID, already without angle brackets
     * @return the Content-ID as CXF decodes it
     */
    public static String asCxfDecodes(String contentId) {
        Objects.requireNonNull(contentId, "contentId");
        String id = contentId.startsWith("cid:") ? contentId.substring(4) : contentId;
        try {
            return java.net.URLDecoder.decode(id, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return id;
        }
    }

    private static boolean urlChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return "-._~:/?#[]@!$&'()*+,;=".indexOf(c) >= 0;
    }

    private static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    private static String decode(String s) {
        String d = decodeStrict(s);
        return d == null ? s : d;
    }

    /** %HH-decodes to UTF-8; null when the bytes are not UTF-8. Assumes escapes were checked. */
    private static String decodeStrict(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                out.write(c); // ASCII only here (checked by problem)
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
