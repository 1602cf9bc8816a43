package org.vigie.saml.internal;

import org.vigie.core.Messages;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.vigie.saml.CodedValue;
import org.w3c.dom.Element;

/** Reads the typed view of the one verified Assertion element: only its own subtree, by position. */
public final class AssertionReader {

    public static final String ROLE = "urn:oasis:names:tc:xacml:2.0:subject:role";
    public static final String PURPOSE = "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse";
    static final String XSD = "http://www.w3.org/2001/XMLSchema";

    private AssertionReader() {
    }

    public static void read(Element assertion, TokenData d) {
        d.id = nz(Xml.attr(assertion, "ID"));
        d.issueInstantText = nz(Xml.attr(assertion, "IssueInstant"));
        d.issueInstant = instant(d.issueInstantText);
        for (Element c : Xml.children(assertion)) {
            if (!Xml.SAML2.equals(c.getNamespaceURI())) {
                continue;
            }
            switch (c.getLocalName()) {
                case "Issuer" -> {
                    if (!d.issuerPresent) {
                        d.issuerPresent = true;
                        d.issuer = Xml.text(c).strip();
                        d.issuerFormat = nz(Xml.attr(c, "Format"));
                    }
                }
                case "Subject" -> {
                    Element nameId = Xml.child(c, Xml.SAML2, "NameID");
                    if (nameId != null) {
                        d.nameId = Xml.text(nameId).strip();
                    }
                }
                case "Conditions" -> {
                    d.notBeforeText = nz(Xml.attr(c, "NotBefore"));
                    d.notOnOrAfterText = nz(Xml.attr(c, "NotOnOrAfter"));
                    d.notBefore = instant(d.notBeforeText);
                    d.notOnOrAfter = instant(d.notOnOrAfterText);
                    for (Element restriction : Xml.children(c, Xml.SAML2, "AudienceRestriction")) {
                        d.audienceRestrictions++;
                        for (Element audience : Xml.children(restriction, Xml.SAML2, "Audience")) {
                            d.audiences.add(Xml.text(audience).strip());
                        }
                    }
                }
                case "AuthnStatement" -> {
                    if (d.authnStatements++ > 0) {
                        continue;
                    }
                    d.authnInstantText = nz(Xml.attr(c, "AuthnInstant"));
                    d.authnInstant = instant(d.authnInstantText);
                    Element ctx = Xml.child(c, Xml.SAML2, "AuthnContext");
                    Element ref = ctx == null ? null : Xml.child(ctx, Xml.SAML2, "AuthnContextClassRef");
                    if (ref != null) {
                        d.authnContextClassRef = Xml.text(ref).strip();
                    }
                    Element decl = ctx == null ? null : Xml.child(ctx, Xml.SAML2, "AuthnContextDecl");
                    Element declRef = ctx == null ? null : Xml.child(ctx, Xml.SAML2, "AuthnContextDeclRef");
                    if (decl != null || declRef != null) {
                        d.authnContextDecl = Xml.text(decl != null ? decl : declRef).strip();
                    }
                }
                case "AttributeStatement" -> {
                    for (Element a : Xml.children(c, Xml.SAML2, "Attribute")) {
                        attribute(a, d);
                    }
                }
                default -> {
                    // Advice, AuthzDecisionStatement, ...: not part of the VIHF
                }
            }
        }
    }

    private static void attribute(Element a, TokenData d) {
        String name = nz(Xml.attr(a, "Name"));
        d.attributeElements.merge(name, 1, Integer::sum);
        List<String> values = d.attributes.computeIfAbsent(name, k -> new ArrayList<>());
        for (Element v : Xml.children(a, Xml.SAML2, "AttributeValue")) {
            if (v.hasAttributeNS(Xml.XSI, "type")) {
                // the binding of a QName prefix used in content is not covered by exclusive c14n: check it resolves
                String type = v.getAttributeNS(Xml.XSI, "type").strip();
                int colon = type.indexOf(':');
                String ns = v.lookupNamespaceURI(colon < 0 ? null : type.substring(0, colon));
                if (!XSD.equals(ns)) {
                    d.unresolvedTypes.add(Messages.text("VIHF-ATTRIBUTE.saml-type-namespace", name, type, ns));
                }
            }
            List<Element> inner = Xml.children(v);
            ambiguity(name, v, inner, d);
            if (!inner.isEmpty()) {
                Element e = inner.get(0);
                CodedValue cv = new CodedValue(e.getLocalName(), Xml.attr(e, "code"), Xml.attr(e, "codeSystem"),
                        Xml.attr(e, "displayName"), e.hasAttributeNS(Xml.XSI, "type") ? e.getAttributeNS(Xml.XSI, "type") : "");
                values.add(cv.code());
                if (ROLE.equals(name)) {
                    if (Xml.HL7.equals(e.getNamespaceURI())) {
                        d.roles.add(cv);
                    } else {
                        d.malformedRoles.add("élément {" + e.getNamespaceURI() + "}" + e.getLocalName());
                    }
                } else if (PURPOSE.equals(name)) {
                    d.purposeValues.add(cv);
                }
            } else {
                String text = Xml.text(v);
                values.add(text);
                if (ROLE.equals(name)) {
                    d.malformedRoles.add(text);
                } else if (PURPOSE.equals(name)) {
                    d.purposeValues.add(new CodedValue("", text, "", "", ""));
                }
            }
        }
        if (PURPOSE.equals(name) && !d.purposeValues.isEmpty()) {
            d.purposeOfUse = d.purposeValues.get(0);
        }
    }

    /** Attribute names whose value is a string (text), as opposed to the coded Role and PurposeOfUse. */
    private static final java.util.Set<String> TEXT_ATTRIBUTES = java.util.Set.of("VIHF_Version", "Authentification_Mode",
            "Authentification_mode", "Identifiant_Structure", "Secteur_Activite",
            "urn:oasis:names:tc:xspa:1.0:subject:subject-id", "Ressource_URN",
            "urn:oasis:names:tc:xacml:2.0:resource:resource-id", "LPS_Nom", "LPS_ID_HOMOLOGATION_DMP", "LPS_Version",
            "LPS_ID");

    /**
     * Records what makes an AttributeValue readable in two ways: text beside an element (mixed content), several
     * elements, an element nested in a coded value or holding text, a string value inside an element, and
     * characters a reader may drop, keep or treat as a space (non-ASCII spaces, zero-width and other format
     * characters, control characters) in a text value or in a code / codeSystem.
     */
    private static void ambiguity(String name, Element v, List<Element> inner, TokenData d) {
        String ownText = ownText(v);
        if (!inner.isEmpty() && !isXmlBlank(ownText)) {
            d.ambiguities.add(new TokenData.Ambiguity(name, Messages.text("VIHF-ATTRIBUTE.saml-mixed",
                    visible(ownText.strip()), inner.get(0).getLocalName()), visible(Xml.text(v))));
        } else if (inner.size() > 1) {
            d.ambiguities.add(new TokenData.Ambiguity(name, Messages.text("VIHF-ATTRIBUTE.saml-several-elements",
                    inner.size()), visible(Xml.text(v))));
        } else if (inner.size() == 1) {
            Element e = inner.get(0);
            if (TEXT_ATTRIBUTES.contains(name)) {
                d.ambiguities.add(new TokenData.Ambiguity(name, Messages.text("VIHF-ATTRIBUTE.saml-value-in-child",
                        e.getLocalName()), visible(Xml.text(v))));
            } else if (!Xml.children(e).isEmpty() || !isXmlBlank(Xml.text(e))) {
                d.ambiguities.add(new TokenData.Ambiguity(name, Xml.children(e).isEmpty()
                        ? Messages.text("VIHF-ATTRIBUTE.saml-coded-with-text", e.getLocalName(),
                        visible(Xml.text(e).strip()))
                        : Messages.text("VIHF-ATTRIBUTE.saml-coded-with-element", e.getLocalName(),
                        Xml.children(e).get(0).getLocalName()), visible(Xml.text(v))));
            }
            for (String attr : new String[]{"code", "codeSystem"}) {
                String val = Xml.attr(e, attr);
                Messages.Text bad = val == null ? null : invisible(val);
                if (bad != null) {
                    d.ambiguities.add(new TokenData.Ambiguity(name, Messages.text("VIHF-ATTRIBUTE.saml-in-code",
                            attr, bad), visible(val)));
                }
            }
        } else {
            Messages.Text bad = invisible(Xml.text(v));
            if (bad != null) {
                d.ambiguities.add(new TokenData.Ambiguity(name, bad, visible(Xml.text(v))));
            }
        }
    }

    /** The text and CDATA directly under an element (not inside its child elements). */
    private static String ownText(Element e) {
        org.w3c.dom.Node only = e.getFirstChild();
        if (only == null) {
            return "";
        }
        if (only.getNextSibling() == null) { // one child: its text, or nothing (without a builder)
            short t = only.getNodeType();
            return t == org.w3c.dom.Node.TEXT_NODE || t == org.w3c.dom.Node.CDATA_SECTION_NODE ? only.getNodeValue() : "";
        }
        StringBuilder sb = new StringBuilder();
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == org.w3c.dom.Node.TEXT_NODE || n.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
                sb.append(n.getNodeValue());
            }
        }
        return sb.toString();
    }

    /** True when only XML white space (space, tab, CR, LF): what every reader ignores between elements. */
    private static boolean isXmlBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    /** True for a character that readers disagree on: a space other than U+0020, a format or a control character. */
    static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return (type == Character.SPACE_SEPARATOR && cp != ' ') || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (type == Character.CONTROL && cp != '\t' && cp != '\r' && cp != '\n');
    }

    /** The first such character of a value, described with its position; null when there is none. */
    private static Messages.Text invisible(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (isInvisible(cp)) {
                Messages.Text where = i == 0 ? Messages.text("VIHF-ATTRIBUTE.saml-at-start")
                        : i + Character.charCount(cp) == s.length() ? Messages.text("VIHF-ATTRIBUTE.saml-at-end")
                        : Messages.text("VIHF-ATTRIBUTE.saml-at-position", i + 1);
                return Messages.text("VIHF-ATTRIBUTE.saml-invisible", String.format("U+%04X", cp),
                        Character.getName(cp), where);
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    /** The value with each such character written as {@code <U+XXXX>}, for evidence. */
    private static String visible(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (isInvisible(cp)) {
                sb.append(String.format("<U+%04X>", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.length() > 200 ? sb.substring(0, 200) + "…" : sb.toString();
    }

    /** An xs:dateTime as an instant (offset required; a missing offset is read as UTC), or null. */
    public static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        Instant utc = utcInstant(t);
        if (utc != null) {
            return utc;
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /**
     * The common form {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} read without the formatter, or null for anything else
     * (then {@link OffsetDateTime#parse} decides, as before): the same instant as the formatter for every text it
     * accepts, an invalid date or time (month 13, 24:00, second 60) included, which it leaves to the formatter.
     */
    static Instant utcInstant(String t) {
        int n = t.length();
        if (n < 20 || n > 30 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-'
                || t.charAt(10) != 'T' || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        int nano = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (t.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            int f = digits(t, 20, fraction);
            if (f < 0) {
                return null;
            }
            for (int i = fraction; i < 9; i++) {
                f *= 10;
            }
            nano = f;
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return java.time.LocalDateTime.of(year, month, day, hour, minute, second, nano)
                    .toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The value of {@code len} ASCII digits from {@code from}, or -1. */
    private static int digits(String t, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
