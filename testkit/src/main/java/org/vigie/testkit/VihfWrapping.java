package org.vigie.testkit;

import static org.vigie.testkit.VihfBuilder.EVIL_STRUCTURE;
import static org.vigie.testkit.VihfBuilder.IDENTIFIANT_STRUCTURE;
import static org.vigie.testkit.VihfBuilder.SECTEUR_ACTIVITE;
import static org.vigie.testkit.VihfBuilder.SECTOR_SYSTEM;
import static org.vigie.testkit.VihfDom.attributeValueElement;
import static org.vigie.testkit.VihfDom.firstChild;
import static org.vigie.testkit.VihfDom.firstDescendant;
import static org.vigie.testkit.VihfDom.setAttributeValue;
import static org.vigie.testkit.VihfDom.unsignedCopy;

import java.util.Base64;
import java.util.Set;
import org.apache.xml.security.utils.Constants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Text;

/**
 * The defects applied after signing, inside {@code wsse:Security}: tampered values, the XML signature wrapping
 * attacks XSW3 to XSW8, a second assertion, comments and padding.
 */
final class VihfWrapping {

    private VihfWrapping() {
    }

    /** Applies the post-signature defects of {@code defects} to the signed Assertion {@code a} in {@code sec}. */
    static void apply(VihfBuilder builder, Set<VihfDefect> defects, Document doc, Element sec, Element a) {
        String ns = a.getNamespaceURI();
        if (defects.contains(VihfDefect.SIGNATURE_DIGEST)) {
            setAttributeValue(a, SECTEUR_ACTIVITE, "SA07^" + SECTOR_SYSTEM);
        }
        if (defects.contains(VihfDefect.SIGNATURE_VALUE)) {
            Element sv = firstDescendant(a, Constants.SignatureSpecNS, "SignatureValue");
            if (sv != null) {
                byte[] v = Base64.getMimeDecoder().decode(sv.getTextContent());
                v[v.length / 2] ^= 0x01;
                sv.setTextContent(Base64.getEncoder().encodeToString(v));
            }
        }
        if (defects.contains(VihfDefect.COMMENT_IN_STRUCTURE_ID)) {
            Element v = attributeValueElement(a, IDENTIFIANT_STRUCTURE);
            if (v != null && v.getFirstChild() instanceof Text t && t.getLength() > 5) {
                Text rest = t.splitText(5);
                v.insertBefore(doc.createComment(""), rest);
            }
        }
        if (defects.contains(VihfDefect.OVERSIZED)) {
            Element stmt = firstChild(a, ns, "AttributeStatement");
            a.insertBefore(doc.createComment(" " + "x".repeat(5 * 1024 * 1024) + " "), stmt);
        }
        if (defects.contains(VihfDefect.XSW3)) {
            Element evil = unsignedCopy(a);
            evil.setAttributeNS(null, "ID", "_evil_" + builder.id());
            setAttributeValue(evil, IDENTIFIANT_STRUCTURE, EVIL_STRUCTURE);
            sec.insertBefore(evil, a);
        }
        if (defects.contains(VihfDefect.XSW4)) {
            Element evil = unsignedCopy(a);
            evil.setAttributeNS(null, "ID", "_evil_" + builder.id());
            setAttributeValue(evil, IDENTIFIANT_STRUCTURE, EVIL_STRUCTURE);
            sec.replaceChild(evil, a);
            evil.appendChild(a);
        }
        if (defects.contains(VihfDefect.XSW5)) {
            Element original = unsignedCopy(a);
            setAttributeValue(a, IDENTIFIANT_STRUCTURE, EVIL_STRUCTURE);
            a.setAttributeNS(null, "ID", "_evil_" + builder.id());
            sec.appendChild(original);
        }
        if (defects.contains(VihfDefect.XSW6)) {
            Element original = unsignedCopy(a);
            setAttributeValue(a, IDENTIFIANT_STRUCTURE, EVIL_STRUCTURE);
            a.setAttributeNS(null, "ID", "_evil_" + builder.id());
            Element sig = firstChild(a, Constants.SignatureSpecNS, "Signature");
            sig.appendChild(original);
        }
        if (defects.contains(VihfDefect.XSW7)) {
            Element ext = doc.createElementNS(null, "Extensions");
            Element evil = unsignedCopy(a);
            setAttributeValue(evil, IDENTIFIANT_STRUCTURE, EVIL_STRUCTURE);
            ext.appendChild(evil);
            sec.insertBefore(ext, a);
        }
        if (defects.contains(VihfDefect.XSW8)) {
            Element original = unsignedCopy(a);
            setAttributeValue(a, IDENTIFIANT_STRUCTURE, EVIL_STRUCTURE);
            Element sig = firstChild(a, Constants.SignatureSpecNS, "Signature");
            Element obj = doc.createElementNS(Constants.SignatureSpecNS, "ds:Object");
            sig.appendChild(obj);
            obj.appendChild(original);
        }
        if (defects.contains(VihfDefect.SECOND_ASSERTION_BEFORE) || defects.contains(VihfDefect.SECOND_ASSERTION_AFTER)) {
            VihfBuilder other = VihfBuilder.indirect(builder.signer()).identifiantStructure(EVIL_STRUCTURE)
                    .issueInstant(builder.issueInstantValue());
            Document od = other.signedAssertionDocument();
            Element second = (Element) doc.importNode(od.getDocumentElement(), true);
            if (defects.contains(VihfDefect.SECOND_ASSERTION_BEFORE)) {
                sec.insertBefore(second, sec.getFirstChild());
            } else {
                sec.appendChild(second);
            }
        }
    }
}
