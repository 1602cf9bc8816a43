package org.vigie.core.cert.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal, bounded DER reader for the few extensions the JDK does not decode (certificate policies, issuing
 * distribution point, CRL distribution points). Every read checks its lengths against the buffer: malformed input
 * gives {@link IllegalArgumentException}, never an out-of-bounds read. Not an API.
 */
public final class Der {

    /** One TLV: tag byte and the bounds of its value in {@code buf}. */
    public record Tlv(byte[] buf, int tag, int start, int end) {
        /** The value's bytes. */
        public byte[] value() {
            byte[] out = new byte[end - start];
            System.arraycopy(buf, start, out, 0, out.length);
            return out;
        }

        /** The TLVs inside a constructed value. */
        public List<Tlv> children() {
            return Der.sequence(buf, start, end);
        }

        /** Context-specific tag number (low five bits). */
        public int tagNumber() {
            return tag & 0x1f;
        }

        public boolean contextSpecific() {
            return (tag & 0xc0) == 0x80;
        }
    }

    private Der() {
    }

    /** The single TLV filling {@code der}. */
    public static Tlv read(byte[] der) {
        List<Tlv> all = sequence(der, 0, der.length);
        if (all.size() != 1) {
            throw new IllegalArgumentException("expected one DER element, found " + all.size());
        }
        return all.get(0);
    }

    /**
     * The inner DER of an extension value as returned by {@code getExtensionValue}: the OCTET STRING wrapper removed.
     */
    public static Tlv extension(byte[] extensionValue) {
        Tlv octets = read(extensionValue);
        if (octets.tag() != 0x04) {
            throw new IllegalArgumentException("extension value is not an OCTET STRING");
        }
        return read(octets.value());
    }

    static List<Tlv> sequence(byte[] buf, int from, int to) {
        List<Tlv> out = new ArrayList<>();
        int p = from;
        while (p < to) {
            int tag = buf[p++] & 0xff;
            if ((tag & 0x1f) == 0x1f) {
                throw new IllegalArgumentException("multi-byte tags are not supported");
            }
            if (p >= to) {
                throw new IllegalArgumentException("truncated length");
            }
            int len = buf[p++] & 0xff;
            if (len > 0x7f) {
                int n = len & 0x7f;
                if (n == 0 || n > 3 || p + n > to) {
                    throw new IllegalArgumentException("unsupported or truncated length");
                }
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (buf[p++] & 0xff);
                }
            }
            if (len > to - p) {
                throw new IllegalArgumentException("value longer than its container");
            }
            out.add(new Tlv(buf, tag, p, p + len));
            p += len;
        }
        return out;
    }

    /** Decodes an OBJECT IDENTIFIER value. */
    public static String oid(Tlv t) {
        if (t.tag() != 0x06 || t.end() == t.start()) {
            throw new IllegalArgumentException("not an OBJECT IDENTIFIER");
        }
        StringBuilder sb = new StringBuilder();
        long v = 0;
        boolean first = true;
        for (int i = t.start(); i < t.end(); i++) {
            int b = t.buf()[i] & 0xff;
            if (v > (Long.MAX_VALUE >> 7)) {
                throw new IllegalArgumentException("OID arc too large");
            }
            v = (v << 7) | (b & 0x7f);
            if ((b & 0x80) == 0) {
                if (first) {
                    int a = v < 40 ? 0 : v < 80 ? 1 : 2;
                    sb.append(a).append('.').append(v - 40L * a);
                    first = false;
                } else {
                    sb.append('.').append(v);
                }
                v = 0;
            }
        }
        return sb.toString();
    }

    /** The text of an IA5String / implicitly tagged string value. */
    public static String ascii(Tlv t) {
        return new String(t.buf(), t.start(), t.end() - t.start(), StandardCharsets.ISO_8859_1);
    }

    /** True when a BOOLEAN (or implicitly tagged BOOLEAN) value is TRUE. */
    public static boolean bool(Tlv t) {
        return t.end() - t.start() == 1 && t.buf()[t.start()] != 0;
    }
}
