package org.vigie.core.doctrine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigie.core.doctrine.Fixtures.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vigie.core.Establishment;
import org.vigie.core.Finess;
import org.vigie.core.LegalEntity;
import org.vigie.core.LegalStatus;
import org.vigie.core.StructureDirectory;
import org.vigie.core.StructureId;
import org.vigie.core.doctrine.PlannedCertificate.HolderKind;

class DirectoryResolutionTest {

    /** A tiny directory for these tests. */
    static final class Dir implements StructureDirectory {
        final List<LegalEntity> ejs = new ArrayList<>();
        final List<Establishment> egs = new ArrayList<>();

        Dir ej(String finess, String statut) {
            ejs.add(new LegalEntity(f(finess), "EJ " + finess, Optional.empty(), statut, null));
            return this;
        }

        Dir eg(String finess, String ej, String category, boolean active) {
            egs.add(new Establishment(f(finess), f(ej), "Site " + finess, category, "", "", Optional.empty(), "",
                    Optional.empty(), active));
            return this;
        }

        @Override
        public Optional<Establishment> establishment(Finess finess) {
            return egs.stream().filter(e -> e.finess().equals(finess)).findFirst();
        }

        @Override
        public Optional<LegalEntity> legalEntity(Finess finess) {
            return ejs.stream().filter(e -> e.finess().equals(finess)).findFirst();
        }

        @Override
        public Optional<Finess> legalEntityOf(Finess establishment) {
            return establishment(establishment).map(Establishment::legalEntity);
        }

        @Override
        public List<Establishment> establishmentsOf(Finess legalEntity) {
            return egs.stream().filter(e -> e.legalEntity().equals(legalEntity)).toList();
        }

        @Override
        public Resolution resolve(StructureId id) {
            Optional<Finess> f = id.finess();
            if (f.isPresent() && legalEntity(f.get()).isPresent()) {
                return new Resolution.AsLegalEntity(legalEntity(f.get()).get());
            }
            if (f.isPresent() && establishment(f.get()).isPresent()) {
                return new Resolution.AsEstablishment(establishment(f.get()).get());
            }
            return new Resolution.Unknown(id);
        }

        @Override
        public int legalEntityCount() {
            return ejs.size();
        }

        @Override
        public int establishmentCount() {
            return egs.size();
        }
    }

    static Dir directory() {
        return new Dir().ej("750000010", "13")
                .eg("750000028", "750000010", "355", true)
                .eg("750000036", "750000010", "106", true)
                .eg("750000044", "750000010", "355", false);
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
