package org.vigie.saml;

import org.vigie.core.cert.TlsPeer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vigie.core.Severity;

/**
 * Threat: malformed input makes the validator throw or accept. Seeded random mutations of a valid token (byte
 * flips, truncations, duplicated slices) must always give a report, never an exception, and a mutated signed
 * region is never accepted.
 */
class MalformedInputThreatTest {

    @Test
    void randomMutationsAlwaysGiveAReportNeverAnException() {
        VihfValidator v = Fixtures.validatorBuilder().signatureCacheSize(0).build();
        byte[] valid = Fixtures.token().toBytes();
        String text = new String(valid, StandardCharsets.UTF_8);
        int signedStart = text.indexOf("<saml2:Subject");
        Random random = new Random(20240927L);
        int accepted = 0;
        for (int i = 0; i < 300; i++) {
            byte[] m = valid.clone();
            int kind = i % 3;
            int pos = random.nextInt(m.length);
            if (kind == 0) {
                m[pos] = (byte) random.nextInt(256);
            } else if (kind == 1) {
                m = java.util.Arrays.copyOf(m, pos);
            } else {
                int len = Math.min(random.nextInt(40) + 1, m.length - pos);
                byte[] out = new byte[m.length + len];
                System.arraycopy(m, 0, out, 0, pos + len);
                System.arraycopy(m, pos, out, pos + len, m.length - pos);
                m = out;
            }
            VihfValidation r = v.validate(new TlsPeer(Fixtures.AUTH.certificate(), Fixtures.AUTH.chain()), VihfInput.of(m), Fixtures.AT);
            assertThat(r.report()).isNotNull();
            if (r.accepted()) {
                accepted++;
                // an accepted mutation may only touch what the signature does not cover or what parses identically
                assertThat(r.token().orElseThrow().signatureValid()).isTrue();
                assertThat(r.report().bySeverity(Severity.ERROR)).isEmpty();
            }
            if (kind == 0 && pos > signedStart && m[pos] != valid[pos] && r.accepted()) {
                // a changed byte inside the signed content that still parses must have changed nothing visible
                assertThat(r.structureId()).map(Object::toString).contains(Fixtures.STRUCT);
            }
        }
        assertThat(accepted).as("most mutations break the token").isLessThan(150);
    }
}
