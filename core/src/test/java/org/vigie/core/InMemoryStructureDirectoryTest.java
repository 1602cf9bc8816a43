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

    static Establishment closedEg(Finess f, Finess ej) {
        return new Establishment(f, ej, "EG " + f, "355", "", "", Optional.empty(), f.departement(), Optional.empty(),
                false);
    }

    @Test
    void anEjNamedOnlyByEgsIsALegalEntityWithoutRecord() {
        var r = sample().resolve(StructureId.ofFiness(ORPHAN_EJ));
        assertThat(r.known()).isTrue();
        assertThat(r.closed()).isFalse();
        assertThat(r).isInstanceOfSatisfying(StructureDirectory.Resolution.AsLegalEntity.class, ej -> {
            assertThat(ej.hasRecord()).isFalse();
            assertThat(ej.legalEntity()).isEqualTo(new LegalEntity(ORPHAN_EJ, "", Optional.empty(), "", LegalStatus.UNKNOWN));
        });
        assertThat(r.legalEntityFiness()).contains(ORPHAN_EJ);
        var rec = (StructureDirectory.Resolution.AsLegalEntity) sample().resolve(StructureId.ofFiness(APHP));
        assertThat(rec.hasRecord()).isTrue();
        assertThat(rec.closed()).isFalse();
    }

    @Test
    void anEjIsClosedWhenAllItsKnownEgsAreClosedWithOrWithoutItsRecord() {
        Finess ejNoRecord = Finess.parse("260100045");
        Finess closed1 = Finess.parse("260100052");
        InMemoryStructureDirectory.Builder b = InMemoryStructureDirectory.builder();
        b.add(ej(APHP, "13"));
        b.add(closedEg(PITIE, APHP));
        b.add(closedEg(closed1, ejNoRecord));
        b.add(ej(ORPHAN_EJ, "61")); // a record and no EG at all
        InMemoryStructureDirectory d = b.build();
        assertThat(d.resolve(StructureId.ofFiness(APHP)).closed()).isTrue();
        assertThat(d.resolve(StructureId.ofFiness(ejNoRecord)).closed()).isTrue();
        assertThat(d.resolve(StructureId.ofFiness(ejNoRecord)).known()).isTrue();
        assertThat(d.resolve(StructureId.ofFiness(ORPHAN_EJ)).closed()).as("nothing says it is closed").isFalse();
        assertThat(d.resolve(StructureId.ofFiness(PITIE)).closed()).isTrue();
        // one open EG reopens the EJ
        b.add(eg(OTHER_EG, APHP));
        assertThat(b.build().resolve(StructureId.ofFiness(APHP)).closed()).isFalse();
        assertThat(b.build().hasOpenEstablishment(APHP)).isTrue();
        assertThat(d.hasOpenEstablishment(APHP)).isFalse();
    }

    @Test
    void unknownIsNeitherKnownNorClosed() {
        var u = sample().resolve(StructureId.parse("318751275100020"));
        assertThat(u.known()).isFalse();
        assertThat(u.closed()).isFalse();
    }

    @Test
    void theOneResolutionIsTheInterfacesOwnForAnyImplementation() {
        // a directory of one's own supplies only the lookups: its resolutions equal the in-memory directory's
        InMemoryStructureDirectory.Builder b = InMemoryStructureDirectory.builder();
        b.add(ej(APHP, "13"));
        b.add(eg(PITIE, APHP));
        b.add(closedEg(Finess.parse("260100052"), APHP));
        b.add(eg(OTHER_EG, ORPHAN_EJ));
        b.add(closedEg(Finess.parse("260100045"), Finess.parse("130000011")));
        InMemoryStructureDirectory mem = b.build();
        StructureDirectory own = new StructureDirectory() {
            public Optional<Establishment> establishment(Finess f) {
                return mem.establishment(f);
            }

            public Optional<LegalEntity> legalEntity(Finess f) {
                return mem.legalEntity(f);
            }

            public Optional<Finess> legalEntityOf(Finess f) {
                return mem.legalEntityOf(f);
            }

            public List<Establishment> establishmentsOf(Finess f) {
                return mem.establishmentsOf(f);
            }

            public int legalEntityCount() {
                return mem.legalEntityCount();
            }

            public int establishmentCount() {
                return mem.establishmentCount();
            }
        };
        for (String id : List.of("1750712184", "1750100125", "1260100052", "1010780195", "1010780054", "1260100045",
                "1130000011", "1999999999", "318751275100020")) {
            assertThat(own.resolve(StructureId.parse(id))).as(id).isEqualTo(mem.resolve(StructureId.parse(id)));
        }
        assertThat(own.resolve(StructureId.parse("1130000011")).closed()).isTrue();
    }

    @Test
    void theRecordOnlyConstructorKeepsItsFormerMeaning() {
        LegalEntity le = ej(APHP, "13");
        assertThat(new StructureDirectory.Resolution.AsLegalEntity(le))
                .isEqualTo(new StructureDirectory.Resolution.AsLegalEntity(le, true, false));
        assertThat(StructureDirectory.Resolution.AsLegalEntity.referencedOnly(APHP, true).hasRecord()).isFalse();
    }
}
