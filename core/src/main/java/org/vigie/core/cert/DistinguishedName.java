package org.vigie.core.cert;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A distinguished name as a list of relative distinguished names (RDNs), each a set of attribute/value
 * assertions, in the order they were written. Built by {@link DistinguishedNames#parse(String)} or
 * {@link DistinguishedNames#of(javax.security.auth.x500.X500Principal)}; immutable.
 *
 * <p>Two names are the {@linkplain #sameNameAs(DistinguishedName) same name} when their RDNs match one to one in
 * the same order or in reverse order (DN strings are written both ways: RFC 2253 starts with {@code CN}, the
 * X.500 order with {@code C}); attribute types are compared by OID ({@code S} and {@code ST} are the same type)
 * and values after normalisation (Unicode NFKC, case folded, inner spaces collapsed, outer spaces removed).</p>
 */
public final class DistinguishedName {

    /**
     * One attribute/value assertion.
     *
     * @param oid   the attribute type as a dotted OID (e.g. {@code 2.5.4.11} for OU)
     * @param value the value as written once escapes are decoded
     */
    public record Ava(String oid, String value) {
        public Ava {
            Objects.requireNonNull(oid, "oid");
            Objects.requireNonNull(value, "value");
        }

        /** The short name of the type ({@code CN}, {@code OU}, ...) or the OID when it has none. */
        public String typeName() {
            return DistinguishedNames.shortName(oid);
        }

        String normalizedValue() {
            return DistinguishedNames.normalize(value);
        }
    }

    /**
     * One RDN: one or more assertions (multi-valued RDNs join them with {@code +}).
     *
     * @param avas the assertions, at least one
     */
    public record Rdn(List<Ava> avas) {
        public Rdn {
            avas = List.copyOf(avas);
            if (avas.isEmpty()) {
                throw new IllegalArgumentException("an RDN holds at least one attribute");
            }
        }

        boolean matches(Rdn other) {
            if (avas.size() != other.avas.size()) {
                return false;
            }
            List<Ava> rest = new ArrayList<>(other.avas);
            for (Ava a : avas) {
                boolean found = false;
                for (int i = 0; i < rest.size(); i++) {
                    Ava b = rest.get(i);
                    if (a.oid().equals(b.oid()) && a.normalizedValue().equals(b.normalizedValue())) {
                        rest.remove(i);
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Rdn> rdns;
    /** The rendering of {@link #toString()}, computed on first use (an immutable value: a benign race). */
    private String text;

    DistinguishedName(List<Rdn> rdns) {
        this.rdns = List.copyOf(rdns);
    }

    /** The RDNs in the order they were written. */
    public List<Rdn> rdns() {
        return rdns;
    }

    /** Every value of an attribute type (by OID or short name such as {@code OU}), in written order. */
    public List<String> values(String type) {
        String oid = DistinguishedNames.oidOf(type);
        List<String> out = new ArrayList<>();
        for (Rdn rdn : rdns) {
            for (Ava ava : rdn.avas()) {
                if (ava.oid().equals(oid)) {
                    out.add(ava.value());
                }
            }
        }
        return List.copyOf(out);
    }

    /** The single value of an attribute type, empty when absent or repeated. */
    public Optional<String> single(String type) {
        List<String> v = values(type);
        return v.size() == 1 ? Optional.of(v.get(0)) : Optional.empty();
    }

    /** True when both names hold the same RDNs, in the same order or in reverse order (see class comment). */
    public boolean sameNameAs(DistinguishedName other) {
        Objects.requireNonNull(other, "other");
        int n = rdns.size();
        if (n != other.rdns.size()) {
            return false;
        }
        boolean forward = true;
        for (int i = 0; i < n && forward; i++) {
            forward = rdns.get(i).matches(other.rdns.get(i));
        }
        if (forward) {
            return true;
        }
        for (int i = 0; i < n; i++) {
            if (!rdns.get(i).matches(other.rdns.get(n - 1 - i))) {
                return false;
            }
        }
        return true;
    }

    /** RFC 2253-like rendering with short names, in written order (for messages; not for comparison). */
    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            t = render();
            text = t;
        }
        return t;
    }

    private String render() {
        StringBuilder sb = new StringBuilder();
        for (Rdn rdn : rdns) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            boolean first = true;
            for (Ava ava : rdn.avas()) {
                if (!first) {
                    sb.append(" + ");
                }
                first = false;
                sb.append(ava.typeName()).append('=').append(ava.value());
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DistinguishedName other && rdns.equals(other.rdns);
    }

    @Override
    public int hashCode() {
        return rdns.hashCode();
    }
}
