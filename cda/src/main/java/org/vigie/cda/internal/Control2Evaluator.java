package org.vigie.cda.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigie.cda.AuthorInstitutionPolicy;
import org.vigie.cda.CdaHeader;
import org.vigie.cda.XdsMetadata;
import org.vigie.cda.Xon;
import org.vigie.core.Finess;
import org.vigie.core.Finding;
import org.vigie.core.LegalEntity;
import org.vigie.core.Occurrence;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.Siren;
import org.vigie.core.StructureDirectory;
import org.vigie.core.StructureId;

/** The rules of control 2 over what the readers found. Stateless; one call per submission. */
public final class Control2Evaluator {

    /** An occurrence plus where it was seen and the parsed id. */
    private record Occ(Occurrence.Place place, String document, String value, Optional<StructureId> id, String location) {
        Occurrence toOccurrence() {
            return new Occurrence(place, document, value, id.map(StructureId::value).orElse(""));
        }

        String where() {
            return switch (place) {
                case SUBMISSION_SET -> "lot de soumission";
                case DOCUMENT_ENTRY -> "fiche " + document;
                case CDA_HEADER -> "en-tête CDA " + document;
                case VIHF -> "VIHF (Identifiant_Structure)";
            };
        }
    }

    private final AuthorInstitutionPolicy policy;
    private final StructureDirectory directory;

    public Control2Evaluator(AuthorInstitutionPolicy policy, StructureDirectory directory) {
        this.policy = policy;
        this.directory = directory;
    }

    /**
     * @param md            what the metadata reader found
     * @param xopHeaders    headers read from MTOM parts, by the href as written in {@code xop:Include}
     * @param vihf          the VIHF's Identifiant_Structure, or null when it could not be read
     * @param at            evaluation instant
     */
    public Report evaluate(XdsMetadata md, Map<String, CdaHeader> xopHeaders, StructureId vihf, Instant at) {
        Report.Builder rb = Report.builder().evaluatedAt(at);
        md.problems().forEach(rb::add);
        List<Occ> occs = new ArrayList<>();
        if (policy.ejEgMode() && vihf != null) {
            occs.add(new Occ(Occurrence.Place.VIHF, "", vihf.value(), Optional.of(vihf), "VIHF/Identifiant_Structure"));
        }
        boolean unreadable = !md.complete();

        // submission set
        if (md.submissionSet().isPresent()) {
            XdsMetadata.SubmissionSet ss = md.submissionSet().get();
            xdsPlace(rb, occs, Occurrence.Place.SUBMISSION_SET, "", ss.authors(), "SubmissionSet[" + ss.id() + "]");
        } else if (!unreadable) {
            rb.add(Rules.AI_PRESENT, "aucun lot de soumission (RegistryPackage classé par le nœud "
                    + XdsMetadata.SUBMISSION_SET_NODE + ") : authorInstitution du lot absent", "SubmissionSet", "");
        }

        // documents by id (exact, and in lower case for the tolerated case mismatch): one pass, then look-ups
        Map<String, List<XdsMetadata.DocumentContent>> docs = new LinkedHashMap<>();
        Map<String, List<XdsMetadata.DocumentContent>> docsLower = new HashMap<>();
        for (XdsMetadata.DocumentContent d : md.documents()) {
            docs.computeIfAbsent(d.id(), k -> new ArrayList<>(1)).add(d);
            docsLower.computeIfAbsent(d.id().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(d);
        }
        for (Map.Entry<String, List<XdsMetadata.DocumentContent>> en : docs.entrySet()) {
            if (en.getValue().size() > 1) {
                rb.add(Rules.AI_XML, en.getValue().size() + " xds:Document portent l'id '" + en.getKey()
                        + "' : une fiche décrit un seul document (chacun est tout de même contrôlé)",
                        "Document[" + en.getKey() + "]", en.getKey());
            }
        }
        Set<XdsMetadata.DocumentContent> linkedDocs = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        boolean cdaNotEvaluatedReported = false;
        for (XdsMetadata.DocumentEntry e : md.entries()) {
            List<Occ> entryOccs = new ArrayList<>();
            xdsPlace(rb, entryOccs, Occurrence.Place.DOCUMENT_ENTRY, e.id(), e.authors(), "DocumentEntry[" + e.id() + "]");
            occs.addAll(entryOccs);
            if (!md.provideAndRegister()) {
                if (!cdaNotEvaluatedReported) {
                    rb.add(Rules.AI_CDA_MATCH, Severity.INFO, "soumission sans documents (SubmitObjectsRequest seul) : "
                            + "comparaison avec les en-têtes CDA non évaluée", "XDS", "");
                    cdaNotEvaluatedReported = true;
                }
                continue;
            }
            List<XdsMetadata.DocumentContent> dcs = docs.get(e.id());
            if (dcs == null) {
                List<XdsMetadata.DocumentContent> ci = docsLower.getOrDefault(e.id().toLowerCase(Locale.ROOT), List.of());
                if (ci.size() == 1) {
                    XdsMetadata.DocumentContent dc = ci.get(0);
                    dcs = ci;
                    rb.add(Rules.AI_XML, Severity.WARNING, "xds:Document '" + dc.id() + "' rattaché à la fiche '" + e.id()
                            + "' à la casse près : les identifiants doivent être identiques", "Document[" + dc.id() + "]", dc.id());
                }
            }
            if (dcs == null) {
                if (!unreadable) {
                    rb.add(Rules.AI_XML, "aucun xds:Document pour la fiche '" + e.id() + "' : en-tête CDA non lu",
                            "DocumentEntry[" + e.id() + "]", "");
                }
                continue;
            }
            for (XdsMetadata.DocumentContent dc : dcs) {
                linkedDocs.add(dc);
                CdaHeader header = header(rb, dc, xopHeaders, "en-tête CDA de la fiche '" + e.id() + "' non lu");
                if (header == null) {
                    continue;
                }
                List<Occ> cdaOccs = new ArrayList<>();
                if (cda(rb, cdaOccs, e.id(), header)) {
                    occs.addAll(cdaOccs);
                    cdaMatch(rb, e.id(), entryOccs, cdaOccs);
                }
            }
        }
        for (XdsMetadata.DocumentContent d : md.documents()) {
            if (!linkedDocs.contains(d)) {
                // a document no entry describes: the DMP refuses it, and whatever its header says is checked anyway
                rb.add(Rules.AI_XML, "xds:Document '" + d.id() + "' sans fiche (ExtrinsicObject) de même id : "
                        + "chaque document doit être décrit par une fiche (son en-tête CDA est tout de même contrôlé)",
                        "Document[" + d.id() + "]", d.id());
                CdaHeader header = header(rb, d, xopHeaders, "en-tête CDA du document '" + d.id() + "' non lu");
                if (header != null) {
                    cda(rb, occs, d.id(), header);
                }
            }
        }

        consistency(rb, occs);
        geographic(rb, occs, vihf, at);
        sameEj(rb, occs, vihf);
        keys(rb, occs);
        occs.forEach(o -> rb.addOccurrence(o.toOccurrence()));
        return rb.build();
    }

    /** The header of a document (inline, or its MTOM part), or null after reporting the missing part. */
    private static CdaHeader header(Report.Builder rb, XdsMetadata.DocumentContent dc, Map<String, CdaHeader> xopHeaders,
                                    String consequence) {
        if (dc.header().isPresent()) {
            return dc.header().get();
        }
        String href = dc.xopHref().orElse("");
        CdaHeader header = xopHeaders.get(href);
        if (header == null) {
            rb.add(Rules.AI_XML, "pièce jointe XOP '" + href + "' absente du message : " + consequence,
                    "Document[" + dc.id() + "]", href);
        }
        return header;
    }

    /** Reports the reader's problems and, for a readable CDA, its occurrences; false when there is nothing to compare. */
    private boolean cda(Report.Builder rb, List<Occ> occs, String doc, CdaHeader header) {
        header.problems().forEach(rb::add);
        if (!header.problems().isEmpty()) {
            return false;
        }
        if (!header.clinicalDocument()) {
            rb.add(Rules.AI_CDA_MATCH, Severity.INFO, "document non CDA (racine " + header.rootElement()
                    + ") : pas d'en-tête à comparer", "CDA[" + doc + "]", header.rootElement());
            return false;
        }
        cdaPlace(rb, occs, doc, header);
        return true;
    }

    // ---------------------------------------------------------------------------------------------------- places

    private void xdsPlace(Report.Builder rb, List<Occ> occs, Occurrence.Place place, String doc,
                          List<XdsMetadata.Author> authors, String base) {
        String label = place == Occurrence.Place.SUBMISSION_SET ? "le lot de soumission" : "la fiche " + doc;
        if (authors.isEmpty()) {
            rb.add(Rules.AI_PRESENT, "aucun auteur dans " + label + " : authorInstitution absent", base, "");
            return;
        }
        int withValue = 0;
        for (int i = 0; i < authors.size(); i++) {
            XdsMetadata.Author a = authors.get(i);
            String loc = base + "/author[" + (a.classificationId().isEmpty() ? String.valueOf(i + 1) : a.classificationId())
                    + "]/authorInstitution";
            for (String v : a.institutions()) {
                if (!v.isEmpty() && v.isBlank() && !v.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
                    rb.add(Rules.AI_FORMAT, "authorInstitution fait seulement d'espaces ('" + Xon.visible(v)
                            + "') dans " + label + " : un lecteur le tiendrait pour absent, un autre pour une valeur",
                            loc, v);
                }
            }
            List<String> values = a.institutions().stream().filter(v -> !v.isBlank()).toList();
            if (values.isEmpty()) {
                continue;
            }
            withValue++;
            if (values.size() > 1) {
                rb.add(Rules.AI_SINGLE, "l'auteur porte " + values.size() + " authorInstitution dans " + label
                        + " : une seule valeur attendue", loc, String.join(" | ", values));
            }
            for (String v : values) {
                Xon.FrenchProfile fp = Xon.parse(v).frenchProfile();
                if (!fp.valid()) {
                    rb.add(Rules.AI_FORMAT, "authorInstitution hors profil 'Nom^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^"
                            + "<IdNat_Struct>' : " + String.join(" ; ", fp.problems()), loc, v);
                }
                occs.add(new Occ(place, doc, v, fp.structureId(), loc));
            }
        }
        if (withValue == 0) {
            rb.add(Rules.AI_PRESENT, "aucun auteur ne porte d'authorInstitution dans " + label, base, "");
        }
    }

    private void cdaPlace(Report.Builder rb, List<Occ> occs, String doc, CdaHeader header) {
        String base = "CDA[" + doc + "]";
        boolean any = false;
        for (CdaHeader.Author a : header.authors()) {
            String loc = base + "/author[" + a.index() + "]/assignedAuthor/representedOrganization/id";
            for (CdaHeader.OrganizationId id : a.organizationIds()) {
                if (!id.nullFlavor().isEmpty() && !id.extension().isEmpty()) {
                    rb.add(Rules.AI_XML, "id à la fois nullFlavor='" + id.nullFlavor() + "' et extension='"
                            + id.extension() + "' : un lecteur n'y voit pas d'identifiant, un autre y lit "
                            + id.extension(), loc, id.root() + "/" + id.extension() + " nullFlavor=" + id.nullFlavor());
                }
            }
            List<CdaHeader.OrganizationId> ids = a.organizationIds().stream()
                    .filter(id -> id.nullFlavor().isEmpty() && !id.extension().isEmpty()).toList();
            if (ids.isEmpty()) {
                continue;
            }
            any = true;
            if (ids.size() > 1) {
                rb.add(Rules.AI_SINGLE, "representedOrganization de l'auteur " + a.index() + " porte " + ids.size()
                        + " id : un seul attendu", loc, String.join(" | ", ids.stream().map(CdaHeader.OrganizationId::display).toList()));
            }
            for (CdaHeader.OrganizationId id : ids) {
                Optional<StructureId> sid = StructureId.tryParse(id.extension());
                if (!Xon.IDNST_OID.equals(id.root())) {
                    rb.add(Rules.AI_FORMAT, "racine '" + id.root() + "' : " + Xon.IDNST_OID + " (IdNat_Struct) attendue",
                            loc, id.display());
                }
                if (sid.isEmpty()) {
                    rb.add(Rules.AI_FORMAT, "extension '" + id.extension() + "' : IdNat_Struct bien formé attendu", loc,
                            id.display());
                }
                occs.add(new Occ(Occurrence.Place.CDA_HEADER, doc, id.display(), sid, loc));
            }
        }
        if (!any) {
            String detail;
            if (header.authors().isEmpty()) {
                detail = "aucun author dans l'en-tête CDA";
            } else if (header.authors().stream().noneMatch(CdaHeader.Author::hasRepresentedOrganization)) {
                detail = "aucun author/assignedAuthor/representedOrganization dans l'en-tête CDA";
            } else {
                detail = "representedOrganization sans id renseigné (id absent ou nullFlavor)";
            }
            String hint = header.custodianOrganization()
                    .map(c -> " ; le custodian porte " + c.display() + ", mais authorInstitution dérive de l'auteur")
                    .orElse("");
            rb.add(Rules.AI_PRESENT, detail + hint, base + "/author", "");
        }
    }

    private void cdaMatch(Report.Builder rb, String doc, List<Occ> entry, List<Occ> cda) {
        Set<String> e = ids(entry);
        Set<String> c = ids(cda);
        if (e.isEmpty() || c.isEmpty() || e.equals(c)) {
            return;
        }
        for (String v : e) {
            if (!c.contains(v)) {
                rb.add(Rules.AI_CDA_MATCH, "authorInstitution " + v + " de la fiche " + doc
                        + " absent de son en-tête CDA (trouvé : " + String.join(", ", c) + ")", "DocumentEntry[" + doc + "]", v);
            }
        }
        for (String v : c) {
            if (!e.contains(v)) {
                rb.add(Rules.AI_CDA_MATCH, "representedOrganization " + v + " de l'en-tête CDA absent de la fiche " + doc
                        + " (trouvé : " + String.join(", ", e) + ")", "CDA[" + doc + "]", v);
            }
        }
    }

    private static Set<String> ids(List<Occ> occs) {
        Set<String> s = new LinkedHashSet<>();
        occs.forEach(o -> o.id().ifPresent(i -> s.add(i.value())));
        return s;
    }

    // ---------------------------------------------------------------------------------------------------- rules

    private void consistency(Report.Builder rb, List<Occ> occs) {
        List<List<Occ>> groups = new ArrayList<>();
        if (policy.lotMayDiffer()) {
            groups.add(occs.stream().filter(o -> o.place() == Occurrence.Place.SUBMISSION_SET).toList());
            groups.add(occs.stream().filter(o -> o.place() != Occurrence.Place.SUBMISSION_SET).toList());
        } else {
            groups.add(occs);
        }
        for (List<Occ> g : groups) {
            List<Occ> withId = g.stream().filter(o -> o.id().isPresent()).toList();
            if (withId.isEmpty()) {
                continue;
            }
            // reference: the VIHF in EJ/EG mode, otherwise the most frequent value (first seen on a tie), so that a
            // single deviating occurrence is the one reported
            Map<StructureId, Integer> counts = new LinkedHashMap<>();
            withId.forEach(o -> counts.merge(o.id().get(), 1, Integer::sum));
            StructureId majority = counts.entrySet().stream().max((a, b) -> Integer.compare(a.getValue(), b.getValue()))
                    .map(Map.Entry::getKey).orElseThrow();
            for (Map.Entry<StructureId, Integer> c : counts.entrySet()) {
                if (c.getValue().equals(counts.get(majority))) {
                    majority = c.getKey();
                    break;
                }
            }
            StructureId major = majority;
            Occ ref = withId.stream().filter(o -> o.place() == Occurrence.Place.VIHF).findFirst()
                    .orElse(withId.stream().filter(o -> o.id().get().equals(major)).findFirst().orElseThrow());
            for (Occ o : withId) {
                if (!o.id().get().equals(ref.id().get())) {
                    rb.add(Rules.AI_CONSISTENT, o.where() + " : " + o.id().get().value() + " diffère de "
                            + ref.id().get().value() + " (" + ref.where() + ")"
                            + (policy.lotMayDiffer() ? " ; le lot peut différer des documents (RG_2240), pas les documents entre eux" : ""),
                            o.location(), o.value());
                }
            }
        }
    }

    private static Map<StructureId, Occ> distinct(List<Occ> occs) {
        Map<StructureId, Occ> m = new LinkedHashMap<>();
        for (Occ o : occs) {
            if (o.id().isPresent() && o.place() != Occurrence.Place.VIHF) {
                m.putIfAbsent(o.id().get(), o);
            }
        }
        return m;
    }

    private void geographic(Report.Builder rb, List<Occ> occs, StructureId vihf, Instant at) {
        if (vihf == null || vihf.kind() != StructureId.Kind.FINESS) {
            return; // not applicable: cabinets and companies keep their own identifier
        }
        Severity sev = policy.geographicMandatoryAt(at) ? Severity.ERROR : Severity.WARNING;
        String when = sev == Severity.WARNING ? " (avertissement avant le " + policy.geographicMandatoryFrom() + ")" : "";
        boolean infoDone = false;
        for (Map.Entry<StructureId, Occ> en : distinct(occs).entrySet()) {
            StructureId id = en.getKey();
            Occ o = en.getValue();
            if (id.kind() != StructureId.Kind.FINESS) {
                rb.add(Rules.AI_GEOGRAPHIC, sev, "authorInstitution " + id.value() + " n'est pas un FINESS : un FINESS "
                        + "géographique (EG) est attendu quand la structure du VIHF est un FINESS" + when, o.location(), id.value());
                continue;
            }
            if (directory == null) {
                if (!infoDone) {
                    rb.add(Rules.AI_GEOGRAPHIC, Severity.INFO, "non évalué : aucun répertoire FINESS configuré "
                            + "(impossible de distinguer un EG d'un EJ)", o.location(), id.value());
                    infoDone = true;
                }
                continue;
            }
            StructureDirectory.Resolution res = directory.resolve(id);
            if (res instanceof StructureDirectory.Resolution.AsLegalEntity) {
                rb.add(Rules.AI_GEOGRAPHIC, sev, "authorInstitution " + id.value() + " est une entité juridique (EJ) : "
                        + "un FINESS géographique (EG) est attendu" + when, o.location(), id.value());
            } else if (res instanceof StructureDirectory.Resolution.AsEstablishment && res.closed()) {
                rb.add(Rules.AI_GEOGRAPHIC, sev, "authorInstitution " + id.value() + " est un EG fermé dans le répertoire "
                        + "FINESS : un EG en activité est attendu" + when, o.location(), id.value());
            } else if (!res.known()) {
                rb.add(Rules.AI_GEOGRAPHIC, sev, "authorInstitution " + id.value() + " inconnu du répertoire FINESS : "
                        + "un FINESS géographique (EG) connu est attendu" + when, o.location(), id.value());
            }
        }
    }

    private enum Verdict { SAME, DIFFERENT, UNKNOWN }

    private record Judgement(Verdict verdict, String reason) {
    }

    private void sameEj(Report.Builder rb, List<Occ> occs, StructureId vihf) {
        Map<StructureId, Occ> d = distinct(occs);
        if (d.isEmpty()) {
            return;
        }
        if (vihf == null) {
            rb.add(Rules.AI_SAME_EJ, Severity.INFO, "non évalué : Identifiant_Structure du VIHF absent ou illisible",
                    "VIHF/Identifiant_Structure", "");
            return;
        }
        for (Map.Entry<StructureId, Occ> en : d.entrySet()) {
            Judgement j = judge(vihf, en.getKey());
            Occ o = en.getValue();
            if (j.verdict() == Verdict.DIFFERENT) {
                rb.add(Rules.AI_SAME_EJ, "authorInstitution " + en.getKey().value() + " hors de l'entité juridique de "
                        + "la structure du VIHF " + vihf.value() + " : " + j.reason(), o.location(), en.getKey().value());
            } else if (j.verdict() == Verdict.UNKNOWN) {
                rb.add(Rules.AI_SAME_EJ, Severity.INFO, "non évalué pour " + en.getKey().value() + " : " + j.reason(),
                        o.location(), en.getKey().value());
            }
        }
    }

    private Judgement judge(StructureId vihf, StructureId ai) {
        if (vihf.equals(ai)) {
            return new Judgement(Verdict.SAME, "");
        }
        switch (vihf.kind()) {
            case FINESS -> {
                if (directory == null) {
                    return new Judgement(Verdict.UNKNOWN, "aucun répertoire FINESS configuré, seule l'égalité stricte "
                            + "avec " + vihf.value() + " est vérifiable");
                }
                Optional<Finess> ejV = directory.resolve(vihf).legalEntityFiness();
                if (ejV.isEmpty()) {
                    return new Judgement(Verdict.UNKNOWN, "structure du VIHF " + vihf.value() + " inconnue du répertoire FINESS");
                }
                if (ai.kind() == StructureId.Kind.FINESS) {
                    Optional<Finess> ejA = directory.resolve(ai).legalEntityFiness();
                    if (ejA.isEmpty()) {
                        return new Judgement(Verdict.DIFFERENT, ai.value() + " inconnu du répertoire FINESS : appartenance "
                                + "à l'EJ " + ejV.get().value() + " non établie");
                    }
                    return ejA.get().equals(ejV.get()) ? new Judgement(Verdict.SAME, "")
                            : new Judgement(Verdict.DIFFERENT, "EJ " + ejA.get().value() + " au lieu de l'EJ "
                            + ejV.get().value() + " du VIHF");
                }
                if (ai.kind() == StructureId.Kind.SIRET || ai.kind() == StructureId.Kind.SIREN) {
                    Optional<Siren> sirenV = directory.legalEntity(ejV.get()).flatMap(LegalEntity::siren);
                    if (sirenV.isEmpty()) {
                        return new Judgement(Verdict.UNKNOWN, "SIREN de l'EJ " + ejV.get().value() + " inconnu du répertoire");
                    }
                    return sirenV.get().value().equals(ai.siren().map(Siren::value).orElse(""))
                            ? new Judgement(Verdict.SAME, "")
                            : new Judgement(Verdict.DIFFERENT, "SIREN " + ai.siren().map(Siren::value).orElse("?")
                            + " au lieu du SIREN " + sirenV.get().value() + " de l'EJ " + ejV.get().value());
                }
                return new Judgement(Verdict.DIFFERENT, "identifiant " + ai.kind() + " sans lien avec l'EJ " + ejV.get().value());
            }
            case SIRET, SIREN -> {
                String sirenV = vihf.siren().map(Siren::value).orElse("");
                if (ai.kind() == StructureId.Kind.SIRET || ai.kind() == StructureId.Kind.SIREN) {
                    String sirenA = ai.siren().map(Siren::value).orElse("");
                    return sirenA.equals(sirenV) ? new Judgement(Verdict.SAME, "")
                            : new Judgement(Verdict.DIFFERENT, "SIREN " + sirenA + " au lieu de " + sirenV);
                }
                if (ai.kind() == StructureId.Kind.FINESS) {
                    if (directory == null) {
                        return new Judgement(Verdict.UNKNOWN, "aucun répertoire FINESS configuré pour relier " + ai.value()
                                + " au SIREN " + sirenV);
                    }
                    Optional<Siren> s = directory.resolve(ai).legalEntityFiness().flatMap(directory::legalEntity)
                            .flatMap(LegalEntity::siren);
                    if (s.isEmpty()) {
                        return new Judgement(Verdict.UNKNOWN, "SIREN de l'EJ de " + ai.value() + " inconnu du répertoire");
                    }
                    return s.get().value().equals(sirenV) ? new Judgement(Verdict.SAME, "")
                            : new Judgement(Verdict.DIFFERENT, "EJ de SIREN " + s.get().value() + " au lieu de " + sirenV);
                }
                return new Judgement(Verdict.DIFFERENT, "identifiant " + ai.kind() + " sans lien avec le SIREN " + sirenV);
            }
            default -> {
                return new Judgement(Verdict.DIFFERENT, "un cabinet (" + vihf.kind() + ") garde son propre identifiant : "
                        + vihf.value() + " attendu");
            }
        }
    }

    private void keys(Report.Builder rb, List<Occ> occs) {
        for (Map.Entry<StructureId, Occ> en : distinct(occs).entrySet()) {
            StructureId id = en.getKey();
            if (!id.keyValid()) {
                String kind = id.identifier().map(n -> n.kindName()).orElse(id.kind().name());
                rb.add(Finding.of(Rules.ID_KEY, "clé de contrôle invalide pour le " + kind + " de " + id.value()
                        + " (les numéros de test ANS n'ont pas de clé valide)", en.getValue().location(), id.value()));
            }
        }
    }
}
