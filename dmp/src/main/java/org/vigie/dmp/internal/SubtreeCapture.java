package org.vigie.dmp.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Re-serialises the element a StAX reader is positioned on, with its whole subtree, as a standalone UTF-8
 * document. Every namespace in scope at that element is declared on the captured root, so exclusive
 * canonicalisation (including an {@code InclusiveNamespaces PrefixList}) of the captured element gives the same
 * bytes as in the original message. Text and attribute values are escaped so that re-parsing yields exactly the
 * values read (tabs, line feeds and carriage returns in attributes, carriage returns in text, as character
 * references). Comments and processing instructions are kept.
 */
final class SubtreeCapture {

    /** The result: the bytes, or null when the subtree exceeded the limit (the reader is then past it anyway). */
    record Captured(byte[] bytes, boolean tooLarge) {
    }

    private SubtreeCapture() {
    }

    /**
     * Captures the subtree; on return the reader is positioned on the matching END_ELEMENT.
     *
     * @param inScope namespaces in scope at the element, declarations of its ancestors (prefix "" = default)
     */
    static Captured capture(XMLStreamReader r, Map<String, String> inScope, int maxBytes, Runnable onEvent)
            throws XMLStreamException {
        return capture(r, inScope, Map.of(), maxBytes, onEvent);
    }

    /**
     * As {@link #capture(XMLStreamReader, Map, int, Runnable)}; when {@code inheritedXml} (the {@code xml:*}
     * attributes in scope from the ancestors, by local name) is not empty, the element is captured inside a
     * {@code wsse:Security} wrapper carrying them: inclusive C14N (an enveloped-only Reference) copies inherited
     * {@code xml:lang}, {@code xml:space}... onto the signed element, so the captured copy canonicalises as the
     * element does in the message.
     */
    static Captured capture(XMLStreamReader r, Map<String, String> inScope, Map<String, String> inheritedXml, int maxBytes,
                            Runnable onEvent) throws XMLStreamException {
        StringBuilder sb = new StringBuilder(4096);
        if (!inheritedXml.isEmpty()) {
            sb.append("<wsse:Security xmlns:wsse=\"").append(MessageReader.WSSE).append('"');
            for (Map.Entry<String, String> e : inheritedXml.entrySet()) {
                sb.append(" xml:").append(e.getKey()).append("=\"");
                escapeAttr(e.getValue(), sb);
                sb.append('"');
            }
            sb.append('>');
        }
        boolean tooLarge = false;
        int depth = 0;
        while (true) {
            int ev = r.getEventType();
            if (!tooLarge) {
                switch (ev) {
                    case XMLStreamConstants.START_ELEMENT -> startTag(r, sb, depth == 0 ? inScope : null);
                    case XMLStreamConstants.END_ELEMENT -> sb.append("</").append(qname(r.getPrefix(), r.getLocalName())).append('>');
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                            escapeText(r.getTextCharacters(), r.getTextStart(), r.getTextLength(), sb);
                    case XMLStreamConstants.COMMENT -> sb.append("<!--").append(r.getText()).append("-->");
                    case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                        sb.append("<?").append(r.getPITarget());
                        String data = r.getPIData();
                        if (data != null && !data.isEmpty()) {
                            sb.append(' ').append(data);
                        }
                        sb.append("?>");
                    }
                    default -> {
                        // entity references cannot occur (no DTD); nothing else is inside an element
                    }
                }
                // a UTF-8 char is at most 3 bytes per UTF-16 unit; checking chars bounds the cost cheaply
                if (sb.length() > maxBytes) {
                    tooLarge = true;
                    sb = null;
                }
            }
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (depth == 0) {
                    break;
                }
            }
            onEvent.run();
            r.next();
        }
        if (tooLarge) {
            return new Captured(null, true);
        }
        if (!inheritedXml.isEmpty()) {
            sb.append("</wsse:Security>");
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            return new Captured(null, true);
        }
        return new Captured(bytes, false);
    }

    private static void startTag(XMLStreamReader r, StringBuilder sb, Map<String, String> inScope) {
        sb.append('<').append(qname(r.getPrefix(), r.getLocalName()));
        if (inScope != null) {
            // root of the capture: every namespace in scope, own declarations overriding the ancestors'
            java.util.LinkedHashMap<String, String> all = new java.util.LinkedHashMap<>(inScope);
            for (int i = 0; i < r.getNamespaceCount(); i++) {
                all.put(nz(r.getNamespacePrefix(i)), nz(r.getNamespaceURI(i)));
            }
            for (Map.Entry<String, String> e : all.entrySet()) {
                if ("xml".equals(e.getKey()) || (e.getKey().isEmpty() && e.getValue().isEmpty())) {
                    continue;
                }
                nsDecl(sb, e.getKey(), e.getValue());
            }
        } else {
            for (int i = 0; i < r.getNamespaceCount(); i++) {
                nsDecl(sb, nz(r.getNamespacePrefix(i)), nz(r.getNamespaceURI(i)));
            }
        }
        for (int i = 0; i < r.getAttributeCount(); i++) {
            sb.append(' ').append(qname(r.getAttributePrefix(i), r.getAttributeLocalName(i))).append("=\"");
            escapeAttr(r.getAttributeValue(i), sb);
            sb.append('"');
        }
        sb.append('>');
    }

    private static void nsDecl(StringBuilder sb, String prefix, String uri) {
        sb.append(prefix.isEmpty() ? " xmlns" : " xmlns:" + prefix).append("=\"");
        escapeAttr(uri, sb);
        sb.append('"');
    }

    private static String qname(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void escapeText(char[] ch, int start, int len, StringBuilder sb) {
        for (int i = start; i < start + len; i++) {
            char c = ch[i];
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\r' -> sb.append("&#13;");
                default -> sb.append(c);
            }
        }
    }

    private static void escapeAttr(String v, StringBuilder sb) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '"' -> sb.append("&quot;");
                case '\t' -> sb.append("&#9;");
                case '\n' -> sb.append("&#10;");
                case '\r' -> sb.append("&#13;");
                default -> sb.append(c);
            }
        }
    }
}
