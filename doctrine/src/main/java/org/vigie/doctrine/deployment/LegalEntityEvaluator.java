package org.vigie.doctrine.deployment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vigie.core.Establishment;
import org.vigie.core.Finding;
import org.vigie.core.Finess;
import org.vigie.core.InMemoryStructureDirectory;
import org.vigie.core.LegalEntity;
import org.vigie.core.LegalStatus;
import org.vigie.core.Location;
import org.vigie.core.Rules;
import org.vigie.core.StructureId;
import org.vigie.doctrine.CertificateDoctrine;
import org.vigie.doctrine.Corridor;
import org.vigie.doctrine.DoctrineResult;
import org.vigie.doctrine.ExistingCertificate;
import org.vigie.doctrine.Member;
import org.vigie.doctrine.Organisation;
import org.vigie.doctrine.OrganisationException;
import org.vigie.doctrine.PlannedCertificate;
import org.vigie.doctrine.Site;

/**
 * Evaluates one legal entity of the directory with the certificate doctrine: its corridor from its EGs'
 * categories, the organisation the doctrine is given (its EGs, its statut, the certificates attached to it), and per
 * EG the coverage, the covering, INSi and expired certificates, and the doctrine's findings. Reads only immutable
 * state: EJs are evaluated in parallel.
 */
final class LegalEntityEvaluator {

    private final InMemoryStructureDirectory directory;
    private final Territories territories;
    private final CertificateDoctrine doctrine;
    private final List<DeployedCertificate> certs;
    private final Map<Finess, List<Integer>> certsOfEj;
    private final LocalDate at;
    private final Scope scope;

    LegalEntityEvaluator(InMemoryStructureDirectory directory, Territories territories, CertificateDoctrine doctrine,
                         List<DeployedCertificate> certs, Map<Finess, List<Integer>> certsOfEj, LocalDate at,
                         Scope scope) {
        this.directory = directory;
        this.territories = territories;
        this.doctrine = doctrine;
        this.certs = certs;
        this.certsOfEj = certsOfEj;
        this.at = at;
        this.scope = scope;
    }

    /** Evaluates one EJ (thread-safe: reads only immutable state); null when none of its EGs is in scope. */
    Eval evaluate(Finess ej, List<Establishment> egs) {
        int n = egs.size();
        Departement[] deps = new Departement[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            Establishment e = egs.get(i);
            deps[i] = territories.locate(e.departement(), e.finess());
            any |= scope.includes(deps[i]);
        }
        if (!any) {
            return null;
        }
        List<Integer> mine = certsOfEj.getOrDefault(ej, List.of());
        Optional<LegalEntity> le = directory.legalEntity(ej);
        String ejName = le.map(LegalEntity::name).filter(s -> !s.isEmpty())
                .orElse(n == 1 ? egs.get(0).name() : "");
        Optional<Corridor> corridor = corridorOf(egs);
        Map<Finess, Integer> siteIndex = new HashMap<>();
        for (int i = 0; i < n; i++) {
            siteIndex.put(egs.get(i).finess(), i);
        }
        // per site: coverage, covering certificate indices, legacy
        Coverage[] coverage = new Coverage[n];
        List<List<Integer>> covering = new ArrayList<>(n);
        boolean[] legacy = new boolean[n];
        for (int i = 0; i < n; i++) {
            covering.add(new ArrayList<>(1));
        }
        List<LocalFinding> local = new ArrayList<>();
        if (corridor.isPresent() && doctrine(ej, ejName, le, corridor.get(), egs, mine, siteIndex, coverage,
                covering, legacy, local)) {
            // judged by the doctrine
        } else {
            corridor = Optional.empty();
            for (int i = 0; i < n; i++) {
                coverage[i] = Coverage.OUT_OF_DOCTRINE;
                for (int ci : mine) {
                    DeployedCertificate c = certs.get(ci);
                    if (!c.insi() && c.validOn(at) && relatedSites(c, ej, egs, siteIndex).contains(i)) {
                        covering.get(i).add(ci);
                    }
                }
            }
        }
        // INSi certificates per site, expired certificates per site
        List<List<Integer>> insi = new ArrayList<>(n);
        List<List<Integer>> expired = new ArrayList<>(n);
        List<List<Integer>> valid = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            insi.add(new ArrayList<>(0));
            expired.add(new ArrayList<>(0));
            valid.add(new ArrayList<>(1));
        }
        for (int ci : mine) {
            DeployedCertificate c = certs.get(ci);
            Set<Integer> sites = relatedSites(c, ej, egs, siteIndex);
            for (int s : sites) {
                if (!c.validOn(at)) {
                    expired.get(s).add(ci);
                    continue;
                }
                valid.get(s).add(ci);
                if (c.insi()) {
                    insi.get(s).add(ci);
                }
            }
        }
        return new Eval(ej, egs, deps, ejName, corridor, coverage, covering, legacy, local, insi, expired, valid);
    }

    /** The sites a certificate is about: all of them for an EJ holder, else its own site. */
    private Set<Integer> relatedSites(DeployedCertificate c, Finess ej, List<Establishment> egs,
                                      Map<Finess, Integer> siteIndex) {
        StructureId h = c.holder();
        Set<Integer> out = new LinkedHashSet<>();
        Optional<Finess> f = h.finess();
        Integer own = null;
        if (f.isPresent()) {
            own = siteIndex.get(f.get());
        } else if (h.kind() == StructureId.Kind.SIRET) {
            for (int i = 0; i < egs.size(); i++) {
                if (egs.get(i).siret().map(s -> s.value().equals(h.number())).orElse(false)) {
                    own = i;
                    break;
                }
            }
        }
        if (own != null) {
            out.add(own);
        } else {
            for (int i = 0; i < egs.size(); i++) {
                out.add(i);
            }
        }
        return out;
    }

    /** Evaluates an EJ with the doctrine; false when the doctrine cannot take it (then out of doctrine). */
    private boolean doctrine(Finess ej, String ejName, Optional<LegalEntity> le, Corridor corridor,
                             List<Establishment> egs, List<Integer> mine, Map<Finess, Integer> siteIndex,
                             Coverage[] coverage, List<List<Integer>> covering, boolean[] legacy,
                             List<LocalFinding> local) {
        int n = egs.size();
        Finess main = null;
        if (corridor == Corridor.LABORATORY && n > 1) {
            for (Establishment e : egs) {
                boolean holds = mine.stream().map(certs::get).anyMatch(c -> c.holder().finess()
                        .filter(e.finess()::equals).isPresent() && c.validOn(at) && !c.insi());
                if (holds) {
                    main = e.finess();
                    break;
                }
            }
            if (main == null) {
                main = egs.get(0).finess();
            }
        }
        List<Site> sites = new ArrayList<>(n);
        for (Establishment e : egs) {
            sites.add(new Site(e.finess(), e.name(), e.categoryCode(), false, e.finess().equals(main)));
        }
        Member member = new Member(Optional.of(ej), ejName, corridor,
                le.map(LegalEntity::status).orElse(LegalStatus.UNKNOWN), Optional.empty(), Optional.empty(),
                sites, 0, Optional.empty());
        Organisation.Builder ob = Organisation.builder(ejName.isEmpty() ? "EJ " + ej.value() : ejName)
                .member(member);
        for (int ci : mine) {
            DeployedCertificate c = certs.get(ci);
            ob.certificate(new ExistingCertificate(c.holder(), c.commonName(), c.usages(), c.notAfter(),
                    List.of(), List.of()));
        }
        DoctrineResult result;
        try {
            result = doctrine.evaluateWithoutProcedure(ob.build(), at);
        } catch (OrganisationException e) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            coverage[i] = Coverage.NONE;
        }
        List<PlannedCertificate> plan = result.plan().certificates();
        for (PlannedCertificate p : plan) {
            if (p.insi()) {
                continue;
            }
            boolean keep = p.action() == PlannedCertificate.Action.KEEP_UNTIL_RENEWAL;
            if (!keep && !p.held()) {
                continue;
            }
            List<Integer> fulfil = new ArrayList<>(1);
            for (int ci : mine) {
                DeployedCertificate c = certs.get(ci);
                if (c.holder().equals(p.holder()) && c.validOn(at) && !c.insi()) {
                    fulfil.add(ci);
                }
            }
            for (Finess f : p.covers()) {
                Integer s = siteIndex.get(f);
                if (s == null) {
                    continue;
                }
                Coverage c;
                if (p.holderKind() == PlannedCertificate.HolderKind.FINESS_EJ) {
                    c = Coverage.LEGAL_ENTITY;
                } else if (p.holder().finess().filter(f::equals).isPresent()) {
                    c = Coverage.ESTABLISHMENT;
                } else {
                    c = Coverage.MAIN_SITE;
                }
                if (coverage[s] == Coverage.NONE || c == Coverage.ESTABLISHMENT) {
                    coverage[s] = c;
                }
                for (int ci : fulfil) {
                    if (!covering.get(s).contains(ci)) {
                        covering.get(s).add(ci);
                    }
                }
                if (keep) {
                    legacy[s] = true;
                }
            }
        }
        for (Finding f : result.audit().findings()) {
            Location loc = f.location();
            Set<Integer> sites2 = new LinkedHashSet<>();
            Optional<DeployedCertificate> cert = Optional.empty();
            Location where = Location.of("EJ " + ej.value());
            int idx = loc.index("certificates").orElse(-1);
            if (idx >= 0 && idx < mine.size()) {
                DeployedCertificate c = certs.get(mine.get(idx));
                cert = Optional.of(c);
                sites2.addAll(relatedSites(c, ej, egs, siteIndex));
                // the file (or file:line) the certificate was read from, a path of its own
                where = c.source().isEmpty() ? where : Location.parse(c.source());
            } else {
                int p = loc.index("plan").orElse(-1);
                if (p >= 0 && p < plan.size()) {
                    for (Finess cf : plan.get(p).covers()) {
                        Integer s = siteIndex.get(cf);
                        if (s != null) {
                            sites2.add(s);
                        }
                    }
                }
            }
            if (f.rule().equals(Rules.DOC_EG_LEGACY)) {
                sites2.forEach(s -> legacy[s] = true);
            }
            local.add(new LocalFinding(f.at(where),
                    List.copyOf(sites2), cert));
        }
        return true;
    }

    /** The evaluation of one EJ, before accumulation. */
    record Eval(Finess ej, List<Establishment> egs, Departement[] deps, String ejName,
                        Optional<Corridor> corridor, Coverage[] coverage, List<List<Integer>> covering,
                        boolean[] legacy, List<LocalFinding> local, List<List<Integer>> insi,
                        List<List<Integer>> expired, List<List<Integer>> valid) {
    }

    /** A doctrine finding of one EJ, with the sites (indices) and the certificate it concerns. */
    record LocalFinding(Finding finding, List<Integer> sites, Optional<DeployedCertificate> certificate) {
    }

    /**
     * The doctrine corridor of an EJ from its EGs' categories: hospital, then médico-social, laboratory, pharmacy,
     * town medicine; empty when no category decides.
     *
     * @param egs the EJ's establishments
     * @return the corridor
     */
    static Optional<Corridor> corridorOf(List<Establishment> egs) {
        Corridor best = null;
        for (Establishment e : egs) {
            Optional<Corridor> c = Corridor.ofCategory(e.categoryCode());
            if (c.isPresent() && (best == null || rank(c.get()) < rank(best))) {
                best = c.get();
            }
        }
        return Optional.ofNullable(best);
    }

    private static int rank(Corridor c) {
        return switch (c) {
            case HOSPITAL -> 0;
            case MEDICO_SOCIAL -> 1;
            case LABORATORY -> 2;
            case PHARMACY -> 3;
            case TOWN_MEDICINE -> 4;
            case RADIOLOGY -> 5;
        };
    }
}
