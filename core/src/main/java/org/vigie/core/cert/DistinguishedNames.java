package org.vigie.core.cert;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

/**
 * Parsing and comparison of distinguished names written as strings, in the many spellings real artefacts use:
 * RFC 2253 order or the reverse, {@code ,} or {@code ;} separators, spaces around {@code =}, {@code S=} for
 * {@code ST=}, {@code E=}/{@code EMAILADDRESS=}, {@code OID.2.5.4.3=}, quoted values, backslash escapes including
 * hex-escaped UTF-8 ({@code ST=C\C3\B4te-d'Or (21)}), BER hex values ({@code 2.5.4.4=#14045452414c}) and the
 * OpenSSL slash form ({@code /C=FR/O=...}). Comparison is by parsed RDNs, never by string
 * (see {@link DistinguishedName#sameNameAs(DistinguishedName)}).
 */
public final class DistinguishedNames {

    private static final Map<String, String> OIDS = new HashMap<>();
    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        name("2.5.4.3", "CN", "COMMONNAME");
        name("2.5.4.6", "C", "COUNTRYNAME");
        name("2.5.4.7", "L", "LOCALITYNAME");
        name("2.5.4.8", "ST", "S", "STATEORPROVINCENAME");
        name("2.5.4.9", "STREET", "STREETADDRESS");
        name("2.5.4.10", "O", "ORGANIZATIONNAME");
        name("2.5.4.11", "OU", "ORGANIZATIONALUNITNAME");
        name("2.5.4.12", "T", "TITLE");
        name("2.5.4.4", "SN", "SURNAME");
        name("2.5.4.42", "GN", "G", "GIVENNAME");
        name("2.5.4.43", "INITIALS");
        name("2.5.4.5", "SERIALNUMBER");
        name("2.5.4.46", "DNQ", "DNQUALIFIER");
        name("2.5.4.97", "ORGANIZATIONIDENTIFIER");
        name("2.5.4.17", "POSTALCODE");
        name("1.2.840.113549.1.9.1", "E", "EMAILADDRESS", "EMAIL");
        name("0.9.2342.19200300.100.1.25", "DC", "DOMAINCOMPONENT");
        name("0.9.2342.19200300.100.1.1", "UID", "USERID");
    }

    private static void name(String oid, String... names) {
        NAMES.put(oid, names[0]);
        for (String n : names) {
            OIDS.put(n, oid);
        }
    }

    private DistinguishedNames() {
    }

    /**
     * Parses a DN string.
     *
     * @throws IllegalArgumentException when the text is not a distinguished name (the message says where)
     */
    public static DistinguishedName parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        if (s.isEmpty()) {
            return new DistinguishedName(List.of());
        }
        boolean slash = s.charAt(0) == '/';
        return new Parser(slash ? s.substring(1) : s, slash).parse();
    }

    /** Parses a DN string, or returns empty when it cannot be read. */
    public static Optional<DistinguishedName> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The parsed form of a certificate name (subject or issuer). */
    public static DistinguishedName of(X500Principal principal) {
        Objects.requireNonNull(principal, "principal");
        return parse(principal.getName(X500Principal.RFC2253));
    }

    /**
     * True when the DN string names the same entity as the principal, compared as parsed RDNs (order or reverse
     * order, type aliases, escapes, case and spacing of values ignored). False when the string cannot be parsed.
     */
    public static boolean sameName(String a, X500Principal b) {
        Objects.requireNonNull(b, "b");
        Optional<DistinguishedName> pa = tryParse(a);
        return pa.isPresent() && !pa.get().rdns().isEmpty() && pa.get().sameNameAs(of(b));
    }

    /** True when both DN strings name the same entity (see {@link #sameName(String, X500Principal)}). */
    public static boolean sameName(String a, String b) {
        Optional<DistinguishedName> pa = tryParse(a);
        Optional<DistinguishedName> pb = tryParse(b);
        return pa.isPresent() && pb.isPresent() && !pa.get().rdns().isEmpty() && pa.get().sameNameAs(pb.get());
    }

    static String oidOf(String type) {
        String t = type.strip();
        String upper = t.toUpperCase(Locale.ROOT);
        if (upper.startsWith("OID.")) {
            t = t.substring(4);
            upper = upper.substring(4);
        }
        String oid = OIDS.get(upper);
        if (oid != null) {
            return oid;
        }
        if (!t.isEmpty() && Character.isDigit(t.charAt(0))) {
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (!(Character.isDigit(c) || c == '.')) {
                    throw new IllegalArgumentException("malformed attribute type: " + type);
                }
            }
            return t;
        }
        throw new IllegalArgumentException("unknown attribute type: " + type);
    }

    static String shortName(String oid) {
        return NAMES.getOrDefault(oid, oid);
    }

    static String normalize(String value) {
        String n = Normalizer.normalize(value, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            } else {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Decodes a BER-encoded string value ({@code #hex}); non-string types stay as lower-case {@code #hex}. */
    static String decodeBer(String hex) {
        if (hex.length() % 2 != 0 || hex.length() < 4) {
            throw new IllegalArgumentException("malformed #hex value");
        }
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("malformed #hex value");
            }
            b[i] = (byte) (hi * 16 + lo);
        }
        int tag = b[0] & 0xff;
        int len = b[1] & 0xff;
        int off = 2;
        if (len > 0x80) {
            int n = len & 0x7f;
            if (n > 3 || 2 + n > b.length) {
                throw new IllegalArgumentException("malformed #hex length");
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (b[off++] & 0xff);
            }
        } else if (len == 0x80) {
            throw new IllegalArgumentException("indefinite length in #hex value");
        }
        if (off + len != b.length) {
            throw new IllegalArgumentException("#hex length does not match its content");
        }
        Charset cs = switch (tag) {
            case 0x0C -> StandardCharsets.UTF_8;
            case 0x12, 0x13, 0x16 -> StandardCharsets.US_ASCII;
            case 0x14 -> StandardCharsets.ISO_8859_1;
            case 0x1E -> StandardCharsets.UTF_16BE;
            case 0x1C -> Charset.forName("UTF-32BE");
            default -> null;
        };
        if (cs == null) {
            return "#" + hex.toLowerCase(Locale.ROOT);
        }
        return new String(b, off, len, cs);
    }

    private static final class Parser {
        private final String s;
        private final boolean slash;
        private int pos;

        Parser(String s, boolean slash) {
            this.s = s;
            this.slash = slash;
        }

        DistinguishedName parse() {
            List<DistinguishedName.Rdn> rdns = new ArrayList<>();
            List<DistinguishedName.Ava> avas = new ArrayList<>();
            while (true) {
                avas.add(ava());
                skipSpaces();
                if (pos >= s.length()) {
                    rdns.add(new DistinguishedName.Rdn(avas));
                    break;
                }
                char c = s.charAt(pos++);
                if (c == '+') {
                    continue;
                }
                if (isRdnSeparator(c)) {
                    rdns.add(new DistinguishedName.Rdn(avas));
                    avas = new ArrayList<>();
                    skipSpaces();
                    if (pos >= s.length()) {
                        break; // tolerate a trailing separator (/C=FR/ or "...,")
                    }
                    continue;
                }
                throw new IllegalArgumentException("unexpected '" + c + "' at position " + pos);
            }
            return new DistinguishedName(rdns);
        }

        private boolean isRdnSeparator(char c) {
            return slash ? c == '/' : (c == ',' || c == ';');
        }

        private void skipSpaces() {
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
        }

        private DistinguishedName.Ava ava() {
            skipSpaces();
            int eq = s.indexOf('=', pos);
            if (eq < 0) {
                throw new IllegalArgumentException("missing '=' after position " + pos);
            }
            String type = s.substring(pos, eq);
            if (type.isBlank()) {
                throw new IllegalArgumentException("empty attribute type at position " + pos);
            }
            String oid = oidOf(type);
            pos = eq + 1;
            skipSpaces();
            return new DistinguishedName.Ava(oid, value());
        }

        private String value() {
            if (pos < s.length() && s.charAt(pos) == '#') {
                int start = ++pos;
                while (pos < s.length() && Character.digit(s.charAt(pos), 16) >= 0) {
                    pos++;
                }
                return decodeBer(s.substring(start, pos));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (pos < s.length() && s.charAt(pos) == '"') {
                pos++;
                while (true) {
                    if (pos >= s.length()) {
                        throw new IllegalArgumentException("unterminated quoted value");
                    }
                    char c = s.charAt(pos);
                    if (c == '"') {
                        pos++;
                        break;
                    }
                    if (c == '\\') {
                        escape(out);
                    } else {
                        appendChar(out);
                    }
                }
                return out.toString(StandardCharsets.UTF_8);
            }
            int lastNonSpace = 0;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '+' || isRdnSeparator(c)) {
                    break;
                }
                if (c == '\\') {
                    escape(out);
                    lastNonSpace = out.size();
                } else {
                    appendChar(out);
                    if (c != ' ') {
                        lastNonSpace = out.size();
                    }
                }
            }
            byte[] bytes = out.toByteArray();
            return new String(bytes, 0, lastNonSpace, StandardCharsets.UTF_8);
        }

        private void escape(ByteArrayOutputStream out) {
            if (pos + 1 >= s.length()) {
                throw new IllegalArgumentException("dangling backslash at the end");
            }
            char c1 = s.charAt(pos + 1);
            if (pos + 2 < s.length() && Character.digit(c1, 16) >= 0 && Character.digit(s.charAt(pos + 2), 16) >= 0) {
                out.write(Character.digit(c1, 16) * 16 + Character.digit(s.charAt(pos + 2), 16));
                pos += 3;
            } else {
                pos++;
                appendChar(out);
            }
        }

        /** Appends the code point at {@code pos} as UTF-8 and moves past it. */
        private void appendChar(ByteArrayOutputStream out) {
            char c = s.charAt(pos);
            if (c < 0x80) { // the common case, without a string per character
                out.write(c);
                pos++;
                return;
            }
            int cp = s.codePointAt(pos);
            byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            out.write(b, 0, b.length);
            pos += Character.charCount(cp);
        }
    }
}
