package org.vigie.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Small public conveniences the rule tests do not reach: identifier kinds, directory builder queries, report builder. */
class ConveniencesTest {

    @Test
    void identifiersNameTheirKindAndPrintTheirValue() {
        assertThat(Adeli.parse("751234567")).satisfies(a -> {
            assertThat(a.kindName()).isEqualTo("ADELI");
            assertThat(a.toString()).isEqualTo("751234567");
        });
        assertThat(Rpps.parse("99900063480")).satisfies(r -> {
            assertThat(r.kindName()).isEqualTo("RPPS");
            assertThat(r.toString()).isEqualTo("99900063480");
        });
        assertThat(Siren.parse("267500452").kindName()).isEqualTo("SIREN");
        assertThat(Siret.parse("35600001000005").kindName()).isEqualTo("SIRET");
    }

    @Test
    void theDirectoryBuilderAnswersWhatItHoldsAndCopiesAnotherDirectory() {
        LegalEntity ej = new LegalEntity(Finess.parse("750712184"), "AP-HP", Optional.of(Siren.parse("267500452")), "13",
                LegalStatus.ofCode("13"));
        Establishment eg = new Establishment(Finess.parse("750100125"), ej.finess(), "EG", "355", "", "", Optional.empty(),
                "75", Optional.empty(), true);
        InMemoryStructureDirectory.Builder b = InMemoryStructureDirectory.builder();
        assertThat(b.containsLegalEntity(ej.finess())).isFalse();
        assertThat(b.containsEstablishment(eg.finess())).isFalse();
        assertThat(b.legalEntityCount()).isZero();
        assertThat(b.establishmentCount()).isZero();
        b.addAll(List.of(ej), List.of(eg));
        assertThat(b.containsLegalEntity(ej.finess())).isTrue();
        assertThat(b.containsEstablishment(eg.finess())).isTrue();
        assertThat(b.containsLegalEntity(eg.finess())).isFalse();
        assertThat(b.containsEstablishment(ej.finess())).isFalse();
        assertThat(b.legalEntityCount()).isEqualTo(1);
        assertThat(b.establishmentCount()).isEqualTo(1);
        LegalEntity alone = new LegalEntity(Finess.parse("920000650"), "EJ sans EG", Optional.empty(), "", null);
        assertThat(b.add(alone)).isTrue();
        InMemoryStructureDirectory first = b.build();
        // one EJ referenced by an EG, one EJ without any EG
        assertThat(first.referencedLegalEntityCount()).isEqualTo(2);

        InMemoryStructureDirectory.Builder copy = InMemoryStructureDirectory.builder();
        assertThat(copy.addAll(first)).isSameAs(copy);
        assertThat(copy.addAll(List.of(), List.of())).isSameAs(copy);
        InMemoryStructureDirectory second = copy.build();
        assertThat(second.legalEntity(ej.finess())).contains(ej);
        assertThat(second.establishment(eg.finess())).contains(eg);
        assertThat(second.legalEntityOf(eg.finess())).contains(ej.finess());
        assertThat(second.legalEntity(alone.finess())).contains(alone);
    }

    @Test
    void theReportBuilderKnowsWhichRulesFiredAndKeepsOccurrences() {
        Report.Builder rb = Report.builder();
        assertThat(rb.has(Rules.AI_SAME_EJ)).isFalse();
        rb.add(Rules.AI_SAME_EJ, "no-vihf-structure", Location.of("loc"), "x");
        assertThat(rb.has(Rules.AI_SAME_EJ)).isTrue();
        assertThat(rb.has(Rules.AI_PRESENT)).isFalse();
        Occurrence o = new Occurrence(Occurrence.Place.VIHF, "", "1750100125", "1750100125");
        assertThat(rb.addOccurrence(o)).isSameAs(rb);
        assertThat(rb.build().occurrences()).containsExactly(o);
    }
}
