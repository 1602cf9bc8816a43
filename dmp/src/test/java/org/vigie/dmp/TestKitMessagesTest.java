package org.vigie.dmp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.core.Report;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.testkit.CdaBuilder;
import org.vigie.testkit.DmpMessageBuilder;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.ReportAssert;
import org.vigie.testkit.TestPki;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.XdsSubmissionBuilder;

/**
 * Messages built by the test kit's {@link DmpMessageBuilder} (written independently of this module) in every
 * framing a connector may hand over: compliant ones are accepted, a foreign authorInstitution is rejected.
 */
class TestKitMessagesTest {

    static final TestPki PKI = TestPki.shared();
    static final Instant AT = PKI.anchor().plusSeconds(7200);
    static final String EJ = DmpRequestValidatorTest.EJ_ID;
    static final OrgCredential AUTH = PKI.authentication(EJ);
    static final OrgCredential SIGN = PKI.signature(EJ);

    final DmpRequestValidator validator = DmpRequestValidator.builder()
            .trust(TrustAnchors.of(List.of(PKI.root()), List.of(PKI.organisationsCa())))
            .crls(PKI.crls())
            .directory(DmpRequestValidatorTest.DIRECTORY)
            .build();

    static DmpMessageBuilder message(String institution, boolean xop, boolean soap11) {
        XdsSubmissionBuilder sub = XdsSubmissionBuilder.provideAndRegister()
                .document("Doc01", CdaBuilder.ciSis().author("Site", institution))
                .document("Doc02", CdaBuilder.ciSis().author("Site", institution).nonXmlBodyPdf(200_000))
                .submissionSetAuthorInstitution(XdsSubmissionBuilder.xon("Site", institution))
                .documentAuthorInstitution("Doc01", XdsSubmissionBuilder.xon("Site", institution))
                .documentAuthorInstitution("Doc02", XdsSubmissionBuilder.xon("Site", institution));
        DmpMessageBuilder m = DmpMessageBuilder.feeding(
                VihfBuilder.indirect(SIGN).at(AT.minusSeconds(60)).secteurActivite("SA01"), xop ? sub.xop() : sub.inline());
        return soap11 ? m.soap11Namespace() : m;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "MTOM with the Content-Type given,                MTOM,  false",
        "MTOM without Content-Type (first line),          MTOM-NOCT, false",
        "MTOM behind a captured HTTP header block,        HTTP,  false",
        "plain SOAP 1.2 with documents inline,            PLAIN, false",
        "MTOM with the SOAP 1.1 namespace (like ANS),     MTOM,  true"})
    void compliantKitMessageIsAcceptedAndAForeignEgIsRejected(String name, String framing, boolean soap11) {
        for (String institution : List.of(DmpRequestValidatorTest.EG_ID, "1" + DmpRequestValidatorTest.OTHER_EG)) {
            DmpMessageBuilder m = message(institution, !framing.equals("PLAIN"), soap11);
            byte[] bytes;
            String ct;
            switch (framing) {
                case "PLAIN" -> {
                    bytes = m.toPlainXml().getBytes(StandardCharsets.UTF_8);
                    ct = m.plainContentType();
                }
                case "HTTP" -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.writeBytes(("POST /si-dmp-server/v2/services HTTP/1.1\r\nHost: lps.dmp.test\r\nContent-Type: "
                            + m.contentType() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.writeBytes(m.toMtomBytes());
                    bytes = out.toByteArray();
                    ct = null;
                }
                case "MTOM-NOCT" -> {
                    bytes = m.toMtomBytes();
                    ct = null;
                }
                default -> {
                    bytes = m.toMtomBytes();
                    ct = m.contentType();
                }
            }
            Report r = validator.validate(AUTH.certificate(), AUTH.chain(), new ByteArrayInputStream(bytes), ct, AT);
            if (institution.equals(DmpRequestValidatorTest.EG_ID)) {
                ReportAssert.assertThat(r).isAccepted().hasNoFinding("AI-XML", "VIHF-XML");
            } else {
                ReportAssert.assertThat(r).isRejected().hasFinding("AI-SAME-EJ");
            }
        }
    }
}
