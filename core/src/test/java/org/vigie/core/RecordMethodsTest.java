package org.vigie.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link Finess} writes out its {@code equals}/{@code hashCode} (cold start, issue 16): they must stay exactly the
 * record's generated ones, checked against a record of the same components whose methods the JDK generates.
 */
class RecordMethodsTest {

    /** The same components, generated methods. */
    record Twin(String value, boolean keyValid) {
    }

    @Test
    void finessEqualsAndHashCodeAreTheRecordOnes() {
        for (String s : new String[] {"750712184", "0B0152872", "2A0000013", "750712185"}) {
            Finess f = Finess.parse(s);
            assertThat(f.hashCode()).as(s).isEqualTo(new Twin(f.value(), f.keyValid()).hashCode());
            assertThat(f).isEqualTo(Finess.parse(s)).hasSameHashCodeAs(Finess.parse(s));
        }
        assertThat(Finess.parse("750712184")).isNotEqualTo(Finess.parse("750712192"))
                .isNotEqualTo(new Twin("750712184", true)).isNotEqualTo(null);
    }
}
