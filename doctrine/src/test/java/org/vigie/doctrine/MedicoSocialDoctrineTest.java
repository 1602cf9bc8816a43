package org.vigie.doctrine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.doctrine.Fixtures.*;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.core.LegalStatus;
import org.vigie.core.Rules;
import org.vigie.doctrine.PlannedCertificate.HolderKind;

class MedicoSocialDoctrineTest {

    /** An OG with an EHPAD and a foyer (category 252). */
    static Organisation og(ExistingCertificate... certs) {
        Organisation.Builder b = Organisation.builder("OG")
                .member(member("690000010", Corridor.MEDICO_SOCIAL, LegalStatus.PRIVATE,
                        site("690000028", "500"), site("690000036", "252")))
                .solution(solution("dui", "DUI"));
        for (ExistingCertificate c : certs) {
            b.certificate(c);
        }
        return b.build();
    }

    @ParameterizedTest(name = "OG plan on {0}: EHPAD under EJ = {1}")
    @CsvSource({"2022-05-31, false", "2022-06-01, true"})
    void ehpadJoinsTheEjCertificateFromJune2022(LocalDate date, boolean ehpadUnderEj) {
        CertificatePlan plan = evaluate(og(), date).plan();
        PlannedCertificate ej = plan.certificates().stream().filter(p -> p.holderKind() == HolderKind.FINESS_EJ)
                .findFirst().orElseThrow();
        assertThat(ej.mainRule()).isEqualTo(DoctrineRule.OG_EJ);
        if (ehpadUnderEj) {
            assertThat(plan.certificates()).hasSize(1);
            assertThat(ej.covers()).extracting(f -> f.value()).containsExactly("690000028", "690000036");
            assertThat(ej.rules()).contains(DoctrineRule.EHPAD_EJ);
        } else {
            assertThat(ej.covers()).extracting(f -> f.value()).containsExactly("690000036");
            assertThat(plan.certificates()).anySatisfy(p -> {
                assertThat(p.holder().value()).isEqualTo("1690000028");
                assertThat(p.rules()).containsExactly(DoctrineRule.EG_BEFORE_EJ, DoctrineRule.OG_EJ, DoctrineRule.EHPAD_EJ);
            });
        }
    }

    @ParameterizedTest(name = "OG EJ certificate covering an EHPAD on {0} → DOC-EJ-NOT-YET {1}")
    @CsvSource({"2022-05-31, true", "2022-06-01, false"})
    void ejCertificateCoveringAnEhpadBeforeJuneIsReported(LocalDate date, boolean fires) {
        DoctrineResult r = evaluate(og(dmp("1690000010", "dui")), date);
        assertThat(r.audit().has(Rules.DOC_EJ_NOT_YET)).isEqualTo(fires);
        if (fires) {
            assertThat(r.audit().byRule(Rules.DOC_EJ_NOT_YET).get(0).message()).contains("690000028 (EHPAD : à partir du 01/06/2022)")
                    .doesNotContain("690000036");
        } else {
            assertThat(r.audit().findings()).isEmpty();
        }
    }

    @Test
    void ogPlanRemindsThatTheEgGoesInTheDmpMetadata() {
        CertificatePlan plan = evaluate(og(), NOW).plan();
        assertThat(plan.certificates().get(0).notes()).anySatisfy(n -> assertThat(n).contains("FINESS EG"));
    }

    @Test
    void essmsEgCertificatesAreKeptUntilRenewal() {
        DoctrineResult r = evaluate(og(dmp("1690000028", "dui"), dmp("1690000036", "dui")), NOW);
        assertThat(r.plan().kept()).hasSize(2);
        assertThat(r.plan().toOrder()).isEmpty();
        assertThat(r.audit().rulesFired()).containsExactly(Rules.DOC_EG_LEGACY.id());
        assertThat(r.plan().kept().get(0).notes()).anySatisfy(n -> assertThat(n).contains("FINESS EG"));
    }
}
