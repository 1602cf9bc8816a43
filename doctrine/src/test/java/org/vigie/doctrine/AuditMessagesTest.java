package org.vigie.doctrine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.doctrine.Fixtures.*;

import java.util.EnumSet;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.vigie.core.Finding;
import org.vigie.core.LegalStatus;
import org.vigie.core.Location;
import org.vigie.core.Rules;

/** The audit's findings come from the catalogue, in French and English, at typed locations. */
class AuditMessagesTest {

    static Organisation.Builder ch() {
        return Organisation.builder("CH")
                .member(member("750000010", Corridor.HOSPITAL, LegalStatus.PUBLIC, site("750000028", "355")))
                .solution(insiSolution("dpi", "DPI"));
    }

    @Test
    void aMissingCertificateIsAtItsPlanEntryInBothLanguages() {
        DoctrineResult r = evaluate(ch().certificate(insi("1750000010", "dpi")).build(), NOW);
        Finding f = r.audit().byRule(Rules.DOC_MISSING).get(0);
        assertThat(f.messageKey()).isEqualTo("DOC-MISSING.none-for");
        assertThat(f.location()).isEqualTo(Location.of("plan", 0));
        assertThat(f.location().toString()).isEqualTo("plan[0]");
        assertThat(f.message()).startsWith("Aucun certificat valide sous le ").contains(" pour dpi ")
                .endsWith(" : à commander.");
        assertThat(f.message(Locale.ENGLISH)).startsWith("No valid certificate under the ").contains(" for dpi")
                .endsWith(": to be ordered.").doesNotContain("Aucun");
    }

    @Test
    void aMisnamedInsiCertificateIsAtItsCertificateIndex() {
        Organisation org = ch().certificate(dmp("1750000010", "dpi"))
                .certificate(cert("1750000010", "insi-auto", EnumSet.of(Usage.INSI), FAR, "dpi")).build();
        Finding f = evaluate(org, NOW).audit().byRule(Rules.DOC_INSI_NAMING).get(0);
        assertThat(f.messageKey()).isEqualTo("DOC-INSI-NAMING.misnamed");
        assertThat(f.location().index("certificates")).hasValue(1);
        assertThat(f.message()).isEqualTo(
                "Certificat utilisé pour l'INSi nommé CN=« insi-auto » ; attendu : CN=INSI-AUTO ou CN=INSI-MANU.");
        assertThat(f.message(Locale.ENGLISH)).isEqualTo(
                "Certificate used for INSi is named CN=\"insi-auto\"; expected: CN=INSI-AUTO or CN=INSI-MANU.");
    }

    @Test
    void aWellNamedInsiCertificateMakesNoNamingFinding() {
        Organisation org = ch().certificate(dmp("1750000010", "dpi"))
                .certificate(cert("1750000010", "INSI-AUTO", EnumSet.of(Usage.INSI), FAR, "dpi")).build();
        assertThat(evaluate(org, NOW).audit().byRule(Rules.DOC_INSI_NAMING)).isEmpty();
    }
}
