package org.vigie.server.internal;

import java.util.List;
import org.vigie.core.Finding;
import org.vigie.core.Report;
import org.vigie.core.Severity;

/** The SOAP 1.2 answers of the endpoint: ebRS responses like the DMP's, and faults. */
public final class SoapAnswers {

    public static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    public static final String WSA = "http://www.w3.org/2005/08/addressing";
    public static final String RS = "urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0";
    public static final String QUERY = "urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0";
    public static final String SUCCESS = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";
    public static final String FAILURE = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure";
    public static final String SEVERITY_ERROR = "urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error";
    public static final String SEVERITY_WARNING = "urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Warning";
    /** Namespace of the fault subcodes. */
    public static final String VIGIE_NS = "urn:vigie:serve";
    public static final String CONTENT_TYPE = "application/soap+xml; charset=UTF-8";

    private SoapAnswers() {
    }

    /**
     * A {@code rs:RegistryResponse} (or {@code query:AdhocQueryResponse}) with status Success when the report is
     * accepted, else Failure, and a {@code RegistryErrorList} holding every finding (ERROR as Error; WARNING and INFO
     * as Warning, INFO messages prefixed "(information)").
     *
     * @param responseAction WS-Addressing Action of the answer
     * @param relatesTo      the request's MessageID, echoed as {@code wsa:RelatesTo} (null: none)
     * @param adhocQuery     true to answer with {@code query:AdhocQueryResponse}
     * @param report         the verdict
     * @return the envelope
     */
    public static String registryResponse(String responseAction, String relatesTo, boolean adhocQuery, Report report) {
        StringBuilder sb = open(responseAction, relatesTo);
        String root = adhocQuery ? "query:AdhocQueryResponse" : "rs:RegistryResponse";
        sb.append('<').append(root);
        if (adhocQuery) {
            sb.append(" xmlns:query=\"").append(QUERY).append('"');
        }
        sb.append(" xmlns:rs=\"").append(RS).append("\" status=\"").append(report.accepted() ? SUCCESS : FAILURE).append('"');
        List<Finding> findings = report.findings();
        if (findings.isEmpty()) {
            sb.append("/>");
        } else {
            sb.append('>');
            errorList(sb, findings);
            sb.append("</").append(root).append('>');
        }
        return close(sb);
    }

    /**
     * A SOAP 1.2 fault.
     *
     * @param sender   true for {@code soap:Sender} (the request is at fault), false for {@code soap:Receiver}
     * @param subcode  local name of the subcode in {@value #VIGIE_NS}
     * @param reason   French reason text
     * @param findings findings put in {@code Detail} as a {@code rs:RegistryErrorList} (may be empty)
     * @return the envelope
     */
    public static String fault(boolean sender, String subcode, String reason, List<Finding> findings) {
        StringBuilder sb = open("http://www.w3.org/2005/08/addressing/soap/fault", null);
        sb.append("<soap:Fault><soap:Code><soap:Value>").append(sender ? "soap:Sender" : "soap:Receiver")
                .append("</soap:Value><soap:Subcode><soap:Value xmlns:vigie=\"").append(VIGIE_NS).append("\">vigie:")
                .append(subcode).append("</soap:Value></soap:Subcode></soap:Code><soap:Reason><soap:Text xml:lang=\"fr\">")
                .append(text(reason)).append("</soap:Text></soap:Reason>");
        if (!findings.isEmpty()) {
            sb.append("<soap:Detail>");
            StringBuilder list = new StringBuilder();
            errorList(list, findings);
            sb.append(list.toString().replaceFirst("<rs:RegistryErrorList", "<rs:RegistryErrorList xmlns:rs=\"" + RS + "\""));
            sb.append("</soap:Detail>");
        }
        sb.append("</soap:Fault>");
        return close(sb);
    }

    private static void errorList(StringBuilder sb, List<Finding> findings) {
        boolean anyError = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        sb.append("<rs:RegistryErrorList highestSeverity=\"").append(anyError ? SEVERITY_ERROR : SEVERITY_WARNING).append("\">");
        for (Finding f : findings) {
            String msg = f.severity() == Severity.INFO ? "(information) " + f.message() : f.message();
            sb.append("<rs:RegistryError errorCode=\"").append(attr(f.rule())).append("\" codeContext=\"").append(attr(msg))
                    .append("\" location=\"").append(attr(f.location())).append("\" severity=\"")
                    .append(f.severity() == Severity.ERROR ? SEVERITY_ERROR : SEVERITY_WARNING).append("\"/>");
        }
        sb.append("</rs:RegistryErrorList>");
    }

    private static StringBuilder open(String action, String relatesTo) {
        StringBuilder sb = new StringBuilder(1024).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<soap:Envelope xmlns:soap=\"").append(SOAP12).append("\" xmlns:wsa=\"").append(WSA).append("\">")
                .append("<soap:Header><wsa:Action>").append(text(action)).append("</wsa:Action>");
        if (relatesTo != null) {
            sb.append("<wsa:RelatesTo>").append(text(relatesTo)).append("</wsa:RelatesTo>");
        }
        return sb.append("</soap:Header><soap:Body>");
    }

    private static String close(StringBuilder sb) {
        return sb.append("</soap:Body></soap:Envelope>").toString();
    }

    /** Escapes text content (and drops characters XML 1.0 cannot carry). */
    public static String text(String s) {
        return escape(s, false);
    }

    /** Escapes an attribute value. */
    public static String attr(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean attribute) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (c >= 0x20 || Character.isSurrogate(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
