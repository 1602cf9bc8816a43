package org.vigie.doctrine.deployment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vigie.core.Establishment;
import org.vigie.core.Finding;
import org.vigie.core.Finess;
import org.vigie.core.Rules;
import org.vigie.doctrine.Corridor;
import org.vigie.doctrine.deployment.LegalEntityEvaluator.Eval;
import org.vigie.doctrine.deployment.LegalEntityEvaluator.LocalFinding;

/**
 * Adds the evaluated legal entities, one by one in directory order, to the rows (EGs, EJs, findings) and to the
 * indicators per département, région and in total, within the scope. Single-threaded.
 */
final class IndicatorAggregator {

    private final Territories territories;
    private final Scope scope;
    private final List<DeployedCertificate> certs;
    private final LocalDate expiryLimit;
    private final Map<String, Tally> regions = new HashMap<>();
    private final Map<String, Tally> departements = new HashMap<>();
    final List<Indicators> legalEntities = new ArrayList<>();
    final List<EstablishmentStatus> establishments = new ArrayList<>();
    final List<DeploymentFinding> findings = new ArrayList<>();
    final Tally total;

    IndicatorAggregator(Territories territories, Scope scope, List<DeployedCertificate> certs, LocalDate expiryLimit) {
        this.territories = territories;
        this.scope = scope;
        this.certs = certs;
        this.expiryLimit = expiryLimit;
        this.total = new Tally(Indicators.Level.TOTAL, "FR", scope.labelFr(), "", "");
    }

    /** Adds an evaluated EJ to the rows and indicators (single thread, directory order). */
    void accumulate(Eval v) {
        Finess ej = v.ej();
        List<Establishment> egs = v.egs();
        int n = egs.size();
        Departement[] deps = v.deps();
        String ejName = v.ejName();
        Optional<Corridor> corridor = v.corridor();
        Coverage[] coverage = v.coverage();
        List<List<Integer>> covering = v.covering();
        boolean[] legacy = v.legacy();
        List<LocalFinding> local = v.local();
        List<List<Integer>> insi = v.insi();
        List<List<Integer>> expired = v.expired();
        List<List<Integer>> valid = v.valid();
        // findings per site
        List<List<Finding>> siteFindings = new ArrayList<>(n);
        boolean[] insiBad = new boolean[n];
        for (int i = 0; i < n; i++) {
            siteFindings.add(new ArrayList<>(0));
        }
        Departement ejDep = territories.locate("", ej);
        Tally ejTally = new Tally(Indicators.Level.LEGAL_ENTITY, ej.value(), ejName, ejDep.code(),
                ejDep.region().name());
        for (LocalFinding lf : local) {
            Set<String> depCodes = new LinkedHashSet<>();
            Set<String> regionCodes = new LinkedHashSet<>();
            List<Finess> named = new ArrayList<>();
            boolean inScope = lf.sites().isEmpty() && scope.includes(territories.locate("", ej));
            for (int s : lf.sites()) {
                siteFindings.get(s).add(lf.finding());
                if (lf.finding().rule().equals(Rules.DOC_INSI_NAMING)) {
                    insiBad[s] = true;
                }
                named.add(egs.get(s).finess());
                depCodes.add(deps[s].code());
                regionCodes.add(deps[s].region().code());
                inScope |= scope.includes(deps[s]);
            }
            if (!inScope) {
                continue;
            }
            if (lf.sites().isEmpty()) {
                Departement d = territories.locate("", ej);
                depCodes.add(d.code());
                regionCodes.add(d.region().code());
            }
            findings.add(new DeploymentFinding(lf.finding(), ej, ejName, named, List.copyOf(depCodes),
                    List.copyOf(regionCodes), lf.certificate()));
            String rule = lf.finding().ruleId();
            ejTally.findings.merge(rule, 1, Integer::sum);
            total.findings.merge(rule, 1, Integer::sum);
            for (String d : depCodes) {
                Departement dep = depOf(d, deps);
                if (scope.includes(dep)) {
                    depTally(dep).findings.merge(rule, 1, Integer::sum);
                }
            }
            for (String r : regionCodes) {
                if (scope.region() == null && scope.departement() == null
                        || scope.region() != null && scope.region().code().equals(r)
                        || scope.departement() != null && scope.departement().region().code().equals(r)) {
                    regionTally(r).findings.merge(rule, 1, Integer::sum);
                }
            }
        }
        // rows and counts
        for (int i = 0; i < n; i++) {
            if (!scope.includes(deps[i])) {
                continue;
            }
            Establishment e = egs.get(i);
            List<DeployedCertificate> cov = new ArrayList<>();
            Optional<LocalDate> until = Optional.empty();
            boolean unknownEnd = false;
            for (int ci : covering.get(i)) {
                DeployedCertificate c = certs.get(ci);
                cov.add(c);
                if (c.notAfter().isEmpty()) {
                    unknownEnd = true;
                } else if (until.isEmpty() || c.notAfter().get().isAfter(until.get())) {
                    until = c.notAfter();
                }
            }
            if (unknownEnd || !coverage[i].covered()) {
                until = unknownEnd ? Optional.empty() : until;
            }
            boolean covered = coverage[i].covered();
            boolean soon = covered && !unknownEnd && until.isPresent() && !until.get().isAfter(expiryLimit);
            List<DeployedCertificate> insiCerts = insi.get(i).stream().map(certs::get).toList();
            establishments.add(new EstablishmentStatus(e, ejName, deps[i], corridor, coverage[i], cov,
                    covered ? until : Optional.empty(), soon, legacy[i], insiCerts, !insiBad[i],
                    siteFindings.get(i)));
            for (Tally a : new Tally[] {ejTally, depTally(deps[i]), regionTally(deps[i].region().code()), total}) {
                a.establishments++;
                if (coverage[i] != Coverage.OUT_OF_DOCTRINE) {
                    a.concerned++;
                }
                if (covered) {
                    a.covered++;
                    if (coverage[i] == Coverage.LEGAL_ENTITY) {
                        a.byEj++;
                    } else {
                        a.byEg++;
                    }
                }
                if (legacy[i]) {
                    a.legacy++;
                }
                a.certificates.addAll(valid.get(i));
                a.expired.addAll(expired.get(i));
            }
        }
        legalEntities.add(ejTally.build(certs, expiryLimit));
    }

    /** The indicators per région, in the order of the territories (the unknown région last). */
    List<Indicators> regions() {
        List<Indicators> regionList = new ArrayList<>();
        for (Region r : territories.regions()) {
            Tally a = regions.get(r.code());
            if (a != null) {
                regionList.add(a.build(certs, expiryLimit));
            }
        }
        Tally unknownRegion = regions.get(Region.UNKNOWN.code());
        if (unknownRegion != null) {
            regionList.add(unknownRegion.build(certs, expiryLimit));
        }
        return regionList;
    }

    /** The indicators per département, in the order of the territories, then the unlisted codes sorted. */
    List<Indicators> departements() {
        List<Indicators> depList = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (Departement d : territories.departements()) {
            Tally a = departements.get(d.code());
            if (a != null) {
                depList.add(a.build(certs, expiryLimit));
                listed.add(d.code());
            }
        }
        departements.entrySet().stream().filter(x -> !listed.contains(x.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(x -> depList.add(x.getValue().build(certs, expiryLimit)));
        return depList;
    }

    private Departement depOf(String code, Departement[] deps) {
        for (Departement d : deps) {
            if (d.code().equals(code)) {
                return d;
            }
        }
        return territories.departement(code).orElse(new Departement(code, code, Region.UNKNOWN));
    }

    private Tally depTally(Departement d) {
        return departements.computeIfAbsent(d.code(), k -> new Tally(Indicators.Level.DEPARTEMENT, d.code(),
                d.name(), d.code(), d.region().name()));
    }

    private Tally regionTally(String code) {
        return regions.computeIfAbsent(code, k -> {
            Region r = territories.region(code).orElse(Region.UNKNOWN);
            return new Tally(Indicators.Level.REGION, r.code(), r.name(), "", r.name());
        });
    }
}
