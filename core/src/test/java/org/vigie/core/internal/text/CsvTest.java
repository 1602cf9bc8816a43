package org.vigie.core.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one splitter of the FINESS extracts and the deployment inventories (it replaced a copy in each reader; the
 * cases where the copies disagreed are pinned here with the behaviour kept).
 */
class CsvTest {

    private static List<String> fields(String line, char sep) {
        List<String> out = new ArrayList<>();
        int n = Csv.fields(line, sep, Integer.MAX_VALUE, out);
        if (n == Csv.UNCLOSED_QUOTE) {
            return null;
        }
        assertThat(out).hasSize(n);
        return out;
    }

    @ParameterizedTest(name = "\"{0}\" has {1} fields")
    @CsvSource(delimiter = '|', value = {"a;b;c|3", "a;;b;|4", "''|1", ";|2"})
    void splitAndBoundsKeepEmptyFields(String line, int count) {
        List<String> f = new ArrayList<>();
        assertThat(Csv.split(line, ';', 10, f)).isEqualTo(count);
        assertThat(f).hasSize(count);
        int[] b = new int[11];
        assertThat(Csv.bounds(line, ';', b)).isEqualTo(count);
        for (int i = 0; i < count; i++) {
            assertThat(line.substring(b[i], b[i + 1] - 1)).isEqualTo(f.get(i));
        }
        assertThat(fields(line, ';')).isEqualTo(f);
    }

    @Test
    void quotedFieldsHoldSeparatorsAndDoubledQuotes() {
        assertThat(fields("\"1750712184\",\"Vigie, \"\"LPS\"\"\",2027-01-01", ','))
                .containsExactly("1750712184", "Vigie, \"LPS\"", "2027-01-01");
        assertThat(fields("010780054;\"CLINIQUE \"\"LE PARC\"\", SA\"", ';'))
                .containsExactly("010780054", "CLINIQUE \"LE PARC\", SA");
        assertThat(fields("a;  \"b;c\";\"\"", ';')).containsExactly("a", "b;c", "");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsAnOrdinaryCharacter() {
        assertThat(fields("CH \"LES PINS\";x", ';')).containsExactly("CH \"LES PINS\"", "x");
    }

    @Test
    void aQuoteAfterAClosedQuotedRunDoesNotOpenASecondOne() {
        // the inventory's copy kept this text as written; the FINESS EJ copy reopened a quote after blanks and so
        // read `"" "x"` as `x` and `"" "x;y` as an unclosed quote: one quoted run per field is the behaviour kept
        assertThat(fields("\"\" \"x\";y", ';')).containsExactly(" \"x\"", "y");
        assertThat(fields("\"\" \"x;y", ';')).containsExactly(" \"x", "y");
    }

    @Test
    void anUnclosedQuoteMakesTheLineUnreadable() {
        assertThat(fields("260100045;\"unclosed;;", ';')).isNull();
        List<String> out = new ArrayList<>(List.of("stale"));
        assertThat(Csv.fields("\"", ';', 10, out)).isEqualTo(Csv.UNCLOSED_QUOTE);
        assertThat(out).isEmpty();
    }

    @Test
    void fieldsBeyondTheMaximumAreCountedNotKept() {
        List<String> out = new ArrayList<>();
        assertThat(Csv.fields("a;\"b\";c;d", ';', 2, out)).isEqualTo(4);
        assertThat(out).containsExactly("a", "b");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "holder;cn;serial|;",
        "holder,cn,not_after|,",
        "cn<TAB>ou|<TAB>",
        "finess|;",
        "''|;",
        // ties: ';' first, then tab
        "a;b,c|;",
        "a<TAB>b;c|;",
        "a<TAB>b,c|<TAB>",
        // separators inside quotes do not count (the FINESS EJ copy counted them and took ';' here)
        "\"a;b;c\",finess,siren|,",
        "\"nom, prénom\";finess|;"})
    void guessesTheSeparatorOfAHeaderLine(String header, String expected) {
        assertThat(Csv.separator(header.replace("<TAB>", "\t"))).isEqualTo(expected.replace("<TAB>", "\t").charAt(0));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "Fin_Validité|finvalidite",
        "N° FINESS EJ|nfinessej",
        "\"holder\"|holder",
        "\uFEFFholder|holder",
        "  Raison Sociale Longue |raisonsocialelongue",
        "Île-de-France|iledefrance"})
    void foldsHeaderNames(String header, String key) {
        assertThat(Csv.key(header)).isEqualTo(key);
    }
}
