package org.vigie.saml.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;

import org.vigie.core.Location;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.saml.VihfInput;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The read step of control 1: the token's size, its hardened parse (or the copy of a caller's DOM element), the
 * location of the single SAML 2.0 Assertion (with the signature-wrapping analysis when there are several) and its
 * Version and ID ({@code VIHF-XML}, {@code VIHF-SIGNATURE}). Stateless.
 */
public final class ReadStep {

    private static final Location VIHF = Location.of("VIHF");

    /**
     * What the read step produced.
     *
     * @param report    its findings, in order
     * @param assertion the Assertion to go on with, in a document of our own; null when reading stopped
     */
    public record Read(Report report, Element assertion) {
    }

    private ReadStep() {
    }

    /**
     * Reads a token.
     *
     * @param in       the token
     * @param maxBytes the size limit (bytes, or characters of a DOM element)
     * @return the findings and, unless reading stopped, the Assertion
     */
    public static Read read(VihfInput in, long maxBytes) {
        Report.Builder r = Report.builder();
        Document doc;
        byte[] raw = null;
        if (in.bytes().isPresent()) {
            raw = in.bytes().get();
            if (in.truncated() || raw.length > maxBytes) {
                r.add(Rules.VIHF_XML, in.truncated() ? "too-big-truncated" : "too-big", VIHF, "", raw.length,
                        maxBytes);
                return stopped(r);
            }
            SecureXml.Parsed p = SecureXml.parse(raw);
            if (!p.ok()) {
                r.add(Rules.VIHF_XML, "unreadable", VIHF, "", p.error());
                return stopped(r);
            }
            if (p.warning() != null) {
                r.add(Rules.VIHF_XML, Severity.WARNING, "parser-warning", VIHF, "", p.warning());
            }
            doc = p.document();
        } else {
            Element el = in.element().orElseThrow();
            if (el.getLocalName() == null) {
                r.add(Rules.VIHF_XML, "dom-no-namespaces", VIHF, "");
                return stopped(r);
            }
            long size = approximateSize(el, maxBytes);
            if (size > maxBytes) {
                r.add(Rules.VIHF_XML, "dom-too-big", VIHF, "", maxBytes);
                return stopped(r);
            }
            doc = copy(el);
            if (doc == null) {
                r.add(Rules.VIHF_XML, "dom-entities", VIHF, "");
                return stopped(r);
            }
        }
        Locator.Located loc = Locator.locate(doc.getDocumentElement());
        if (loc.error() != null) {
            r.add(Rules.VIHF_XML, loc.error().name(), VIHF, "", loc.error().arguments().toArray());
            if (loc.all().size() > 1) {
                for (Locator.Problem m : Locator.wrapping(doc.getDocumentElement(), loc.all())) {
                    r.add(Rules.VIHF_SIGNATURE, m.name(), VIHF, "", m.arguments().toArray());
                }
            }
            return stopped(r);
        }
        Element assertion = loc.assertion();
        String version = assertion.getAttributeNS(null, "Version");
        if (!"2.0".equals(version)) {
            r.add(Rules.VIHF_XML, "version", VIHF.attribute("Version"), version, version);
        }
        if (assertion.getAttributeNS(null, "ID").isEmpty()) {
            r.add(Rules.VIHF_XML, "no-id", VIHF.attribute("ID"), "");
        }
        return new Read(r.build(), assertion);
    }

    private static Read stopped(Report.Builder r) {
        return new Read(r.build(), null);
    }

    /** Characters of names, attribute values and text of a subtree, counted until {@code limit} is passed. */
    private static long approximateSize(Element root, long limit) {
        long total = 0;
        List<Node> stack = new ArrayList<>();
        stack.add(root);
        while (!stack.isEmpty() && total <= limit) {
            Node n = stack.remove(stack.size() - 1);
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                total += 2L * n.getNodeName().length() + 5;
                NamedNodeMap attrs = n.getAttributes();
                for (int i = 0; i < attrs.getLength(); i++) {
                    total += attrs.item(i).getNodeName().length() + attrs.item(i).getNodeValue().length() + 4;
                }
            } else if (n.getNodeValue() != null) {
                total += n.getNodeValue().length();
            }
            for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
                stack.add(c);
            }
        }
        return total;
    }

    /**
     * Copies a caller's element into a document of our own, with the namespace declarations in scope and the
     * {@code xml:*} attributes it inherits (inclusive C14N, which an enveloped-only Reference falls back to, copies
     * them onto the signed Assertion: losing them would verify a signature that fails in the caller's document). An
     * Assertion inheriting {@code xml:*} attributes is put under a {@code wsse:Security} wrapper carrying them.
     */
    private static Document copy(Element el) {
        Document doc = SecureXml.newDocument();
        Element root = (Element) doc.importNode(el, true);
        Map<String, Attr> inheritedXml = new LinkedHashMap<>();
        for (Node p = el.getParentNode(); p != null && p.getNodeType() == Node.ELEMENT_NODE; p = p.getParentNode()) {
            NamedNodeMap attrs = p.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())
                        && !root.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getLocalName())) {
                    root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getName(), a.getValue());
                } else if (XMLConstants.XML_NS_URI.equals(a.getNamespaceURI())
                        && !el.hasAttributeNS(XMLConstants.XML_NS_URI, a.getLocalName())) {
                    inheritedXml.putIfAbsent(a.getLocalName(), a); // the nearest ancestor's value wins
                }
            }
        }
        if (inheritedXml.isEmpty()) {
            doc.appendChild(root);
        } else if (Xml.is(el, Xml.SAML2, "Assertion")) {
            Element wrapper = doc.createElementNS(Xml.WSSE_10, "wsse:Security");
            wrapper.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:wsse", Xml.WSSE_10);
            inheritedXml.values().forEach(a -> wrapper.setAttributeNS(XMLConstants.XML_NS_URI, "xml:" + a.getLocalName(), a.getValue()));
            wrapper.appendChild(root);
            doc.appendChild(wrapper);
        } else {
            inheritedXml.values().forEach(a -> root.setAttributeNS(XMLConstants.XML_NS_URI, "xml:" + a.getLocalName(), a.getValue()));
            doc.appendChild(root);
        }
        List<Node> stack = new ArrayList<>();
        stack.add(root);
        while (!stack.isEmpty()) {
            Node n = stack.remove(stack.size() - 1);
            if (n.getNodeType() == Node.ENTITY_REFERENCE_NODE || n.getNodeType() == Node.DOCUMENT_TYPE_NODE) {
                return null;
            }
            for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
                stack.add(c);
            }
        }
        return doc;
    }
}
