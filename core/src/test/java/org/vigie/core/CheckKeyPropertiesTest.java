package org.vigie.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigie.core.internal.Luhn;

/**
 * Properties of the check keys (Luhn) and of the identifier round trips, over thousands of generated numbers
 * (seeded, so a failure is reproducible): a computed key is accepted, every other key refused, every single-digit
 * error and every adjacent transposition (but 09/90, which Luhn cannot see) detected; an IdNat_Struct parses back to
 * itself; and the length and alphabet boundaries of each kind hold exactly.
 */
class CheckKeyPropertiesTest {

    static final int RUNS = 3000;

    static String digits(SplittableRandom r, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    static String withKey(String payload) {
        return payload + Luhn.checkDigit(payload);
    }

    @ParameterizedTest(name = "{0}: payload of {1} digits")
    @CsvSource({"FINESS, 8", "SIREN, 8", "SIRET, 13", "RPPS, 10"})
    void theComputedKeyIsTheOnlyAcceptedOne(String kind, int payloadLength) {
        Function<String, Boolean> keyValid = switch (kind) {
            case "FINESS" -> s -> Finess.parse(s).keyValid();
            case "SIREN" -> s -> Siren.parse(s).keyValid();
            case "SIRET" -> s -> Siret.parse(s).keyValid();
            default -> s -> Rpps.parse(s).keyValid();
        };
        SplittableRandom r = new SplittableRandom(payloadLength * 31L + kind.length());
        for (int run = 0; run < RUNS; run++) {
            String payload = digits(r, payloadLength);
            int key = Luhn.checkDigit(payload);
            for (int d = 0; d <= 9; d++) {
                boolean expected = d == key || (kind.equals("SIRET") && payload.startsWith(Siren.LA_POSTE)
                        && digitSum(payload + d) % 5 == 0);
                assertThat(keyValid.apply(payload + d)).as("%s %s%d (key %d)", kind, payload, d, key).isEqualTo(expected);
            }
        }
    }

    private static int digitSum(String s) {
        int sum = 0;
        for (int i = 0; i < s.length(); i++) {
            sum += s.charAt(i) - '0';
        }
        return sum;
    }

    @Test
    void laPosteEstablishmentsPassOnTheirDigitSumModuloFive() {
        SplittableRandom r = new SplittableRandom(356);
        for (int run = 0; run < 500; run++) {
            String payload = Siren.LA_POSTE + digits(r, 4);
            for (int d = 0; d <= 9; d++) {
                String siret = payload + d;
                boolean expected = Luhn.valid(siret) || digitSum(siret) % 5 == 0;
                assertThat(Siret.parse(siret).keyValid()).as(siret).isEqualTo(expected);
            }
        }
        // a number outside La Poste never gets the digit-sum rule
        assertThat(Siret.parse("35600001000005").keyValid()).isEqualTo(Luhn.valid("35600001000005"));
    }

    @Test
    void everySingleDigitErrorAndAdjacentTranspositionIsDetected() {
        SplittableRandom r = new SplittableRandom(42);
        for (int run = 0; run < RUNS; run++) {
            String valid = withKey(digits(r, 1 + r.nextInt(16)));
            assertThat(Luhn.valid(valid)).isTrue();
            char[] c = valid.toCharArray();
            int i = r.nextInt(c.length);
            char wrong = (char) ('0' + (c[i] - '0' + 1 + r.nextInt(9)) % 10);
            char[] substituted = c.clone();
            substituted[i] = wrong;
            assertThat(Luhn.valid(new String(substituted))).as("%s with %c at %d", valid, wrong, i).isFalse();
            if (c.length > 1) {
                int j = r.nextInt(c.length - 1);
                boolean blind = (c[j] == '0' && c[j + 1] == '9') || (c[j] == '9' && c[j + 1] == '0');
                if (c[j] != c[j + 1] && !blind) {
                    char[] swapped = c.clone();
                    swapped[j] = c[j + 1];
                    swapped[j + 1] = c[j];
                    assertThat(Luhn.valid(new String(swapped))).as("%s swapped at %d", valid, j).isFalse();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", ":", "12/4", "1:34", " 18", "18 "})
    void luhnRefusesWhatIsNotAllDigits(String s) {
        assertThat(Luhn.valid(s)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", ":", "1a", "12 "})
    void aCheckDigitNeedsDigits(String payload) {
        assertThatThrownBy(() -> Luhn.checkDigit(payload)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void corsicanFinessKeysAreComputedOnTwentyZero() {
        SplittableRandom r = new SplittableRandom(20);
        for (int run = 0; run < 500; run++) {
            String tail = digits(r, 6);
            for (String dep : new String[] {"2A", "2B"}) {
                int key = Luhn.checkDigit("20" + tail);
                assertThat(Finess.parse(dep + tail + key).keyValid()).isTrue();
                assertThat(Finess.parse(dep + tail + (key + 1) % 10).keyValid()).isFalse();
            }
        }
    }

    @Test
    void idNatStructRoundTripsForEveryKind() {
        SplittableRandom r = new SplittableRandom(7);
        for (int run = 0; run < RUNS; run++) {
            String text = switch (r.nextInt(6)) {
                case 0 -> "0" + digits(r, 9) + digits(r, r.nextInt(6));
                case 1 -> "1" + (r.nextBoolean() ? withKey(digits(r, 8)) : digits(r, 9));
                case 2 -> "2" + digits(r, 9);
                case 3 -> "3" + digits(r, 14);
                case 4 -> "4" + withKey(digits(r, 10)) + digits(r, 1 + r.nextInt(5));
                default -> "TECH-" + digits(r, 1 + r.nextInt(20)) + "_a.Z/";
            };
            StructureId id = StructureId.parse(text);
            StructureId again = StructureId.parse(id.value());
            assertThat(again).isEqualTo(id).hasSameHashCodeAs(id);
            assertThat(id.value()).isEqualTo(text);
            assertThat(id.toString()).contains(text);
            switch (id.kind()) {
                case FINESS -> {
                    assertThat(id.finess()).map(Finess::value).contains(text.substring(1));
                    assertThat(StructureId.ofFiness(id.finess().get())).isEqualTo(id);
                    assertThat(id.keyValid()).isEqualTo(Luhn.valid(text.substring(1)));
                }
                case SIREN -> {
                    assertThat(id.siren()).map(Siren::value).contains(text.substring(1));
                    assertThat(StructureId.ofSiren(id.siren().get())).isEqualTo(id);
                    assertThat(id.keyValid()).isEqualTo(Luhn.valid(text.substring(1)));
                }
                case SIRET -> {
                    assertThat(StructureId.ofSiret(Siret.parse(text.substring(1)))).isEqualTo(id);
                    assertThat(id.siren()).map(Siren::value).contains(text.substring(1, 10));
                }
                case ADELI_CABINET -> {
                    assertThat(id.identifier()).map(NationalIdentifier::value).contains(text.substring(1, 10));
                    assertThat(id.rank()).isEqualTo(text.substring(10));
                    assertThat(id.keyValid()).isTrue();
                }
                case RPPS_RANG -> {
                    assertThat(id.identifier()).map(NationalIdentifier::value).contains(text.substring(1, 12));
                    assertThat(id.rank()).isEqualTo(text.substring(12));
                    assertThat(id.keyValid()).isTrue();
                }
                case TECHNICAL -> assertThat(id.identifier()).isEmpty();
            }
            assertThat(id.number()).isEqualTo(id.kind() == StructureId.Kind.TECHNICAL ? text : text.substring(1));
            if (id.kind() != StructureId.Kind.TECHNICAL) {
                assertThat(text.charAt(0)).isEqualTo(id.kind().prefix());
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "accepted, 0123456789", "accepted, 012345678912345", "refused, 012345678", "refused, 0123456789123456",
        "accepted, 41012345678901", "accepted, 41012345678912345", "refused, 410123456789", "refused, 410123456789012345",
        "accepted, 2123456782", "refused, 212345678", "refused, 21234567821",
        "accepted, 312345678200011", "refused, 31234567820001", "refused, 3123456782000111",
        "accepted, T09azAZ./_-", "refused, A@", "refused, A[", "refused, A`", "refused, A{", "refused, A:",
    })
    void lengthAndAlphabetBoundariesOfEachKind(String verdict, String text) {
        assertThat(StructureId.tryParse(text).isPresent()).as(text).isEqualTo(verdict.equals("accepted"));
    }

    @Test
    void anEjMetTwiceKeepsWhatTheSecondRecordLeavesEmpty() {
        Finess f = Finess.parse("750712184");
        Siren siren = Siren.parse("267500452");
        InMemoryStructureDirectory.Builder b = InMemoryStructureDirectory.builder();
        assertThat(b.add(new LegalEntity(f, "AP-HP", java.util.Optional.of(siren), "13", LegalStatus.PUBLIC))).isTrue();
        // no name, no SIREN, no statut: everything kept
        assertThat(b.add(new LegalEntity(f, "", java.util.Optional.empty(), "", LegalStatus.UNKNOWN))).isFalse();
        LegalEntity kept = b.build().legalEntity(f).orElseThrow();
        assertThat(kept).isEqualTo(new LegalEntity(f, "AP-HP", java.util.Optional.of(siren), "13", LegalStatus.PUBLIC));
        // a status without a code is news: it replaces the statut
        b.add(new LegalEntity(f, "", java.util.Optional.empty(), "", LegalStatus.PRIVATE));
        LegalEntity replaced = b.build().legalEntity(f).orElseThrow();
        assertThat(replaced.status()).isEqualTo(LegalStatus.PRIVATE);
        assertThat(replaced.statutCode()).isEmpty();
        assertThat(replaced.name()).isEqualTo("AP-HP");
        assertThat(replaced.siren()).contains(siren);
    }

    @Test
    void sixtyFourCharactersIsTheLongestIdNatStruct() {
        assertThat(StructureId.tryParse("T".repeat(64))).isPresent();
        assertThatThrownBy(() -> StructureId.parse("T".repeat(65))).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("64");
    }

    @Test
    void aTechnicalIdRefusalNamesTheCharacter() {
        assertThatThrownBy(() -> StructureId.parse("AB#D")).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("character 3");
    }
}
