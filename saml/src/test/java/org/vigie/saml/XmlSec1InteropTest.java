package org.vigie.saml;

import org.vigie.core.cert.TlsPeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.core.Rules;
import org.vigie.testkit.OrgCredential;

/**
 * Interoperability with {@code xmlsec1} (the XML Security Library's command line, Debian package {@code xmlsec1},
 * installed by {@code .ci/run}): an independent implementation of XML-DSig, written in C on OpenSSL.
 * <ul>
 *   <li>a test-kit VIHF verifies under {@code xmlsec1}, chain included (root trusted, ORGANISATIONS CA untrusted),
 *       and a value changed after signing fails there as it fails with Vigie;</li>
 *   <li>a VIHF whose signature {@code xmlsec1} computed (the kit's content with its digest, signature value and
 *       certificate emptied: the signature template of the ANS profile) is accepted by Vigie, and rejected with
 *       {@code VIHF-SIGNATURE} once a signed value is changed.</li>
 * </ul>
 * Skipped, with a message, where {@code xmlsec1} is not installed.
 */
class XmlSec1InteropTest {

    private static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion:Assertion";

    @TempDir
    Path dir;

    @BeforeAll
    static void xmlsec1IsInstalled() {
        assumeTrue(onPath("xmlsec1"), "xmlsec1 not installed (Debian package xmlsec1): interop test skipped");
    }

    @Test
    void aKitTokenVerifiesUnderXmlSec1WithItsChain() throws Exception {
        Path token = write("token.xml", Fixtures.token().toAssertionXml());
        Run r = xmlsec1(verifyArgs(token));
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("OK");
    }

    @Test
    void aValueChangedAfterTheKitSignedFailsUnderXmlSec1AsUnderVigie() throws Exception {
        String xml = Fixtures.token().toAssertionXml();
        String tampered = xml.replace(Fixtures.STRUCT + "<", "1130000029<");
        assertThat(tampered).isNotEqualTo(xml);
        Run r = xmlsec1(verifyArgs(write("tampered.xml", tampered)));
        assertThat(r.exit).as(r.output).isNotZero();
        VihfValidation v = validate(tampered);
        assertThat(v.accepted()).isFalse();
        assertThat(v.report().findings()).anyMatch(f -> f.ruleId().equals(Rules.VIHF_SIGNATURE.id()));
    }

    @Test
    void aTokenSignedByXmlSec1IsAcceptedByVigie() throws Exception {
        String signed = signWithXmlSec1(Fixtures.token().toAssertionXml(), Fixtures.SIGN);
        VihfValidation v = validate(signed);
        assertThat(v.accepted()).as("%s", v.report()).isTrue();
        assertThat(v.structureId()).map(Object::toString).contains(Fixtures.STRUCT);
    }

    @Test
    void aValueChangedAfterXmlSec1SignedIsRejected() throws Exception {
        String signed = signWithXmlSec1(Fixtures.token().toAssertionXml(), Fixtures.SIGN);
        String tampered = signed.replace("SA01", "SA02");
        assertThat(tampered).isNotEqualTo(signed);
        VihfValidation v = validate(tampered);
        assertThat(v.accepted()).isFalse();
        assertThat(v.report().findings()).anyMatch(f -> f.ruleId().equals(Rules.VIHF_SIGNATURE.id()));
    }

    private static VihfValidation validate(String xml) {
        return Fixtures.validator().validate(new TlsPeer(Fixtures.AUTH.certificate(), Fixtures.AUTH.chain()),
                VihfInput.of(xml.getBytes(StandardCharsets.UTF_8)), Fixtures.AT);
    }

    /** The kit's token turned into a signature template (values emptied), then signed by xmlsec1 with the key. */
    private String signWithXmlSec1(String kitToken, OrgCredential key) throws Exception {
        String template = kitToken
                .replaceAll("<ds:DigestValue>[^<]*</ds:DigestValue>", "<ds:DigestValue></ds:DigestValue>")
                .replaceAll("<ds:SignatureValue>[^<]*</ds:SignatureValue>", "<ds:SignatureValue></ds:SignatureValue>")
                .replaceAll("(?s)<ds:X509Data>.*?</ds:X509Data>", "<ds:X509Data><ds:X509Certificate/></ds:X509Data>");
        assertThat(template).doesNotContain(key.pem().lines().skip(1).findFirst().orElseThrow());
        Path in = write("template.xml", template);
        Path keyPem = write("key.pem", key.privateKeyPem());
        Path certPem = write("cert.pem", key.pem());
        Path out = dir.resolve("signed.xml");
        Run r = xmlsec1(List.of("--sign", "--privkey-pem", keyPem + "," + certPem, "--id-attr:ID", ASSERTION,
                "--output", out.toString(), in.toString()));
        assertThat(r.exit).as(r.output).isZero();
        String signed = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(signed).doesNotContain("<ds:SignatureValue></ds:SignatureValue>");
        return signed;
    }

    private List<String> verifyArgs(Path token) throws IOException {
        Path root = write("root.pem", OrgCredentialPem.of(Fixtures.PKI.root()));
        Path ca = write("ca.pem", OrgCredentialPem.of(Fixtures.PKI.organisationsCa()));
        String at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(Fixtures.AT);
        return List.of("--verify", "--id-attr:ID", ASSERTION, "--trusted-pem", root.toString(), "--untrusted-pem",
                ca.toString(), "--verification-gmt-time", at, token.toString());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private record Run(int exit, String output) {
    }

    private static Run xmlsec1(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add("xmlsec1");
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), output);
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, command))) {
                return true;
            }
        }
        return false;
    }

    /** PEM of a CA certificate (the kit writes PEM for credentials; CAs are plain certificates). */
    private static final class OrgCredentialPem {
        static String of(java.security.cert.X509Certificate c) {
            try {
                return "-----BEGIN CERTIFICATE-----\n"
                        + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded())
                        + "\n-----END CERTIFICATE-----\n";
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
