package org.vigie.dmp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Content-Type parser (mime4j's {@code RawFieldParser}, the hand-written reading kept for bare line breaks). */
class ContentTypeTest {

    @Test
    void readsAnMtomHeaderWithQuotedParameters() {
        ContentType ct = ContentType.parse("Multipart/Related; type=\"application/xop+xml\"; BOUNDARY=\"uuid:1;2\";"
                + " start=\"<root@vigie>\"; start-info=\"application/soap+xml\"").orElseThrow();
        assertThat(ct.mimeType()).isEqualTo("multipart/related");
        assertThat(ct.isMultipart()).isTrue();
        assertThat(ct.parameter("boundary")).contains("uuid:1;2");
        assertThat(ct.parameter("Boundary")).contains("uuid:1;2");
        assertThat(ct.parameter("start")).contains("<root@vigie>");
        assertThat(ct.parameter("type")).contains("application/xop+xml");
        assertThat(ct.parameter("charset")).isEmpty();
    }

    @Test
    void unquotesEscapesKeepsTheFirstOfARepeatedNameAndSkipsComments() {
        assertThat(ContentType.parse("text/xml; a=\"b\\\"c\"").orElseThrow().parameter("a")).contains("b\"c");
        assertThat(ContentType.parse("text/xml; a=b; A=c").orElseThrow().parameters()).isEqualTo(Map.of("a", "b"));
        assertThat(ContentType.parse("text/xml ;charset = UTF-8 ;").orElseThrow().parameter("charset")).contains("UTF-8");
        ContentType commented = ContentType.parse("text/xml (SOAP 1.1); charset=utf-8 (default)").orElseThrow();
        assertThat(commented.mimeType()).isEqualTo("text/xml");
        assertThat(commented.isMultipart()).isFalse();
        assertThat(commented.parameter("charset")).contains("utf-8");
    }

    @Test
    void theBoundaryRebuiltFromAFirstLineRoundTrips() {
        ContentType ct = ContentType.parse(ContentType.multipartRelated("MIME\"b(x)")).orElseThrow();
        assertThat(ct.parameter("boundary")).contains("MIME\"b(x)");
        assertThat(ct.parameter("type")).contains("application/xop+xml");
    }

    @Test
    void aBareLineBreakStaysInTheValue() {
        // mime4j would refuse or drop it: the MTOM reader must see it to report it (MangledBoundaryThreatTest)
        assertThat(ContentType.parse("multipart/related; boundary=\"a\rb\"").orElseThrow().parameter("boundary"))
                .contains("a\rb");
        assertThat(ContentType.parse("multipart/related; boundary=a\nb").orElseThrow().parameter("boundary"))
                .contains("a\nb");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "text", "text; a=b", ";a=b", "(only a comment)", "text\r\nxml"})
    void whatIsNoTypeSlashSubtypeGivesNothing(String value) {
        assertThat(ContentType.parse(value)).isEmpty();
    }

    @Test
    void malformedParametersAreSkippedNotThrown() {
        assertThat(ContentType.parse("text/xml; a").orElseThrow().parameters()).isEmpty();
        assertThat(ContentType.parse("text/xml; =b").orElseThrow().parameters()).isEmpty();
        assertThat(ContentType.parse("text/xml; a=\"unterminated").orElseThrow().parameter("a")).contains("unterminated");
        assertThat(ContentType.parse("text/xml; a=").orElseThrow().parameter("a")).contains("");
    }
}
