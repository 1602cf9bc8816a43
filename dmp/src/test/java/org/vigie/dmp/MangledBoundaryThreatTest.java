package org.vigie.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.core.Report;
import org.vigie.core.Severity;
import org.vigie.testkit.ReportAssert;

/**
 * Regression of a fuzzing finding ({@code DmpMessageFuzzTest}, corpus file {@code crash-4f1ee6f9…}): a message whose
 * first MIME delimiter line holds a bare CR gave a boundary with a line break, and mime4j threw an
 * {@link IllegalArgumentException} out of {@link DmpRequestValidator#validate}. It is now an {@code AI-XML} ERROR.
 */
class MangledBoundaryThreatTest {

    @ParameterizedTest(name = "given Content-Type: {0}")
    @CsvSource(delimiter = '|', value = {"text/xml; charset=UTF-8", "application/soap+xml"})
    void aBoundaryWithALineBreakIsAFindingNotAnException(String contentType) {
        String body = "POST /si-dmp-server/v2/services HTTP/1.1\r\nHost: lps\r\nContent-Type: multipart/related; "
                + "type=\"application/xop+xml\"; boundary=\"b1\"\r\n\r\n"
                + "--b1\rx\r\nContent-Type: application/xop+xml\r\n\r\n<e/>\r\n--b1--\r\n";
        Report r = ConcurrencyTest.validatorForTests().validate(DmpRequestValidatorTest.AUTH.certificate(),
                DmpRequestValidatorTest.AUTH.chain(), new ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1)),
                contentType, DmpRequestValidatorTest.AT);
        ReportAssert.assertThat(r).rejected();
        assertThat(r.byRule("AI-XML")).filteredOn(f -> f.severity() == Severity.ERROR)
                .anySatisfy(f -> assertThat(f.message()).contains("saut de ligne"));
    }
}
