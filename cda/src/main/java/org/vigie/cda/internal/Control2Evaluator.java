package org.vigie.cda.internal;

import org.vigie.core.Messages;
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
import org.vigie.core.Location;
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

    private static final Location VIHF_STRUCTURE = Location.of("VIHF").child("Identifiant_Structure");

    /** An occurrence plus where it was seen and the parsed id. */
    private record Occ(Occurrence.Place place, String document, String value, Optional<StructureId> id, Location location) {
        Occurrence toOccurrence() {
            return new Occurrence(place, document, value, id.map(StructureId::value).orElse(""));
        }

        Messages.Text where() {
            return switch (place) {
                case SUBMISSION_SET -> Messages.text("AI-CONSISTENT.cda-place-set");
                case DOCUMENT_ENTRY -> Messages.text("AI-CONSISTENT.cda-place-entry", document);
                case CDA_HEADER -> Messages.text("AI-CONSISTENT.cda-place-header", document);
                case VIHF -> Messages.text("AI-CONSISTENT.cda-place-vihf");
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
            occs.add(new Occ(Occurrence.Place.VIHF, "", vihf.value(), Optional.of(vihf), VIHF_STRUCTURE));
        }
        boolean unreadable = !md.complete();

        // submission set
        if (md.submissionSet().isPresent()) {
            XdsMetadata.SubmissionSet ss = md.submissionSet().get();
            xdsPlace(rb, occs, Occurrence.Place.SUBMISSION_SET, "", ss.authors(), Location.of("SubmissionSet", ss.id()));
        } else if (!unreadable) {
            rb.add(Rules.AI_PRESENT, "no-submission-set", Location.of("SubmissionSet"), "", XdsMetadata.SUBMISSION_SET_NODE);
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
                rb.add(Rules.AI_XML, "cda-documents-same-id", Location.of("Document", en.getKey()), en.getKey(),
                        en.getValue().size(), en.getKey());
            }
        }
        Set<XdsMetadata.DocumentContent> linkedDocs = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        boolean cdaNotEvaluatedReported = false;
        for (XdsMetadata.DocumentEntry e : md.entries()) {
            List<Occ> entryOccs = new ArrayList<>();
            xdsPlace(rb, entryOccs, Occurrence.Place.DOCUMENT_ENTRY, e.id(), e.authors(), Location.of("DocumentEntry", e.id()));
            occs.addAll(entryOccs);
            if (!md.provideAndRegister()) {
                if (!cdaNotEvaluatedReported) {
                    rb.add(Rules.AI_CDA_MATCH, Severity.INFO, "no-documents", Location.of("XDS"), "");
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
                    rb.add(Rules.AI_XML, Severity.WARNING, "cda-document-case", Location.of("Document", dc.id()), dc.id(),
                            dc.id(), e.id());
                }
            }
            if (dcs == null) {
                if (!unreadable) {
                    rb.add(Rules.AI_XML, "cda-no-document", Location.of("DocumentEntry", e.id()), "", e.id());
                }
                continue;
            }
            for (XdsMetadata.DocumentContent dc : dcs) {
                linkedDocs.add(dc);
                CdaHeader header = header(rb, dc, xopHeaders, "cda-part-missing-entry", e.id());
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
                rb.add(Rules.AI_XML, "cda-document-without-entry", Location.of("Document", d.id()), d.id(), d.id());
                CdaHeader header = header(rb, d, xopHeaders, "cda-part-missing-document", d.id());
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
                                    String name, String doc) {
        if (dc.header().isPresent()) {
            return dc.header().get();
        }
        String href = dc.xopHref().orElse("");
        CdaHeader header = xopHeaders.get(href);
        if (header == null) {
            rb.add(Rules.AI_XML, name, Location.of("Document", dc.id()), href, href, doc);
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
            rb.add(Rules.AI_CDA_MATCH, Severity.INFO, "not-cda", Location.of("CDA", doc), header.rootElement(),
                    header.rootElement());
            return false;
        }
        cdaPlace(rb, occs, doc, header);
        return true;
    }

    // ---------------------------------------------------------------------------------------------------- places

    private void xdsPlace(Report.Builder rb, List<Occ> occs, Occurrence.Place place, String doc,
                          List<XdsMetadata.Author> authors, Location base) {
        // messages name the place: the submission set ("...-set") or the entry doc ("...-entry", {0} the entry id)
        String in = place == Occurrence.Place.SUBMISSION_SET ? "-set" : "-entry";
        if (authors.isEmpty()) {
            rb.add(Rules.AI_PRESENT, "no-author" + in, base, "", doc);
            return;
        }
        int withValue = 0;
        for (int i = 0; i < authors.size(); i++) {
            XdsMetadata.Author a = authors.get(i);
            Location loc = base.child("author", a.classificationId().isEmpty() ? String.valueOf(i + 1) : a.classificationId())
                    .child("authorInstitution");
            for (String v : a.institutions()) {
                if (!v.isEmpty() && v.isBlank() && !v.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
                    rb.add(Rules.AI_FORMAT, "spaces-only" + in, loc, v, doc, Xon.visible(v));
                }
            }
            List<String> values = a.institutions().stream().filter(v -> !v.isBlank()).toList();
            if (values.isEmpty()) {
                continue;
            }
            withValue++;
            if (values.size() > 1) {
                rb.add(Rules.AI_SINGLE, "several" + in, loc, String.join(" | ", values), doc, values.size());
            }
            for (String v : values) {
                Xon.FrenchProfile fp = Xon.parse(v).frenchProfile();
                if (!fp.valid()) {
                    rb.add(Rules.AI_FORMAT, "xon-profile", loc, v, fp.problemsText());
                }
                occs.add(new Occ(place, doc, v, fp.structureId(), loc));
            }
        }
        if (withValue == 0) {
            rb.add(Rules.AI_PRESENT, "no-value" + in, base, "", doc);
        }
    }

    private void cdaPlace(Report.Builder rb, List<Occ> occs, String doc, CdaHeader header) {
        Location base = Location.of("CDA", doc);
        boolean any = false;
        for (CdaHeader.Author a : header.authors()) {
            Location loc = base.child("author", a.index()).child("assignedAuthor").child("representedOrganization")
                    .child("id");
            for (CdaHeader.OrganizationId id : a.organizationIds()) {
                if (!id.nullFlavor().isEmpty() && !id.extension().isEmpty()) {
                    rb.add(Rules.AI_XML, "cda-null-flavor-and-extension", loc,
                            id.root() + "/" + id.extension() + " nullFlavor=" + id.nullFlavor(), id.nullFlavor(),
                            id.extension());
                }
            }
            List<CdaHeader.OrganizationId> ids = a.organizationIds().stream()
                    .filter(id -> id.nullFlavor().isEmpty() && !id.extension().isEmpty()).toList();
            if (ids.isEmpty()) {
                continue;
            }
            any = true;
            if (ids.size() > 1) {
                rb.add(Rules.AI_SINGLE, "several-cda", loc,
                        String.join(" | ", ids.stream().map(CdaHeader.OrganizationId::display).toList()), a.index(),
                        ids.size());
            }
            for (CdaHeader.OrganizationId id : ids) {
                Optional<StructureId> sid = StructureId.tryParse(id.extension());
                if (!Xon.IDNST_OID.equals(id.root())) {
                    rb.add(Rules.AI_FORMAT, "cda-root", loc, id.display(), id.root(), Xon.IDNST_OID);
                }
                if (sid.isEmpty()) {
                    rb.add(Rules.AI_FORMAT, "cda-extension", loc, id.display(), id.extension());
                }
                occs.add(new Occ(Occurrence.Place.CDA_HEADER, doc, id.display(), sid, loc));
            }
        }
        if (!any) {
            String detail;
            if (header.authors().isEmpty()) {
                detail = "cda-no-author";
            } else if (header.authors().stream().noneMatch(CdaHeader.Author::hasRepresentedOrganization)) {
                detail = "cda-no-organization";
            } else {
                detail = "cda-no-id";
            }
            // with a custodian, the message says it is not where authorInstitution comes from ("...-custodian")
            Optional<CdaHeader.OrganizationId> custodian = header.custodianOrganization();
            if (custodian.isPresent()) {
                rb.add(Rules.AI_PRESENT, detail + "-custodian", base.child("author"), "", custodian.get().display());
            } else {
                rb.add(Rules.AI_PRESENT, detail, base.child("author"), "");
            }
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
                rb.add(Rules.AI_CDA_MATCH, "entry-not-in-cda", Location.of("DocumentEntry", doc), v, v, doc,
                        String.join(", ", c));
            }
        }
        for (String v : c) {
            if (!e.contains(v)) {
                rb.add(Rules.AI_CDA_MATCH, "cda-not-in-entry", Location.of("CDA", doc), v, v, doc,
                        String.join(", ", e));
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
                    rb.add(Rules.AI_CONSISTENT, policy.lotMayDiffer() ? "differs-lot-may-differ" : "differs",
                            o.location(), o.value(), o.where(), o.id().get().value(), ref.id().get().value(), ref.where());
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
        // before the date the rule is mandatory, each message says so ("...-before", {1} the date)
        String when = sev == Severity.WARNING ? "-before" : "";
        String from = String.valueOf(policy.geographicMandatoryFrom());
        boolean infoDone = false;
        for (Map.Entry<StructureId, Occ> en : distinct(occs).entrySet()) {
            StructureId id = en.getKey();
            Occ o = en.getValue();
            if (id.kind() != StructureId.Kind.FINESS) {
                rb.add(Rules.AI_GEOGRAPHIC, sev, "not-finess" + when, o.location(), id.value(), id.value(), from);
                continue;
            }
            if (directory == null) {
                if (!infoDone) {
                    rb.add(Rules.AI_GEOGRAPHIC, Severity.INFO, "no-directory", o.location(), id.value());
                    infoDone = true;
                }
                continue;
            }
            StructureDirectory.Resolution res = directory.resolve(id);
            if (res instanceof StructureDirectory.Resolution.AsLegalEntity) {
                rb.add(Rules.AI_GEOGRAPHIC, sev, "legal-entity" + when, o.location(), id.value(), id.value(), from);
            } else if (res instanceof StructureDirectory.Resolution.AsEstablishment && res.closed()) {
                rb.add(Rules.AI_GEOGRAPHIC, sev, "closed" + when, o.location(), id.value(), id.value(), from);
            } else if (!res.known()) {
                rb.add(Rules.AI_GEOGRAPHIC, sev, "unknown" + when, o.location(), id.value(), id.value(), from);
            }
        }
    }

    private enum Verdict { SAME, DIFFERENT, UNKNOWN }

    /**
     * A verdict of {@code AI-SAME-EJ} and, when not SAME, the name of its reason (the message is
     * {@code AI-SAME-EJ.different-REASON} or {@code unknown-REASON}, {0} the authorInstitution, {1} the VIHF structure,
     * then the reason's arguments).
     */
    private record Judgement(Verdict verdict, String reason, Object... arguments) {
    }

    private static Object[] join(Object ai, Object vihf, Object[] rest) {
        Object[] all = new Object[rest.length + 2];
        all[0] = ai;
        all[1] = vihf;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }

    private void sameEj(Report.Builder rb, List<Occ> occs, StructureId vihf) {
        Map<StructureId, Occ> d = distinct(occs);
        if (d.isEmpty()) {
            return;
        }
        if (vihf == null) {
            rb.add(Rules.AI_SAME_EJ, Severity.INFO, "no-vihf-structure", VIHF_STRUCTURE, "");
            return;
        }
        for (Map.Entry<StructureId, Occ> en : d.entrySet()) {
            Judgement j = judge(vihf, en.getKey());
            Occ o = en.getValue();
            if (j.verdict() == Verdict.DIFFERENT) {
                rb.add(Rules.AI_SAME_EJ, "different-" + j.reason(), o.location(), en.getKey().value(),
                        join(en.getKey().value(), vihf.value(), j.arguments()));
            } else if (j.verdict() == Verdict.UNKNOWN) {
                rb.add(Rules.AI_SAME_EJ, Severity.INFO, "unknown-" + j.reason(), o.location(), en.getKey().value(),
                        join(en.getKey().value(), vihf.value(), j.arguments()));
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
                    return new Judgement(Verdict.UNKNOWN, "no-directory");
                }
                Optional<Finess> ejV = directory.resolve(vihf).legalEntityFiness();
                if (ejV.isEmpty()) {
                    return new Judgement(Verdict.UNKNOWN, "vihf-unknown");
                }
                if (ai.kind() == StructureId.Kind.FINESS) {
                    Optional<Finess> ejA = directory.resolve(ai).legalEntityFiness();
                    if (ejA.isEmpty()) {
                        return new Judgement(Verdict.DIFFERENT, "unknown-finess", ejV.get().value());
                    }
                    return ejA.get().equals(ejV.get()) ? new Judgement(Verdict.SAME, "")
                            : new Judgement(Verdict.DIFFERENT, "other-ej", ejA.get().value(), ejV.get().value());
                }
                if (ai.kind() == StructureId.Kind.SIRET || ai.kind() == StructureId.Kind.SIREN) {
                    Optional<Siren> sirenV = directory.legalEntity(ejV.get()).flatMap(LegalEntity::siren);
                    if (sirenV.isEmpty()) {
                        return new Judgement(Verdict.UNKNOWN, "ej-siren-unknown", ejV.get().value());
                    }
                    return sirenV.get().value().equals(ai.siren().map(Siren::value).orElse(""))
                            ? new Judgement(Verdict.SAME, "")
                            : new Judgement(Verdict.DIFFERENT, "other-siren-of-ej",
                            ai.siren().map(Siren::value).orElse("?"), sirenV.get().value(), ejV.get().value());
                }
                return new Judgement(Verdict.DIFFERENT, "kind-unrelated-to-ej", ai.kind(), ejV.get().value());
            }
            case SIRET, SIREN -> {
                String sirenV = vihf.siren().map(Siren::value).orElse("");
                if (ai.kind() == StructureId.Kind.SIRET || ai.kind() == StructureId.Kind.SIREN) {
                    String sirenA = ai.siren().map(Siren::value).orElse("");
                    return sirenA.equals(sirenV) ? new Judgement(Verdict.SAME, "")
                            : new Judgement(Verdict.DIFFERENT, "other-siren", sirenA, sirenV);
                }
                if (ai.kind() == StructureId.Kind.FINESS) {
                    if (directory == null) {
                        return new Judgement(Verdict.UNKNOWN, "no-directory-siren", sirenV);
                    }
                    Optional<Siren> s = directory.resolve(ai).legalEntityFiness().flatMap(directory::legalEntity)
                            .flatMap(LegalEntity::siren);
                    if (s.isEmpty()) {
                        return new Judgement(Verdict.UNKNOWN, "ai-siren-unknown");
                    }
                    return s.get().value().equals(sirenV) ? new Judgement(Verdict.SAME, "")
                            : new Judgement(Verdict.DIFFERENT, "ej-of-other-siren", s.get().value(), sirenV);
                }
                return new Judgement(Verdict.DIFFERENT, "kind-unrelated-to-siren", ai.kind(), sirenV);
            }
            default -> {
                return new Judgement(Verdict.DIFFERENT, "cabinet", vihf.kind());
            }
        }
    }

    private void keys(Report.Builder rb, List<Occ> occs) {
        for (Map.Entry<StructureId, Occ> en : distinct(occs).entrySet()) {
            StructureId id = en.getKey();
            if (!id.keyValid()) {
                String kind = id.identifier().map(n -> n.kindName()).orElse(id.kind().name());
                rb.add(Rules.ID_KEY, "cda-check-key", en.getValue().location(), id.value(), kind, id.value());
            }
        }
    }
}
