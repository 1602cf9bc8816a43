package org.vigie.doctrine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigie.doctrine.Fixtures.*;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vigie.core.Establishment;
import org.vigie.core.InMemoryStructureDirectory;
import org.vigie.core.LegalEntity;
import org.vigie.core.LegalStatus;
import org.vigie.core.StructureDirectory;
import org.vigie.doctrine.PlannedCertificate.HolderKind;

class DirectoryResolutionTest {

    static LegalEntity ej(String finess, String statut) {
        return new LegalEntity(f(finess), "EJ " + finess, Optional.empty(), statut, null);
    }

    static Establishment eg(String finess, String ej, String category, boolean active) {
        return new Establishment(f(finess), f(ej), "Site " + finess, category, "", "", Optional.empty(), "",
                Optional.empty(), active);
    }

    static StructureDirectory directory() {
        InMemoryStructureDirectory.Builder b = InMemoryStructureDirectory.builder();
        b.add(ej("750000010", "13"));
        b.add(eg("750000028", "750000010", "355", true));
        b.add(eg("750000036", "750000010", "106", true));
        b.add(eg("750000044", "750000010", "355", false));
        return b.build();
    }

    static Organisation onlyTheEj() {
        return Organisation.builder("CH").member(member("750000010", Corridor.HOSPITAL, LegalStatus.UNKNOWN)).build();
    }

    @Test
    void theDirectoryGivesTheEjItsOpenEgsAndItsStatus() {
        DoctrineResult r = CertificateDoctrine.builder().directory(directory()).build().evaluate(onlyTheEj(), NOW);
        Member m = r.organisation().members().get(0);
        assertThat(m.status()).isEqualTo(LegalStatus.PUBLIC);
        assertThat(m.name()).isEqualTo("EJ 750000010");
        assertThat(m.sites()).extracting(s -> s.finess().value()).containsExactly("750000028", "750000036");
        assertThat(r.plan().certificates()).singleElement().satisfies(p -> {
            assertThat(p.holderKind()).isEqualTo(HolderKind.FINESS_EJ);
            assertThat(p.mainRule()).isEqualTo(DoctrineRule.PUBLIC_ES_EJ);
            assertThat(p.covers()).hasSize(2);
        });
    }

    @Test
    void theFileAddsWhatTheDirectoryDoesNotKnow() {
        Organisation org = Organisation.builder("CH").member(member("750000010", Corridor.HOSPITAL, LegalStatus.UNKNOWN,
                new Site(f("750000028"), "", "", true, false))).build();
        DoctrineResult r = CertificateDoctrine.builder().directory(directory()).build().evaluate(org, NOW);
        Site s = r.organisation().members().get(0).site(f("750000028")).orElseThrow();
        assertThat(s.financedPerEg()).isTrue();
        assertThat(s.categoryCode()).isEqualTo("355");
        assertThat(s.name()).isEqualTo("Site 750000028");
    }

    @Test
    void withoutDirectoryAnEjWithoutSitesIsUnusable() {
        assertThatThrownBy(() -> evaluate(onlyTheEj(), NOW)).isInstanceOf(OrganisationException.class)
                .hasMessageContaining("members[0].sites").hasMessageContaining("aucun EG");
    }

    @Test
    void anEgGivenAsTheEjIsReportedWithItsPath() {
        Organisation org = Organisation.builder("CH")
                .member(member("750000028", Corridor.HOSPITAL, LegalStatus.PUBLIC)).build();
        assertThatThrownBy(() -> CertificateDoctrine.builder().directory(directory()).build().evaluate(org, NOW))
                .isInstanceOf(OrganisationException.class)
                .satisfies(e -> assertThat(((OrganisationException) e).path()).isEqualTo("members[0].finess"))
                .hasMessageContaining("750000010");
    }

    @Test
    void referencesToUnknownSitesOrSolutionsAreUnusable() {
        Organisation.Builder b = Organisation.builder("CH")
                .member(member("750000010", Corridor.HOSPITAL, LegalStatus.PUBLIC, site("750000028", "355")));
        Organisation badSolution = b.solution(solution("dpi", "DPI", "750000999")).build();
        assertThatThrownBy(() -> evaluate(badSolution, NOW)).isInstanceOf(OrganisationException.class)
                .hasMessageContaining("solutions[0].sites[0]");
        assertThatThrownBy(() -> Organisation.builder("CH").certificate(dmp("1750000010", "nope")).build())
                .isInstanceOf(OrganisationException.class).hasMessageContaining("certificates[0].solutions[0]");
        Organisation badCover = Organisation.builder("CH")
                .member(member("750000010", Corridor.HOSPITAL, LegalStatus.PUBLIC, site("750000028", "355")))
                .certificate(covering("1750000010", "750000999")).build();
        assertThatThrownBy(() -> evaluate(badCover, NOW)).isInstanceOf(OrganisationException.class)
                .hasMessageContaining("certificates[0].covers[0]");
    }
}
