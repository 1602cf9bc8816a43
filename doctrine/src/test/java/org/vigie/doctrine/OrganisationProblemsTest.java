package org.vigie.doctrine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigie.doctrine.Fixtures.*;

import org.junit.jupiter.api.Test;
import org.vigie.core.LegalStatus;
import org.vigie.core.Location;

/** The description's problems are all listed, each at its typed location; evaluating still throws the first. */
class OrganisationProblemsTest {

    @Test
    void theBuilderListsEveryInconsistencyAndBuildThrowsTheFirst() {
        Organisation.Builder b = Organisation.builder("GHT")
                .member(member("750000010", Corridor.HOSPITAL, LegalStatus.PUBLIC, site("750000028", "355")))
                .member(member("750000010", Corridor.HOSPITAL, LegalStatus.PUBLIC, site("750000028", "355")))
                .solution(solution("dpi", "DPI")).solution(solution("dpi", "DPI"))
                .certificate(dmp("1750000010", "dpi", "nope"));
        assertThat(b.problems()).extracting(OrganisationException::location).containsExactly(
                Location.of("members", 1),
                Location.of("members", 1).child("sites", 0),
                Location.of("solutions", 1),
                Location.of("certificates", 0).child("solutions", 1));
        assertThat(b.problems().get(3).detail())
                .isEqualTo("solution inconnue : nope (attendu : un id de la liste solutions)");
        assertThat(b.problems().get(1).path()).isEqualTo("members[1].sites[0]");
        assertThatThrownBy(b::build).isInstanceOf(OrganisationException.class)
                .hasMessage("members[1] : entité juridique en double : 1750000010");
    }

    @Test
    void aConsistentDescriptionHasNoProblem() {
        Organisation.Builder b = Organisation.builder("CH")
                .member(member("750000010", Corridor.HOSPITAL, LegalStatus.PUBLIC, site("750000028", "355")))
                .solution(solution("dpi", "DPI", "750000028")).certificate(dmp("1750000010", "dpi"));
        assertThat(b.problems()).isEmpty();
        assertThat(CertificateDoctrine.builder().build().problems(b.build())).isEmpty();
    }

    @Test
    void theDoctrineListsEveryUnresolvedReference() {
        Organisation org = Organisation.builder("CH")
                .member(member("750000010", Corridor.HOSPITAL, LegalStatus.PUBLIC, site("750000028", "355")))
                .member(member("750000044", Corridor.HOSPITAL, LegalStatus.PUBLIC))
                .solution(solution("dpi", "DPI", "750000999"))
                .certificate(covering("1750000010", "750000998")).build();
        CertificateDoctrine doctrine = CertificateDoctrine.builder().build();
        assertThat(doctrine.problems(org)).extracting(e -> e.location().toString()).containsExactly(
                "members[1]/sites", "solutions[0]/sites[0]", "certificates[0]/covers[0]");
        assertThatThrownBy(() -> doctrine.evaluate(org, NOW)).isInstanceOf(OrganisationException.class)
                .hasMessageStartingWith("members[1].sites : aucun EG pour");
    }
}
