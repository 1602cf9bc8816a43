package org.vigie.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.vigie.dmp.DmpRequestValidatorTest.AT;
import static org.vigie.dmp.DmpRequestValidatorTest.AUTH;
import static org.vigie.dmp.DmpRequestValidatorTest.EG_ID;
import static org.vigie.dmp.DmpRequestValidatorTest.OTHER_EG;
import static org.vigie.dmp.DmpRequestValidatorTest.errors;
import static org.vigie.dmp.DmpRequestValidatorTest.mtomRequest;
import static org.vigie.dmp.DmpRequestValidatorTest.vihf;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.cert.TlsPeer;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.saml.VihfInput;
import org.vigie.testkit.ReportAssert;

/** The typed entry points {@link DmpRequestValidator#validate(DmpRequest)} and {@code validate(DmpParts)}. */
class TypedRequestTest {

    final DmpRequestValidator validator = DmpRequestValidator.builder()
            .trust(TrustAnchors.of(List.of(DmpRequestValidatorTest.PKI.root()),
                    List.of(DmpRequestValidatorTest.PKI.organisationsCa())))
            .crls(DmpRequestValidatorTest.PKI.crls())
            .directory(DmpRequestValidatorTest.DIRECTORY)
            .clock(Clock.fixed(AT, ZoneOffset.UTC))
            .build();

    @Test
    void aCompliantFeedingAsATypedRequestIsAcceptedAtTheClocksInstant() throws Exception {
        DmpValidation v = validator.validate(DmpRequest.of(TlsPeer.of(AUTH.certificate(), AUTH.chain().toArray(
                new java.security.cert.X509Certificate[0])), mtomRequest(vihf(), EG_ID, EG_ID, EG_ID), Requests.contentType()));
        ReportAssert.assertThat(v.report()).accepted();
        assertThat(v.accepted()).isTrue();
        assertThat(v.feeding()).isTrue();
        assertThat(v.attachments()).containsExactly("doc1@vigie");
        assertThat(v.report().evaluatedAt()).contains(AT);
    }

    @Test
    void aMismatchedFeedingIsRefusedAndTheBodyCanBeReadTwice() throws Exception {
        byte[] bad = mtomRequest(vihf(), OTHER_EG, OTHER_EG, OTHER_EG);
        DmpRequest request = DmpRequest.builder(TlsPeer.of(AUTH.certificate()), () -> new ByteArrayInputStream(bad))
                .contentType(Requests.contentType()).at(AT.plusSeconds(1)).build();
        DmpValidation first = validator.validate(request);
        DmpValidation second = validator.validate(request);
        assertThat(first.accepted()).isFalse();
        ReportAssert.assertThat(first.report()).fires(Rules.AI_SAME_EJ);
        assertThat(second.report().rulesFired()).isEqualTo(first.report().rulesFired());
        assertThat(first.report().evaluatedAt()).contains(AT.plusSeconds(1));
    }

    @Test
    void aBlankContentTypeIsUnknownAndAMissingPeerOrBodyIsMisuse() {
        DmpRequest r = DmpRequest.builder(TlsPeer.of(AUTH.certificate()), new byte[0]).contentType(" ").build();
        assertThat(r.contentType()).isEmpty();
        assertThat(r.at()).isEmpty();
        assertThat(validator.validate(r).accepted()).isFalse();
        assertThatNullPointerException().isThrownBy(() -> DmpRequest.of(null, new byte[0]));
        assertThatNullPointerException().isThrownBy(() -> DmpRequest.of(TlsPeer.of(AUTH.certificate()), null));
        assertThatNullPointerException().isThrownBy(() -> validator.validate((DmpRequest) null));
    }

    @Test
    void partsGiveTheSameVerdictsAsTheWholeMessage() throws Exception {
        byte[] token = vihf().toBytes();
        DmpParts ok = DmpParts.builder(TlsPeer.of(AUTH.certificate()), VihfInput.of(token))
                .submission(Requests.submission(EG_ID, EG_ID, Requests.XOP).getBytes(StandardCharsets.UTF_8))
                .document("cid:doc1%40vigie", () -> new ByteArrayInputStream(Requests.cda(EG_ID).getBytes(StandardCharsets.UTF_8)))
                .build();
        ReportAssert.assertThat(validator.validate(ok).report()).accepted();
        DmpParts ko = DmpParts.builder(TlsPeer.of(AUTH.certificate()), VihfInput.of(token))
                .submission(Requests.submission(OTHER_EG, OTHER_EG, Requests.XOP).getBytes(StandardCharsets.UTF_8))
                .document("cid:doc1%40vigie", () -> new ByteArrayInputStream(Requests.cda(OTHER_EG).getBytes(StandardCharsets.UTF_8)))
                .at(AT).build();
        ReportAssert.assertThat(validator.validate(ko).report()).fires(Rules.AI_SAME_EJ);
        Report tokenOnly = validator.validate(DmpParts.builder(TlsPeer.of(AUTH.certificate()), VihfInput.of(token)).build())
                .report();
        ReportAssert.assertThat(tokenOnly).accepted();
        assertThat(tokenOnly.occurrences()).isEmpty();
    }

    @Test
    void partsAreAnsweredWithATypedValidationSayingWhatWasRead() throws Exception {
        byte[] token = vihf().toBytes();
        DmpValidation feeding = validator.validate(DmpParts.builder(TlsPeer.of(AUTH.certificate()), VihfInput.of(token))
                .submission(Requests.submission(EG_ID, EG_ID, Requests.XOP).getBytes(StandardCharsets.UTF_8))
                .document("cid:doc1%40vigie", () -> new ByteArrayInputStream(Requests.cda(EG_ID).getBytes(StandardCharsets.UTF_8)))
                .build());
        assertThat(feeding.accepted()).isTrue();
        assertThat(feeding.framing()).isEqualTo(DmpValidation.PARTS);
        assertThat(feeding.feeding()).isTrue();
        assertThat(feeding.attachments()).containsExactly("doc1@vigie");
        assertThat(feeding.soapVersion()).isEmpty();
        assertThat(feeding.action()).isEmpty();
        assertThat(feeding.report().profile()).contains(validator.profile());
        assertThat(feeding.report().evaluatedAt()).contains(AT);

        DmpValidation rejected = validator.validate(DmpParts.builder(TlsPeer.of(AUTH.certificate()), VihfInput.of(token))
                .submission(Requests.submission(OTHER_EG, OTHER_EG, Requests.XOP).getBytes(StandardCharsets.UTF_8))
                .document("cid:doc1%40vigie", () -> new ByteArrayInputStream(Requests.cda(OTHER_EG).getBytes(StandardCharsets.UTF_8)))
                .build());
        assertThat(rejected.accepted()).isFalse();
        assertThat(rejected.feeding()).isTrue();

        DmpValidation tokenOnly = validator.validate(DmpParts.builder(TlsPeer.of(AUTH.certificate()), VihfInput.of(token))
                .document("cid:never-read", () -> new ByteArrayInputStream(new byte[0])).build());
        assertThat(tokenOnly.accepted()).isTrue();
        assertThat(tokenOnly.feeding()).isFalse();
        assertThat(tokenOnly.attachments()).isEmpty();
        assertThatNullPointerException().isThrownBy(() -> validator.validate((DmpParts) null));
    }

    @Test
    void partsKeepTheDocumentsInTheOrderGiven() {
        DmpParts.Builder b = DmpParts.builder(TlsPeer.of(AUTH.certificate()), VihfInput.of(new byte[] {'<'}));
        List<String> hrefs = List.of("cid:z", "cid:a", "cid:m", "cid:b", "cid:y", "cid:c");
        hrefs.forEach(h -> b.document(h, () -> new ByteArrayInputStream(new byte[0])));
        assertThat(b.build().documents().keySet()).containsExactlyElementsOf(hrefs);
    }
}
