package org.vigie.testkit;

import org.vigie.testkit.internal.Xml;

/** Text pieces of the SOAP 1.2 envelope shared by the VIHF and DMP message builders. */
final class SoapEnvelope {

    static final String ITI41_ACTION = "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b";
    static final String AFTER_SECURITY = "</soap:Header>";
    static final String CLOSE = "</soap:Envelope>";

    private SoapEnvelope() {
    }

    /** Envelope start, Header and WS-Addressing blocks, up to where wsse:Security goes. */
    static String open(String messageId) {
        return open(messageId, ITI41_ACTION, "https://lps.dmp.test/si-dmp-server/v2/services");
    }

    static String open(String messageId, String action, String to) {
        return "<soap:Envelope xmlns:soap=\"" + Xml.SOAP12 + "\"><soap:Header>"
                + "<MessageID xmlns=\"" + Xml.WSA + "\">" + Xml.escape(messageId) + "</MessageID>"
                + "<To xmlns=\"" + Xml.WSA + "\">" + Xml.escape(to) + "</To>"
                + "<ReplyTo soap:mustUnderstand=\"true\" xmlns=\"" + Xml.WSA + "\">"
                + "<Address>http://www.w3.org/2005/08/addressing/anonymous</Address></ReplyTo>"
                + "<Action soap:mustUnderstand=\"true\" xmlns=\"" + Xml.WSA + "\">" + Xml.escape(action) + "</Action>";
    }
}
