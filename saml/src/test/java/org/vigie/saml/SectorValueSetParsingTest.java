package org.vigie.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The value-set text format ({@link SectorValueSet#parse}): header line with name, OID and version; comments and
 * blank lines skipped; one code and label a line; malformed codes refused with the line number. Written against
 * surviving mutants of the mutation run (docs/security.md).
 */
class SectorValueSetParsingTest {

    static SectorValueSet parse(String text) {
        return SectorValueSet.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theHeaderGivesNameOidAndVersionAndOnlyTheFirstCommentCounts() {
        SectorValueSet s = parse("# JDV_TEST, OID 1.2.3.4, version 2025-01-02 (extract)\n"
                + "# Other, OID 9.9, version 1999-01-01\n\nSA01\tEtablissement public\n  \nSA07\t Centre  \nSA99\n");
        assertThat(s.name()).isEqualTo("JDV_TEST");
        assertThat(s.oid()).isEqualTo("1.2.3.4");
        assertThat(s.version()).isEqualTo("2025-01-02");
        assertThat(s.codes()).containsExactly("SA01", "SA07", "SA99");
        assertThat(s.label("SA01")).contains("Etablissement public");
        assertThat(s.label("SA07")).contains("Centre");
        assertThat(s.label("SA99")).isEmpty();
        assertThat(s.label("SA02")).isEmpty();
        assertThat(s.contains("SA07")).isTrue();
        assertThat(s.contains("SA02")).isFalse();
        assertThat(s.toString()).isEqualTo("JDV_TEST 2025-01-02 (3 codes)");
    }

    @Test
    void aCommentAfterTheFirstCodeIsNotAHeader() {
        SectorValueSet s = parse("SA01\tx\n# Late, OID 1.1, version 2\n");
        assertThat(s.name()).isEqualTo("value set");
        assertThat(s.oid()).isEmpty();
        assertThat(s.version()).isEmpty();
        assertThat(s.toString()).isEqualTo("value set (1 codes)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\tlabel without code", "SA 01\tspace in the code"})
    void aMalformedCodeIsRefusedWithItsLineNumber(String line) {
        assertThatThrownBy(() -> parse("# X, OID 1, version 1\nSA01\tok\n\n" + line + "\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 4");
    }

    @Test
    void theShippedValueSetsAreReadWithTheirHeaders() {
        SectorValueSet j61 = SectorValueSet.jdvJ61();
        assertThat(j61.name()).isEqualTo("JDV_J61-HealthcareFacilityTypeCode-DMP");
        assertThat(j61.oid()).isEqualTo("1.2.250.1.213.1.1.5.3");
        assertThat(j61.version()).isEqualTo("2024-09-27");
        assertThat(j61.label("SA01")).contains("Etablissement public de santé");
        assertThat(SectorValueSet.jdvJ61()).isSameAs(j61);
        SectorValueSet j02 = SectorValueSet.jdvJ02();
        assertThat(j02.oid()).isEqualTo("1.2.250.1.213.1.1.5.466");
        assertThat(j02.version()).isEqualTo("2026-02-23");
        assertThat(SectorValueSet.jdvJ02()).isSameAs(j02);
    }

    @Test
    void anIntegratorSetHasNoOidNorLabels() {
        SectorValueSet s = SectorValueSet.of("Mine", "1", Set.of("SA01"));
        assertThat(s.name()).isEqualTo("Mine");
        assertThat(s.oid()).isEmpty();
        assertThat(s.contains("SA01")).isTrue();
        assertThat(s.label("SA01")).isEmpty();
    }
}
