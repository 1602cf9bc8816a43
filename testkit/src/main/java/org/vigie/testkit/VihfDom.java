package org.vigie.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.xml.security.utils.Constants;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** DOM helpers of the VIHF builder: element creation, child and descendant look-up, the Assertion's values. */
final class VihfDom {

    private VihfDom() {
    }

    static Element child(Element parent, String ns, String qname) {
        Element e = parent.getOwnerDocument().createElementNS(ns, qname);
        parent.appendChild(e);
        return e;
    }

    static String qname(Element e) {
        return e.getTagName();
    }

    static List<Element> childElements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static Element firstChild(Element parent, String ns, String local) {
        for (Element e : childElements(parent)) {
            if (Objects.equals(ns, e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static Element firstDescendant(Element root, String ns, String local) {
        var list = root.getElementsByTagNameNS(ns, local);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    static Element unsignedCopy(Element a) {
        Element copy = (Element) a.cloneNode(true);
        Element sig = firstChild(copy, Constants.SignatureSpecNS, "Signature");
        if (sig != null) {
            copy.removeChild(sig);
        }
        return copy;
    }

    /** The first AttributeValue of the named attribute directly in this Assertion's AttributeStatement. */
    static Element attributeValueElement(Element assertion, String name) {
        Element stmt = firstChild(assertion, assertion.getNamespaceURI(), "AttributeStatement");
        if (stmt == null) {
            return null;
        }
        for (Element attr : childElements(stmt)) {
            if (name.equals(attr.getAttribute("Name"))) {
                List<Element> vs = childElements(attr);
                return vs.isEmpty() ? null : vs.get(0);
            }
        }
        return null;
    }

    static void setAttributeValue(Element assertion, String name, String value) {
        Element v = attributeValueElement(assertion, name);
        if (v != null) {
            v.setTextContent(value);
        }
    }
}
