package org.vigie.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class InMemoryStructureDirectoryTest {

    static final Finess APHP = Finess.parse("750712184");
    static final Finess PITIE = Finess.parse("750100125");
    static final Finess OTHER_EG = Finess.parse("010780195");
    static final Finess ORPHAN_EJ = Finess.parse("010780054");

    static LegalEntity ej(Finess f, String statut) {
        return new LegalEntity(f, "EJ " + f, Optional.empty(), statut, null);
    }

    static Establishment eg(Finess f, Finess ej) {
        return new Establishment(f, ej, "EG " + f, "355", "Centre Hospitalier (C.H.)", "1102", Optional.empty(),
                f.departement(), Optional.of(LocalDate.of(1990, 1, 1)), true);
    }

    static InMemoryStructureDirectory sample() {
        InMemoryStructureDirectory.Builder b = InMemoryStructureDirectory.builder();
        b.add(ej(APHP, "13"));
        b.add(eg(PITIE, APHP));
        b.add(eg(OTHER_EG, ORPHAN_EJ)); // its EJ has no EJ record
        return b.build();
    }

    @Test
    void resolvesAnEjFinessToTheLegalEntity() {
        var r = sample().resolve(StructureId.parse("1750712184"));
        assertThat(r).isInstanceOf(StructureDirectory.Resolution.AsLegalEntity.class);
        assertThat(r.legalEntityFiness()).contains(APHP);
        assertThat(((StructureDirectory.Resolution.AsLegalEntity) r).legalEntity().status())
                .isEqualTo(LegalStatus.PUBLIC);
    }

    @Test
    void resolvesAnEgFinessToTheEstablishmentAndItsEj() {
        var r = sample().resolve(StructureId.parse("1750100125"));
        assertThat(r).isInstanceOf(StructureDirectory.Resolution.AsEstablishment.class);
        assertThat(r.legalEntityFiness()).contains(APHP);
    }

    @Test
    void anEgWhoseEjHasNoRecordStillResolvesItsEjFiness() {
        InMemoryStructureDirectory d = sample();
        assertThat(d.resolve(StructureId.parse("1010780195")).legalEntityFiness()).contains(ORPHAN_EJ);
        assertThat(d.legalEntityOf(OTHER_EG)).contains(ORPHAN_EJ);
        assertThat(d.legalEntity(ORPHAN_EJ)).isEmpty();
        assertThat(d.establishmentsOf(ORPHAN_EJ)).extracting(Establishment::finess).containsExactly(OTHER_EG);
        assertThat(d.referencedLegalEntityCount()).isEqualTo(2);
        assertThat(d.legalEntityCount()).isEqualTo(1);
    }

    @Test
    void unknownAndNonFinessIdsResolveToUnknown() {
        InMemoryStructureDirectory d = sample();
        assertThat(d.resolve(StructureId.parse("1260100045"))).isInstanceOf(StructureDirectory.Resolution.Unknown.class);
        assertThat(d.resolve(StructureId.parse("318751275100020")))
                .isInstanceOf(StructureDirectory.Resolution.Unknown.class);
        assertThat(d.resolve(StructureId.parse("318751275100020")).legalEntityFiness()).isEmpty();
        assertThat(InMemoryStructureDirectory.empty().resolve(StructureId.parse("1750712184")))
                .isInstanceOf(StructureDirectory.Resolution.Unknown.class);
    }

    @Test
    void listsTheEgsOfAnEjInLoadOrder() {
        InMemoryStructureDirectory.Builder b = InMemoryStructureDirectory.builder();
        List<Finess> egs = List.of(Finess.parse("750100125"), Finess.parse("010780195"), Finess.parse("260100045"));
        egs.forEach(f -> b.add(eg(f, APHP)));
        InMemoryStructureDirectory d = b.build();
        assertThat(d.establishmentsOf(APHP)).extracting(Establishment::finess).containsExactlyElementsOf(egs);
        assertThat(d.establishmentsOf(PITIE)).isEmpty();
        assertThat(d.establishmentCount()).isEqualTo(3);
    }

    @Test
    void aSecondEgWithTheSameFinessIsRefusedAndTheFirstKept() {
        InMemoryStructureDirectory.Builder b = InMemoryStructureDirectory.builder();
        assertThat(b.add(eg(PITIE, APHP))).isTrue();
        assertThat(b.add(eg(PITIE, ORPHAN_EJ))).isFalse();
        assertThat(b.build().legalEntityOf(PITIE)).contains(APHP);
    }

    @Test
    void aSecondEjRecordIsMergedKnownFieldsWinning() {
        InMemoryStructureDirectory.Builder b = InMemoryStructureDirectory.builder();
        assertThat(b.add(new LegalEntity(APHP, "AP-HP", Optional.empty(), "", null))).isTrue();
        assertThat(b.add(new LegalEntity(APHP, "", Optional.of(Siren.parse("267500452")), "13", null))).isFalse();
        LegalEntity merged = b.build().legalEntity(APHP).orElseThrow();
        assertThat(merged.name()).isEqualTo("AP-HP");
        assertThat(merged.siren()).contains(Siren.parse("267500452"));
        assertThat(merged.statutCode()).isEqualTo("13");
        assertThat(merged.status()).isEqualTo(LegalStatus.PUBLIC);
    }

    @Test
    void aBuiltDirectoryDoesNotSeeLaterAdditions() {
        InMemoryStructureDirectory.Builder b = InMemoryStructureDirectory.builder();
        b.add(eg(PITIE, APHP));
        InMemoryStructureDirectory first = b.build();
        b.add(eg(OTHER_EG, APHP));
        assertThat(first.establishmentCount()).isEqualTo(1);
        assertThat(first.establishmentsOf(APHP)).hasSize(1);
        assertThat(b.build().establishmentsOf(APHP)).hasSize(2);
    }

    @Test
    void isSafeToQueryFromSeveralThreads() throws Exception {
        InMemoryStructureDirectory d = sample();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    boolean ok = true;
                    for (int i = 0; i < 10_000; i++) {
                        ok &= d.resolve(StructureId.parse("1750100125")).legalEntityFiness().equals(Optional.of(APHP));
                    }
                    return ok;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
