package org.vigie.doctrine.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.vigie.core.Establishment;
import org.vigie.core.Finess;
import org.vigie.core.InMemoryStructureDirectory;
import org.vigie.core.LegalEntity;
import org.vigie.core.StructureId;
import org.vigie.doctrine.Corridor;
import org.vigie.doctrine.Usage;

/**
 * A hand-made directory whose every number is known: public hospital covered by its EJ certificate across two
 * départements, private clinic with a legacy EG certificate, pharmacy certified under its EJ (wrong holder),
 * overseas pharmacy with a certificate ending soon, three-site laboratory under its main site, a CPTS (no
 * corridor), a maison de santé whose certificate expired, a hospital with only a badly named INSi certificate, and
 * two certificates that match nothing.
 */
class DeploymentAnalyzerTest {

    static final LocalDate AT = LocalDate.of(2026, 11, 28);

    static InMemoryStructureDirectory directory() {
        InMemoryStructureDirectory.Builder b = InMemoryStructureDirectory.builder();
        ej(b, "720000100", "CH DU MANS", "14");
        eg(b, "720000101", "720000100", "355", "72");
        eg(b, "720000102", "720000100", "500", "72");
        eg(b, "530000103", "720000100", "355", "53");
        ej(b, "440000200", "CLINIQUE DU PARC", "61");
        eg(b, "440000201", "440000200", "365", "44");
        eg(b, "440000202", "440000200", "365", "44");
        ej(b, "720000300", "PHARMACIE DU CENTRE", "95");
        eg(b, "720000301", "720000300", "620", "72");
        ej(b, "970100400", "PHARMACIE DE LA GARE", "95");
        eg(b, "970100401", "970100400", "620", "9A");
        ej(b, "750000500", "SELAS BIOLOGIE", "95");
        eg(b, "750000501", "750000500", "611", "75");
        eg(b, "750000502", "750000500", "611", "75");
        eg(b, "920000503", "750000500", "611", "92");
        ej(b, "720000600", "CPTS DU MANS", "95");
        eg(b, "720000601", "720000600", "604", "72");
        ej(b, "720000700", "SISA MSP", "95");
        eg(b, "720000701", "720000700", "603", "72");
        ej(b, "750000800", "CH DE PARIS", "11");
        eg(b, "750000801", "750000800", "355", "75");
        eg(b, "750000802", "750000800", "355", "75", false); // closed: ignored
        return b.build();
    }

    static void ej(InMemoryStructureDirectory.Builder b, String finess, String name, String statut) {
        b.add(new LegalEntity(Finess.parse(finess), name, Optional.empty(), statut, null));
    }

    static void eg(InMemoryStructureDirectory.Builder b, String finess, String ej, String cat, String dep) {
        eg(b, finess, ej, cat, dep, true);
    }

    static void eg(InMemoryStructureDirectory.Builder b, String finess, String ej, String cat, String dep,
                   boolean active) {
        b.add(new Establishment(Finess.parse(finess), Finess.parse(ej), "EG " + finess, cat, "", "", Optional.empty(),
                dep, Optional.empty(), active));
    }

    static DeployedCertificate cert(String holder, String cn, String serial, LocalDate notAfter, Usage... usages) {
        return new DeployedCertificate(StructureId.parse(holder), cn, serial, Optional.ofNullable(notAfter),
                usages.length == 0 ? Set.of() : Set.of(usages), "", "AUTH", "inv.csv:" + serial);
    }

    static Inventory inventory() {
        return Inventory.of(List.of(
                cert("1720000100", "CH MANS", "1", LocalDate.of(2028, 1, 1)),
                cert("1440000201", "CLINIQUE SITE 1", "2", LocalDate.of(2027, 6, 30)),
                cert("1720000300", "PHARMACIE", "3", LocalDate.of(2028, 1, 1)),
                cert("1970100401", "PHARMACIE GARE", "4", AT.plusDays(30)),
                cert("1750000502", "LABO", "5", LocalDate.of(2028, 1, 1)),
                cert("1720000701", "MSP", "6", LocalDate.of(2026, 1, 1)),
                cert("1750000800", "LPS", "7", LocalDate.of(2028, 1, 1), Usage.INSI),
                cert("1999999999", "INCONNU", "8", LocalDate.of(2028, 1, 1)),
                cert("410001234567001", "CABINET", "9", LocalDate.of(2028, 1, 1))));
    }

    static Deployment analyze(Scope scope) {
        return DeploymentAnalyzer.builder().directory(directory()).build()
                .analyze(inventory(), AT, scope, (d, t) -> { });
    }

    static <T> Map<String, T> by(List<T> list, Function<T, String> key) {
        return list.stream().collect(Collectors.toMap(key, x -> x));
    }

    @Test
    void judgesEachEstablishmentWithTheDoctrine() {
        Map<String, EstablishmentStatus> eg = by(analyze(Scope.all()).establishments(),
                s -> s.establishment().finess().value());
        assertThat(eg).hasSize(13).doesNotContainKey("750000802");
        assertThat(eg.get("720000101").coverage()).isEqualTo(Coverage.LEGAL_ENTITY);
        assertThat(eg.get("530000103").coverage()).isEqualTo(Coverage.LEGAL_ENTITY);
        assertThat(eg.get("530000103").certificates()).extracting(DeployedCertificate::serial).containsExactly("1");
        assertThat(eg.get("530000103").coveredUntil()).contains(LocalDate.of(2028, 1, 1));
        assertThat(eg.get("440000201").coverage()).isEqualTo(Coverage.ESTABLISHMENT);
        assertThat(eg.get("440000201").legacyToMove()).isTrue();
        assertThat(eg.get("440000202").coverage()).isEqualTo(Coverage.NONE);
        assertThat(eg.get("440000202").findings()).extracting(f -> f.ruleId()).containsExactly("DOC-MISSING");
        assertThat(eg.get("720000301").coverage()).isEqualTo(Coverage.NONE);
        assertThat(eg.get("720000301").findings()).extracting(f -> f.ruleId())
                .containsExactlyInAnyOrder("DOC-HOLDER", "DOC-MISSING");
        assertThat(eg.get("970100401").coverage()).isEqualTo(Coverage.ESTABLISHMENT);
        assertThat(eg.get("970100401").expiringSoon()).isTrue();
        assertThat(eg.get("970100401").departement().code()).isEqualTo("971");
        assertThat(eg.get("750000502").coverage()).isEqualTo(Coverage.ESTABLISHMENT);
        assertThat(eg.get("750000501").coverage()).isEqualTo(Coverage.MAIN_SITE);
        assertThat(eg.get("920000503").coverage()).isEqualTo(Coverage.MAIN_SITE);
        assertThat(eg.get("720000601").coverage()).isEqualTo(Coverage.OUT_OF_DOCTRINE);
        assertThat(eg.get("720000601").corridor()).isEmpty();
        assertThat(eg.get("720000701").coverage()).isEqualTo(Coverage.NONE);
        assertThat(eg.get("720000701").corridor()).contains(Corridor.TOWN_MEDICINE);
        assertThat(eg.get("750000801").coverage()).isEqualTo(Coverage.NONE);
        assertThat(eg.get("750000801").insiCertificates()).extracting(DeployedCertificate::serial).containsExactly("7");
        assertThat(eg.get("750000801").insiNamingOk()).isFalse();
        assertThat(eg.get("720000101").insiNamingOk()).isTrue();
        assertThat(eg.get("720000101").expiringSoon()).isFalse();
    }

    @Test
    void countsTheNationalTotalExactly() {
        Deployment d = analyze(Scope.all());
        Indicators t = d.total();
        assertThat(t.establishments()).isEqualTo(13);
        assertThat(t.concerned()).isEqualTo(12);
        assertThat(t.covered()).isEqualTo(8);
        assertThat(t.coveredByLegalEntity()).isEqualTo(3);
        assertThat(t.coveredByEstablishment()).isEqualTo(5);
        assertThat(t.notCovered()).isEqualTo(4);
        assertThat(t.coverageRate()).isEqualTo(8.0 / 12);
        assertThat(t.certificates()).isEqualTo(6);
        assertThat(t.expiringSoon()).isEqualTo(1);
        assertThat(t.expired()).isEqualTo(1);
        assertThat(t.legacyToMove()).isEqualTo(1);
        assertThat(t.findingsByRule()).containsExactlyInAnyOrderEntriesOf(Map.of("DOC-MISSING", 4, "DOC-EG-LEGACY", 1,
                "DOC-HOLDER", 1, "DOC-INSI-NAMING", 1));
        assertThat(d.findings()).hasSize(7);
        assertThat(d.unmatched()).extracting(u -> u.certificate().serial()).containsExactly("8", "9");
        assertThat(d.unmatched().get(0).reason()).contains("inconnu du répertoire");
        assertThat(d.unmatched().get(1).reason()).contains("RPPS-rang");
        assertThat(d.certificatesRead()).isEqualTo(9);
    }

    @Test
    void countsPerRegionAndDepartementIncludingOverseas() {
        Deployment d = analyze(Scope.all());
        Map<String, Indicators> regions = by(d.regions(), Indicators::code);
        assertThat(regions.keySet()).containsExactlyInAnyOrder("52", "11", "01");
        Indicators pdl = regions.get("52");
        assertThat(List.of(pdl.establishments(), pdl.concerned(), pdl.covered(), pdl.coveredByLegalEntity(),
                pdl.coveredByEstablishment(), pdl.certificates(), pdl.expired()))
                .containsExactly(8, 7, 4, 3, 1, 3, 1);
        Indicators idf = regions.get("11");
        assertThat(List.of(idf.establishments(), idf.covered(), idf.certificates())).containsExactly(4, 3, 2);
        assertThat(idf.findingsByRule()).containsOnlyKeys("DOC-MISSING", "DOC-INSI-NAMING");
        Indicators gua = regions.get("01");
        assertThat(List.of(gua.establishments(), gua.covered(), gua.expiringSoon())).containsExactly(1, 1, 1);
        Map<String, Indicators> deps = by(d.departements(), Indicators::code);
        assertThat(deps.keySet()).containsExactlyInAnyOrder("72", "53", "44", "971", "75", "92");
        Indicators sarthe = deps.get("72");
        assertThat(List.of(sarthe.establishments(), sarthe.concerned(), sarthe.covered()))
                .containsExactly(5, 4, 2);
        assertThat(sarthe.findingsByRule()).containsExactlyInAnyOrderEntriesOf(Map.of("DOC-HOLDER", 1,
                "DOC-MISSING", 2));
        assertThat(sarthe.region()).isEqualTo("Pays de la Loire");
        assertThat(deps.get("53").covered()).isEqualTo(1);
        assertThat(d.regions().stream().mapToInt(Indicators::establishments).sum())
                .isEqualTo(d.total().establishments());
    }

    @Test
    void countsPerLegalEntity() {
        Map<String, Indicators> ej = by(analyze(Scope.all()).legalEntities(), Indicators::code);
        assertThat(ej).hasSize(8);
        assertThat(ej.get("720000100").coveredByLegalEntity()).isEqualTo(3);
        assertThat(ej.get("720000100").coverageRate()).isEqualTo(1.0);
        assertThat(ej.get("440000200").coverageRate()).isEqualTo(0.5);
        assertThat(ej.get("440000200").findingsByRule()).containsOnlyKeys("DOC-EG-LEGACY", "DOC-MISSING");
        assertThat(ej.get("750000500").coveredByEstablishment()).isEqualTo(3);
        assertThat(ej.get("720000600").concerned()).isZero();
        assertThat(ej.get("720000100").departement()).isEqualTo("72");
    }

    @Test
    void restrictsEverythingButUnmatchedCertificatesToTheScope() {
        Territories t = Territories.standard();
        Deployment idf = analyze(Scope.of(t.region("11").orElseThrow()));
        assertThat(idf.total().establishments()).isEqualTo(4);
        assertThat(idf.legalEntities()).extracting(Indicators::code).containsExactly("750000500", "750000800");
        assertThat(idf.regions()).extracting(Indicators::code).containsExactly("11");
        assertThat(idf.departements()).extracting(Indicators::code).containsExactly("75", "92");
        assertThat(idf.findings()).hasSize(2);
        assertThat(idf.unmatched()).hasSize(2);
        Deployment mayenne = analyze(Scope.of(t.departement("53").orElseThrow()));
        assertThat(mayenne.establishments()).singleElement()
                .satisfies(s -> assertThat(s.coverage()).isEqualTo(Coverage.LEGAL_ENTITY));
        assertThat(mayenne.legalEntities()).singleElement().satisfies(i -> {
            assertThat(i.establishments()).isEqualTo(1);
            assertThat(i.covered()).isEqualTo(1);
        });
        assertThat(mayenne.total().name()).isEqualTo("département Mayenne (53)");
    }

    @Test
    void anEmptyInventoryCoversNothingAndAsksForEveryCertificate() {
        Deployment d = DeploymentAnalyzer.builder().directory(directory()).build().analyze(Inventory.of(List.of()), AT);
        assertThat(d.total().covered()).isZero();
        assertThat(d.total().concerned()).isEqualTo(12);
        assertThat(d.total().findingsByRule()).containsOnlyKeys("DOC-MISSING");
        List<String> notCovered = new ArrayList<>();
        d.establishments().forEach(s -> notCovered.add(s.coverage().name()));
        assertThat(notCovered).containsOnly("NONE", "OUT_OF_DOCTRINE");
    }

    @Test
    void anEjCertificateBeforeTheCorridorAllowsItDoesNotCoverAPrivateClinic() {
        InMemoryStructureDirectory.Builder b = InMemoryStructureDirectory.builder();
        ej(b, "440000200", "CLINIQUE DU PARC", "61");
        eg(b, "440000201", "440000200", "365", "44");
        Inventory inv = Inventory.of(List.of(cert("1440000200", "CLINIQUE", "1", LocalDate.of(2023, 1, 1))));
        DeploymentAnalyzer a = DeploymentAnalyzer.builder().directory(b.build()).build();
        Deployment early = a.analyze(inv, LocalDate.of(2022, 8, 1));
        assertThat(early.establishments().get(0).coverage()).isEqualTo(Coverage.NONE);
        assertThat(early.total().findingsByRule()).containsKey("DOC-EJ-NOT-YET");
        Deployment later = a.analyze(inv, LocalDate.of(2022, 10, 1));
        assertThat(later.establishments().get(0).coverage()).isEqualTo(Coverage.LEGAL_ENTITY);
        assertThat(later.total().findingsByRule()).doesNotContainKey("DOC-EJ-NOT-YET");
    }
}
