package org.vigie.doctrine.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vigie.core.Finess;
import org.vigie.core.LegalStatus;
import org.vigie.core.StructureId;
import org.vigie.doctrine.CertificateDoctrine;
import org.vigie.doctrine.Corridor;
import org.vigie.doctrine.DoctrineResult;
import org.vigie.doctrine.ExistingCertificate;
import org.vigie.doctrine.Member;
import org.vigie.doctrine.Organisation;
import org.vigie.doctrine.Site;

/** The dashboard's bulk entry point of the doctrine gives the same plan and audit as the full evaluation. */
class DoctrineReuseTest {

    @Test
    void evaluatingWithoutTheProcedureKeepsThePlanAndTheAudit() {
        Organisation org = Organisation.builder("CLINIQUE")
                .member(Member.of(Finess.parse("440000200"), "CLINIQUE", Corridor.HOSPITAL, LegalStatus.PRIVATE,
                        List.of(Site.of(Finess.parse("440000201"), "A", "365"),
                                Site.of(Finess.parse("440000202"), "B", "365"))))
                .certificate(new ExistingCertificate(StructureId.parse("1440000201"), "A", null,
                        Optional.of(LocalDate.of(2027, 1, 1)), null, null))
                .build();
        CertificateDoctrine d = CertificateDoctrine.builder().build();
        LocalDate at = LocalDate.of(2026, 11, 28);
        DoctrineResult full = d.evaluate(org, at);
        DoctrineResult bulk = d.evaluateWithoutProcedure(org, at);
        assertThat(bulk.plan()).isEqualTo(full.plan());
        assertThat(bulk.audit().findings()).isEqualTo(full.audit().findings());
        assertThat(bulk.audit().rulesFired()).contains("DOC-EG-LEGACY", "DOC-MISSING");
        assertThat(full.procedure().steps()).isNotEmpty();
        assertThat(bulk.procedure().steps()).isEmpty();
    }
}
