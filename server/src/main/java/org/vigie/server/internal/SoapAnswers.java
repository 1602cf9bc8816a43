package org.vigie.server.internal;

import java.util.List;
import org.vigie.core.Finding;
import org.vigie.core.Report;
import org.vigie.core.Severity;

/**
 * The answers of the endpoint: ebRS responses like the DMP's, and faults, in the SOAP version of the request (SOAP 1.2,
 * the version ITI-41 is specified in, unless the request came in SOAP 1.1: a SOAP 1.1 client cannot read a 1.2 answer).
 */
public final class SoapAnswers {

    /** The SOAP version of an answer: envelope namespace and HTTP Content-Type. */
    public enum Version {
        /** SOAP 1.1: {@code text/xml}, {@code faultcode}/{@code faultstring}/{@code detail}. */
        SOAP11("http://schemas.xmlsoap.org/soap/envelope/", "text/xml; charset=UTF-8"),
        /** SOAP 1.2: {@code application/soap+xml}, {@code Code}/{@code Reason}/{@code Detail}. */
        SOAP12("http://www.w3.org/2003/05/soap-envelope", "application/soap+xml; charset=UTF-8");

        private final String namespace;
        private final String contentType;

        Version(String namespace, String contentType) {
            this.namespace = namespace;
            this.contentType = contentType;
        }

        /** @return the envelope namespace */
        public String namespace() {
            return namespace;
        }

        /** @return the Content-Type of an answer in this version */
        public String contentType() {
            return contentType;
        }

        /** @return SOAP 1.1 for "1.1", else SOAP 1.2 */
        public static Version of(String version) {
            return "1.1".equals(version) ? SOAP11 : SOAP12;
        }

        /**
         * The version a request announces in its HTTP headers, for answers sent before its envelope is read: a
         * {@code text/xml} body (or an MTOM package whose root is {@code text/xml}) or a {@code SOAPAction} header is
         * SOAP 1.1; anything else SOAP 1.2.
         *
         * @param contentType the request's Content-Type (may be null)
         * @param soapAction  the request's SOAPAction header (may be null)
         * @return the version
         */
        public static Version announced(String contentType, String soapAction) {
            if (soapAction != null) {
                return SOAP11;
            }
            if (contentType == null) {
                return SOAP12;
            }
            String ct = contentType.toLowerCase(java.util.Locale.ROOT);
            String mime = ct.split(";", 2)[0].strip();
            if (mime.equals("text/xml")) {
                return SOAP11;
            }
            if (mime.startsWith("multipart/")) {
                // MTOM: the root part's type is in start-info (type is application/xop+xml); SwA: in type
                return ROOT_TEXT_XML.matcher(ct).find() ? SOAP11 : SOAP12;
            }
            return SOAP12;
        }
    }

    private static final java.util.regex.Pattern ROOT_TEXT_XML =
            java.util.regex.Pattern.compile("(?:start-info|[;\\s]type)\\s*=\\s*\"?\\s*text/xml");

    public static final String SOAP12 = Version.SOAP12.namespace();
    public static final String SOAP11 = Version.SOAP11.namespace();
    public static final String WSA = "http://www.w3.org/2005/08/addressing";
    public static final String RS = "urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0";
    public static final String QUERY = "urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0";
    public static final String SUCCESS = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success";
    public static final String FAILURE = "urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure";
    public static final String SEVERITY_ERROR = "urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error";
    public static final String SEVERITY_WARNING = "urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Warning";
    /** Namespace of the fault subcodes. */
    public static final String VIGIE_NS = "urn:vigie:serve";
    /** Content-Type of a SOAP 1.2 answer. */
    public static final String CONTENT_TYPE = Version.SOAP12.contentType();

    private SoapAnswers() {
    }

    /**
     * A {@code rs:RegistryResponse} (or {@code query:AdhocQueryResponse}) with status Success when the report is
     * accepted, else Failure, and a {@code RegistryErrorList} holding every finding (ERROR as Error; WARNING and INFO
     * as Warning, INFO messages prefixed "(information)").
     *
     * @param version        the SOAP version of the answer
     * @param responseAction WS-Addressing Action of the answer
     * @param relatesTo      the request's MessageID, echoed as {@code wsa:RelatesTo} (null: none)
     * @param adhocQuery     true to answer with {@code query:AdhocQueryResponse}
     * @param report         the verdict
     * @return the envelope
     */
    public static String registryResponse(Version version, String responseAction, String relatesTo, boolean adhocQuery,
                                          Report report) {
        return registryResponse(version, responseAction, relatesTo, adhocQuery, report, java.util.Locale.FRENCH);
    }

    /**
     * As {@link #registryResponse(Version, String, String, boolean, Report)}, the findings' messages in
     * {@code locale}'s language (French or English).
     *
     * @param version        the SOAP version of the answer
     * @param responseAction the {@code wsa:Action} of the answer
     * @param relatesTo      the request's MessageID (null: none)
     * @param adhocQuery     true to answer with {@code query:AdhocQueryResponse}
     * @param report         the verdict
     * @param locale         the language of the messages
     * @return the envelope
     */
    public static String registryResponse(Version version, String responseAction, String relatesTo, boolean adhocQuery,
                                          Report report, java.util.Locale locale) {
        StringBuilder sb = open(version, responseAction, relatesTo);
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
            errorList(sb, findings, locale);
            sb.append("</").append(root).append('>');
        }
        return close(sb);
    }

    /**
     * A fault. SOAP 1.2: {@code Code/Value} Sender or Receiver, {@code Subcode/Value} {@code vigie:<subcode>},
     * {@code Reason/Text}, {@code Detail}. SOAP 1.1: {@code faultcode} {@code soap:Client} or {@code soap:Server} (the
     * SOAP 1.1 names of Sender and Receiver; a qualified code of its own, not the "dot" notation WS-I Basic Profile
     * advises against), {@code faultstring}, and {@code detail} holding {@code vigie:Subcode} then the error list.
     *
     * @param version  the SOAP version of the answer
     * @param sender   true for {@code soap:Sender} (the request is at fault), false for {@code soap:Receiver}
     * @param subcode  local name of the subcode in {@value #VIGIE_NS}
     * @param reason   French reason text
     * @param findings findings put in {@code Detail} as a {@code rs:RegistryErrorList} (may be empty)
     * @return the envelope
     */
    public static String fault(Version version, boolean sender, String subcode, String reason, List<Finding> findings) {
        return fault(version, sender, subcode, reason, findings, java.util.Locale.FRENCH);
    }

    /**
     * As {@link #fault(Version, boolean, String, String, List)}, the findings' messages in {@code locale}'s language.
     *
     * @param version  the SOAP version of the answer
     * @param sender   true for {@code soap:Sender}, false for {@code soap:Receiver}
     * @param subcode  local name of the subcode in {@value #VIGIE_NS}
     * @param reason   French reason text
     * @param findings findings put in {@code Detail} (may be empty)
     * @param locale   the language of the findings' messages
     * @return the envelope
     */
    public static String fault(Version version, boolean sender, String subcode, String reason, List<Finding> findings,
                               java.util.Locale locale) {
        StringBuilder sb = open(version, "http://www.w3.org/2005/08/addressing/soap/fault", null);
        if (version == Version.SOAP11) {
            sb.append("<soap:Fault><faultcode>").append(sender ? "soap:Client" : "soap:Server")
                    .append("</faultcode><faultstring xml:lang=\"fr\">").append(text(reason)).append("</faultstring>")
                    .append("<detail><vigie:Subcode xmlns:vigie=\"").append(VIGIE_NS).append("\">vigie:").append(subcode)
                    .append("</vigie:Subcode>");
            detailList(sb, findings, locale);
            sb.append("</detail></soap:Fault>");
            return close(sb);
        }
        sb.append("<soap:Fault><soap:Code><soap:Value>").append(sender ? "soap:Sender" : "soap:Receiver")
                .append("</soap:Value><soap:Subcode><soap:Value xmlns:vigie=\"").append(VIGIE_NS).append("\">vigie:")
                .append(subcode).append("</soap:Value></soap:Subcode></soap:Code><soap:Reason><soap:Text xml:lang=\"fr\">")
                .append(text(reason)).append("</soap:Text></soap:Reason>");
        if (!findings.isEmpty()) {
            sb.append("<soap:Detail>");
            detailList(sb, findings, locale);
            sb.append("</soap:Detail>");
        }
        sb.append("</soap:Fault>");
        return close(sb);
    }

    private static void detailList(StringBuilder sb, List<Finding> findings, java.util.Locale locale) {
        if (findings.isEmpty()) {
            return;
        }
        StringBuilder list = new StringBuilder();
        errorList(list, findings, locale);
        sb.append(list.toString().replaceFirst("<rs:RegistryErrorList", "<rs:RegistryErrorList xmlns:rs=\"" + RS + "\""));
    }

    private static void errorList(StringBuilder sb, List<Finding> findings, java.util.Locale locale) {
        boolean anyError = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        sb.append("<rs:RegistryErrorList highestSeverity=\"").append(anyError ? SEVERITY_ERROR : SEVERITY_WARNING).append("\">");
        for (Finding f : findings) {
            String msg = f.severity() == Severity.INFO ? "(information) " + f.message(locale) : f.message(locale);
            sb.append("<rs:RegistryError errorCode=\"").append(attr(f.ruleId())).append("\" codeContext=\"").append(attr(msg))
                    .append("\" location=\"").append(attr(f.location().toString())).append("\" severity=\"")
                    .append(f.severity() == Severity.ERROR ? SEVERITY_ERROR : SEVERITY_WARNING).append("\"/>");
        }
        sb.append("</rs:RegistryErrorList>");
    }

    private static StringBuilder open(Version version, String action, String relatesTo) {
        StringBuilder sb = new StringBuilder(1024).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<soap:Envelope xmlns:soap=\"").append(version.namespace()).append("\" xmlns:wsa=\"").append(WSA).append("\">")
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
