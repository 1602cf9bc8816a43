package org.vigie.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact bytes {@link VihfBuilder} writes for fixed inputs ({@link TestPki#fixed()}, a fixed ID and
 * instant): one SHA-256 per build, default and with each defect, in {@code vihf-builder-pins.txt}. A refactoring of
 * the builder must keep every line. Run with {@code -Dvigie.pins.write=true} to rewrite the file (only when the
 * output is meant to change).
 */
class VihfBuilderOutputPinTest {

    static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    static final String PINS = "vihf-builder-pins.txt";

    static VihfBuilder base() {
        return VihfBuilder.indirect(TestPki.fixed().signature("10B0152872")).id("_pinned-0001").issueInstant(AT);
    }

    static Map<String, Supplier<String>> builds() {
        Map<String, Supplier<String>> m = new LinkedHashMap<>();
        m.put("default.assertion", () -> base().toAssertionXml());
        m.put("default.security", () -> base().toSecurityHeaderXml());
        m.put("sha1.noPrefixList", () -> base().sha1().inclusiveNamespaces(null).toAssertionXml());
        m.put("envelopedOnly.namespaces", () -> base().envelopedOnly()
                .declaringNamespaces("soap", "http://www.w3.org/2003/05/soap-envelope").toAssertionXml());
        m.put("settings", () -> base().secteurActivite("SA07").version("3.0").authMode("INDIRECTE_RENFORCEE")
                .subjectId("Marie TEST").patientIns("123456789012345").role("10", "1.2.250.1.71.1.2.7", "professions", "Médecin")
                .role("SM26", null, null).purposeOfUse("bris_de_glace").nameId("U-2").authnContext("urn:ctx")
                .authnContextDecl("decl").validity(AT.minusSeconds(60), AT.plusSeconds(3600)).issuer("CN=X,O=Y")
                .issuerFormat(null).addAttribute("LPS_Nom", "BIS").removeAttribute("LPS_Version")
                .attributeValues("Multi", "a", "b").attributeXml("Raw", "1130000011<v>1750712184</v>")
                .toAssertionXml());
        m.put("lexical", () -> base().issueInstantText("2026-03-02T09:00:00").validityText("2026-03-02T08:00:00", null)
                .withoutAuthnStatement().toAssertionXml());
        m.put("unsigned", () -> base().unsigned().toAssertionXml());
        for (VihfDefect d : VihfDefect.values()) {
            if (d == VihfDefect.ATTACKER_SIGNED || d == VihfDefect.SECOND_ASSERTION_BEFORE
                    || d == VihfDefect.SECOND_ASSERTION_AFTER) {
                continue; // a fresh attacker certificate, or a second assertion with a random ID: not pinned
            }
            m.put("defect." + d, () -> base().breaking(d).toSecurityHeaderXml());
        }
        return m;
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static Map<String, String> computed() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<String>> e : builds().entrySet()) {
            out.put(e.getKey(), sha256(e.getValue().get()));
        }
        return out;
    }

    static Map<String, String> stored() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = VihfBuilderOutputPinTest.class.getResourceAsStream(PINS)) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] kv = line.split(" ", 2);
                    out.put(kv[0], kv[1].trim());
                }
            }
        }
        return out;
    }

    @Test
    void sameInputsGiveTheSameBytesTwice() throws Exception {
        assertThat(computed()).isEqualTo(computed());
    }

    @Test
    void outputBytesMatchThePins() throws Exception {
        Map<String, String> now = computed();
        if (Boolean.getBoolean("vigie.pins.write")) {
            StringBuilder sb = new StringBuilder("# name SHA-256 of the UTF-8 output (VihfBuilderOutputPinTest)\n");
            now.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
            Files.writeString(Path.of("src/test/resources/org/vigie/testkit", PINS), sb.toString());
        }
        assertThat(now).isEqualTo(stored());
    }
}
