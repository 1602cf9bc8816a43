package org.vigie.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.dmp.DmpRequestValidatorTest.EG_ID;
import static org.vigie.dmp.DmpRequestValidatorTest.OTHER_EG;

import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.MimeHeaders;
import jakarta.xml.soap.SOAPConstants;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.core.Finding;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.saml.VihfInput;
import org.vigie.testkit.DmpMessageBuilder;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.ReportAssert;

/**
 * SOAP structure (issue 18 §2.4 and §2.5): envelopes a SOAP stack refuses, or reads otherwise than a lenient
 * reader would, are findings ({@code SOAP-STRUCTURE}, {@code SOAP-ACTION}, {@code SOAP-MUST-UNDERSTAND}); the request
 * is the Body's child, and control 2 runs whenever the Body holds a feeding. Every shape is made from a test-kit
 * message the validator accepts. SOAP 1.2 part 1 §5 (Envelope: Header? then Body, nothing else; a mustUnderstand
 * block not understood is a fault), WS-Addressing 1.0 Core §3.1 (exactly one Action) are the sources.
 */
class SoapStructureThreatTest {

    static final String ACTION = "<Action soap:mustUnderstand=\"true\" xmlns=\"http://www.w3.org/2005/08/addressing\">"
            + "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b</Action>";

    final Receiving rx = new Receiving();
    final String valid = Receiving.feeding(EG_ID, false).toPlainXml();

    static String body(String envelope) {
        return envelope.substring(envelope.indexOf("<soap:Body>") + 11, envelope.indexOf("</soap:Body>"));
    }

    @Test
    void theValidMessageHasNoStructureFinding() {
        assertThat(valid).contains(ACTION);
        Report r = rx.validate(valid).report();
        ReportAssert.assertThat(r).accepted();
        assertThat(r.findings()).noneMatch(f -> f.ruleId().startsWith("SOAP-") || f.ruleId().startsWith("MIME-"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "two Headers              | </soap:Header>             | </soap:Header><soap:Header/>",
        "Header after Body        | </soap:Body>               | </soap:Body><soap:Header/>",
        "two Bodies               | </soap:Body>               | </soap:Body><soap:Body/>",
        "foreign Envelope child   | <soap:Body>                | <x:Extra xmlns:x='urn:x'/><soap:Body>",
        "second root element      | </soap:Envelope>           | </soap:Envelope><soap:Envelope/>",
        "text after the envelope  | </soap:Envelope>           | </soap:Envelope>trailing",
        "second request in Body   | </soap:Body>               | <x:Second xmlns:x='urn:x'/></soap:Body>"})
    void envelopeShapesASoapStackRefusesAreFindings(String name, String find, String replace) {
        String hostile = valid.replace(find, replace);
        assertThat(hostile).as(name).isNotEqualTo(valid);
        Report r = rx.validate(hostile).report();
        assertThat(r.accepted()).as(name + ": %s", r).isFalse();
        assertThat(r.byRule(Rules.SOAP_STRUCTURE)).as(name).isNotEmpty()
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(Receiving.structures(r)).as(name + ": control 2 still ran").contains(EG_ID);
    }

    @Test
    void aDecoyBeforeTheRequestDoesNotHideTheFeeding() {
        // the first Body child is not the request: control 2 used to be skipped, silently
        String env = Receiving.feeding(OTHER_EG, false).toPlainXml().replace("<soap:Body>", "<soap:Body><x:Query xmlns:x='urn:x'/>");
        DmpValidation v = rx.validate(env);
        assertThat(v.feeding()).isTrue();
        ReportAssert.assertThat(v.report()).fires(Rules.SOAP_STRUCTURE).fires(Rules.AI_SAME_EJ);
    }

    @Test
    void withoutWsaActionTheMessageIsAcceptedWithAWarningSayingWhatNamesTheOperation() {
        String noAction = valid.replace(ACTION, "");
        Report http = rx.validate(noAction.getBytes(StandardCharsets.UTF_8),
                "application/soap+xml; charset=UTF-8; action=\"urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b\"").report();
        assertThat(ReportAssert.assertThat(http).single(Rules.SOAP_ACTION))
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        ReportAssert.assertThat(http).accepted();
        assertThat(http.byRule(Rules.SOAP_ACTION).get(0).evidence()).isEqualTo("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b");
        Report none = rx.validate(noAction).report();
        assertThat(ReportAssert.assertThat(none).single(Rules.SOAP_ACTION))
                .satisfies(f -> assertThat(f.message()).contains("ni action HTTP"));
        ReportAssert.assertThat(none).accepted();
        // policy setting: a receiver that requires WS-Addressing refuses both
        DmpRequestValidator strict = DmpRequestValidator.builder()
                .policy(DmpPolicy.builder().requireWsAddressing(true).build())
                .trust(org.vigie.core.cert.TrustAnchors.of(java.util.List.of(DmpRequestValidatorTest.PKI.root()),
                        java.util.List.of(DmpRequestValidatorTest.PKI.organisationsCa())))
                .crls(DmpRequestValidatorTest.PKI.crls()).directory(DmpRequestValidatorTest.DIRECTORY).build();
        assertThat(DmpPolicy.defaults().requireWsAddressing()).isFalse();
        assertThat(strict.policy().toBuilder().build().requireWsAddressing()).isTrue();
        Report refused = strict.validate(DmpRequestValidatorTest.AUTH.certificate(), DmpRequestValidatorTest.AUTH.chain(),
                new ByteArrayInputStream(noAction.getBytes(StandardCharsets.UTF_8)), null, DmpRequestValidatorTest.AT);
        assertThat(ReportAssert.assertThat(refused).single(Rules.SOAP_ACTION))
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        ReportAssert.assertThat(refused).rejected();
    }

    @Test
    void theFeedingIsCheckedWhateverTheActionSays() {
        String env = Receiving.feeding(OTHER_EG, false).action("urn:ihe:iti:2007:RegistryStoredQuery").toPlainXml();
        DmpValidation v = rx.validate(env);
        assertThat(v.feeding()).isTrue();
        ReportAssert.assertThat(v.report()).fires(Rules.AI_SAME_EJ);
        assertThat(ReportAssert.assertThat(v.report()).single(Rules.SOAP_ACTION))
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void noActionOrTwoActionsAreFindingsAndTheFeedingIsStillChecked() {
        String[] hostile = {valid.replace(ACTION, ""), valid.replace(ACTION, ACTION + ACTION.replace(
                "ProvideAndRegisterDocumentSet-b", "RegistryStoredQuery"))};
        for (int i = 0; i < hostile.length; i++) {
            DmpValidation v = rx.validate(hostile[i]);
            // none: WARNING (a stack without WS-Addressing, CXF's default, dispatches on the Body); two: ERROR
            Severity expected = i == 0 ? Severity.WARNING : Severity.ERROR;
            assertThat(ReportAssert.assertThat(v.report()).single(Rules.SOAP_ACTION))
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(expected));
            assertThat(v.feeding()).isTrue();
            assertThat(Receiving.structures(v.report())).contains(EG_ID);
        }
    }

    @ParameterizedTest(name = "mustUnderstand=\"{0}\" on {1}")
    @CsvSource({"true, ''", "1, ''", "true, http://www.w3.org/2003/05/soap-envelope/role/next",
        "true, http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver"})
    void anUnknownMustUnderstandBlockForTheUltimateReceiverIsRefused(String value, String role) {
        String block = "<x:Extension xmlns:x='urn:vendor' soap:mustUnderstand='" + value + "'"
                + (role.isEmpty() ? "" : " soap:role='" + role + "'") + ">v</x:Extension>";
        Report r = rx.validate(valid.replace("</soap:Header>", block + "</soap:Header>")).report();
        ReportAssert.assertThat(r).rejected();
        assertThat(ReportAssert.assertThat(r).single(Rules.SOAP_MUST_UNDERSTAND))
                .satisfies(f -> assertThat(f.evidence()).isEqualTo("{urn:vendor}Extension"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not mustUnderstand         | <x:Extension xmlns:x='urn:vendor'>v</x:Extension>",
        "mustUnderstand=false       | <x:Extension xmlns:x='urn:vendor' soap:mustUnderstand='false'>v</x:Extension>",
        "for another node           | <x:Extension xmlns:x='urn:vendor' soap:mustUnderstand='true' soap:role='urn:other'>v</x:Extension>"})
    void headerBlocksTheReceiverMayIgnoreAreNoFinding(String name, String block) {
        Report r = rx.validate(valid.replace("</soap:Header>", block + "</soap:Header>")).report();
        assertThat(r.accepted()).as(name + ": %s", r).isTrue();
        ReportAssert.assertThat(r).doesNotFire(Rules.SOAP_MUST_UNDERSTAND);
    }

    @Test
    void withTwoBodiesSaajReadsTheFirstAsVigieDoesAndVigieReportsTheSecond() throws Exception {
        // independent reader: SAAJ does not refuse two Bodies, it hands the first one to the service (so does Vigie);
        // the second is kept beside it, a shape a stricter stack refuses: a finding either way
        String hostile = valid.replace("</soap:Body>", "</soap:Body><soap:Body><x:Second xmlns:x='urn:x'/></soap:Body>");
        MimeHeaders h = new MimeHeaders();
        h.addHeader("Content-Type", "application/soap+xml; charset=UTF-8");
        jakarta.xml.soap.SOAPBody saajBody = MessageFactory.newInstance(SOAPConstants.SOAP_1_2_PROTOCOL)
                .createMessage(h, new ByteArrayInputStream(hostile.getBytes(StandardCharsets.UTF_8))).getSOAPBody();
        org.w3c.dom.Node first = saajBody.getFirstChild();
        while (first != null && first.getNodeType() != org.w3c.dom.Node.ELEMENT_NODE) {
            first = first.getNextSibling();
        }
        assertThat(first).isNotNull();
        assertThat(first.getLocalName()).isEqualTo("ProvideAndRegisterDocumentSetRequest");
        DmpValidation v = rx.validate(hostile);
        ReportAssert.assertThat(v.report()).fires(Rules.SOAP_STRUCTURE);
        assertThat(Receiving.structures(v.report())).containsExactly(EG_ID);
    }

    // ---------------------------------------------------------------- parts mode

    @Test
    void partsModeTakesTheBodysRequestNotADecoyInAHeader() {
        VihfBuilder vihf = DmpRequestValidatorTest.vihf();
        DmpMessageBuilder bad = Receiving.feeding(vihf, OTHER_EG, false);
        String decoy = body(Receiving.feeding(EG_ID, false).toPlainXml());
        String env = bad.toPlainXml().replace("</soap:Header>", "<x:Cache xmlns:x='urn:x'>" + decoy + "</x:Cache></soap:Header>");
        Report r = rx.base.validator.validateParts(DmpRequestValidatorTest.AUTH.certificate(),
                DmpRequestValidatorTest.AUTH.chain(), VihfInput.of(vihf.toBytes()),
                new ByteArrayInputStream(env.getBytes(StandardCharsets.UTF_8)), Map.of(), DmpRequestValidatorTest.AT);
        ReportAssert.assertThat(r).rejected();
        assertThat(Receiving.structures(r)).contains(OTHER_EG).doesNotContain(EG_ID);
        assertThat(r.byRule(Rules.SOAP_STRUCTURE)).isNotEmpty().allMatch(f -> f.severity() == Severity.WARNING);
        // and the whole-message path reads the same request
        assertThat(Receiving.structures(rx.validate(env).report())).contains(OTHER_EG).doesNotContain(EG_ID);

        Report good = rx.base.validator.validateParts(DmpRequestValidatorTest.AUTH.certificate(),
                DmpRequestValidatorTest.AUTH.chain(), VihfInput.of(vihf.toBytes()),
                new ByteArrayInputStream(Receiving.feeding(EG_ID, false).toPlainXml().getBytes(StandardCharsets.UTF_8)),
                Map.of(), DmpRequestValidatorTest.AT);
        assertThat(good.findings()).extracting(Finding::severity).doesNotContain(Severity.ERROR);
    }
}
