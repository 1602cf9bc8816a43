package org.vigie.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Edge cases of the distinguished-name parser: backslash escapes, BER ({@code #hex}) values with short and long
 * length forms, values at the very end of the text, trailing separators, spaces around quoted and BER values, and
 * the reasons given for malformed texts. Each case sits on one side of a boundary of the parser.
 */
class DistinguishedNameEdgeCasesTest {

    private static String cn(String text) {
        return DistinguishedNames.parse(text).single("CN").orElseThrow();
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            // hex escapes, including digits 0 in the first or second position, and at the very end of the text
            "CN=x\\30|x0",
            "CN=a\\09b|a\tb",
            "CN=a\\41|aA",
            "CN=\\41\\42|AB",
            // a backslash followed by one hex digit then the end: the digit is taken literally
            "CN=a\\4|a4",
            // a backslash followed by a non-hex character: that character is taken literally
            "CN=a\\+b|a+b",
            "CN=a\\\\b|a\\b",
            // escapes inside a quoted value
            "CN=\"a\\\"b\"|a\"b",
            "CN=\"a\\,b\"|a,b",
            "CN=\"a\\41\"|aA",
            // spaces after '=' are not part of the value; trailing spaces of an unquoted value neither
            "CN=   abc|abc",
            "CN = abc   , O=x|abc",
            // an escaped trailing space is kept
            "'CN=abc\\ ,O=x'|'abc '",
            // an empty value at the very end of the text
            "CN=|''",
    })
    void escapedAndUnquotedValuesDecode(String text, String expected) {
        assertThat(cn(text)).as(text).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            // string types: UTF8String, PrintableString, T61String, IA5String, BMPString, UniversalString
            "CN=#0c03616263|abc",
            "CN=#0c02c3b4|ô",
            "CN=#1303616263|abc",
            "CN=#1402f462|ôb",
            "CN=#1603616263|abc",
            "CN=#1e0400f40062|ôb",
            "CN=#1c08000000f400000062|ôb",
            // the shortest BER value (tag and a zero length): an empty string
            "CN=#0c00|''",
            // long length forms: one, two and three length bytes (the maximum accepted)
            "CN=#0c8103616263|abc",
            "CN=#0c820003616263|abc",
            "CN=#0c83000003616263|abc",
            // a long form whose length bytes are the last bytes of the value
            "CN=#0c8100|''",
            // a non-string type stays as lower-case #hex
            "CN=#0402ABCD|#0402abcd",
            // upper-case hex digits and a BER value at the very end of the text
            "CN=#0C03414243|ABC",
    })
    void berValuesDecodeByTheirTag(String text, String expected) {
        assertThat(cn(text)).as(text).isEqualTo(expected);
    }

    @Test
    void aTwoByteBerLengthIsReadBigEndian() {
        String content = "61".repeat(256);
        assertThat(cn("CN=#0c820100" + content)).isEqualTo("a".repeat(256));
        assertThat(cn("CN=#0c81ff" + "62".repeat(255))).isEqualTo("b".repeat(255));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "CN=#0c|malformed #hex value",
            "CN=#0c0|malformed #hex value",
            "CN=#0c016|malformed #hex value",
            "CN=#0c80|indefinite length",
            "CN=#0c8000|indefinite length",
            "CN=#0c84000000036162|malformed #hex length",
            "CN=#0c82|malformed #hex length",
            "CN=#0c8200|malformed #hex length",
            "CN=#0c0261|#hex length does not match its content",
            "CN=#0c016162|#hex length does not match its content",
            "CN=#0c810261|#hex length does not match its content",
            "CN=#0c820261|#hex length does not match its content",
    })
    void malformedBerValuesAreRefusedWithTheirReason(String text, String reason) {
        assertThatThrownBy(() -> DistinguishedNames.parse(text)).as(text)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
        assertThat(DistinguishedNames.tryParse(text)).as(text).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "CN=a\\|dangling backslash at the end",
            "CN=\"a\\|dangling backslash at the end",
            "=abc|empty attribute type at position 0",
            "CN=a+ =b|empty attribute type at position 6",
            "CN=a, =b|empty attribute type at position 6",
            "2.5.4a=x|malformed attribute type: 2.5.4a",
            "OID.2.5.4.3x=x|malformed attribute type: OID.2.5.4.3x",
            "CN=\"a\"b|unexpected 'b'",
    })
    void malformedTextsAreRefusedWithAReasonAndAPosition(String text, String reason) {
        assertThatThrownBy(() -> DistinguishedNames.parse(text)).as(text)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
        assertThat(DistinguishedNames.tryParse(text)).as(text).isEmpty();
    }

    @Test
    void numericOidsAreAcceptedAsTypes() {
        DistinguishedName dn = DistinguishedNames.parse("2.5.4.3=a, 1.2.3.4=b");
        assertThat(dn.values("CN")).containsExactly("a");
        assertThat(dn.values("1.2.3.4")).containsExactly("b");
        assertThat(dn.rdns().get(1).avas().get(0).typeName()).isEqualTo("1.2.3.4");
    }

    @Test
    void spacesAroundQuotedAndBerValuesAreSkipped() {
        DistinguishedName quoted = DistinguishedNames.parse("CN= \"a\" , O=b");
        assertThat(quoted.values("CN")).containsExactly("a");
        assertThat(quoted.values("O")).containsExactly("b");
        DistinguishedName ber = DistinguishedNames.parse("CN= #0c0161 +SN=b ,O=c");
        assertThat(ber.values("CN")).containsExactly("a");
        assertThat(ber.rdns()).hasSize(2);
        assertThat(ber.rdns().get(0).avas()).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CN=a,|1",
            "CN=a;|1",
            "CN=a,O=b,|2",
            "/C=FR/|1",
            "/C=FR/O=x/|2",
    })
    void aTrailingSeparatorIsTolerated(String text, int rdns) {
        assertThat(DistinguishedNames.parse(text).rdns()).as(text).hasSize(rdns);
    }

    @ParameterizedTest(name = "[{0}] same as [{1}]: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            // inner runs of white space count as one space, leading and trailing ones not at all
            "CN=a b|CN=a     b|true",
            "CN=a b|CN=ab|false",
            "CN=ab|CN=a b|false",
            "CN=\" a\"|CN=a|true",
            "CN=\"a \"|CN=a|true",
            "CN=\"\ta\"|CN=a|true",
            "CN=a\\09b|CN=a b|true",
            // case and compatibility forms
            "CN=ABC|CN=abc|true",
            "CN=\uFF21|CN=a|true",
            "CN=a|CN=b|false",
    })
    void valuesCompareNormalized(String a, String b, boolean same) {
        assertThat(DistinguishedNames.sameName(a, b)).as(a + " vs " + b).isEqualTo(same);
        assertThat(DistinguishedNames.sameName(b, a)).as(b + " vs " + a).isEqualTo(same);
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "'  A   b '|a b",
            "'a\tb'|a b",
            "ab|ab",
            "' a'|a",
            "'a\u00A0\u00A0b'|a b",
            "''|''",
    })
    void normalizationLowerCasesAndCollapsesWhiteSpace(String value, String expected) {
        assertThat(DistinguishedNames.normalize(value)).isEqualTo(expected);
    }

    @Test
    void sameNameOfTwoStringsNeedsBothToParseAndTheFirstToBeNonEmpty() {
        assertThat(DistinguishedNames.sameName("CN=a,O=b", "O=b, CN=a")).isTrue();
        assertThat(DistinguishedNames.sameName("CN=a", "CN=a,O=b")).isFalse();
        assertThat(DistinguishedNames.sameName("CN=a", "XX=a")).isFalse();
        assertThat(DistinguishedNames.sameName("XX=a", "CN=a")).isFalse();
        assertThat(DistinguishedNames.sameName("", "")).isFalse();
        assertThat(DistinguishedNames.sameName(null, "CN=a")).isFalse();
    }

    @Test
    void parsedNamesHaveValueEquality() {
        DistinguishedName a = DistinguishedNames.parse("CN=a,O=b");
        DistinguishedName same = DistinguishedNames.parse("CN=a, O=b");
        DistinguishedName other = DistinguishedNames.parse("CN=a,O=c");
        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other).isNotEqualTo("CN=a,O=b");
    }
}
