package org.vigie.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import org.vigie.testkit.internal.Xml;

/**
 * Builds the DMP feeding request a connector sends (ITI-41 ProvideAndRegisterDocumentSet-b): a SOAP 1.2 envelope
 * with the WS-Addressing headers ({@code MessageID}, {@code To}, {@code ReplyTo}, {@code Action}), the
 * {@code wsse:Security} header holding the VIHF of a {@link VihfBuilder}, and the request of an
 * {@link XdsSubmissionBuilder} in the body.
 *
 * <p>Two wire forms: {@link #writePlain(OutputStream)} (documents inline, base64, Content-Type
 * {@link #plainContentType()}) and {@link #writeMtom(OutputStream)} (an MTOM {@code multipart/related} stream:
 * the envelope as {@code application/xop+xml} root part with {@code xop:Include} references, then one binary part
 * per document; Content-Type {@link #contentType()}). Documents are streamed in both forms. Textual VIHF defects
 * (DOCTYPE, entities) are applied to the envelope.
 *
 * <pre>{@code
 * DmpMessageBuilder msg = DmpMessageBuilder.feeding(VihfBuilder.indirect(sign),
 *         XdsSubmissionBuilder.provideAndRegister().document("doc1", CdaBuilder.ciSis()));
 * msg.writeMtom(httpBody);
 * String contentType = msg.contentType();
 * }</pre>
 */
public final class DmpMessageBuilder {

    private static final byte[] CRLF = {'\r', '\n'};

    private final VihfBuilder vihf;
    private final XdsSubmissionBuilder submission;
    private String messageId = "urn:uuid:" + UUID.randomUUID();
    private String to = "https://lps.dmp.test/si-dmp-server/v2/services/DocumentRepository_Service";
    private String action = SoapEnvelope.ITI41_ACTION;
    private String boundary = "MIMEBoundary_vigie_" + UUID.randomUUID().toString().replace("-", "");
    private String soapNamespace = Xml.SOAP12;

    private DmpMessageBuilder(VihfBuilder vihf, XdsSubmissionBuilder submission) {
        this.vihf = Objects.requireNonNull(vihf, "vihf");
        this.submission = Objects.requireNonNull(submission, "submission");
    }

    /**
     * A feeding (ITI-41) message.
     *
     * @param vihf       the token put in {@code wsse:Security}
     * @param submission the request put in the body
     * @return a builder
     */
    public static DmpMessageBuilder feeding(VihfBuilder vihf, XdsSubmissionBuilder submission) {
        return new DmpMessageBuilder(vihf, submission);
    }

    /**
     * @param value WS-Addressing MessageID
     * @return this builder
     */
    public DmpMessageBuilder messageId(String value) {
        this.messageId = Objects.requireNonNull(value);
        return this;
    }

    /**
     * @param value WS-Addressing To
     * @return this builder
     */
    public DmpMessageBuilder to(String value) {
        this.to = Objects.requireNonNull(value);
        return this;
    }

    /**
     * @param value WS-Addressing Action (default the ITI-41 action)
     * @return this builder
     */
    public DmpMessageBuilder action(String value) {
        this.action = Objects.requireNonNull(value);
        return this;
    }

    /**
     * @param value the MIME boundary of the MTOM form
     * @return this builder
     */
    public DmpMessageBuilder boundary(String value) {
        this.boundary = Objects.requireNonNull(value);
        return this;
    }

    /**
     * Uses the SOAP 1.1 envelope namespace while keeping the SOAP 1.2 content types, as the official ANS TD2.1
     * capture does.
     *
     * @return this builder
     */
    public DmpMessageBuilder soap11Namespace() {
        this.soapNamespace = "http://schemas.xmlsoap.org/soap/envelope/";
        return this;
    }

    /** @return the Content-Type of {@link #writeMtom(OutputStream)}: multipart/related with its boundary and start */
    public String contentType() {
        return "multipart/related; type=\"application/xop+xml\"; boundary=\"" + boundary + "\"; start=\"<"
                + rootContentId() + ">\"; start-info=\"application/soap+xml\"; action=\"" + action + "\"";
    }

    /** @return the Content-Type of {@link #writePlain(OutputStream)} */
    public String plainContentType() {
        return "application/soap+xml; charset=UTF-8; action=\"" + action + "\"";
    }

    /** @return the MIME boundary */
    public String boundary() {
        return boundary;
    }

    /** @return the Content-ID of the root (envelope) part, without angle brackets */
    public String rootContentId() {
        return "root.message@vigie.test";
    }

    /**
     * Writes the envelope with documents inline (base64). Flushed, not closed.
     *
     * @param out destination
     */
    public void writePlain(OutputStream out) {
        writeEnvelope(out, false);
    }

    /** @return {@link #writePlain(OutputStream)} as text (small documents only) */
    public String toPlainXml() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writePlain(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes the MTOM {@code multipart/related} body (without HTTP headers: send {@link #contentType()} with it).
     * Flushed, not closed.
     *
     * @param out destination
     */
    public void writeMtom(OutputStream out) {
        try {
            ascii(out, "--" + boundary);
            out.write(CRLF);
            ascii(out, "Content-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"; action=\""
                    + action + "\"");
            out.write(CRLF);
            ascii(out, "Content-Transfer-Encoding: 8bit");
            out.write(CRLF);
            ascii(out, "Content-ID: <" + rootContentId() + ">");
            out.write(CRLF);
            out.write(CRLF);
            writeEnvelope(out, true);
            for (String id : submission.documentIds()) {
                out.write(CRLF);
                ascii(out, "--" + boundary);
                out.write(CRLF);
                ascii(out, "Content-Type: text/xml; charset=UTF-8");
                out.write(CRLF);
                ascii(out, "Content-Transfer-Encoding: binary");
                out.write(CRLF);
                ascii(out, "Content-ID: <" + XdsSubmissionBuilder.contentId(id) + ">");
                out.write(CRLF);
                out.write(CRLF);
                submission.cda(id).writeTo(out);
            }
            out.write(CRLF);
            ascii(out, "--" + boundary + "--");
            out.write(CRLF);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@link #writeMtom(OutputStream)} as bytes (small documents only) */
    public byte[] toMtomBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeMtom(out);
        return out.toByteArray();
    }

    private void writeEnvelope(OutputStream out, boolean asXop) {
        try {
            String open = SoapEnvelope.open(messageId, action, to);
            if (!soapNamespace.equals(Xml.SOAP12)) {
                open = open.replace(Xml.SOAP12, soapNamespace);
            }
            utf8(out, vihf.doctype("soap:Envelope") + open + vihf.securityHeaderFragment() + SoapEnvelope.AFTER_SECURITY
                    + "<soap:Body>");
            submission.write(out, asXop);
            utf8(out, "</soap:Body>" + SoapEnvelope.CLOSE);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ascii(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static void utf8(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }
}
