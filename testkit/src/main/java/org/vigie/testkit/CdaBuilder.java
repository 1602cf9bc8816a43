package org.vigie.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.vigie.testkit.internal.Streams;
import org.vigie.testkit.internal.Xml;

/**
 * Builds CDA R2 documents with a CI-SIS header: realmCode, typeId, templateIds, id, code, title, effectiveTime,
 * confidentialityCode, languageCode, setId, versionNumber, recordTarget (patient INS), one or more
 * {@code author/assignedAuthor} with {@code representedOrganization} (id root {@value #IDNST_ROOT} + IdNat_Struct,
 * name), custodian, legalAuthenticator, then a structured body or a {@code nonXMLBody} with a base64 PDF.
 *
 * <p>The body is <b>streamed</b>: {@link #writeTo(OutputStream)} writes the header, then encodes a generated PDF of
 * the requested size through a base64 encoder stream in 64 KiB chunks; a 500 MB document needs no more heap than a
 * small one. {@link #toXml()} and {@link #toBytes()} materialise the document and are for small documents only.
 *
 * <p>By default the document has one author from {@code CENTRE DE SANTE RPPS15287} / {@code 10B0152872}; the first
 * call to an {@code author...} method replaces it, later calls add authors. Mutable, not thread-safe; each write
 * produces the same bytes.
 *
 * <pre>{@code
 * CdaBuilder cda = CdaBuilder.ciSis().author("CH DE TEST", "1750100125").nonXmlBodyPdf(500L * 1024 * 1024);
 * cda.writeTo(out);
 * }</pre>
 */
public final class CdaBuilder {

    /** OID of IdNat_Struct, the representedOrganization id root. */
    public static final String IDNST_ROOT = "1.2.250.1.71.4.2.2";
    static final String INS_ROOT = "1.2.250.1.213.1.4.10";

    /** One CDA author: person and represented organisation. */
    record Author(String orgName, String orgRoot, String orgExtension, String nullFlavor, boolean withOrganization,
                  String personId, String given, String family) {
    }

    private final List<Author> authors = new ArrayList<>();
    private boolean authorsCustomised;
    private String documentIdRoot = "2.25." + new BigInteger(1, uuidBytes());
    private String setIdRoot = "2.25." + new BigInteger(1, uuidBytes());
    private String code = "11488-4";
    private String codeDisplay = "Note de consultation";
    private String title = "Note de consultation (Vigie testkit)";
    private String effectiveTime = "20260101120000+0100";
    private String confidentiality = "N";
    private String patientIns = "279035121518989";
    private String custodianName = "CENTRE DE SANTE RPPS15287";
    private String custodianId = "10B0152872";
    private String structuredText = "Document de test produit par le kit de test Vigie.";
    private long pdfSize = -1;
    private String mediaType = "application/pdf";

    private CdaBuilder() {
        authors.add(defaultAuthor("CENTRE DE SANTE RPPS15287", IDNST_ROOT, "10B0152872", null, true));
    }

    /** @return a builder for a CI-SIS CDA document with a structured body */
    public static CdaBuilder ciSis() {
        return new CdaBuilder();
    }

    private static byte[] uuidBytes() {
        UUID u = UUID.randomUUID();
        return BigInteger.valueOf(u.getMostSignificantBits()).shiftLeft(64)
                .or(BigInteger.valueOf(u.getLeastSignificantBits()).and(new BigInteger("ffffffffffffffff", 16)))
                .toByteArray();
    }

    private static Author defaultAuthor(String name, String root, String ext, String nf, boolean withOrg) {
        return new Author(name, root, ext, nf, withOrg, "801234567890", "Jean", "TEST-VIGIE");
    }

    private CdaBuilder addAuthor(Author a) {
        if (!authorsCustomised) {
            authors.clear();
            authorsCustomised = true;
        }
        authors.add(a);
        return this;
    }

    /**
     * Adds an author whose {@code representedOrganization} has id root {@value #IDNST_ROOT}, extension
     * {@code idNatStruct}, and the given name.
     *
     * @param organisationName representedOrganization/name (XON.1)
     * @param idNatStruct      representedOrganization/id/@extension
     * @return this builder
     */
    public CdaBuilder author(String organisationName, String idNatStruct) {
        return addAuthor(defaultAuthor(organisationName, IDNST_ROOT, idNatStruct, null, true));
    }

    /**
     * Adds an author whose organisation id has another root (e.g. a FINESS OID instead of IdNat_Struct).
     *
     * @param organisationName organisation name
     * @param root             id/@root
     * @param extension        id/@extension
     * @return this builder
     */
    public CdaBuilder authorWithIdRoot(String organisationName, String root, String extension) {
        return addAuthor(defaultAuthor(organisationName, root, extension, null, true));
    }

    /**
     * Adds an author whose organisation id is {@code <id nullFlavor="..."/>}.
     *
     * @param organisationName organisation name
     * @param nullFlavor       e.g. {@code UNK}, {@code NI}, {@code MSK}
     * @return this builder
     */
    public CdaBuilder authorWithNullFlavorId(String organisationName, String nullFlavor) {
        return addAuthor(defaultAuthor(organisationName, null, null, Objects.requireNonNull(nullFlavor), true));
    }

    /**
     * Adds an author without {@code representedOrganization}.
     * @return this builder
     */
    public CdaBuilder authorWithoutOrganization() {
        return addAuthor(defaultAuthor(null, null, null, null, false));
    }

    /**
     * @param ins patient INS (recordTarget id, root 1.2.250.1.213.1.4.10)
     * @return this builder
     */
    public CdaBuilder patientIns(String ins) {
        this.patientIns = Objects.requireNonNull(ins);
        return this;
    }

    /**
     * @param root ClinicalDocument/id/@root (the XDS uniqueId)
     * @return this builder
     */
    public CdaBuilder documentId(String root) {
        this.documentIdRoot = Objects.requireNonNull(root);
        return this;
    }

    /**
     * @param loinc       ClinicalDocument/code/@code (LOINC)
     * @param displayName its label
     * @return this builder
     */
    public CdaBuilder code(String loinc, String displayName) {
        this.code = Objects.requireNonNull(loinc);
        this.codeDisplay = Objects.requireNonNull(displayName);
        return this;
    }

    /**
     * @param value ClinicalDocument/title
     * @return this builder
     */
    public CdaBuilder title(String value) {
        this.title = Objects.requireNonNull(value);
        return this;
    }

    /**
     * @param hl7Ts effectiveTime, HL7 TS such as {@code 20260101120000+0100}
     * @return this builder
     */
    public CdaBuilder effectiveTime(String hl7Ts) {
        this.effectiveTime = Objects.requireNonNull(hl7Ts);
        return this;
    }

    /**
     * @param code confidentialityCode ({@code N}, {@code R}, {@code V})
     * @return this builder
     */
    public CdaBuilder confidentiality(String code) {
        this.confidentiality = Objects.requireNonNull(code);
        return this;
    }

    /**
     * @param name        custodian organisation name
     * @param idNatStruct its IdNat_Struct (never used for authorInstitution)
     * @return this builder
     */
    public CdaBuilder custodian(String name, String idNatStruct) {
        this.custodianName = Objects.requireNonNull(name);
        this.custodianId = Objects.requireNonNull(idNatStruct);
        return this;
    }

    /**
     * @param text the narrative of the single section of a structured body
     * @return this builder
     */
    public CdaBuilder structuredBody(String text) {
        this.structuredText = Objects.requireNonNull(text);
        this.pdfSize = -1;
        return this;
    }

    /**
     * A {@code nonXMLBody} carrying a generated PDF of exactly {@code sizeBytes} bytes (before base64), streamed.
     *
     * @param sizeBytes PDF size in bytes (at least 32)
     * @return this builder
     */
    public CdaBuilder nonXmlBodyPdf(long sizeBytes) {
        if (sizeBytes < 32) {
            throw new IllegalArgumentException("a PDF needs at least 32 bytes");
        }
        this.pdfSize = sizeBytes;
        this.mediaType = "application/pdf";
        return this;
    }

    /** @return the ClinicalDocument/id/@root */
    public String documentId() {
        return documentIdRoot;
    }

    /** @return the patient INS */
    public String patientIns() {
        return patientIns;
    }

    /** @return true when the body is a nonXMLBody PDF */
    public boolean isNonXmlBody() {
        return pdfSize >= 0;
    }

    List<Author> authors() {
        return List.copyOf(authors);
    }

    String code() {
        return code;
    }

    String codeDisplay() {
        return codeDisplay;
    }

    String title() {
        return title;
    }

    String effectiveTime() {
        return effectiveTime;
    }

    String confidentialityCode() {
        return confidentiality;
    }

    /**
     * Writes the document, streaming the body. The stream is flushed, not closed.
     *
     * @param out destination
     * @throws UncheckedIOException when writing fails
     */
    public void writeTo(OutputStream out) {
        try {
            out.write(header().getBytes(StandardCharsets.UTF_8));
            if (isNonXmlBody()) {
                out.write(("<component><nonXMLBody><text mediaType=\"" + mediaType
                        + "\" representation=\"B64\">").getBytes(StandardCharsets.UTF_8));
                try (OutputStream b64 = Base64.getEncoder().wrap(Streams.nonClosing(out))) {
                    writePdf(b64, pdfSize);
                }
                out.write("</text></nonXMLBody></component>".getBytes(StandardCharsets.UTF_8));
            } else {
                out.write(("<component><structuredBody><component><section>"
                        + "<code code=\"55112-7\" codeSystem=\"2.16.840.1.113883.6.1\" displayName=\"Note\"/>"
                        + "<title>Note</title><text>" + Xml.escape(structuredText) + "</text>"
                        + "</section></component></structuredBody></component>").getBytes(StandardCharsets.UTF_8));
            }
            out.write("</ClinicalDocument>".getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the whole document as text (small documents only) */
    public String toXml() {
        return new String(toBytes(), StandardCharsets.UTF_8);
    }

    /** @return the whole document in UTF-8 (small documents only) */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTo(out);
        return out.toByteArray();
    }

    /** @return the exact number of bytes {@link #writeTo(OutputStream)} writes, computed without writing the body */
    public long length() {
        long n = header().getBytes(StandardCharsets.UTF_8).length + "</ClinicalDocument>".length();
        if (isNonXmlBody()) {
            n += ("<component><nonXMLBody><text mediaType=\"" + mediaType + "\" representation=\"B64\">").length()
                    + "</text></nonXMLBody></component>".length() + 4 * ((pdfSize + 2) / 3);
        } else {
            Streams.Counting c = new Streams.Counting();
            writeTo(c);
            return c.count();
        }
        return n;
    }

    /** A syntactically plausible PDF of exactly {@code size} bytes: header, filler comment lines, trailer. */
    static void writePdf(OutputStream out, long size) throws IOException {
        byte[] head = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        out.write(head);
        long filler = size - head.length - tail.length;
        byte[] chunk = new byte[64 * 1024];
        byte[] line = "% vigie testkit filler\n".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = line[i % line.length];
        }
        while (filler > 0) {
            int n = (int) Math.min(chunk.length, filler);
            out.write(chunk, 0, n);
            filler -= n;
        }
        out.write(tail);
    }

    private String header() {
        StringBuilder b = new StringBuilder(4096);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        b.append("<ClinicalDocument xmlns=\"urn:hl7-org:v3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
        b.append("<realmCode code=\"FR\"/>");
        b.append("<typeId root=\"2.16.840.1.113883.1.3\" extension=\"POCD_HD000040\"/>");
        b.append("<templateId root=\"2.16.840.1.113883.2.8.2.1\"/>");
        b.append("<templateId root=\"1.2.250.1.213.1.1.1.1\"/>");
        if (isNonXmlBody()) {
            b.append("<templateId root=\"1.3.6.1.4.1.19376.1.2.20\"/>");
        }
        b.append("<id root=\"").append(a(documentIdRoot)).append("\"/>");
        b.append("<code code=\"").append(a(code)).append("\" displayName=\"").append(a(codeDisplay))
                .append("\" codeSystem=\"2.16.840.1.113883.6.1\" codeSystemName=\"LOINC\"/>");
        b.append("<title>").append(a(title)).append("</title>");
        b.append("<effectiveTime value=\"").append(a(effectiveTime)).append("\"/>");
        b.append("<confidentialityCode code=\"").append(a(confidentiality))
                .append("\" codeSystem=\"2.16.840.1.113883.5.25\"/>");
        b.append("<languageCode code=\"fr-FR\"/>");
        b.append("<setId root=\"").append(a(setIdRoot)).append("\"/>");
        b.append("<versionNumber value=\"1\"/>");
        b.append("<recordTarget><patientRole><id extension=\"").append(a(patientIns)).append("\" root=\"")
                .append(INS_ROOT).append("\"/><patient classCode=\"PSN\"><name><family qualifier=\"BR\">PAT-TEST</family>"
                        + "<given qualifier=\"BR\">CAMILLE</given></name>"
                        + "<administrativeGenderCode code=\"F\" codeSystem=\"2.16.840.1.113883.5.1\"/>"
                        + "<birthTime value=\"19790328\"/></patient></patientRole></recordTarget>");
        for (Author au : authors) {
            b.append("<author><time value=\"").append(a(effectiveTime)).append("\"/><assignedAuthor>");
            b.append("<id root=\"1.2.250.1.71.4.2.1\" extension=\"").append(a(au.personId())).append("\"/>");
            b.append("<code code=\"G15_10/SM26\" displayName=\"Médecin - Qualifié en Médecine Générale (SM)\""
                    + " codeSystem=\"1.2.250.1.213.1.1.4.5\"/>");
            b.append("<assignedPerson><name><given>").append(a(au.given())).append("</given><family>")
                    .append(a(au.family())).append("</family></name></assignedPerson>");
            if (au.withOrganization()) {
                b.append("<representedOrganization>");
                if (au.nullFlavor() != null) {
                    b.append("<id nullFlavor=\"").append(a(au.nullFlavor())).append("\"/>");
                } else {
                    b.append("<id root=\"").append(a(au.orgRoot())).append("\" extension=\"")
                            .append(a(au.orgExtension())).append("\"/>");
                }
                if (au.orgName() != null) {
                    b.append("<name>").append(a(au.orgName())).append("</name>");
                }
                b.append("</representedOrganization>");
            }
            b.append("</assignedAuthor></author>");
        }
        b.append("<custodian><assignedCustodian><representedCustodianOrganization><id root=\"").append(IDNST_ROOT)
                .append("\" extension=\"").append(a(custodianId)).append("\"/><name>").append(a(custodianName))
                .append("</name></representedCustodianOrganization></assignedCustodian></custodian>");
        Author first = authors.isEmpty() ? defaultAuthor(null, null, null, null, false) : authors.get(0);
        b.append("<legalAuthenticator><time value=\"").append(a(effectiveTime))
                .append("\"/><signatureCode code=\"S\"/><assignedEntity><id root=\"1.2.250.1.71.4.2.1\" extension=\"")
                .append(a(first.personId())).append("\"/><assignedPerson><name><given>").append(a(first.given()))
                .append("</given><family>").append(a(first.family()))
                .append("</family></name></assignedPerson></assignedEntity></legalAuthenticator>");
        b.append("<documentationOf><serviceEvent><effectiveTime><low value=\"").append(a(effectiveTime))
                .append("\"/></effectiveTime></serviceEvent></documentationOf>");
        b.append("<componentOf><encompassingEncounter><effectiveTime value=\"").append(a(effectiveTime))
                .append("\"/><location><healthCareFacility><code code=\"SA01\" displayName=\"Etablissement public de santé\""
                        + " codeSystem=\"1.2.250.1.71.4.2.4\"/></healthCareFacility></location>"
                        + "</encompassingEncounter></componentOf>");
        return b.toString();
    }

    private static String a(String s) {
        return Xml.escape(s == null ? "" : s);
    }
}
