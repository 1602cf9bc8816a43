package org.vigie.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vigie.testkit.internal.Streams;
import org.vigie.testkit.internal.Xml;

/**
 * Builds an IHE XDS.b {@code ProvideAndRegisterDocumentSetRequest} (ITI-41) the way the ANS DMP example does:
 * {@code lcm:SubmitObjectsRequest/rim:RegistryObjectList} holding the SubmissionSet {@code RegistryPackage} (its
 * author classification, contentTypeCode, the SubmissionSet classification node, patientId / sourceId / uniqueId),
 * one {@code ExtrinsicObject} DocumentEntry per document (one author classification per CDA author, with the slots
 * authorPerson, authorRole, authorSpecialty, authorInstitution, authorTelecommunication, and the usual codes), the
 * HasMember associations, then the {@code xds:Document} elements, inline base64 ({@link #inline()}, default) or
 * XOP references ({@link #xop()}).
 *
 * <p>By default every authorInstitution is derived from the CDA headers (XON
 * {@code Name^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^<IdNat_Struct>}; a nullFlavor organisation id gives the name
 * alone), and the SubmissionSet author takes the first document's first author, so that all occurrences agree.
 * Each occurrence can then be set on its own, with zero values (slot omitted) or several values.
 *
 * <p>Documents are streamed: {@link #writeTo(OutputStream)} encodes each CDA through a base64 encoder stream.
 * Mutable, not thread-safe.
 *
 * <pre>{@code
 * XdsSubmissionBuilder.provideAndRegister()
 *     .document("doc1", CdaBuilder.ciSis().author("CH TEST", "1750100125"))
 *     .submissionSetAuthorInstitution(XdsSubmissionBuilder.xon("GHT TEST", "1750712184"))
 *     .writeTo(out);
 * }</pre>
 */
public final class XdsSubmissionBuilder {

    static final String RIM = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";
    static final String RS = "urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0";
    static final String LCM = "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0";
    static final String XDS = "urn:ihe:iti:xds-b:2007";
    static final String QUERY = "urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0";
    static final String XOP = "http://www.w3.org/2004/08/xop/include";
    /** DocumentEntry.author classification scheme. */
    public static final String DOC_AUTHOR_SCHEME = "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d";
    /** SubmissionSet.author classification scheme. */
    public static final String SS_AUTHOR_SCHEME = "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d";
    /** SubmissionSet classification node. */
    public static final String SS_NODE = "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd";

    /** One document: its CDA and, when overridden, the authorInstitution values of each author index. */
    private static final class Doc {
        final String id;
        final CdaBuilder cda;
        final Map<Integer, List<String>> institutions = new LinkedHashMap<>();

        Doc(String id, CdaBuilder cda) {
            this.id = id;
            this.cda = cda;
        }
    }

    private final List<Doc> docs = new ArrayList<>();
    private List<String> ssInstitutions;
    private boolean xop;
    private String submissionSetId = "SubmissionSet01";
    private String sourceId = "1.2.250.1.999.1.1.7898";
    private String submissionTime = "20260101120000";

    private XdsSubmissionBuilder() {
    }

    /** @return a builder for an ITI-41 ProvideAndRegisterDocumentSetRequest */
    public static XdsSubmissionBuilder provideAndRegister() {
        return new XdsSubmissionBuilder();
    }

    /**
     * The French XON for a structure: {@code Name^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^<IdNat_Struct>}.
     *
     * @param name        organisation name (XON.1); HL7 delimiters are escaped
     * @param idNatStruct the IdNat_Struct (XON.10)
     * @return the XON value
     */
    public static String xon(String name, String idNatStruct) {
        return hl7Escape(name) + "^^^^^&" + CdaBuilder.IDNST_ROOT + "&ISO^IDNST^^^" + idNatStruct;
    }

    static String hl7Escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\E\\");
                case '|' -> b.append("\\F\\");
                case '^' -> b.append("\\S\\");
                case '&' -> b.append("\\T\\");
                case '~' -> b.append("\\R\\");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Adds a DocumentEntry and its document.
     *
     * @param id  the ExtrinsicObject id and Document id
     * @param cda the CDA document
     * @return this builder
     */
    public XdsSubmissionBuilder document(String id, CdaBuilder cda) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cda, "cda");
        for (Doc d : docs) {
            if (d.id.equals(id)) {
                throw new IllegalArgumentException("duplicate document id " + id);
            }
        }
        docs.add(new Doc(id, cda));
        return this;
    }

    /**
     * Sets the SubmissionSet author's authorInstitution values: none omits the slot, several make it multi-valued.
     *
     * @param xonValues XON values, used verbatim
     * @return this builder
     */
    public XdsSubmissionBuilder submissionSetAuthorInstitution(String... xonValues) {
        this.ssInstitutions = List.of(xonValues);
        return this;
    }

    /**
     * Sets the authorInstitution values of the first author of a DocumentEntry (instead of deriving them from its
     * CDA header): none omits the slot, several make it multi-valued.
     *
     * @param docId     the document id
     * @param xonValues XON values, used verbatim
     * @return this builder
     */
    public XdsSubmissionBuilder documentAuthorInstitution(String docId, String... xonValues) {
        return documentAuthorInstitution(docId, 0, xonValues);
    }

    /**
     * Sets the authorInstitution values of one author of a DocumentEntry.
     *
     * @param docId       the document id
     * @param authorIndex index of the author (order of the CDA authors)
     * @param xonValues   XON values, used verbatim
     * @return this builder
     */
    public XdsSubmissionBuilder documentAuthorInstitution(String docId, int authorIndex, String... xonValues) {
        doc(docId).institutions.put(authorIndex, List.of(xonValues));
        return this;
    }

    /**
     * Documents inline, base64 in {@code xds:Document} (default).
     * @return this builder
     */
    public XdsSubmissionBuilder inline() {
        this.xop = false;
        return this;
    }

    /**
     * Documents as {@code xop:Include href="cid:<docId>@vigie.test"}, for an MTOM message.
     * @return this builder
     */
    public XdsSubmissionBuilder xop() {
        this.xop = true;
        return this;
    }

    /**
     * Sets the SubmissionSet sourceId (its uniqueId is derived from it). The SubmissionSet patientId is the first
     * document's patient INS.
     *
     * @param value the sourceId OID
     * @return this builder
     */
    public XdsSubmissionBuilder sourceId(String value) {
        this.sourceId = Objects.requireNonNull(value);
        return this;
    }

    /** @return true when documents are written as XOP references */
    public boolean isXop() {
        return xop;
    }

    /** @return the document ids, in order */
    public List<String> documentIds() {
        return docs.stream().map(d -> d.id).toList();
    }

    /**
     * @param docId a document id
     * @return its CDA builder
     */
    public CdaBuilder cda(String docId) {
        return doc(docId).cda;
    }

    /**
     * @param docId a document id
     * @return the Content-ID of its MTOM part, without angle brackets
     */
    public static String contentId(String docId) {
        return docId + "@vigie.test";
    }

    private Doc doc(String id) {
        for (Doc d : docs) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no document " + id);
    }

    /**
     * Writes the request element (with its namespace declarations), streaming the documents.
     *
     * @param out destination; flushed, not closed
     */
    public void writeTo(OutputStream out) {
        write(out, xop);
    }

    /** @return the whole request as text (small documents only) */
    public String toXml() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    void write(OutputStream out, boolean asXop) {
        try {
            Writer w = new OutputStreamWriter(Streams.nonClosing(out), StandardCharsets.UTF_8);
            w.write("<ns4:ProvideAndRegisterDocumentSetRequest xmlns=\"" + RIM + "\" xmlns:ns2=\"" + RS
                    + "\" xmlns:ns3=\"" + LCM + "\" xmlns:ns4=\"" + XDS + "\" xmlns:ns5=\"" + QUERY + "\">");
            w.write("<ns3:SubmitObjectsRequest><RegistryObjectList>");
            writeSubmissionSet(w);
            int cla = 100;
            int ei = 100;
            for (Doc d : docs) {
                cla = writeDocumentEntry(w, d, cla);
                ei = writeIdentifiers(w, d, ei);
                w.write("</ExtrinsicObject>");
            }
            int n = 1;
            for (Doc d : docs) {
                w.write("<Association associationType=\"urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember\" id=\"assoc"
                        + n++ + "\" sourceObject=\"" + a(submissionSetId) + "\" targetObject=\"" + a(d.id) + "\">");
                slot(w, "SubmissionSetStatus", "Original");
                w.write("</Association>");
            }
            w.write("</RegistryObjectList></ns3:SubmitObjectsRequest>");
            for (Doc d : docs) {
                w.write("<ns4:Document id=\"" + a(d.id) + "\">");
                if (asXop) {
                    w.write("<xop:Include xmlns:xop=\"" + XOP + "\" href=\"cid:" + a(contentId(d.id)) + "\"/>");
                } else {
                    w.flush();
                    try (OutputStream b64 = Base64.getEncoder().wrap(Streams.nonClosing(out))) {
                        d.cda.writeTo(b64);
                    }
                }
                w.write("</ns4:Document>");
            }
            w.write("</ns4:ProvideAndRegisterDocumentSetRequest>");
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeSubmissionSet(Writer w) throws IOException {
        String ss = submissionSetId;
        w.write("<RegistryPackage id=\"" + ss + "\">");
        slot(w, "submissionTime", submissionTime);
        name(w, "Name", "Lot de soumission (Vigie testkit)");
        name(w, "Description", "Soumission produite par le kit de test Vigie");
        List<String> inst = ssInstitutions;
        CdaBuilder.Author firstAuthor = null;
        if (!docs.isEmpty() && !docs.get(0).cda.authors().isEmpty()) {
            firstAuthor = docs.get(0).cda.authors().get(0);
        }
        if (inst == null) {
            Doc first = docs.isEmpty() ? null : docs.get(0);
            inst = first == null ? List.of(xon("CENTRE DE SANTE RPPS15287", "10B0152872")) : institutions(first, 0);
        }
        author(w, SS_AUTHOR_SCHEME, ss, "cla1", firstAuthor, inst);
        w.write("<Classification classificationScheme=\"urn:uuid:aa543740-bdda-424e-8c96-df4873be8500\" classifiedObject=\""
                + ss + "\" id=\"cla2\" nodeRepresentation=\"04\">");
        slot(w, "codingScheme", "1.2.250.1.213.2.2");
        name(w, "Name", "Hospitalisation de jour");
        w.write("</Classification>");
        w.write("<Classification classificationNode=\"" + SS_NODE + "\" classifiedObject=\"" + ss + "\" id=\"cla3\"/>");
        String pid = docs.isEmpty() ? "279035121518989" : docs.get(0).cda.patientIns();
        externalId(w, "ei1", "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446", ss, patientId(pid),
                "XDSSubmissionSet.patientId");
        externalId(w, "ei2", "urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832", ss, sourceId, "XDSSubmissionSet.sourceId");
        externalId(w, "ei3", "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8", ss, sourceId + ".1." + submissionTime,
                "XDSSubmissionSet.uniqueId");
        w.write("</RegistryPackage>");
    }

    private List<String> institutions(Doc d, int authorIndex) {
        List<String> o = d.institutions.get(authorIndex);
        if (o != null) {
            return o;
        }
        List<CdaBuilder.Author> authors = d.cda.authors();
        if (authorIndex >= authors.size()) {
            return List.of();
        }
        CdaBuilder.Author au = authors.get(authorIndex);
        if (!au.withOrganization()) {
            return List.of();
        }
        if (au.nullFlavor() != null) {
            return List.of(hl7Escape(au.orgName() == null ? "" : au.orgName()));
        }
        if (!CdaBuilder.IDNST_ROOT.equals(au.orgRoot())) {
            return List.of(hl7Escape(au.orgName()) + "^^^^^&" + au.orgRoot() + "&ISO^IDNST^^^" + au.orgExtension());
        }
        return List.of(xon(au.orgName() == null ? "" : au.orgName(), au.orgExtension()));
    }

    private int writeDocumentEntry(Writer w, Doc d, int cla) throws IOException {
        CdaBuilder cda = d.cda;
        String mime = "text/xml";
        w.write("<ExtrinsicObject id=\"" + a(d.id) + "\" mimeType=\"" + mime
                + "\" objectType=\"urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1\">");
        slot(w, "creationTime", utc(cda.effectiveTime()));
        slot(w, "languageCode", "fr-FR");
        List<CdaBuilder.Author> authors = cda.authors();
        CdaBuilder.Author first = authors.isEmpty() ? null : authors.get(0);
        if (first != null) {
            slot(w, "legalAuthenticator", person(first));
        }
        slot(w, "serviceStartTime", utc(cda.effectiveTime()));
        slot(w, "serviceStopTime", utc(cda.effectiveTime()));
        slot(w, "sourcePatientId", patientId(cda.patientIns()));
        w.write("<Slot name=\"sourcePatientInfo\"><ValueList><Value>PID-5|PAT-TEST^CAMILLE^^^^^L</Value>"
                + "<Value>PID-7|19790328</Value><Value>PID-8|F</Value></ValueList></Slot>");
        name(w, "Name", cda.title());
        name(w, "Description", "Document produit par le kit de test Vigie");
        int n = Math.max(authors.size(), d.institutions.keySet().stream().mapToInt(i -> i + 1).max().orElse(0));
        for (int i = 0; i < n; i++) {
            CdaBuilder.Author au = i < authors.size() ? authors.get(i) : null;
            author(w, DOC_AUTHOR_SCHEME, d.id, "cla" + cla++, au, institutions(d, i));
        }
        cla = coded(w, d.id, cla, "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a", "10", "1.2.250.1.213.1.1.4.1",
                "Compte rendu");
        cla = coded(w, d.id, cla, "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983", cda.code(), "2.16.840.1.113883.6.1",
                cda.codeDisplay());
        cla = coded(w, d.id, cla, "urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f", cda.confidentialityCode(),
                "2.16.840.1.113883.5.25", "Normal");
        cla = coded(w, d.id, cla, "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d",
                cda.isNonXmlBody() ? "urn:ihe:iti:xds-sd:pdf:2008" : "urn:asip:ci-sis:2010",
                cda.isNonXmlBody() ? "1.3.6.1.4.1.19376.1.2.3" : "1.2.250.1.213.1.1.4.2.282",
                cda.isNonXmlBody() ? "Document à corps non structuré en Pdf/A-1" : "Document à corps structuré");
        cla = coded(w, d.id, cla, "urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1", "SA01", "1.2.250.1.71.4.2.4",
                "Etablissement public de santé");
        cla = coded(w, d.id, cla, "urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead", "ETABLISSEMENT",
                "1.2.250.1.213.1.1.4.9", "Etablissement de santé");
        return cla;
    }

    private int writeIdentifiers(Writer w, Doc d, int ei) throws IOException {
        externalId(w, "ei" + ei++, "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427", d.id, patientId(d.cda.patientIns()),
                "XDSDocumentEntry.patientId");
        externalId(w, "ei" + ei++, "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab", d.id, d.cda.documentId(),
                "XDSDocumentEntry.uniqueId");
        return ei;
    }

    private static void author(Writer w, String scheme, String object, String id, CdaBuilder.Author au,
                               List<String> institutions) throws IOException {
        w.write("<Classification classificationScheme=\"" + scheme + "\" classifiedObject=\"" + a(object) + "\" id=\""
                + id + "\" nodeRepresentation=\"\">");
        // ANS example order (authorPerson, authorSpecialty, authorInstitution) with the other slots around it
        if (au != null) {
            slot(w, "authorPerson", person(au));
        }
        slot(w, "authorRole", "Médecin");
        slot(w, "authorSpecialty", "G15_10/SM26^Médecin - Qualifié en Médecine Générale (SM)^1.2.250.1.213.1.1.4.5");
        if (!institutions.isEmpty()) {
            slot(w, "authorInstitution", institutions.toArray(new String[0]));
        }
        slot(w, "authorTelecommunication", "^^Internet^jean.test-vigie@vigie.mssante.fr");
        w.write("</Classification>");
    }

    private static int coded(Writer w, String object, int cla, String scheme, String code, String system, String label)
            throws IOException {
        w.write("<Classification classificationScheme=\"" + scheme + "\" classifiedObject=\"" + a(object) + "\" id=\"cla"
                + cla + "\" nodeRepresentation=\"" + a(code) + "\">");
        slot(w, "codingScheme", system);
        name(w, "Name", label);
        w.write("</Classification>");
        return cla + 1;
    }

    private static String person(CdaBuilder.Author au) {
        return au.personId() + "^" + au.family() + "^" + au.given() + "^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS";
    }

    private static String patientId(String ins) {
        return ins + "^^^&" + CdaBuilder.INS_ROOT + "&ISO^NH";
    }

    /** HL7 TS with offset to UTC YYYYMMDDHHMMSS (the XDS DTM). */
    static String utc(String ts) {
        if (ts.length() >= 19 && (ts.charAt(14) == '+' || ts.charAt(14) == '-')) {
            java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");
            java.time.OffsetDateTime t = java.time.OffsetDateTime.parse(ts.substring(0, 19), f);
            return t.atZoneSameInstant(java.time.ZoneOffset.UTC).format(
                    java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        }
        return ts.length() > 14 ? ts.substring(0, 14) : ts;
    }

    private static void slot(Writer w, String name, String... values) throws IOException {
        w.write("<Slot name=\"" + a(name) + "\"><ValueList>");
        for (String v : values) {
            w.write("<Value>" + a(v) + "</Value>");
        }
        w.write("</ValueList></Slot>");
    }

    private static void name(Writer w, String element, String value) throws IOException {
        w.write("<" + element + "><LocalizedString charset=\"UTF8\" value=\"" + a(value) + "\" xml:lang=\"FR\"/></"
                + element + ">");
    }

    private static void externalId(Writer w, String id, String scheme, String object, String value, String label)
            throws IOException {
        w.write("<ExternalIdentifier id=\"" + id + "\" identificationScheme=\"" + scheme + "\" registryObject=\""
                + a(object) + "\" value=\"" + a(value) + "\">");
        name(w, "Name", label);
        w.write("</ExternalIdentifier>");
    }

    private static String a(String s) {
        return Xml.escape(s);
    }
}
