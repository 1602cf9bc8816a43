package org.vigie.benchmarks;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import net.shibboleth.utilities.java.support.xml.BasicParserPool;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.vigie.benchmarks.data.Submissions;
import org.vigie.benchmarks.data.Tokens;
import org.vigie.core.cert.TlsPeer;
import org.vigie.saml.VihfValidation;
import org.vigie.saml.VihfInput;
import org.vigie.saml.VihfValidator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Benchmark 1: Vigie's control 1 and the two references it is measured against, on the very bytes of the test-kit
 * VIHF (a signed indirect-authentication Assertion of about 6 KB):
 * <ul>
 *   <li>{@code vigie}: {@link VihfValidator#validate} with the TLS certificate, everything checked (parse, house
 *       signature profile, signature, both certificates' trust and profile, OU equality, attributes), the
 *       signature-verification cache disabled (each request brings a new token) and the certificate-chain cache on
 *       (a host sees the same certificates again and again);</li>
 *   <li>{@code vigieCached}: the same call with the default caches on the same bytes: a token reused through a
 *       session, verified once (target 2);</li>
 *   <li>{@code floor}: what no VIHF check can avoid, a hardened namespace-aware DOM parse of the token plus one raw
 *       RSA-2048 SHA-256 verification over its bytes (parser and {@link Signature} reused per thread);</li>
 *   <li>{@code xmldsig}: for the analysis, the XML-signature part alone: the same hardened parse, then Apache
 *       Santuario's {@code XMLSignature} with secure validation (exclusive c14n of the Assertion and of SignedInfo,
 *       SHA-256 digest, RSA verification), no profile, certificate or attribute check;</li>
 *   <li>{@code opensaml}: the OpenSAML 4.0.1 pipeline, parser pool, unmarshalling, SAML signature profile
 *       validation and XML signature validation with the certificate of {@code KeyInfo}.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Control1Benchmark {

    /** The token and the key pair of its signer. */
    @State(Scope.Benchmark)
    public static class Input {
        byte[] vihf;
        byte[] rawSignature;
        PublicKey publicKey;

        /** Signs the token's bytes with the signer's key (the floor verifies that signature). */
        @Setup
        public void setup() throws GeneralSecurityException {
            Tokens t = Tokens.shared();
            vihf = t.vihf();
            publicKey = t.signer().certificate().getPublicKey();
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(t.signer().privateKey());
            s.update(vihf);
            rawSignature = s.sign();
            org.apache.xml.security.Init.init();
            Checks.check(xmldsigValid(vihf, publicKey), "Santuario does not verify the token");
        }
    }

    /** Per-thread floor tools: a hardened DOM parser and a signature engine. */
    @State(Scope.Thread)
    public static class Floor {
        DocumentBuilder parser;
        Signature verifier;

        /** Configures the parser as ARCHITECTURE.md requires for the VIHF. */
        @Setup
        public void setup() throws Exception {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            parser = f.newDocumentBuilder();
            verifier = Signature.getInstance("SHA256withRSA");
            org.apache.xml.security.Init.init();
        }
    }

    /** OpenSAML, initialised once per JVM. */
    @State(Scope.Benchmark)
    public static class OpenSaml {
        BasicParserPool pool;

        /** {@code InitializationService.initialize()} and a default (secure) parser pool. */
        @Setup
        public void setup(Input in) throws Exception {
            InitializationService.initialize();
            pool = new BasicParserPool();
            pool.setMaxPoolSize(64);
            pool.initialize();
            Checks.check(opensamlPipeline(pool, in.vihf) != null, "OpenSAML pipeline failed");
        }
    }

    /** Vigie's validators, built once per JVM. */
    @State(Scope.Benchmark)
    public static class Vigie {
        VihfValidator uncached;
        VihfValidator cached;
        X509Certificate tls;
        List<X509Certificate> tlsChain;
        Instant at;

        /** Builds both validators on the test PKI and checks that the token is accepted. */
        @Setup
        public void setup(Input in) {
            Tokens t = Tokens.shared();
            VihfValidator.Builder b = VihfValidator.builder().trust(t.anchors()).crls(t.crls())
                    .directory(Submissions.directory());
            uncached = b.signatureCacheSize(0).build();
            cached = b.signatureCacheSize(1024).build();
            tls = t.tls().certificate();
            tlsChain = t.tls().chain();
            at = t.at();
            Checks.accepted("VIHF (no signature cache)", uncached.validate(new TlsPeer(tls, tlsChain), VihfInput.of(in.vihf), at).report());
            Checks.accepted("VIHF (cached)", cached.validate(new TlsPeer(tls, tlsChain), VihfInput.of(in.vihf), at).report());
        }
    }

    /** Vigie's complete control 1 on a token seen for the first time. */
    @Benchmark
    public VihfValidation vigie(Input in, Vigie v) {
        return v.uncached.validate(new TlsPeer(v.tls, v.tlsChain), VihfInput.of(in.vihf), v.at);
    }

    /** Vigie's complete control 1 on a token already verified (same bytes, same certificates). */
    @Benchmark
    public VihfValidation vigieCached(Input in, Vigie v) {
        return v.cached.validate(new TlsPeer(v.tls, v.tlsChain), VihfInput.of(in.vihf), v.at);
    }

    /** Parse + one RSA-2048/SHA-256 verification: the floor. */
    @Benchmark
    public boolean floor(Input in, Floor f) throws Exception {
        Document d = f.parser.parse(new ByteArrayInputStream(in.vihf));
        f.verifier.initVerify(in.publicKey);
        f.verifier.update(in.vihf);
        boolean ok = f.verifier.verify(in.rawSignature);
        return ok && d.getDocumentElement() != null;
    }

    /** Parse + Santuario XML-signature verification with the signer's key: the XMLDSig part of any VIHF check. */
    @Benchmark
    public boolean xmldsig(Input in, Floor f) throws Exception {
        Document d = f.parser.parse(new ByteArrayInputStream(in.vihf));
        Element assertion = d.getDocumentElement();
        assertion.setIdAttributeNS(null, "ID", true);
        Element sig = (Element) assertion.getElementsByTagNameNS(XMLSignature_NS, "Signature").item(0);
        org.apache.xml.security.signature.XMLSignature xs = new org.apache.xml.security.signature.XMLSignature(sig, "",
                true);
        return xs.checkSignatureValue(in.publicKey);
    }

    private static final String XMLSignature_NS = "http://www.w3.org/2000/09/xmldsig#";

    /** The OpenSAML 4.0.1 pipeline on the same bytes. */
    @Benchmark
    public Assertion opensaml(Input in, OpenSaml o) throws Exception {
        return opensamlPipeline(o.pool, in.vihf);
    }

    static boolean xmldsigValid(byte[] vihf, PublicKey key) {
        try {
            Floor f = new Floor();
            f.setup();
            Input in = new Input();
            in.vihf = vihf;
            in.publicKey = key;
            return new Control1Benchmark().xmldsig(in, f);
        } catch (Exception e) {
            throw new IllegalStateException("XMLDSig reference failed", e);
        }
    }

    static Assertion opensamlPipeline(BasicParserPool pool, byte[] bytes) throws Exception {
        Document doc = pool.parse(new ByteArrayInputStream(bytes));
        Element root = doc.getDocumentElement();
        Assertion a = (Assertion) XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(root)
                .unmarshall(root);
        new SAMLSignatureProfileValidator().validate(a.getSignature());
        List<X509Certificate> certs = KeyInfoSupport.getCertificates(a.getSignature().getKeyInfo());
        SignatureValidator.validate(a.getSignature(), new BasicX509Credential(certs.get(0)));
        return a;
    }
}
