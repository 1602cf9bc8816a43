package org.vigie.testkit;

import static org.vigie.testkit.VihfBuilder.EVIL_STRUCTURE;
import static org.vigie.testkit.VihfBuilder.IDENTIFIANT_STRUCTURE;
import static org.vigie.testkit.VihfAttributes.set;
import static org.vigie.testkit.VihfDom.child;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vigie.testkit.VihfAttributes.Attr;
import org.vigie.testkit.VihfAttributes.Ce;
import org.vigie.testkit.VihfAttributes.Raw;
import org.vigie.testkit.internal.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes the Assertion of a {@link VihfBuilder} as a DOM in the ANS order and prefixes (Issuer, Subject, Conditions,
 * Advice for {@link VihfDefect#DUPLICATE_ID}, AuthnStatement, AttributeStatement), with the time and namespace
 * defects, then has the builder sign it.
 */
final class VihfAssertionWriter {

    private static final String SAML1 = "urn:oasis:names:tc:SAML:1.0:assertion";

    private final VihfBuilder b;

    /** @param builder the builder whose settings are written */
    VihfAssertionWriter(VihfBuilder builder) {
        this.b = builder;
    }

    /** Builds the Assertion as the root of its own document and signs it (unless unsigned). */
    Document write(List<Attr> attrs, String issuerValue, boolean withDuplicate) {
        Document doc = Xml.newDocument();
        String ns = b.defects.contains(VihfDefect.NOT_SAML2) ? SAML1 : Xml.SAML2;
        String p = b.defects.contains(VihfDefect.NOT_SAML2) ? "saml" : "saml2";
        Instant issue = b.issueInstant;
        Instant nb = b.notBefore;
        Instant noa = b.notOnOrAfter;
        if (b.defects.contains(VihfDefect.TIME_FUTURE)) {
            issue = issue.plus(Duration.ofHours(1));
        }
        if (b.defects.contains(VihfDefect.TIME_EXPIRED)) {
            nb = b.issueInstant.minus(Duration.ofHours(2));
            noa = b.issueInstant.minus(Duration.ofHours(1));
        }
        if (b.defects.contains(VihfDefect.TIME_NOT_YET_VALID)) {
            nb = b.issueInstant.plus(Duration.ofHours(1));
            noa = b.issueInstant.plus(Duration.ofHours(2));
        }
        Element a = doc.createElementNS(ns, p + ":Assertion");
        Xml.declare(a, p, ns);
        Xml.declare(a, "xsi", Xml.XSI);
        b.extraNamespaces.forEach((prefix, uri) -> Xml.declare(a, prefix, uri));
        a.setAttributeNS(null, "ID", b.id);
        a.setAttributeNS(null, "IssueInstant", b.issueInstantLexical != null ? b.issueInstantLexical : issue.toString());
        a.setAttributeNS(null, "Version", "2.0");
        doc.appendChild(a);

        Element issuer = child(a, ns, p + ":Issuer");
        if (b.issuerFormat != null) {
            issuer.setAttributeNS(null, "Format",
                    b.defects.contains(VihfDefect.ISSUER_FORMAT) ? "urn:oasis:names:tc:SAML:2.0:nameid-format:entity"
                            : b.issuerFormat);
        }
        issuer.setTextContent(issuerValue);

        Element subject = child(a, ns, p + ":Subject");
        child(subject, ns, p + ":NameID").setTextContent(b.nameId);

        String nbText = b.notBeforeLexical != null ? b.notBeforeLexical : nb == null ? null : nb.toString();
        String noaText = b.notOnOrAfterLexical != null ? b.notOnOrAfterLexical : noa == null ? null : noa.toString();
        if (nbText != null || noaText != null) {
            Element c = child(a, ns, p + ":Conditions");
            if (nbText != null) {
                c.setAttributeNS(null, "NotBefore", nbText);
            }
            if (noaText != null) {
                c.setAttributeNS(null, "NotOnOrAfter", noaText);
            }
        }
        if (withDuplicate && b.defects.contains(VihfDefect.DUPLICATE_ID)) {
            Element advice = child(a, ns, p + ":Advice");
            Document inner = writeUnsignedEvil(attrs, issuerValue);
            advice.appendChild(doc.importNode(inner.getDocumentElement(), true));
        }

        if (!b.withoutAuthnStatement) {
            Element authn = child(a, ns, p + ":AuthnStatement");
            authn.setAttributeNS(null, "AuthnInstant", issue.toString());
            Element ctx = child(authn, ns, p + ":AuthnContext");
            child(ctx, ns, p + ":AuthnContextClassRef").setTextContent(b.authnContextClassRef);
            if (b.authnContextDecl != null) {
                child(ctx, ns, p + ":AuthnContextDecl").setTextContent(b.authnContextDecl);
            }
        }

        Element stmt = child(a, ns, p + ":AttributeStatement");
        for (Attr attr : attrs) {
            Element ae = child(stmt, ns, p + ":Attribute");
            ae.setAttributeNS(null, "Name", attr.name());
            for (Object v : attr.values()) {
                Element av = child(ae, ns, p + ":AttributeValue");
                if (v instanceof Ce ce) {
                    Element r = doc.createElementNS(Xml.HL7, ce.element());
                    Xml.declare(r, "", Xml.HL7);
                    r.setAttributeNS(null, "code", ce.code());
                    if (ce.codeSystem() != null) {
                        r.setAttributeNS(null, "codeSystem", ce.codeSystem());
                    }
                    if (ce.codeSystemName() != null) {
                        r.setAttributeNS(null, "codeSystemName", ce.codeSystemName());
                    }
                    if (ce.displayName() != null) {
                        r.setAttributeNS(null, "displayName", ce.displayName());
                    }
                    r.setAttributeNS(Xml.XSI, "xsi:type", "CE");
                    av.appendChild(r);
                } else if (v instanceof Raw raw) {
                    Document frag = Xml.parse("<vigie-fragment>" + raw.xml() + "</vigie-fragment>");
                    for (Node n = frag.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
                        av.appendChild(doc.importNode(n, true));
                    }
                } else {
                    Xml.declare(av, "xs", Xml.XS);
                    av.setAttributeNS(Xml.XSI, "xsi:type", "xs:string");
                    av.setTextContent((String) v);
                }
            }
        }
        boolean doSign = b.signed && !b.defects.contains(VihfDefect.SIGNATURE_REMOVED);
        if (doSign && withDuplicate) {
            b.sign(doc, a, issuer, subject);
        }
        return doc;
    }

    private Document writeUnsignedEvil(List<Attr> attrs, String issuerValue) {
        List<Attr> evil = new ArrayList<>();
        for (Attr x : attrs) {
            evil.add(x.copy());
        }
        set(evil, IDENTIFIANT_STRUCTURE, EVIL_STRUCTURE);
        return write(evil, issuerValue, false);
    }
}
