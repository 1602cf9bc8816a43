package org.vigie.doctrine;

import org.vigie.core.Messages;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.vigie.core.Finess;
import org.vigie.core.LegalStatus;
import org.vigie.core.Location;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.StructureId;

/** Audits the existing certificates of a resolved organisation against its plan. */
final class Auditor {

    private final Organisation org;
    private final CertificatePlan plan;
    private final LocalDate date;
    private final Report.Builder report = Report.builder();

    private Auditor(Organisation org, CertificatePlan plan) {
        this.org = org;
        this.plan = plan;
        this.date = plan.date();
    }

    static Report audit(Organisation org, CertificatePlan plan) {
        Auditor a = new Auditor(org, plan);
        for (int i = 0; i < org.certificates().size(); i++) {
            a.certificate(i, org.certificates().get(i));
        }
        a.missing();
        a.cps();
        return a.report.evaluatedAt(plan.date().atStartOfDay(ZoneOffset.UTC).toInstant()).build();
    }

    /** What a holder id designates in the organisation. */
    private record Holder(Optional<Member> member, Optional<Site> site, boolean group) {
        boolean known() {
            return member.isPresent();
        }

        boolean ej() {
            return member.isPresent() && site.isEmpty() && member.get().finess().isPresent();
        }
    }

    private Holder holder(StructureId id) {
        Optional<Finess> f = id.finess();
        if (f.isPresent()) {
            Optional<Member> ej = org.memberByFiness(f.get());
            if (ej.isPresent()) {
                return new Holder(ej, Optional.empty(), false);
            }
            Optional<Member> eg = org.memberOfSite(f.get());
            if (eg.isPresent()) {
                return new Holder(eg, eg.get().site(f.get()), false);
            }
        }
        for (Member m : org.members()) {
            if (m.radiology().map(p -> p.id().equals(id)).orElse(false)) {
                return new Holder(Optional.of(m), Optional.empty(), false);
            }
        }
        return new Holder(Optional.empty(), Optional.empty(), org.groupId().map(id::equals).orElse(false));
    }

    /** True when a certificate is the one the site itself (or its member) should use. */
    private boolean ownCertificate(ExistingCertificate c, Site site, Member m) {
        if (c.holder().equals(site.structureId()) || c.holder().equals(m.id())) {
            return true;
        }
        return m.corridor() == Corridor.LABORATORY && m.sites().stream().filter(Site::mainSite)
                .anyMatch(s -> s.structureId().equals(c.holder()));
    }

    /**
     * The sites a certificate is used for: declared ({@code covers}); for an EG holder its own site (all sites for
     * a lab's main site); otherwise, in each solution it is installed in, the sites of its own member, plus, when
     * the solution holds no other legal entity's certificate, the sites that have no certificate of their own there
     * (a shared SI using one entity's certificate for all); with no solution given, all the sites of an EJ holder.
     */
    private Set<Site> coverage(ExistingCertificate c, Holder h) {
        Set<Site> sites = new LinkedHashSet<>();
        if (!c.covers().isEmpty()) {
            for (Finess f : c.covers()) {
                Optional<Member> ej = org.memberByFiness(f);
                if (ej.isPresent()) {
                    sites.addAll(ej.get().sites());
                } else {
                    org.memberOfSite(f).flatMap(m -> m.site(f)).ifPresent(sites::add);
                }
            }
            return sites;
        }
        if (h.site().isPresent()) {
            Member m = h.member().get();
            if (m.corridor() == Corridor.LABORATORY && h.site().get().mainSite()) {
                sites.addAll(m.sites());
            } else {
                sites.add(h.site().get());
            }
            return sites;
        }
        if (!c.solutions().isEmpty()) {
            for (String sid : c.solutions()) {
                Solution sol = org.solution(sid).orElseThrow();
                List<ExistingCertificate> installed = org.certificates().stream()
                        .filter(x -> x.solutions().contains(sid) && x.insiFamily() == c.insiFamily()
                                && x.validOn(date))
                        .toList();
                // when the solution holds the certificates of one legal entity only, it can only be using them for
                // the other entities it serves; when it holds several entities' certificates, the others' are missing
                Set<StructureId> owners = new LinkedHashSet<>();
                for (ExistingCertificate x : installed) {
                    owners.add(holder(x.holder()).member().map(Member::id).orElse(x.holder()));
                }
                boolean singleOwner = owners.size() == 1;
                for (Member m : org.members()) {
                    for (Site s : m.sites()) {
                        if (!sol.serves(s.finess())) {
                            continue;
                        }
                        boolean hasOwn = installed.stream().anyMatch(x -> ownCertificate(x, s, m));
                        if (ownCertificate(c, s, m) || (!hasOwn && singleOwner)) {
                            sites.add(s);
                        }
                    }
                }
            }
            return sites;
        }
        if (h.member().isPresent()) {
            sites.addAll(h.member().get().sites());
        }
        return sites;
    }

    private void certificate(int index, ExistingCertificate c) {
        Location loc = Location.of("certificates", index);
        String ev = c.label();
        // INSi naming holds whatever the validity
        if (c.usages().contains(Usage.INSI) && !c.insiNamed()) {
            report.add(Rules.DOC_INSI_NAMING, "misnamed", loc, ev, c.cn());
        }
        if (c.insiNamed() && c.usages().stream().anyMatch(u -> u != Usage.INSI)) {
            report.add(Rules.DOC_INSI_NAMING, "reused", loc, ev, c.cn(), usageList(c.usages()));
        }
        if (!c.validOn(date)) {
            return;
        }
        Holder h = holder(c.holder());
        if (!h.known()) {
            if (h.group()) {
                report.add(Rules.DOC_HOLDER, "group", loc, ev, org.groupKind().labelFr(), c.holder().value());
            } else if ((c.holder().kind() == StructureId.Kind.RPPS_RANG
                    || c.holder().kind() == StructureId.Kind.ADELI_CABINET)
                    && org.members().stream().anyMatch(m -> m.corridor() == Corridor.TOWN_MEDICINE)) {
                report.add(Rules.DOC_CPS, "cabinet", loc, ev, c.holder().value());
                return;
            } else {
                String expected = expectedHolders();
                if (expected.isEmpty()) {
                    report.add(Rules.DOC_HOLDER, "unknown-any-member", loc, ev, c.holder().value());
                } else {
                    report.add(Rules.DOC_HOLDER, "unknown", loc, ev, c.holder().value(), expected);
                }
            }
        }
        Set<Site> covered = coverage(c, h);
        Set<StructureId> entities = new LinkedHashSet<>();
        h.member().ifPresent(m -> entities.add(m.id()));
        for (Site s : covered) {
            org.memberOfSite(s.finess()).ifPresent(m -> entities.add(m.id()));
        }
        if (entities.size() > 1) {
            report.add(Rules.DOC_ONE_PER_EJ, "shared", loc, ev, entities.size(),
                    String.join(", ", entities.stream().map(StructureId::value).toList()));
        }
        if (h.member().isEmpty()) {
            return;
        }
        Member m = h.member().get();
        switch (m.corridor()) {
            case HOSPITAL, MEDICO_SOCIAL -> finessHolder(loc, ev, c, h, m, covered);
            case PHARMACY -> {
                if (h.site().isEmpty()) {
                    report.add(Rules.DOC_HOLDER, "pharmacy-ej", loc, ev, c.holder().value());
                }
            }
            case LABORATORY -> {
                Site main = m.sites().size() == 1 ? m.sites().get(0)
                        : m.sites().stream().filter(Site::mainSite).findFirst().orElseThrow();
                if (!c.holder().equals(main.structureId())) {
                    report.add(Rules.DOC_HOLDER, "laboratory", loc, ev, c.holder().value(),
                            main.structureId().value());
                }
            }
            case TOWN_MEDICINE -> {
                if (h.site().isEmpty()) {
                    report.add(Rules.DOC_HOLDER, "health-centre-ej", loc, ev, c.holder().value());
                }
            }
            default -> {
                // radiology: the holder matched the practice id
            }
        }
        if (!Planner.unified(org, m)) {
            List<String> serving = c.solutions().stream()
                    .filter(sid -> org.solution(sid).map(s -> org.solutionsServing(m).contains(s)).orElse(false))
                    .toList();
            if (serving.size() > 1) {
                report.add(Rules.DOC_SI_PER_SOLUTION, "shared", loc, ev, serving.size(), String.join(", ", serving),
                        m.label());
            }
        }
    }

    private void finessHolder(Location loc, String ev, ExistingCertificate c, Holder h, Member m, Set<Site> covered) {
        if (h.site().isPresent()) {
            Site own = h.site().get();
            List<String> others = covered.stream().filter(s -> !s.equals(own)).map(s -> s.finess().value()).toList();
            if (!others.isEmpty()) {
                report.add(Rules.DOC_HOLDER, "eg-for-several", loc, ev, own.finess().value(),
                        String.join(", ", others));
            }
            LocalDate from = CertificateDoctrine.ejAllowedFrom(m, own).orElseThrow();
            if (!date.isBefore(from)) {
                String ej = m.finess().map(Finess::value).orElse("");
                if (c.notAfter().isPresent()) {
                    report.add(Rules.DOC_EG_LEGACY, "kept-until", loc, ev, Planner.FR_DATE.format(c.notAfter().get()),
                            ej);
                } else {
                    report.add(Rules.DOC_EG_LEGACY, "kept", loc, ev, ej);
                }
            }
            return;
        }
        Messages.Text early = null;
        for (Site s : covered) {
            if (!m.sites().contains(s)) {
                continue;
            }
            LocalDate from = CertificateDoctrine.ejAllowedFrom(m, s).orElseThrow();
            if (date.isBefore(from)) {
                Messages.Text one = Messages.text("DOC-EJ-NOT-YET.doctrine-site", s.finess().value(), siteCase(m, s),
                        Planner.FR_DATE.format(from));
                early = early == null ? one : Messages.text("DOC-EJ-NOT-YET.doctrine-and", early, one);
            }
        }
        if (early != null) {
            report.add(Rules.DOC_EJ_NOT_YET, "early", loc, ev, early);
        }
        List<String> perEg = covered.stream().filter(Site::financedPerEg).map(s -> s.finess().value()).toList();
        if (!perEg.isEmpty()) {
            report.add(Rules.DOC_EG_TRACE, "financed-per-eg", loc, ev, String.join(", ", perEg));
        }
    }

    private static Object siteCase(Member m, Site s) {
        if (s.ehpad()) {
            return "EHPAD";
        }
        if (m.corridor() == Corridor.MEDICO_SOCIAL) {
            return "ESSMS";
        }
        if (m.dialysisCentre()) {
            return Messages.text("DOC-EJ-NOT-YET.doctrine-dialysis");
        }
        return Messages.text(m.status() == LegalStatus.PUBLIC ? "DOC-EJ-NOT-YET.doctrine-public-es"
                : "DOC-EJ-NOT-YET.doctrine-private-es");
    }

    private String expectedHolders() {
        Set<String> ids = new LinkedHashSet<>();
        for (PlannedCertificate p : plan.certificates()) {
            ids.add(p.holderKind().label() + " " + p.holder().value());
        }
        return String.join(", ", ids);
    }

    private static String usageList(Set<Usage> usages) {
        return String.join(", ", usages.stream().filter(u -> u != Usage.INSI).sorted().map(Usage::label).toList());
    }

    /** Planned certificates with no matching valid existing certificate. */
    private void missing() {
        List<PlannedCertificate> planned = plan.certificates();
        for (int i = 0; i < planned.size(); i++) {
            PlannedCertificate p = planned.get(i);
            if (p.action() != PlannedCertificate.Action.ORDER) {
                continue;
            }
            if (!p.held()) {
                // one sentence per shape: with or without the solutions, with or without the required CN
                String name = (p.solutions().isEmpty() ? "none" : "none-for")
                        + (p.requiredCn().isPresent() ? "-cn" : "");
                List<Object> args = new ArrayList<>(List.of(p.holderKind().label(), p.holder().value()));
                if (!p.solutions().isEmpty()) {
                    args.add(String.join(", ", p.solutions()));
                }
                p.requiredCn().ifPresent(args::add);
                args.add(p.mainRule().code());
                report.add(Rules.DOC_MISSING, name, Location.of("plan", i), p.holder().value(), args.toArray());
            }
        }
    }

    private void cps() {
        for (int i = 0; i < org.members().size(); i++) {
            Member m = org.members().get(i);
            if (m.corridor() == Corridor.TOWN_MEDICINE && m.liberalDoctors() > 0) {
                report.add(Rules.DOC_CPS, "liberal-doctors", Location.of("members", i), m.id().value(),
                        m.liberalDoctors(), m.label());
            }
        }
    }
}
