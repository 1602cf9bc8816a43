package org.vigie.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.testkit.ReportAssert;

/**
 * Bad input is never an exception: truncated, corrupted and hostile requests give findings. Built from a valid
 * MTOM request of the test kit; seeded, so every run checks the same inputs.
 */
class CorruptedRequestThreatTest {

    final DmpRequestValidatorTest base = new DmpRequestValidatorTest();

    byte[] valid() throws Exception {
        return DmpRequestValidatorTest.mtomRequest(DmpRequestValidatorTest.vihf(), DmpRequestValidatorTest.EG_ID,
                DmpRequestValidatorTest.EG_ID, DmpRequestValidatorTest.EG_ID);
    }

    Report validate(byte[] bytes, String ct) {
        return base.validator.validate(DmpRequestValidatorTest.AUTH.certificate(), DmpRequestValidatorTest.AUTH.chain(),
                new ByteArrayInputStream(bytes), ct, DmpRequestValidatorTest.AT);
    }

    @Test
    void everyTruncationIsRejectedWithoutAnException() throws Exception {
        byte[] msg = valid();
        IntStream.iterate(1, i -> i < msg.length - 40, i -> i + Math.max(1, msg.length / 60)).forEach(cut -> {
            byte[] t = Arrays.copyOf(msg, cut);
            assertThatCode(() -> {
                Report r = validate(t, Requests.contentType());
                assertThat(r.accepted()).as("truncated at %d", cut).isFalse();
            }).as("truncated at %d", cut).doesNotThrowAnyException();
        });
    }

    @Test
    void randomByteCorruptionNeverThrows() throws Exception {
        byte[] msg = valid();
        Random rnd = new Random(20260302L);
        for (int i = 0; i < 60; i++) {
            byte[] t = msg.clone();
            for (int k = 0; k < 1 + rnd.nextInt(8); k++) {
                t[rnd.nextInt(t.length)] = (byte) rnd.nextInt(256);
            }
            int run = i;
            assertThatCode(() -> validate(t, run % 2 == 0 ? Requests.contentType() : null)).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "billion laughs in the envelope | <!DOCTYPE e [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>]><e>&b;</e>",
        "deep nesting in the header     | DEEP",
        "binary garbage                 | ÿþ\u0001\u0002",
        "http headers then nothing      | POST / HTTP/1.1⏎Content-Type: multipart/related; boundary=x⏎⏎",
        "multipart with wrong boundary  | --abc⏎Content-Type: text/xml⏎⏎<a/>⏎--abc--⏎"})
    void hostileInputsGiveAnAiXmlFinding(String name, String text) {
        String input = text.equals("DEEP")
                ? "<s:Envelope xmlns:s='http://www.w3.org/2003/05/soap-envelope'><s:Header>" + "<x>".repeat(5000)
                + "</x>".repeat(5000) + "</s:Header><s:Body/></s:Envelope>"
                : text.replace("⏎", "\r\n");
        Report r = validate(input.getBytes(StandardCharsets.ISO_8859_1), null);
        ReportAssert.assertThat(r).rejected();
        ReportAssert.assertThat(r).fires(Rules.VIHF_XML);
        ReportAssert.assertThat(r).fires(Rules.AI_XML);
    }
}
