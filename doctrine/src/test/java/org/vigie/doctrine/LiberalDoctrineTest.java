package org.vigie.doctrine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigie.doctrine.Fixtures.*;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.core.LegalStatus;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.doctrine.PlannedCertificate.HolderKind;

/** Pharmacies, radiology, labs, town medicine. */
class LiberalDoctrineTest {

    static Organisation.Builder pharmacy() {
        return Organisation.builder("Pharmacie")
                .member(member("440000010", Corridor.PHARMACY, LegalStatus.PRIVATE, site("440000028", "620")))
                .solution(solution("lgo", "LGO"));
    }

    @ParameterizedTest(name = "pharmacy certificate under {0} → DOC-HOLDER {1}")
    @CsvSource({"1440000028, false", "1440000010, true"})
    void aPharmacyHoldsItsCertificateUnderItsEg(String holder, boolean fires) {
        DoctrineResult r = evaluate(pharmacy().certificate(dmp(holder, "lgo")).build(), NOW);
        assertThat(r.plan().certificates()).singleElement().satisfies(p -> {
            assertThat(p.holder().value()).isEqualTo("1440000028");
            assertThat(p.holderKind()).isEqualTo(HolderKind.FINESS_EG);
            assertThat(p.mainRule()).isEqualTo(DoctrineRule.PHARMACY_EG);
        });
        assertThat(r.audit().has(Rules.DOC_HOLDER)).isEqualTo(fires);
        if (!fires) {
            assertThat(r.audit().findings()).isEmpty();
        } else {
            assertThat(r.audit().has(Rules.DOC_MISSING)).isTrue();
        }
    }

    static Organisation radiology(RadiologyPractice practice, ExistingCertificate... certs) {
        Member m = new Member(Optional.empty(), "Imagerie", Corridor.RADIOLOGY, LegalStatus.PRIVATE, Optional.empty(),
                Optional.empty(), List.of(), 0, Optional.of(practice));
        Organisation.Builder b = Organisation.builder("Radiologie").member(m).solution(solution("ris", "RIS"));
        for (ExistingCertificate c : certs) {
            b.certificate(c);
        }
        return b.build();
    }

    static final RadiologyPractice COMPANY =
            new RadiologyPractice(RadiologyPractice.Situation.COMPANY, id("373282186700011"));
    static final RadiologyPractice CABINET =
            new RadiologyPractice(RadiologyPractice.Situation.CABINET, id("410001234567001"));

    @ParameterizedTest(name = "radiology {0} certificate under {1} → DOC-HOLDER {2}")
    @CsvSource({
            "COMPANY, 373282186700011, false",
            "COMPANY, 2732821867,      true",
            "COMPANY, 1440000028,      true",
            "CABINET, 410001234567001, false",
            "CABINET, 373282186700011, true",
    })
    void radiologyHoldsItsCertificateUnderSiretOrRppsRang(RadiologyPractice.Situation situation, String holder,
                                                        boolean fires) {
        RadiologyPractice practice = situation == RadiologyPractice.Situation.COMPANY ? COMPANY : CABINET;
        DoctrineResult r = evaluate(radiology(practice, dmp(holder, "ris")), NOW);
        assertThat(r.plan().certificates()).singleElement().satisfies(p -> {
            assertThat(p.holder()).isEqualTo(practice.id());
            assertThat(p.mainRule()).isEqualTo(situation == RadiologyPractice.Situation.COMPANY
                    ? DoctrineRule.RADIOLOGY_SIRET : DoctrineRule.RADIOLOGY_RPPS_RANG);
        });
        assertThat(r.audit().has(Rules.DOC_HOLDER)).isEqualTo(fires);
        if (!fires) {
            assertThat(r.audit().findings()).isEmpty();
        } else {
            assertThat(r.audit().byRule(Rules.DOC_HOLDER).get(0).message()).contains(practice.id().value());
        }
    }

    @Test
    void radiologyPracticeIdMustFitItsSituation() {
        assertThatThrownBy(() -> new RadiologyPractice(RadiologyPractice.Situation.COMPANY, id("410001234567001")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Organisation.Builder lab() {
        return Organisation.builder("Labo")
                .member(member("310000010", Corridor.LABORATORY, LegalStatus.PRIVATE, site("310000028", "611"),
                        mainSite("310000036", "611"), site("310000044", "611")))
                .solution(solution("sgl", "SGL"));
    }

    @ParameterizedTest(name = "lab certificate under {0} → DOC-HOLDER {1}")
    @CsvSource({"1310000036, false", "1310000028, true", "1310000010, true"})
    void aLabHoldsOneCertificateUnderItsMainSiteForAllSites(String holder, boolean fires) {
        DoctrineResult r = evaluate(lab().certificate(dmp(holder, "sgl")).build(), NOW);
        assertThat(r.plan().certificates()).singleElement().satisfies(p -> {
            assertThat(p.holder().value()).isEqualTo("1310000036");
            assertThat(p.covers()).hasSize(3);
            assertThat(p.mainRule()).isEqualTo(DoctrineRule.LAB_MAIN_SITE);
        });
        assertThat(r.audit().has(Rules.DOC_HOLDER)).isEqualTo(fires);
        if (!fires) {
            assertThat(r.audit().findings()).isEmpty();
        }
    }

    @Test
    void aLabWithSeveralSitesMustNameItsMainSite() {
        Organisation org = Organisation.builder("Labo")
                .member(member("310000010", Corridor.LABORATORY, LegalStatus.PRIVATE, site("310000028", "611"),
                        site("310000044", "611"))).build();
        assertThatThrownBy(() -> evaluate(org, NOW)).isInstanceOf(OrganisationException.class)
                .hasMessageContaining("members[0].sites").hasMessageContaining("site principal");
    }

    static Organisation.Builder msp(int doctors) {
        return town("603", doctors);
    }

    static Organisation.Builder town(String category, int doctors) {
        Member m = new Member(Optional.of(f("350000010")), "MSP", Corridor.TOWN_MEDICINE, LegalStatus.PRIVATE,
                Optional.empty(), Optional.empty(), List.of(site("350000028", category)), doctors, Optional.empty());
        return Organisation.builder("MSP").member(m).solution(solution("lgc", "LGC"));
    }

    @ParameterizedTest(name = "MSP / centre de santé (category {0}) certificate under {1} → DOC-HOLDER {2}")
    @CsvSource({"603, 1350000028, false", "603, 1350000010, true", "124, 1350000028, false", "124, 1350000010, true"})
    void mspsAndCentresDeSanteHoldTheirCertificateUnderTheirEg(String category, String holder, boolean fires) {
        DoctrineResult r = evaluate(town(category, 0).certificate(dmp(holder, "lgc")).build(), NOW);
        assertThat(r.plan().certificates()).singleElement()
                .satisfies(p -> assertThat(p.mainRule()).isEqualTo(DoctrineRule.TOWN_EG));
        assertThat(r.audit().has(Rules.DOC_HOLDER)).isEqualTo(fires);
        if (!fires) {
            assertThat(r.audit().findings()).isEmpty();
        }
    }

    @Test
    void townDoctorsUseTheirCpsCards() {
        DoctrineResult none = evaluate(msp(0).certificate(dmp("1350000028", "lgc")).build(), NOW);
        assertThat(none.audit().has(Rules.DOC_CPS)).isFalse();

        DoctrineResult doctors = evaluate(msp(4).certificate(dmp("1350000028", "lgc")).build(), NOW);
        assertThat(doctors.audit().byRule(Rules.DOC_CPS)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("4 médecin");
        });
        assertThat(doctors.plan().notes()).anySatisfy(n -> assertThat(n).contains("CPS"));
        assertThat(doctors.plan().certificates()).hasSize(1);

        DoctrineResult cabinetCert = evaluate(msp(4).certificate(dmp("1350000028", "lgc"))
                .certificate(dmp("410001234567001")).build(), NOW);
        assertThat(cabinetCert.audit().byRule(Rules.DOC_CPS)).hasSize(2);
        assertThat(cabinetCert.audit().has(Rules.DOC_HOLDER)).isFalse();
    }
}
