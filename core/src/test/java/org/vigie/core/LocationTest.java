package org.vigie.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LocationTest {

    @Test
    void buildsTheTextFormOfTheReports() {
        Location l = Location.of("VIHF").child("Attribute", "Identifiant_Structure").child("AttributeValue");
        assertThat(l).hasToString("VIHF/Attribute[Identifiant_Structure]/AttributeValue");
        assertThat(Location.of("DocumentEntry", "D1").child("author", 2).child("authorInstitution"))
                .hasToString("DocumentEntry[D1]/author[2]/authorInstitution");
        assertThat(Location.of("VIHF").child("Conditions").attribute("NotOnOrAfter")).hasToString("VIHF/Conditions/@NotOnOrAfter");
        assertThat(Location.NONE).hasToString("");
        assertThat(Location.of("SubmissionSet").then(Location.of("author", 0))).hasToString("SubmissionSet/author[0]");
    }

    @Test
    void readsStepsBackFromTheText() {
        Location l = Location.parse("organisation/certificates[3]/covers[1]");
        assertThat(l.steps()).hasSize(3);
        assertThat(l.index("certificates")).hasValue(3);
        assertThat(l.index("covers")).hasValue(1);
        assertThat(l.index("organisation")).isEmpty();
        assertThat(l.index("absent")).isEmpty();
        assertThat(Location.parse("CDA[D2]/author[1]").key("CDA")).hasValue("D2");
        assertThat(Location.parse("SubmissionSet[SS]/author[ssa1]").key("author")).hasValue("ssa1");
        assertThat(Location.parse("Sheet[Sites][12]").step("Sheet").orElseThrow())
                .isEqualTo(new Location.Step("Sheet", "Sites", 12));
        assertThat(Location.parse("certificates[2]")).isEqualTo(Location.of("certificates", 2));
        assertThat(Location.parse("")).isEqualTo(Location.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"VIHF/Attribute[Identifiant_Structure]", "TLS", "cid:doc1@host", "/tmp/a b/c.xml",
        "a//b", "x[", "x]", "a[b[c]]", "a[01]", "[3]", "MTOM/part[cid:a/b]", "a[k][2]", "a[1][2]", "é/ü[ß]"})
    void anyTextRoundTrips(String text) {
        assertThat(Location.parse(text)).hasToString(text);
        assertThat(Location.parse(Location.parse(text).toString())).isEqualTo(Location.parse(text));
    }

    @Test
    void refusesEmptyNamesAndNegativeIndices() {
        assertThatThrownBy(() -> Location.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Location.of("a", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
