package org.vigie.cda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigie.core.Report;
import org.vigie.core.StructureId;
import org.vigie.testkit.ReportAssert;

/** Mutated real input never throws; session misuse does (as documented). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MutatedInputThreatTest {

    private static final StructureId VIHF = StructureId.parse("499900063480001");
    private static final Instant AT = Instant.parse("2025-06-01T10:00:00Z");
    private final AuthorInstitutionValidator validator = AuthorInstitutionValidator.builder().build();

    @Test
    void randomlyMutatedAnsRequestsAndCdasYieldReportsNeverExceptions() throws IOException {
        byte[] soap = Files.readAllBytes(TestData.file("xds/ANS-DMP-exemple_TD2.1_Alimentation_requete.soap-part.xml"));
        byte[] cda = Files.readAllBytes(TestData.file("xds/ANS-DMP-exemple_TD2.1-DocumentME2.xml"));
        Random rnd = new Random(20261128L);
        byte[] specials = "<>&;\"'=/![]-?#%:\u0000\u00ff".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int rejected = 0;
        for (int i = 0; i < 300; i++) {
            byte[] s = mutate(soap, rnd, specials);
            byte[] c = mutate(cda, rnd, specials);
            Map<String, Supplier<InputStream>> parts = Map.of(
                    "cid:WS_DMP_TD2.1-DocumentME2.xml", () -> new ByteArrayInputStream(c),
                    "cid:WS_DMP_TD2.1-SignatureXades.xml", () -> new ByteArrayInputStream(c));
            Report r = validator.validate(new ByteArrayInputStream(s), parts, VIHF, AT).report();
            assertThat(r.evaluatedAt()).contains(AT);
            if (!r.accepted()) {
                rejected++;
            }
        }
        assertThat(rejected).isEqualTo(300); // the original already lacks the CDA representedOrganization
    }

    private static byte[] mutate(byte[] in, Random rnd, byte[] specials) {
        byte[] out;
        switch (rnd.nextInt(3)) {
            case 0 -> out = java.util.Arrays.copyOf(in, rnd.nextInt(in.length)); // truncation
            case 1 -> {
                out = in.clone();
                for (int k = 0, n = 1 + rnd.nextInt(8); k < n; k++) {
                    out[rnd.nextInt(out.length)] = specials[rnd.nextInt(specials.length)];
                }
            }
            default -> {
                int a = rnd.nextInt(in.length);
                int len = Math.min(in.length - a, rnd.nextInt(200));
                out = new byte[in.length + len];
                System.arraycopy(in, 0, out, 0, a + len);
                System.arraycopy(in, a, out, a + len, in.length - a); // duplicated slice
            }
        }
        return out;
    }

    @Test
    void sessionMisuseIsAnException() throws IOException {
        AuthorInstitutionValidator.Session s = validator.start(VIHF, AT);
        assertThatThrownBy(s::finish).isInstanceOf(IllegalStateException.class);
        s.readSubmission(new ByteArrayInputStream(new Fixtures.Submission().ss(Fixtures.xon("H", "1750100125"))
                .doc("D1", Fixtures.xon("H", "1750100125"), "1750100125").xop().xml()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> s.readSubmission(new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> s.readDocument("cid:unknown", new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(IllegalArgumentException.class);
        s.readDocument("D1@vigie", new ByteArrayInputStream(Fixtures.cda("1750100125")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(s.pendingAttachments()).isEmpty();
        assertThat(s.finish().report()).isSameAs(s.finish().report());
        assertThatThrownBy(() -> validator.validate(null, Map.of(), VIHF, AT).report()).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theValidatorIsSharedSafelyBetweenThreads() throws Exception {
        String xml = new Fixtures.Submission().ss(Fixtures.xon("H", "1750100125"))
                .doc("D1", Fixtures.xon("H", "1750100125"), "1750100125").xml();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Report>>();
            for (int i = 0; i < 40; i++) {
                futures.add(pool.submit(() -> validator.validate(new ByteArrayInputStream(
                        xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)), Map.of(), StructureId.parse("1750100125"), AT).report()));
            }
            for (var f : futures) {
                ReportAssert.assertThat(f.get()).accepted();
                assertThat(f.get().occurrences()).hasSize(3);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
