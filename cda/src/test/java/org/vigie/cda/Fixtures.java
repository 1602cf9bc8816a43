package org.vigie.cda;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigie.core.StructureDirectory;
import org.vigie.testkit.TestDirectory;

/**
 * Small hand-written submissions for rule tests (the shapes follow the ANS TD2.1 example). Independent of the
 * validator's code.
 */
final class Fixtures {

    private Fixtures() {
    }

    static String xon(String name, String id) {
        return name + "^^^^^&amp;1.2.250.1.71.4.2.2&amp;ISO^IDNST^^^" + id;
    }

    static String cda(String... orgIds) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\">\n  <typeId root=\"2.16.840.1.113883.1.3\" extension=\"POCD_HD000040\"/>\n");
        for (String id : orgIds) {
            sb.append("  <author><time value=\"20250101\"/><assignedAuthor><id root=\"1.2.250.1.71.4.2.1\" extension=\"899900063480\"/>")
              .append("<representedOrganization>");
            if (id != null) {
                sb.append(id.contains("/") ? "<id root=\"" + id.substring(0, id.indexOf('/')) + "\" extension=\""
                        + id.substring(id.indexOf('/') + 1) + "\"/>" : "<id root=\"1.2.250.1.71.4.2.2\" extension=\"" + id + "\"/>");
            }
            sb.append("<name>Structure</name></representedOrganization></assignedAuthor></author>\n");
        }
        sb.append("  <custodian><assignedCustodian><representedCustodianOrganization><id root=\"1.2.250.1.71.4.2.2\" extension=\"1750100125\"/>"
                + "</representedCustodianOrganization></assignedCustodian></custodian>\n");
        sb.append("  <component><nonXMLBody><text mediaType=\"application/pdf\" representation=\"B64\">JVBERi0xLjQK</text></nonXMLBody></component>\n");
        sb.append("</ClinicalDocument>\n");
        return sb.toString();
    }

    /** A ProvideAndRegisterDocumentSetRequest. */
    static final class Submission {
        final List<List<String>> ssAuthors = new ArrayList<>();
        final Map<String, List<List<String>>> entries = new LinkedHashMap<>();
        final Map<String, String> cdas = new LinkedHashMap<>();
        boolean xop;
        boolean ssClassified = true;

        Submission ss(String... institutionsOfOneAuthor) {
            ssAuthors.add(List.of(institutionsOfOneAuthor));
            return this;
        }

        Submission entry(String id, List<List<String>> authors, String cda) {
            entries.put(id, authors);
            cdas.put(id, cda);
            return this;
        }

        /** A document whose entry has one author with this institution and whose CDA carries these ids. */
        Submission doc(String id, String institutionXon, String... cdaOrgIds) {
            return entry(id, List.of(institutionXon == null ? List.of() : List.of(institutionXon)), cda(cdaOrgIds));
        }

        Submission xop() {
            this.xop = true;
            return this;
        }

        Submission noSubmissionSetNode() {
            this.ssClassified = false;
            return this;
        }

        Map<String, String> attachments() {
            Map<String, String> m = new HashMap<>();
            cdas.forEach((id, c) -> m.put("cid:" + id + "@vigie", c));
            return m;
        }

        String xml() {
            StringBuilder sb = new StringBuilder();
            sb.append("<xds:ProvideAndRegisterDocumentSetRequest xmlns:xds=\"urn:ihe:iti:xds-b:2007\" "
                    + "xmlns:lcm=\"urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0\" xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\">\n"
                    + "<lcm:SubmitObjectsRequest><rim:RegistryObjectList>\n");
            sb.append("<rim:RegistryPackage id=\"SS\">\n");
            authors(sb, "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d", "SS", ssAuthors, "ssa");
            if (ssClassified) {
                sb.append("<rim:Classification classificationNode=\"urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd\" classifiedObject=\"SS\" id=\"ssc\"/>\n");
            }
            sb.append("</rim:RegistryPackage>\n");
            int n = 0;
            for (Map.Entry<String, List<List<String>>> e : entries.entrySet()) {
                sb.append("<rim:ExtrinsicObject id=\"").append(e.getKey())
                  .append("\" mimeType=\"text/xml\" objectType=\"urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1\">\n");
                authors(sb, "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d", e.getKey(), e.getValue(), "a" + (n++) + "_");
                sb.append("<rim:ExternalIdentifier id=\"u").append(n).append("\" identificationScheme=\"urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab\" ")
                  .append("registryObject=\"").append(e.getKey()).append("\" value=\"1.2.3.").append(n).append("\"/>\n");
                sb.append("</rim:ExtrinsicObject>\n");
            }
            sb.append("</rim:RegistryObjectList></lcm:SubmitObjectsRequest>\n");
            for (Map.Entry<String, String> c : cdas.entrySet()) {
                sb.append("<xds:Document id=\"").append(c.getKey()).append("\">");
                if (xop) {
                    sb.append("<xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"cid:")
                      .append(c.getKey()).append("@vigie\"/>");
                } else {
                    sb.append(Base64.getMimeEncoder().encodeToString(c.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                }
                sb.append("</xds:Document>\n");
            }
            sb.append("</xds:ProvideAndRegisterDocumentSetRequest>\n");
            return sb.toString();
        }

        private static void authors(StringBuilder sb, String scheme, String obj, List<List<String>> authors, String idp) {
            int i = 0;
            for (List<String> inst : authors) {
                sb.append("<rim:Classification classificationScheme=\"").append(scheme).append("\" classifiedObject=\"")
                  .append(obj).append("\" id=\"").append(idp).append(++i).append("\" nodeRepresentation=\"\">")
                  .append("<rim:Slot name=\"authorPerson\"><rim:ValueList><rim:Value>899900063480^MAX^LIBRE</rim:Value></rim:ValueList></rim:Slot>");
                if (!inst.isEmpty()) {
                    sb.append("<rim:Slot name=\"authorInstitution\"><rim:ValueList>");
                    for (String v : inst) {
                        sb.append("<rim:Value>").append(v).append("</rim:Value>");
                    }
                    sb.append("</rim:ValueList></rim:Slot>");
                }
                sb.append("</rim:Classification>\n");
            }
        }
    }

    /** A tiny directory: EJ 750712184 (SIREN 267500452) with EGs 750100125 and 750803447; EJ 920000650 with EG 920100013. */
    /** The usual test directory of the kit: EJ 750712184 (EGs 750100125, 750803447, closed 750000366), EJ 920000650. */
    static StructureDirectory directory() {
        return TestDirectory.usual();
    }
}
