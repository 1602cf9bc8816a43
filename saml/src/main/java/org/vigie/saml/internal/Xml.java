package org.vigie.saml.internal;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Namespace constants and small DOM helpers that never search by tag name across the document. */
public final class Xml {

    public static final String SAML2 = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String SAML1 = "urn:oasis:names:tc:SAML:1.0:assertion";
    public static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    public static final String DSIG11 = "http://www.w3.org/2009/xmldsig11#";
    public static final String HL7 = "urn:hl7-org:v3";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String WSSE_10 = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String WSSE_11 = "http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd";
    public static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    public static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

    private Xml() {
    }

    public static boolean is(Node n, String ns, String local) {
        return n != null && n.getNodeType() == Node.ELEMENT_NODE && ns.equals(n.getNamespaceURI())
                && local.equals(n.getLocalName());
    }

    /** Direct element children. */
    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) n);
            }
        }
        return out;
    }

    /** Direct element children with a given name. */
    public static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (is(n, ns, local)) {
                out.add((Element) n);
            }
        }
        return out;
    }

    /** The first direct child with a given name, or null. */
    public static Element child(Element parent, String ns, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (is(n, ns, local)) {
                return (Element) n;
            }
        }
        return null;
    }

    /** Every element of the subtree (root included), document order. Iterative: deep nesting cannot overflow the stack. */
    public static List<Element> subtree(Element root) {
        List<Element> out = new ArrayList<>();
        Node n = root;
        while (n != null) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) n);
            }
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                continue;
            }
            while (n != null && n != root && n.getNextSibling() == null) {
                n = n.getParentNode();
            }
            if (n == null || n == root) {
                break;
            }
            n = n.getNextSibling();
        }
        return out;
    }

    /**
     * The elements of the subtree (root included) in document order, as {@link #subtree(Element)} lists them, walked
     * as they are taken (no list of the whole subtree). The tree must not change during the iteration.
     */
    public static Iterable<Element> elements(Element root) {
        return () -> new java.util.Iterator<>() {
            private Node next = root;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Element next() {
                if (next == null) {
                    throw new java.util.NoSuchElementException();
                }
                Element e = (Element) next;
                next = following(e, root);
                return e;
            }
        };
    }

    /** The element after {@code n} in document order within {@code root}'s subtree, or null. */
    private static Node following(Node n, Element root) {
        while (true) {
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
            } else {
                while (n != root && n.getNextSibling() == null) {
                    n = n.getParentNode();
                    if (n == null) {
                        return null;
                    }
                }
                if (n == root) {
                    return null;
                }
                n = n.getNextSibling();
            }
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                return n;
            }
        }
    }

    /** True when {@code node} lies strictly inside {@code ancestor}. */
    public static boolean inside(Node node, Node ancestor) {
        for (Node p = node.getParentNode(); p != null; p = p.getParentNode()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text value of an element: the concatenation of every text and CDATA node of its subtree, in order.
     * Comments and processing instructions are skipped, never taken as the end of the value.
     */
    public static String text(Element e) {
        Node n = e.getFirstChild();
        if (n == null) {
            return "";
        }
        if (n.getNextSibling() == null && (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE)) {
            return n.getNodeValue(); // one text node: the common case, without a builder
        }
        StringBuilder sb = new StringBuilder();
        while (n != null) {
            short t = n.getNodeType();
            if (t == Node.TEXT_NODE || t == Node.CDATA_SECTION_NODE) {
                sb.append(n.getNodeValue());
            }
            if (t == Node.ELEMENT_NODE && n.getFirstChild() != null) {
                n = n.getFirstChild();
                continue;
            }
            while (n != null && n != e && n.getNextSibling() == null) {
                n = n.getParentNode();
            }
            if (n == null || n == e) {
                break;
            }
            n = n.getNextSibling();
        }
        return sb.toString();
    }

    /** An attribute without namespace, or null when absent. */
    public static String attr(Element e, String name) {
        return e.hasAttributeNS(null, name) ? e.getAttributeNS(null, name) : null;
    }

    /** A readable path of an element for finding locations, e.g. {@code Assertion/Signature/KeyInfo}. */
    public static String path(Element e, Element stopAt) {
        StringBuilder sb = new StringBuilder(e.getLocalName());
        for (Node p = e.getParentNode(); p != null && p.getNodeType() == Node.ELEMENT_NODE; p = p.getParentNode()) {
            sb.insert(0, p.getLocalName() + "/");
            if (p == stopAt) {
                break;
            }
        }
        return sb.toString();
    }
}
