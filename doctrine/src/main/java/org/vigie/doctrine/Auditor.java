package org.vigie.doctrine;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.vigie.core.Finess;
import org.vigie.core.LegalStatus;
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
        String loc = "certificates[" + index + "]";
        String ev = c.label();
        // INSi naming holds whatever the validity
        if (c.usages().contains(Usage.INSI) && !c.insiNamed()) {
            report.add(Rules.DOC_INSI_NAMING, "Certificat utilisé pour l'INSi nommé CN=« " + c.cn()
                    + " » ; attendu : CN=INSI-AUTO ou CN=INSI-MANU.", loc, ev);
        }
        if (c.insiNamed() && c.usages().stream().anyMatch(u -> u != Usage.INSI)) {
            report.add(Rules.DOC_INSI_NAMING, "Certificat INSi (CN=" + c.cn() + ") réutilisé pour "
                    + usageList(c.usages()) + " ; attendu : un certificat INSi dédié au seul téléservice INSi.", loc, ev);
        }
        if (!c.validOn(date)) {
            return;
        }
        Holder h = holder(c.holder());
        if (!h.known()) {
            if (h.group()) {
                report.add(Rules.DOC_HOLDER, "Certificat sous l'identifiant du " + org.groupKind().labelFr() + " "
                        + c.holder().value() + " : un groupement n'est pas une personne morale porteuse ; attendu : "
                        + "un certificat par entité juridique membre.", loc, ev);
            } else if ((c.holder().kind() == StructureId.Kind.RPPS_RANG
                    || c.holder().kind() == StructureId.Kind.ADELI_CABINET)
                    && org.members().stream().anyMatch(m -> m.corridor() == Corridor.TOWN_MEDICINE)) {
                report.add(Rules.DOC_CPS, "Certificat sous l'identifiant de cabinet " + c.holder().value()
                        + " : les médecins libéraux accèdent aux services Ségur par leur carte CPS, aucun certificat "
                        + "n'est nécessaire.", loc, ev);
                return;
            } else {
                report.add(Rules.DOC_HOLDER, "Titulaire " + c.holder().value() + " inconnu de l'organisation ; attendu : "
                        + expectedHolders() + ".", loc, ev);
            }
        }
        Set<Site> covered = coverage(c, h);
        Set<StructureId> entities = new LinkedHashSet<>();
        h.member().ifPresent(m -> entities.add(m.id()));
        for (Site s : covered) {
            org.memberOfSite(s.finess()).ifPresent(m -> entities.add(m.id()));
        }
        if (entities.size() > 1) {
            report.add(Rules.DOC_ONE_PER_EJ, "Un certificat sert " + entities.size() + " entités juridiques ("
                    + String.join(", ", entities.stream().map(StructureId::value).toList())
                    + ") ; attendu : un certificat par entité juridique.", loc, ev);
        }
        if (h.member().isEmpty()) {
            return;
        }
        Member m = h.member().get();
        switch (m.corridor()) {
            case HOSPITAL, MEDICO_SOCIAL -> finessHolder(loc, ev, c, h, m, covered);
            case PHARMACY -> {
                if (h.site().isEmpty()) {
                    report.add(Rules.DOC_HOLDER, "Officine : certificat sous le FINESS EJ " + c.holder().value()
                            + " ; attendu : le FINESS géographique de l'officine.", loc, ev);
                }
            }
            case LABORATORY -> {
                Site main = m.sites().size() == 1 ? m.sites().get(0)
                        : m.sites().stream().filter(Site::mainSite).findFirst().orElseThrow();
                if (!c.holder().equals(main.structureId())) {
                    report.add(Rules.DOC_HOLDER, "Laboratoire : certificat sous " + c.holder().value()
                            + " ; attendu : le FINESS EG du site principal " + main.structureId().value()
                            + " pour l'ensemble des sites.", loc, ev);
                }
            }
            case TOWN_MEDICINE -> {
                if (h.site().isEmpty()) {
                    report.add(Rules.DOC_HOLDER, "Maison ou centre de santé : certificat sous le FINESS EJ "
                            + c.holder().value() + " ; attendu : le FINESS géographique.", loc, ev);
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
                report.add(Rules.DOC_SI_PER_SOLUTION, "Certificat partagé par " + serving.size() + " solutions ("
                        + String.join(", ", serving) + ") de " + m.label()
                        + ", dont le SI n'est pas unifié ; attendu : un certificat par solution.", loc, ev);
            }
        }
    }

    private void finessHolder(String loc, String ev, ExistingCertificate c, Holder h, Member m, Set<Site> covered) {
        if (h.site().isPresent()) {
            Site own = h.site().get();
            List<String> others = covered.stream().filter(s -> !s.equals(own)).map(s -> s.finess().value()).toList();
            if (!others.isEmpty()) {
                report.add(Rules.DOC_HOLDER, "Certificat sous le FINESS EG " + own.finess().value()
                        + " utilisé aussi pour " + String.join(", ", others)
                        + " ; attendu : le FINESS EJ pour couvrir plusieurs EG (ou un certificat par EG).", loc, ev);
            }
            LocalDate from = CertificateDoctrine.ejAllowedFrom(m, own).orElseThrow();
            if (!date.isBefore(from)) {
                report.add(Rules.DOC_EG_LEGACY, "Certificat EG conservable" + c.notAfter()
                        .map(d -> " jusqu'au " + Planner.FR_DATE.format(d)).orElse("")
                        + " ; au renouvellement, passer au certificat sous le FINESS EJ "
                        + m.finess().map(Finess::value).orElse("") + ".", loc, ev);
            }
            return;
        }
        List<String> early = new ArrayList<>();
        for (Site s : covered) {
            if (!m.sites().contains(s)) {
                continue;
            }
            LocalDate from = CertificateDoctrine.ejAllowedFrom(m, s).orElseThrow();
            if (date.isBefore(from)) {
                early.add(s.finess().value() + " (" + siteCase(m, s) + " : à partir du " + Planner.FR_DATE.format(from)
                        + ")");
            }
        }
        if (!early.isEmpty()) {
            report.add(Rules.DOC_EJ_NOT_YET, "Certificat sous le FINESS EJ couvrant " + String.join(", ", early)
                    + " ; attendu : un certificat par EG jusqu'à ces dates.", loc, ev);
        }
        List<String> perEg = covered.stream().filter(Site::financedPerEg).map(s -> s.finess().value()).toList();
        if (!perEg.isEmpty()) {
            report.add(Rules.DOC_EG_TRACE, "Certificat EJ servant des EG financés au niveau géographique ("
                    + String.join(", ", perEg) + ") : authorInstitution doit porter le FINESS EG, pas l'EJ.", loc, ev);
        }
    }

    private static String siteCase(Member m, Site s) {
        if (s.ehpad()) {
            return "EHPAD";
        }
        if (m.corridor() == Corridor.MEDICO_SOCIAL) {
            return "ESSMS";
        }
        if (m.dialysisCentre()) {
            return "centre de dialyse";
        }
        return m.status() == LegalStatus.PUBLIC ? "ES public" : "ES privé";
    }

    private String expectedHolders() {
        Set<String> ids = new LinkedHashSet<>();
        for (PlannedCertificate p : plan.certificates()) {
            ids.add(p.holderKind().label() + " " + p.holder().value());
        }
        return ids.isEmpty() ? "un identifiant d'un membre" : String.join(", ", ids);
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
                String where = p.solutions().isEmpty() ? "" : " pour " + String.join(", ", p.solutions());
                report.add(Rules.DOC_MISSING, "Aucun certificat valide sous le " + p.holderKind().label() + " "
                        + p.holder().value() + where + (p.requiredCn().map(cn -> " (CN=" + cn + ")").orElse(""))
                        + " ; attendu selon la règle " + p.mainRule().code() + " : à commander.",
                        "plan[" + i + "]", p.holder().value());
            }
        }
    }

    private void cps() {
        for (int i = 0; i < org.members().size(); i++) {
            Member m = org.members().get(i);
            if (m.corridor() == Corridor.TOWN_MEDICINE && m.liberalDoctors() > 0) {
                report.add(Rules.DOC_CPS, m.liberalDoctors() + " médecin(s) libéral(aux) de " + m.label()
                        + " : accès par carte CPS, aucun certificat à commander pour eux.", "members[" + i + "]",
                        m.id().value());
            }
        }
    }
}
