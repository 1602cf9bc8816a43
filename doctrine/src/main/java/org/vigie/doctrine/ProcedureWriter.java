package org.vigie.doctrine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vigie.core.StructureId;

/** Writes the ordering procedure (seed: steps 1 to 3, cases 1 and 2) for a plan. */
final class ProcedureWriter {

    private ProcedureWriter() {
    }

    static Procedure write(Organisation org, CertificatePlan plan) {
        List<String> pre = new ArrayList<>();
        List<Procedure.Step> steps = new ArrayList<>();
        List<PlannedCertificate> toOrder = plan.toOrder();
        Delegation d = org.delegation();
        boolean vendor = d.mode() == Delegation.Mode.VENDOR;
        String card = vendor ? "CPA" : "CPE";
        String vendorName = d.vendor().isEmpty() ? "l'éditeur délégué" : d.vendor();

        // members that order something, each signing its own form
        Map<StructureId, Member> clients = new LinkedHashMap<>();
        for (PlannedCertificate p : toOrder) {
            org.members().stream().filter(m -> m.id().equals(p.member())).findFirst()
                    .ifPresent(m -> clients.put(m.id(), m));
        }
        boolean anyLiberal = clients.values().stream().anyMatch(m -> m.corridor().liberal());
        boolean anyInstitution = clients.values().stream().anyMatch(m -> !m.corridor().liberal());

        if (vendor) {
            pre.add("Cas 1 (délégation) : " + vendorName + " doit disposer d'un contrat avec l'ANS"
                    + d.ansContract().map(c -> c ? " (déclaré : en place)." : " — NON EN PLACE : à conclure avant "
                    + "l'étape 2.").orElse(" (à vérifier)."));
            pre.add("Cas 1 (délégation) : " + vendorName + " commande une carte CPA pour chacun de ses "
                    + "administrateurs techniques" + d.administratorCard().map(c -> c ? " (déclaré : en place)."
                    : " — CARTE ABSENTE : à commander avant l'étape 3.").orElse("."));
        } else {
            pre.add("Cas 2 (sans délégation) : la structure identifie en son sein un ou des administrateurs "
                    + "techniques dotés d'une carte CPE valide" + d.administratorCard().map(c -> c
                    ? " (déclaré : en place)." : " — CARTE ABSENTE : à commander avant l'étape 3.").orElse("."));
        }
        if (anyLiberal) {
            pre.add("Secteur libéral : aucun contrat avec l'ANS pour la structure ; les professionnels sont leurs propres "
                    + "représentants légaux, déjà identifiés au RPPS.");
        }
        if (toOrder.isEmpty()) {
            List<String> actions = new ArrayList<>();
            actions.add("Aucun certificat à commander à la date du plan.");
            addRenewals(plan, actions);
            steps.add(new Procedure.Step(1, "Suivi", "Administrateur technique", actions));
            return new Procedure(pre, steps);
        }

        List<String> s1 = new ArrayList<>();
        for (Member m : clients.values()) {
            s1.add(m.label() + " : " + (vendor ? "délègue la démarche technique à " + vendorName
                    + " (administrateur technique du délégué, carte CPA)."
                    : m.corridor().liberal() ? "désigne son administrateur technique interne (carte CPE ; un "
                    + "professionnel libéral peut utiliser sa propre carte CPS)."
                    : "désigne son administrateur technique interne (carte CPE)."));
        }
        steps.add(new Procedure.Step(1, "Désigner l'administrateur technique",
                anyInstitution ? "Représentant légal de chaque structure cliente" : "Professionnel libéral titulaire",
                s1));

        List<String> s2 = new ArrayList<>();
        for (Member m : clients.values()) {
            List<PlannedCertificate> mine = toOrder.stream().filter(p -> p.member().equals(m.id())).toList();
            String form = m.corridor() == Corridor.PHARMACY ? "bon de commande Ségur"
                    : m.corridor().liberal() ? "formulaire 413 signé par le professionnel, représentant légal de "
                    + m.label()
                    : "formulaire 413 signé par le représentant légal de " + m.label();
            s2.add(m.label() + " : " + form + ", pour " + mine.size() + " certificat(s) :");
            for (PlannedCertificate p : mine) {
                s2.add("  - " + describe(p));
            }
        }
        steps.add(new Procedure.Step(2, "Demander les certificats à l'ANS",
                vendor ? vendorName + " (pour le compte de chaque structure)" : "La structure", s2));

        List<String> s3 = new ArrayList<>();
        boolean allPharmacies = clients.values().stream().allMatch(m -> m.corridor() == Corridor.PHARMACY);
        boolean somePharmacy = clients.values().stream().anyMatch(m -> m.corridor() == Corridor.PHARMACY);
        String request = allPharmacies ? "du bon de commande Ségur" : somePharmacy
                ? "de la demande (formulaire 413 ou bon de commande Ségur)" : "du formulaire 413";
        s3.add("Après validation par l'ANS " + request + ", se connecter avec la carte " + card
                + " sur la plateforme IGC Santé et télécharger les certificats.");
        for (PlannedCertificate p : toOrder) {
            s3.add("Installer " + p.holderKind().label() + " " + p.holder().value()
                    + p.requiredCn().map(cn -> " (CN=" + cn + ")").orElse("")
                    + (p.solutions().isEmpty() ? " sur l'instance logicielle concernée."
                    : " sur l'instance de " + String.join(", ", p.solutions()) + "."));
        }
        steps.add(new Procedure.Step(3, "Télécharger et installer",
                "Administrateur technique " + (vendor ? "de " + vendorName + " (carte CPA)" : "interne (carte CPE)"), s3));

        List<String> s4 = new ArrayList<>();
        addRenewals(plan, s4);
        if (!s4.isEmpty()) {
            steps.add(new Procedure.Step(4, "Au renouvellement des certificats EG conservés",
                    "Administrateur technique", s4));
        }
        return new Procedure(pre, steps);
    }

    private static void addRenewals(CertificatePlan plan, List<String> actions) {
        for (PlannedCertificate p : plan.kept()) {
            actions.add("Certificat EG " + p.holder().value() + p.keptUntil()
                    .map(d -> " : à l'échéance du " + Planner.FR_DATE.format(d)).orElse(" : à l'échéance")
                    + ", commander le certificat sous le FINESS EJ (" + p.memberName() + ").");
        }
    }

    static String describe(PlannedCertificate p) {
        StringBuilder sb = new StringBuilder();
        sb.append(p.holderKind().label()).append(' ').append(p.holder().value());
        p.requiredCn().ifPresent(cn -> sb.append(", CN=").append(cn));
        sb.append(", usages ").append(String.join(", ", p.usages().stream().sorted().map(Usage::label).toList()));
        if (!p.solutions().isEmpty()) {
            sb.append(", solution(s) ").append(String.join(", ", p.solutions()));
        }
        if (!p.covers().isEmpty()) {
            sb.append(", ").append(p.covers().size()).append(" EG");
        }
        return sb.toString();
    }
}
