package org.vigie.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigie.core.internal.JsonStreamReader.Token;

class JsonStreamReaderTest {

    static JsonStreamReader reader(String s) {
        return new JsonStreamReader(new StringReader(s), 16, 1000, 1_000_000);
    }

    static List<String> tokens(String s) throws Exception {
        JsonStreamReader r = reader(s);
        List<String> out = new ArrayList<>();
        Token t;
        while ((t = r.next()) != Token.END) {
            out.add(switch (t) {
                case NAME, STRING, NUMBER -> t + ":" + r.text();
                default -> t.toString();
            });
        }
        return out;
    }

    @ParameterizedTest(name = "well-formed: {0}")
    @ValueSource(strings = {"{}", "[]", "0", "-0.5e+10", "\"a\\u00e9\\n\"", "true", "null",
        "{\"a\": [1, 2, {\"b\": false}], \"c\": {}}", " \n[ [ ], { } ] \n", "[\"\\\"\\\\\\/\\b\\f\\r\\t\"]"})
    void acceptsWellFormedDocuments(String json) {
        org.assertj.core.api.Assertions.assertThatCode(() -> tokens(json)).doesNotThrowAnyException();
    }

    @Test
    void emitsTheTokensInOrder() throws Exception {
        assertThat(tokens("{\"a\": [1, \"x\", true, null], \"b\": {\"c\": -2.5}}")).containsExactly(
                "START_OBJECT", "NAME:a", "START_ARRAY", "NUMBER:1", "STRING:x", "TRUE", "NULL", "END_ARRAY",
                "NAME:b", "START_OBJECT", "NAME:c", "NUMBER:-2.5", "END_OBJECT", "END_OBJECT");
    }

    @ParameterizedTest(name = "malformed: {0}")
    @ValueSource(strings = {"", "{", "[1,]", "{\"a\":1,}", "[,1]", "{\"a\" 1}", "{a:1}", "{'a':1}", "[01]",
        "[1.]", "[-]", "[tru]", "[nul]", "[1 2]", "{\"a\":1 \"b\":2}", "{} {}", "[\"a\nb\"]", "[\"\\x\"]",
        "/* c */ {}", "[NaN]", "{\"a\":}", "[\"unterminated]", "{\"a\":1]", "[1}"})
    void rejectsMalformedDocuments(String json) {
        assertThatThrownBy(() -> tokens(json)).isInstanceOf(JsonSyntaxException.class);
    }

    @Test
    void reportsLineAndColumnOfTheError() {
        assertThatThrownBy(() -> tokens("{\n  \"a\": 1,\n  \"b\": x\n}")).isInstanceOfSatisfying(
                JsonSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(8);
                });
    }

    @Test
    void enforcesDepthStringAndSizeLimits() {
        assertThatThrownBy(() -> tokens("[".repeat(17) + "]".repeat(17)))
                .hasMessageContaining("imbrication");
        assertThatThrownBy(() -> tokens("[\"" + "a".repeat(1001) + "\"]")).hasMessageContaining("chaîne plus longue");
        JsonStreamReader small = new JsonStreamReader(new StringReader("[" + "1,".repeat(10_000) + "1]"), 4, 10,
                1000);
        assertThatThrownBy(() -> {
            while (small.next() != Token.END) {
                // read on
            }
        }).hasMessageContaining("plus grand que 1000");
    }

    @Test
    @SuppressWarnings("unchecked")
    void readsAValueIntoATreeAndSkipsAnother() throws Exception {
        JsonStreamReader r = reader("[{\"a\": [\"x\", 1, true, null], \"b\": {\"c\": \"d\"}}, {\"skip\": [1, [2]]}, 3]");
        assertThat(r.next()).isEqualTo(Token.START_ARRAY);
        Object tree = r.readTree(r.next(), 100);
        assertThat(tree).isInstanceOf(Map.class);
        Map<String, Object> m = (Map<String, Object>) tree;
        assertThat((List<Object>) m.get("a")).containsExactly("x", "1", true, null);
        assertThat(m.get("b")).isEqualTo(Map.of("c", "d"));
        r.skipValue(r.next());
        assertThat(r.next()).isEqualTo(Token.NUMBER);
        assertThat(r.text()).isEqualTo("3");
        assertThat(r.next()).isEqualTo(Token.END_ARRAY);
        assertThat(r.next()).isEqualTo(Token.END);
    }

    @Test
    void aTreeOverItsValueBudgetIsRefused() throws Exception {
        JsonStreamReader r = reader("[1, 2, 3, 4, 5]");
        assertThatThrownBy(() -> r.readTree(r.next(), 3)).hasMessageContaining("trop volumineux");
    }
}
