package org.vigie.testkit;

import java.security.Key;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import org.vigie.testkit.internal.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Independent verification with the JDK's XMLDSig API (javax.xml.crypto.dsig), not Santuario. */
final class Dsig {

    private Dsig() {
    }

    /** Result of a JDK verification. */
    record Result(boolean valid, X509Certificate keyInfoCertificate, XMLSignature signature) {
    }

    /** Parses the text, registers the ID of every element named Assertion, and verifies the first ds:Signature. */
    static Result verify(String xml) {
        return verify(xml, false);
    }

    /** As {@link #verify(String)}; with rootOnly, only the document element's ID is registered. */
    static Result verify(String xml, boolean rootOnly) {
        Document doc = Xml.parse(xml);
        NodeList assertions = doc.getElementsByTagNameNS("*", "Assertion");
        for (int i = 0; i < assertions.getLength(); i++) {
            if (rootOnly && assertions.item(i) != doc.getDocumentElement()) {
                continue;
            }
            Element a = (Element) assertions.item(i);
            if (a.hasAttribute("ID")) {
                a.setIdAttributeNS(null, "ID", true);
            }
        }
        NodeList sigs = doc.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (sigs.getLength() == 0) {
            throw new AssertionError("no ds:Signature");
        }
        X509Certificate[] seen = new X509Certificate[1];
        KeySelector selector = new KeySelector() {
            @Override
            public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                                            XMLCryptoContext context) throws KeySelectorException {
                for (Object o : keyInfo.getContent()) {
                    if (o instanceof X509Data data) {
                        for (Object c : data.getContent()) {
                            if (c instanceof X509Certificate cert) {
                                seen[0] = cert;
                                Key k = cert.getPublicKey();
                                return () -> k;
                            }
                        }
                    }
                }
                throw new KeySelectorException("no certificate in KeyInfo");
            }
        };
        try {
            DOMValidateContext ctx = new DOMValidateContext(selector, sigs.item(0));
            ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE); // SHA-1 tokens are verified too
            XMLSignature sig = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(ctx);
            boolean ok = sig.validate(ctx);
            return new Result(ok, seen[0], sig);
        } catch (Exception e) {
            return new Result(false, seen[0], null);
        }
    }

    static List<String> transformAlgorithms(XMLSignature sig) {
        javax.xml.crypto.dsig.Reference ref = (javax.xml.crypto.dsig.Reference) sig.getSignedInfo().getReferences().get(0);
        return ref.getTransforms().stream().map(t -> ((javax.xml.crypto.dsig.Transform) t).getAlgorithm()).toList();
    }
}
