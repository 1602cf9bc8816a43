package org.vigie.dmp.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A parsed MIME Content-Type: lower-cased type/subtype and parameters (names lower-cased, quotes removed). */
public record ContentType(String mimeType, Map<String, String> parameters) {

    public ContentType {
        parameters = Map.copyOf(parameters);
    }

    /** Parses a header value; lenient (unknown syntax is skipped), never throws. Null or blank gives empty. */
    public static Optional<ContentType> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
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

    public boolean isMultipart() {
        return mimeType.startsWith("multipart/");
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The header value rebuilt with a boundary (used when the boundary comes from the first line). */
    public static String multipartRelated(String boundary) {
        return "multipart/related; type=\"application/xop+xml\"; boundary=\"" + boundary.replace("\"", "\\\"") + "\"";
    }
}
