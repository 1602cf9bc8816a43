package org.vigie.saml.internal;

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
                    d.authnInstant = instant(nz(Xml.attr(c, "AuthnInstant")));
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
                    d.unresolvedTypes.add(name + " : xsi:type=\"" + type + "\" désigne l'espace de noms « " + ns + " »");
                }
            }
            List<Element> inner = Xml.children(v);
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

    /** An xs:dateTime as an instant (offset required; a missing offset is read as UTC), or null. */
    public static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
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

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
