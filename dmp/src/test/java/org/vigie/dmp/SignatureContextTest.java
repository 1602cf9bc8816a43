package org.vigie.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vigie.dmp.DmpRequestValidatorTest.EG_ID;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.testkit.VihfBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signature context (issue 18 §2.6). The house profile accepts an enveloped-only Reference (no exc-c14n transform):
 * its node-set is then canonicalised by inclusive C14N 1.0, which copies onto the Assertion the {@code xml:*}
 * attributes it inherits from the envelope, the header or {@code wsse:Security}. A token signed standalone then
 * fails where the receiver verifies it, in the message; Vigie used to verify a standalone copy and accept it. The
 * verdict must agree with {@code xmlsec1} (libxmlsec1, independent of Santuario) verifying the whole envelope, for
 * the streamed message and for a VIHF handed as a DOM element of the caller's document.
 */
class SignatureContextTest {

    final Receiving rx = new Receiving();

    @TempDir
    Path dir;

    static boolean xmlsec1Available() {
        try {
            Process p = new ProcessBuilder("xmlsec1", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** xmlsec1 verifying the signature in the whole envelope (certificate chain not evaluated: the key is the point). */
    boolean xmlsec1Verifies(String envelope) throws Exception {
        Path f = Files.writeString(dir.resolve("envelope-" + System.nanoTime() + ".xml"), envelope, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(List.of("xmlsec1", "--verify", "--insecure", "--id-attr:ID",
                "urn:oasis:names:tc:SAML:2.0:assertion:Assertion", f.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as("xmlsec1 found the signature").doesNotContain("failed to find");
        return p.exitValue() == 0;
    }

    @ParameterizedTest(name = "enveloped only: {0}, inherited: {1} -> verifies in context: {2}")
    @CsvSource(delimiter = '|', value = {
        "false | ''                          | true",
        "false | xml:lang='fr'               | true",
        "true  | ''                          | true",
        "true  | xml:lang='fr'               | false",
        "true  | xml:space='preserve'        | false",
        "true  | xmlns:x='urn:x'             | false"})
    void theVerdictIsTheReceiversInContextVerdict(boolean envelopedOnly, String inherited, boolean verifies) throws Exception {
        assumeTrue(xmlsec1Available(), "xmlsec1 (Debian package xmlsec1) is not installed");
        VihfBuilder vihf = DmpRequestValidatorTest.vihf();
        if (envelopedOnly) {
            // a token that verifies in this envelope: it declares the envelope's namespaces, inclusive C14N emits them
            vihf.envelopedOnly().declaringNamespaces("soap", "http://www.w3.org/2003/05/soap-envelope",
                    "wsse", "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd");
        }
        String env = Receiving.feeding(vihf, EG_ID, false).toPlainXml();
        assertThat(env).startsWith("<soap:Envelope ");
        if (!inherited.isEmpty()) {
            env = env.replaceFirst("<soap:Envelope ", "<soap:Envelope " + inherited + " ");
        }
        assertThat(xmlsec1Verifies(env)).as("xmlsec1 in context").isEqualTo(verifies);

        Report streamed = rx.validate(env).report();
        assertThat(streamed.byRule(Rules.VIHF_SIGNATURE)).as("streamed message: %s", streamed).hasSize(verifies ? 0 : 1);
        assertThat(streamed.accepted()).isEqualTo(verifies);

        // parts mode, the VIHF handed as the Assertion element of the caller's envelope DOM
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(env.getBytes(StandardCharsets.UTF_8)));
        Element assertion = (Element) doc.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Assertion").item(0);
        Report dom = rx.base.validator.validateParts(DmpRequestValidatorTest.AUTH.certificate(),
                DmpRequestValidatorTest.AUTH.chain(), assertion, null, Map.of(), DmpRequestValidatorTest.AT);
        assertThat(dom.byRule(Rules.VIHF_SIGNATURE)).as("DOM element: %s", dom).hasSize(verifies ? 0 : 1);
        // the whole envelope as bytes is parsed whole: the context is there
        Report bytes = rx.base.validator.validateParts(DmpRequestValidatorTest.AUTH.certificate(),
                DmpRequestValidatorTest.AUTH.chain(), env.getBytes(StandardCharsets.UTF_8), null, Map.of(),
                DmpRequestValidatorTest.AT);
        assertThat(bytes.byRule(Rules.VIHF_SIGNATURE)).as("envelope bytes: %s", bytes).hasSize(verifies ? 0 : 1);
    }
}
