package org.vigie.testkit;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Small DOM helpers for the tests. */
final class Dom {
    private Dom() {
    }

    static List<Element> children(Element parent, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (local == null || e.getLocalName().equals(local))) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Element parent, String local) {
        List<Element> c = children(parent, local);
        if (c.isEmpty()) {
            throw new AssertionError("no " + local + " under " + parent.getLocalName());
        }
        return c.get(0);
    }

    static List<Element> descendants(Element root, String ns, String local) {
        NodeList l = root.getElementsByTagNameNS(ns, local);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < l.getLength(); i++) {
            out.add((Element) l.item(i));
        }
        return out;
    }

    /** Values of the slot {@code name} directly under {@code owner}. */
    static List<String> slot(Element owner, String name) {
        for (Element s : children(owner, "Slot")) {
            if (s.getAttribute("name").equals(name)) {
                List<String> v = new ArrayList<>();
                for (Element value : children(child(s, "ValueList"), "Value")) {
                    v.add(value.getTextContent());
                }
                return v;
            }
        }
        return List.of();
    }

    /** The author classifications (by scheme) under an owner. */
    static List<Element> classifications(Element owner, String scheme) {
        List<Element> out = new ArrayList<>();
        for (Element c : children(owner, "Classification")) {
            if (scheme.equals(c.getAttribute("classificationScheme"))) {
                out.add(c);
            }
        }
        return out;
    }
}
