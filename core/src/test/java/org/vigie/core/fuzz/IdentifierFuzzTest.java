package org.vigie.core.fuzz;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigie.core.Adeli;
import org.vigie.core.Finess;
import org.vigie.core.InvalidIdentifierException;
import org.vigie.core.PersonId;
import org.vigie.core.Rpps;
import org.vigie.core.Siren;
import org.vigie.core.Siret;
import org.vigie.core.StructureId;

/**
 * Fuzz targets of the identifier parsers (IdNat_Struct, IdNat_PS, FINESS, SIREN, SIRET, RPPS, ADELI): any string is
 * either parsed or refused with {@link InvalidIdentifierException}, never another exception, and what is parsed
 * survives a round trip through its value. Replays {@code IdentifierFuzzTestInputs/} in every build; fuzz with
 * {@code JAZZER_FUZZ=1}.
 */
class IdentifierFuzzTest {

    @Timeout(value = 10, unit = TimeUnit.SECONDS) // per input: a hang is a finding
    @FuzzTest(maxDuration = "60s")
    void structureIdParsesOrRefusesAndRoundTrips(FuzzedDataProvider data) {
        checkStructureId(data.consumeRemainingAsString());
    }

    @Timeout(value = 10, unit = TimeUnit.SECONDS) // per input: a hang is a finding
    @FuzzTest(maxDuration = "60s")
    void nationalIdentifiersParseOrRefuse(FuzzedDataProvider data) {
        checkNationalIdentifiers(data.consumeRemainingAsString());
    }

    @Timeout(value = 10, unit = TimeUnit.SECONDS) // per input: a hang is a finding
    @FuzzTest(maxDuration = "60s")
    void personIdParsesOrRefusesAndRoundTrips(FuzzedDataProvider data) {
        checkPersonId(data.consumeRemainingAsString());
    }

    static final List<String> SEEDS = List.of("1750712184", "1750100125", "12A0000011", "2260100045", "332601000450018",
            "0123456789", "0123456789001", "4101234567890001", "ABC-123_x/y.z", "", "1", "3 ", "97510", "1970000000",
            "810100010098", "0123456789", "356000000", "35600000000048", "1ABCDEFGH1");

    @Test
    void shortRunOverMutatedSeeds() {
        List<byte[]> seeds = new ArrayList<>();
        SEEDS.forEach(s -> seeds.add(s.getBytes(StandardCharsets.UTF_8)));
        FuzzSeeds.writeCorpusIfAsked(IdentifierFuzzTest.class, "structureIdParsesOrRefusesAndRoundTrips", seeds);
        FuzzSeeds.writeCorpusIfAsked(IdentifierFuzzTest.class, "nationalIdentifiersParseOrRefuse", seeds);
        FuzzSeeds.writeCorpusIfAsked(IdentifierFuzzTest.class, "personIdParsesOrRefusesAndRoundTrips", seeds);
        List<byte[]> all = new ArrayList<>(seeds);
        all.addAll(new Mutator(6L).mutants(seeds, 5000));
        for (byte[] b : all) {
            String text = new String(b, StandardCharsets.UTF_8);
            checkStructureId(text);
            checkNationalIdentifiers(text);
            checkPersonId(text);
        }
    }

    static void checkStructureId(String text) {
        Optional<StructureId> tried = StructureId.tryParse(text);
        StructureId parsed;
        try {
            parsed = StructureId.parse(text);
        } catch (InvalidIdentifierException e) {
            assertThat(tried).isEmpty();
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(tried).contains(parsed);
        assertThat(parsed.value()).isEqualTo(text);
        assertThat(StructureId.parse(parsed.value())).isEqualTo(parsed).hasSameHashCodeAs(parsed);
        if (parsed.kind() != StructureId.Kind.TECHNICAL) {
            assertThat(text.charAt(0)).isEqualTo(parsed.kind().prefix());
            assertThat(parsed.identifier()).isPresent();
            assertThat(parsed.keyValid()).isEqualTo(parsed.identifier().get().keyValid());
        }
        parsed.finess().ifPresent(f -> assertThat(StructureId.ofFiness(f)).isEqualTo(parsed));
        parsed.siren().ifPresent(s -> assertThat(s.value()).hasSize(9));
    }

    static void checkNationalIdentifiers(String text) {
        try {
            Finess f = Finess.parse(text);
            assertThat(Finess.parse(f.value())).isEqualTo(f);
            assertThat(f.departement()).isNotEmpty();
        } catch (InvalidIdentifierException expected) {
            // refused: fine
        }
        try {
            Siren s = Siren.parse(text);
            assertThat(Siren.parse(s.value())).isEqualTo(s);
        } catch (InvalidIdentifierException expected) {
            // refused: fine
        }
        try {
            Siret s = Siret.parse(text);
            assertThat(Siret.parse(s.value())).isEqualTo(s);
            assertThat(s.siren().value() + s.nic()).isEqualTo(s.value());
        } catch (InvalidIdentifierException expected) {
            // refused: fine
        }
        try {
            Rpps r = Rpps.parse(text);
            assertThat(Rpps.parse(r.value())).isEqualTo(r);
        } catch (InvalidIdentifierException expected) {
            // refused: fine
        }
        try {
            Adeli a = Adeli.parse(text);
            assertThat(Adeli.parse(a.value())).isEqualTo(a);
        } catch (InvalidIdentifierException expected) {
            // refused: fine
        }
    }

    static void checkPersonId(String text) {
        Optional<PersonId> tried = PersonId.tryParse(text);
        PersonId parsed;
        try {
            parsed = PersonId.parse(text);
        } catch (InvalidIdentifierException e) {
            assertThat(tried).isEmpty();
            return;
        }
        assertThat(tried).contains(parsed);
        assertThat(PersonId.parse(parsed.value())).isEqualTo(parsed);
    }
}
