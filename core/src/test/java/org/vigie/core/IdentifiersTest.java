package org.vigie.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Table-driven tests of the national identifiers with the real numbers of DOMAIN §5. */
class IdentifiersTest {

    @ParameterizedTest(name = "FINESS {0}: key valid = {1}, département {2}")
    @CsvSource({
        "750712184, true,  75",   // AP-HP EJ
        "010780195, true,  01",
        "750100125, true,  75",
        "010780054, true,  01",
        "0B0152872, false, 0B",   // ANS test number: parses, key fails
        "750712185, false, 75",   // wrong key
        "750712180, false, 75",
        "2A0000016, true,  2A",   // Corsica: key computed with A read as 0
        "970100012, true,  971",  // Guadeloupe: 97 + 4th character
        "970400016, true,  974",
        "980500011, true,  976",  // Mayotte
    })
    void finessParsesAndExposesItsKey(String text, boolean keyValid, String departement) {
        Finess f = Finess.parse(text);
        assertThat(f.value()).isEqualTo(text);
        assertThat(f.keyValid()).isEqualTo(keyValid);
        assertThat(f.departement()).isEqualTo(departement);
        assertThat(f.kindName()).isEqualTo("FINESS");
    }

    @ParameterizedTest(name = "FINESS \"{0}\" is malformed")
    @NullAndEmptySource
    @ValueSource(strings = {"75071218", "7507121840", " 750712184", "75071218x", "75071218A", "750-12184",
        "2a0000016"})
    void malformedFinessIsRejectedWithAClearMessage(String text) {
        assertThatThrownBy(() -> Finess.parse(text)).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("FINESS");
    }

    @Test
    void recordConstructorRefusesAKeyFlagThatContradictsTheNumber() {
        assertThatThrownBy(() -> new Finess("750712185", true)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Finess("750712184", true)).isEqualTo(Finess.parse("750712184"));
    }

    @ParameterizedTest(name = "SIREN {0}: key valid = {1}")
    @CsvSource({"356000000, true", "187512751, true", "391722881, true", "260100045, true", "187512752, false",
        "123456789, false"})
    void sirenChecksLuhn(String text, boolean keyValid) {
        assertThat(Siren.parse(text).keyValid()).isEqualTo(keyValid);
    }

    @ParameterizedTest(name = "SIREN \"{0}\" is malformed")
    @NullAndEmptySource
    @ValueSource(strings = {"35600000", "3560000000", "35600000A", "356 000 000"})
    void malformedSirenIsRejected(String text) {
        assertThatThrownBy(() -> Siren.parse(text)).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("SIREN");
    }

    @ParameterizedTest(name = "SIRET {0}: key valid = {1}")
    @CsvSource({
        "35600000000048, true",   // La Poste head office: Luhn-valid
        "35600000012346, true",   // La Poste establishment: digit sum 30, a multiple of 5 (not Luhn-valid)
        "35600000000001, true",   // La Poste: digit sum 15
        "35600000000002, false",  // La Poste: digit sum 16, not Luhn-valid either
        "35600000000003, false",
        "18751275100020, true",   // ASIP Santé (OU=318751275100020)
        "39172288100052, true",   // GIE SESAM-Vitale (OU=339172288100052)
        "18751275100021, false",
    })
    void siretChecksLuhnAndTheLaPosteRule(String text, boolean keyValid) {
        assertThat(Siret.parse(text).keyValid()).isEqualTo(keyValid);
    }

    @Test
    void siretGivesItsSirenAndNic() {
        Siret s = Siret.parse("18751275100020");
        assertThat(s.siren()).isEqualTo(Siren.parse("187512751"));
        assertThat(s.nic()).isEqualTo("00020");
    }

    @ParameterizedTest(name = "SIRET \"{0}\" is malformed")
    @NullAndEmptySource
    @ValueSource(strings = {"3560000000004", "356000000000488", "3560000000004X"})
    void malformedSiretIsRejected(String text) {
        assertThatThrownBy(() -> Siret.parse(text)).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("SIRET");
    }

    @ParameterizedTest(name = "RPPS {0}: key valid = {1}")
    @CsvSource({"10100000008, true", "99900063480, true", "10100000001, false"})
    void rppsChecksLuhn(String text, boolean keyValid) {
        assertThat(Rpps.parse(text).keyValid()).isEqualTo(keyValid);
    }

    @ParameterizedTest(name = "RPPS \"{0}\" is malformed")
    @ValueSource(strings = {"1010000000", "101000000081", "1010000000A", ""})
    void malformedRppsIsRejected(String text) {
        assertThatThrownBy(() -> Rpps.parse(text)).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("RPPS");
    }

    @Test
    void adeliHasNoKeyToCheck() {
        assertThat(Adeli.parse("751234567").keyValid()).isTrue();
        assertThatThrownBy(() -> Adeli.parse("75123456")).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("ADELI");
    }

    @ParameterizedTest(name = "IdNat_Struct {0}: kind {1}, number {2}, key valid = {3}")
    @CsvSource({
        "1750100125,      FINESS,        750100125,      true",
        "1750712184,      FINESS,        750712184,      true",
        "10B0152872,      FINESS,        0B0152872,      false",  // ANS test FINESS (OU=10B0152872)
        "318751275100020, SIRET,         18751275100020, true",   // ASIP Santé
        "339172288100052, SIRET,         39172288100052, true",   // GIE SESAM-Vitale
        "2356000000,      SIREN,         356000000,      true",
        "499900063480001, RPPS_RANG,     99900063480001, true",   // CABINET DR LIBRE (ANS example)
        "0751234567,      ADELI_CABINET, 751234567,      true",
        "0751234567001,   ADELI_CABINET, 751234567001,   true",
        "CAB-LYON.01,     TECHNICAL,     CAB-LYON.01,    true",
    })
    void structureIdParsesEachKind(String text, StructureId.Kind kind, String number, boolean keyValid) {
        StructureId id = StructureId.parse(text);
        assertThat(id.kind()).isEqualTo(kind);
        assertThat(id.value()).isEqualTo(text);
        assertThat(id.toString()).isEqualTo(text);
        assertThat(id.number()).isEqualTo(number);
        assertThat(id.keyValid()).isEqualTo(keyValid);
        assertThat(id).isEqualTo(StructureId.parse(text)).hasSameHashCodeAs(StructureId.parse(text));
    }

    @Test
    void structureIdGivesItsInnerIdentifier() {
        assertThat(StructureId.parse("1750100125").finess()).contains(Finess.parse("750100125"));
        assertThat(StructureId.parse("318751275100020").siren()).contains(Siren.parse("187512751"));
        assertThat(StructureId.parse("2356000000").siren()).contains(Siren.parse("356000000"));
        assertThat(StructureId.parse("499900063480001").identifier()).contains(Rpps.parse("99900063480"));
        assertThat(StructureId.parse("499900063480001").rank()).isEqualTo("001");
        assertThat(StructureId.parse("CAB-LYON.01").identifier()).isEmpty();
        assertThat(StructureId.ofFiness(Finess.parse("750712184")).value()).isEqualTo("1750712184");
    }

    @Test
    void structureIdEqualityIsStrict() {
        assertThat(StructureId.parse("1750100125")).isNotEqualTo(StructureId.parse("1750712184"));
        assertThat(StructureId.parse("1750100125")).isNotEqualTo(StructureId.parse("750100125X"));
    }

    @ParameterizedTest(name = "IdNat_Struct \"{0}\" is malformed")
    @NullAndEmptySource
    @ValueSource(strings = {"175010012", "17501001255", "31875127510002", "3187512751000200", "235600000",
        "4999000634", "07512345", " 1750100125", "1750100125 ", "CAB LYON", "CAB#1"})
    void malformedStructureIdIsRejected(String text) {
        assertThatThrownBy(() -> StructureId.parse(text)).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("IdNat_Struct");
        assertThat(StructureId.tryParse(text)).isEmpty();
    }

    @ParameterizedTest(name = "IdNat_PS {0}: kind {1}, key valid = {2}, internal id \"{3}\"")
    @CsvSource({
        "0751234567,               ADELI,                  true,  ''",
        "810100000008,             RPPS,                   true,  ''",
        "810100000001,             RPPS,                   false, ''",
        "3750100125/MED0042,       FINESS_INTERNAL,        true,  MED0042",
        "30B0152872/PS1,           FINESS_INTERNAL,        false, PS1",
        "4356000000/u-17,          SIREN_INTERNAL,         true,  u-17",
        "518751275100020/4521,     SIRET_INTERNAL,         true,  4521",
        "1751234567/A1,            ADELI_CABINET_INTERNAL, true,  A1",
        "699900063480001/sec.1,    RPPS_CABINET_INTERNAL,  true,  sec.1",
    })
    void personIdParsesEachPrefix(String text, PersonId.Kind kind, boolean keyValid, String internal) {
        PersonId id = PersonId.parse(text);
        assertThat(id.kind()).isEqualTo(kind);
        assertThat(id.value()).isEqualTo(text);
        assertThat(id.keyValid()).isEqualTo(keyValid);
        assertThat(id.internalId().orElse("")).isEqualTo(internal);
        assertThat(id.national()).isEqualTo(kind == PersonId.Kind.ADELI || kind == PersonId.Kind.RPPS);
        assertThat(id).isEqualTo(PersonId.parse(text));
    }

    @Test
    void personIdPrefixThreeMeansFinessNotSiret() {
        PersonId id = PersonId.parse("3750100125/MED0042");
        assertThat(id.identifier()).isEqualTo(Finess.parse("750100125"));
        assertThat(id.number()).isEqualTo("750100125");
    }

    @ParameterizedTest(name = "IdNat_PS \"{0}\" is malformed")
    @NullAndEmptySource
    @ValueSource(strings = {"2123456789", "7123", "9123", "075123456", "81010000000", "3750100125",
        "3750100125/", "3750100125/a b", "375010012/x", "4356000000", "51875127510002/x", "17512345/x"})
    void malformedPersonIdIsRejected(String text) {
        assertThatThrownBy(() -> PersonId.parse(text)).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("IdNat_PS");
        assertThat(PersonId.tryParse(text)).isEmpty();
    }

    @ParameterizedTest(name = "statut juridique {0} is {1}")
    @CsvSource({"01, PUBLIC", "14, PUBLIC", "30, PUBLIC", "40, PRIVATE", "60, PRIVATE", "80, PRIVATE",
        "85, PRIVATE", "89, PRIVATE", "91, PRIVATE", "93, PRIVATE", "95, PRIVATE", "90, FOREIGN", "31, UNKNOWN",
        "81, UNKNOWN", "92, UNKNOWN", "99, UNKNOWN", "xx, UNKNOWN", "'', UNKNOWN"})
    void legalStatusClassFollowsTreR400(String code, LegalStatus expected) {
        assertThat(LegalStatus.ofCode(code)).isEqualTo(expected);
    }
}
