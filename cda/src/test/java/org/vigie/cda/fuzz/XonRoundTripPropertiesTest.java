package org.vigie.cda.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.cda.Xon;

/**
 * The XON round-trip properties of {@link XonFuzzTest} over thousands of generated values, as a plain test (so that
 * mutation testing, which leaves fuzz classes out, sees them), plus the HL7 escape and trimming cases they rest on.
 */
class XonRoundTripPropertiesTest {

    @Test
    void parseFormatEscapeAndOfRoundTripOverGeneratedValues() {
        SplittableRandom r = new SplittableRandom(21L);
        List<String> values = XonFuzzTest.generated(22L, 4000);
        for (String s : values) {
            XonFuzzTest.checkParse(s);
            XonFuzzTest.checkEscape(s);
            XonFuzzTest.checkOf(s, String.format("%08d", r.nextInt(100_000_000)));
        }
        for (String s : XonFuzzTest.SEEDS) {
            XonFuzzTest.checkParse(s);
            XonFuzzTest.checkParse("~" + s);
        }
    }

    @ParameterizedTest(name = "unescape({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "\\X41\\|A", "\\X4142\\|AB", "\\X4\\|\\X4\\", "\\X4G\\|\\X4G\\", "\\X\\|\\X\\", "\\XG1\\|\\XG1\\",
        "\\X30\\|0", "\\S\\x|^x", "x\\T\\|x&", "\\Q\\|\\Q\\", "a\\unterminated|a\\unterminated"})
    void hl7EscapesAreDecodedAndUnknownOnesKept(String escaped, String text) {
        assertThat(Xon.unescape(escaped)).isEqualTo(text);
    }

    @ParameterizedTest(name = "format({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "A^^^|A", "A&&^B&&|A^B", "^^^|''", "A^^^^^&1.3.2&ISO^^^|A^^^^^&1.3.2&ISO", "a~b|a\\R\\b"})
    void formatDropsTrailingEmptyComponentsAndEscapesDelimiters(String raw, String formatted) {
        assertThat(Xon.parse(raw).format()).isEqualTo(formatted.equals("''") ? "" : formatted);
    }

    @Test
    void componentsAndSubComponentsAreListedInOrder() {
        Xon x = Xon.parse("N^^^^^&1.2.3&ISO^IDNST^^^1750712184");
        assertThat(x.components()).hasSize(10);
        assertThat(x.components().get(5)).containsExactly("", "1.2.3", "ISO");
        assertThat(x.componentCount()).isEqualTo(10);
    }

    @Test
    void aLeadingRepetitionSeparatorIsARepetition() {
        assertThat(Xon.parse("~CH^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750712184").repeated()).isTrue();
        assertThat(Xon.parse("~CH^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750712184").frenchProfile().valid()).isFalse();
        assertThat(Xon.parse("CH^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750712184").repeated()).isFalse();
    }
}
