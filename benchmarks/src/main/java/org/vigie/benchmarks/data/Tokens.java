package org.vigie.benchmarks.data;

import java.security.cert.X509CRL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.TestPki;
import org.vigie.testkit.VihfBuilder;

/**
 * The control-1 inputs of every benchmark, built once per JVM by the test kit: the structure's signature certificate
 * (ORG_SIGN) signing a complete indirect-authentication VIHF, its TLS certificate (ORG_AUTH_CLI), both of structure
 * {@link Submissions#STRUCTURE}, under the test PKI (anchor: its root; intermediate: its ORGANISATIONS CA; its CRLs).
 */
public final class Tokens {

    private static volatile Tokens shared;

    private final TestPki pki;
    private final OrgCredential signer;
    private final OrgCredential tls;
    private final Instant at;
    private final byte[] vihf;
    private final String securityHeader;

    private Tokens() {
        pki = TestPki.shared();
        signer = pki.signature(Submissions.STRUCTURE);
        tls = pki.authentication(Submissions.STRUCTURE);
        at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        VihfBuilder b = VihfBuilder.indirect(signer).id("_vigie-benchmark-0001").at(at.minusSeconds(5));
        vihf = b.toBytes();
        securityHeader = b.toSecurityHeaderXml().replaceFirst("^<\\?xml[^>]*\\?>", "");
    }

    /** The inputs, built on first use. */
    public static Tokens shared() {
        Tokens t = shared;
        if (t == null) {
            synchronized (Tokens.class) {
                t = shared;
                if (t == null) {
                    t = new Tokens();
                    shared = t;
                }
            }
        }
        return t;
    }

    /** The test PKI. */
    public TestPki pki() {
        return pki;
    }

    /** The VIHF signer. */
    public OrgCredential signer() {
        return signer;
    }

    /** The TLS client credential of the same structure. */
    public OrgCredential tls() {
        return tls;
    }

    /** The evaluation instant (a few seconds after the token's IssueInstant). */
    public Instant at() {
        return at;
    }

    /** The signed VIHF (a bare Assertion), UTF-8 bytes; do not modify. */
    public byte[] vihf() {
        return vihf;
    }

    /** The same token inside a {@code wsse:Security} element (no XML declaration). */
    public String securityHeader() {
        return securityHeader;
    }

    /** The test PKI's root as anchor, its ORGANISATIONS CA as intermediate. */
    public TrustAnchors anchors() {
        return TrustAnchors.of(List.of(pki.root()), List.of(pki.organisationsCa()));
    }

    /** The test PKI's CRLs. */
    public List<X509CRL> crls() {
        return pki.crls();
    }
}
