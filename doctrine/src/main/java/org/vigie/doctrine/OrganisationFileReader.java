package org.vigie.doctrine;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.vigie.core.Establishment;
import org.vigie.core.Finess;
import org.vigie.core.InvalidIdentifierException;
import org.vigie.core.LegalStatus;
import org.vigie.core.Location;
import org.vigie.core.StructureDirectory;
import org.vigie.core.StructureId;

/**
 * Reads the organisation file of {@code vigie plan} (see the README, section "vigie plan") into an
 * {@link Organisation}, collecting <em>every</em> problem instead of stopping at the first: unknown keys, values of the
 * wrong type, malformed identifiers, then — when every member, solution and certificate could be read — the
 * inconsistencies of the description (duplicates, unknown references) and what the directory contradicts. Each
 * problem has its typed {@link Location} in the file ({@code members[0]/sites[2]/finess}), its line when known and
 * a French message saying what was found and what was expected.
 *
 * <p>The reader works on the document already parsed (YAML and JSON give the same tree), as plain Java values: an
 * object is a {@code Map<String, ?>} in file order, a list a {@code List<?>}, a scalar a {@code String}, a
 * {@code Number} ({@code Integer}, {@code Long} or {@code BigInteger} when integral) or a {@code Boolean}, and
 * {@code null} is null. The syntax (and its errors) is the caller's: {@code vigie plan} parses YAML and JSON. Not
 * thread-safe; one reader per file.
 */
public final class OrganisationFileReader {

    private final Optional<StructureDirectory> directory;
    private final List<OrganisationFile.Problem> problems = new ArrayList<>();
    private Function<Location, Integer> lines = l -> 0;
    private boolean dropped;
    /** Problems in English rather than French. */
    private boolean en;

    /** A reader without directory: a member's corridor must then come from the file (or its sites' categories). */
    public OrganisationFileReader() {
        this.directory = Optional.empty();
    }

    /**
     * @param directory the FINESS directory: infers a member's corridor from its EG categories when the file does
     *                  not give it, and completes and checks the members as {@link CertificateDoctrine} will
     */
    public OrganisationFileReader(StructureDirectory directory) {
        this.directory = Optional.of(Objects.requireNonNull(directory, "directory"));
    }

    /**
     * The language of the problems (English for an English locale, French otherwise, the default).
     *
     * @return this reader
     */
    public OrganisationFileReader locale(Locale locale) {
        this.en = org.vigie.core.Messages.language(Objects.requireNonNull(locale, "locale")) == Locale.ENGLISH;
        return this;
    }

    /**
     * Reads a parsed organisation file.
     *
     * @param root  the document's root value (see the class comment for the shape of the values)
     * @param lines the line of a location in the file, 0 when unknown (e.g. from the parser's token positions)
     * @return the organisation when usable, and every problem found
     */
    public OrganisationFile read(Object root, Function<Location, Integer> lines) {
        this.lines = Objects.requireNonNull(lines, "lines");
        problems.clear();
        dropped = false;
        if (!(root instanceof Map<?, ?> obj)) {
            problems.add(new OrganisationFile.Problem(Location.NONE, 1,
                    en ? "expected: an object (organisation, members, …)" : "attendu : un objet (organisation, members, …)"));
            return new OrganisationFile(Optional.empty(), problems);
        }
        Optional<Organisation> org = organisation(obj);
        return new OrganisationFile(problems.isEmpty() ? org : Optional.empty(), problems);
    }

    /** The line of a location, or of its closest enclosing location that has one; 0 when none has. */
    private int lineOrEnclosing(Location location) {
        List<Location.Step> steps = location.steps();
        for (int n = steps.size(); n > 0; n--) {
            Location l = Location.NONE;
            for (int i = 0; i < n; i++) {
                Location.Step s = steps.get(i);
                l = s.indexValue().isPresent() ? l.child(s.name(), s.indexValue().getAsInt()) : l.child(s.name());
            }
            int line = lineOf(l);
            if (line > 0) {
                return line;
            }
        }
        return 0;
    }

    private int lineOf(Location location) {
        Integer line = lines.apply(location);
        return line == null ? 0 : line;
    }

    private void problem(OrganisationException e) {
        problems.add(new OrganisationFile.Problem(e.location(), lineOrEnclosing(e.location()), e.detail()));
    }

    // ---- problems

    private void problem(Location at, String message) {
        problems.add(new OrganisationFile.Problem(at, lineOf(at), message));
    }

    private String shown(Object n) {
        if (n instanceof String t) {
            String v = t.length() > 40 ? t.substring(0, 40) + "…" : t;
            return en ? "\"" + v + "\"" : "« " + v + " »";
        }
        if (n instanceof Map) {
            return en ? "an object" : "un objet";
        }
        if (n instanceof List) {
            return en ? "a list" : "une liste";
        }
        if (n == null) {
            return "null";
        }
        return n.toString();
    }

    private static boolean integral(Object n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof java.math.BigInteger;
    }

    /** A scalar's text, as a YAML or JSON reader shows it. */
    private static String asText(Object n) {
        return String.valueOf(n);
    }

    private void keys(Map<?, ?> obj, Location at, String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (Object key : obj.keySet()) {
            String k = String.valueOf(key);
            if (!ok.contains(k)) {
                problem(at.child(k), en ? "unknown key \"" + k + "\"; expected: " + String.join(", ", allowed)
                        : "clé inconnue « " + k + " » ; attendu : " + String.join(", ", allowed));
            }
        }
    }

    private Optional<String> text(Map<?, ?> obj, String key, Location at, boolean required) {
        Object n = obj.get(key);
        if (n == null) {
            if (required) {
                problem(at, en ? "key \"" + key + "\" missing" : "clé « " + key + " » manquante");
            }
            return Optional.empty();
        }
        if (!(n instanceof String) && !(n instanceof Number)) {
            problem(at.child(key), en ? "found " + shown(n) + "; expected: a text" : "trouvé " + shown(n) + " ; attendu : un texte");
            return Optional.empty();
        }
        return Optional.of(asText(n));
    }

    private Optional<Boolean> bool(Map<?, ?> obj, String key, Location at) {
        Object n = obj.get(key);
        if (n == null) {
            return Optional.empty();
        }
        if (!(n instanceof Boolean b)) {
            problem(at.child(key), en ? "found " + shown(n) + "; expected: true or false"
                    : "trouvé " + shown(n) + " ; attendu : true ou false");
            return Optional.empty();
        }
        return Optional.of(b);
    }

    private List<Object> list(Map<?, ?> obj, String key, Location at) {
        Object n = obj.get(key);
        if (n == null) {
            return List.of();
        }
        if (!(n instanceof List<?> items)) {
            problem(at.child(key), en ? "found " + shown(n) + "; expected: a list" : "trouvé " + shown(n) + " ; attendu : une liste");
            return List.of();
        }
        return new ArrayList<>(items);
    }

    private Optional<Map<?, ?>> object(Object n, Location at) {
        if (!(n instanceof Map<?, ?> m)) {
            problem(at, en ? "found " + shown(n) + "; expected: an object" : "trouvé " + shown(n) + " ; attendu : un objet");
            return Optional.empty();
        }
        return Optional.of(m);
    }

    private <E extends Enum<E>> Optional<E> choice(Map<?, ?> obj, String key, Location at, Map<String, E> values) {
        return text(obj, key, at, false).flatMap(t -> {
            E e = values.get(norm(t));
            if (e == null) {
                problem(at.child(key), en ? "unknown value \"" + t + "\"; expected: " + expected(values)
                        : "valeur « " + t + " » inconnue ; attendu : " + expected(values));
                return Optional.empty();
            }
            return Optional.of(e);
        });
    }

    private String expected(Map<String, ?> values) {
        String or = en ? " or " : " ou ";
        if (values == CORRIDORS) {
            return "hospital, medico-social, pharmacy, radiology, laboratory" + or + "town-medicine";
        }
        if (values == GROUPS) {
            return "GHT, clinic-group, og-group, other" + or + "none";
        }
        if (values == MODES) {
            return "in-house" + or + "vendor";
        }
        if (values == SITUATIONS) {
            return "company" + or + "cabinet";
        }
        return String.join(", ", new java.util.TreeSet<>(values.keySet()));
    }

    private static String norm(String s) {
        return s.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace("ô", "o").replace("é", "e");
    }

    private Optional<Finess> finess(Object n, Location at) {
        if (!(n instanceof String) && !integral(n)) {
            problem(at, en ? "found " + shown(n) + "; expected: a 9-character FINESS (text)"
                    : "trouvé " + shown(n) + " ; attendu : un FINESS de 9 caractères (texte)");
            return Optional.empty();
        }
        String t = asText(n);
        if (integral(n) && t.length() != 9) {
            problem(at, en ? "number " + t + "; expected: a 9-character FINESS, in quotes (a leading zero is lost "
                    + "without quotes)" : "nombre " + t + " ; attendu : un FINESS de 9 caractères, entre guillemets (un zéro en tête "
                    + "se perd sans guillemets)");
            return Optional.empty();
        }
        try {
            return Optional.of(Finess.parse(t));
        } catch (InvalidIdentifierException e) {
            problem(at, en ? "invalid FINESS \"" + t + "\" (" + e.getMessage() + "); expected: 9 characters, e.g. 750712184"
                    : "FINESS « " + t + " » invalide (" + e.getMessage() + ") ; attendu : 9 caractères, ex. "
                    + "750712184");
            return Optional.empty();
        }
    }

    private Optional<StructureId> structureId(Object n, Location at) {
        if (!(n instanceof String) && !integral(n)) {
            problem(at, en ? "found " + shown(n) + "; expected: an IdNat_Struct (text)"
                    : "trouvé " + shown(n) + " ; attendu : un IdNat_Struct (texte)");
            return Optional.empty();
        }
        String t = asText(n);
        try {
            return Optional.of(StructureId.parse(t));
        } catch (InvalidIdentifierException e) {
            problem(at, en ? "invalid IdNat_Struct \"" + t + "\" (" + e.getMessage() + "); expected: 1+FINESS, 3+SIRET, "
                    + "4+RPPS+rang…" : "IdNat_Struct « " + t + " » invalide (" + e.getMessage() + ") ; attendu : 1+FINESS, "
                    + "3+SIRET, 4+RPPS+rang…");
            return Optional.empty();
        }
    }

    /**
     * Reads each item of a list; an item that cannot be read is left out and marks the description as incomplete
     * (its cross-checks would then report what is only missing).
     */
    private <T> List<T> each(Map<?, ?> obj, String key, Location at, Function<Location, Function<Object, Optional<T>>> f) {
        List<T> out = new ArrayList<>();
        List<Object> items = list(obj, key, at);
        for (int i = 0; i < items.size(); i++) {
            Optional<T> item = f.apply(at.child(key, i)).apply(items.get(i));
            if (item.isPresent()) {
                out.add(item.get());
            } else {
                dropped = true;
            }
        }
        return out;
    }

    // ---- the structure

    private static final Map<String, Corridor> CORRIDORS = Map.ofEntries(
            Map.entry("hospital", Corridor.HOSPITAL), Map.entry("hopital", Corridor.HOSPITAL),
            Map.entry("medico-social", Corridor.MEDICO_SOCIAL),
            Map.entry("pharmacy", Corridor.PHARMACY), Map.entry("officine", Corridor.PHARMACY),
            Map.entry("radiology", Corridor.RADIOLOGY), Map.entry("radiologie", Corridor.RADIOLOGY),
            Map.entry("laboratory", Corridor.LABORATORY), Map.entry("laboratoire", Corridor.LABORATORY),
            Map.entry("town-medicine", Corridor.TOWN_MEDICINE), Map.entry("medecine-de-ville", Corridor.TOWN_MEDICINE));
    private static final Map<String, GroupKind> GROUPS = Map.of("none", GroupKind.NONE, "ght", GroupKind.GHT,
            "clinic-group", GroupKind.CLINIC_GROUP, "og-group", GroupKind.OG_GROUP, "other", GroupKind.OTHER);
    private static final Map<String, Usage> USAGES = Map.of("dmp", Usage.DMP, "mssante", Usage.MSSANTE,
            "insi", Usage.INSI, "other", Usage.OTHER);
    private static final Map<String, Delegation.Mode> MODES = Map.of("in-house", Delegation.Mode.IN_HOUSE,
            "vendor", Delegation.Mode.VENDOR);
    private static final Map<String, RadiologyPractice.Situation> SITUATIONS = Map.of(
            "company", RadiologyPractice.Situation.COMPANY, "cabinet", RadiologyPractice.Situation.CABINET);

    private Optional<Organisation> organisation(Map<?, ?> root) {
        Location top = Location.NONE;
        keys(root, top, "organisation", "corridor", "group", "delegation", "members", "solutions", "certificates");
        String name = text(root, "organisation", top, true).orElse("");
        Optional<Corridor> corridor = choice(root, "corridor", top, CORRIDORS);
        Organisation.Builder b = Organisation.builder(name);
        Object groupNode = root.get("group");
        Location groupAt = Location.of("group");
        if (groupNode != null) {
            object(groupNode, groupAt).ifPresent(group -> {
                keys(group, groupAt, "kind", "id");
                GroupKind kind = choice(group, "kind", groupAt, GROUPS).orElse(GroupKind.OTHER);
                StructureId id = Optional.ofNullable(group.get("id"))
                        .flatMap(n -> structureId(n, groupAt.child("id"))).orElse(null);
                b.group(kind, id);
            });
        }
        Object delegationNode = root.get("delegation");
        Location delegationAt = Location.of("delegation");
        if (delegationNode != null) {
            object(delegationNode, delegationAt).ifPresent(delegation -> {
                keys(delegation, delegationAt, "mode", "vendor", "ansContract", "administratorCard");
                Delegation.Mode mode = choice(delegation, "mode", delegationAt, MODES).orElse(Delegation.Mode.IN_HOUSE);
                b.delegation(new Delegation(mode, text(delegation, "vendor", delegationAt, false).orElse(""),
                        bool(delegation, "ansContract", delegationAt), bool(delegation, "administratorCard",
                        delegationAt)));
            });
        }
        List<Member> members = each(root, "members", top, at -> n -> member(n, at, corridor));
        if (root.get("members") == null) {
            problem(top, en ? "key \"members\" missing; expected: the list of legal entities"
                    : "clé « members » manquante ; attendu : la liste des entités juridiques");
        } else if (members.isEmpty() && problems.isEmpty()) {
            problem(Location.of("members"), en ? "empty list; expected: at least one legal entity"
                    : "liste vide ; attendu : au moins une entité juridique");
        }
        members.forEach(b::member);
        each(root, "solutions", top, at -> n -> solution(n, at)).forEach(b::solution);
        each(root, "certificates", top, at -> n -> certificate(n, at)).forEach(b::certificate);
        if (dropped || members.isEmpty()) {
            // some items could not be read: checking the references between the others would report as unknown
            // what is only unreadable
            return Optional.empty();
        }
        List<OrganisationException> inconsistent = b.problems(en ? Locale.ENGLISH : Locale.FRENCH);
        inconsistent.forEach(this::problem);
        if (!inconsistent.isEmpty()) {
            return Optional.empty();
        }
        Organisation org = b.build();
        List<OrganisationException> unresolved = CertificateDoctrine.builder().directory(directory.orElse(null))
                .locale(en ? Locale.ENGLISH : Locale.FRENCH).build().problems(org);
        unresolved.forEach(this::problem);
        return problems.isEmpty() ? Optional.of(org) : Optional.empty();
    }

    private Optional<Member> member(Object node, Location p, Optional<Corridor> defaultCorridor) {
        Optional<Map<?, ?>> obj = object(node, p);
        if (obj.isEmpty()) {
            return Optional.empty();
        }
        Map<?, ?> n = obj.get();
        keys(n, p, "finess", "name", "corridor", "status", "dialysis", "unifiedSi", "liberalDoctors", "radiology",
                "sites");
        int before = problems.size();
        Optional<Finess> finess = Optional.ofNullable(n.get("finess")).flatMap(f -> finess(f, p.child("finess")));
        String name = text(n, "name", p, false).orElse("");
        LegalStatus status = text(n, "status", p, false).map(t -> status(t, p.child("status")))
                .orElse(LegalStatus.UNKNOWN);
        List<Site> sites = each(n, "sites", p, at -> s -> site(s, at));
        int doctors = 0;
        Object d = n.get("liberalDoctors");
        if (d != null) {
            if (!integral(d) || ((Number) d).longValue() < 0 || ((Number) d).longValue() > Integer.MAX_VALUE) {
                problem(p.child("liberalDoctors"), en ? "found " + shown(d) + "; expected: a whole number, zero or more"
                        : "trouvé " + shown(d)
                        + " ; attendu : un nombre entier positif ou nul");
            } else {
                doctors = ((Number) d).intValue();
            }
        }
        Optional<RadiologyPractice> radiology = Optional.empty();
        Object r = n.get("radiology");
        if (r != null) {
            Optional<Map<?, ?>> practice = object(r, p.child("radiology"));
            if (practice.isPresent()) {
                radiology = practice(practice.get(), p.child("radiology"));
            }
        }
        Optional<Corridor> corridor = choice(n, "corridor", p, CORRIDORS).or(() -> defaultCorridor)
                .or(() -> inferCorridor(sites, finess));
        if (corridor.isEmpty() && problems.size() == before) {
            problem(p, en ? "unknown corridor; expected: \"corridor\" (hospital, medico-social, pharmacy, radiology, "
                    + "laboratory, town-medicine) here or at the root, or EGs of a telling FINESS category"
                    : "filière inconnue ; attendu : « corridor » (hospital, medico-social, pharmacy, radiology, "
                    + "laboratory, town-medicine) ici ou à la racine, ou des EG de catégorie FINESS parlante");
        }
        if (corridor.isPresent() && corridor.get() == Corridor.RADIOLOGY && radiology.isEmpty()
                && problems.size() == before) {
            problem(p, en ? "radiology practice without \"radiology\"; expected: {situation: company, siret: …} or "
                    + "{situation: cabinet, rppsRang: …}" : "cabinet de radiologie sans « radiology » ; attendu : {situation: company, siret: …} ou "
                    + "{situation: cabinet, rppsRang: …}");
        }
        if (corridor.isPresent() && corridor.get() != Corridor.RADIOLOGY && finess.isEmpty()
                && problems.size() == before) {
            problem(p, en ? "key \"finess\" missing; expected: the FINESS of the legal entity"
                    : "clé « finess » manquante ; attendu : le FINESS de l'entité juridique");
        }
        if (problems.size() != before) {
            return Optional.empty();
        }
        return Optional.of(new Member(finess, name, corridor.get(), status, bool(n, "dialysis", p),
                bool(n, "unifiedSi", p), sites, doctors, radiology));
    }

    private Optional<Corridor> inferCorridor(List<Site> sites, Optional<Finess> ej) {
        for (Site s : sites) {
            Optional<Corridor> c = Corridor.ofCategory(s.categoryCode());
            if (c.isPresent()) {
                return c;
            }
        }
        if (ej.isPresent() && directory.isPresent()) {
            for (Establishment e : directory.get().establishmentsOf(ej.get())) {
                Optional<Corridor> c = Corridor.ofCategory(e.categoryCode());
                if (c.isPresent()) {
                    return c;
                }
            }
        }
        return Optional.empty();
    }

    private LegalStatus status(String t, Location p) {
        switch (norm(t)) {
            case "public":
                return LegalStatus.PUBLIC;
            case "private": case "prive":
                return LegalStatus.PRIVATE;
            case "unknown": case "inconnu":
                return LegalStatus.UNKNOWN;
            default:
                LegalStatus s = LegalStatus.ofCode(t);
                if (s == LegalStatus.UNKNOWN) {
                    problem(p, en ? "unknown status \"" + t + "\"; expected: public, private, unknown or a TRE_R400 code "
                            + "(e.g. 13, 61)" : "statut « " + t + " » inconnu ; attendu : public, private, unknown ou un code TRE_R400 "
                            + "(ex. 13, 61)");
                }
                return s;
        }
    }

    private Optional<RadiologyPractice> practice(Map<?, ?> r, Location p) {
        keys(r, p, "situation", "siret", "rppsRang");
        Optional<RadiologyPractice.Situation> situation = choice(r, "situation", p, SITUATIONS);
        if (situation.isEmpty()) {
            if (r.get("situation") == null) {
                problem(p, en ? "key \"situation\" missing; expected: company or cabinet"
                        : "clé « situation » manquante ; attendu : company ou cabinet");
            }
            return Optional.empty();
        }
        boolean company = situation.get() == RadiologyPractice.Situation.COMPANY;
        String key = company ? "siret" : "rppsRang";
        Optional<String> value = text(r, key, p, true);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String v = value.get();
        String idText = company ? (v.length() == 14 ? "3" + v : v) : (v.startsWith("4") && v.length() > 12 ? v : "4" + v);
        Optional<StructureId> id = StructureId.tryParse(idText)
                .filter(x -> x.kind() == (company ? StructureId.Kind.SIRET : StructureId.Kind.RPPS_RANG));
        if (id.isEmpty()) {
            problem(p.child(key), en ? "\"" + v + "\"; expected: " + (company ? "a 14-digit SIRET (or 3+SIRET)"
                    : "an RPPS rang: 4 + RPPS (11 digits) + rang") : "« " + v + " » ; attendu : " + (company ? "un SIRET de 14 chiffres (ou 3+SIRET)"
                    : "un RPPS rang : 4 + RPPS (11 chiffres) + rang"));
            return Optional.empty();
        }
        return Optional.of(new RadiologyPractice(situation.get(), id.get()));
    }

    private Optional<Site> site(Object node, Location p) {
        if (node instanceof String) {
            return finess(node, p).map(f -> Site.of(f, "", ""));
        }
        Optional<Map<?, ?>> obj = object(node, p);
        if (obj.isEmpty()) {
            return Optional.empty();
        }
        Map<?, ?> n = obj.get();
        keys(n, p, "finess", "name", "category", "financedPerEg", "mainSite");
        if (n.get("finess") == null) {
            problem(p, en ? "key \"finess\" missing; expected: the FINESS of the EG"
                    : "clé « finess » manquante ; attendu : le FINESS de l'EG");
            return Optional.empty();
        }
        Optional<Finess> f = finess(n.get("finess"), p.child("finess"));
        String name = text(n, "name", p, false).orElse("");
        String category = text(n, "category", p, false).orElse("");
        boolean perEg = bool(n, "financedPerEg", p).orElse(false);
        boolean main = bool(n, "mainSite", p).orElse(false);
        return f.map(x -> new Site(x, name, category, perEg, main));
    }

    private Optional<Solution> solution(Object node, Location p) {
        Optional<Map<?, ?>> obj = object(node, p);
        if (obj.isEmpty()) {
            return Optional.empty();
        }
        Map<?, ?> n = obj.get();
        keys(n, p, "id", "kind", "name", "sites", "usages", "insiCn");
        int before = problems.size();
        String id = text(n, "id", p, true).orElse("");
        List<Finess> sites = each(n, "sites", p, at -> s -> finess(s, at));
        Set<Usage> usages = usages(n, p);
        Optional<String> insiCn = text(n, "insiCn", p, false);
        if (insiCn.isPresent() && !Solution.INSI_AUTO.equals(insiCn.get()) && !Solution.INSI_MANU.equals(insiCn.get())) {
            problem(p.child("insiCn"), en ? "\"" + insiCn.get() + "\"; expected: INSI-AUTO or INSI-MANU"
                    : "« " + insiCn.get() + " » ; attendu : INSI-AUTO ou INSI-MANU");
        }
        if (problems.size() != before || id.isBlank()) {
            if (id.isBlank() && problems.size() == before) {
                problem(p.child("id"), en ? "empty id; expected: a short unique id (e.g. dpi)"
                        : "identifiant vide ; attendu : un court identifiant unique (ex. dpi)");
            }
            return Optional.empty();
        }
        return Optional.of(new Solution(id, text(n, "kind", p, false).orElse(""), text(n, "name", p, false).orElse(""),
                sites, usages, insiCn.orElse(null)));
    }

    private Set<Usage> usages(Map<?, ?> n, Location p) {
        Set<Usage> out = EnumSet.noneOf(Usage.class);
        List<Object> items = list(n, "usages", p);
        for (int i = 0; i < items.size(); i++) {
            Object u = items.get(i);
            Usage usage = u instanceof String t ? USAGES.get(norm(t)) : null;
            if (usage == null) {
                problem(p.child("usages", i), en ? "found " + shown(u) + "; expected: DMP, MSSANTE, INSI or OTHER"
                        : "trouvé " + shown(u) + " ; attendu : DMP, MSSANTE, INSI ou OTHER");
            } else {
                out.add(usage);
            }
        }
        return out;
    }

    private Optional<ExistingCertificate> certificate(Object node, Location p) {
        Optional<Map<?, ?>> obj = object(node, p);
        if (obj.isEmpty()) {
            return Optional.empty();
        }
        Map<?, ?> n = obj.get();
        keys(n, p, "holder", "cn", "usages", "notAfter", "solutions", "covers");
        int before = problems.size();
        if (n.get("holder") == null) {
            problem(p, en ? "key \"holder\" missing; expected: the subject's IdNat_Struct (OU), e.g. 1750712184"
                    : "clé « holder » manquante ; attendu : l'IdNat_Struct du sujet (OU), ex. 1750712184");
        }
        Optional<StructureId> holder = Optional.ofNullable(n.get("holder")).flatMap(h -> structureId(h, p.child("holder")));
        String cn = text(n, "cn", p, false).orElse("");
        Set<Usage> usages = usages(n, p);
        Optional<LocalDate> notAfter = text(n, "notAfter", p, false).flatMap(t -> {
            try {
                return Optional.of(LocalDate.parse(t));
            } catch (DateTimeParseException e) {
                problem(p.child("notAfter"), en ? "date \"" + t + "\"; expected: YYYY-MM-DD"
                        : "date « " + t + " » ; attendu : AAAA-MM-JJ");
                return Optional.empty();
            }
        });
        List<String> solutions = new ArrayList<>();
        List<Object> sol = list(n, "solutions", p);
        for (int i = 0; i < sol.size(); i++) {
            if (sol.get(i) instanceof String t) {
                solutions.add(t);
            } else {
                problem(p.child("solutions", i), en ? "found " + shown(sol.get(i)) + "; expected: a solution id"
                        : "trouvé " + shown(sol.get(i)) + " ; attendu : un id de solution");
            }
        }
        List<Finess> covers = each(n, "covers", p, at -> c -> finess(c, at));
        if (problems.size() != before) {
            return Optional.empty();
        }
        return Optional.of(new ExistingCertificate(holder.orElseThrow(), cn, usages, notAfter, solutions, covers));
    }
}
