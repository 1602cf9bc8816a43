package org.vigie.saml.internal;

import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.vigie.core.Messages;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The hardened DOM parser of the house: namespace aware, secure processing, DOCTYPE disallowed (hence no entity
 * and no DTD), no external access, no XInclude, entity references not expanded; comments kept (values are
 * read as the concatenation of text nodes). One {@link DocumentBuilder} per thread.
 */
public final class SecureXml {

    /** The outcome of a parse: a document, or a French error message; plus a warning when a fallback was used. */
    public record Parsed(Document document, Messages.Text error, Messages.Text warning) {
        public boolean ok() {
            return document != null;
        }
    }

    /** Maximum element nesting depth accepted by the parser. */
    public static final int MAX_DEPTH = 64;

    /** Start of the message of the exception that refuses an external entity (followed by its system id). */
    private static final String EXTERNAL_ENTITY = "entité externe refusée : ";

    private static final DocumentBuilderFactory FACTORY = factory();
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SecureXml::newBuilder);

    private SecureXml() {
    }

    private static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setIgnoringComments(false);
            f.setCoalescing(false);
            try {
                // the whole tree is read (locator, profile, c14n, attributes): build it at once rather than lazily
                f.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
            } catch (ParserConfigurationException e) {
                // another parser: its default
            }
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            try {
                // a VIHF is about 6 levels deep, a SOAP envelope around it 3 more: refuse absurd nesting early
                f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", String.valueOf(MAX_DEPTH));
            } catch (IllegalArgumentException e) {
                // parser without this JDK property: the size limit still bounds the input
            }
            return f;
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("the JDK XML parser does not support the hardening Vigie requires", e);
        }
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilder b = FACTORY.newDocumentBuilder();
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException(EXTERNAL_ENTITY + systemId);
            });
            b.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // ignored
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh empty document from the hardened factory. */
    public static Document newDocument() {
        DocumentBuilder b = BUILDER.get();
        b.reset();
        return b.newDocument();
    }

    /**
     * Parses bytes. Bytes that are not UTF-8 and carry neither an XML declaration nor a byte order mark (as the
     * official ANS DIRECTE examples, in ISO-8859-1) are read again as ISO-8859-1, with a warning.
     */
    public static Parsed parse(byte[] bytes) {
        try {
            return new Parsed(parse(new InputSource(new ByteArrayInputStream(bytes))), null, null);
        } catch (SAXException | IOException e) {
            if (encodingError(e) && !declaresEncoding(bytes)) {
                try {
                    Document d = parse(new InputSource(new StringReader(new String(bytes, StandardCharsets.ISO_8859_1))));
                    return new Parsed(d, null, Messages.text("VIHF-XML.saml-latin1"));
                } catch (SAXException | IOException e2) {
                    return new Parsed(null, describe(e2), null);
                }
            }
            return new Parsed(null, describe(e), null);
        }
    }

    private static boolean encodingError(Exception e) {
        if (e instanceof CharConversionException) {
            return true;
        }
        if (e instanceof SAXException s && s.getException() instanceof CharConversionException) {
            return true;
        }
        String m = String.valueOf(e.getMessage());
        return m.contains("UTF-8 sequence") || m.contains("Invalid byte");
    }

    private static Document parse(InputSource source) throws SAXException, IOException {
        DocumentBuilder b = BUILDER.get();
        b.reset();
        try {
            return b.parse(source);
        } finally {
            b.reset();
        }
    }

    private static boolean declaresEncoding(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return true;
        }
        if (b.length >= 2 && ((b[0] & 0xff) == 0xFE || (b[0] & 0xff) == 0xFF)) {
            return true;
        }
        String head = new String(b, 0, Math.min(b.length, 100), StandardCharsets.ISO_8859_1);
        return head.startsWith("<?xml") && head.contains("encoding");
    }

    private static Messages.Text describe(Exception e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("maxElementDepth") || m.contains("depth")) {
            return Messages.text("VIHF-XML.saml-too-deep", MAX_DEPTH);
        }
        if (m.contains("DOCTYPE")) {
            return Messages.text("VIHF-XML.saml-doctype");
        }
        if (m.startsWith(EXTERNAL_ENTITY)) {
            return Messages.text("VIHF-XML.saml-entity", Messages.text("VIHF-XML.saml-external-entity",
                    m.substring(EXTERNAL_ENTITY.length())));
        }
        if (m.contains("entité externe") || m.toLowerCase().contains("entity")) {
            return Messages.text("VIHF-XML.saml-entity", m);
        }
        if (e instanceof SAXParseException p) {
            return Messages.text("VIHF-XML.saml-malformed", p.getLineNumber(), p.getColumnNumber(), m);
        }
        if (e instanceof CharConversionException) {
            return Messages.text("VIHF-XML.saml-encoding", m);
        }
        return Messages.text("VIHF-XML.saml-unreadable", m);
    }
}
