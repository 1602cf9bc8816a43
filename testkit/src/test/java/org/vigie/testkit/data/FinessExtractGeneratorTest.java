package org.vigie.testkit.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.vigie.core.Establishment;
import org.vigie.core.Finess;
import org.vigie.core.InMemoryStructureDirectory;
import org.vigie.core.LegalEntity;
import org.vigie.core.LegalStatus;
import org.vigie.core.finess.FinessFormat;
import org.vigie.core.finess.FinessLoader;
import org.vigie.core.finess.LoadResult;
import org.vigie.core.finess.Rejection;

class FinessExtractGeneratorTest {

    static final Set<String> DOMAIN_CATEGORIES = Set.of("101", "106", "355", "141", "146", "365", "292", "124",
            "603", "604", "611", "620", "500");

    static byte[] etalab(FinessExtractGenerator g) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        g.writeEtalab(out);
        return out.toByteArray();
    }

    static LoadResult loadBoth(FinessExtractGenerator g) throws IOException {
        ByteArrayOutputStream eg = new ByteArrayOutputStream();
        ByteArrayOutputStream ej = new ByteArrayOutputStream();
        g.writeEtalab(eg);
        g.writeLegalEntities(ej);
        FinessLoader l = new FinessLoader();
        l.load("eg.csv", new ByteArrayInputStream(eg.toByteArray()), FinessFormat.ETALAB);
        l.load("ej.csv", new ByteArrayInputStream(ej.toByteArray()), FinessFormat.EJ_EXTRACT);
        return l.result();
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherBytes() throws IOException {
        var b = FinessExtractGenerator.builder().establishments(500).malformedLines(3);
        assertThat(etalab(b.seed(7).build())).isEqualTo(etalab(b.seed(7).build()));
        assertThat(etalab(b.seed(7).build())).isNotEqualTo(etalab(b.seed(8).build()));
    }

    @Test
    void writesTheExactEtalabShape() throws IOException {
        String text = new String(etalab(FinessExtractGenerator.builder().establishments(300).build()),
                StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        assertThat(lines[0]).isEqualTo("finess;etalab;98;2026-05-12");
        long structureet = 0;
        long geo = 0;
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(";", -1);
            if (f[0].equals("structureet")) {
                assertThat(f).hasSize(32);
                structureet++;
            } else {
                assertThat(f[0]).isEqualTo("geolocalisation");
                assertThat(f).hasSize(6);
                geo++;
            }
        }
        assertThat(structureet).isEqualTo(300);
        assertThat(geo).isEqualTo(300);
    }

    @Test
    void loadsWithoutRejectionAndLooksLikeTheRealDirectory() throws IOException {
        FinessExtractGenerator g = FinessExtractGenerator.builder().seed(42).establishments(20_000).build();
        LoadResult r = loadBoth(g);
        assertThat(r.rejectionCount()).isZero();
        InMemoryStructureDirectory d = r.directory();
        assertThat(d.establishmentCount()).isEqualTo(20_000);
        assertThat(d.referencedLegalEntityCount()).isEqualTo(d.legalEntityCount());
        assertThat(d.establishments().map(Establishment::categoryCode).collect(Collectors.toSet()))
                .isEqualTo(DOMAIN_CATEGORIES);
        assertThat(d.establishments().map(Establishment::departement).collect(Collectors.toSet()))
                .contains("2A", "2B", "971", "972", "973", "974", "976", "75");
        assertThat(d.establishments().map(Establishment::finess).allMatch(Finess::keyValid)).isTrue();
        assertThat(d.establishments().allMatch(e -> e.siret().isEmpty() || e.siret().get().keyValid())).isTrue();
        assertThat(d.legalEntities().map(LegalEntity::status).collect(Collectors.toSet()))
                .contains(LegalStatus.PUBLIC, LegalStatus.PRIVATE).doesNotContain(LegalStatus.UNKNOWN);
        assertThat(d.legalEntities().filter(ej -> d.establishmentsOf(ej.finess()).size() >= 5).count())
                .isGreaterThan(50);
        assertThat(d.establishments().filter(e -> e.openingDate().orElseThrow().getYear() < 1960).count())
                .isPositive();
        // every EG's SIRET belongs to its EJ's SIREN
        assertThat(d.establishments().filter(e -> e.siret().isPresent()).allMatch(e ->
                d.legalEntity(e.legalEntity()).orElseThrow().siren().equals(e.siret().map(s -> s.siren()))))
                .isTrue();
    }

    @Test
    void malformedLinesAreWhereTheSummarySaysAndTheReaderRejectsExactlyThem() throws IOException {
        FinessExtractGenerator g = FinessExtractGenerator.builder().seed(3).establishments(2_000).malformedLines(12)
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FinessExtractGenerator.Summary s = g.writeEtalab(out);
        assertThat(s.malformedLines()).hasSize(12).isSorted();
        FinessLoader l = new FinessLoader();
        l.load("eg.csv", new ByteArrayInputStream(out.toByteArray()), FinessFormat.ETALAB);
        LoadResult r = l.result();
        assertThat(r.rejections()).extracting(Rejection::line).containsExactlyElementsOf(s.malformedLines());
        assertThat(r.rejections()).extracting(Rejection::reason)
                .anyMatch(x -> x.contains("champs au lieu de 32"))
                .anyMatch(x -> x.contains("mal formé"))
                .anyMatch(x -> x.contains("type de ligne inconnu"))
                .anyMatch(x -> x.contains("en double"));
        assertThat(r.directory().establishmentCount()).isEqualTo(2_000);
        assertThat(s.lines()).isEqualTo(1 + 2_000 + 12 + 2_000);
    }

    @Test
    void theSampleIdsOfTheSummaryAreInTheDirectory() throws IOException {
        FinessExtractGenerator g = FinessExtractGenerator.builder().seed(5).establishments(5_000).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FinessExtractGenerator.Summary s = g.writeEtalab(out);
        FinessLoader l = new FinessLoader();
        l.load("eg.csv", new ByteArrayInputStream(out.toByteArray()), FinessFormat.ETALAB);
        InMemoryStructureDirectory d = l.result().directory();
        assertThat(s.multiSiteLegalEntities()).isNotEmpty()
                .allSatisfy(ej -> assertThat(d.establishmentsOf(ej).size()).isGreaterThan(1));
        assertThat(s.sampleEstablishments()).isNotEmpty()
                .allSatisfy(eg -> assertThat(d.establishment(eg)).isPresent());
        assertThat(s.establishments()).isEqualTo(5_000);
        assertThat(s.legalEntities()).isEqualTo(d.referencedLegalEntityCount());
    }

    @Test
    void latin1OutputIsDetectedAsSuch() throws IOException {
        byte[] bytes = etalab(FinessExtractGenerator.builder().establishments(2_000)
                .charset(StandardCharsets.ISO_8859_1).build());
        FinessLoader l = new FinessLoader();
        l.load("eg.csv", new ByteArrayInputStream(bytes), FinessFormat.ETALAB);
        assertThat(l.result().sources().get(0).encoding()).isEqualTo("ISO-8859-1");
        assertThat(l.result().rejectionCount()).isZero();
    }

    @Test
    void theJsonFeedHoldsTheSameDirectoryWithSomeClosedEgs() throws IOException {
        FinessExtractGenerator g = FinessExtractGenerator.builder().seed(11).establishments(3_000).build();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        int closed = g.writeJsonFeed(json);
        FinessLoader l = new FinessLoader();
        l.load("f.json", new ByteArrayInputStream(json.toByteArray()), FinessFormat.JSON);
        LoadResult fromJson = l.result();
        LoadResult fromCsv = loadBoth(g);
        assertThat(fromJson.rejectionCount()).isZero();
        InMemoryStructureDirectory j = fromJson.directory();
        InMemoryStructureDirectory c = fromCsv.directory();
        assertThat(j.establishmentCount()).isEqualTo(c.establishmentCount());
        assertThat(j.legalEntityCount()).isEqualTo(c.legalEntityCount());
        assertThat(closed).isPositive();
        assertThat(j.establishments().filter(e -> !e.active()).count()).isEqualTo(closed);
        c.establishments().forEach(e -> {
            Establishment other = j.establishment(e.finess()).orElseThrow();
            assertThat(other.legalEntity()).isEqualTo(e.legalEntity());
            assertThat(other.categoryCode()).isEqualTo(e.categoryCode());
            assertThat(other.siret()).isEqualTo(e.siret());
        });
        c.legalEntities().forEach(ej -> assertThat(j.legalEntity(ej.finess())).contains(ej));
    }
}
