package org.vigie.saml.internal;

import java.util.Arrays;
import java.util.Comparator;
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

    /**
     * One canonicaliser per thread, reused from call to call: its buffer and stacks are scratch space, emptied at the
     * start of each call (no state, and nothing derived from a document, survives a call).
     */
    private static final ThreadLocal<ExcC14n> PER_THREAD = ThreadLocal.withInitial(ExcC14n::new);

    private Sink sink;
    private final byte[] buf = new byte[4096];
    private int pos;
    private boolean busy;
    /** The InclusiveNamespaces PrefixList ("" for the default namespace). */
    private String[] inclusive = NO_STRINGS;
    private int nInclusive;

    /**
     * The namespace nodes rendered by the output ancestors, as a stack of (prefix, URI) bindings: the nearest one of
     * a prefix wins. {@link #renderedMark} keeps, per open element, the stack height at its start.
     */
    private String[] renderedPrefix = new String[16];
    private String[] renderedUri = new String[16];
    private int nRendered;
    private int[] renderedMark = new int[16];
    /**
     * The namespaces in scope for the prefixes of the inclusive list (URI null: unbound), as a stack of bindings kept
     * along the walk as {@link Node#lookupNamespaceURI} would find them (the element's own binding, then its
     * declarations, then its ancestors'), without walking up the ancestors at each element.
     */
    private String[] scopePrefix = new String[16];
    private String[] scopeUri = new String[16];
    private int nScope;
    private int[] scopeMark = new int[16];
    /** Open elements (the depth of the two mark stacks). */
    private int depth;

    // per-element scratch: the namespace nodes of the element being started, its attributes other than xmlns
    private String[] nsPrefix = new String[8];
    private String[] nsUri = new String[8];
    private Attr[] plain = new Attr[16];
    /** Prefix strings met during this call (a prefix is taken from here rather than cut again from each name). */
    private String[] seen = new String[8];
    private int nSeen;

    private ExcC14n() {
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
        ExcC14n c = PER_THREAD.get();
        if (c.busy) {
            c = new ExcC14n(); // a sink that canonicalises again: a canonicaliser of its own
        }
        c.busy = true;
        try {
            c.start(root, inclusive, sink);
            c.walk(root, excluded);
            c.flush();
        } finally {
            c.clear();
        }
    }

    private void start(Element root, Set<String> inclusiveSet, Sink sink) {
        this.sink = sink;
        pos = 0;
        depth = 0;
        nSeen = 0;
        nRendered = 0;
        nScope = 0;
        pushRendered("", "");
        nInclusive = inclusiveSet.size();
        if (inclusive.length < nInclusive) {
            inclusive = new String[nInclusive];
        }
        int i = 0;
        for (String p : inclusiveSet) {
            inclusive[i++] = p;
        }
        if (nInclusive > 0) {
            Node parent = root.getParentNode();
            for (i = 0; i < nInclusive; i++) {
                String p = inclusive[i];
                pushScope(p, parent instanceof Element pe ? pe.lookupNamespaceURI(p.isEmpty() ? null : p) : null);
            }
        }
    }

    /** Drops every reference to the document and the sink, so that nothing of a call outlives it. */
    private void clear() {
        sink = null;
        Arrays.fill(renderedPrefix, null);
        Arrays.fill(renderedUri, null);
        Arrays.fill(scopePrefix, null);
        Arrays.fill(scopeUri, null);
        Arrays.fill(seen, null);
        Arrays.fill(inclusive, null);
        Arrays.fill(nsPrefix, null);
        Arrays.fill(nsUri, null);
        Arrays.fill(plain, null);
        busy = false;
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
        if (depth == renderedMark.length) {
            renderedMark = Arrays.copyOf(renderedMark, 2 * depth);
            scopeMark = Arrays.copyOf(scopeMark, 2 * depth);
        }
        renderedMark[depth] = nRendered;
        scopeMark[depth] = nScope;
        depth++;
        // namespace nodes to render: visibly utilised prefixes, plus those of the inclusive list that are in scope
        int np = 0;
        String qname = e.getNodeName();
        String ePrefix = prefix(e, qname);
        String eUri = e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
        NamedNodeMap attrs = e.getAttributes();
        int nAttrs = attrs.getLength();
        if (plain.length < nAttrs) {
            plain = new Attr[Math.max(nAttrs, 2 * plain.length)];
        }
        int na = 0;
        np = addNamespace(np, ePrefix, eUri);
        for (int i = 0; i < nAttrs; i++) {
            Attr a = (Attr) attrs.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                String v = a.getValue();
                if (!v.isEmpty() && v.indexOf(':') <= 0) {
                    throw new Unsupported("relative namespace URI"); // an error of c14n: Santuario reports it
                }
                if (nInclusive > 0) {
                    String p = declaredPrefix(a);
                    if (isInclusive(p)) {
                        np = addNamespace(np, p, v);
                    }
                }
                continue;
            }
            plain[na++] = a;
            String p = prefix(a, a.getNodeName());
            if (!p.isEmpty()) {
                np = addNamespace(np, p, a.getNamespaceURI() == null ? "" : a.getNamespaceURI());
            }
        }
        if (nInclusive > 0) {
            enterScope(e, ePrefix, attrs, nAttrs);
            // prefixes of the list declared on ancestors (in scope, not declared here)
            for (int k = 0; k < nInclusive; k++) {
                String p = inclusive[k];
                if (indexOf(nsPrefix, np, p) < 0) {
                    String uri = scopeUri(p);
                    if (uri != null && !(p.isEmpty() && e.getNamespaceURI() == null && ePrefix.isEmpty())) {
                        np = addNamespace(np, p, uri);
                    }
                }
            }
        }
        ascii("<");
        chars(qname);
        // namespace declarations, by prefix (the default namespace first): insertion sort of the few nodes
        for (int i = 1; i < np; i++) {
            String p = nsPrefix[i];
            String u = nsUri[i];
            int j = i - 1;
            while (j >= 0 && nsPrefix[j].compareTo(p) > 0) {
                nsPrefix[j + 1] = nsPrefix[j];
                nsUri[j + 1] = nsUri[j];
                j--;
            }
            nsPrefix[j + 1] = p;
            nsUri[j + 1] = u;
        }
        for (int i = 0; i < np; i++) {
            String p = nsPrefix[i];
            String uri = nsUri[i];
            String before = renderedUri(p);
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
            pushRendered(p, uri);
        }
        if (na > 1) {
            Arrays.sort(plain, 0, na, ATTRIBUTE_ORDER);
        }
        for (int i = 0; i < na; i++) {
            Attr a = plain[i];
            plain[i] = null;
            ascii(" ");
            chars(a.getNodeName());
            ascii("=\"");
            attributeValue(a.getValue());
            ascii("\"");
        }
        ascii(">");
    }

    private static final String[] NO_STRINGS = new String[0];

    /** The bindings of the inclusive prefixes at {@code e}: its declarations, then its own prefix (which wins). */
    private void enterScope(Element e, String ePrefix, NamedNodeMap attrs, int nAttrs) {
        for (int i = 0; i < nAttrs; i++) {
            Attr a = (Attr) attrs.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                continue;
            }
            String p = declaredPrefix(a);
            if (isInclusive(p)) {
                pushScope(p, a.getValue().isEmpty() ? null : a.getValue());
            }
        }
        if (e.getNamespaceURI() != null && isInclusive(ePrefix)) {
            pushScope(ePrefix, e.getNamespaceURI());
        }
    }

    private void endElement(Element e) {
        ascii("</");
        chars(e.getNodeName());
        ascii(">");
        depth--;
        int r = renderedMark[depth];
        while (nRendered > r) {
            nRendered--;
            renderedPrefix[nRendered] = null;
            renderedUri[nRendered] = null;
        }
        int s = scopeMark[depth];
        while (nScope > s) {
            nScope--;
            scopePrefix[nScope] = null;
            scopeUri[nScope] = null;
        }
    }

    /** The URI the nearest output ancestor rendered for a prefix, or null. */
    private String renderedUri(String prefix) {
        for (int i = nRendered - 1; i >= 0; i--) {
            if (renderedPrefix[i].equals(prefix)) {
                return renderedUri[i];
            }
        }
        return null;
    }

    private void pushRendered(String prefix, String uri) {
        if (nRendered == renderedPrefix.length) {
            renderedPrefix = Arrays.copyOf(renderedPrefix, 2 * nRendered);
            renderedUri = Arrays.copyOf(renderedUri, 2 * nRendered);
        }
        renderedPrefix[nRendered] = prefix;
        renderedUri[nRendered++] = uri;
    }

    /** The URI in scope for an inclusive prefix (null: unbound). */
    private String scopeUri(String prefix) {
        for (int i = nScope - 1; i >= 0; i--) {
            if (scopePrefix[i].equals(prefix)) {
                return scopeUri[i];
            }
        }
        return null;
    }

    private void pushScope(String prefix, String uri) {
        if (nScope == scopePrefix.length) {
            scopePrefix = Arrays.copyOf(scopePrefix, 2 * nScope);
            scopeUri = Arrays.copyOf(scopeUri, 2 * nScope);
        }
        scopePrefix[nScope] = prefix;
        scopeUri[nScope++] = uri;
    }

    private boolean isInclusive(String prefix) {
        return indexOf(inclusive, nInclusive, prefix) >= 0;
    }

    /** The prefix a namespace declaration binds: "" for {@code xmlns}, {@code p} for {@code xmlns:p}. */
    private static String declaredPrefix(Attr a) {
        return a.getNodeName().indexOf(':') < 0 ? "" : localName(a);
    }

    /**
     * The prefix of a qualified name ("" when none), as {@link Node#getPrefix()} gives it but without cutting a new
     * string for a prefix met before in this call.
     */
    private String prefix(Node node, String qname) {
        int colon = qname.indexOf(':');
        if (colon < 0 || node.getLocalName() == null) { // a DOM level 1 node has no prefix, whatever its name
            return "";
        }
        for (int i = 0; i < nSeen; i++) {
            String s = seen[i];
            if (s.length() == colon && qname.startsWith(s)) {
                return s;
            }
        }
        String p = qname.substring(0, colon);
        if (nSeen == seen.length) {
            seen = Arrays.copyOf(seen, 2 * nSeen);
        }
        seen[nSeen++] = p;
        return p;
    }

    /** Adds a namespace node unless its prefix is there already (or is {@code xml}); returns the new count. */
    private int addNamespace(int n, String prefix, String uri) {
        if ("xml".equals(prefix) || indexOf(nsPrefix, n, prefix) >= 0) {
            return n;
        }
        if (n == nsPrefix.length) {
            nsPrefix = Arrays.copyOf(nsPrefix, 2 * n);
            nsUri = Arrays.copyOf(nsUri, 2 * n);
        }
        nsPrefix[n] = prefix;
        nsUri[n] = uri;
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
