package org.vigie.doctrine;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vigie.core.Finess;
import org.vigie.core.LegalStatus;
import org.vigie.core.Messages;
import org.vigie.core.StructureId;
import org.vigie.doctrine.PlannedCertificate.Action;
import org.vigie.doctrine.PlannedCertificate.HolderKind;

/** Plans the certificates of a resolved organisation. */
final class Planner {

    static final DateTimeFormatter FR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Organisation org;
    private final LocalDate date;
    private final List<PlannedCertificate> out = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Notes in English rather than French. */
    private final boolean en;

    private Planner(Organisation org, LocalDate date, Locale locale) {
        this.org = org;
        this.date = date;
        this.en = Messages.language(locale) == Locale.ENGLISH;
    }

    static CertificatePlan plan(Organisation org, LocalDate date) {
        return plan(org, date, Locale.FRENCH);
    }

    /** The plan, its notes in {@code locale}'s language (English for an English locale, French otherwise). */
    static CertificatePlan plan(Organisation org, LocalDate date, Locale locale) {
        Planner p = new Planner(org, date, locale);
        for (Member m : org.members()) {
            p.member(m);
        }
        List<PlannedCertificate> marked = p.out.stream()
                .map(c -> c.action() == Action.ORDER ? c.withHeld(held(org, c, date)) : c).toList();
        return new CertificatePlan(org.name(), date, marked, p.notes);
    }

    /** True when a valid existing certificate fulfils the planned one. */
    static boolean held(Organisation org, PlannedCertificate p, LocalDate date) {
        return org.certificates().stream().anyMatch(c -> c.validOn(date)
                && c.holder().equals(p.holder())
                && c.insiFamily() == p.insi()
                && (p.solutions().isEmpty() || c.solutions().isEmpty()
                    || c.solutions().stream().anyMatch(p.solutions()::contains)));
    }

    /** True when the organisation groups several legal entities. */
    static boolean grouped(Organisation org) {
        return org.groupKind() != GroupKind.NONE || org.members().size() > 1;
    }

    /** The EJ's SI is unified when declared so, or (undeclared) when at most one solution serves it. */
    static boolean unified(Organisation org, Member m) {
        return m.unifiedSi().orElseGet(() -> org.solutionsServing(m).size() <= 1);
    }

    private void member(Member m) {
        switch (m.corridor()) {
            case HOSPITAL, MEDICO_SOCIAL -> finessMember(m);
            case PHARMACY -> {
                for (Site s : m.sites()) {
                    emit(m, s.structureId(), HolderKind.FINESS_EG, List.of(s.finess()),
                            solutionsFor(List.of(s)), List.of(DoctrineRule.PHARMACY_EG), List.of());
                }
            }
            case LABORATORY -> {
                Site main = m.sites().size() == 1 ? m.sites().get(0)
                        : m.sites().stream().filter(Site::mainSite).findFirst().orElseThrow();
                emit(m, main.structureId(), HolderKind.FINESS_EG, finessList(m.sites()), solutionsFor(m.sites()),
                        List.of(DoctrineRule.LAB_MAIN_SITE), List.of());
            }
            case TOWN_MEDICINE -> {
                for (Site s : m.sites()) {
                    emit(m, s.structureId(), HolderKind.FINESS_EG, List.of(s.finess()),
                            solutionsFor(List.of(s)), List.of(DoctrineRule.TOWN_EG), List.of());
                }
                if (m.liberalDoctors() > 0) {
                    notes.add(en ? m.label() + ": " + m.liberalDoctors() + " town doctor(s) — "
                            + DoctrineRule.CPS.textEn()
                            : m.label() + " : " + m.liberalDoctors() + " médecin(s) libéral(aux) — "
                            + DoctrineRule.CPS.textFr());
                }
            }
            case RADIOLOGY -> {
                RadiologyPractice p = m.radiology().orElseThrow();
                boolean company = p.situation() == RadiologyPractice.Situation.COMPANY;
                List<Solution> sols = org.solutionsServing(m);
                emit(m, p.id(), company ? HolderKind.SIRET : HolderKind.RPPS_RANG, List.of(), sols,
                        List.of(company ? DoctrineRule.RADIOLOGY_SIRET : DoctrineRule.RADIOLOGY_RPPS_RANG), List.of());
            }
            default -> throw new IllegalStateException(m.corridor().name());
        }
    }

    /** Hospital and médico-social members: EJ certificate when allowed, EG certificates before, legacy kept. */
    private void finessMember(Member m) {
        boolean unified = unified(org, m);
        if (m.corridor() == Corridor.HOSPITAL && m.status() == LegalStatus.UNKNOWN && !m.dialysisCentre()) {
            notes.add(en ? m.label() + ": legal status unknown, treated as a private ES (EJ certificate from "
                    + FR_DATE.format(CertificateDoctrine.PRIVATE_ES_FROM) + ")."
                    : m.label() + " : statut juridique inconnu, traité comme un ES privé (certificat EJ à partir du "
                    + FR_DATE.format(CertificateDoctrine.PRIVATE_ES_FROM) + ").");
        }
        for (boolean insi : new boolean[] {false, true}) {
            List<Site> familySites = new ArrayList<>();
            for (Site s : m.sites()) {
                if (!insi || org.solutionsServing(s.finess()).stream().anyMatch(Solution::callsInsi)) {
                    familySites.add(s);
                }
            }
            if (familySites.isEmpty()) {
                continue;
            }
            List<Site> ejSites = new ArrayList<>();
            List<Site> egSites = new ArrayList<>();
            for (Site s : familySites) {
                LocalDate from = CertificateDoctrine.ejAllowedFrom(m, s).orElseThrow();
                if (date.isBefore(from)) {
                    egSites.add(s);
                    continue;
                }
                Optional<ExistingCertificate> legacy = org.certificates().stream()
                        .filter(c -> c.holder().equals(s.structureId()) && c.insiFamily() == insi && c.validOn(date))
                        .findFirst();
                if (legacy.isPresent()) {
                    keep(m, s, legacy.get(), insi);
                } else {
                    ejSites.add(s);
                }
            }
            if (!ejSites.isEmpty()) {
                List<DoctrineRule> rules = ejRules(m, ejSites);
                List<String> itemNotes = ejNotes(m, ejSites);
                List<Solution> sols = familySolutions(solutionsFor(ejSites), insi);
                if (!unified && sols.size() > 1) {
                    List<DoctrineRule> per = new ArrayList<>(rules);
                    per.add(1, DoctrineRule.PER_SOLUTION);
                    List<Site> unserved = new ArrayList<>(ejSites);
                    for (Solution sol : sols) {
                        List<Site> served = ejSites.stream().filter(s -> sol.serves(s.finess())).toList();
                        unserved.removeAll(served);
                        emitFamily(m, m.id(), HolderKind.FINESS_EJ, finessList(served), List.of(sol), per,
                                ejNotes(m, served), insi);
                    }
                    if (!unserved.isEmpty()) {
                        emitFamily(m, m.id(), HolderKind.FINESS_EJ, finessList(unserved), List.of(), rules,
                                ejNotes(m, unserved), insi);
                    }
                } else {
                    emitFamily(m, m.id(), HolderKind.FINESS_EJ, finessList(ejSites), sols, rules, itemNotes, insi);
                }
            }
            for (Site s : egSites) {
                LocalDate from = CertificateDoctrine.ejAllowedFrom(m, s).orElseThrow();
                List<DoctrineRule> rules = new ArrayList<>(List.of(DoctrineRule.EG_BEFORE_EJ));
                rules.add(ejMainRule(m));
                if (s.ehpad()) {
                    rules.add(DoctrineRule.EHPAD_EJ);
                }
                List<String> n = new ArrayList<>();
                n.add(en ? "EJ certificate possible for this EG from " + FR_DATE.format(from) + "."
                        : "Certificat EJ possible pour cet EG à partir du " + FR_DATE.format(from) + ".");
                if (m.corridor() == Corridor.HOSPITAL && m.status() != LegalStatus.PUBLIC && !m.dialysisCentre()
                        && !date.isBefore(CertificateDoctrine.PRIVATE_ES_EARLIEST)) {
                    n.add(en ? "The ANS announces an opening in mid-July 2022 at the earliest; the date used is "
                            + FR_DATE.format(CertificateDoctrine.PRIVATE_ES_FROM) + "." : "L'ANS annonce une ouverture au plus tôt mi-juillet 2022 ; la date retenue est le "
                            + FR_DATE.format(CertificateDoctrine.PRIVATE_ES_FROM) + ".");
                }
                if (s.ehpad()) {
                    n.add(en ? "Feeding the DMP is restricted for EHPAD until June 2022."
                            : "Restriction d'alimentation du DMP pour les EHPAD jusqu'en juin 2022.");
                }
                List<Solution> sols = familySolutions(solutionsFor(List.of(s)), insi);
                if (!unified && sols.size() > 1) {
                    List<DoctrineRule> per = new ArrayList<>(rules);
                    per.add(1, DoctrineRule.PER_SOLUTION);
                    for (Solution sol : sols) {
                        emitFamily(m, s.structureId(), HolderKind.FINESS_EG, List.of(s.finess()), List.of(sol), per, n,
                                insi);
                    }
                } else {
                    emitFamily(m, s.structureId(), HolderKind.FINESS_EG, List.of(s.finess()), sols, rules, n, insi);
                }
            }
        }
    }

    private DoctrineRule ejMainRule(Member m) {
        if (m.corridor() == Corridor.MEDICO_SOCIAL) {
            return DoctrineRule.OG_EJ;
        }
        return m.status() == LegalStatus.PUBLIC || m.dialysisCentre() ? DoctrineRule.PUBLIC_ES_EJ
                : DoctrineRule.PRIVATE_ES_EJ;
    }

    private List<DoctrineRule> ejRules(Member m, List<Site> sites) {
        List<DoctrineRule> rules = new ArrayList<>();
        rules.add(ejMainRule(m));
        if (sites.stream().anyMatch(Site::ehpad)) {
            rules.add(DoctrineRule.EHPAD_EJ);
        }
        if (m.corridor() == Corridor.HOSPITAL && sites.stream().anyMatch(Site::financedPerEg)) {
            rules.add(DoctrineRule.EG_TRACEABILITY);
        }
        if (grouped(org)) {
            rules.add(DoctrineRule.ONE_PER_EJ);
        }
        return rules;
    }

    private List<String> ejNotes(Member m, List<Site> sites) {
        List<String> n = new ArrayList<>();
        List<String> perEg = sites.stream().filter(Site::financedPerEg).map(s -> s.finess().value()).toList();
        if (!perEg.isEmpty()) {
            n.add(en ? "EGs financed at the geographic level: authorInstitution must carry the FINESS EG ("
                    + String.join(", ", perEg) + "), never the EJ." : "EG financés au niveau géographique : authorInstitution doit porter le FINESS EG ("
                    + String.join(", ", perEg) + "), jamais l'EJ.");
        } else if (m.corridor() == Corridor.MEDICO_SOCIAL) {
            n.add(en ? "Fill in the FINESS EG of the ESSMS in the DMP data (authorInstitution)."
                    : "Renseigner le FINESS EG de l'ESSMS dans les données du DMP (authorInstitution).");
        }
        if (grouped(org)) {
            List<Solution> shared = org.solutions().stream().filter(s -> servesSeveralMembers(s)).toList();
            for (Solution s : shared) {
                if (sites.stream().anyMatch(site -> s.serves(site.finess()))) {
                    n.add(en ? "Shared information system " + s.label() + ": it must manage one certificate per legal entity."
                            : "SI commun " + s.label() + " : il doit gérer un certificat par entité juridique.");
                }
            }
        }
        return n;
    }

    private boolean servesSeveralMembers(Solution s) {
        return org.members().stream().filter(m -> m.sites().stream().anyMatch(site -> s.serves(site.finess())))
                .count() > 1;
    }

    private void keep(Member m, Site s, ExistingCertificate c, boolean insi) {
        List<String> n = new ArrayList<>();
        n.add(en ? "Existing certificate " + c.label() + " kept" + c.notAfter().map(d -> " until " + FR_DATE.format(d))
                .orElse("") + "; renew it under the FINESS EJ " + m.finess().map(Finess::value).orElse("") + "."
                : "Certificat existant " + c.label() + " conservé" + c.notAfter().map(d -> " jusqu'au " + FR_DATE.format(d))
                .orElse("") + " ; le renouveler sous le FINESS EJ " + m.finess().map(Finess::value).orElse("") + ".");
        if (m.corridor() == Corridor.MEDICO_SOCIAL) {
            n.add(en ? "Fill in the FINESS EG in the DMP data." : "Renseigner le FINESS EG dans les données du DMP.");
        }
        List<DoctrineRule> rules = new ArrayList<>(List.of(DoctrineRule.EG_KEPT, ejMainRule(m)));
        if (insi) {
            rules.add(DoctrineRule.INSI_NAMING);
        }
        out.add(new PlannedCertificate(Action.KEEP_UNTIL_RENEWAL, s.structureId(), HolderKind.FINESS_EG, m.id(),
                m.label(), List.of(s.finess()), c.solutions(), c.usages(),
                insi ? Optional.of(c.insiNamed() ? c.cn() : Solution.INSI_AUTO) : Optional.empty(), c.notAfter(),
                rules, n, true));
    }

    private List<Solution> solutionsFor(List<Site> sites) {
        List<Solution> sols = new ArrayList<>();
        for (Solution s : org.solutions()) {
            if (sites.stream().anyMatch(site -> s.serves(site.finess()))) {
                sols.add(s);
            }
        }
        return sols;
    }

    private static List<Solution> familySolutions(List<Solution> sols, boolean insi) {
        return insi ? sols.stream().filter(Solution::callsInsi).toList() : sols;
    }

    /** Liberal corridors: a general certificate, and an INSi one when a solution calls INSi. */
    private void emit(Member m, StructureId holder, HolderKind kind, List<Finess> covers, List<Solution> sols,
                      List<DoctrineRule> rules, List<String> n) {
        emitFamily(m, holder, kind, covers, sols, rules, n, false);
        List<Solution> insiSols = familySolutions(sols, true);
        if (!insiSols.isEmpty()) {
            emitFamily(m, holder, kind, covers, insiSols, rules, n, true);
        }
    }

    private void emitFamily(Member m, StructureId holder, HolderKind kind, List<Finess> covers, List<Solution> sols,
                            List<DoctrineRule> rules, List<String> n, boolean insi) {
        if (!insi) {
            Set<Usage> usages = EnumSet.noneOf(Usage.class);
            sols.forEach(s -> usages.addAll(s.usages()));
            usages.remove(Usage.INSI);
            if (usages.isEmpty()) {
                usages.add(Usage.DMP);
            }
            out.add(new PlannedCertificate(Action.ORDER, holder, kind, m.id(), m.label(), covers, ids(sols), usages,
                    Optional.empty(), Optional.empty(), rules, n, false));
            return;
        }
        Map<String, List<Solution>> byCn = new LinkedHashMap<>();
        for (Solution s : sols) {
            byCn.computeIfAbsent(s.insiCn(), k -> new ArrayList<>()).add(s);
        }
        List<DoctrineRule> r = new ArrayList<>(rules);
        r.add(DoctrineRule.INSI_NAMING);
        for (Map.Entry<String, List<Solution>> e : byCn.entrySet()) {
            out.add(new PlannedCertificate(Action.ORDER, holder, kind, m.id(), m.label(), covers, ids(e.getValue()),
                    Set.of(Usage.INSI), Optional.of(e.getKey()), Optional.empty(), r, n, false));
        }
    }

    private static List<String> ids(List<Solution> sols) {
        return sols.stream().map(Solution::id).toList();
    }

    private static List<Finess> finessList(List<Site> sites) {
        return sites.stream().map(Site::finess).toList();
    }
}
