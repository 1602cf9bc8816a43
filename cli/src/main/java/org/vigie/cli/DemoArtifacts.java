package org.vigie.cli;

import java.util.List;

/**
 * What the test kit does not build for the demo: the description of a document (entry and CDA author
 * organisation) and a consultation (ITI-18 query) envelope around a kit-built security header.
 */
final class DemoArtifacts {

    static final String ITI18 = "urn:ihe:iti:2007:RegistryStoredQuery";

    private DemoArtifacts() {
    }

    /** One document of a submission: entry id, its authorInstitution values, its CDA author organisation. */
    record Doc(String id, List<String> entryInstitutions, String cdaOrgName, String cdaOrgId) {
    }

    /** A query body (ITI-18, FindDocuments) for the non-feeding case. */
    static String query() {
        return "<query:AdhocQueryRequest xmlns:query=\"urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0\""
                + " xmlns:rim=\"urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0\"><query:ResponseOption returnType=\"LeafClass\"/>"
                + "<rim:AdhocQuery id=\"urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d\"><rim:Slot name=\"$XDSDocumentEntryPatientId\">"
                + "<rim:ValueList><rim:Value>'277076322082910^^^&amp;1.2.250.1.213.1.4.10&amp;ISO^NH'</rim:Value></rim:ValueList></rim:Slot>"
                + "</rim:AdhocQuery></query:AdhocQueryRequest>";
    }

    /** A SOAP 1.2 envelope: WS-Addressing action, the security header (from the test kit), then the body. */
    static String envelope(String action, String securityHeaderXml, String body) {
        String sec = securityHeaderXml.startsWith("<?xml") ? securityHeaderXml.substring(securityHeaderXml.indexOf("?>") + 2) : securityHeaderXml;
        return "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:wsa=\"http://www.w3.org/2005/08/addressing\">"
                + "<soap:Header><wsa:MessageID>urn:uuid:6f0c3e1e-0b7a-4c36-9a41-5d1f00d0a001</wsa:MessageID>"
                + "<wsa:To>https://lps.dmp.gouv.fr/si-dmp-server/v2/services</wsa:To>"
                + "<wsa:Action soap:mustUnderstand=\"true\">" + action + "</wsa:Action>"
                + sec.strip() + "</soap:Header><soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }
}
