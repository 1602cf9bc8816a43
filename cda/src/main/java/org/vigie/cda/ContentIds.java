package org.vigie.cda;

import java.util.Optional;

/**
 * The one way Vigie resolves an {@code xop:Include/@href} to a MIME part: as RFC 2392 and Apache CXF's attachment
 * lookup do. The href is a {@code cid:} URL; its part after {@code cid:} is %-decoded (UTF-8) and compared
 * <em>exactly</em> (case and all) with the part's {@code Content-ID} without its angle brackets. No case folding, no
 * "best effort" second pass: a part whose Content-ID differs only by case is not the part the service receives.
 *
 * <p>{@link #problem(String)} says why an href is not a usable {@code cid:} URL (spaces or other characters a URL
 * cannot hold, a broken %-escape, another URL scheme, nothing after {@code cid:}). A bare reference without scheme is
 * resolved as CXF does: as the Content-ID itself, undecoded. For connectors that hand documents by
 * key ({@link AuthorInstitutionValidator#check}), {@link #key(String)} also accepts a bare Content-ID or its
 * {@code <...>} form. Stateless and thread-safe.
 *
 * <p>This public class only delegates: the one implementation, shared with the DMP reader, is core's internal
 * {@code org.vigie.core.internal.mime.ContentIds}. Every method here gives exactly what that one gives.
 */
public final class ContentIds {

    private ContentIds() {
    }

    /**
     * The Content-ID an href designates: the %-decoded part after {@code cid:} (scheme matched without case, as URL
     * schemes are), or empty when the href is not a valid {@code cid:} URL (see {@link #problem(String)}).
     */
    public static Optional<String> ofHref(String href) {
        return org.vigie.core.internal.mime.ContentIds.ofHref(href);
    }

    /** True when the href starts with the {@code cid:} scheme (without case, as URL schemes compare). */
    public static boolean isCidUrl(String href) {
        return org.vigie.core.internal.mime.ContentIds.isCidUrl(href);
    }

    /** A part's Content-ID header value without surrounding white space and angle brackets ({@code <a@b>} gives {@code a@b}). */
    public static String ofHeader(String headerValue) {
        return org.vigie.core.internal.mime.ContentIds.ofHeader(headerValue);
    }

    /** True when {@code href} is a valid {@code cid:} URL naming exactly {@code contentId} (already without brackets). */
    public static boolean matches(String href, String contentId) {
        return org.vigie.core.internal.mime.ContentIds.matches(href, contentId);
    }

    /**
     * Why an href cannot be resolved as RFC 2392 says, in French, or empty when it is a valid {@code cid:} URL.
     * Characters allowed after {@code cid:} are the URL ones (RFC 3986 unreserved, reserved and {@code %HH});
     * white space, {@code < > " { } | \ ^ `}, control and non-ASCII characters are not.
     */
    public static Optional<String> problem(String href) {
        return org.vigie.core.internal.mime.ContentIds.problem(href);
    }

    /**
     * The comparison key of a document key given by a connector: a {@code cid:} URL (decoded as {@link #ofHref}), or
     * else a bare Content-ID or its {@code <...>} form, taken as written. Empty when it is a {@code cid:} URL with a
     * {@link #problem(String)}.
     */
    public static Optional<String> key(String hrefOrContentId) {
        return org.vigie.core.internal.mime.ContentIds.key(hrefOrContentId);
    }
}
