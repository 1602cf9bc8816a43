package org.vigie.doctrine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.vigie.core.Messages;
import org.vigie.core.StructureId;

/**
 * Writes the ordering procedure (seed: steps 1 to 3, cases 1 and 2) for a plan, in French or in English: each text
 * carries both renderings side by side, as {@link DoctrineRule} does, the French one being the reference.
 */
final class ProcedureWriter {

    private ProcedureWriter() {
    }

    static Procedure write(Organisation org, CertificatePlan plan) {
        return write(org, plan, Locale.FRENCH);
    }

    static Procedure write(Organisation org, CertificatePlan plan, Locale locale) {
        boolean en = Messages.language(locale) == Locale.ENGLISH;
        List<String> pre = new ArrayList<>();
        List<Procedure.Step> steps = new ArrayList<>();
        List<PlannedCertificate> toOrder = plan.toOrder();
        Delegation d = org.delegation();
        boolean vendor = d.mode() == Delegation.Mode.VENDOR;
        String card = vendor ? "CPA" : "CPE";
        String vendorName = d.vendor().isEmpty() ? (en ? "the delegated vendor" : "l'éditeur délégué") : d.vendor();

        // members that order something, each signing its own form
        Map<StructureId, Member> clients = new LinkedHashMap<>();
        for (PlannedCertificate p : toOrder) {
            org.members().stream().filter(m -> m.id().equals(p.member())).findFirst()
                    .ifPresent(m -> clients.put(m.id(), m));
        }
        boolean anyLiberal = clients.values().stream().anyMatch(m -> m.corridor().liberal());
        boolean anyInstitution = clients.values().stream().anyMatch(m -> !m.corridor().liberal());

        if (vendor && en) {
            pre.add("Case 1 (delegation): " + vendorName + " must hold a contract with the ANS"
                    + d.ansContract().map(c -> c ? " (declared: in place)." : " — NOT IN PLACE: to be signed before "
                    + "step 2.").orElse(" (to be checked)."));
            pre.add("Case 1 (delegation): " + vendorName + " orders a CPA card for each of its "
                    + "technical administrators" + d.administratorCard().map(c -> c ? " (declared: in place)."
                    : " — NO CARD: to be ordered before step 3.").orElse("."));
        } else if (en) {
            pre.add("Case 2 (no delegation): the structure appoints, from its own staff, one or more technical "
                    + "administrators holding a valid CPE card" + d.administratorCard().map(c -> c
                    ? " (declared: in place)." : " — NO CARD: to be ordered before step 3.").orElse("."));
        } else if (vendor) {
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
            pre.add(en ? "Private practice: no contract with the ANS for the structure; the practitioners are their own "
                    + "legal representatives, already identified in the RPPS."
                    : "Secteur libéral : aucun contrat avec l'ANS pour la structure ; les professionnels sont leurs propres "
                    + "représentants légaux, déjà identifiés au RPPS.");
        }
        if (toOrder.isEmpty()) {
            List<String> actions = new ArrayList<>();
            actions.add(en ? "No certificate to order at the plan's date." : "Aucun certificat à commander à la date du plan.");
            addRenewals(plan, actions, en);
            steps.add(new Procedure.Step(1, en ? "Follow-up" : "Suivi", en ? "Technical administrator"
                    : "Administrateur technique", actions));
            return new Procedure(pre, steps);
        }

        List<String> s1 = new ArrayList<>();
        for (Member m : clients.values()) {
            s1.add(en ? m.label() + ": " + (vendor ? "delegates the technical steps to " + vendorName
                    + " (the delegate's technical administrator, CPA card)."
                    : m.corridor().liberal() ? "appoints its in-house technical administrator (CPE card; a "
                    + "private practitioner may use their own CPS card)."
                    : "appoints its in-house technical administrator (CPE card).")
                    : m.label() + " : " + (vendor ? "délègue la démarche technique à " + vendorName
                    + " (administrateur technique du délégué, carte CPA)."
                    : m.corridor().liberal() ? "désigne son administrateur technique interne (carte CPE ; un "
                    + "professionnel libéral peut utiliser sa propre carte CPS)."
                    : "désigne son administrateur technique interne (carte CPE)."));
        }
        steps.add(new Procedure.Step(1, en ? "Appoint the technical administrator" : "Désigner l'administrateur technique",
                en ? (anyInstitution ? "Legal representative of each client structure" : "Private practitioner holding the practice")
                : anyInstitution ? "Représentant légal de chaque structure cliente" : "Professionnel libéral titulaire",
                s1));

        List<String> s2 = new ArrayList<>();
        for (Member m : clients.values()) {
            List<PlannedCertificate> mine = toOrder.stream().filter(p -> p.member().equals(m.id())).toList();
            String form = en ? (m.corridor() == Corridor.PHARMACY ? "Ségur order form"
                    : m.corridor().liberal() ? "form 413 signed by the practitioner, legal representative of "
                    + m.label()
                    : "form 413 signed by the legal representative of " + m.label())
                    : m.corridor() == Corridor.PHARMACY ? "bon de commande Ségur"
                    : m.corridor().liberal() ? "formulaire 413 signé par le professionnel, représentant légal de "
                    + m.label()
                    : "formulaire 413 signé par le représentant légal de " + m.label();
            s2.add(en ? m.label() + ": " + form + ", for " + mine.size() + " certificate(s):"
                    : m.label() + " : " + form + ", pour " + mine.size() + " certificat(s) :");
            for (PlannedCertificate p : mine) {
                s2.add("  - " + describe(p, locale));
            }
        }
        steps.add(new Procedure.Step(2, en ? "Request the certificates from the ANS" : "Demander les certificats à l'ANS",
                en ? (vendor ? vendorName + " (on behalf of each structure)" : "The structure")
                : vendor ? vendorName + " (pour le compte de chaque structure)" : "La structure", s2));

        List<String> s3 = new ArrayList<>();
        boolean allPharmacies = clients.values().stream().allMatch(m -> m.corridor() == Corridor.PHARMACY);
        boolean somePharmacy = clients.values().stream().anyMatch(m -> m.corridor() == Corridor.PHARMACY);
        String request = en ? (allPharmacies ? "the Ségur order form" : somePharmacy
                ? "the request (form 413 or Ségur order form)" : "form 413")
                : allPharmacies ? "du bon de commande Ségur" : somePharmacy
                ? "de la demande (formulaire 413 ou bon de commande Ségur)" : "du formulaire 413";
        s3.add(en ? "Once the ANS has validated " + request + ", log in with the " + card
                + " card on the IGC Santé platform and download the certificates."
                : "Après validation par l'ANS " + request + ", se connecter avec la carte " + card
                + " sur la plateforme IGC Santé et télécharger les certificats.");
        for (PlannedCertificate p : toOrder) {
            s3.add(en ? "Install " + p.holderKind().label() + " " + p.holder().value()
                    + p.requiredCn().map(cn -> " (CN=" + cn + ")").orElse("")
                    + (p.solutions().isEmpty() ? " on the software instance concerned."
                    : " on the instance of " + String.join(", ", p.solutions()) + ".")
                    : "Installer " + p.holderKind().label() + " " + p.holder().value()
                    + p.requiredCn().map(cn -> " (CN=" + cn + ")").orElse("")
                    + (p.solutions().isEmpty() ? " sur l'instance logicielle concernée."
                    : " sur l'instance de " + String.join(", ", p.solutions()) + "."));
        }
        steps.add(new Procedure.Step(3, en ? "Download and install" : "Télécharger et installer",
                en ? (vendor ? "Technical administrator of " + vendorName + " (CPA card)"
                        : "In-house technical administrator (CPE card)")
                : "Administrateur technique " + (vendor ? "de " + vendorName + " (carte CPA)" : "interne (carte CPE)"), s3));

        List<String> s4 = new ArrayList<>();
        addRenewals(plan, s4, en);
        if (!s4.isEmpty()) {
            steps.add(new Procedure.Step(4, en ? "At the renewal of the kept EG certificates"
                    : "Au renouvellement des certificats EG conservés",
                    en ? "Technical administrator" : "Administrateur technique", s4));
        }
        return new Procedure(pre, steps);
    }

    private static void addRenewals(CertificatePlan plan, List<String> actions, boolean en) {
        for (PlannedCertificate p : plan.kept()) {
            actions.add(en ? "EG certificate " + p.holder().value() + p.keptUntil()
                    .map(d -> ": when it expires on " + Planner.FR_DATE.format(d)).orElse(": when it expires")
                    + ", order the certificate under the FINESS EJ (" + p.memberName() + ")." : "Certificat EG " + p.holder().value() + p.keptUntil()
                    .map(d -> " : à l'échéance du " + Planner.FR_DATE.format(d)).orElse(" : à l'échéance")
                    + ", commander le certificat sous le FINESS EJ (" + p.memberName() + ").");
        }
    }

    static String describe(PlannedCertificate p) {
        return describe(p, Locale.FRENCH);
    }

    static String describe(PlannedCertificate p, Locale locale) {
        boolean en = Messages.language(locale) == Locale.ENGLISH;
        StringBuilder sb = new StringBuilder();
        sb.append(p.holderKind().label()).append(' ').append(p.holder().value());
        p.requiredCn().ifPresent(cn -> sb.append(", CN=").append(cn));
        sb.append(en ? ", uses " : ", usages ")
                .append(String.join(", ", p.usages().stream().sorted().map(u -> u.label(locale)).toList()));
        if (!p.solutions().isEmpty()) {
            sb.append(", solution(s) ").append(String.join(", ", p.solutions()));
        }
        if (!p.covers().isEmpty()) {
            sb.append(", ").append(p.covers().size()).append(" EG");
        }
        return sb.toString();
    }
}
