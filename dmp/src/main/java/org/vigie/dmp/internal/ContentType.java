package org.vigie.dmp.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;

/**
 * A parsed MIME Content-Type: lower-cased type/subtype and parameters (names lower-cased, quotes removed).
 *
 * <p>Parsed by mime4j's {@link RawFieldParser}, the parser the MTOM reader's {@code MimeTokenStream} itself uses, so
 * that Vigie's view of a header (type, boundary, start, charset) is the one the MIME walk sees: RFC 2045 tokens and
 * quoted strings with backslash escapes, RFC 822 comments skipped. One case keeps a hand-written reading: a value
 * holding a bare CR or LF (given by a caller, or a boundary read from a mangled first delimiter line). mime4j refuses
 * such a value or drops the line break, which would silently change the boundary; read as written, the line break
 * stays in the value and the MTOM reader reports it ({@code MangledBoundaryThreatTest}).
 *
 * @param mimeType   the type/subtype, lower-cased
 * @param parameters the parameters by lower-cased name (the first of a repeated name), values unquoted
 */
public record ContentType(String mimeType, Map<String, String> parameters) {

    /** Copies the parameters (immutable). */
    public ContentType {
        parameters = Map.copyOf(parameters);
    }

    /**
     * Parses a header value; lenient (unknown syntax is skipped), never throws. Null or blank gives empty, and so does
     * a value whose type has no {@code /}.
     *
     * @param value the Content-Type header value, or null
     * @return the parsed Content-Type, or empty
     */
    public static Optional<ContentType> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            return parseAsWritten(value);
        }
        RawBody body;
        try {
            body = RawFieldParser.DEFAULT.parseRawBody(new RawField("Content-Type", value));
        } catch (RuntimeException e) {
            return Optional.empty(); // lenient: mime4j found nothing it could read
        }
        String type = body.getValue() == null ? "" : body.getValue().strip().toLowerCase(Locale.ROOT);
        if (type.isEmpty() || type.indexOf('/') < 0) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (NameValuePair p : body.getParams()) {
            String name = p.getName() == null ? "" : p.getName().strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && p.getValue() != null) {
                params.putIfAbsent(name, p.getValue().strip());
            }
        }
        return Optional.of(new ContentType(type, params));
    }

    /** The hand-written reading, kept for values holding a bare line break (see the class comment). */
    private static Optional<ContentType> parseAsWritten(String value) {
        String v = value.strip();
        int semi = v.indexOf(';');
        String type = (semi < 0 ? v : v.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        if (type.isEmpty() || type.indexOf('/') < 0) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        int i = semi < 0 ? v.length() : semi + 1;
        while (i < v.length()) {
            while (i < v.length() && (v.charAt(i) == ' ' || v.charAt(i) == '\t' || v.charAt(i) == ';')) {
                i++;
            }
            int eq = v.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = v.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            i = eq + 1;
            while (i < v.length() && (v.charAt(i) == ' ' || v.charAt(i) == '\t')) {
                i++;
            }
            StringBuilder val = new StringBuilder();
            if (i < v.length() && v.charAt(i) == '"') {
                i++;
                while (i < v.length() && v.charAt(i) != '"') {
                    char c = v.charAt(i);
                    if (c == '\\' && i + 1 < v.length()) {
                        i++;
                        c = v.charAt(i);
                    }
                    val.append(c);
                    i++;
                }
                i++; // closing quote
                while (i < v.length() && v.charAt(i) != ';') {
                    i++;
                }
            } else {
                int end = v.indexOf(';', i);
                if (end < 0) {
                    end = v.length();
                }
                val.append(v, i, end);
                i = end;
            }
            if (!name.isEmpty()) {
                params.putIfAbsent(name, val.toString().strip());
            }
        }
        return Optional.of(new ContentType(type, params));
    }

    /** True for a {@code multipart/*} type. */
    public boolean isMultipart() {
        return mimeType.startsWith("multipart/");
    }

    /**
     * A parameter by name, without case.
     *
     * @param name the parameter name, any case
     * @return its value, or empty
     */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The header value rebuilt with a boundary (used when the boundary comes from the first line). */
    public static String multipartRelated(String boundary) {
        return "multipart/related; type=\"application/xop+xml\"; boundary=\"" + boundary.replace("\"", "\\\"") + "\"";
    }
}
