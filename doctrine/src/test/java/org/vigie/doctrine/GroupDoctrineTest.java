package org.vigie.doctrine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.doctrine.Fixtures.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigie.core.LegalStatus;
import org.vigie.core.Rules;
import org.vigie.doctrine.PlannedCertificate.HolderKind;

/** Groups (GHT, clinics, OG) and information systems: one certificate per EJ, one per solution. */
class GroupDoctrineTest {

    /** A GHT of three public EJs with one shared DPI. */
    static Organisation.Builder ght() {
        return Organisation.builder("GHT")
                .group(GroupKind.GHT, id("1770000017"))
                .member(member("770000010", Corridor.HOSPITAL, LegalStatus.PUBLIC, site("770000028", "355"),
                        site("770000036", "106")))
                .member(member("770000044", Corridor.HOSPITAL, LegalStatus.PUBLIC, site("770000051", "355")))
                .member(member("770000069", Corridor.HOSPITAL, LegalStatus.PUBLIC, site("770000077", "292")))
                .solution(solution("dpi-commun", "DPI"));
    }

    @Test
    void aGhtPlansOneCertificatePerEjInTheSharedSi() {
        CertificatePlan plan = evaluate(ght().build(), NOW).plan();
        assertThat(plan.certificates()).extracting(p -> p.holder().value())
                .containsExactly("1770000010", "1770000044", "1770000069");
        assertThat(plan.certificates()).allSatisfy(p -> {
            assertThat(p.rules()).contains(DoctrineRule.ONE_PER_EJ);
            assertThat(p.solutions()).containsExactly("dpi-commun");
            assertThat(p.notes()).anySatisfy(n -> assertThat(n).contains("SI commun"));
        });
    }

    @Test
    void aGhtWithOneCertificatePerEjInTheSharedSiIsCompliant() {
        Organisation org = ght().certificate(dmp("1770000010", "dpi-commun"))
                .certificate(dmp("1770000044", "dpi-commun")).certificate(dmp("1770000069", "dpi-commun")).build();
        assertThat(evaluate(org, NOW).audit().findings()).isEmpty();
    }

    @Test
    void aGhtWithASingleCertificateInTheSharedSiBreaksOnePerEj() {
        DoctrineResult r = evaluate(ght().certificate(dmp("1770000010", "dpi-commun")).build(), NOW);
        assertThat(r.audit().byRule(Rules.DOC_ONE_PER_EJ)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("3 entités juridiques"));
        assertThat(r.audit().byRule(Rules.DOC_MISSING)).hasSize(2);
        assertThat(r.audit().accepted()).isFalse();
    }

    @Test
    void aSharedSiHoldingSeveralEjsCertificatesOnlyMissesTheOthers() {
        DoctrineResult r = evaluate(ght().certificate(dmp("1770000010", "dpi-commun"))
                .certificate(dmp("1770000044", "dpi-commun")).build(), NOW);
        assertThat(r.audit().rulesFired()).containsExactly(Rules.DOC_MISSING.id());
        assertThat(r.audit().findings()).singleElement()
                .satisfies(f -> assertThat(f.evidence()).isEqualTo("1770000069"));
    }

    @Test
    void aCertificateUnderTheGroupsOwnIdIsTheWrongHolder() {
        DoctrineResult r = evaluate(ght().certificate(dmp("1770000017", "dpi-commun")).build(), NOW);
        assertThat(r.audit().byRule(Rules.DOC_HOLDER)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("GHT").contains("1770000017"));
        assertThat(r.audit().has(Rules.DOC_ONE_PER_EJ)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = GroupKind.class, names = {"CLINIC_GROUP", "OG_GROUP"})
    void aCertificateDeclaredForTwoEjsOfAGroupBreaksOnePerEj(GroupKind kind) {
        Corridor corridor = kind == GroupKind.OG_GROUP ? Corridor.MEDICO_SOCIAL : Corridor.HOSPITAL;
        Organisation.Builder b = Organisation.builder("Groupe").group(kind, null)
                .member(member("330000010", corridor, LegalStatus.PRIVATE, site("330000028", "365")))
                .member(member("330000036", corridor, LegalStatus.PRIVATE, site("330000044", "365")));
        Organisation shared = b.certificate(covering("1330000010", "330000010", "330000036")).build();
        DoctrineResult r = evaluate(shared, NOW);
        assertThat(r.audit().byRule(Rules.DOC_ONE_PER_EJ)).hasSize(1);
        assertThat(r.plan().certificates()).hasSize(2)
                .allSatisfy(p -> assertThat(p.holderKind()).isEqualTo(HolderKind.FINESS_EJ));

        Organisation own = b.certificates(java.util.List.of(dmp("1330000010"), dmp("1330000036"))).build();
        assertThat(evaluate(own, NOW).audit().findings()).isEmpty();
    }

    @Test
    void duplicateIdsInTheDescriptionAreUnusable() {
        Member a = member("330000010", Corridor.HOSPITAL, LegalStatus.PRIVATE, site("330000028", "365"));
        Member sameSite = member("330000036", Corridor.HOSPITAL, LegalStatus.PRIVATE, site("330000028", "365"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Organisation.builder("G").member(a).member(a).build())
                .isInstanceOf(OrganisationException.class).hasMessageContaining("members[1]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Organisation.builder("G").member(a).member(sameSite)
                .build()).isInstanceOf(OrganisationException.class).hasMessageContaining("members[1].sites[0]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Organisation.builder("G").member(a)
                .solution(solution("dpi", "DPI")).solution(solution("dpi", "DUI")).build())
                .isInstanceOf(OrganisationException.class).hasMessageContaining("solutions[1]");
    }

    /** An EJ whose EGs run two different solutions (DPI on one, DUI on the other). */
    static Organisation.Builder twoSolutions(Boolean unified) {
        Member m = unified == null
                ? member("590000010", Corridor.HOSPITAL, LegalStatus.PUBLIC, site("590000028", "355"), site("590000036", "500"))
                : member("590000010", Corridor.HOSPITAL, LegalStatus.PUBLIC, unified, site("590000028", "355"),
                        site("590000036", "500"));
        return Organisation.builder("CH").member(m)
                .solution(solution("dpi", "DPI", "590000028"))
                .solution(solution("dui", "DUI", "590000036"));
    }

    @Test
    void anEjWithoutUnifiedSiPlansOneCertificatePerSolution() {
        CertificatePlan plan = evaluate(twoSolutions(null).build(), NOW).plan();
        assertThat(plan.certificates()).hasSize(2).allSatisfy(p -> {
            assertThat(p.holder().value()).isEqualTo("1590000010");
            assertThat(p.rules()).contains(DoctrineRule.PER_SOLUTION);
            assertThat(p.solutions()).hasSize(1);
        });
        assertThat(evaluate(twoSolutions(true).build(), NOW).plan().certificates()).singleElement()
                .satisfies(p -> assertThat(p.solutions()).containsExactly("dpi", "dui"));
    }

    @Test
    void oneCertificateSharedByTheSolutionsOfANonUnifiedSiIsReported() {
        DoctrineResult shared = evaluate(twoSolutions(false).certificate(dmp("1590000010", "dpi", "dui")).build(), NOW);
        assertThat(shared.audit().rulesFired()).containsExactly(Rules.DOC_SI_PER_SOLUTION.id());

        DoctrineResult perSolution = evaluate(twoSolutions(false).certificate(dmp("1590000010", "dpi"))
                .certificate(dmp("1590000010", "dui")).build(), NOW);
        assertThat(perSolution.audit().findings()).isEmpty();

        DoctrineResult unified = evaluate(twoSolutions(true).certificate(dmp("1590000010", "dpi", "dui")).build(), NOW);
        assertThat(unified.audit().findings()).isEmpty();
    }
}
