package org.vigie.saml.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.xml.security.algorithms.SignatureAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.vigie.core.Location;
import org.vigie.core.cert.internal.BoundedCache;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The house signature profile (ARCHITECTURE.md "Security rules") and the cryptographic check with Santuario in
 * secure-validation mode. Findings go to the report being built; the cryptographic outcome is cached by the
 * digest of the Assertion and the signing certificate.
 */
public final class SignatureVerifier {

    /**
     * Santuario's {@code Init} (algorithm and resolver registries, about 120 classes) runs on first use only: the
     * accepted shape is verified by {@link DirectVerifier} without it (issue 16, cold start of {@code vigie check}).
     */
    private static final class Santuario {
        static {
            org.apache.xml.security.Init.init();
        }

        static void init() {
            // the static initialiser did it, once
        }
    }

    public static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    public static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

    /** Allowed signature algorithms: URI → true when SHA-1 based. */
    private static final Map<String, Boolean> SIGNATURE_ALGORITHMS = Map.ofEntries(
            Map.entry("http://www.w3.org/2000/09/xmldsig#rsa-sha1", true),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", false),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", false),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", false),
            Map.entry("http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1", false),
            Map.entry("http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1", false),
            Map.entry("http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1", false),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1", true),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", false),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384", false),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512", false));

    /** Allowed digest algorithms: URI → true when SHA-1. */
    private static final Map<String, Boolean> DIGEST_ALGORITHMS = Map.of(
            "http://www.w3.org/2000/09/xmldsig#sha1", true,
            "http://www.w3.org/2001/04/xmlenc#sha256", false,
            "http://www.w3.org/2001/04/xmldsig-more#sha384", false,
            "http://www.w3.org/2001/04/xmlenc#sha512", false);

    private static final Set<String> KEYINFO_ALLOWED = Set.of("X509Data", "KeyValue", "KeyName");

    /** The cryptographic outcome (what the cache holds). */
    public record Crypto(boolean signedInfoValid, boolean digestValid, String error) {
        public boolean valid() {
            return error == null && signedInfoValid && digestValid;
        }
    }

    /**
     * What the verification found.
     *
     * @param signed          a ds:Signature is a direct child of the Assertion
     * @param valid           in profile and cryptographically valid with the KeyInfo certificate
     * @param certificate     the KeyInfo leaf certificate, or null
     * @param chain           the other KeyInfo certificates
     * @param signatureMethod SignatureMethod URI ("" when none)
     * @param digestMethod    DigestMethod URI ("" when none)
     */
    public record Result(boolean signed, boolean valid, X509Certificate certificate, List<X509Certificate> chain,
                         String signatureMethod, String digestMethod) {
    }

    private static final Location SIGNATURE = Location.of("VIHF").child("Signature");

    private final BoundedCache<String, Crypto> cache;
    private final boolean rejectSha1;
    private final boolean direct;

    /**
     * A verifier that checks the accepted profile directly ({@link DirectVerifier}) and everything else with
     * Santuario.
     *
     * @param cacheSize  entries of the verification cache (0: none)
     * @param rejectSha1 whether SHA-1 algorithms are errors (else warnings)
     */
    public SignatureVerifier(int cacheSize, boolean rejectSha1) {
        this(cacheSize, rejectSha1, true);
    }

    /**
     * @param cacheSize  entries of the verification cache (0: none)
     * @param rejectSha1 whether SHA-1 algorithms are errors (else warnings)
     * @param direct     false to verify every signature with Santuario (the differential oracle of the tests)
     */
    public SignatureVerifier(int cacheSize, boolean rejectSha1, boolean direct) {
        this.cache = new BoundedCache<>(cacheSize);
        this.rejectSha1 = rejectSha1;
        this.direct = direct;
    }

    /** Whether outcomes are cached (a cache of 0 entries: every signature is verified, no cache key is computed). */
    public boolean caches() {
        return cache.capacity() > 0;
    }

    /** Number of cached outcomes (for tests and monitoring). */
    public int cacheSize() {
        return cache.size();
    }

    /**
     * Checks the signature of the Assertion. The Assertion's {@code ID} is registered as the only ID of the document.
     *
     * @param rawDigest SHA-256 of the input bytes when they are exactly this Assertion, else null (then the
     *                  canonical form is hashed for the cache key)
     */
    public Result verify(Element assertion, byte[] rawDigest, Report.Builder report) {
        Location loc = SIGNATURE;
        Location keyInfoLoc = SIGNATURE.child("KeyInfo");
        String id = assertion.getAttributeNS(null, "ID");
        List<Element> direct = Xml.children(assertion, Xml.DSIG, "Signature");
        List<Element> nested = new ArrayList<>();
        for (Element e : Xml.elements(assertion)) {
            if (Xml.is(e, Xml.DSIG, "Signature") && e.getParentNode() != assertion) {
                nested.add(e);
            }
        }
        if (direct.isEmpty() && nested.isEmpty()) {
            report.add(Rules.VIHF_SIGNED, "unsigned", Location.of("VIHF"), id);
            return new Result(false, false, null, List.of(), "", "");
        }
        if (direct.isEmpty()) {
            report.add(Rules.VIHF_SIGNATURE, "not-direct-child", loc, "", Xml.path(nested.get(0), assertion));
            return new Result(true, false, null, List.of(), "", "");
        }
        boolean inProfile = true;
        if (direct.size() > 1) {
            report.add(Rules.VIHF_SIGNATURE, "several", loc, "", direct.size());
            inProfile = false;
        }
        if (!nested.isEmpty()) {
            report.add(Rules.VIHF_SIGNATURE, "nested", loc, "", Xml.path(nested.get(0), assertion));
            inProfile = false;
        }
        Element sig = direct.get(0);
        Element prev = previousElement(sig);
        if (!Xml.is(prev, Xml.SAML2, "Issuer")) {
            report.add(Rules.VIHF_SIGNATURE, "not-after-issuer", loc, prev == null ? "" : prev.getLocalName());
            inProfile = false;
        }
        Map<String, Integer> dups = Locator.duplicateIds(assertion.getOwnerDocument().getDocumentElement(),
                java.util.Set.of(id));
        if (!dups.isEmpty()) {
            dups.forEach((v, n) -> report.add(Rules.VIHF_SIGNATURE, "duplicate-id", loc, v, v, n));
            inProfile = false;
        }

        // --- structure of ds:Signature
        Element signedInfo = null;
        Element signatureValue = null;
        Element keyInfo = null;
        for (Element c : Xml.children(sig)) {
            if (Xml.is(c, Xml.DSIG, "SignedInfo") && signedInfo == null) {
                signedInfo = c;
            } else if (Xml.is(c, Xml.DSIG, "SignatureValue") && signatureValue == null) {
                signatureValue = c;
            } else if (Xml.is(c, Xml.DSIG, "KeyInfo") && keyInfo == null) {
                keyInfo = c;
            } else if (Xml.is(c, Xml.DSIG, "Object")) {
                report.add(Rules.VIHF_SIGNATURE, "object", loc, "");
                inProfile = false;
            } else {
                report.add(Rules.VIHF_SIGNATURE, "unexpected-element", loc, "", c.getLocalName());
                inProfile = false;
            }
        }
        if (signedInfo == null || signatureValue == null) {
            report.add(Rules.VIHF_SIGNATURE, "incomplete", loc, "");
            return new Result(true, false, null, List.of(), "", "");
        }
        String c14n = algorithm(Xml.child(signedInfo, Xml.DSIG, "CanonicalizationMethod"));
        if (!EXC_C14N.equals(c14n)) {
            report.add(Rules.VIHF_SIGNATURE, "c14n", loc, c14n);
            inProfile = false;
        }
        String sigAlg = algorithm(Xml.child(signedInfo, Xml.DSIG, "SignatureMethod"));
        List<Element> refs = Xml.children(signedInfo, Xml.DSIG, "Reference");
        String digestAlg = "";
        if (refs.size() != 1) {
            report.add(Rules.VIHF_SIGNATURE, "references", loc, "", refs.size(), id);
            inProfile = false;
        }
        if (!refs.isEmpty()) {
            Element ref = refs.get(0);
            String uri = Xml.attr(ref, "URI");
            if (!("#" + id).equals(uri)) {
                report.add(Rules.VIHF_SIGNATURE, "reference-uri", loc, String.valueOf(uri), id, uri);
                inProfile = false;
            }
            inProfile &= checkTransforms(ref, report, loc);
            digestAlg = algorithm(Xml.child(ref, Xml.DSIG, "DigestMethod"));
        }
        inProfile &= checkAlgorithms(sigAlg, refs.isEmpty() ? null : digestAlg, report, loc);

        // --- KeyInfo: certificates only, never a reference to elsewhere
        List<X509Certificate> certs = new ArrayList<>();
        if (keyInfo == null) {
            report.add(Rules.VIHF_SIGNATURE, "no-key-info", keyInfoLoc, "");
            inProfile = false;
        } else {
            for (Element k : Xml.children(keyInfo)) {
                if (Xml.is(k, Xml.DSIG, "RetrievalMethod") || Xml.is(k, Xml.DSIG11, "KeyInfoReference")) {
                    report.add(Rules.VIHF_SIGNATURE, "key-reference", keyInfoLoc, k.getLocalName(), k.getLocalName());
                    inProfile = false;
                } else if (!Xml.DSIG.equals(k.getNamespaceURI()) || !KEYINFO_ALLOWED.contains(k.getLocalName())) {
                    report.add(Rules.VIHF_SIGNATURE, "key-info-element", keyInfoLoc, k.getLocalName(), k.getLocalName());
                    inProfile = false;
                } else if (k.getLocalName().equals("X509Data")) {
                    for (Element x : Xml.children(k, Xml.DSIG, "X509Certificate")) {
                        X509Certificate c = decode(Xml.text(x));
                        if (c == null) {
                            report.add(Rules.VIHF_SIGNATURE, "certificate-unreadable", keyInfoLoc, "");
                            inProfile = false;
                        } else {
                            certs.add(c);
                        }
                    }
                }
            }
            if (certs.isEmpty() && inProfile) {
                report.add(Rules.VIHF_SIGNATURE, "no-certificate", keyInfoLoc, "");
                inProfile = false;
            }
        }
        X509Certificate leaf = pickLeaf(certs);
        List<X509Certificate> chain = new ArrayList<>(certs);
        chain.remove(leaf);
        if (!inProfile || leaf == null) {
            return new Result(true, false, leaf, chain, sigAlg, digestAlg);
        }

        // --- cryptography (cached)
        if (id.isEmpty()) {
            report.add(Rules.VIHF_SIGNATURE, "no-id", loc, "");
            return new Result(true, false, leaf, chain, sigAlg, digestAlg);
        }
        assertion.setIdAttributeNS(null, "ID", true);
        if (assertion.getOwnerDocument().getElementById(id) != assertion) {
            report.add(Rules.VIHF_SIGNATURE, "id-elsewhere", loc, id);
            return new Result(true, false, leaf, chain, sigAlg, digestAlg);
        }
        String key = cache.capacity() > 0 ? cacheKey(assertion, rawDigest, leaf) : null; // no cache: no key
        Crypto crypto = key == null ? null : cache.get(key);
        if (crypto == null) {
            crypto = this.direct ? DirectVerifier.verify(assertion, sig, leaf) : null;
            if (crypto == null) {
                crypto = crypto(sig, leaf);
            }
            if (key != null && crypto.error() == null) {
                cache.put(key, crypto);
            }
        }
        if (crypto.error() != null) {
            report.add(Rules.VIHF_SIGNATURE, "unverifiable", loc, "", crypto.error());
        } else if (crypto.signedInfoValid() && !crypto.digestValid()) {
            report.add(Rules.VIHF_SIGNATURE, "digest", loc, id);
        } else if (!crypto.signedInfoValid()) {
            report.add(Rules.VIHF_SIGNATURE, crypto.digestValid() ? "value" : "value-and-digest", loc,
                    leaf.getSubjectX500Principal().getName());
        }
        return new Result(true, crypto.valid(), leaf, chain, sigAlg, digestAlg);
    }

    private static Element previousElement(Element e) {
        for (Node n = e.getPreviousSibling(); n != null; n = n.getPreviousSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                return (Element) n;
            }
        }
        return null;
    }

    private static String algorithm(Element e) {
        if (e == null) {
            return "";
        }
        String a = Xml.attr(e, "Algorithm");
        return a == null ? "" : a;
    }

    private static boolean checkTransforms(Element ref, Report.Builder report, Location loc) {
        Element transforms = Xml.child(ref, Xml.DSIG, "Transforms");
        List<String> algs = new ArrayList<>();
        boolean ok = true;
        if (transforms != null) {
            for (Element t : Xml.children(transforms)) {
                if (!Xml.is(t, Xml.DSIG, "Transform")) {
                    ok = false;
                    continue;
                }
                String a = algorithm(t);
                algs.add(a);
                for (Element inner : Xml.children(t)) {
                    if (!(EXC_C14N.equals(a) && EXC_C14N.equals(inner.getNamespaceURI())
                            && "InclusiveNamespaces".equals(inner.getLocalName()))) {
                        ok = false;
                    }
                }
            }
        }
        boolean shape = algs.equals(List.of(ENVELOPED, EXC_C14N)) || algs.equals(List.of(ENVELOPED));
        if (!shape || !ok) {
            report.add(Rules.VIHF_SIGNATURE, "transforms", loc, String.join(" ", algs), algs);
            return false;
        }
        return true;
    }

    private boolean checkAlgorithms(String sigAlg, String digestAlg, Report.Builder report, Location loc) {
        boolean ok = true;
        List<String> sha1 = new ArrayList<>();
        String sha1Signature = null;
        String sha1Digest = null;
        Boolean s = SIGNATURE_ALGORITHMS.get(sigAlg);
        if (s == null) {
            report.add(Rules.VIHF_SIGNATURE, sigAlg.toLowerCase().contains("md5") ? "signature-md5" : "signature-algorithm",
                    loc, sigAlg, sigAlg);
            ok = false;
        } else if (s) {
            sha1.add("signature " + sigAlg);
            sha1Signature = sigAlg;
        }
        if (digestAlg != null) {
            Boolean d = DIGEST_ALGORITHMS.get(digestAlg);
            if (d == null) {
                report.add(Rules.VIHF_SIGNATURE, digestAlg.toLowerCase().contains("md5") ? "digest-md5" : "digest-algorithm",
                        loc, digestAlg, digestAlg);
                ok = false;
            } else if (d) {
                sha1.add("condensat " + digestAlg);
                sha1Digest = digestAlg;
            }
        }
        if (!sha1.isEmpty()) {
            String shape = sha1Signature != null && sha1Digest != null ? "sha1-both"
                    : sha1Signature != null ? "sha1-signature" : "sha1-digest";
            String evidence = String.join(" ", sha1);
            Severity severity = rejectSha1 ? Severity.ERROR : Severity.WARNING;
            String name = rejectSha1 ? shape + "-refused" : shape;
            if (sha1Signature != null && sha1Digest != null) {
                report.add(Rules.VIHF_ALGORITHM, severity, name, loc, evidence, sha1Signature, sha1Digest);
            } else {
                report.add(Rules.VIHF_ALGORITHM, severity, name, loc, evidence,
                        sha1Signature != null ? sha1Signature : sha1Digest);
            }
        }
        return ok;
    }

    /** One X.509 certificate factory per thread (a tool: it holds nothing of a call). */
    private static final ThreadLocal<CertificateFactory> X509_FACTORY = ThreadLocal.withInitial(() -> {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
        }
    });

    private static X509Certificate decode(String base64) {
        try {
            java.nio.ByteBuffer der = Base64.getMimeDecoder().decode(base64Octets(base64));
            return (X509Certificate) X509_FACTORY.get().generateCertificate(
                    new ByteArrayInputStream(der.array(), der.arrayOffset() + der.position(), der.remaining()));
        } catch (IllegalArgumentException | CertificateException e) {
            return null;
        }
    }

    /**
     * The octets the MIME decoder reads for a base64 text: {@code String.getBytes(ISO_8859_1)}, as
     * {@code Decoder.decode(String)} does. Not stripped first: the white space {@code strip()} removes (and a
     * character beyond ISO-8859-1, which becomes '?') is outside the base64 alphabet, which the MIME decoder ignores
     * wherever it stands; so this decodes as the stripped text did, less one copy.
     */
    static java.nio.ByteBuffer base64Octets(String s) {
        return java.nio.ByteBuffer.wrap(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** The end-entity certificate among those of KeyInfo (the first non-CA one; the first one otherwise). */
    private static X509Certificate pickLeaf(List<X509Certificate> certs) {
        if (certs.size() == 1) {
            return certs.get(0); // the first non-CA one, else the first: the one either way
        }
        for (X509Certificate c : certs) {
            if (c.getBasicConstraints() < 0) {
                return c;
            }
        }
        return certs.isEmpty() ? null : certs.get(0);
    }

    private static String cacheKey(Element assertion, byte[] rawDigest, X509Certificate leaf) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] content = rawDigest;
            if (content == null) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Santuario.init();
                Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_WITH_COMMENTS).canonicalizeSubtree(assertion, out);
                content = md.digest(out.toByteArray());
            }
            String certFp = HexFormat.of().formatHex(md.digest(leaf.getEncoded()));
            return HexFormat.of().formatHex(content) + "|" + certFp;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            return null; // not cacheable: verify every time
        }
    }

    /** JCA names of the allowed digest algorithms. */
    private static final Map<String, String> JCA_DIGESTS = Map.of(
            "http://www.w3.org/2000/09/xmldsig#sha1", "SHA-1",
            "http://www.w3.org/2001/04/xmlenc#sha256", "SHA-256",
            "http://www.w3.org/2001/04/xmldsig-more#sha384", "SHA-384",
            "http://www.w3.org/2001/04/xmlenc#sha512", "SHA-512");

    /**
     * The digest of the one Reference, recomputed over its transformed content and compared in constant time
     * (as {@code Reference.verify()} does, without its warning log for every altered token).
     */
    private static boolean digestMatches(SignedInfo si) throws Exception {
        org.apache.xml.security.signature.Reference ref = si.item(0);
        String jca = JCA_DIGESTS.get(ref.getMessageDigestAlgorithm().getAlgorithmURI());
        if (jca == null) {
            return false;
        }
        byte[] actual = MessageDigest.getInstance(jca).digest(ref.getReferencedBytes());
        return MessageDigest.isEqual(actual, ref.getDigestValue());
    }

    /** The cryptographic check by Santuario (secure validation): the reference, and the fallback of the direct path. */
    static Crypto crypto(Element sigElement, X509Certificate leaf) {
        try {
            Santuario.init();
            XMLSignature signature = new XMLSignature(sigElement, "", true);
            SignedInfo si = signature.getSignedInfo();
            SignatureAlgorithm sa = si.getSignatureAlgorithm();
            sa.initVerify(leaf.getPublicKey());
            sa.update(si.getCanonicalizedOctetStream());
            boolean signedInfoValid = sa.verify(signature.getSignatureValue());
            boolean digestValid = digestMatches(si);
            return new Crypto(signedInfoValid, digestValid, null);
        } catch (Exception e) {
            String m = e.getMessage();
            return new Crypto(false, false, e.getClass().getSimpleName() + (m == null ? "" : " : " + m));
        }
    }
}
