package org.vigie.doctrine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigie.core.Location;

/** The organisation file reader collects every problem, each at its typed location, and reads a good file. */
class OrganisationFileReaderTest {

    /** A map in the order given (the reader reports in file order). */
    private static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> hospital(String ej, String... sites) {
        return obj("finess", ej, "corridor", "hospital", "status", "public", "sites", List.of((Object[]) sites));
    }

    private static OrganisationFile read(Object root) {
        return new OrganisationFileReader().read(root, l -> 0);
    }

    @Test
    void aGoodFileGivesTheOrganisationAndNoProblem() {
        OrganisationFile f = read(obj("organisation", "CH", "members", List.of(hospital("750000010", "750000028")),
                "certificates", List.of(obj("holder", "1750000010", "cn", "CH", "usages", List.of("DMP")))));
        assertThat(f.problems()).isEmpty();
        assertThat(f.usable()).isTrue();
        assertThat(f.organisation().orElseThrow().members()).hasSize(1);
        assertThat(f.organisation().get().certificates()).hasSize(1);
    }

    @Test
    void everyFieldProblemIsReportedAtItsPlace() {
        OrganisationFile f = read(obj("organisation", "CH", "colour", "blue",
                "members", List.of(hospital("750000010", "750000028"),
                        obj("finess", 75000001, "corridor", "hospital", "status", "publik")),
                "certificates", List.of(
                        obj("holder", "1750000010", "notAfter", "2027-13-01"),
                        obj("holder", "1750000010", "usages", List.of("DMP", "FAX"), "covers", List.of("12")))));
        assertThat(f.usable()).isFalse();
        assertThat(f.organisation()).isEmpty();
        assertThat(f.problems()).extracting(p -> p.location().toString()).containsExactly(
                "colour",
                "members[1]/finess",
                "members[1]/status",
                "certificates[0]/notAfter",
                "certificates[1]/usages[1]",
                "certificates[1]/covers[0]");
        assertThat(f.problems()).extracting(OrganisationFile.Problem::pointer).startsWith("/colour",
                "/members/1/finess");
        assertThat(f.problems().get(0).message()).startsWith("clé inconnue « colour »");
        assertThat(f.problems().get(3).message()).isEqualTo("date « 2027-13-01 » ; attendu : AAAA-MM-JJ");
        assertThat(f.problems().get(4).location().index("usages")).hasValue(1);
    }

    @Test
    void everyInconsistencyIsReportedWhenEveryItemCouldBeRead() {
        OrganisationFile f = read(obj("organisation", "GHT",
                "members", List.of(hospital("750000010", "750000028"), hospital("750000010", "750000036")),
                "solutions", List.of(obj("id", "dpi"), obj("id", "dpi")),
                "certificates", List.of(obj("holder", "1750000010", "solutions", List.of("dpi", "pacs")))));
        assertThat(f.problems()).extracting(OrganisationFile.Problem::location).containsExactly(
                Location.of("members", 1),
                Location.of("solutions", 1),
                Location.of("certificates", 0).child("solutions", 1));
        assertThat(f.problems()).extracting(OrganisationFile.Problem::message).containsExactly(
                "entité juridique en double : 1750000010",
                "identifiant de solution en double : dpi",
                "solution inconnue : pacs (attendu : un id de la liste solutions)");
    }

    @Test
    void theDoctrinesOwnChecksAreReportedToo() {
        OrganisationFile f = read(obj("organisation", "CH",
                "members", List.of(hospital("750000010", "750000028"), hospital("750000044")),
                "solutions", List.of(obj("id", "dpi", "sites", List.of("750000999")))));
        assertThat(f.problems()).extracting(p -> p.location().toString()).containsExactly(
                "members[1]/sites", "solutions[0]/sites[0]");
        assertThat(f.problems().get(1).message()).startsWith("EG 750000999 inconnu de l'organisation");
    }

    @Test
    void aProblemTakesTheLineOfItsLocationOrOfTheClosestEnclosingOne() {
        Map<String, Integer> lines = Map.of("/members/0", 4, "/solutions/0/sites/0", 9);
        OrganisationFile f = new OrganisationFileReader().read(obj("organisation", "CH",
                "members", List.of(hospital("750000010")),
                "solutions", List.of(obj("id", "dpi", "sites", List.of("750000999")))),
                l -> lines.getOrDefault(OrganisationFile.pointerOf(l), 0));
        assertThat(f.problems()).extracting(OrganisationFile.Problem::line).containsExactly(4, 9);
        assertThat(f.problems().get(1).format("org.yaml"))
                .startsWith("org.yaml:9: /solutions/0/sites/0 : EG 750000999 inconnu");
    }

    @Test
    void aRootThatIsNotAnObjectIsOneProblemOfTheWholeFile() {
        OrganisationFile f = read(List.of("a"));
        assertThat(f.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo(Location.NONE);
            assertThat(p.format("x.json")).isEqualTo("x.json:1: / : attendu : un objet (organisation, members, …)");
        });
    }
}
