package org.vigie.core.finess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigie.core.Finess;
import org.vigie.core.LegalEntity;
import org.vigie.core.LegalStatus;

class LegalEntityExtractReaderTest {

    static LoadResult load(String text) throws IOException {
        FinessLoader l = new FinessLoader();
        l.load("ej.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), FinessFormat.EJ_EXTRACT);
        return l.result();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "750712184;AP-HP;267500452;13",
        "nofinessej;rs;siren;statutjuridique\n750712184;AP-HP;267500452;13",
        "Statut juridique,SIREN,Raison sociale,FINESS EJ\n13,267500452,AP-HP,750712184",
        "finess\tnom\tsiren\tstatut\n750712184\tAP-HP\t267500452\t13",
        "\"750712184\";\"AP-HP\";\"267500452\";\"13\"",
    })
    void readsTheAcceptedLayouts(String text) throws IOException {
        LoadResult r = load(text);
        assertThat(r.rejections()).isEmpty();
        LegalEntity ej = r.directory().legalEntity(Finess.parse("750712184")).orElseThrow();
        assertThat(ej.name()).isEqualTo("AP-HP");
        assertThat(ej.siren()).map(Object::toString).contains("267500452");
        assertThat(ej.statutCode()).isEqualTo("13");
        assertThat(ej.status()).isEqualTo(LegalStatus.PUBLIC);
    }

    @Test
    void separatorsInsideQuotesDoNotDecideTheSeparator() throws IOException {
        // three ';' inside quotes, two ',' outside: the former copy counted the quoted ones and split on ';'
        LoadResult r = load("finess ej,rs,\"note; a; b; c\"\n750712184,AP-HP,\"x; y\"\n");
        assertThat(r.rejections()).isEmpty();
        assertThat(r.directory().legalEntity(Finess.parse("750712184")).orElseThrow().name()).isEqualTo("AP-HP");
    }

    @Test
    void onlyTheFinessIsRequired() throws IOException {
        LoadResult r = load("750712184\n010780054;\"CLINIQUE \"\"LE PARC\"\", SA\"\n");
        assertThat(r.rejections()).isEmpty();
        assertThat(r.directory().legalEntity(Finess.parse("750712184")).orElseThrow().status())
                .isEqualTo(LegalStatus.UNKNOWN);
        assertThat(r.directory().legalEntity(Finess.parse("010780054")).orElseThrow().name())
                .isEqualTo("CLINIQUE \"LE PARC\", SA");
    }

    @Test
    void rejectsBadLinesWithTheirNumbers() throws IOException {
        LoadResult r = load(String.join("\n",
                "nofinessej;rs;siren;statutjuridique",   // 1
                "750712184;AP-HP;267500452;13",           // 2
                "75071218;BAD;;",                         // 3 FINESS of 8
                "010780054;X;12345;47",                   // 4 SIREN malformed
                "010780195;Y;;99",                        // 5 statut outside TRE_R400
                "260100045;\"unclosed;;",                 // 6 unclosed quote
                "# comment",                              // 7 ignored
                "010000024;Z;;60"));                      // 8
        assertThat(r.rejections()).extracting(Rejection::line).containsExactly(3L, 4L, 5L, 6L);
        assertThat(r.rejections().get(1).reason()).contains("SIREN");
        assertThat(r.rejections().get(2).reason()).contains("TRE_R400");
        assertThat(r.rejections().get(3).reason()).contains("guillemet");
        assertThat(r.directory().legalEntityCount()).isEqualTo(2);
    }

    @Test
    void aHeaderWithoutFinessColumnIsReported() throws IOException {
        LoadResult r = load("rs;siren\nAP-HP;267500452\n");
        assertThat(r.rejections()).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(1);
            assertThat(x.reason()).contains("FINESS");
        });
        assertThat(r.directory().legalEntityCount()).isZero();
    }

    @Test
    void etalabLikeEjLinesGiveFinessAndName() throws IOException {
        LoadResult r = load("finess;etalab;98;2026-05-12\n"
                + "structurej;750712184;AP-HP;ASSISTANCE PUBLIQUE HOPITAUX DE PARIS;;x;y\n"
                + "structurej;7507;BAD\n");
        assertThat(r.sources().get(0).metadata()).isEqualTo("finess;etalab;98;2026-05-12");
        assertThat(r.directory().legalEntity(Finess.parse("750712184")).orElseThrow().name())
                .isEqualTo("ASSISTANCE PUBLIQUE HOPITAUX DE PARIS");
        assertThat(r.rejections()).singleElement().satisfies(x -> assertThat(x.line()).isEqualTo(3));
        byte[] head = "finess;etalab;98;2026-05-12\nstructurej;750712184;AP-HP\n".getBytes(StandardCharsets.UTF_8);
        assertThat(FinessFormat.detect(head, head.length)).isEqualTo(FinessFormat.EJ_EXTRACT);
        byte[] eg = "finess;etalab;98;2026-05-12\nstructureet;750100125;750712184\n".getBytes(StandardCharsets.UTF_8);
        assertThat(FinessFormat.detect(eg, eg.length)).isEqualTo(FinessFormat.ETALAB);
    }
}
