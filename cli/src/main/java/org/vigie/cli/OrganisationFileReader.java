package org.vigie.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.vigie.core.Establishment;
import org.vigie.core.Finess;
import org.vigie.core.InvalidIdentifierException;
import org.vigie.core.LegalStatus;
import org.vigie.core.StructureDirectory;
import org.vigie.core.StructureId;
import org.vigie.doctrine.Corridor;
import org.vigie.doctrine.Delegation;
import org.vigie.doctrine.ExistingCertificate;
import org.vigie.doctrine.GroupKind;
import org.vigie.doctrine.Member;
import org.vigie.doctrine.Organisation;
import org.vigie.doctrine.OrganisationException;
import org.vigie.doctrine.RadiologyPractice;
import org.vigie.doctrine.Site;
import org.vigie.doctrine.Solution;
import org.vigie.doctrine.Usage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads the organisation file of {@code vigie plan} (YAML or JSON, same structure; see
 * the README, section "vigie plan") into an {@link Organisation}. Every problem is reported with its JSON pointer
 * in the file, its line when known, what was found and what was expected; all problems are collected before
 * failing.
 */
public final class OrganisationFileReader {

    /** Largest organisation file read, in bytes. */
    public static final long MAX_BYTES = 1L << 20;

    /** One problem of an organisation file. */
    public record Problem(String pointer, int line, String message) {
        /** {@code file:line: pointer : message}. */
        public String format(String file) {
            return file + (line > 0 ? ":" + line : "") + ": " + (pointer.isEmpty() ? "/" : pointer) + " : " + message;
        }
    }

    /** The file cannot be used; holds every problem found. */
    public static final class FileException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<Problem> problems;

        FileException(List<Problem> problems) {
            super(problems.isEmpty() ? "fichier d'organisation inutilisable" : problems.get(0).message());
            this.problems = List.copyOf(problems);
        }

        /** The problems, in file order of discovery. */
        public List<Problem> problems() {
            return problems;
        }
    }

    private final Optional<StructureDirectory> directory;
    private final List<Problem> problems = new ArrayList<>();
    private Map<String, Integer> lines = new HashMap<>();

    /**
     * @param directory the FINESS directory, used only to infer a member's corridor from its EG categories when the
     *                  file does not give it (may be null)
     */
    public OrganisationFileReader(StructureDirectory directory) {
        this.directory = Optional.ofNullable(directory);
    }

    /**
     * Reads and checks a file.
     *
     * @throws FileException when the file is unusable (every problem listed)
     * @throws IOException   when the file cannot be read
     */
    public Organisation read(Path file) throws IOException, FileException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new FileException(List.of(new Problem("", 0, "fichier de " + size + " octets ; attendu : au plus "
                    + MAX_BYTES + " octets")));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean json = name.endsWith(".json") || (!name.endsWith(".yaml") && !name.endsWith(".yml") && looksJson(bytes));
        return read(bytes, json);
    }

    /**
     * Reads and checks file content.
     *
     * @param json true for JSON, false for YAML
     * @throws FileException when the content is unusable
     */
    public Organisation read(byte[] bytes, boolean json) throws FileException {
        problems.clear();
        JsonFactory factory = json ? JsonFactory.builder().build() : YAMLFactory.builder().build();
        factory.setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32)
                .maxStringLength(64 * 1024).build());
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        JsonNode root;
        try {
            lines = locate(factory, bytes);
            root = new ObjectMapper(factory).readTree(bytes);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String msg = e.getOriginalMessage();
            throw new FileException(List.of(new Problem("", line, (json ? "JSON" : "YAML") + " illisible : "
                    + firstLine(msg))));
        } catch (IOException e) {
            throw new FileException(List.of(new Problem("", 0, "lecture impossible : " + e.getMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new FileException(List.of(new Problem("", 1, "attendu : un objet (organisation, members, …)")));
        }
        Organisation org = organisation(root);
        if (!problems.isEmpty()) {
            throw new FileException(problems);
        }
        return org;
    }

    /** The line of a JSON pointer, or 0. */
    public int lineOf(String pointer) {
        return lines.getOrDefault(pointer, 0);
    }

    /** Converts a core path ({@code members[0].sites[2]}) to a JSON pointer ({@code /members/0/sites/2}). */
    public static String pointerOf(String corePath) {
        StringBuilder sb = new StringBuilder();
        for (String part : corePath.split("\\.")) {
            int b = part.indexOf('[');
            sb.append('/').append(b < 0 ? part : part.substring(0, b));
            while (b >= 0) {
                int e = part.indexOf(']', b);
                sb.append('/').append(part, b + 1, e);
                b = part.indexOf('[', e);
            }
        }
        return sb.toString();
    }

    /** Turns a core {@link OrganisationException} into a file problem. */
    public Problem problemOf(OrganisationException e) {
        String pointer = pointerOf(e.path());
        String message = e.getMessage().substring(Math.min(e.getMessage().length(), e.path().length() + 3));
        String p = pointer;
        int line = lineOf(p);
        while (line == 0 && p.lastIndexOf('/') > 0) {
            p = p.substring(0, p.lastIndexOf('/'));
            line = lineOf(p);
        }
        return new Problem(pointer, line, message);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    private static boolean looksJson(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '{' || b == '[') {
                return true;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && (b & 0xFF) != 0xEF && (b & 0xFF) != 0xBB
                    && (b & 0xFF) != 0xBF) {
                return false;
            }
        }
        return false;
    }

    private static Map<String, Integer> locate(JsonFactory factory, byte[] bytes) throws IOException {
        Map<String, Integer> out = new HashMap<>();
        try (JsonParser p = factory.createParser(bytes)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                out.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
            }
        }
        return out;
    }

    // ---- problems

    private void problem(String pointer, String message) {
        problems.add(new Problem(pointer, lineOf(pointer), message));
    }

    private static String shown(JsonNode n) {
        if (n.isTextual()) {
            String t = n.asText();
            return "« " + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + " »";
        }
        if (n.isObject()) {
            return "un objet";
        }
        if (n.isArray()) {
            return "une liste";
        }
        if (n.isNull()) {
            return "null";
        }
        return n.toString();
    }

    private void keys(JsonNode obj, String pointer, String... allowed) {
        Set<String> ok = Set.of(allowed);
        Iterator<String> it = obj.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!ok.contains(k)) {
                problem(pointer + "/" + k, "clé inconnue « " + k + " » ; attendu : " + String.join(", ", allowed));
            }
        }
    }

    private Optional<String> text(JsonNode obj, String key, String pointer, boolean required) {
        JsonNode n = obj.get(key);
        String p = pointer + "/" + key;
        if (n == null || n.isNull()) {
            if (required) {
                problem(pointer, "clé « " + key + " » manquante");
            }
            return Optional.empty();
        }
        if (!n.isValueNode() || n.isBoolean()) {
            problem(p, "trouvé " + shown(n) + " ; attendu : un texte");
            return Optional.empty();
        }
        return Optional.of(n.asText());
    }

    private Optional<Boolean> bool(JsonNode obj, String key, String pointer) {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isBoolean()) {
            problem(pointer + "/" + key, "trouvé " + shown(n) + " ; attendu : true ou false");
            return Optional.empty();
        }
        return Optional.of(n.booleanValue());
    }

    private List<JsonNode> list(JsonNode obj, String key, String pointer) {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            problem(pointer + "/" + key, "trouvé " + shown(n) + " ; attendu : une liste");
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    private boolean object(JsonNode n, String pointer) {
        if (!n.isObject()) {
            problem(pointer, "trouvé " + shown(n) + " ; attendu : un objet");
            return false;
        }
        return true;
    }

    private <E extends Enum<E>> Optional<E> choice(JsonNode obj, String key, String pointer, Map<String, E> values) {
        return text(obj, key, pointer, false).flatMap(t -> {
            E e = values.get(norm(t));
            if (e == null) {
                problem(pointer + "/" + key, "valeur « " + t + " » inconnue ; attendu : " + expected(values));
                return Optional.empty();
            }
            return Optional.of(e);
        });
    }

    private static String expected(Map<String, ?> values) {
        if (values == CORRIDORS) {
            return "hospital, medico-social, pharmacy, radiology, laboratory ou town-medicine";
        }
        if (values == GROUPS) {
            return "GHT, clinic-group, og-group, other ou none";
        }
        if (values == MODES) {
            return "in-house ou vendor";
        }
        if (values == SITUATIONS) {
            return "company ou cabinet";
        }
        return String.join(", ", new java.util.TreeSet<>(values.keySet()));
    }

    private static String norm(String s) {
        return s.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace("ô", "o").replace("é", "e");
    }

    private Optional<Finess> finess(JsonNode n, String pointer) {
        if (!n.isTextual() && !n.isIntegralNumber()) {
            problem(pointer, "trouvé " + shown(n) + " ; attendu : un FINESS de 9 caractères (texte)");
            return Optional.empty();
        }
        String t = n.asText();
        if (n.isIntegralNumber() && t.length() != 9) {
            problem(pointer, "nombre " + t + " ; attendu : un FINESS de 9 caractères, entre guillemets (un zéro en tête "
                    + "se perd sans guillemets)");
            return Optional.empty();
        }
        try {
            return Optional.of(Finess.parse(t));
        } catch (InvalidIdentifierException e) {
            problem(pointer, "FINESS « " + t + " » invalide (" + e.getMessage() + ") ; attendu : 9 caractères, ex. "
                    + "750712184");
            return Optional.empty();
        }
    }

    private Optional<StructureId> structureId(JsonNode n, String pointer) {
        if (!n.isTextual() && !n.isIntegralNumber()) {
            problem(pointer, "trouvé " + shown(n) + " ; attendu : un IdNat_Struct (texte)");
            return Optional.empty();
        }
        String t = n.asText();
        try {
            return Optional.of(StructureId.parse(t));
        } catch (InvalidIdentifierException e) {
            problem(pointer, "IdNat_Struct « " + t + " » invalide (" + e.getMessage() + ") ; attendu : 1+FINESS, "
                    + "3+SIRET, 4+RPPS+rang…");
            return Optional.empty();
        }
    }

    private <T> List<T> each(JsonNode obj, String key, String pointer, Function<Integer, Function<JsonNode, Optional<T>>> f) {
        List<T> out = new ArrayList<>();
        List<JsonNode> items = list(obj, key, pointer);
        for (int i = 0; i < items.size(); i++) {
            f.apply(i).apply(items.get(i)).ifPresent(out::add);
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

    private Organisation organisation(JsonNode root) {
        keys(root, "", "organisation", "corridor", "group", "delegation", "members", "solutions", "certificates");
        String name = text(root, "organisation", "", true).orElse("");
        Optional<Corridor> corridor = choice(root, "corridor", "", CORRIDORS);
        Organisation.Builder b = Organisation.builder(name);
        JsonNode group = root.get("group");
        if (group != null && object(group, "/group")) {
            keys(group, "/group", "kind", "id");
            GroupKind kind = choice(group, "kind", "/group", GROUPS).orElse(GroupKind.OTHER);
            StructureId id = Optional.ofNullable(group.get("id")).flatMap(n -> structureId(n, "/group/id")).orElse(null);
            b.group(kind, id);
        }
        JsonNode delegation = root.get("delegation");
        if (delegation != null && object(delegation, "/delegation")) {
            keys(delegation, "/delegation", "mode", "vendor", "ansContract", "administratorCard");
            Delegation.Mode mode = choice(delegation, "mode", "/delegation", MODES).orElse(Delegation.Mode.IN_HOUSE);
            b.delegation(new Delegation(mode, text(delegation, "vendor", "/delegation", false).orElse(""),
                    bool(delegation, "ansContract", "/delegation"), bool(delegation, "administratorCard", "/delegation")));
        }
        List<Member> members = each(root, "members", "", i -> n -> member(n, "/members/" + i, corridor));
        if (root.get("members") == null) {
            problem("", "clé « members » manquante ; attendu : la liste des entités juridiques");
        } else if (members.isEmpty() && problems.isEmpty()) {
            problem("/members", "liste vide ; attendu : au moins une entité juridique");
        }
        members.forEach(b::member);
        each(root, "solutions", "", i -> n -> solution(n, "/solutions/" + i)).forEach(b::solution);
        each(root, "certificates", "", i -> n -> certificate(n, "/certificates/" + i)).forEach(b::certificate);
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return b.build();
        } catch (OrganisationException e) {
            problems.add(problemOf(e));
            return null;
        }
    }

    private Optional<Member> member(JsonNode n, String p, Optional<Corridor> defaultCorridor) {
        if (!object(n, p)) {
            return Optional.empty();
        }
        keys(n, p, "finess", "name", "corridor", "status", "dialysis", "unifiedSi", "liberalDoctors", "radiology",
                "sites");
        int before = problems.size();
        Optional<Finess> finess = Optional.ofNullable(n.get("finess")).flatMap(f -> finess(f, p + "/finess"));
        String name = text(n, "name", p, false).orElse("");
        LegalStatus status = text(n, "status", p, false).map(t -> status(t, p + "/status")).orElse(LegalStatus.UNKNOWN);
        List<Site> sites = each(n, "sites", p, i -> s -> site(s, p + "/sites/" + i));
        int doctors = 0;
        JsonNode d = n.get("liberalDoctors");
        if (d != null) {
            if (!d.isIntegralNumber() || d.asInt() < 0) {
                problem(p + "/liberalDoctors", "trouvé " + shown(d) + " ; attendu : un nombre entier positif ou nul");
            } else {
                doctors = d.asInt();
            }
        }
        Optional<RadiologyPractice> radiology = Optional.empty();
        JsonNode r = n.get("radiology");
        if (r != null && object(r, p + "/radiology")) {
            radiology = practice(r, p + "/radiology");
        }
        Optional<Corridor> corridor = choice(n, "corridor", p, CORRIDORS).or(() -> defaultCorridor)
                .or(() -> inferCorridor(sites, finess));
        if (corridor.isEmpty() && problems.size() == before) {
            problem(p, "filière inconnue ; attendu : « corridor » (hospital, medico-social, pharmacy, radiology, "
                    + "laboratory, town-medicine) ici ou à la racine, ou des EG de catégorie FINESS parlante");
        }
        if (corridor.isPresent() && corridor.get() == Corridor.RADIOLOGY && radiology.isEmpty()
                && problems.size() == before) {
            problem(p, "cabinet de radiologie sans « radiology » ; attendu : {situation: company, siret: …} ou "
                    + "{situation: cabinet, rppsRang: …}");
        }
        if (corridor.isPresent() && corridor.get() != Corridor.RADIOLOGY && finess.isEmpty()
                && problems.size() == before) {
            problem(p, "clé « finess » manquante ; attendu : le FINESS de l'entité juridique");
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

    private LegalStatus status(String t, String p) {
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
                    problem(p, "statut « " + t + " » inconnu ; attendu : public, private, unknown ou un code TRE_R400 "
                            + "(ex. 13, 61)");
                }
                return s;
        }
    }

    private Optional<RadiologyPractice> practice(JsonNode r, String p) {
        keys(r, p, "situation", "siret", "rppsRang");
        Optional<RadiologyPractice.Situation> situation = choice(r, "situation", p, SITUATIONS);
        if (situation.isEmpty()) {
            if (r.get("situation") == null) {
                problem(p, "clé « situation » manquante ; attendu : company ou cabinet");
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
            problem(p + "/" + key, "« " + v + " » ; attendu : " + (company ? "un SIRET de 14 chiffres (ou 3+SIRET)"
                    : "un RPPS rang : 4 + RPPS (11 chiffres) + rang"));
            return Optional.empty();
        }
        return Optional.of(new RadiologyPractice(situation.get(), id.get()));
    }

    private Optional<Site> site(JsonNode n, String p) {
        if (n.isTextual()) {
            return finess(n, p).map(f -> Site.of(f, "", ""));
        }
        if (!object(n, p)) {
            return Optional.empty();
        }
        keys(n, p, "finess", "name", "category", "financedPerEg", "mainSite");
        if (n.get("finess") == null) {
            problem(p, "clé « finess » manquante ; attendu : le FINESS de l'EG");
            return Optional.empty();
        }
        Optional<Finess> f = finess(n.get("finess"), p + "/finess");
        String name = text(n, "name", p, false).orElse("");
        String category = text(n, "category", p, false).orElse("");
        boolean perEg = bool(n, "financedPerEg", p).orElse(false);
        boolean main = bool(n, "mainSite", p).orElse(false);
        return f.map(x -> new Site(x, name, category, perEg, main));
    }

    private Optional<Solution> solution(JsonNode n, String p) {
        if (!object(n, p)) {
            return Optional.empty();
        }
        keys(n, p, "id", "kind", "name", "sites", "usages", "insiCn");
        int before = problems.size();
        String id = text(n, "id", p, true).orElse("");
        List<Finess> sites = each(n, "sites", p, i -> s -> finess(s, p + "/sites/" + i));
        Set<Usage> usages = usages(n, p);
        Optional<String> insiCn = text(n, "insiCn", p, false);
        if (insiCn.isPresent() && !Solution.INSI_AUTO.equals(insiCn.get()) && !Solution.INSI_MANU.equals(insiCn.get())) {
            problem(p + "/insiCn", "« " + insiCn.get() + " » ; attendu : INSI-AUTO ou INSI-MANU");
        }
        if (problems.size() != before || id.isBlank()) {
            if (id.isBlank() && problems.size() == before) {
                problem(p + "/id", "identifiant vide ; attendu : un court identifiant unique (ex. dpi)");
            }
            return Optional.empty();
        }
        return Optional.of(new Solution(id, text(n, "kind", p, false).orElse(""), text(n, "name", p, false).orElse(""),
                sites, usages, insiCn.orElse(null)));
    }

    private Set<Usage> usages(JsonNode n, String p) {
        Set<Usage> out = EnumSet.noneOf(Usage.class);
        List<JsonNode> items = list(n, "usages", p);
        for (int i = 0; i < items.size(); i++) {
            JsonNode u = items.get(i);
            Usage usage = u.isTextual() ? USAGES.get(norm(u.asText())) : null;
            if (usage == null) {
                problem(p + "/usages/" + i, "trouvé " + shown(u) + " ; attendu : DMP, MSSANTE, INSI ou OTHER");
            } else {
                out.add(usage);
            }
        }
        return out;
    }

    private Optional<ExistingCertificate> certificate(JsonNode n, String p) {
        if (!object(n, p)) {
            return Optional.empty();
        }
        keys(n, p, "holder", "cn", "usages", "notAfter", "solutions", "covers");
        int before = problems.size();
        if (n.get("holder") == null) {
            problem(p, "clé « holder » manquante ; attendu : l'IdNat_Struct du sujet (OU), ex. 1750712184");
        }
        Optional<StructureId> holder = Optional.ofNullable(n.get("holder")).flatMap(h -> structureId(h, p + "/holder"));
        String cn = text(n, "cn", p, false).orElse("");
        Set<Usage> usages = usages(n, p);
        Optional<LocalDate> notAfter = text(n, "notAfter", p, false).flatMap(t -> {
            try {
                return Optional.of(LocalDate.parse(t));
            } catch (DateTimeParseException e) {
                problem(p + "/notAfter", "date « " + t + " » ; attendu : AAAA-MM-JJ");
                return Optional.empty();
            }
        });
        List<String> solutions = new ArrayList<>();
        List<JsonNode> sol = list(n, "solutions", p);
        for (int i = 0; i < sol.size(); i++) {
            if (sol.get(i).isTextual()) {
                solutions.add(sol.get(i).asText());
            } else {
                problem(p + "/solutions/" + i, "trouvé " + shown(sol.get(i)) + " ; attendu : un id de solution");
            }
        }
        List<Finess> covers = each(n, "covers", p, i -> c -> finess(c, p + "/covers/" + i));
        if (problems.size() != before) {
            return Optional.empty();
        }
        return Optional.of(new ExistingCertificate(holder.orElseThrow(), cn, usages, notAfter, solutions, covers));
    }
}
