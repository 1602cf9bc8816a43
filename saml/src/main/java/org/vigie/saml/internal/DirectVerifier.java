package org.vigie.saml.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The cryptographic check of the one signature shape the house profile accepts and VIHF issuers use, done straight
 * from the verified DOM: SignedInfo and the Assertion less its ds:Signature are canonicalised ({@link ExcC14n},
 * exclusive c14n without comments, InclusiveNamespaces honoured) directly into the signature engine and the message
 * digest; no Santuario object, no intermediate octet array. The shape: CanonicalizationMethod exc-c14n, SignatureMethod
 * RSA PKCS#1 v1.5 with SHA-256/384/512, one Reference with exactly the transforms enveloped-signature then exc-c14n,
 * DigestMethod SHA-256/384/512, every ds element in its schema order with no extra child. Anything else (SHA-1,
 * ECDSA, RSA-PSS, the enveloped-only Reference, an unusual node, a value that does not decode, an engine error) gives
 * null, and the caller verifies with Santuario exactly as before. Santuario stays the oracle: the differential tests
 * ({@code DirectVerifierAgreementTest}, {@code DirectVerifierFuzzTest}) require both to agree on every case.
 * Stateless.
 */
final class DirectVerifier {

    /** Signature algorithms of the direct path: URI → JCA name. */
    private static final Map<String, String> SIGNATURES = Map.of(
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "SHA256withRSA",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", "SHA384withRSA",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", "SHA512withRSA");

    /** Digest algorithms of the direct path: URI → JCA name. */
    private static final Map<String, String> DIGESTS = Map.of(
            "http://www.w3.org/2001/04/xmlenc#sha256", "SHA-256",
            "http://www.w3.org/2001/04/xmldsig-more#sha384", "SHA-384",
            "http://www.w3.org/2001/04/xmlenc#sha512", "SHA-512");

    private DirectVerifier() {
    }

    /**
     * Verifies the signature of an Assertion whose profile was already checked (one direct ds:Signature, its ID the
     * only one of the document, one Reference to it).
     *
     * @param assertion the signed Assertion
     * @param sig       its ds:Signature
     * @param leaf      the KeyInfo certificate
     * @return the outcome, or null when the shape is not the direct path's (verify with Santuario)
     */
    static SignatureVerifier.Crypto verify(Element assertion, Element sig, X509Certificate leaf) {
        try {
            return verifyOrThrow(assertion, sig, leaf);
        } catch (ExcC14n.Unsupported | GeneralSecurityException | IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }

    private static SignatureVerifier.Crypto verifyOrThrow(Element assertion, Element sig, X509Certificate leaf)
            throws ExcC14n.Unsupported, GeneralSecurityException {
        List<Element> sigChildren = elements(sig);
        if (sigChildren.size() < 2 || !isDs(sigChildren.get(0), "SignedInfo") || !isDs(sigChildren.get(1), "SignatureValue")
                || (sigChildren.size() == 3 && !isDs(sigChildren.get(2), "KeyInfo")) || sigChildren.size() > 3) {
            throw new ExcC14n.Unsupported("Signature shape");
        }
        Element signedInfo = sigChildren.get(0);
        Element signatureValue = sigChildren.get(1);
        List<Element> si = elements(signedInfo);
        if (si.size() != 3 || !isDs(si.get(0), "CanonicalizationMethod") || !isDs(si.get(1), "SignatureMethod")
                || !isDs(si.get(2), "Reference")) {
            throw new ExcC14n.Unsupported("SignedInfo shape");
        }
        Element c14nMethod = si.get(0);
        if (!SignatureVerifier.EXC_C14N.equals(c14nMethod.getAttributeNS(null, "Algorithm"))) {
            throw new ExcC14n.Unsupported("c14n");
        }
        Set<String> signedInfoPrefixes = inclusivePrefixes(c14nMethod);
        Element signatureMethod = si.get(1);
        String jcaSignature = SIGNATURES.get(signatureMethod.getAttributeNS(null, "Algorithm"));
        if (jcaSignature == null || !elements(signatureMethod).isEmpty()) {
            throw new ExcC14n.Unsupported("signature method");
        }
        Element ref = si.get(2);
        List<Element> refChildren = elements(ref);
        if (refChildren.size() != 3 || !isDs(refChildren.get(0), "Transforms") || !isDs(refChildren.get(1), "DigestMethod")
                || !isDs(refChildren.get(2), "DigestValue")) {
            throw new ExcC14n.Unsupported("Reference shape");
        }
        if (!("#" + assertion.getAttributeNS(null, "ID")).equals(ref.getAttributeNS(null, "URI"))) {
            throw new ExcC14n.Unsupported("Reference URI");
        }
        List<Element> transforms = elements(refChildren.get(0));
        if (transforms.size() != 2 || !isDs(transforms.get(0), "Transform") || !isDs(transforms.get(1), "Transform")
                || !SignatureVerifier.ENVELOPED.equals(transforms.get(0).getAttributeNS(null, "Algorithm"))
                || !elements(transforms.get(0)).isEmpty()
                || !SignatureVerifier.EXC_C14N.equals(transforms.get(1).getAttributeNS(null, "Algorithm"))) {
            throw new ExcC14n.Unsupported("transforms");
        }
        Set<String> referencePrefixes = inclusivePrefixes(transforms.get(1));
        Element digestMethod = refChildren.get(1);
        String jcaDigest = DIGESTS.get(digestMethod.getAttributeNS(null, "Algorithm"));
        if (jcaDigest == null || !elements(digestMethod).isEmpty()) {
            throw new ExcC14n.Unsupported("digest method");
        }
        byte[] expectedDigest = base64(refChildren.get(2));
        byte[] signatureBytes = base64(signatureValue);
        PublicKey key = leaf.getPublicKey();
        if (!(key instanceof RSAPublicKey)) {
            throw new ExcC14n.Unsupported("key");
        }

        Signature engine = Signature.getInstance(jcaSignature);
        engine.initVerify(key);
        ExcC14n.canonicalize(signedInfo, null, signedInfoPrefixes, (b, off, len) -> {
            try {
                engine.update(b, off, len);
            } catch (java.security.SignatureException e) {
                throw new IllegalStateException(e);
            }
        });
        boolean signedInfoValid = engine.verify(signatureBytes);
        MessageDigest md = MessageDigest.getInstance(jcaDigest);
        ExcC14n.canonicalize(assertion, sig, referencePrefixes, md::update);
        boolean digestValid = MessageDigest.isEqual(md.digest(), expectedDigest);
        return new SignatureVerifier.Crypto(signedInfoValid, digestValid, null);
    }

    /** The PrefixList of the one InclusiveNamespaces child of an exc-c14n element ("" for #default). */
    private static Set<String> inclusivePrefixes(Element method) throws ExcC14n.Unsupported {
        List<Element> children = elements(method);
        if (children.isEmpty()) {
            return Set.of();
        }
        Element in = children.get(0);
        if (children.size() > 1 || !SignatureVerifier.EXC_C14N.equals(in.getNamespaceURI())
                || !"InclusiveNamespaces".equals(in.getLocalName()) || in.getFirstChild() != null) {
            throw new ExcC14n.Unsupported("InclusiveNamespaces");
        }
        String list = in.getAttributeNS(null, "PrefixList");
        Set<String> out = new java.util.HashSet<>();
        int start = -1;
        for (int i = 0; i <= list.length(); i++) {
            boolean space = i == list.length() || " \t\r\n".indexOf(list.charAt(i)) >= 0;
            if (!space && start < 0) {
                start = i;
            } else if (space && start >= 0) {
                String p = list.substring(start, i);
                out.add(p.equals("#default") ? "" : p);
                start = -1;
            }
        }
        return out;
    }

    /** The base64 content of an element made of text only. */
    private static byte[] base64(Element e) throws ExcC14n.Unsupported {
        StringBuilder sb = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() != Node.TEXT_NODE) {
                throw new ExcC14n.Unsupported("base64 content");
            }
            sb.append(n.getNodeValue());
        }
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                    || c == '=' || c == ' ' || c == '\t' || c == '\r' || c == '\n')) {
                throw new ExcC14n.Unsupported("base64 character");
            }
        }
        return Base64.getMimeDecoder().decode(sb.toString());
    }

    private static List<Element> elements(Element parent) throws ExcC14n.Unsupported {
        List<Element> out = new ArrayList<>(4);
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            short t = n.getNodeType();
            if (t == Node.ELEMENT_NODE) {
                out.add((Element) n);
            } else if (t == Node.TEXT_NODE) {
                if (!n.getNodeValue().isBlank()) {
                    throw new ExcC14n.Unsupported("text in " + parent.getLocalName());
                }
            } else if (t != Node.COMMENT_NODE) {
                throw new ExcC14n.Unsupported("node in " + parent.getLocalName());
            }
        }
        return out;
    }

    private static boolean isDs(Element e, String local) {
        return Xml.is(e, Xml.DSIG, local);
    }
}
