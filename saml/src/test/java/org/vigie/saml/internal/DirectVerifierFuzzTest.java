package org.vigie.saml.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.xml.security.c14n.Canonicalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigie.core.Finding;
import org.vigie.core.Report;
import org.vigie.core.fuzz.FuzzSeeds;
import org.vigie.core.fuzz.Mutator;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.TestPki;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.VihfDefect;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Santuario as the differential oracle of the direct signature check ({@link DirectVerifier}, {@link ExcC14n}):
 * <ul>
 *   <li>{@code anyBytes} (fuzz target) and the corpus tests: whatever the token, the signature step with the direct
 *       path and the signature step with Santuario alone give the same findings and the same outcome;</li>
 *   <li>{@link ExcC14n} writes, for every element of every token of the corpus taken as apex and for several
 *       InclusiveNamespaces lists, exactly the octets of Santuario's exclusive canonicaliser.</li>
 * </ul>
 * The corpus: the test-kit token in every namespace layout the kit offers, every {@link VihfDefect} (signature
 * wrapping XSW3–8, comment injection, broken digest and value, out-of-profile signatures...) and a few hundred
 * mutants. Every build replays it; {@code JAZZER_FUZZ=1} fuzzes.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DirectVerifierFuzzTest {

    static {
        java.util.logging.Logger.getLogger("org.apache.xml.security").setLevel(java.util.logging.Level.OFF);
    }

    static final TestPki PKI = TestPki.fixed();
    static final Instant AT = PKI.anchor().plus(Duration.ofHours(10));
    static final OrgCredential SIGN = PKI.signature("1130000011");

    static VihfBuilder token() {
        return VihfBuilder.indirect(SIGN).at(AT.minusSeconds(30));
    }

    /** Valid tokens in the namespace layouts and InclusiveNamespaces lists of the kit. */
    static List<byte[]> validTokens() {
        List<byte[]> out = new ArrayList<>();
        out.add(token().toBytes());
        for (String list : new String[] {null, "", "#default", "xs", "xsi", "ds saml2 #default xsi xs"}) {
            out.add(token().inclusiveNamespaces(list).toBytes());
        }
        out.add(token().declaringNamespaces("xs", "http://www.w3.org/2001/XMLSchema", "urn", "urn:example:unused")
                .toBytes());
        out.add(token().attribute("Ressource_URN", "a & b < c > d \" e \t f é 𝄞").toBytes());
        out.add(token().envelopedOnly().toBytes());
        out.add(token().sha1().toBytes());
        return out;
    }

    /** Every defect of the kit that yields bytes. */
    static List<byte[]> defects() {
        List<byte[]> out = new ArrayList<>();
        for (VihfDefect d : VihfDefect.values()) {
            try {
                out.add(token().breaking(d).toBytes());
            } catch (RuntimeException e) {
                // a defect that only exists in a container: its header form
                out.add(token().breaking(d).toSecurityHeaderXml().getBytes(StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @FuzzTest(maxDuration = "120s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyBytes(byte[] data) {
        checkAgreement(data);
        checkCanonicalForms(data);
    }

    @Test
    void theAcceptedProfileTakesTheDirectPathAndVerifies() {
        for (byte[] t : validTokens().subList(0, 9)) {
            Element assertion = parsed(t);
            Element sig = Xml.child(assertion, Xml.DSIG, "Signature");
            assertion.setIdAttributeNS(null, "ID", true);
            SignatureVerifier.Crypto c = DirectVerifier.verify(assertion, sig, leaf(sig));
            assertThat(c).as(new String(t, StandardCharsets.UTF_8)).isNotNull();
            assertThat(c.valid()).isTrue();
        }
    }

    @Test
    void otherShapesAreLeftToSantuario() {
        for (byte[] t : List.of(token().envelopedOnly().toBytes(), token().sha1().toBytes())) {
            Element assertion = parsed(t);
            Element sig = Xml.child(assertion, Xml.DSIG, "Signature");
            assertion.setIdAttributeNS(null, "ID", true);
            assertThat(DirectVerifier.verify(assertion, sig, leaf(sig))).isNull();
        }
    }

    @Test
    void aChangedValueOrABrokenSignatureFailsOnTheDirectPathAsWithSantuario() {
        byte[] digest = token().breaking(VihfDefect.SIGNATURE_DIGEST).toBytes();
        byte[] value = token().breaking(VihfDefect.SIGNATURE_VALUE).toBytes();
        for (byte[] t : List.of(digest, value)) {
            Element assertion = parsed(t);
            Element sig = Xml.child(assertion, Xml.DSIG, "Signature");
            assertion.setIdAttributeNS(null, "ID", true);
            SignatureVerifier.Crypto direct = DirectVerifier.verify(assertion, sig, leaf(sig));
            assertThat(direct).isNotNull();
            assertThat(direct.valid()).isFalse();
            assertThat(direct).isEqualTo(SignatureVerifier.crypto(sig, leaf(sig)));
        }
        assertThat(direct(digest).digestValid()).isFalse();
        assertThat(direct(digest).signedInfoValid()).isTrue();
        assertThat(direct(value).signedInfoValid()).isFalse();
    }

    @Test
    void bothAgreeOnTheCorpus() {
        List<byte[]> all = new ArrayList<>(validTokens());
        all.addAll(defects());
        int directlyVerified = 0;
        for (byte[] b : all) {
            checkAgreement(b);
            checkCanonicalForms(b);
            directlyVerified += tookDirectPath(b) ? 1 : 0;
        }
        assertThat(directlyVerified).as("tokens verified on the direct path").isGreaterThan(20);
    }

    @Test
    void shortRunOverMutatedTokens() {
        List<byte[]> seeds = new ArrayList<>(validTokens());
        FuzzSeeds.writeCorpusIfAsked(DirectVerifierFuzzTest.class, "anyBytes", seeds);
        seeds.add(token().breaking(VihfDefect.XSW5).toSecurityHeaderXml().getBytes(StandardCharsets.UTF_8));
        seeds.add(token().breaking(VihfDefect.COMMENT_IN_STRUCTURE_ID).toBytes());
        List<byte[]> all = new ArrayList<>(new Mutator(16L).mutants(seeds, 400));
        all.addAll(FuzzSeeds.testdata("vihf"));
        for (byte[] b : all) {
            checkAgreement(b);
            checkCanonicalForms(b);
        }
    }

    private static SignatureVerifier.Crypto direct(byte[] t) {
        Element assertion = parsed(t);
        Element sig = Xml.child(assertion, Xml.DSIG, "Signature");
        assertion.setIdAttributeNS(null, "ID", true);
        return DirectVerifier.verify(assertion, sig, leaf(sig));
    }

    /** The signature step with the direct path and with Santuario alone: same findings, same outcome. */
    static void checkAgreement(byte[] data) {
        Outcome withDirect = signatureStep(data, true);
        Outcome withSantuario = signatureStep(data, false);
        assertThat(withDirect).as("direct path against Santuario on%n%s", new String(data, StandardCharsets.UTF_8))
                .isEqualTo(withSantuario);
    }

    /** What the signature step said about a token (findings as text, validity, algorithms), or why it was not run. */
    record Outcome(String findings, boolean valid, String signatureMethod, String digestMethod) {
    }

    static Outcome signatureStep(byte[] data, boolean direct) {
        SecureXml.Parsed p = SecureXml.parse(data);
        if (!p.ok()) {
            return new Outcome("unreadable", false, "", "");
        }
        Locator.Located loc = Locator.locate(p.document().getDocumentElement());
        if (loc.assertion() == null) {
            return new Outcome("not located", false, "", "");
        }
        Report.Builder r = Report.builder();
        SignatureVerifier.Result res = new SignatureVerifier(0, false, direct).verify(loc.assertion(), null, r);
        StringBuilder sb = new StringBuilder();
        for (Finding f : r.build().findings()) {
            sb.append(f.ruleId()).append(' ').append(f.severity()).append(' ').append(f.message()).append('\n');
        }
        return new Outcome(sb.toString(), res.valid(), res.signatureMethod(), res.digestMethod());
    }

    static boolean tookDirectPath(byte[] data) {
        SecureXml.Parsed p = SecureXml.parse(data);
        if (!p.ok()) {
            return false;
        }
        Element assertion = Locator.locate(p.document().getDocumentElement()).assertion();
        Element sig = assertion == null ? null : Xml.child(assertion, Xml.DSIG, "Signature");
        X509Certificate leaf = sig == null ? null : leaf(sig);
        if (leaf == null) {
            return false;
        }
        assertion.setIdAttributeNS(null, "ID", true);
        return DirectVerifier.verify(assertion, sig, leaf) != null;
    }

    /**
     * Every element of the document as apex, with several InclusiveNamespaces lists: {@link ExcC14n} writes the
     * octets of Santuario's exclusive canonicaliser (or declines, which sends the caller to Santuario).
     */
    static void checkCanonicalForms(byte[] data) {
        SecureXml.Parsed p = SecureXml.parse(data);
        if (!p.ok()) {
            return;
        }
        for (Element e : Xml.subtree(p.document().getDocumentElement())) {
            for (String list : new String[] {"", "#default", "ds saml2 #default xsi", "xs xsi"}) {
                Set<String> prefixes = new java.util.HashSet<>();
                for (String s : list.split(" ")) {
                    if (!s.isEmpty()) {
                        prefixes.add(s.equals("#default") ? "" : s);
                    }
                }
                ByteArrayOutputStream ours = new ByteArrayOutputStream();
                try {
                    ExcC14n.canonicalize(e, null, prefixes, ours::write);
                } catch (ExcC14n.Unsupported u) {
                    continue;
                }
                ByteArrayOutputStream theirs = new ByteArrayOutputStream();
                try {
                    Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS)
                            .canonicalizeSubtree(e, list, theirs);
                } catch (Exception ex) {
                    throw new AssertionError("Santuario failed where ExcC14n did not", ex);
                }
                assertThat(ours.toString(StandardCharsets.UTF_8)).as("apex %s, list '%s'", e.getNodeName(), list)
                        .isEqualTo(theirs.toString(StandardCharsets.UTF_8));
            }
        }
    }

    static Element parsed(byte[] t) {
        SecureXml.Parsed p = SecureXml.parse(t);
        assertThat(p.ok()).isTrue();
        Document d = p.document();
        return d.getDocumentElement();
    }

    static X509Certificate leaf(Element sig) {
        Element keyInfo = Xml.child(sig, Xml.DSIG, "KeyInfo");
        Element data = keyInfo == null ? null : Xml.child(keyInfo, Xml.DSIG, "X509Data");
        Element cert = data == null ? null : Xml.child(data, Xml.DSIG, "X509Certificate");
        if (cert == null) {
            return null;
        }
        try {
            byte[] der = java.util.Base64.getMimeDecoder().decode(Xml.text(cert).strip());
            return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(der));
        } catch (Exception e) {
            return null;
        }
    }
}
