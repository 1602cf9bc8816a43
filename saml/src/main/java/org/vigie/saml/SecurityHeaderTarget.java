package org.vigie.saml;

import java.util.Objects;

/**
 * Which SOAP node a {@code wsse:Security} header block is addressed to, from its {@code soap12:role} (SOAP 1.2) or
 * {@code soap11:actor} (SOAP 1.1) attribute, and whether the VIHF may be taken from it.
 *
 * <p>Decision (docs/security.md, "What the receiver reads"): the VIHF is taken only from the header a WSS4J 3
 * receiver processes with no actor configured (CXF's default), {@code WSSecurityUtil.getSecurityHeader(doc, null)}:
 * the one with no role / actor attribute, or an empty one. SOAP 1.2 (part 1 §5.2.2) also makes an explicit
 * {@code .../role/ultimateReceiver} equal to no role: it is taken too ({@link #ULTIMATE_EXPLICIT}), with a warning,
 * since WSS4J compares role strings and does not find it. A {@code next} role / actor is played by every node,
 * the ultimate receiver included (SOAP 1.2 §2.2, SOAP 1.1 §4.2.2), but WSS4J does not process it: not taken, a
 * warning ({@link #NEXT}). Any other role, {@code .../role/none} included, targets another node ({@link #OTHER}).
 */
public enum SecurityHeaderTarget {
    /** No role / actor attribute, or an empty one: the ultimate receiver, for SOAP and for WSS4J alike. */
    ULTIMATE,
    /** SOAP 1.2 {@code role="http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver"}: the ultimate receiver for SOAP, not found by WSS4J. */
    ULTIMATE_EXPLICIT,
    /** The {@code next} role (SOAP 1.2) or actor (SOAP 1.1): every node, but WSS4J (no actor) ignores it. */
    NEXT,
    /** Any other role or actor: another node. */
    OTHER;

    public static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    public static final String ROLE_ULTIMATE_RECEIVER = "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver";
    public static final String ROLE_NEXT = "http://www.w3.org/2003/05/soap-envelope/role/next";
    public static final String ACTOR_NEXT = "http://schemas.xmlsoap.org/soap/actor/next";

    /**
     * @param soapNamespace the envelope namespace (SOAP 1.1 or 1.2)
     * @param roleOrNull    the value of {@code {soapNamespace}role} (1.2) or {@code {soapNamespace}actor} (1.1), or null
     */
    public static SecurityHeaderTarget of(String soapNamespace, String roleOrNull) {
        Objects.requireNonNull(soapNamespace, "soapNamespace");
        if (roleOrNull == null || roleOrNull.isEmpty()) {
            return ULTIMATE;
        }
        String v = roleOrNull.strip();
        if (SOAP12.equals(soapNamespace)) {
            if (ROLE_ULTIMATE_RECEIVER.equals(v)) {
                return ULTIMATE_EXPLICIT;
            }
            return ROLE_NEXT.equals(v) ? NEXT : OTHER;
        }
        return ACTOR_NEXT.equals(v) ? NEXT : OTHER;
    }

    /** The local name of the targeting attribute in this SOAP version: {@code role} (1.2) or {@code actor} (1.1). */
    public static String attributeName(String soapNamespace) {
        return SOAP12.equals(soapNamespace) ? "role" : "actor";
    }

    /** True when the VIHF is taken from such a header. */
    public boolean taken() {
        return this == ULTIMATE || this == ULTIMATE_EXPLICIT;
    }
}
