package org.vigie.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Builds the XML of the demo's requests: CDA headers, an ITI-41 submission (documents inline or as XOP
 * attachments), the SOAP 1.2 envelope and its MTOM packaging. Plain text templates, deliberately independent of
 * the validators; the VIHF comes signed from the test kit.
 */
final class DemoArtifacts {

    static final String ITI41 = "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b";
    static final String ITI18 = "urn:ihe:iti:2007:RegistryStoredQuery";
    static final String BOUNDARY = "MIMEBoundary_vigie_demo_7d1c";

    private DemoArtifacts() {
    }

    /** An XON authorInstitution value of the French profile. */
    static String xon(String name, String idNatStruct) {
        return name + "^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^" + idNatStruct;
    }

    /** One document of the submission: its entry id, authorInstitution values (entry) and CDA organisation. */
    record Doc(String id, List<String> entryInstitutions, String cdaOrgName, String cdaOrgId) {
    }

    /** A CDA R2 header (then a tiny non-XML body). */
    static String cda(Doc d) {
        String org = d.cdaOrgId() == null
                ? "<representedOrganization><id nullFlavor=\"UNK\"/><name>" + esc(d.cdaOrgName()) + "</name></representedOrganization>"
                : "<representedOrganization><id root=\"1.2.250.1.71.4.2.2\" extension=\"" + esc(d.cdaOrgId()) + "\"/><name>"
                + esc(d.cdaOrgName()) + "</name></representedOrganization>";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
                + "  <realmCode code=\"FR\"/>\n"
                + "  <typeId root=\"2.16.840.1.113883.1.3\" extension=\"POCD_HD000040\"/>\n"
                + "  <templateId root=\"1.2.250.1.213.1.1.1.1\"/>\n"
                + "  <id root=\"1.2.250.1.999.1.1.4242\" extension=\"" + esc(d.id()) + "\"/>\n"
                + "  <code code=\"11488-4\" codeSystem=\"2.16.840.1.113883.6.1\" displayName=\"Note de consultation\"/>\n"
                + "  <title>Compte rendu de consultation (démonstration Vigie)</title>\n"
                + "  <effectiveTime value=\"20260302093000+0100\"/>\n"
                + "  <confidentialityCode code=\"N\" codeSystem=\"2.16.840.1.113883.5.25\"/>\n"
                + "  <languageCode code=\"fr-FR\"/>\n"
                + "  <recordTarget><patientRole><id root=\"1.2.250.1.213.1.4.8\" extension=\"277076322082910\"/>"
                + "<patient><name><given>Alice</given><family>DEMO</family></name>"
                + "<administrativeGenderCode code=\"F\" codeSystem=\"2.16.840.1.113883.5.1\"/><birthTime value=\"19770706\"/>"
                + "</patient></patientRole></recordTarget>\n"
                + "  <author><time value=\"20260302093000+0100\"/><assignedAuthor>"
                + "<id root=\"1.2.250.1.71.4.2.1\" extension=\"810000012345\"/>"
                + "<assignedPerson><name><given>Jean</given><family>MEDECIN</family></name></assignedPerson>"
                + org + "</assignedAuthor></author>\n"
                + "  <custodian><assignedCustodian><representedCustodianOrganization>"
                + "<id root=\"1.2.250.1.213.4.1\" extension=\"DMP\"/></representedCustodianOrganization></assignedCustodian></custodian>\n"
                + "  <component><nonXMLBody><text mediaType=\"text/plain\" representation=\"B64\">"
                + Base64.getEncoder().encodeToString("Document de démonstration.".getBytes(StandardCharsets.UTF_8))
                + "</text></nonXMLBody></component>\n"
                + "</ClinicalDocument>\n";
    }

    /** The {@code ProvideAndRegisterDocumentSetRequest} (documents inline in base64, or XOP includes). */
    static String submission(List<String> setInstitutions, List<Doc> docs, boolean xop) {
        StringBuilder sb = new StringBuilder();
        sb.append("<xdsb:ProvideAndRegisterDocumentSetRequest xmlns:xdsb=\"urn:ihe:iti:xds-b:2007\"")
                .append(" xmlns:lcm=\"urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0\"")
                .append(" xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\">")
                .append("<lcm:SubmitObjectsRequest><rim:RegistryObjectList>");
        sb.append("<rim:RegistryPackage id=\"SubmissionSet01\" objectType=\"urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject\">");
        sb.append("<rim:Slot name=\"submissionTime\"><rim:ValueList><rim:Value>20260302083000</rim:Value></rim:ValueList></rim:Slot>");
        author(sb, "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d", "SubmissionSet01", "cla-ss-author", setInstitutions);
        sb.append("<rim:Classification id=\"cla-ss\" classificationNode=\"urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd\" classifiedObject=\"SubmissionSet01\"/>");
        sb.append("<rim:ExternalIdentifier id=\"ei-ss-uid\" identificationScheme=\"urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8\" registryObject=\"SubmissionSet01\" value=\"1.2.250.1.999.1.1.4242.1\">")
                .append("<rim:Name><rim:LocalizedString value=\"XDSSubmissionSet.uniqueId\"/></rim:Name></rim:ExternalIdentifier>");
        sb.append("</rim:RegistryPackage>");
        int n = 0;
        for (Doc d : docs) {
            n++;
            sb.append("<rim:ExtrinsicObject id=\"").append(esc(d.id())).append("\" mimeType=\"text/xml\" objectType=\"urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1\">");
            author(sb, "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d", d.id(), "cla-author-" + n, d.entryInstitutions());
            sb.append("<rim:ExternalIdentifier id=\"ei-uid-").append(n).append("\" identificationScheme=\"urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab\" registryObject=\"")
                    .append(esc(d.id())).append("\" value=\"1.2.250.1.999.1.1.4242.3.").append(n).append("\">")
                    .append("<rim:Name><rim:LocalizedString value=\"XDSDocumentEntry.uniqueId\"/></rim:Name></rim:ExternalIdentifier>");
            sb.append("</rim:ExtrinsicObject>");
            sb.append("<rim:Association id=\"as-").append(n).append("\" associationType=\"urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember\" sourceObject=\"SubmissionSet01\" targetObject=\"")
                    .append(esc(d.id())).append("\"><rim:Slot name=\"SubmissionSetStatus\"><rim:ValueList><rim:Value>Original</rim:Value></rim:ValueList></rim:Slot></rim:Association>");
        }
        sb.append("</rim:RegistryObjectList></lcm:SubmitObjectsRequest>");
        for (Doc d : docs) {
            sb.append("<xdsb:Document id=\"").append(esc(d.id())).append("\">");
            if (xop) {
                sb.append("<xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"cid:").append(contentId(d)).append("\"/>");
            } else {
                sb.append(Base64.getEncoder().encodeToString(cda(d).getBytes(StandardCharsets.UTF_8)));
            }
            sb.append("</xdsb:Document>");
        }
        return sb.append("</xdsb:ProvideAndRegisterDocumentSetRequest>").toString();
    }

    static String contentId(Doc d) {
        return d.id() + "@demo.vigie";
    }

    private static void author(StringBuilder sb, String scheme, String object, String id, List<String> institutions) {
        sb.append("<rim:Classification id=\"").append(id).append("\" classificationScheme=\"").append(scheme)
                .append("\" classifiedObject=\"").append(esc(object)).append("\" nodeRepresentation=\"\">");
        sb.append("<rim:Slot name=\"authorPerson\"><rim:ValueList><rim:Value>810000012345^MEDECIN^Jean^^^^^^&amp;1.2.250.1.71.4.2.1&amp;ISO^D^^^IDNPS</rim:Value></rim:ValueList></rim:Slot>");
        if (institutions != null) {
            sb.append("<rim:Slot name=\"authorInstitution\"><rim:ValueList>");
            for (String v : institutions) {
                sb.append("<rim:Value>").append(esc(v)).append("</rim:Value>");
            }
            sb.append("</rim:ValueList></rim:Slot>");
        }
        sb.append("<rim:Slot name=\"authorRole\"><rim:ValueList><rim:Value>Médecin</rim:Value></rim:ValueList></rim:Slot>");
        sb.append("</rim:Classification>");
    }

    /** A query body (ITI-18) for the non-feeding case. */
    static String query() {
        return "<query:AdhocQueryRequest xmlns:query=\"urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0\""
                + " xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\"><query:ResponseOption returnType=\"LeafClass\"/>"
                + "<rim:AdhocQuery id=\"urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d\"><rim:Slot name=\"$XDSDocumentEntryPatientId\">"
                + "<rim:ValueList><rim:Value>'277076322082910^^^&amp;1.2.250.1.213.1.4.10&amp;ISO^NH'</rim:Value></rim:ValueList></rim:Slot>"
                + "</rim:AdhocQuery></query:AdhocQueryRequest>";
    }

    /** A SOAP 1.2 envelope: WS-Addressing, the security header (from the test kit), then the body. */
    static String envelope(String action, String securityHeaderXml, String body) {
        String sec = securityHeaderXml.startsWith("<?xml") ? securityHeaderXml.substring(securityHeaderXml.indexOf("?>") + 2) : securityHeaderXml;
        return "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:wsa=\"http://www.w3.org/2005/08/addressing\">"
                + "<soap:Header>"
                + "<wsa:MessageID>urn:uuid:6f0c3e1e-0b7a-4c36-9a41-5d1f00d0" + Integer.toHexString(Math.abs(body.hashCode()) & 0xffff) + "</wsa:MessageID>"
                + "<wsa:To>https://lps.dmp.gouv.fr/si-dmp-server/v2/services</wsa:To>"
                + "<wsa:Action soap:mustUnderstand=\"true\">" + action + "</wsa:Action>"
                + sec.strip()
                + "</soap:Header><soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    /** The MTOM Content-Type of {@link #writeMtom}. */
    static String mtomContentType() {
        return "multipart/related; type=\"application/xop+xml\"; boundary=\"" + BOUNDARY
                + "\"; start=\"<root.message@demo.vigie>\"; start-info=\"application/soap+xml\"";
    }

    /** Writes the MTOM body: root part then one part per document. */
    static void writeMtom(OutputStream out, String envelope, List<Doc> docs) throws IOException {
        List<String> parts = new ArrayList<>();
        parts.add("--" + BOUNDARY + "\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"\r\n"
                + "Content-Transfer-Encoding: binary\r\nContent-ID: <root.message@demo.vigie>\r\n\r\n" + envelope + "\r\n");
        for (Doc d : docs) {
            parts.add("--" + BOUNDARY + "\r\nContent-Type: text/xml\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <"
                    + contentId(d) + ">\r\n\r\n" + cda(d) + "\r\n");
        }
        for (String p : parts) {
            out.write(p.getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
