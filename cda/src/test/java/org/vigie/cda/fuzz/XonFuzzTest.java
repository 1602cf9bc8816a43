package org.vigie.cda.fuzz;

import org.vigie.core.fuzz.Mutator;
import org.vigie.core.fuzz.FuzzSeeds;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vigie.cda.Xon;
import org.vigie.core.StructureId;

/**
 * Fuzz targets and round-trip properties of the XON parser: any text parses (never an exception) and its
 * {@link Xon#format()} parses back to the same components; {@link Xon#escape(String)} is undone by
 * {@link Xon#unescape(String)} for every string; {@link Xon#of(String, StructureId)} gives back its name and
 * structure. The short runs check the properties over thousands of generated values in every build.
 */
class XonFuzzTest {

    @Timeout(value = 10, unit = TimeUnit.SECONDS) // per input: a hang is a finding
    @FuzzTest(maxDuration = "60s")
    void parseFormatRoundTrip(FuzzedDataProvider data) {
        checkParse(data.consumeRemainingAsString());
    }

    @Timeout(value = 10, unit = TimeUnit.SECONDS) // per input: a hang is a finding
    @FuzzTest(maxDuration = "60s")
    void escapeRoundTrip(FuzzedDataProvider data) {
        checkEscape(data.consumeRemainingAsString());
    }

    @Timeout(value = 10, unit = TimeUnit.SECONDS) // per input: a hang is a finding
    @FuzzTest(maxDuration = "60s")
    void ofNameAndStructure(FuzzedDataProvider data) {
        String payload = data.consumeString(8).replaceAll("[^0-9]", "");
        checkOf(data.consumeRemainingAsString(), payload);
    }

    static void checkParse(String text) {
        Xon x = Xon.parse(text);
        Xon.FrenchProfile fp = x.frenchProfile();
        if (fp.valid()) {
            // an accepted value has identifying components in plain printable ASCII, without HL7 escapes
            for (int n = 2; n <= x.componentCount(); n++) {
                assertThat(x.component(n)).as("XON.%d of « %s »", n, text).matches("[\\x21-\\x7e]*");
            }
            assertThat(text.substring(text.indexOf('^') + 1)).doesNotContain("\\");
        }
        assertThat(x.raw()).isEqualTo(text);
        assertThat(x.repeated()).isEqualTo(text.indexOf('~') >= 0);
        x.frenchProfile();
        x.structureId();
        x.name();
        x.organizationIdentifier();
        String formatted = x.format();
        Xon again = Xon.parse(formatted);
        assertThat(normalised(again.components())).as("format of « %s » is « %s »", text, formatted)
                .isEqualTo(normalised(x.components()));
        assertThat(again.format()).isEqualTo(formatted);
        assertThat(again.repeated()).isFalse();
    }

    static void checkEscape(String s) {
        String escaped = Xon.escape(s);
        assertThat(escaped).doesNotContain("|", "^", "&", "~");
        assertThat(Xon.unescape(escaped)).isEqualTo(s);
        Xon one = Xon.parse(escaped);
        assertThat(one.componentCount()).isEqualTo(1);
        assertThat(one.name()).isEqualTo(s);
    }

    static void checkOf(String name, String payload) {
        if (payload.length() != 8) {
            return;
        }
        StructureId id = StructureId.parse("1" + payload + "0"); // the check key plays no part in XON
        Xon x = Xon.of(name, id);
        assertThat(x.name()).isEqualTo(name);
        assertThat(x.organizationIdentifier()).isEqualTo(id.value());
        assertThat(x.structureId()).contains(id);
        assertThat(x.assigningAuthorityOid()).isEqualTo(Xon.IDNST_OID);
        assertThat(x.identifierTypeCode()).isEqualTo("IDNST");
        assertThat(Xon.parse(x.format()).structureId()).contains(id);
        if (!name.isBlank()) {
            assertThat(x.frenchProfile().valid()).as("%s: %s", x.raw(), x.frenchProfile().problems()).isTrue();
        }
    }

    /** Components without trailing empty sub-components and components (what format drops). */
    static List<List<String>> normalised(List<List<String>> comps) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> c : comps) {
            List<String> subs = new ArrayList<>(c);
            while (subs.size() > 1 && subs.get(subs.size() - 1).isEmpty()) {
                subs.remove(subs.size() - 1);
            }
            out.add(subs);
        }
        while (out.size() > 1 && out.get(out.size() - 1).stream().allMatch(String::isEmpty)) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    static final List<String> SEEDS = List.of(
            "CH DE TEST^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750712184",
            "Pharmacie \\T\\ Co^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750100125",
            "Service^^^^^&1.3.2&ISO^SIREN^^^2260100045",
            "a\\S\\b\\F\\c\\R\\d\\E\\e\\X41\\\\X4\\\\Q\\\\unterminated",
            "x~y^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750712184", "", "^", "&", "^^^^^^^^^^^^^^", "\\",
            // hostile shapes: escapes and non-ASCII characters in the identifying components
            "CH^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^\\X31\\750100125",
            "CH^^^^^&1.2.250.1.71.4.2.2&ISO^\\H\\IDNST\\N\\^^^1750100125",
            "CH^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^1750100125\u3000",
            "CH^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^\u00a01750100125",
            "CH^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^17501\u200b00125");

    /** Random strings over the XON alphabet (delimiters, escapes, digits, letters, accents). */
    static List<String> generated(long seed, int count) {
        String alphabet = "^&~|\\\\XEFSRT0123456789ABCDEFabcé .-_";
        SplittableRandom r = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int len = r.nextInt(40);
            StringBuilder b = new StringBuilder(len);
            for (int k = 0; k < len; k++) {
                b.append(r.nextInt(20) == 0 ? (char) r.nextInt(0x20, 0x3000) : alphabet.charAt(r.nextInt(alphabet.length())));
            }
            out.add(b.toString());
        }
        return out;
    }

    @Test
    void shortRunOverMutatedAndGeneratedValues() {
        List<byte[]> seeds = new ArrayList<>();
        SEEDS.forEach(s -> seeds.add(s.getBytes(StandardCharsets.UTF_8)));
        FuzzSeeds.writeCorpusIfAsked(XonFuzzTest.class, "parseFormatRoundTrip", seeds);
        FuzzSeeds.writeCorpusIfAsked(XonFuzzTest.class, "escapeRoundTrip", seeds);
        List<String> all = new ArrayList<>(SEEDS);
        new Mutator(11L).mutants(seeds, 3000).forEach(b -> all.add(new String(b, StandardCharsets.UTF_8)));
        all.addAll(generated(12L, 5000));
        SplittableRandom r = new SplittableRandom(13L);
        for (String s : all) {
            checkParse(s);
            checkEscape(s);
            checkOf(s, String.format("%08d", r.nextInt(100_000_000)));
        }
    }
}
