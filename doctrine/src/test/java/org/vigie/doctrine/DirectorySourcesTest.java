package org.vigie.doctrine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigie.core.Finess;
import org.vigie.core.InMemoryStructureDirectory;
import org.vigie.core.LegalStatus;
import org.vigie.core.StructureDirectory;
import org.vigie.core.StructureId;
import org.vigie.core.StructureDirectory.Resolution;
import org.vigie.doctrine.deployment.Coverage;
import org.vigie.doctrine.deployment.DeployedCertificate;
import org.vigie.doctrine.deployment.Deployment;
import org.vigie.doctrine.deployment.DeploymentAnalyzer;
import org.vigie.doctrine.deployment.EstablishmentStatus;
import org.vigie.doctrine.deployment.Inventory;
import org.vigie.doctrine.CertificateDoctrine;
import org.vigie.doctrine.Corridor;
import org.vigie.doctrine.DoctrineResult;
import org.vigie.doctrine.DoctrineRule;
import org.vigie.doctrine.Member;
import org.vigie.doctrine.Organisation;
import org.vigie.doctrine.OrganisationException;
import org.vigie.doctrine.PlannedCertificate.HolderKind;
import org.vigie.core.finess.FinessFormat;
import org.vigie.core.finess.FinessLoader;
import org.vigie.core.finess.LoadResult;

/**
 * The directory's one resolution, the doctrine's completion of a member and the deployment dashboard's attachment of
 * certificates, on a directory loaded from each FINESS file alone and from all three. The files are written out
 * below by hand as the real formats are (DOMAIN §8): the etalab EG extract in ISO-8859-1 with its metadata line,
 * {@code structureet} lines of 32 fields, {@code geolocalisation} lines and no EJ record; the EJ extract; the JSON
 * feed in the ANS schema spelling, with closed EGs. (The doctrine module cannot use the test kit, which depends on it; the same
 * directory is written by {@code org.vigie.testkit.FinessFiles} for the other modules.)
 */
class DirectorySourcesTest {

    static final Finess CH = Finess.parse("210001004");          // public EJ (13)
    static final Finess CH_SITE = Finess.parse("210001012");     // open EG of CH, 355
    static final Finess CH_EHPAD = Finess.parse("210001020");    // open EG of CH, 500
    static final Finess CH_CLOSED = Finess.parse("210001038");   // closed EG of CH (JSON only)
    static final Finess CLINIC = Finess.parse("690002001");      // private EJ (73)
    static final Finess CLOSED_EJ = Finess.parse("330003005");   // EJ whose only EG is closed
    static final Finess CLOSED_EJ_SITE = Finess.parse("330003013");

    static final String ETALAB = """
            finess;etalab;98;2026-02-15
            structureet;210001012;210001004;CH DE L'ÉTANG;CENTRE HOSPITALIER DE L'ÉTANG - SITE PRINCIPAL;;;12;R;DE LA RÉPUBLIQUE;;BP 42;231;21;CÔTE-D'OR;21000 DIJON;0380000000;;355;Centre Hospitalier (C.H.);1102;Centres Hospitaliers;;8610Z;03;;1;Etablissement public de santé;1975-01-01;1975-01-01;2025-11-03;
            structureet;210001020;210001004;EHPAD LES CHÊNES;EHPAD LES CHÊNES;;;12;R;DE LA RÉPUBLIQUE;;BP 42;231;21;CÔTE-D'OR;21000 DIJON;0380000000;;500;Etablissement d'hébergement pour personnes âgées dépendantes;4401;Etablissements et Services pour Personnes Agées;;8610Z;03;;;;1975-01-01;1975-01-01;2025-11-03;
            structureet;690002019;690002001;CLINIQUE DES SAULES;CLINIQUE DES SAULES;;;12;R;DE LA RÉPUBLIQUE;;BP 42;231;69;RHÔNE;69003 LYON;0380000000;;365;Etablissement de Soins Pluridisciplinaire;1110;Autres Etablissements de Soins;;8610Z;03;;;;1975-01-01;1975-01-01;2025-11-03;
            geolocalisation;210001012;851000.4;6701000.7;1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93;2025-11-03
            geolocalisation;210001020;852000.4;6702000.7;1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93;2025-11-03
            geolocalisation;690002019;842000.1;6519000.2;1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93;2025-11-03
            """;

    static final String EJ_EXTRACT = """
            nofinessej;rs;siren;statutjuridique
            210001004;CENTRE HOSPITALIER DE L'ÉTANG;262100019;13
            690002001;SAS CLINIQUE DES SAULES;;73
            330003005;ASSOCIATION DU MANOIR (DISSOUTE);;61
            """;

    static final String JSON = """
            {"meta": {"date": "2026-02-15"},
             "pmej": [
              {"informationsGeneralesPmej": {"numFinessPm": "210001004", "raisonSociale": "CENTRE HOSPITALIER DE L'ÉTANG",
                 "siren": "262100019", "statutJuridique": {"code": "13", "system": "https://mos.esante.gouv.fr/NOS/TRE_R400"}},
               "ege": [
                {"informationsGeneralesEge": {"numFinessEge": "210001012", "raisonSociale": "CH DE L'ÉTANG",
                   "categorieEntiteGeographiqueExercice": {"code": "355", "system": "TRE_R66"}, "departement": "21",
                   "dateOuverture": "1975-01-01", "etatObjet": "ACTIF"}},
                {"informationsGeneralesEge": {"numFinessEge": "210001020", "raisonSociale": "EHPAD LES CHÊNES",
                   "categorieEntiteGeographiqueExercice": {"code": "500"}, "departement": "21", "etatObjet": "ACTIF"}},
                {"informationsGeneralesEge": {"numFinessEge": "210001038", "raisonSociale": "ANCIENNE MATERNITÉ",
                   "categorieEntiteGeographiqueExercice": {"code": "355"}, "departement": "21",
                   "dateFermeture": "2024-06-30", "etatObjet": "FERME"}}]},
              {"informationsGeneralesPmej": {"numFinessPm": "690002001", "raisonSociale": "SAS CLINIQUE DES SAULES",
                 "statutJuridique": {"code": "73"}},
               "ege": [
                {"informationsGeneralesEge": {"numFinessEge": "690002019", "raisonSociale": "CLINIQUE DES SAULES",
                   "categorieEntiteGeographiqueExercice": {"code": "365"}, "departement": "69", "etatObjet": "ACTIF"}}]},
              {"informationsGeneralesPmej": {"numFinessPm": "330003005", "raisonSociale": "ASSOCIATION DU MANOIR (DISSOUTE)",
                 "statutJuridique": {"code": "61"}},
               "ege": [
                {"informationsGeneralesEge": {"numFinessEge": "330003013", "raisonSociale": "MAISON DU MANOIR",
                   "categorieEntiteGeographiqueExercice": {"code": "500"}, "departement": "33",
                   "dateFermeture": "2023-12-31", "etatObjet": "FERME"}}]}
             ]}
            """;

    enum File {
        ETALAB_EG(DirectorySourcesTest.ETALAB.getBytes(StandardCharsets.ISO_8859_1)),
        EJ(EJ_EXTRACT.getBytes(StandardCharsets.UTF_8)),
        JSON_FEED(DirectorySourcesTest.JSON.getBytes(StandardCharsets.UTF_8));

        final byte[] bytes;

        File(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    enum Load {
        ETALAB_ONLY(EnumSet.of(File.ETALAB_EG)),
        EJ_ONLY(EnumSet.of(File.EJ)),
        JSON_ONLY(EnumSet.of(File.JSON_FEED)),
        ALL(EnumSet.allOf(File.class));

        final Set<File> files;

        Load(Set<File> files) {
            this.files = files;
        }

        InMemoryStructureDirectory directory() {
            FinessLoader l = new FinessLoader();
            try {
                for (File f : files) {
                    l.load(f.name(), new ByteArrayInputStream(f.bytes), FinessFormat.detect(f.bytes, f.bytes.length));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LoadResult r = l.result();
            // with all three, the EGs of the JSON feed already read from the etalab extract are reported duplicates
            assertThat(r.rejections()).allSatisfy(x -> assertThat(x.reason()).contains("en double"));
            assertThat(r.rejectionCount()).isEqualTo(this == ALL ? 3 : 0);
            if (files.contains(File.ETALAB_EG)) {
                assertThat(r.sources().get(0).geolocations()).isEqualTo(3);
                assertThat(r.sources().get(0).encoding()).isEqualTo("ISO-8859-1");
            }
            return r.directory();
        }

        boolean egs() {
            return this != EJ_ONLY;
        }

        boolean records() {
            return this != ETALAB_ONLY;
        }

        boolean closedEgs() {
            return files.contains(File.JSON_FEED);
        }
    }

    static Resolution resolve(StructureDirectory d, Finess f) {
        return d.resolve(StructureId.ofFiness(f));
    }

    @ParameterizedTest
    @EnumSource(Load.class)
    void theEjIsAKnownLegalEntityFromEitherItsRecordOrItsEgs(Load load) {
        InMemoryStructureDirectory d = load.directory();
        Resolution r = resolve(d, CH);
        assertThat(r.known()).isTrue();
        assertThat(r).isInstanceOfSatisfying(Resolution.AsLegalEntity.class, ej -> {
            assertThat(ej.hasRecord()).isEqualTo(load.records());
            assertThat(ej.closed()).isFalse();
            assertThat(ej.legalEntity().finess()).isEqualTo(CH);
            assertThat(ej.legalEntity().status()).isEqualTo(load.records() ? LegalStatus.PUBLIC : LegalStatus.UNKNOWN);
            assertThat(ej.legalEntity().name()).isEqualTo(load.records() ? "CENTRE HOSPITALIER DE L'ÉTANG" : "");
        });
        assertThat(r.legalEntityFiness()).contains(CH);
        // legalEntity(Finess) stays the lookup of EJ records
        assertThat(d.legalEntity(CH).isPresent()).isEqualTo(load.records());
        assertThat(d.establishmentsOf(CH)).hasSize(load.egs() ? (load.closedEgs() ? 3 : 2) : 0);
    }

    @ParameterizedTest
    @EnumSource(Load.class)
    void egsAreKnownFromTheFilesThatCarryThem(Load load) {
        InMemoryStructureDirectory d = load.directory();
        Resolution site = resolve(d, CH_SITE);
        assertThat(site.known()).isEqualTo(load.egs());
        if (load.egs()) {
            assertThat(site).isInstanceOf(Resolution.AsEstablishment.class);
            assertThat(site.legalEntityFiness()).contains(CH);
            assertThat(site.closed()).isFalse();
            // Latin-1 read as such
            assertThat(d.establishment(CH_EHPAD).orElseThrow().name()).isEqualTo("EHPAD LES CHÊNES");
        }
        Resolution closed = resolve(d, CH_CLOSED);
        assertThat(closed.known()).isEqualTo(load.closedEgs());
        assertThat(closed.closed()).isEqualTo(load.closedEgs());
    }

    @ParameterizedTest
    @EnumSource(Load.class)
    void anEjWhoseEgsAreAllClosedIsClosed(Load load) {
        Resolution r = resolve(load.directory(), CLOSED_EJ);
        switch (load) {
            case ETALAB_ONLY -> assertThat(r.known()).as("its only EG is closed: not in the EG extract").isFalse();
            case EJ_ONLY -> {
                assertThat(r.known()).isTrue();
                assertThat(r.closed()).as("a record and no EG: nothing says it is closed").isFalse();
            }
            default -> {
                assertThat(r).isInstanceOf(Resolution.AsLegalEntity.class);
                assertThat(r.closed()).isTrue();
            }
        }
        assertThat(resolve(load.directory(), CLINIC).closed()).isFalse();
    }

    // ------------------------------------------------------------------------------------------------ doctrine

    static Organisation hospital(Finess ej) {
        return Organisation.builder("GH").member(Member.of(ej, "", Corridor.HOSPITAL, LegalStatus.UNKNOWN, List.of()))
                .build();
    }

    @ParameterizedTest
    @EnumSource(Load.class)
    void theDoctrineCompletesTheMemberFromTheSameResolution(Load load) {
        // 2022-08-01: a public ES may hold its EJ certificate, a private one (or one of unknown statut) not yet
        LocalDate day = LocalDate.of(2022, 8, 1);
        CertificateDoctrine doctrine = CertificateDoctrine.builder().directory(load.directory()).build();
        if (!load.egs()) {
            assertThatThrownBy(() -> doctrine.evaluate(hospital(CH), day)).isInstanceOf(OrganisationException.class)
                    .hasMessageContaining("aucun EG");
            return;
        }
        DoctrineResult r = doctrine.evaluate(hospital(CH), day);
        Member m = r.organisation().members().get(0);
        assertThat(m.sites()).extracting(s -> s.finess()).containsExactly(CH_SITE, CH_EHPAD);
        assertThat(m.status()).isEqualTo(load.records() ? LegalStatus.PUBLIC : LegalStatus.UNKNOWN);
        if (load.records()) {
            assertThat(r.plan().certificates()).filteredOn(p -> !p.insi()).singleElement().satisfies(p -> {
                assertThat(p.holderKind()).isEqualTo(HolderKind.FINESS_EJ);
                assertThat(p.mainRule()).isEqualTo(DoctrineRule.PUBLIC_ES_EJ);
            });
        } else {
            // without the EJ extract the statut is lost: treated as a private ES, EG certificates before 2022-10-01
            assertThat(r.plan().notes()).anySatisfy(n -> assertThat(n).contains("statut juridique inconnu"));
            assertThat(r.plan().certificates()).filteredOn(p -> !p.insi())
                    .allSatisfy(p -> assertThat(p.holderKind()).isEqualTo(HolderKind.FINESS_EG));
        }
    }

    @ParameterizedTest
    @EnumSource(Load.class)
    void theDoctrineGivesAClosedEjNoSite(Load load) {
        CertificateDoctrine doctrine = CertificateDoctrine.builder().directory(load.directory()).build();
        assertThatThrownBy(() -> doctrine.evaluate(hospital(CLOSED_EJ), LocalDate.of(2026, 6, 1)))
                .isInstanceOf(OrganisationException.class).hasMessageContaining("aucun EG")
                .hasMessageContaining(load.closedEgs() ? "(EJ fermée)" : "ni dans le fichier ni dans le répertoire");
    }

    // ------------------------------------------------------------------------------------------------ deployment

    static DeployedCertificate cert(Finess holder, String serial) {
        return new DeployedCertificate(StructureId.ofFiness(holder), "DMP " + holder, serial,
                Optional.of(LocalDate.of(2028, 1, 1)), Set.of(), "", "AUTH", "inv.csv:" + serial);
    }

    @ParameterizedTest
    @EnumSource(Load.class)
    void theDashboardAttachesAnEjCertificateThroughTheSameResolution(Load load) {
        Inventory inv = Inventory.of(List.of(cert(CH, "1"), cert(CLOSED_EJ, "2"), cert(CLINIC, "3")));
        Deployment dep = DeploymentAnalyzer.builder().directory(load.directory()).build()
                .analyze(inv, LocalDate.of(2026, 11, 28));
        Map<String, String> unmatched = dep.unmatched().stream()
                .collect(Collectors.toMap(u -> u.certificate().serial(), u -> u.reason()));
        if (!load.egs()) {
            // the EJ extract alone lists no EG: no establishment to count, every certificate unmatched
            assertThat(dep.establishments()).isEmpty();
            assertThat(unmatched).containsOnlyKeys("1", "2", "3")
                    .allSatisfy((k, v) -> assertThat(v).contains("sans EG ouvert"));
            return;
        }
        Map<Finess, EstablishmentStatus> eg = dep.establishments().stream()
                .collect(Collectors.toMap(s -> s.establishment().finess(), s -> s));
        assertThat(eg).containsOnlyKeys(CH_SITE, CH_EHPAD, Finess.parse("690002019"));
        assertThat(eg.get(CH_SITE).coverage()).isEqualTo(Coverage.LEGAL_ENTITY);
        assertThat(eg.get(CH_EHPAD).coverage()).isEqualTo(Coverage.LEGAL_ENTITY);
        assertThat(eg.get(Finess.parse("690002019")).coverage()).isEqualTo(Coverage.LEGAL_ENTITY);
        assertThat(dep.total().coveredByLegalEntity()).isEqualTo(3);
        assertThat(unmatched).containsOnlyKeys("2");
        assertThat(unmatched.get("2")).contains(load.closedEgs() ? "sans EG ouvert" : "inconnu du répertoire");
    }
}
