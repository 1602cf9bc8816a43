package org.vigie.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigie.dmp.DmpRequestValidatorTest.EG_ID;
import static org.vigie.dmp.DmpRequestValidatorTest.OTHER_EG;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.util.WSSecurityUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.saml.SecurityHeaderTarget;
import org.vigie.saml.VihfInput;
import org.vigie.testkit.DmpMessageBuilder;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.ReportAssert;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * WS-Security header targeting (issue 18 §2.3): the VIHF is the token of the {@code wsse:Security} header addressed
 * to the ultimate receiver, as WSS4J 3 finds it ({@code WSSecurityUtil.getSecurityHeader(doc, null)}, CXF's default:
 * no {@code role} / {@code actor}), never one addressed to another SOAP node. The decision for the explicit
 * {@code ultimateReceiver} and {@code next} roles, where SOAP and WSS4J part, is {@link SecurityHeaderTarget}'s.
 * The decoy token carries another structure: had Vigie taken it, {@code VIHF-STRUCT-EQ} would fire.
 */
class SecurityHeaderTargetingThreatTest {

    static final String NEXT12 = SecurityHeaderTarget.ROLE_NEXT;
    static final String ULTIMATE12 = SecurityHeaderTarget.ROLE_ULTIMATE_RECEIVER;

    final Receiving rx = new Receiving();
    final VihfBuilder real = DmpRequestValidatorTest.vihf();
    final VihfBuilder decoy = DmpRequestValidatorTest.vihf().identifiantStructure("1" + OTHER_EG);

    /** The real message, its Security header addressed by {@code roleAttr} (null: untouched), a decoy header added. */
    String message(boolean soap11, String realTarget, String decoyTarget) {
        DmpMessageBuilder msg = Receiving.feeding(real, EG_ID, false);
        if (soap11) {
            msg.soap11Namespace();
        }
        String attr = soap11 ? "soap:actor" : "soap:role";
        String env = msg.toPlainXml();
        if (realTarget != null) {
            env = env.replaceFirst("<wsse:Security ", "<wsse:Security " + attr + "=\"" + realTarget + "\" ");
        }
        if (decoyTarget != null) {
            String sec = DmpRequestValidatorTest.security(decoy).replaceFirst("<wsse:Security ",
                    "<wsse:Security " + (decoyTarget.isEmpty() ? "" : attr + "=\"" + decoyTarget + "\" "));
            env = env.replace("</soap:Header>", sec + "</soap:Header>");
        }
        return env;
    }

    /** The Assertion ID of the header WSS4J processes with no actor configured, or null when it finds none. */
    static String wss4jTakes(String envelope) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)));
        Element sec = WSSecurityUtil.getSecurityHeader(doc, null);
        if (sec == null) {
            return null;
        }
        return ((Element) sec.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Assertion").item(0))
                .getAttribute("ID");
    }

    @ParameterizedTest(name = "SOAP 1.1: {0}")
    @ValueSource(booleans = {false, true})
    void aDecoyAddressedToAnotherNodeIsNotTheVihf(boolean soap11) throws Exception {
        String env = message(soap11, null, "urn:vigie:intermediary");
        assertThat(wss4jTakes(env)).isEqualTo(real.id());
        Report r = rx.validate(env).report();
        ReportAssert.assertThat(r).accepted();
        ReportAssert.assertThat(r).doesNotFire(Rules.VIHF_STRUCT_EQ);
        assertThat(ReportAssert.assertThat(r).single(Rules.SOAP_SECURITY_ROLE)).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.evidence()).isEqualTo("urn:vigie:intermediary");
        });
    }

    @ParameterizedTest(name = "SOAP 1.1: {0}")
    @ValueSource(booleans = {false, true})
    void aTokenAddressedOnlyToAnotherNodeIsAMissingToken(boolean soap11) throws Exception {
        String env = message(soap11, "urn:vigie:intermediary", null);
        assertThat(wss4jTakes(env)).isNull();
        Report r = rx.validate(env).report();
        ReportAssert.assertThat(r).rejected();
        assertThat(ReportAssert.assertThat(r).single(Rules.VIHF_XML))
                .satisfies(f -> assertThat(f.message()).contains("destinataire final"));
    }

    @ParameterizedTest(name = "SOAP 1.1: {0}")
    @ValueSource(booleans = {false, true})
    void theNextRoleIsNotTakenAndIsAWarning(boolean soap11) throws Exception {
        String env = message(soap11, soap11 ? SecurityHeaderTarget.ACTOR_NEXT : NEXT12, null);
        assertThat(wss4jTakes(env)).as("WSS4J ignores 'next'").isNull();
        Report r = rx.validate(env).report();
        ReportAssert.assertThat(r).rejected();
        ReportAssert.assertThat(r).fires(Rules.VIHF_XML);
        assertThat(ReportAssert.assertThat(r).single(Rules.SOAP_SECURITY_ROLE))
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void theExplicitUltimateReceiverRoleIsTakenWithAWarningSinceWss4jDoesNotFindIt() throws Exception {
        String env = message(false, ULTIMATE12, null);
        assertThat(wss4jTakes(env)).isNull();
        Report r = rx.validate(env).report();
        ReportAssert.assertThat(r).doesNotFire(Rules.VIHF_XML);
        assertThat(ReportAssert.assertThat(r).single(Rules.SOAP_SECURITY_ROLE))
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        ReportAssert.assertThat(r).accepted();
    }

    @Test
    void twoHeadersForTheUltimateReceiverAreRefusedAsWss4jDoes() {
        String env = message(false, null, "");
        assertThatThrownBy(() -> wss4jTakes(env)).isInstanceOf(WSSecurityException.class);
        Report r = rx.validate(env).report();
        ReportAssert.assertThat(r).rejected();
        assertThat(ReportAssert.assertThat(r).single(Rules.VIHF_XML))
                .satisfies(f -> assertThat(f.message()).contains("un seul"));
        ReportAssert.assertThat(r).doesNotFire(Rules.VIHF_STRUCT_EQ);
    }

    @Test
    void theVihfGivenAsAnEnvelopeIsLocatedTheSameWay() {
        String withDecoy = message(false, null, "urn:vigie:intermediary").replaceFirst("(?s)<soap:Body>.*</soap:Body>",
                "<soap:Body/>");
        Report ok = parts(withDecoy);
        ReportAssert.assertThat(ok).doesNotFire(Rules.VIHF_XML);
        ReportAssert.assertThat(ok).doesNotFire(Rules.VIHF_STRUCT_EQ);
        String onlyElsewhere = message(false, "urn:vigie:intermediary", null).replaceFirst("(?s)<soap:Body>.*</soap:Body>",
                "<soap:Body/>");
        assertThat(ReportAssert.assertThat(parts(onlyElsewhere)).single(Rules.VIHF_XML))
                .satisfies(f -> assertThat(f.message()).contains("destinataire final"));
        String two = message(false, null, "").replaceFirst("(?s)<soap:Body>.*</soap:Body>", "<soap:Body/>");
        ReportAssert.assertThat(parts(two)).fires(Rules.VIHF_XML);
    }

    Report parts(String envelope) {
        return rx.base.validator.validateParts(DmpRequestValidatorTest.AUTH.certificate(),
                DmpRequestValidatorTest.AUTH.chain(), VihfInput.of(envelope.getBytes(StandardCharsets.UTF_8)), null,
                java.util.Map.of(), DmpRequestValidatorTest.AT);
    }
}
