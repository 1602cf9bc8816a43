package org.vigie.dmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.testkit.CdaBuilder;
import org.vigie.testkit.DmpMessageBuilder;
import org.vigie.testkit.FinessFiles;
import org.vigie.testkit.FinessFiles.Load;
import org.vigie.testkit.FinessFiles.Eg;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.TestPki;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.XdsSubmissionBuilder;
import org.vigie.testkit.ReportAssert;

/**
 * The whole feeding request ({@link DmpRequestValidator}, MTOM built by the test kit) under an EJ certificate, on a
 * directory loaded from each FINESS file alone and from all three ({@link FinessFiles}: the real formats, the
 * etalab EG extract in Latin-1 with geolocalisation lines and no EJ record). Before the EJ named only by EGs was a
 * known legal entity, the etalab extract alone rejected every such request (VIHF-STRUCT-KNOWN "inconnu") and hid
 * an authorInstitution of another EJ (AI-SAME-EJ "non évalué").
 */
class DirectorySourcesTest {

    static final TestPki PKI = TestPki.shared();
    static final Instant AT = PKI.anchor().plusSeconds(3600);
    static final String CH = "1" + FinessFiles.CH.finess();
    static final String CLOSED_EJ = "1" + FinessFiles.CLOSED_EJ.finess();

    private static Report feed(Load load, String holder, Eg ai, boolean ejEg) throws Exception {
        OrgCredential auth = PKI.authentication(holder);
        VihfBuilder vihf = VihfBuilder.indirect(PKI.signature(holder)).at(AT.minusSeconds(30)).secteurActivite("SA01");
        if (ejEg) {
            vihf.identifiantStructure(ai.idNat());
        }
        String xon = XdsSubmissionBuilder.xon(ai.name(), ai.idNat());
        XdsSubmissionBuilder sub = XdsSubmissionBuilder.provideAndRegister();
        for (String doc : List.of("DocumentCR1", "DocumentCR2")) {
            sub.document(doc, CdaBuilder.ciSis().author(ai.name(), ai.idNat()));
            sub.documentAuthorInstitution(doc, xon);
        }
        sub.submissionSetAuthorInstitution(xon);
        DmpMessageBuilder m = DmpMessageBuilder.feeding(vihf, sub.xop());
        DmpRequestValidator v = DmpRequestValidator.builder()
                .trust(TrustAnchors.of(List.of(PKI.root()), List.of(PKI.organisationsCa())))
                .crls(PKI.crls())
                .directory(load.directory())
                .policy(DmpPolicy.builder().ejEgMode(ejEg).build())
                .clock(Clock.fixed(AT, ZoneOffset.UTC))
                .build();
        return v.validate(auth.certificate(), auth.chain(), new ByteArrayInputStream(m.toMtomBytes()), m.contentType(),
                AT);
    }

    @ParameterizedTest
    @EnumSource(Load.class)
    void feedingUnderAnEjCertificateWithOneOfItsEgs(Load load) throws Exception {
        Report r = feed(load, CH, FinessFiles.CH_SITE, false);
        if (load == Load.EJ_ONLY) {
            // the EJ extract knows no EG: the EG can be neither geographic nor of the EJ
            ReportAssert.assertThat(r).rejected();
            assertThat(r.bySeverity(Severity.ERROR)).extracting(f -> f.ruleId())
                    .containsOnly(Rules.AI_GEOGRAPHIC.id(), Rules.AI_SAME_EJ.id());
        } else {
            assertThat(r.bySeverity(Severity.ERROR)).as(load + " " + r).isEmpty();
            ReportAssert.assertThat(r).doesNotFire(Rules.VIHF_STRUCT_KNOWN);
            ReportAssert.assertThat(r).doesNotFire(Rules.AI_SAME_EJ);
            ReportAssert.assertThat(r).accepted();
        }
    }

    @ParameterizedTest
    @EnumSource(Load.class)
    void anEgOfAnotherEjIsRejectedEvenWithTheEgExtractAlone(Load load) throws Exception {
        Report r = feed(load, CH, FinessFiles.CLINIC_SITE, false);
        ReportAssert.assertThat(r).rejected();
        assertThat(r.byRule(Rules.AI_SAME_EJ)).as(load + " " + r)
                .anySatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(r.has(Rules.VIHF_STRUCT_KNOWN)).as("the certificate's EJ is known").isFalse();
    }

    @ParameterizedTest
    @EnumSource(Load.class)
    void ejEgPolicyTheVihfCarriesAnEgOfTheCertificateEj(Load load) throws Exception {
        Report r = feed(load, CH, FinessFiles.CH_EHPAD, true);
        if (load == Load.EJ_ONLY) {
            ReportAssert.assertThat(r).rejected();
            ReportAssert.assertThat(r).fires(Rules.VIHF_STRUCT_EQ, Severity.ERROR);
        } else {
            assertThat(r.bySeverity(Severity.ERROR)).as(load + " " + r).isEmpty();
            assertThat(ReportAssert.assertThat(r).single(Rules.VIHF_STRUCT_EQ))
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        }
    }

    @ParameterizedTest
    @EnumSource(Load.class)
    void aClosedEjCannotFeed(Load load) throws Exception {
        Report r = feed(load, CLOSED_EJ, FinessFiles.CLOSED_EJ_SITE, false);
        ReportAssert.assertThat(r).rejected();
        if (load == Load.EJ_ONLY) {
            // a record and no EG: nothing says it is closed; its EG is unknown
            ReportAssert.assertThat(r).doesNotFire(Rules.VIHF_STRUCT_KNOWN);
            ReportAssert.assertThat(r).fires(Rules.AI_GEOGRAPHIC);
        } else {
            assertThat(ReportAssert.assertThat(r).single(Rules.VIHF_STRUCT_KNOWN)).as(load + " " + r).satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.message()).contains(load == Load.ETALAB_ONLY ? "inconnu" : "fermée");
            });
        }
    }
}
