package org.vigie.doctrine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.vigie.core.Establishment;
import org.vigie.core.Finess;
import org.vigie.core.LegalEntity;
import org.vigie.core.LegalStatus;
import org.vigie.core.Location;
import org.vigie.core.Messages;
import org.vigie.core.StructureDirectory;

/**
 * Completes an organisation from the directory and checks its references. A member's EJ is looked up with
 * {@link StructureDirectory#resolve}, the resolution every rule uses: an EJ record completes the statut juridique and
 * the name; an EJ known only through its EGs (etalab EG extract loaded alone) completes the open EGs only, its statut
 * staying as the organisation file declares it; an EJ whose EGs are all closed contributes no site.
 */
final class Resolver {

    private Resolver() {
    }

    /** The resolved organisation and every problem met on the way, in description order. */
    record Resolution(Organisation organisation, List<OrganisationException> problems) {
    }

    /**
     * Resolves the organisation.
     *
     * @throws OrganisationException the first problem of {@link #examine}, when there is one
     */
    static Organisation resolve(Organisation org, Optional<StructureDirectory> directory) {
        Resolution r = examine(org, directory);
        if (!r.problems().isEmpty()) {
            throw r.problems().get(0);
        }
        return r.organisation();
    }

    /**
     * Completes every member it can and checks every reference, collecting each problem instead of stopping at the
     * first (a member that cannot be completed is kept as described).
     */
    static Resolution examine(Organisation org, Optional<StructureDirectory> directory) {
        return examine(org, directory, Locale.FRENCH);
    }

    /** {@link #examine(Organisation, Optional)}, the problems written in {@code locale}'s language. */
    static Resolution examine(Organisation org, Optional<StructureDirectory> directory, Locale locale) {
        boolean en = Messages.language(locale) == Locale.ENGLISH;
        List<OrganisationException> problems = new ArrayList<>();
        Organisation out = org;
        if (directory.isPresent()) {
            StructureDirectory dir = directory.get();
            List<Member> members = new ArrayList<>();
            for (int i = 0; i < org.members().size(); i++) {
                try {
                    members.add(complete(org.members().get(i), i, dir, en));
                } catch (OrganisationException e) {
                    problems.add(e);
                    members.add(org.members().get(i));
                }
            }
            Organisation.Builder b = org.toBuilder().members(members);
            List<OrganisationException> built = b.problems(locale);
            if (!built.isEmpty()) {
                problems.addAll(built);
                return new Resolution(org, problems);
            }
            out = b.build();
        }
        check(out, problems, en);
        return new Resolution(out, problems);
    }

    private static Member complete(Member m, int index, StructureDirectory dir, boolean en) {
        if (m.finess().isEmpty()) {
            return m;
        }
        Finess ej = m.finess().get();
        StructureDirectory.Resolution r = dir.resolve(m.id());
        if (r instanceof StructureDirectory.Resolution.AsEstablishment eg) {
            throw new OrganisationException(Location.of("members", index).child("finess"), en ? "FINESS " + ej.value()
                    + " is an EG (of the EJ " + eg.establishment().legalEntity().value()
                    + ") in the directory; expected: the FINESS of the legal entity" : "le FINESS " + ej.value()
                    + " est un EG (de l'EJ " + eg.establishment().legalEntity().value()
                    + ") dans le répertoire ; attendu : le FINESS de l'entité juridique");
        }
        Member out = m;
        // the directory's one resolution: an EJ record gives the statut and the name; an EJ known only through its
        // EGs (etalab EG extract alone) gives its EGs but no statut (it stays as the file declares it)
        Optional<LegalEntity> le = r instanceof StructureDirectory.Resolution.AsLegalEntity known && known.hasRecord()
                ? Optional.of(known.legalEntity()) : Optional.empty();
        if (le.isPresent()) {
            if (out.status() == LegalStatus.UNKNOWN) {
                out = out.withStatus(le.get().status());
            }
            if (out.name().isEmpty()) {
                out = out.withName(le.get().name());
            }
        }
        Map<Finess, Site> sites = new LinkedHashMap<>();
        for (Establishment e : dir.establishmentsOf(ej)) {
            if (e.active()) {
                sites.put(e.finess(), Site.of(e.finess(), e.name(), e.categoryCode()));
            }
        }
        for (Site declared : m.sites()) {
            Site known = sites.get(declared.finess());
            if (known == null) {
                sites.put(declared.finess(), declared);
            } else {
                sites.put(declared.finess(), new Site(declared.finess(),
                        declared.name().isEmpty() ? known.name() : declared.name(),
                        declared.categoryCode().isEmpty() ? known.categoryCode() : declared.categoryCode(),
                        declared.financedPerEg(), declared.mainSite()));
            }
        }
        if (sites.isEmpty() && r.closed()) {
            throw new OrganisationException(Location.of("members", index).child("finess"), en ? "no open EG for the EJ "
                    + ej.value() + ": its " + dir.establishmentsOf(ej).size() + " EGs are closed in the directory (closed EJ);"
                    + " expected: an EJ with at least one open EG, or its EGs declared in the file"
                    : "aucun EG ouvert pour l'EJ " + ej.value()
                    + " : ses " + dir.establishmentsOf(ej).size() + " EG sont fermés dans le répertoire (EJ fermée) ;"
                    + " attendu : une EJ ayant au moins un EG ouvert, ou ses EG déclarés dans le fichier");
        }
        return out.withSites(new ArrayList<>(sites.values()));
    }

    private static void check(Organisation org, List<OrganisationException> problems, boolean en) {
        for (int i = 0; i < org.members().size(); i++) {
            Member m = org.members().get(i);
            boolean needsSites = m.corridor() != Corridor.RADIOLOGY && m.corridor() != Corridor.TOWN_MEDICINE;
            if (needsSites && m.sites().isEmpty()) {
                problems.add(new OrganisationException(Location.of("members", i).child("sites"),
                        en ? "no EG for " + m.label() + " (neither in the file nor in the directory); expected: at least one FINESS EG"
                        : "aucun EG pour " + m.label() + " (ni dans le fichier ni dans le répertoire) ; attendu : au moins un FINESS EG"));
            }
            if (m.corridor() == Corridor.LABORATORY && m.sites().size() > 1) {
                long main = m.sites().stream().filter(Site::mainSite).count();
                if (main != 1) {
                    problems.add(new OrganisationException(Location.of("members", i).child("sites"),
                            en ? "laboratory with " + m.sites().size() + " sites and " + main + " main site; expected: exactly one site marked main"
                            : "laboratoire à " + m.sites().size() + " sites avec " + main + " site principal ; attendu : exactement un site marqué principal"));
                }
            }
        }
        for (int i = 0; i < org.solutions().size(); i++) {
            Solution s = org.solutions().get(i);
            for (int j = 0; j < s.sites().size(); j++) {
                if (org.memberOfSite(s.sites().get(j)).isEmpty()) {
                    problems.add(new OrganisationException(Location.of("solutions", i).child("sites", j), en ? "EG "
                            + s.sites().get(j).value() + " unknown to the organisation; expected: an EG of a member" : "EG "
                            + s.sites().get(j).value() + " inconnu de l'organisation ; attendu : un EG d'un membre"));
                }
            }
        }
        for (int i = 0; i < org.certificates().size(); i++) {
            ExistingCertificate c = org.certificates().get(i);
            for (int j = 0; j < c.covers().size(); j++) {
                Finess f = c.covers().get(j);
                if (org.memberOfSite(f).isEmpty() && org.memberByFiness(f).isEmpty()) {
                    problems.add(new OrganisationException(Location.of("certificates", i).child("covers", j),
                            en ? "FINESS " + f.value() + " unknown to the organisation; expected: an EG or an EJ of a member"
                            : "FINESS " + f.value() + " inconnu de l'organisation ; attendu : un EG ou une EJ d'un membre"));
                }
            }
        }
    }
}
