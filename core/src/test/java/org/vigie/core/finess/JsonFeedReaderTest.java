package org.vigie.core.finess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.vigie.core.Establishment;
import org.vigie.core.Finess;
import org.vigie.core.LegalEntity;
import org.vigie.core.LegalStatus;

class JsonFeedReaderTest {

    static LoadResult load(String json) throws IOException {
        FinessLoader l = new FinessLoader();
        l.load("f.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), FinessFormat.JSON);
        return l.result();
    }

    /** ANS schema spelling, codes as {code, system} objects. */
    static final String SCHEMA_SPELLING = """
            {"meta": {"date": "2026-05-12", "count": 1},
             "pmej": [
              {"informationsGeneralesPmej": {
                 "numFinessPm": "750712184",
                 "raisonSociale": "ASSISTANCE PUBLIQUE HOPITAUX DE PARIS",
                 "siren": "267500452",
                 "statutJuridique": {"code": "13", "system": "https://mos.esante.gouv.fr/NOS/TRE_R400"}},
               "ege": [
                 {"informationsGeneralesEge": {"numFinessEge": "750100125", "siret": "26750045200016",
                   "raisonSociale": "HOPITAL PITIE SALPETRIERE",
                   "categorieEntiteGeographiqueExercice": {"code": "101", "system": "TRE_R66",
                      "libelle": "Centre Hospitalier Régional (C.H.R.)"},
                   "dateOuverture": "1970-01-01", "etatObjet": "ACTIF"}},
                 {"informationsGeneralesEge": {"numFinessEge": "010780195",
                   "categorieEntiteGeographiqueExercice": {"code": "500"},
                   "dateOuverture": "1980-01-01", "dateFermeture": "2020-12-31"}}
               ]}
             ]}
            """;

    /** ANS example spelling, codes as bare strings. */
    static final String EXAMPLE_SPELLING = """
            {"pmej": [{"informationsGeneralesPMEJ": {"numFinessPm": "010780054", "siren": "260100045",
                          "statutJuridique": "47", "raisonSociale": "CLINIQUE DU PARC"},
                       "ege": [{"numFinessEge": "260100045", "categorieEntiteGeographiqueExercice": "365",
                                "etatObjet": "FERME"}]}]}
            """;

    @Test
    void readsTheSchemaSpellingWithCodeObjects() throws IOException {
        LoadResult r = load(SCHEMA_SPELLING);
        assertThat(r.rejections()).isEmpty();
        LegalEntity ej = r.directory().legalEntity(Finess.parse("750712184")).orElseThrow();
        assertThat(ej.name()).isEqualTo("ASSISTANCE PUBLIQUE HOPITAUX DE PARIS");
        assertThat(ej.statutCode()).isEqualTo("13");
        assertThat(ej.status()).isEqualTo(LegalStatus.PUBLIC);
        assertThat(ej.siren()).map(Object::toString).contains("267500452");
        Establishment pitie = r.directory().establishment(Finess.parse("750100125")).orElseThrow();
        assertThat(pitie.legalEntity()).isEqualTo(ej.finess());
        assertThat(pitie.categoryCode()).isEqualTo("101");
        assertThat(pitie.categoryLabel()).isEqualTo("Centre Hospitalier Régional (C.H.R.)");
        assertThat(pitie.openingDate()).contains(LocalDate.of(1970, 1, 1));
        assertThat(pitie.active()).isTrue();
        assertThat(r.directory().establishment(Finess.parse("010780195")).orElseThrow().active()).isFalse();
        assertThat(r.sources().get(0).legalEntities()).isEqualTo(1);
        assertThat(r.sources().get(0).establishments()).isEqualTo(2);
    }

    @Test
    void readsTheExampleSpellingWithBareCodes() throws IOException {
        LoadResult r = load(EXAMPLE_SPELLING);
        assertThat(r.rejections()).isEmpty();
        LegalEntity ej = r.directory().legalEntity(Finess.parse("010780054")).orElseThrow();
        assertThat(ej.status()).isEqualTo(LegalStatus.PRIVATE);
        Establishment eg = r.directory().establishment(Finess.parse("260100045")).orElseThrow();
        assertThat(eg.categoryCode()).isEqualTo("365");
        assertThat(eg.active()).isFalse();
    }

    @Test
    void rejectsARecordWithoutEjFinessAndKeepsTheOthers() throws IOException {
        LoadResult r = load("""
                {"pmej": [
                  {"numFinessPm": "12345", "ege": [{"numFinessEge": "750100125"}]},
                  {"numFinessPm": "750712184", "ege": [{"numFinessEge": "bad"}, {"numFinessEge": "010780195"}]},
                  "not an object"
                ]}
                """);
        assertThat(r.rejections()).extracting(Rejection::line).containsExactly(2L, 3L, 4L);
        assertThat(r.rejections().get(0).reason()).contains("numFinessPm").contains("1 EG");
        assertThat(r.rejections().get(1).reason()).contains("numFinessEge").contains("EG n° 1");
        assertThat(r.directory().establishmentCount()).isEqualTo(1);
        assertThat(r.directory().legalEntityCount()).isEqualTo(1);
    }

    @Test
    void aSyntaxErrorIsRejectedWithLineAndColumnAndKeepsWhatCameBefore() throws IOException {
        LoadResult r = load("{\"pmej\": [\n {\"numFinessPm\": \"750712184\"},\n {\"numFinessPm\": \"010780054\",}\n]}");
        assertThat(r.directory().legalEntityCount()).isEqualTo(1);
        assertThat(r.rejections()).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(3);
            assertThat(x.reason()).contains("JSON mal formé").contains("ligne 3, colonne");
        });
    }

    @Test
    void aDocumentWithoutPmejIsReported() throws IOException {
        LoadResult r = load("{\"entries\": []}");
        assertThat(r.rejections()).singleElement().satisfies(x -> assertThat(x.reason()).contains("pmej"));
    }

    @Test
    void aTopLevelArrayIsReadAsTheListOfPmej() throws IOException {
        LoadResult r = load("[{\"numFinessPm\": \"750712184\", \"ege\": [{\"numFinessEge\": \"750100125\"}]}]");
        assertThat(r.rejections()).isEmpty();
        assertThat(r.directory().legalEntityOf(Finess.parse("750100125"))).contains(Finess.parse("750712184"));
    }

    @Test
    void deepNestingStopsAtTheLimit() throws IOException {
        LoadResult r = load("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}");
        assertThat(r.rejections()).singleElement().satisfies(x -> assertThat(x.reason()).contains("imbrication"));
    }
}
