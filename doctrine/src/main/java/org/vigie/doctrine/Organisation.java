package org.vigie.doctrine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.vigie.core.Finess;
import org.vigie.core.Location;
import org.vigie.core.StructureId;

/**
 * An organisation whose certificates are planned and audited: one structure or a group (GHT, group of clinics,
 * group of OG) of legal entities, its information systems, its existing certificates and its delegation.
 * Immutable; build it with {@link #builder(String)}.
 */
public final class Organisation {

    private final String name;
    private final GroupKind groupKind;
    private final Optional<StructureId> groupId;
    private final List<Member> members;
    private final List<Solution> solutions;
    private final List<ExistingCertificate> certificates;
    private final Delegation delegation;

    private Organisation(Builder b) {
        this.name = b.name;
        this.groupKind = b.groupKind;
        this.groupId = b.groupId;
        this.members = List.copyOf(b.members);
        this.solutions = List.copyOf(b.solutions);
        this.certificates = List.copyOf(b.certificates);
        this.delegation = b.delegation;
    }

    /** A builder for an organisation with this name. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder starting from this organisation. */
    public Builder toBuilder() {
        Builder b = new Builder(name).group(groupKind, groupId.orElse(null)).delegation(delegation);
        members.forEach(b::member);
        solutions.forEach(b::solution);
        certificates.forEach(b::certificate);
        return b;
    }

    /** Display name. */
    public String name() {
        return name;
    }

    /** The kind of group ({@link GroupKind#NONE} for a single structure). */
    public GroupKind groupKind() {
        return groupKind;
    }

    /** An identifier the group itself uses (e.g. the GHT support establishment's id used as a group id). */
    public Optional<StructureId> groupId() {
        return groupId;
    }

    /** The legal entities, in order. */
    public List<Member> members() {
        return members;
    }

    /** The software solutions, in order. */
    public List<Solution> solutions() {
        return solutions;
    }

    /** The certificates already held, in order. */
    public List<ExistingCertificate> certificates() {
        return certificates;
    }

    /** Who administers the certificates (default: in-house). */
    public Delegation delegation() {
        return delegation;
    }

    /** The solution with this id. */
    public Optional<Solution> solution(String id) {
        return solutions.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The member owning this EG. */
    public Optional<Member> memberOfSite(Finess eg) {
        return members.stream().filter(m -> m.site(eg).isPresent()).findFirst();
    }

    /** The member whose EJ FINESS is this one. */
    public Optional<Member> memberByFiness(Finess ej) {
        return members.stream().filter(m -> m.finess().filter(ej::equals).isPresent()).findFirst();
    }

    /** The solutions serving this site. */
    public List<Solution> solutionsServing(Finess site) {
        return solutions.stream().filter(s -> s.serves(site)).toList();
    }

    /** The solutions serving at least one site of this member (or serving everything). */
    public List<Solution> solutionsServing(Member member) {
        return solutions.stream()
                .filter(s -> s.sites().isEmpty() || member.sites().stream().anyMatch(site -> s.serves(site.finess())))
                .toList();
    }

    /** Builds an {@link Organisation}; not thread-safe. */
    public static final class Builder {
        private final String name;
        private GroupKind groupKind = GroupKind.NONE;
        private Optional<StructureId> groupId = Optional.empty();
        private final List<Member> members = new ArrayList<>();
        private final List<Solution> solutions = new ArrayList<>();
        private final List<ExistingCertificate> certificates = new ArrayList<>();
        private Delegation delegation = Delegation.inHouse();

        private Builder(String name) {
            this.name = name == null ? "" : name;
        }

        /** Sets the group kind and the group's own id, if it uses one (null: none). */
        public Builder group(GroupKind kind, StructureId id) {
            this.groupKind = Objects.requireNonNull(kind, "kind");
            this.groupId = Optional.ofNullable(id);
            return this;
        }

        public Builder member(Member member) {
            members.add(Objects.requireNonNull(member, "member"));
            return this;
        }

        /** Replaces all members. */
        public Builder members(List<Member> newMembers) {
            members.clear();
            newMembers.forEach(this::member);
            return this;
        }

        public Builder solution(Solution solution) {
            solutions.add(Objects.requireNonNull(solution, "solution"));
            return this;
        }

        public Builder certificate(ExistingCertificate certificate) {
            certificates.add(Objects.requireNonNull(certificate, "certificate"));
            return this;
        }

        /** Replaces all certificates. */
        public Builder certificates(List<ExistingCertificate> newCertificates) {
            certificates.clear();
            newCertificates.forEach(this::certificate);
            return this;
        }

        public Builder delegation(Delegation delegation) {
            this.delegation = Objects.requireNonNull(delegation, "delegation");
            return this;
        }

        /**
         * Every inconsistency of the description so far, in description order, without building: two members
         * sharing an id, a site declared twice, two solutions sharing an id, a certificate naming an unknown
         * solution.
         *
         * @return the problems, each at its typed location; empty when {@link #build()} succeeds
         */
        public List<OrganisationException> problems() {
            return problems(java.util.Locale.FRENCH);
        }

        /**
         * {@link #problems()} written in {@code locale}'s language (English for an English locale, French otherwise).
         *
         * @param locale the language of the problems' details
         * @return the problems, each at its typed location; empty when {@link #build()} succeeds
         */
        public List<OrganisationException> problems(java.util.Locale locale) {
            boolean en = org.vigie.core.Messages.language(locale) == java.util.Locale.ENGLISH;
            List<OrganisationException> out = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            Set<Finess> sites = new HashSet<>();
            for (int i = 0; i < members.size(); i++) {
                Member m = members.get(i);
                if (!ids.add(m.id().value())) {
                    out.add(new OrganisationException(Location.of("members", i),
                            (en ? "duplicate legal entity: " : "entité juridique en double : ") + m.id()));
                }
                for (int j = 0; j < m.sites().size(); j++) {
                    if (!sites.add(m.sites().get(j).finess())) {
                        out.add(new OrganisationException(Location.of("members", i).child("sites", j),
                                (en ? "EG declared twice: " : "EG déclaré deux fois : ") + m.sites().get(j).finess()));
                    }
                }
            }
            Set<String> solutionIds = new HashSet<>();
            for (int i = 0; i < solutions.size(); i++) {
                if (!solutionIds.add(solutions.get(i).id())) {
                    out.add(new OrganisationException(Location.of("solutions", i),
                            (en ? "duplicate solution id: " : "identifiant de solution en double : ") + solutions.get(i).id()));
                }
            }
            for (int i = 0; i < certificates.size(); i++) {
                List<String> used = certificates.get(i).solutions();
                for (int j = 0; j < used.size(); j++) {
                    if (!solutionIds.contains(used.get(j))) {
                        out.add(new OrganisationException(Location.of("certificates", i).child("solutions", j),
                                en ? "unknown solution: " + used.get(j) + " (expected: an id of the solutions list)"
                                : "solution inconnue : " + used.get(j) + " (attendu : un id de la liste solutions)"));
                    }
                }
            }
            return out;
        }

        /**
         * Builds the organisation.
         *
         * @throws OrganisationException when two members share an id, a site belongs to two members, two
         *                               solutions share an id, or a certificate names an unknown solution (the
         *                               first of {@link #problems()})
         */
        public Organisation build() {
            List<OrganisationException> problems = problems();
            if (!problems.isEmpty()) {
                throw problems.get(0);
            }
            return new Organisation(this);
        }
    }
}
