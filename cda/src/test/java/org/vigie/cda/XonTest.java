package org.vigie.cda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.vigie.core.StructureId;

class XonTest {

    @Test
    void parsesComponentsAndSubComponentsOfTheFrenchProfile() {
        Xon x = Xon.parse("Groupe Pitié Salpêtrière^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750100125");
        assertThat(x.componentCount()).isEqualTo(10);
        assertThat(x.name()).isEqualTo("Groupe Pitié Salpêtrière");
        assertThat(x.subComponents(6)).containsExactly("", "1.2.250.1.71.4.2.2", "ISO");
        assertThat(x.assigningAuthorityOid()).isEqualTo("1.2.250.1.71.4.2.2");
        assertThat(x.identifierTypeCode()).isEqualTo("IDNST");
        assertThat(x.organizationIdentifier()).isEqualTo("1750100125");
        assertThat(x.frenchProfile().valid()).isTrue();
        assertThat(x.structureId()).contains(StructureId.parse("1750100125"));
    }

    @Test
    void unescapesHl7SequencesInTheName() {
        Xon x = Xon.parse("A\\T\\B \\S\\ C\\F\\D\\R\\E\\E\\F^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750100125");
        assertThat(x.name()).isEqualTo("A&B ^ C|D~E\\F");
        assertThat(x.repeated()).isFalse();
        assertThat(x.frenchProfile().valid()).isTrue();
    }

    @Test
    void formatEscapesDelimitersAndRoundTrips() {
        Xon x = Xon.of("Clinique A&B ^ C", StructureId.parse("1750100125"));
        assertThat(x.raw()).isEqualTo("Clinique A\\T\\B \\S\\ C^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750100125");
        assertThat(x.name()).isEqualTo("Clinique A&B ^ C");
        assertThat(Xon.parse(x.format()).format()).isEqualTo(x.format());
        assertThat(x.format()).isEqualTo(x.raw());
    }

    @Test
    void hexEscapeIsDecodedAndUnknownEscapesAreKept() {
        assertThat(Xon.unescape("A\\X41\\B")).isEqualTo("AAB");
        assertThat(Xon.unescape("A\\H\\B")).isEqualTo("A\\H\\B");
    }

    @Test
    void softwareServiceVariantWithSirenIsAccepted() {
        Xon x = Xon.parse("SERVICE NUMERIQUE^^^^^&1.3.2&ISO^SIREN^^^130022296");
        Xon.FrenchProfile fp = x.frenchProfile();
        assertThat(fp.valid()).as(fp.problems().toString()).isTrue();
        assertThat(fp.variant()).isEqualTo(Xon.Variant.SOFTWARE_SERVICE_SIREN);
        assertThat(fp.structureId()).contains(StructureId.parse("2130022296"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "CABINET DR LIBRE^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^499900063480001 | ",
        "Cleveland Clinic | XON.6",
        "^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750100125 | XON.1",
        "Nom^^^^^&1.2.250.1.71.4.2.1&ISO^IDNST^^^1750100125 | XON.6",
        "Nom^^^^^1.2.250.1.71.4.2.2^IDNST^^^1750100125 | XON.6",
        "Nom^^^^^&1.2.250.1.71.4.2.2&ISO^IDNPS^^^1750100125 | XON.7",
        "Nom^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^ | XON.10",
        "Nom^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^ 1750100125 | XON.10",
        "Nom^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^17501001 | XON.10",
        "Nom^x^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750100125 | XON.2",
        "Nom^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750100125^extra | 11 composants",
        "Nom^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750100125~Autre^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750100126 | répétition",
        "Nom\\S^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750100125 | non terminée",
    })
    void frenchProfileTable(String value, String expectedProblem) {
        Xon.FrenchProfile fp = Xon.parse(value).frenchProfile();
        if (expectedProblem == null) {
            assertThat(fp.problems()).isEmpty();
            assertThat(fp.valid()).isTrue();
        } else {
            assertThat(fp.valid()).isFalse();
            assertThat(String.join(" ; ", fp.problems())).contains(expectedProblem);
        }
    }

    @Test
    void structureIdIsReadEvenWhenAnotherComponentIsWrong() {
        Xon.FrenchProfile fp = Xon.parse("Nom^^^^^&1.2.250.1.71.4.2.2&ISO^IDNPS^^^1750100125").frenchProfile();
        assertThat(fp.valid()).isFalse();
        assertThat(fp.structureId()).contains(StructureId.parse("1750100125"));
    }

    @Test
    void parseNeverFailsOnOddInput() {
        for (String s : List.of("", "^", "&&&", "\\", "\\\\", "~~", "a^b&c\\E")) {
            Xon x = Xon.parse(s);
            assertThat(x.frenchProfile().valid()).isFalse();
        }
    }
}
