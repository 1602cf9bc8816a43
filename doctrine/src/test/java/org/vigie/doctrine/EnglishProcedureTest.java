package org.vigie.doctrine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigie.doctrine.Fixtures.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.vigie.core.LegalStatus;

/**
 * The procedure, the planner's notes and the organisation-file problems in English: same structure as the French
 * (same steps, same number of lines), another text, and no French marks (accents, French quotes, elisions, " : ").
 */
class EnglishProcedureTest {

    private static final Pattern FRENCH = Pattern.compile("[àâçéèêëîïôùûœ«»]|(?<!\\p{L})[ldn]'\\p{L}| : | ;");

    static DoctrineResult evaluate(Organisation org, LocalDate date, Locale locale) {
        return CertificateDoctrine.builder().locale(locale).build().evaluate(org, date);
    }

    /** Organisations that go through every branch of the writer and of the planner's notes. */
    static List<Organisation> organisations() {
        List<Organisation> out = new ArrayList<>();
        out.add(ProcedureTest.ch().build());
        out.add(ProcedureTest.ch().delegation(Delegation.vendor("Vendor SA", false)).build());
        out.add(ProcedureTest.ch().delegation(new Delegation(Delegation.Mode.IN_HOUSE, "", Optional.empty(),
                Optional.of(false))).build());
        out.add(ProcedureTest.ch().delegation(new Delegation(Delegation.Mode.VENDOR, "", Optional.empty(),
                Optional.of(false))).build());
        out.add(Organisation.builder("Pharmacy")
                .member(member("440000010", Corridor.PHARMACY, LegalStatus.PRIVATE, site("440000028", "620"))).build());
        out.add(Organisation.builder("Clinic")
                .member(member("750000010", Corridor.HOSPITAL, LegalStatus.UNKNOWN, perEg("750000028", "365")))
                .solution(solution("dpi", "DPI")).certificate(dmp("1750000028", "dpi")).build());
        out.add(Organisation.builder("OG")
                .member(member("690000010", Corridor.MEDICO_SOCIAL, LegalStatus.PRIVATE, site("690000028", "500")))
                .build());
        return out;
    }

    @Test
    void theEnglishProcedureAndNotesHaveTheFrenchStructureAndNoFrench() {
        int lines = 0;
        for (LocalDate date : List.of(LocalDate.of(2022, 6, 1), LocalDate.of(2022, 8, 1), NOW)) {
            for (Organisation org : organisations()) {
                DoctrineResult fr = evaluate(org, date, Locale.FRENCH);
                DoctrineResult en = evaluate(org, date, Locale.ENGLISH);
                assertThat(fr.procedure()).isEqualTo(Fixtures.evaluate(org, date).procedure());
                assertThat(en.procedure().prerequisites()).hasSameSizeAs(fr.procedure().prerequisites());
                assertThat(en.procedure().steps()).hasSameSizeAs(fr.procedure().steps());
                List<String> enText = new ArrayList<>(en.procedure().prerequisites());
                List<String> frText = new ArrayList<>(fr.procedure().prerequisites());
                for (int i = 0; i < en.procedure().steps().size(); i++) {
                    Procedure.Step e = en.procedure().steps().get(i);
                    Procedure.Step f = fr.procedure().steps().get(i);
                    assertThat(e.number()).isEqualTo(f.number());
                    assertThat(e.actions()).hasSameSizeAs(f.actions());
                    enText.add(e.title());
                    enText.add(e.addressee());
                    enText.addAll(e.actions());
                    frText.add(f.title());
                    frText.add(f.addressee());
                    frText.addAll(f.actions());
                }
                enText.addAll(en.plan().notes());
                frText.addAll(fr.plan().notes());
                for (int i = 0; i < en.plan().certificates().size(); i++) {
                    enText.addAll(en.plan().certificates().get(i).notes());
                    frText.addAll(fr.plan().certificates().get(i).notes());
                }
                assertThat(enText).hasSameSizeAs(frText);
                for (int i = 0; i < enText.size(); i++) {
                    String e = enText.get(i).replace("IGC Santé", "IGC").replace("Ségur", "Segur");
                    assertThat(FRENCH.matcher(e).find()).as(enText.get(i)).isFalse();
                    lines++;
                }
                // the other side: the French has the marks the check looks for
                assertThat(frText).anySatisfy(f -> assertThat(FRENCH.matcher(f).find()).as(f).isTrue());
                // the plan itself does not depend on the language
                assertThat(en.plan().certificates()).extracting(PlannedCertificate::holder)
                        .isEqualTo(fr.plan().certificates().stream().map(PlannedCertificate::holder).toList());
            }
        }
        assertThat(lines).isGreaterThan(100);
    }

    @Test
    void organisationFileProblemsFollowTheReadersLocale() {
        Map<String, Object> root = new java.util.LinkedHashMap<>();
        root.put("organisation", "X");
        root.put("colour", "red");
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("finess", "75071218X");
        m.put("corridor", "hospitall");
        root.put("members", List.of(m));
        List<OrganisationFile.Problem> fr = new OrganisationFileReader().read(root, l -> 0).problems();
        List<OrganisationFile.Problem> en = new OrganisationFileReader().locale(Locale.ENGLISH).read(root, l -> 0)
                .problems();
        assertThat(en).hasSameSizeAs(fr).hasSize(3);
        for (int i = 0; i < en.size(); i++) {
            assertThat(en.get(i).location()).isEqualTo(fr.get(i).location());
            assertThat(FRENCH.matcher(en.get(i).message()).find()).as(en.get(i).message()).isFalse();
            assertThat(FRENCH.matcher(fr.get(i).message()).find()).as(fr.get(i).message()).isTrue();
        }
        assertThat(en).anySatisfy(p -> assertThat(p.message()).contains("unknown key \"colour\""));
    }

    @Test
    void builderAndResolverProblemsInEnglish() {
        Organisation.Builder b = Organisation.builder("X")
                .member(member("750000010", Corridor.HOSPITAL, LegalStatus.PUBLIC, site("750000028", "355"),
                        site("750000028", "355")));
        assertThat(b.problems(Locale.ENGLISH)).extracting(OrganisationException::detail)
                .containsExactly("EG declared twice: 750000028");
        assertThat(b.problems()).extracting(OrganisationException::detail)
                .containsExactly("EG déclaré deux fois : 750000028");
        Organisation lab = Organisation.builder("Lab")
                .member(member("750000010", Corridor.LABORATORY, LegalStatus.PRIVATE, site("750000028", "611"),
                        site("750000036", "611"))).build();
        assertThat(CertificateDoctrine.builder().locale(Locale.ENGLISH).build().problems(lab))
                .extracting(OrganisationException::detail)
                .containsExactly("laboratory with 2 sites and 0 main site; expected: exactly one site marked main");
        assertThat(CertificateDoctrine.builder().build().problems(lab)).extracting(OrganisationException::detail)
                .containsExactly("laboratoire à 2 sites avec 0 site principal ; attendu : exactement un site marqué principal");
    }
}
