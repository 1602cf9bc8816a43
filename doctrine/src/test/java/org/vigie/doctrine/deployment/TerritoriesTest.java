package org.vigie.doctrine.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.vigie.core.Finess;

class TerritoriesTest {

    private final Territories t = Territories.standard();

    @Test
    void listsEveryMetropolitanAndOverseasDepartementOnce() {
        assertThat(t.departements()).hasSize(104);
        assertThat(t.departements().stream().map(Departement::code).collect(Collectors.toSet())).hasSize(104);
        assertThat(t.regions()).hasSize(19);
        assertThat(t.departements()).allSatisfy(d -> assertThat(d.region()).isNotEqualTo(Region.UNKNOWN));
    }

    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource(delimiter = '|', value = {
        "72|Sarthe|Pays de la Loire", "2A|Corse-du-Sud|Corse", "2b|Haute-Corse|Corse", "1|Ain|Auvergne-Rhône-Alpes",
        "971|Guadeloupe|Guadeloupe", "9A|Guadeloupe|Guadeloupe", "9D|La Réunion|La Réunion",
        "976|Mayotte|Mayotte", "9F|Mayotte|Mayotte", "978|Saint-Martin|Guadeloupe",
        "975|Saint-Pierre-et-Miquelon|Saint-Pierre-et-Miquelon", "75|Paris|Île-de-France"})
    void mapsADepartementCodeAsFoundInFinessDataToItsRegion(String code, String name, String region) {
        Departement d = t.departement(code).orElseThrow();
        assertThat(d.name()).isEqualTo(name);
        assertThat(d.region().name()).isEqualTo(region);
    }

    @Test
    void locatesFromTheFinessNumberWhenTheDirectoryCodeIsUnknownAndFlagsWhatNeitherTells() {
        assertThat(t.locate("", Finess.parse("970100016")).code()).isEqualTo("971");
        assertThat(t.locate("XX", Finess.parse("720000017")).code()).isEqualTo("72");
        Departement unknown = t.locate("", Finess.parse("0B0152872"));
        assertThat(unknown.region()).isEqualTo(Region.UNKNOWN);
        assertThat(unknown.name()).contains("inconnu");
    }

    @Test
    void findsARegionByCodeOrByNameIgnoringCaseAndAccents() {
        assertThat(t.region("53").orElseThrow().name()).isEqualTo("Bretagne");
        assertThat(t.region("ile-de-france").orElseThrow().code()).isEqualTo("11");
        assertThat(t.region("Atlantide")).isEmpty();
    }

    @Test
    void coversEveryDepartementTheExtractGeneratorWrites() {
        Set<String> generated = Set.of("01", "06", "13", "14", "2A", "2B", "21", "29", "31", "33", "34", "35", "38",
                "44", "45", "57", "59", "63", "67", "69", "72", "75", "76", "80", "86", "87", "92", "93", "971", "972",
                "973", "974", "976");
        assertThat(generated).allSatisfy(c -> assertThat(t.departement(c)).isPresent());
    }
}
