package org.vigie.saml.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.vigie.saml.SecurityHeaderTarget;

/**
 * Finds the one Assertion of a VIHF input whose root is an Assertion, a {@code wsse:Security} header or a SOAP
 * envelope, and analyses documents holding several Assertions for signature-wrapping patterns.
 */
public final class Locator {

    /**
     * @param assertion  the Assertion when exactly one SAML 2.0 Assertion exists where expected, else null
     * @param all        every SAML 2.0 Assertion of the document
     * @param error      the VIHF-XML problem (a message of the catalogue), or null
     */
    public record Located(Element assertion, List<Element> all, Problem error) {
    }

    /**
     * A problem found while locating the Assertion: the name of its catalogue message (under the rule the caller
     * reports it with) and the message's arguments.
     *
     * @param name      the message name (the part of the key after {@code RULE-ID.})
     * @param arguments the message's arguments, in order
     */
    public record Problem(String name, List<Object> arguments) {

        /** A problem with its message name and arguments. */
        public static Problem of(String name, Object... arguments) {
            return new Problem(name, List.of(arguments));
        }
    }

    private Locator() {
    }

    public static Located locate(Element root) {
        List<Element> all = new ArrayList<>();
        List<Element> saml1 = new ArrayList<>();
        // security headers addressed to another SOAP node are not read, nor are the Assertions they carry
        java.util.Set<Element> notTaken = new java.util.HashSet<>();
        boolean envelope = Xml.is(root, Xml.SOAP11, "Envelope") || Xml.is(root, Xml.SOAP12, "Envelope");
        Element soapHeader = envelope ? Xml.child(root, root.getNamespaceURI(), "Header") : null;
        if (soapHeader != null) {
            for (Element h : Xml.children(soapHeader)) {
                if (isSecurity(h) && !target(root, h).taken()) {
                    notTaken.add(h);
                }
            }
        }
        for (Element e : Xml.elements(root)) {
            if (!notTaken.isEmpty() && insideAny(e, notTaken)) {
                continue;
            }
            if (Xml.is(e, Xml.SAML2, "Assertion")) {
                all.add(e);
            } else if (Xml.is(e, Xml.SAML1, "Assertion")) {
                saml1.add(e);
            }
        }
        List<Element> candidates = new ArrayList<>();
        String where;
        if (Xml.is(root, Xml.SAML2, "Assertion")) {
            candidates.add(root);
            where = "document";
        } else if (isSecurity(root)) {
            candidates.addAll(Xml.children(root, Xml.SAML2, "Assertion"));
            where = "security";
        } else if (Xml.is(root, Xml.SOAP11, "Envelope") || Xml.is(root, Xml.SOAP12, "Envelope")) {
            if (soapHeader == null) {
                return new Located(null, all, Problem.of("envelope-no-header"));
            }
            int forUltimate = 0;
            for (Element h : Xml.children(soapHeader)) {
                if (isSecurity(h) && !notTaken.contains(h)) {
                    forUltimate++;
                    candidates.addAll(Xml.children(h, Xml.SAML2, "Assertion"));
                }
            }
            if (forUltimate > 1) {
                return new Located(null, all, Problem.of("several-security-headers", forUltimate));
            }
            if (forUltimate == 0 && !notTaken.isEmpty()) {
                return new Located(null, all, Problem.of("security-header-for-another-role", notTaken.size(),
                        SecurityHeaderTarget.attributeName(root.getNamespaceURI())));
            }
            where = "envelope";
        } else if (Xml.is(root, Xml.SAML1, "Assertion")) {
            return new Located(null, all, Problem.of("saml1", Xml.SAML2));
        } else {
            return new Located(null, all, Problem.of("unexpected-root", "{" + root.getNamespaceURI() + "}"
                    + root.getLocalName()));
        }
        if (all.size() > 1) {
            return new Located(null, all, Problem.of("several-assertions-" + where, all.size()));
        }
        if (candidates.isEmpty()) {
            if (!saml1.isEmpty()) {
                return new Located(null, all, Problem.of("only-saml1"));
            }
            return new Located(null, all, Problem.of(all.isEmpty() ? "no-assertion-" + where : "misplaced-assertion"));
        }
        return new Located(candidates.get(0), all, null);
    }

    /** Whom a security header block of this envelope is addressed to. */
    public static SecurityHeaderTarget target(Element envelope, Element security) {
        String ns = envelope.getNamespaceURI();
        String attr = SecurityHeaderTarget.attributeName(ns);
        return SecurityHeaderTarget.of(ns, security.hasAttributeNS(ns, attr) ? security.getAttributeNS(ns, attr) : null);
    }

    private static boolean insideAny(Element e, java.util.Set<Element> ancestors) {
        for (org.w3c.dom.Node p = e; p != null; p = p.getParentNode()) {
            if (ancestors.contains(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSecurity(Element e) {
        return Xml.is(e, Xml.WSSE_10, "Security") || Xml.is(e, Xml.WSSE_11, "Security");
    }

    /**
     * Among the given values, those carried by more than one ID-like attribute (ID, Id, id, wsu:Id, xml:id) of the
     * document, with their count.
     */
    public static Map<String, Integer> duplicateIds(Element root, java.util.Set<String> values) {
        Map<String, Integer> counts = new HashMap<>();
        for (Element e : Xml.elements(root)) {
            NamedNodeMap attrs = e.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                String local = a.getLocalName() != null ? a.getLocalName() : a.getName();
                String ns = a.getNamespaceURI();
                boolean idLike = (ns == null && (local.equals("ID") || local.equals("Id") || local.equals("id")))
                        || (Xml.WSU.equals(ns) && local.equals("Id"))
                        || ("http://www.w3.org/XML/1998/namespace".equals(ns) && local.equals("id"));
                if (idLike && values.contains(a.getValue())) {
                    counts.merge(a.getValue(), 1, Integer::sum);
                }
            }
        }
        counts.values().removeIf(n -> n < 2);
        return counts;
    }

    /** Signature-wrapping patterns in a document holding several Assertions (VIHF-SIGNATURE problems). */
    public static List<Problem> wrapping(Element root, List<Element> all) {
        List<Problem> out = new ArrayList<>();
        boolean anySigned = false;
        boolean anyUnsigned = false;
        for (Element a : all) {
            String id = a.getAttributeNS(null, "ID");
            for (org.w3c.dom.Node p = a.getParentNode(); p != null && p.getNodeType() == org.w3c.dom.Node.ELEMENT_NODE;
                 p = p.getParentNode()) {
                if (Xml.is(p, Xml.SAML2, "Assertion") || Xml.is(p, Xml.DSIG, "Signature") || Xml.is(p, Xml.DSIG, "Object")) {
                    out.add(Problem.of("wrapped-assertion", id, Xml.path((Element) p, null)));
                    break;
                }
            }
            List<Element> sigs = Xml.children(a, Xml.DSIG, "Signature");
            if (sigs.isEmpty()) {
                anyUnsigned = true;
            } else {
                anySigned = true;
                for (Element sig : sigs) {
                    Element si = Xml.child(sig, Xml.DSIG, "SignedInfo");
                    if (si == null) {
                        continue;
                    }
                    for (Element ref : Xml.children(si, Xml.DSIG, "Reference")) {
                        String uri = Xml.attr(ref, "URI");
                        if (!("#" + id).equals(uri)) {
                            out.add(Problem.of("foreign-reference", id, String.valueOf(uri)));
                        }
                    }
                }
            }
        }
        if (anySigned && anyUnsigned) {
            out.add(Problem.of("unsigned-beside-signed"));
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Element a : all) {
            ids.add(a.getAttributeNS(null, "ID"));
        }
        duplicateIds(root, ids).forEach((id, n) -> out.add(Problem.of("wrapping-duplicate-id", id, n)));
        return out;
    }
}
