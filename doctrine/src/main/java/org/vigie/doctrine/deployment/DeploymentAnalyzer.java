package org.vigie.doctrine.deployment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.vigie.core.Establishment;
import org.vigie.core.Finding;
import org.vigie.core.Finess;
import org.vigie.core.InMemoryStructureDirectory;
import org.vigie.core.LegalEntity;
import org.vigie.core.LegalStatus;
import org.vigie.core.Location;
import org.vigie.core.Rules;
import org.vigie.core.StructureDirectory;
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
 * Computes the deployment dashboard of organisation certificates (DOMAIN §10) from the FINESS directory and the
 * inventory of deployed certificates, with the certificate doctrine ({@link CertificateDoctrine}) as the judge.
 *
 * <p>Each legal entity (EJ) with active establishments is evaluated on its own by the doctrine: its EGs (categories
 * from the directory), its statut juridique (from the EJ record, unknown when the directory has none), and the
 * inventory certificates attached to it: held under its FINESS EJ, the FINESS of one of its EGs, the SIRET of one of
 * its EGs or its SIREN. An EG is covered when the doctrine's plan for the date has a certificate covering it that a
 * valid certificate of the inventory fulfils (or a legacy EG certificate kept until renewal). The corridor of an EJ
 * comes from the categories of its EGs (hospital before médico-social before laboratory, pharmacy and town
 * medicine); an EJ without corridor (e.g. a CPTS) is "hors doctrine" and left out of coverage rates. The
 * inventory does not tell which EGs are financed per EG, which software a certificate is installed in, nor a
 * laboratory's main site: no EG is taken as financed per EG, every EJ's information system as unified, and the
 * main site of a multi-site laboratory is its first EG holding a valid certificate (else its first EG).
 *
 * <p>Immutable and thread-safe; {@link #analyze} streams over the directory once. Build with {@link #builder()}.
 */
public final class DeploymentAnalyzer {

    /** Default expiry window, in days. */
    public static final int DEFAULT_EXPIRY_WINDOW_DAYS = 90;

    /** Progress of an analysis. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param done  legal entities evaluated so far
         * @param total legal entities to evaluate
         */
        void update(int done, int total);
    }

    private final InMemoryStructureDirectory directory;
    private final Territories territories;
    private final int expiryWindowDays;
    private final CertificateDoctrine doctrine = CertificateDoctrine.builder().build();

    private DeploymentAnalyzer(Builder b) {
        this.directory = Objects.requireNonNull(b.directory, "directory");
        this.territories = b.territories;
        this.expiryWindowDays = b.expiryWindowDays;
    }

    /** @return a builder (the directory is required) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The dashboard of the whole directory.
     *
     * @param inventory the deployed certificates
     * @param at        the evaluation date
     * @return the dashboard
     */
    public Deployment analyze(Inventory inventory, LocalDate at) {
        return analyze(inventory, at, Scope.all(), (d, t) -> { });
    }

    /**
     * The dashboard of a scope.
     *
     * @param inventory the deployed certificates
     * @param at        the evaluation date
     * @param scope     everything, a region or a département
     * @param progress  called every thousand legal entities
     * @return the dashboard
     */
    public Deployment analyze(Inventory inventory, LocalDate at, Scope scope, Progress progress) {
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(progress, "progress");
        return new Run(inventory, at, scope, progress).run();
    }

    /** Accumulates the indicators of one group. */
    private static final class Acc {
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

        Acc(Indicators.Level level, String code, String name, String departement, String region) {
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

    /** One analysis. */
    private final class Run {
        final List<DeployedCertificate> certs;
        final Inventory inventory;
        final LocalDate at;
        final LocalDate expiryLimit;
        final Scope scope;
        final Progress progress;
        final Map<Finess, List<Integer>> certsOfEj = new HashMap<>();
        final List<UnmatchedCertificate> unmatched = new ArrayList<>();
        final Map<String, Acc> regions = new HashMap<>();
        final Map<String, Acc> departements = new HashMap<>();
        final List<Indicators> legalEntities = new ArrayList<>();
        final List<EstablishmentStatus> establishments = new ArrayList<>();
        final List<DeploymentFinding> findings = new ArrayList<>();
        final Acc total;

        Run(Inventory inventory, LocalDate at, Scope scope, Progress progress) {
            this.inventory = inventory;
            this.certs = inventory.certificates();
            this.at = at;
            this.expiryLimit = at.plusDays(expiryWindowDays);
            this.scope = scope;
            this.progress = progress;
            this.total = new Acc(Indicators.Level.TOTAL, "FR", scope.labelFr(), "", "");
        }

        Deployment run() {
            Map<Finess, List<Establishment>> egsOfEj = new LinkedHashMap<>();
            directory.establishments().forEach(e -> {
                if (e.active()) {
                    egsOfEj.computeIfAbsent(e.legalEntity(), k -> new ArrayList<>(2)).add(e);
                }
            });
            attach(egsOfEj);
            // legal entities are evaluated in parallel by chunks, then accumulated in directory order
            List<Map.Entry<Finess, List<Establishment>>> entries = new ArrayList<>(egsOfEj.entrySet());
            int n = entries.size();
            for (int from = 0; from < n; from += CHUNK) {
                List<Eval> evals = entries.subList(from, Math.min(n, from + CHUNK)).parallelStream()
                        .map(e -> evaluate(e.getKey(), e.getValue())).toList();
                for (Eval v : evals) {
                    if (v != null) {
                        accumulate(v);
                    }
                }
                progress.update(Math.min(n, from + CHUNK), n);
            }
            if (n == 0) {
                progress.update(0, 0);
            }
            List<Indicators> regionList = new ArrayList<>();
            for (Region r : territories.regions()) {
                Acc a = regions.get(r.code());
                if (a != null) {
                    regionList.add(a.build(certs, expiryLimit));
                }
            }
            Acc unknownRegion = regions.get(Region.UNKNOWN.code());
            if (unknownRegion != null) {
                regionList.add(unknownRegion.build(certs, expiryLimit));
            }
            List<Indicators> depList = new ArrayList<>();
            Set<String> listed = new HashSet<>();
            for (Departement d : territories.departements()) {
                Acc a = departements.get(d.code());
                if (a != null) {
                    depList.add(a.build(certs, expiryLimit));
                    listed.add(d.code());
                }
            }
            departements.entrySet().stream().filter(x -> !listed.contains(x.getKey()))
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(x -> depList.add(x.getValue().build(certs, expiryLimit)));
            return new Deployment(at, scope, expiryWindowDays, total.build(certs, expiryLimit), regionList, depList,
                    legalEntities, establishments, findings, unmatched, certs.size(), inventory.problems(),
                    inventory.problemCount());
        }

        /** Attaches each certificate to an EJ, or lists it as unmatched. */
        void attach(Map<Finess, List<Establishment>> egsOfEj) {
            Map<String, Establishment> bySiret = null;
            Map<String, Finess> bySiren = null;
            for (int i = 0; i < certs.size(); i++) {
                DeployedCertificate c = certs.get(i);
                StructureId h = c.holder();
                Finess ej = null;
                String reason;
                switch (h.kind()) {
                    case FINESS -> {
                        Finess f = h.finess().orElseThrow();
                        StructureDirectory.Resolution r = directory.resolve(h);
                        // the directory's one resolution: an EJ with or without its own record (etalab EG
                        // extract alone), an EG, or unknown; a closed EJ (all its EGs closed) has no open EG below
                        if (r instanceof StructureDirectory.Resolution.AsEstablishment eg) {
                            ej = eg.closed() ? null : eg.establishment().legalEntity();
                            reason = "FINESS EG " + f.value() + " fermé dans le répertoire";
                        } else if (r instanceof StructureDirectory.Resolution.AsLegalEntity) {
                            ej = f;
                            reason = "";
                        } else {
                            reason = "FINESS " + f.value() + " inconnu du répertoire (ni EJ ni EG)";
                        }
                    }
                    case SIRET -> {
                        if (bySiret == null) {
                            bySiret = new HashMap<>();
                            for (List<Establishment> egs : egsOfEj.values()) {
                                for (Establishment e : egs) {
                                    Map<String, Establishment> m = bySiret;
                                    e.siret().ifPresent(s -> m.putIfAbsent(s.value(), e));
                                }
                            }
                        }
                        Establishment e = bySiret.get(h.number());
                        ej = e == null ? null : e.legalEntity();
                        reason = "SIRET " + h.number() + " d'aucun EG ouvert du répertoire";
                    }
                    case SIREN -> {
                        if (bySiren == null) {
                            bySiren = new HashMap<>();
                            Map<String, Finess> m = bySiren;
                            directory.legalEntities().forEach(le -> le.siren()
                                    .ifPresent(s -> m.putIfAbsent(s.value(), le.finess())));
                        }
                        ej = bySiren.get(h.number());
                        reason = "SIREN " + h.number() + " d'aucune EJ du répertoire";
                    }
                    default -> reason = "identifiant " + kindLabel(h.kind()) + " hors FINESS : aucun établissement du "
                            + "répertoire à rattacher";
                }
                if (ej != null && !egsOfEj.containsKey(ej)) {
                    reason = "EJ " + ej.value() + " sans EG ouvert dans le répertoire";
                    ej = null;
                }
                if (ej == null) {
                    unmatched.add(new UnmatchedCertificate(c, reason));
                } else {
                    certsOfEj.computeIfAbsent(ej, k -> new ArrayList<>(2)).add(i);
                }
            }
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
            Acc ejAcc = new Acc(Indicators.Level.LEGAL_ENTITY, ej.value(), ejName, ejDep.code(),
                    ejDep.region().name());
            for (LocalFinding lf : local) {
                Set<String> depCodes = new LinkedHashSet<>();
                Set<String> regionCodes = new LinkedHashSet<>();
                List<Finess> named = new ArrayList<>();
                boolean inScope = lf.sites.isEmpty() && scope.includes(territories.locate("", ej));
                for (int s : lf.sites) {
                    siteFindings.get(s).add(lf.finding);
                    if (lf.finding.rule().equals(Rules.DOC_INSI_NAMING)) {
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
                if (lf.sites.isEmpty()) {
                    Departement d = territories.locate("", ej);
                    depCodes.add(d.code());
                    regionCodes.add(d.region().code());
                }
                findings.add(new DeploymentFinding(lf.finding, ej, ejName, named, List.copyOf(depCodes),
                        List.copyOf(regionCodes), lf.certificate));
                String rule = lf.finding.ruleId();
                ejAcc.findings.merge(rule, 1, Integer::sum);
                total.findings.merge(rule, 1, Integer::sum);
                for (String d : depCodes) {
                    Departement dep = depOf(d, deps);
                    if (scope.includes(dep)) {
                        depAcc(dep).findings.merge(rule, 1, Integer::sum);
                    }
                }
                for (String r : regionCodes) {
                    if (scope.region() == null && scope.departement() == null
                            || scope.region() != null && scope.region().code().equals(r)
                            || scope.departement() != null && scope.departement().region().code().equals(r)) {
                        regionAcc(r).findings.merge(rule, 1, Integer::sum);
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
                for (Acc a : new Acc[] {ejAcc, depAcc(deps[i]), regionAcc(deps[i].region().code()), total}) {
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
            legalEntities.add(ejAcc.build(certs, expiryLimit));
        }

        private Departement depOf(String code, Departement[] deps) {
            for (Departement d : deps) {
                if (d.code().equals(code)) {
                    return d;
                }
            }
            return territories.departement(code).orElse(new Departement(code, code, Region.UNKNOWN));
        }

        private Acc depAcc(Departement d) {
            return departements.computeIfAbsent(d.code(), k -> new Acc(Indicators.Level.DEPARTEMENT, d.code(),
                    d.name(), d.code(), d.region().name()));
        }

        private Acc regionAcc(String code) {
            return regions.computeIfAbsent(code, k -> {
                Region r = territories.region(code).orElse(Region.UNKNOWN);
                return new Acc(Indicators.Level.REGION, r.code(), r.name(), "", r.name());
            });
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
    }

    /** Legal entities evaluated per parallel chunk. */
    private static final int CHUNK = 4096;

    /** The evaluation of one EJ, before accumulation. */
    private record Eval(Finess ej, List<Establishment> egs, Departement[] deps, String ejName,
                        Optional<Corridor> corridor, Coverage[] coverage, List<List<Integer>> covering,
                        boolean[] legacy, List<LocalFinding> local, List<List<Integer>> insi,
                        List<List<Integer>> expired, List<List<Integer>> valid) {
    }

    private record LocalFinding(Finding finding, List<Integer> sites, Optional<DeployedCertificate> certificate) {
    }

    private static String kindLabel(StructureId.Kind k) {
        return switch (k) {
            case ADELI_CABINET -> "de cabinet ADELI";
            case RPPS_RANG -> "RPPS-rang";
            case TECHNICAL -> "technique";
            default -> k.name();
        };
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

    /** Builds a {@link DeploymentAnalyzer}. */
    public static final class Builder {
        private InMemoryStructureDirectory directory;
        private Territories territories = Territories.standard();
        private int expiryWindowDays = DEFAULT_EXPIRY_WINDOW_DAYS;

        private Builder() {
        }

        /**
         * @param directory the FINESS directory (required)
         * @return this builder
         */
        public Builder directory(InMemoryStructureDirectory directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * @param territories the département → région table (default {@link Territories#standard()})
         * @return this builder
         */
        public Builder territories(Territories territories) {
            this.territories = Objects.requireNonNull(territories, "territories");
            return this;
        }

        /**
         * @param days certificates ending within this many days of the date are "expiring soon" (default
         *             {@value DeploymentAnalyzer#DEFAULT_EXPIRY_WINDOW_DAYS})
         * @return this builder
         */
        public Builder expiryWindowDays(int days) {
            if (days < 0) {
                throw new IllegalArgumentException("expiry window must be >= 0 days");
            }
            this.expiryWindowDays = days;
            return this;
        }

        /**
         * @return the analyzer
         * @throws NullPointerException when no directory was given
         */
        public DeploymentAnalyzer build() {
            return new DeploymentAnalyzer(this);
        }
    }
}
