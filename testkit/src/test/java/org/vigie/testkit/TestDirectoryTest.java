package org.vigie.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vigie.core.Finess;
import org.vigie.core.InMemoryStructureDirectory;
import org.vigie.core.InvalidIdentifierException;
import org.vigie.core.StructureDirectory;
import org.vigie.core.StructureId;

/** The test directory builder: EJs with their EGs, closed EGs, categories, FINESS or IdNat_Struct spellings. */
class TestDirectoryTest {

    @Test
    void theUsualDirectoryHoldsTheKitsStructures() {
        InMemoryStructureDirectory d = TestDirectory.usual();
        assertThat(d.legalEntityCount()).isEqualTo(2);
        assertThat(d.establishmentCount()).isEqualTo(4);
        assertThat(d.legalEntityOf(Finess.parse("750100125"))).contains(Finess.parse("750712184"));
        assertThat(d.legalEntity(Finess.parse("750712184")).flatMap(e -> e.siren()).map(s -> s.value()))
                .contains("267500452");
        assertThat(d.establishment(Finess.parse("750000366")).map(e -> e.active())).contains(false);
        StructureDirectory.Resolution eg = d.resolve(StructureId.parse("1750100125"));
        assertThat(eg.known()).isTrue();
        assertThat(eg.closed()).isFalse();
        assertThat(eg.legalEntityFiness()).contains(Finess.parse("750712184"));
        assertThat(d.resolve(StructureId.parse("1750000366")).closed()).isTrue();
        assertThat(d.resolve(StructureId.parse("1750712184"))).isInstanceOf(StructureDirectory.Resolution.AsLegalEntity.class);
    }

    @Test
    void categoriesAndIdNatStructSpellingsAreKept() {
        InMemoryStructureDirectory d = TestDirectory.builder().legalEntity("1750712184", "EJ")
                .establishment("1750712184", "1750100125", "500", true).build();
        assertThat(d.establishment(Finess.parse("750100125")).map(e -> e.categoryCode())).contains("500");
        assertThat(d.legalEntityOf(Finess.parse("750100125"))).contains(Finess.parse("750712184"));
    }

    @Test
    void anUnknownStructureStaysUnknownAndAMalformedNumberIsRefused() {
        assertThat(TestDirectory.usual().resolve(StructureId.parse("1750803454")).known()).isFalse();
        assertThat(TestDirectory.builder().build().establishmentCount()).isZero();
        assertThatThrownBy(() -> TestDirectory.builder().establishment("750712184", "12"))
                .isInstanceOf(InvalidIdentifierException.class);
    }
}
