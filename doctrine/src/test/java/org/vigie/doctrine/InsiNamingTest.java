package org.vigie.doctrine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.doctrine.Fixtures.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigie.core.LegalStatus;
import org.vigie.core.Rules;

class InsiNamingTest {

    static Organisation.Builder ch() {
        return Organisation.builder("CH")
                .member(member("750000010", Corridor.HOSPITAL, LegalStatus.PUBLIC, site("750000028", "355")))
                .solution(insiSolution("dpi", "DPI"));
    }

    @Test
    void aSolutionCallingInsiGetsADedicatedInsiCertificateBesideTheMultiUseOne() {
        CertificatePlan plan = evaluate(ch().build(), NOW).plan();
        assertThat(plan.certificates()).hasSize(2);
        PlannedCertificate general = plan.certificates().get(0);
        PlannedCertificate insi = plan.certificates().get(1);
        assertThat(general.usages()).containsExactlyInAnyOrder(Usage.DMP, Usage.MSSANTE);
        assertThat(general.requiredCn()).isEmpty();
        assertThat(insi.usages()).containsExactly(Usage.INSI);
        assertThat(insi.requiredCn()).contains("INSI-AUTO");
        assertThat(insi.rules()).contains(DoctrineRule.INSI_NAMING);
    }

    @Test
    void aManualInsiSolutionAsksForInsiManu() {
        Solution manu = new Solution("dpi", "DPI", "", List.of(), Set.of(Usage.DMP, Usage.INSI), "INSI-MANU");
        Organisation org = Organisation.builder("CH")
                .member(member("750000010", Corridor.HOSPITAL, LegalStatus.PUBLIC, site("750000028", "355")))
                .solution(manu).build();
        assertThat(evaluate(org, NOW).plan().certificates().get(1).requiredCn()).contains("INSI-MANU");
    }

    static Stream<Arguments> insiCases() {
        return Stream.of(
                Arguments.of("dedicated INSI-AUTO certificate", "INSI-AUTO", EnumSet.of(Usage.INSI), false),
                Arguments.of("dedicated INSI-MANU certificate", "INSI-MANU", EnumSet.of(Usage.INSI), false),
                Arguments.of("multi-use certificate used for INSi", "CH DMP", EnumSet.of(Usage.DMP, Usage.INSI), true),
                Arguments.of("INSi certificate misnamed", "insi-auto", EnumSet.of(Usage.INSI), true),
                Arguments.of("INSi-named certificate reused for the DMP", "INSI-AUTO",
                        EnumSet.of(Usage.INSI, Usage.DMP), true),
                Arguments.of("INSi-named certificate used only for MSSanté", "INSI-MANU", EnumSet.of(Usage.MSSANTE), true));
    }

    @ParameterizedTest(name = "{0} → DOC-INSI-NAMING {3}")
    @MethodSource("insiCases")
    void insiNamingIsChecked(String label, String cn, Set<Usage> usages, boolean fires) {
        Organisation org = ch().certificate(dmp("1750000010", "dpi"))
                .certificate(cert("1750000010", cn, usages, FAR, "dpi")).build();
        DoctrineResult r = evaluate(org, NOW);
        assertThat(r.audit().has(Rules.DOC_INSI_NAMING)).as(label).isEqualTo(fires);
        if (!fires) {
            assertThat(r.audit().findings()).as(label).isEmpty();
        }
    }

    @Test
    void insiCertificateWithoutItsGeneralCertificateLeavesTheGeneralOneMissing() {
        DoctrineResult r = evaluate(ch().certificate(insi("1750000010", "dpi")).build(), NOW);
        assertThat(r.audit().rulesFired()).containsExactly(Rules.DOC_MISSING.id());
        assertThat(r.audit().findings().get(0).message()).doesNotContain("INSI-AUTO");
    }
}
