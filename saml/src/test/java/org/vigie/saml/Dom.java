package org.vigie.saml;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Test-only DOM helpers to build attacks from a valid token. */
final class Dom {

    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private Dom() {
    }

    static byte[] bytes(Node node) {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(node), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Element> all(Node root, String ns, String local) {
        List<Element> out = new ArrayList<>();
        var list = (root instanceof Document d ? d : root.getOwnerDocument()).getElementsByTagNameNS(ns, local);
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    static Element first(Node root, String ns, String local) {
        return all(root, ns, local).get(0);
    }
}
