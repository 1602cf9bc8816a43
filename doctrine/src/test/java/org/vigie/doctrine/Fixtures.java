package org.vigie.doctrine;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.vigie.core.Finess;
import org.vigie.core.LegalStatus;
import org.vigie.core.Report;
import org.vigie.core.StructureId;

/** Small builders for doctrine tests. */
final class Fixtures {

    static final LocalDate FAR = LocalDate.of(2030, 1, 1);
    static final LocalDate NOW = LocalDate.of(2026, 6, 1);

    private Fixtures() {
    }

    static Finess f(String v) {
        return Finess.parse(v);
    }

    static StructureId id(String v) {
        return StructureId.parse(v);
    }

    static Site site(String finess, String category) {
        return Site.of(f(finess), "EG " + finess, category);
    }

    static Site perEg(String finess, String category) {
        return new Site(f(finess), "EG " + finess, category, true, false);
    }

    static Site mainSite(String finess, String category) {
        return new Site(f(finess), "EG " + finess, category, false, true);
    }

    static Member member(String ej, Corridor corridor, LegalStatus status, Site... sites) {
        return Member.of(f(ej), "EJ " + ej, corridor, status, List.of(sites));
    }

    static Member member(String ej, Corridor corridor, LegalStatus status, boolean unified, Site... sites) {
        return new Member(Optional.of(f(ej)), "EJ " + ej, corridor, status, Optional.empty(), Optional.of(unified),
                List.of(sites), 0, Optional.empty());
    }

    static ExistingCertificate cert(String holder, String cn, Set<Usage> usages, LocalDate notAfter, String... solutions) {
        return new ExistingCertificate(id(holder), cn, usages, Optional.ofNullable(notAfter), Arrays.asList(solutions),
                List.of());
    }

    static ExistingCertificate dmp(String holder, String... solutions) {
        return cert(holder, "DMP " + holder, EnumSet.of(Usage.DMP), FAR, solutions);
    }

    static ExistingCertificate insi(String holder, String... solutions) {
        return cert(holder, Solution.INSI_AUTO, EnumSet.of(Usage.INSI), FAR, solutions);
    }

    static ExistingCertificate covering(String holder, String... covers) {
        return new ExistingCertificate(id(holder), "DMP " + holder, EnumSet.of(Usage.DMP), Optional.of(FAR), List.of(),
                Arrays.stream(covers).map(Fixtures::f).toList());
    }

    static Solution solution(String id, String kind, String... sites) {
        return Solution.of(id, kind, Arrays.stream(sites).map(Fixtures::f).toList(), Usage.DMP);
    }

    static Solution insiSolution(String id, String kind, String... sites) {
        return Solution.of(id, kind, Arrays.stream(sites).map(Fixtures::f).toList(), Usage.DMP, Usage.MSSANTE,
                Usage.INSI);
    }

    static DoctrineResult evaluate(Organisation org, LocalDate date) {
        return CertificateDoctrine.builder().build().evaluate(org, date);
    }

    static List<String> rules(Report report) {
        return report.rulesFired();
    }
}
