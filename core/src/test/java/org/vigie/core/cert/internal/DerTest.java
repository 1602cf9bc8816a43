package org.vigie.core.cert.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The bounded DER reader used for certificate policies and issuing distribution points: reads or refuses, never overreads. */
class DerTest {

    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    @Test
    void readsAnOidInsideAnExtensionValue() {
        // OCTET STRING { SEQUENCE { SEQUENCE { OID 1.2.250.1.213.1.7.2.1.1.1.1 } } }
        byte[] ext = hex("04 13 30 11 30 0f 06 0d 2a 81 7a 01 81 55 01 07 02 01 01 01 01");
        Der.Tlv policies = Der.extension(ext);
        assertThat(policies.tag()).isEqualTo(0x30);
        assertThat(Der.oid(policies.children().get(0).children().get(0))).isEqualTo("1.2.250.1.213.1.7.2.1.1.1.1");
    }

    @Test
    void readsContextTaggedBooleansAndStrings() {
        Der.Tlv seq = Der.read(hex("30 0b 82 01 ff 86 06 68 74 74 70 3a 2f"));
        Der.Tlv flag = seq.children().get(0);
        assertThat(flag.contextSpecific()).isTrue();
        assertThat(flag.tagNumber()).isEqualTo(2);
        assertThat(Der.bool(flag)).isTrue();
        assertThat(Der.ascii(seq.children().get(1))).isEqualTo("http:/");
        assertThat(Der.bool(Der.read(hex("81 01 00")))).isFalse();
    }

    @Test
    void refusesTruncatedOverlongAndMalformedInput() {
        for (String bad : new String[]{"30", "30 05 02 01", "30 84 00 00 00 01 00", "30 80 00 00", "1f 01 00",
            "04 02 30", "30 00 30 00"}) {
            assertThatThrownBy(() -> Der.extension(hex(bad))).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Der.oid(Der.read(hex("02 01 01")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Der.oid(Der.read(hex("06 0b ff ff ff ff ff ff ff ff ff ff 7f"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
