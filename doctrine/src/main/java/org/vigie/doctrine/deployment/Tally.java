package org.vigie.doctrine.deployment;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Counts the indicators of one group (an EJ, a département, a région, the total) as EGs are added. */
final class Tally {
    final Indicators.Level level;
    final String code;
    final String name;
    final String departement;
    final String region;
    int establishments;
    int concerned;
    int covered;
    int byEj;
    int byEg;
    int legacy;
    final Set<Integer> certificates = new HashSet<>();
    final Set<Integer> expired = new HashSet<>();
    final TreeMap<String, Integer> findings = new TreeMap<>();

    Tally(Indicators.Level level, String code, String name, String departement, String region) {
        this.level = level;
        this.code = code;
        this.name = name;
        this.departement = departement;
        this.region = region;
    }

    Indicators build(List<DeployedCertificate> certs, LocalDate limit) {
        int soon = 0;
        for (int i : certificates) {
            Optional<LocalDate> end = certs.get(i).notAfter();
            if (end.isPresent() && !end.get().isAfter(limit)) {
                soon++;
            }
        }
        return new Indicators(level, code, name, departement, region, establishments, concerned, covered, byEj,
                byEg, certificates.size(), soon, expired.size(), legacy, findings);
    }
}
