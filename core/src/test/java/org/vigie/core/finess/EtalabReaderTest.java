package org.vigie.core.finess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.vigie.core.Establishment;
import org.vigie.core.Finess;
import org.vigie.core.InMemoryStructureDirectory;

class EtalabReaderTest {

    static final String META = "finess;etalab;98;2026-05-12";

    /** A structureet line of 32 fields. */
    static String eg(String eg, String ej, String name, String cat) {
        String[] f = new String[32];
        Arrays.fill(f, "");
        f[0] = "structureet";
        f[1] = eg;
        f[2] = ej;
        f[3] = name;
        f[4] = name + " LONG";
        f[13] = "75";
        f[14] = "PARIS";
        f[18] = cat;
        f[19] = "Centre Hospitalier (C.H.)";
        f[20] = "1102";
        f[22] = "26750045200016";
        f[28] = "1990-03-01";
        return String.join(";", f);
    }

    static String geo(String eg) {
        return "geolocalisation;" + eg + ";652000.1;6862000.2;1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93;2026-05-12";
    }

    static LoadResult load(String text, Charset cs) throws IOException {
        FinessLoader l = new FinessLoader();
        l.load("t.csv", new ByteArrayInputStream(text.getBytes(cs)), FinessFormat.ETALAB);
        return l.result();
    }

    @Test
    void loadsStructureetLinesAndCountsGeolocalisationLines() throws IOException {
        LoadResult r = load(String.join("\n", META, eg("750100125", "750712184", "HOPITAL A", "355"),
                eg("010780195", "750712184", "HOPITAL B", "101"), geo("750100125"), geo("010780195")) + "\n",
                StandardCharsets.UTF_8);
        assertThat(r.rejections()).isEmpty();
        InMemoryStructureDirectory d = r.directory();
        assertThat(d.establishmentCount()).isEqualTo(2);
        Establishment e = d.establishment(Finess.parse("750100125")).orElseThrow();
        assertThat(e.legalEntity()).isEqualTo(Finess.parse("750712184"));
        assertThat(e.name()).isEqualTo("HOPITAL A LONG");
        assertThat(e.categoryCode()).isEqualTo("355");
        assertThat(e.aggregateCode()).isEqualTo("1102");
        assertThat(e.departement()).isEqualTo("75");
        assertThat(e.siret()).map(Object::toString).contains("26750045200016");
        assertThat(e.openingDate()).contains(LocalDate.of(1990, 3, 1));
        assertThat(e.active()).isTrue();
        assertThat(d.establishmentsOf(Finess.parse("750712184"))).hasSize(2);
        SourceSummary s = r.sources().get(0);
        assertThat(s.geolocations()).isEqualTo(2);
        assertThat(s.establishments()).isEqualTo(2);
        assertThat(s.metadata()).isEqualTo(META);
        assertThat(s.lines()).isEqualTo(5);
    }

    @Test
    void detectsLatin1AndUtf8() throws IOException {
        String text = META + "\n" + eg("750100125", "750712184", "HÔPITAL ÉTOILE", "355") + "\r\n";
        LoadResult latin = load(text, StandardCharsets.ISO_8859_1);
        LoadResult utf8 = load(text, StandardCharsets.UTF_8);
        assertThat(latin.sources().get(0).encoding()).isEqualTo("ISO-8859-1");
        assertThat(utf8.sources().get(0).encoding()).isEqualTo("UTF-8");
        assertThat(latin.directory().establishment(Finess.parse("750100125")).orElseThrow().name())
                .isEqualTo("HÔPITAL ÉTOILE LONG");
        assertThat(utf8.directory().establishment(Finess.parse("750100125")).orElseThrow().name())
                .isEqualTo("HÔPITAL ÉTOILE LONG");
    }

    @Test
    void readsTheWindows1252CharactersOfANonUtf8Extract() throws IOException {
        // the public extract is single-byte; names such as « ŒUVRE » or « D’ » use bytes 0x80-0x9F of Windows-1252,
        // which ISO-8859-1 reads as control characters
        String text = META + "\n" + eg("750100125", "750712184", "ŒUVRE D’ACCUEIL", "355") + "\n";
        LoadResult r = load(text, Charset.forName("windows-1252"));
        assertThat(r.rejections()).isEmpty();
        assertThat(r.sources().get(0).encoding()).isEqualTo("Windows-1252");
        assertThat(r.directory().establishment(Finess.parse("750100125")).orElseThrow().name())
                .isEqualTo("ŒUVRE D’ACCUEIL LONG");
    }

    @Test
    void rejectsEachBadLineWithItsNumberAndReasonAndLoadsTheRest() throws IOException {
        String good = eg("750100125", "750712184", "A", "355");
        String text = String.join("\n",
                META,                                                     // 1
                good,                                                     // 2
                good.substring(0, good.lastIndexOf(';')),                 // 3: 31 fields
                eg("75010012", "750712184", "B", "355"),                  // 4: EG FINESS of 8 characters
                eg("010780195", "", "C", "355"),                          // 5: EJ FINESS missing
                "structurexx;1;2",                                        // 6: unknown type
                "geolocalisation;750100125;1;2",                          // 7: 4 fields
                good,                                                     // 8: duplicate EG
                META,                                                     // 9: metadata again
                "",                                                       // 10: blank, ignored
                eg("0B0152872", "0B0152864", "TEST ANS", "620"));         // 11: test FINESS, accepted
        LoadResult r = load(text, StandardCharsets.UTF_8);
        assertThat(r.rejections()).extracting(Rejection::line).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(r.rejections().get(0).reason()).contains("31 champs au lieu de 32");
        assertThat(r.rejections().get(1).reason()).contains("FINESS EG").contains("75010012");
        assertThat(r.rejections().get(2).reason()).contains("FINESS EJ").contains("absent");
        assertThat(r.rejections().get(3).reason()).contains("type de ligne inconnu");
        assertThat(r.rejections().get(4).reason()).contains("geolocalisation de 4 champs");
        assertThat(r.rejections().get(5).reason()).contains("en double");
        assertThat(r.rejections().get(0).excerpt()).startsWith("structureet;750100125");
        assertThat(r.rejectionCount()).isEqualTo(7);
        assertThat(r.directory().establishmentCount()).isEqualTo(2);
        assertThat(r.directory().establishment(Finess.parse("0B0152872"))).isPresent();
    }

    @Test
    void aMissingMetadataLineIsReportedAndTheFirstLineStillLoaded() throws IOException {
        LoadResult r = load(eg("750100125", "750712184", "A", "355") + "\n", StandardCharsets.UTF_8);
        assertThat(r.rejections()).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(1);
            assertThat(x.reason()).contains("en-tête");
        });
        assertThat(r.directory().establishmentCount()).isEqualTo(1);
    }

    @Test
    void aLineOverTheLimitIsRejectedWithoutStoppingTheLoad() throws IOException {
        FinessLoader l = new FinessLoader(new FinessLoader.Limits(512, 10, 8, 100, 1000, 100));
        String text = META + "\n" + "structureet;" + "x".repeat(2000) + "\n" + eg("750100125", "750712184", "A", "355");
        l.load("t.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), FinessFormat.ETALAB);
        LoadResult r = l.result();
        assertThat(r.rejections()).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(2);
            assertThat(x.reason()).contains("plus longue que 512 octets");
        });
        assertThat(r.directory().establishmentCount()).isEqualTo(1);
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfRejectionsButCountsThemAll() throws IOException {
        FinessLoader l = new FinessLoader(new FinessLoader.Limits(4096, 3, 8, 100, 1000, 100));
        StringBuilder b = new StringBuilder(META).append('\n');
        for (int i = 0; i < 10; i++) {
            b.append("bad;line\n");
        }
        l.load("t.csv", new ByteArrayInputStream(b.toString().getBytes(StandardCharsets.UTF_8)), FinessFormat.ETALAB);
        assertThat(l.result().rejections()).hasSize(3);
        assertThat(l.result().rejectionCount()).isEqualTo(10);
    }

    @Test
    void formatIsDetectedFromTheFirstBytes() {
        assertThat(detect(META + "\nstructureet;...")).isEqualTo(FinessFormat.ETALAB);
        assertThat(detect("structureet;750100125;...")).isEqualTo(FinessFormat.ETALAB);
        assertThat(detect("\uFEFF  {\"pmej\": []}")).isEqualTo(FinessFormat.JSON);
        assertThat(detect("\n[ ]")).isEqualTo(FinessFormat.JSON);
        assertThat(detect("nofinessej;rs;siren;statutjuridique\n")).isEqualTo(FinessFormat.EJ_EXTRACT);
        assertThat(detect("750712184;AP-HP;267500452;13\n")).isEqualTo(FinessFormat.EJ_EXTRACT);
    }

    private static FinessFormat detect(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return FinessFormat.detect(b, b.length);
    }
}
