package org.vigie.benchmarks.data;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.vigie.core.Establishment;
import org.vigie.core.Finess;
import org.vigie.core.InMemoryStructureDirectory;
import org.vigie.core.LegalEntity;
import org.vigie.core.LegalStatus;
import org.vigie.core.Siren;

/**
 * Synthetic, valid XDS submissions (ITI-41 {@code ProvideAndRegisterDocumentSetRequest}) carrying one CDA R2
 * document of a chosen size, in the shape of the ANS TD2.1 example: the same {@code authorInstitution} (an EG of
 * AP-HP) in the submission set, the document entry and the CDA header. The document is generated as it is read:
 * a 200 MB document is never held in memory. Written independently of the validators.
 */
public final class Submissions {

    /** IdNat_Struct of the EG every occurrence names (and the VIHF's structure). */
    public static final String STRUCTURE = "1750100125";
    /** Its FINESS. */
    public static final String EG_FINESS = "750100125";
    /** The FINESS of its legal entity (AP-HP). */
    public static final String EJ_FINESS = "750712184";
    /** Content-ID of the MTOM part of the document, as written in {@code xop:Include/@href}. */
    public static final String HREF = "cid:doc1@vigie.test";

    private static final String XON = "CH TEST VIGIE^^^^^&amp;1.2.250.1.71.4.2.2&amp;ISO^IDNST^^^" + STRUCTURE;
    private static final byte[] BODY_PATTERN = bodyPattern();

    private Submissions() {
    }

    /**
     * Parses a size written as {@code 20KB}, {@code 2MB}, {@code 200MB} (binary multiples: 1 KB = 1024 bytes).
     *
     * @param size the size
     * @return bytes
     */
    public static long parseSize(String size) {
        String s = size.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (s.endsWith("KB")) {
            unit = 1024;
        } else if (s.endsWith("MB")) {
            unit = 1024 * 1024;
        } else if (s.endsWith("GB")) {
            unit = 1024L * 1024 * 1024;
        }
        String digits = unit == 1 ? s.replace("B", "") : s.substring(0, s.length() - 2);
        return Long.parseLong(digits.trim()) * unit;
    }

    /** The directory the checks resolve against: AP-HP (EJ) and its EG. */
    public static InMemoryStructureDirectory directory() {
        LegalEntity aphp = new LegalEntity(Finess.parse(EJ_FINESS), "ASSISTANCE PUBLIQUE HOPITAUX DE PARIS",
                Optional.of(Siren.parse("267500452")), "13", LegalStatus.ofCode("13"));
        Establishment eg = new Establishment(Finess.parse(EG_FINESS), aphp.finess(), "HOPITAL TEST VIGIE", "355",
                "Centre Hospitalier (C.H.)", "1102", Optional.empty(), "75", Optional.empty(), true);
        InMemoryStructureDirectory.Builder b = InMemoryStructureDirectory.builder();
        b.add(aphp);
        b.add(eg);
        return b.build();
    }

    /**
     * A CDA R2 document of exactly {@code size} bytes (at least its header): the header names the EG as author
     * institution, the body is an embedded base64 PDF of filler.
     *
     * @param size total bytes
     * @return a fresh stream
     */
    public static InputStream cda(long size) {
        byte[] head = cdaHead();
        byte[] tail = CDA_TAIL;
        long filler = Math.max(0, size - head.length - tail.length);
        return new ConcatStream(ConcatStream.bytes(head), new RepeatingStream(BODY_PATTERN, filler),
                ConcatStream.bytes(tail));
    }

    /** The submission with the document referenced by {@code xop:Include} (its bytes are an MTOM part). */
    public static byte[] xopSubmission() {
        return submission(true, null).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The submission with the document inline (base64 inside {@code xds:Document}), generated as it is read.
     *
     * @param cdaSize size of the document before encoding
     * @return a fresh stream
     */
    public static InputStream inlineSubmission(long cdaSize) {
        String xml = submission(false, "\u0000");
        int cut = xml.indexOf('\u0000');
        byte[] before = xml.substring(0, cut).getBytes(StandardCharsets.UTF_8);
        byte[] after = xml.substring(cut + 1).getBytes(StandardCharsets.UTF_8);
        return new ConcatStream(ConcatStream.bytes(before), new Base64EncodingStream(cda(cdaSize)),
                ConcatStream.bytes(after));
    }

    /** The submission XML; {@code inlineMarker} stands for the base64 content when not XOP. */
    static String submission(boolean xop, String inlineMarker) {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<xds:ProvideAndRegisterDocumentSetRequest xmlns:xds=\"urn:ihe:iti:xds-b:2007\"")
          .append(" xmlns:lcm=\"urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0\"")
          .append(" xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\">\n")
          .append("<lcm:SubmitObjectsRequest><rim:RegistryObjectList>\n")
          .append("<rim:RegistryPackage id=\"SubmissionSet01\">\n");
        author(sb, "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d", "SubmissionSet01", "ss-author");
        sb.append("<rim:ExternalIdentifier id=\"ss-uid\" identificationScheme=")
          .append("\"urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8\" registryObject=\"SubmissionSet01\"")
          .append(" value=\"1.2.250.1.999.1.1.7898.1\"/>\n")
          .append("</rim:RegistryPackage>\n")
          .append("<rim:Classification classificationNode=\"urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd\"")
          .append(" classifiedObject=\"SubmissionSet01\" id=\"ss-class\"/>\n")
          .append("<rim:ExtrinsicObject id=\"Document01\" mimeType=\"text/xml\"")
          .append(" objectType=\"urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1\">\n");
        author(sb, "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d", "Document01", "doc-author");
        sb.append("<rim:ExternalIdentifier id=\"doc-uid\" identificationScheme=")
          .append("\"urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab\" registryObject=\"Document01\"")
          .append(" value=\"1.2.250.1.999.1.1.7898.2\"/>\n")
          .append("</rim:ExtrinsicObject>\n")
          .append("</rim:RegistryObjectList></lcm:SubmitObjectsRequest>\n")
          .append("<xds:Document id=\"Document01\">");
        if (xop) {
            sb.append("<xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"").append(HREF)
              .append("\"/>");
        } else {
            sb.append('\n').append(inlineMarker);
        }
        sb.append("</xds:Document>\n</xds:ProvideAndRegisterDocumentSetRequest>\n");
        return sb.toString();
    }

    private static void author(StringBuilder sb, String scheme, String object, String id) {
        sb.append("<rim:Classification classificationScheme=\"").append(scheme).append("\" classifiedObject=\"")
          .append(object).append("\" id=\"").append(id).append("\" nodeRepresentation=\"\">")
          .append("<rim:Slot name=\"authorPerson\"><rim:ValueList><rim:Value>899700000000^TEST^VIGIE^^^^^^")
          .append("&amp;1.2.250.1.71.4.2.1&amp;ISO^D^^^IDNPS</rim:Value></rim:ValueList></rim:Slot>")
          .append("<rim:Slot name=\"authorInstitution\"><rim:ValueList><rim:Value>").append(XON)
          .append("</rim:Value></rim:ValueList></rim:Slot>")
          .append("</rim:Classification>\n");
    }

    private static byte[] cdaHead() {
        String s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
                + "  <realmCode code=\"FR\"/>\n"
                + "  <typeId root=\"2.16.840.1.113883.1.3\" extension=\"POCD_HD000040\"/>\n"
                + "  <templateId root=\"2.16.840.1.113883.2.8.2.1\"/>\n"
                + "  <id root=\"1.2.250.1.999.1.1.7898.3\"/>\n"
                + "  <code code=\"11490-0\" codeSystem=\"2.16.840.1.113883.6.1\" displayName=\"Lettre de sortie\"/>\n"
                + "  <title>Lettre de sortie</title>\n"
                + "  <effectiveTime value=\"20250601100000+0200\"/>\n"
                + "  <confidentialityCode code=\"N\" codeSystem=\"2.16.840.1.113883.5.25\"/>\n"
                + "  <languageCode code=\"fr-FR\"/>\n"
                + "  <recordTarget><patientRole><id root=\"1.2.250.1.213.1.4.10\" extension=\"207058575627097\"/>"
                + "<patient><name><given>JEAN</given><family>TEST</family></name>"
                + "<administrativeGenderCode code=\"M\" codeSystem=\"2.16.840.1.113883.5.1\"/>"
                + "<birthTime value=\"19700101\"/></patient></patientRole></recordTarget>\n"
                + "  <author><time value=\"20250601100000+0200\"/><assignedAuthor>"
                + "<id root=\"1.2.250.1.71.4.2.1\" extension=\"899700000000\"/>"
                + "<assignedPerson><name><given>VIGIE</given><family>TEST</family></name></assignedPerson>"
                + "<representedOrganization><id root=\"1.2.250.1.71.4.2.2\" extension=\"" + STRUCTURE + "\"/>"
                + "<name>CH TEST VIGIE</name></representedOrganization></assignedAuthor></author>\n"
                + "  <custodian><assignedCustodian><representedCustodianOrganization>"
                + "<id root=\"1.2.250.1.213.4.1\" extension=\"1.2.250.1.213.4.1\"/><name>DMP</name>"
                + "</representedCustodianOrganization></assignedCustodian></custodian>\n"
                + "  <component><nonXMLBody><text mediaType=\"application/pdf\" representation=\"B64\">\n";
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final byte[] CDA_TAIL = "\n</text></nonXMLBody></component>\n</ClinicalDocument>\n"
            .getBytes(StandardCharsets.UTF_8);

    /** 64 lines of 76 base64 characters: the filler of an embedded PDF. */
    private static byte[] bodyPattern() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        byte[] p = new byte[77 * 64];
        int k = 0;
        for (int line = 0; line < 64; line++) {
            for (int i = 0; i < 76; i++) {
                p[k++] = (byte) alphabet.charAt((line * 7 + i * 13) & 63);
            }
            p[k++] = '\n';
        }
        return p;
    }
}
