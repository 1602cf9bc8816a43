package org.vigie.saml.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.vigie.saml.SecurityHeaderTarget;

/**
 * Finds the one Assertion of a VIHF input whose root is an Assertion, a {@code wsse:Security} header or a SOAP
 * envelope, and analyses documents holding several Assertions for signature-wrapping patterns.
 */
public final class Locator {

    /**
     * @param assertion  the Assertion when exactly one SAML 2.0 Assertion exists where expected, else null
     * @param all        every SAML 2.0 Assertion of the document
     * @param error      French message for VIHF-XML, or null
     */
    public record Located(Element assertion, List<Element> all, String error) {
    }

    private Locator() {
    }

    public static Located locate(Element root) {
        List<Element> all = new ArrayList<>();
        List<Element> saml1 = new ArrayList<>();
        // security headers addressed to another SOAP node are not read, nor are the Assertions they carry
        java.util.Set<Element> notTaken = new java.util.HashSet<>();
        boolean envelope = Xml.is(root, Xml.SOAP11, "Envelope") || Xml.is(root, Xml.SOAP12, "Envelope");
        Element soapHeader = envelope ? Xml.child(root, root.getNamespaceURI(), "Header") : null;
        if (soapHeader != null) {
            for (Element h : Xml.children(soapHeader)) {
                if (isSecurity(h) && !target(root, h).taken()) {
                    notTaken.add(h);
                }
            }
        }
        for (Element e : Xml.subtree(root)) {
            if (!notTaken.isEmpty() && insideAny(e, notTaken)) {
                continue;
            }
            if (Xml.is(e, Xml.SAML2, "Assertion")) {
                all.add(e);
            } else if (Xml.is(e, Xml.SAML1, "Assertion")) {
                saml1.add(e);
            }
        }
        List<Element> candidates = new ArrayList<>();
        String where;
        if (Xml.is(root, Xml.SAML2, "Assertion")) {
            candidates.add(root);
            where = "le document";
        } else if (isSecurity(root)) {
            candidates.addAll(Xml.children(root, Xml.SAML2, "Assertion"));
            where = "l'en-tête wsse:Security";
        } else if (Xml.is(root, Xml.SOAP11, "Envelope") || Xml.is(root, Xml.SOAP12, "Envelope")) {
            if (soapHeader == null) {
                return new Located(null, all, "l'enveloppe SOAP n'a pas d'en-tête (soap:Header) : aucun jeton VIHF");
            }
            int forUltimate = 0;
            for (Element h : Xml.children(soapHeader)) {
                if (isSecurity(h) && !notTaken.contains(h)) {
                    forUltimate++;
                    candidates.addAll(Xml.children(h, Xml.SAML2, "Assertion"));
                }
            }
            if (forUltimate > 1) {
                return new Located(null, all, forUltimate + " en-têtes wsse:Security destinés au destinataire final ; un seul"
                        + " est permis (WS-Security §6.1, WSS4J refuse le message)");
            }
            if (forUltimate == 0 && !notTaken.isEmpty()) {
                return new Located(null, all, "aucun en-tête wsse:Security destiné au destinataire final : "
                        + notTaken.size() + " en-tête(s) adressé(s) à un autre rôle SOAP ("
                        + SecurityHeaderTarget.attributeName(root.getNamespaceURI()) + "), non lu(s)");
            }
            where = "l'en-tête wsse:Security de l'enveloppe SOAP";
        } else if (Xml.is(root, Xml.SAML1, "Assertion")) {
            return new Located(null, all, "le jeton est une Assertion SAML 1.x ; une Assertion SAML 2.0 (" + Xml.SAML2
                    + ") est attendue");
        } else {
            return new Located(null, all, "élément racine inattendu {" + root.getNamespaceURI() + "}" + root.getLocalName()
                    + " : une Assertion SAML 2.0, un en-tête wsse:Security ou une enveloppe SOAP est attendu");
        }
        if (all.size() > 1) {
            return new Located(null, all, all.size() + " Assertions SAML 2.0 trouvées dans " + where
                    + " ; une seule est attendue");
        }
        if (candidates.isEmpty()) {
            if (!saml1.isEmpty()) {
                return new Located(null, all, "seule une Assertion SAML 1.x est présente ; une Assertion SAML 2.0 est attendue");
            }
            return new Located(null, all, all.isEmpty() ? "aucune Assertion SAML 2.0 dans " + where
                    : "l'Assertion SAML 2.0 n'est pas à sa place (enfant direct de wsse:Security attendu)");
        }
        return new Located(candidates.get(0), all, null);
    }

    /** Whom a security header block of this envelope is addressed to. */
    public static SecurityHeaderTarget target(Element envelope, Element security) {
        String ns = envelope.getNamespaceURI();
        String attr = SecurityHeaderTarget.attributeName(ns);
        return SecurityHeaderTarget.of(ns, security.hasAttributeNS(ns, attr) ? security.getAttributeNS(ns, attr) : null);
    }

    private static boolean insideAny(Element e, java.util.Set<Element> ancestors) {
        for (org.w3c.dom.Node p = e; p != null; p = p.getParentNode()) {
            if (ancestors.contains(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSecurity(Element e) {
        return Xml.is(e, Xml.WSSE_10, "Security") || Xml.is(e, Xml.WSSE_11, "Security");
    }

    /**
     * Among the given values, those carried by more than one ID-like attribute (ID, Id, id, wsu:Id, xml:id) of the
     * document, with their count.
     */
    public static Map<String, Integer> duplicateIds(Element root, java.util.Set<String> values) {
        Map<String, Integer> counts = new HashMap<>();
        for (Element e : Xml.subtree(root)) {
            NamedNodeMap attrs = e.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                String local = a.getLocalName() != null ? a.getLocalName() : a.getName();
                String ns = a.getNamespaceURI();
                boolean idLike = (ns == null && (local.equals("ID") || local.equals("Id") || local.equals("id")))
                        || (Xml.WSU.equals(ns) && local.equals("Id"))
                        || ("http://www.w3.org/XML/1998/namespace".equals(ns) && local.equals("id"));
                if (idLike && values.contains(a.getValue())) {
                    counts.merge(a.getValue(), 1, Integer::sum);
                }
            }
        }
        counts.values().removeIf(n -> n < 2);
        return counts;
    }

    /** Signature-wrapping patterns in a document holding several Assertions (French messages for VIHF-SIGNATURE). */
    public static List<String> wrapping(Element root, List<Element> all) {
        List<String> out = new ArrayList<>();
        boolean anySigned = false;
        boolean anyUnsigned = false;
        for (Element a : all) {
            String id = a.getAttributeNS(null, "ID");
            for (org.w3c.dom.Node p = a.getParentNode(); p != null && p.getNodeType() == org.w3c.dom.Node.ELEMENT_NODE;
                 p = p.getParentNode()) {
                if (Xml.is(p, Xml.SAML2, "Assertion") || Xml.is(p, Xml.DSIG, "Signature") || Xml.is(p, Xml.DSIG, "Object")) {
                    out.add("une Assertion (ID=" + id + ") est enveloppée dans " + Xml.path((Element) p, null)
                            + " : emballage de signature (XSW)");
                    break;
                }
            }
            List<Element> sigs = Xml.children(a, Xml.DSIG, "Signature");
            if (sigs.isEmpty()) {
                anyUnsigned = true;
            } else {
                anySigned = true;
                for (Element sig : sigs) {
                    Element si = Xml.child(sig, Xml.DSIG, "SignedInfo");
                    if (si == null) {
                        continue;
                    }
                    for (Element ref : Xml.children(si, Xml.DSIG, "Reference")) {
                        String uri = Xml.attr(ref, "URI");
                        if (!("#" + id).equals(uri)) {
                            out.add("la signature de l'Assertion ID=" + id + " référence « " + uri
                                    + " » et non son Assertion : emballage de signature (XSW)");
                        }
                    }
                }
            }
        }
        if (anySigned && anyUnsigned) {
            out.add("une Assertion non signée côtoie une Assertion signée : emballage de signature (XSW)");
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Element a : all) {
            ids.add(a.getAttributeNS(null, "ID"));
        }
        duplicateIds(root, ids).forEach((id, n) -> out.add("l'identifiant « " + id + " » est porté par " + n + " éléments"));
        return out;
    }
}
