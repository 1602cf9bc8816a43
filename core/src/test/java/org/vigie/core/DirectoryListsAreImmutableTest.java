package org.vigie.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A built directory is shared by validators across threads: the establishment lists it hands out cannot be
 * changed by a caller (written against a surviving mutant of the mutation run).
 */
class DirectoryListsAreImmutableTest {

    @Test
    void theEstablishmentsOfALegalEntityCannotBeModified() {
        Finess ej = Finess.parse("750712184");
        InMemoryStructureDirectory.Builder b = InMemoryStructureDirectory.builder();
        b.add(new LegalEntity(ej, "AP-HP", Optional.empty(), "13", LegalStatus.PUBLIC));
        b.add(new Establishment(Finess.parse("750100125"), ej, "GH", "101", "CHR", "", Optional.empty(), "75",
                Optional.empty(), true));
        InMemoryStructureDirectory d = b.build();
        List<Establishment> egs = d.establishmentsOf(ej);
        assertThat(egs).hasSize(1);
        assertThatThrownBy(() -> egs.add(egs.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(egs::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThat(d.establishmentsOf(ej)).hasSize(1);
    }
}
