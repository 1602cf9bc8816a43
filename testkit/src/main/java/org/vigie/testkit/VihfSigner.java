package org.vigie.testkit;

import java.util.Base64;
import java.util.Set;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.ObjectContainer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.transforms.params.InclusiveNamespaces;
import org.apache.xml.security.utils.Constants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Signs a VIHF Assertion in place with Apache Santuario: enveloped signature right after Issuer, exclusive c14n with
 * the PrefixList, RSA-SHA256 (or SHA-1), and the signature defects of {@link VihfDefect} (placement, references,
 * transforms, ds:Object, MD5 rewritten by hand).
 */
final class VihfSigner {

    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    private static final String RSA_MD5 = "http://www.w3.org/2001/04/xmldsig-more#rsa-md5";

    static {
        org.apache.xml.security.Init.init();
    }

    private final Set<VihfDefect> defects;
    private final String id;
    private final boolean sha1;
    private final String prefixList;
    private final boolean envelopedOnly;

    /**
     * @param defects       the builder's defects
     * @param id            the Assertion ID the Reference points to
     * @param sha1          RSA-SHA1 / SHA-1 instead of SHA-256
     * @param prefixList    the InclusiveNamespaces PrefixList, or null for none
     * @param envelopedOnly the enveloped-signature transform alone
     */
    VihfSigner(Set<VihfDefect> defects, String id, boolean sha1, String prefixList, boolean envelopedOnly) {
        this.defects = defects;
        this.id = id;
        this.sha1 = sha1;
        this.prefixList = prefixList;
        this.envelopedOnly = envelopedOnly;
    }

    /** Signs the Assertion {@code a} of {@code doc} with {@code key}. */
    void sign(Document doc, Element a, Element issuer, Element subject, OrgCredential key) {
        boolean md5 = false; // Santuario refuses MD5 even when signing: rewritten afterwards, see rewriteAsMd5
        boolean useSha1 = sha1 || defects.contains(VihfDefect.SHA1);
        String sigAlg = md5 ? RSA_MD5 : useSha1 ? RSA_SHA1 : RSA_SHA256;
        String digAlg = md5 ? MessageDigestAlgorithm.ALGO_ID_DIGEST_NOT_RECOMMENDED_MD5
                : useSha1 ? MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA1 : MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256;
        try {
            a.setIdAttributeNS(null, "ID", true);
            XMLSignature sig = new XMLSignature(doc, null, sigAlg, Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            if (defects.contains(VihfDefect.SIGNATURE_NOT_CHILD)) {
                subject.appendChild(sig.getElement());
            } else {
                a.insertBefore(sig.getElement(), issuer.getNextSibling());
            }
            String uri = defects.contains(VihfDefect.REFERENCE_WHOLE_DOCUMENT) ? "" : "#" + id;
            sig.addDocument(uri, transforms(doc), digAlg);
            if (defects.contains(VihfDefect.TWO_REFERENCES)) {
                sig.addDocument("#" + id, transforms(doc), digAlg);
            }
            if (defects.contains(VihfDefect.DS_OBJECT)) {
                ObjectContainer obj = new ObjectContainer(doc);
                obj.appendChild(doc.createTextNode("vigie"));
                sig.appendObject(obj);
            }
            sig.addKeyInfo(key.certificate());
            sig.sign(key.privateKey());
            if (defects.contains(VihfDefect.MD5)) {
                rewriteAsMd5(sig.getElement(), a, key);
            }
            // Santuario wraps base64 with CR LF (serialised as &#13;): values outside SignedInfo can be tidied freely
            for (String local : new String[]{"SignatureValue", "X509Certificate"}) {
                Element e = VihfDom.firstDescendant(sig.getElement(), Constants.SignatureSpecNS, local);
                if (e != null) {
                    e.setTextContent(e.getTextContent().replaceAll("\\s", ""));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the VIHF", e);
        }
    }

    /**
     * Re-signs an existing signature with RSA-MD5 and an MD5 digest by hand: exclusive c14n of the Assertion
     * without its signature (with the PrefixList), MD5 digest, then MD5withRSA over the exclusive c14n of SignedInfo.
     */
    private void rewriteAsMd5(Element sig, Element a, OrgCredential key) throws Exception {
        String md5Digest = "http://www.w3.org/2001/04/xmldsig-more#md5";
        Element signedInfo = VihfDom.firstChild(sig, Constants.SignatureSpecNS, "SignedInfo");
        Element reference = VihfDom.firstChild(signedInfo, Constants.SignatureSpecNS, "Reference");
        Node parent = sig.getParentNode();
        Node next = sig.getNextSibling();
        parent.removeChild(sig);
        java.io.ByteArrayOutputStream c14n = new java.io.ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS)
                .canonicalizeSubtree(a, prefixList == null ? "" : prefixList, c14n);
        parent.insertBefore(sig, next);
        byte[] digest = java.security.MessageDigest.getInstance("MD5").digest(c14n.toByteArray());
        VihfDom.firstChild(reference, Constants.SignatureSpecNS, "DigestMethod").setAttributeNS(null, "Algorithm", md5Digest);
        VihfDom.firstChild(reference, Constants.SignatureSpecNS, "DigestValue")
                .setTextContent(Base64.getEncoder().encodeToString(digest));
        VihfDom.firstChild(signedInfo, Constants.SignatureSpecNS, "SignatureMethod").setAttributeNS(null, "Algorithm", RSA_MD5);
        java.io.ByteArrayOutputStream si = new java.io.ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(signedInfo, si);
        java.security.Signature rsa = java.security.Signature.getInstance("MD5withRSA");
        rsa.initSign(key.privateKey());
        rsa.update(si.toByteArray());
        VihfDom.firstChild(sig, Constants.SignatureSpecNS, "SignatureValue")
                .setTextContent(Base64.getEncoder().encodeToString(rsa.sign()));
    }

    private Transforms transforms(Document doc) throws Exception {
        Transforms t = new Transforms(doc);
        t.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        if (defects.contains(VihfDefect.EXTRA_TRANSFORM)) {
            org.apache.xml.security.transforms.params.XPathContainer xp =
                    new org.apache.xml.security.transforms.params.XPathContainer(doc);
            xp.setXPathNamespaceContext("ds", Constants.SignatureSpecNS);
            xp.setXPath("not(ancestor-or-self::ds:Signature)");
            t.addTransform(Transforms.TRANSFORM_XPATH, xp.getElementPlusReturns());
        }
        if (envelopedOnly) {
            return t;
        }
        if (prefixList != null) {
            t.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS,
                    new InclusiveNamespaces(doc, prefixList).getElement());
        } else {
            t.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        }
        return t;
    }
}
