package org.vigie.saml.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Exclusive XML Canonicalization 1.0 without comments (http://www.w3.org/2001/10/xml-exc-c14n#) of one element's
 * subtree, optionally less one element's subtree (the enveloped-signature transform), written as UTF-8 straight to
 * a {@link Sink} (a message digest or a signature engine): no intermediate document, string or byte array. Only the
 * one shape the house signature profile accepts is handled; any node this class does not expect (an entity
 * reference, a document type) makes it throw {@link Unsupported} so that the caller falls back to Santuario, which
 * stays the reference (the differential tests compare both on every verdict).
 */
final class ExcC14n {

    /** Where the canonical octets go. */
    interface Sink {
        /** Takes {@code len} octets of {@code b} from {@code off}. */
        void write(byte[] b, int off, int len);
    }

    /** A node this canonicaliser does not handle: the caller uses Santuario instead. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    private static final Comparator<Attr> ATTRIBUTE_ORDER = (a, b) -> {
        String na = a.getNamespaceURI() == null ? "" : a.getNamespaceURI();
        String nb = b.getNamespaceURI() == null ? "" : b.getNamespaceURI();
        int c = na.compareTo(nb);
        return c != 0 ? c : localName(a).compareTo(localName(b));
    };

    private final Sink sink;
    private final byte[] buf = new byte[4096];
    private int pos;
    private final Set<String> inclusive;
    /** Prefix ("" for the default namespace) → the namespace URI rendered by the nearest output ancestor. */
    private final Map<String, String> rendered = new HashMap<>();
    /** Undo log of {@link #rendered}: per element, the prefixes it rendered and their previous values. */
    private final List<String[]> undo = new ArrayList<>();
    /**
     * The namespaces in scope for the prefixes of the inclusive list (null: unbound), kept along the walk as
     * {@link Node#lookupNamespaceURI} would find them (the element's own binding, then its declarations, then its
     * ancestors'), without walking up the ancestors at each element.
     */
    private final Map<String, String> inScope = new HashMap<>();
    /** Undo log of {@link #inScope}, per element. */
    private final List<String[]> scopeUndo = new ArrayList<>();

    private ExcC14n(Sink sink, Set<String> inclusive) {
        this.sink = sink;
        this.inclusive = inclusive;
    }

    /**
     * Canonicalises the subtree of {@code root}, less the subtree of {@code excluded} (may be null).
     *
     * @param root      the apex of the node set (the referenced element, or SignedInfo)
     * @param excluded  an element of the subtree left out with its subtree (the enveloping ds:Signature), or null
     * @param inclusive the InclusiveNamespaces PrefixList ("" for {@code #default}), treated as inclusive c14n does
     * @param sink      where the octets go
     * @throws Unsupported when the subtree holds a node outside the accepted profile
     */
    static void canonicalize(Element root, Element excluded, Set<String> inclusive, Sink sink) throws Unsupported {
        ExcC14n c = new ExcC14n(sink, inclusive);
        c.rendered.put("", "");
        if (!inclusive.isEmpty()) {
            Node parent = root.getParentNode();
            for (String p : inclusive) {
                c.inScope.put(p, parent instanceof Element pe ? pe.lookupNamespaceURI(p.isEmpty() ? null : p) : null);
            }
        }
        c.walk(root, excluded);
        c.flush();
    }

    /** Iterative walk in document order (deep nesting cannot overflow the stack). */
    private void walk(Element root, Element excluded) throws Unsupported {
        Node n = root;
        while (true) {
            boolean descend = false;
            switch (n.getNodeType()) {
                case Node.ELEMENT_NODE -> {
                    if (n != excluded) {
                        startElement((Element) n);
                        descend = true;
                    }
                }
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text(n.getNodeValue());
                case Node.COMMENT_NODE -> {
                    // without comments
                }
                case Node.PROCESSING_INSTRUCTION_NODE -> {
                    ascii("<?");
                    chars(n.getNodeName());
                    String data = n.getNodeValue();
                    if (data != null && !data.isEmpty()) {
                        ascii(" ");
                        chars(data);
                    }
                    ascii("?>");
                }
                default -> throw new Unsupported("node type " + n.getNodeType());
            }
            if (descend) {
                Node first = n.getFirstChild();
                if (first != null) {
                    n = first;
                    continue;
                }
                endElement((Element) n);
            }
            // next in document order, closing the elements left
            while (n != root && n.getNextSibling() == null) {
                n = n.getParentNode();
                endElement((Element) n);
            }
            if (n == root) {
                return;
            }
            n = n.getNextSibling();
        }
    }

    private void startElement(Element e) throws Unsupported {
        String[] changes = null;
        int nChanges = 0;
        // namespace nodes to render: visibly utilised prefixes, plus those of the inclusive list that are in scope
        String[] prefixes = new String[4];
        String[] uris = new String[4];
        int np = 0;
        String ePrefix = e.getPrefix() == null ? "" : e.getPrefix();
        String eUri = e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
        NamedNodeMap attrs = e.getAttributes();
        int nAttrs = attrs.getLength();
        Attr[] plain = new Attr[nAttrs];
        int na = 0;
        np = addNamespace(prefixes, uris, np, ePrefix, eUri);
        prefixes = grow(prefixes, np);
        uris = grow(uris, np);
        for (int i = 0; i < nAttrs; i++) {
            Attr a = (Attr) attrs.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                String v = a.getValue();
                if (!v.isEmpty() && v.indexOf(':') <= 0) {
                    throw new Unsupported("relative namespace URI"); // an error of c14n: Santuario reports it
                }
                if (!inclusive.isEmpty()) {
                    String p = a.getPrefix() == null ? "" : localName(a);
                    if (inclusive.contains(p)) {
                        prefixes = grow(prefixes, np + 1);
                        uris = grow(uris, np + 1);
                        np = addNamespace(prefixes, uris, np, p, a.getValue());
                    }
                }
                continue;
            }
            plain[na++] = a;
            String p = a.getPrefix();
            if (p != null && !p.isEmpty()) {
                prefixes = grow(prefixes, np + 1);
                uris = grow(uris, np + 1);
                np = addNamespace(prefixes, uris, np, p, a.getNamespaceURI() == null ? "" : a.getNamespaceURI());
            }
        }
        if (!inclusive.isEmpty()) {
            enterScope(e, attrs, nAttrs);
            // prefixes of the list declared on ancestors (in scope, not declared here)
            for (String p : inclusive) {
                if (indexOf(prefixes, np, p) < 0) {
                    String uri = inScope.get(p);
                    if (uri != null && !(p.isEmpty() && e.getNamespaceURI() == null && e.getPrefix() == null)) {
                        prefixes = grow(prefixes, np + 1);
                        uris = grow(uris, np + 1);
                        np = addNamespace(prefixes, uris, np, p, uri);
                    }
                }
            }
        }
        ascii("<");
        chars(e.getNodeName());
        // namespace declarations, by prefix (the default namespace first)
        Integer[] order = new Integer[np];
        for (int i = 0; i < np; i++) {
            order[i] = i;
        }
        final String[] pp = prefixes;
        Arrays.sort(order, (x, y) -> pp[x].compareTo(pp[y]));
        for (Integer i : order) {
            String p = prefixes[i];
            String uri = uris[i];
            String before = rendered.get(p);
            if (uri.equals(before) || (before == null && p.isEmpty() && uri.isEmpty())) {
                continue;
            }
            if (before == null && uri.isEmpty()) {
                continue; // an undeclaration of a prefix never rendered: nothing to say
            }
            ascii(p.isEmpty() ? " xmlns=\"" : " xmlns:");
            if (!p.isEmpty()) {
                chars(p);
                ascii("=\"");
            }
            attributeValue(uri);
            ascii("\"");
            if (changes == null) {
                changes = new String[2 * np];
            }
            changes[nChanges++] = p;
            changes[nChanges++] = before;
            rendered.put(p, uri);
        }
        if (na > 1) {
            Arrays.sort(plain, 0, na, ATTRIBUTE_ORDER);
        }
        for (int i = 0; i < na; i++) {
            Attr a = plain[i];
            ascii(" ");
            chars(a.getNodeName());
            ascii("=\"");
            attributeValue(a.getValue());
            ascii("\"");
        }
        ascii(">");
        undo.add(changes == null ? NO_CHANGES : Arrays.copyOf(changes, nChanges));
    }

    private static final String[] NO_CHANGES = new String[0];

    /** The bindings of the inclusive prefixes at {@code e}: its declarations, then its own prefix (which wins). */
    private void enterScope(Element e, NamedNodeMap attrs, int nAttrs) {
        String[] changes = null;
        int n = 0;
        for (int i = 0; i <= nAttrs; i++) {
            String p;
            String uri;
            if (i < nAttrs) {
                Attr a = (Attr) attrs.item(i);
                if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                    continue;
                }
                p = a.getPrefix() == null ? "" : localName(a);
                uri = a.getValue().isEmpty() ? null : a.getValue();
            } else {
                if (e.getNamespaceURI() == null) {
                    continue;
                }
                p = e.getPrefix() == null ? "" : e.getPrefix();
                uri = e.getNamespaceURI();
            }
            if (!inclusive.contains(p)) {
                continue;
            }
            if (changes == null) {
                changes = new String[2 * (nAttrs + 1)];
            }
            changes[n++] = p;
            changes[n++] = inScope.get(p);
            inScope.put(p, uri);
        }
        scopeUndo.add(changes == null ? NO_CHANGES : Arrays.copyOf(changes, n));
    }

    private void endElement(Element e) {
        ascii("</");
        chars(e.getNodeName());
        ascii(">");
        String[] changes = undo.remove(undo.size() - 1);
        for (int i = changes.length - 2; i >= 0; i -= 2) {
            if (changes[i + 1] == null) {
                rendered.remove(changes[i]);
            } else {
                rendered.put(changes[i], changes[i + 1]);
            }
        }
        if (!inclusive.isEmpty()) {
            String[] scope = scopeUndo.remove(scopeUndo.size() - 1);
            for (int i = scope.length - 2; i >= 0; i -= 2) {
                inScope.put(scope[i], scope[i + 1]);
            }
        }
    }

    /** Adds a namespace node unless its prefix is there already (or is {@code xml}); returns the new count. */
    private static int addNamespace(String[] prefixes, String[] uris, int n, String prefix, String uri) {
        if ("xml".equals(prefix) || indexOf(prefixes, n, prefix) >= 0) {
            return n;
        }
        prefixes[n] = prefix;
        uris[n] = uri;
        return n + 1;
    }

    private static int indexOf(String[] a, int n, String s) {
        for (int i = 0; i < n; i++) {
            if (a[i].equals(s)) {
                return i;
            }
        }
        return -1;
    }

    private static String[] grow(String[] a, int need) {
        return need <= a.length ? a : Arrays.copyOf(a, Math.max(need, 2 * a.length));
    }

    private static String localName(Attr a) {
        return a.getLocalName() != null ? a.getLocalName() : a.getName();
    }

    // --- output

    private void text(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> ascii("&amp;");
                case '<' -> ascii("&lt;");
                case '>' -> ascii("&gt;");
                case '\r' -> ascii("&#xD;");
                default -> character(s, i, c);
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            }
        }
    }

    private void attributeValue(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> ascii("&amp;");
                case '<' -> ascii("&lt;");
                case '"' -> ascii("&quot;");
                case '\t' -> ascii("&#x9;");
                case '\n' -> ascii("&#xA;");
                case '\r' -> ascii("&#xD;");
                default -> character(s, i, c);
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            }
        }
    }

    private void chars(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            character(s, i, c);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            }
        }
    }

    /** One character as UTF-8 (a surrogate pair as one code point; a lone surrogate as U+FFFD, as the JDK does). */
    private void character(String s, int i, char c) {
        if (pos + 4 > buf.length) {
            flush();
        }
        if (c < 0x80) {
            buf[pos++] = (byte) c;
        } else if (c < 0x800) {
            buf[pos++] = (byte) (0xC0 | (c >> 6));
            buf[pos++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isSurrogate(c)) {
            int cp;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(c, s.charAt(i + 1));
                buf[pos++] = (byte) (0xF0 | (cp >> 18));
                buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                buf[pos++] = (byte) 0xEF;
                buf[pos++] = (byte) 0xBF;
                buf[pos++] = (byte) 0xBD;
            }
        } else {
            buf[pos++] = (byte) (0xE0 | (c >> 12));
            buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buf[pos++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    private void ascii(String s) {
        int n = s.length();
        if (pos + n > buf.length) {
            flush();
        }
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
    }

    private void flush() {
        if (pos > 0) {
            sink.write(buf, 0, pos);
            pos = 0;
        }
    }
}
