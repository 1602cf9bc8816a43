package org.vigie.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.junit.jupiter.api.Test;
import org.vigie.testkit.internal.Streams;
import org.vigie.testkit.internal.Xml;
import org.w3c.dom.Element;

class DmpMessageBuilderTest {

    static final OrgCredential SIGN = TestPki.shared().signature("10B0152872");

    record Part(List<String> headers, byte[] body) {
        String header(String name) {
            for (String h : headers) {
                if (h.toLowerCase().startsWith(name.toLowerCase() + ":")) {
                    return h.substring(name.length() + 1).trim();
                }
            }
            return null;
        }
    }

    /** Parses the MTOM body with mime4j, the Content-Type given as the message header. */
    static List<Part> parseMime(String contentType, byte[] body) throws Exception {
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(
                ("Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)),
                new ByteArrayInputStream(body));
        MimeTokenStream stream = new MimeTokenStream(MimeConfig.PERMISSIVE);
        stream.parse(in);
        List<Part> parts = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        int depth = 0;
        for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM; s = stream.next()) {
            switch (s) {
                case T_START_MULTIPART -> depth++;
                case T_START_BODYPART -> headers = new ArrayList<>();
                case T_FIELD -> {
                    Field f = stream.getField();
                    headers.add(f.getName() + ": " + f.getBody());
                }
                case T_BODY -> {
                    if (depth > 0) {
                        parts.add(new Part(headers, stream.getInputStream().readAllBytes()));
                    }
                }
                default -> {
                }
            }
        }
        return parts;
    }

    static DmpMessageBuilder message(CdaBuilder... cdas) {
        XdsSubmissionBuilder x = XdsSubmissionBuilder.provideAndRegister();
        for (int i = 0; i < cdas.length; i++) {
            x.document("doc" + (i + 1), cdas[i]);
        }
        return DmpMessageBuilder.feeding(VihfBuilder.indirect(SIGN), x);
    }

    @Test
    void plainMessageIsASoap12EnvelopeWithAddressingSecurityAndInlineDocuments() {
        CdaBuilder cda = CdaBuilder.ciSis().nonXmlBodyPdf(2000);
        DmpMessageBuilder m = message(cda).messageId("urn:uuid:1");
        String xml = m.toPlainXml();
        Element env = Xml.parse(xml).getDocumentElement();
        assertThat(env.getNamespaceURI()).isEqualTo("http://www.w3.org/2003/05/soap-envelope");
        Element header = Dom.child(env, "Header");
        assertThat(Dom.children(header, null).stream().map(Element::getLocalName))
                .containsExactly("MessageID", "To", "ReplyTo", "Action", "Security");
        assertThat(Dom.child(header, "Action").getTextContent()).isEqualTo("urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b");
        assertThat(Dom.child(header, "MessageID").getTextContent()).isEqualTo("urn:uuid:1");
        assertThat(Dsig.verify(xml).valid()).as("VIHF in the envelope verifies").isTrue();
        Element body = Dom.child(env, "Body");
        Element doc = Dom.descendants(body, XdsSubmissionBuilder.XDS, "Document").get(0);
        assertThat(Base64.getDecoder().decode(doc.getTextContent())).isEqualTo(cda.toBytes());
        assertThat(m.plainContentType()).startsWith("application/soap+xml; charset=UTF-8; action=");
    }

    @Test
    void mtomMessageParsesWithMime4jAndItsIncludesPointToItsParts() throws Exception {
        CdaBuilder a = CdaBuilder.ciSis().nonXmlBodyPdf(3000);
        CdaBuilder b = CdaBuilder.ciSis().author("CH B", "1750100125");
        DmpMessageBuilder m = message(a, b);
        List<Part> parts = parseMime(m.contentType(), m.toMtomBytes());
        assertThat(parts).hasSize(3);
        Part root = parts.get(0);
        assertThat(root.header("Content-Type")).startsWith("application/xop+xml").contains("type=\"application/soap+xml\"");
        assertThat(root.header("Content-ID")).isEqualTo("<" + m.rootContentId() + ">");
        assertThat(m.contentType()).startsWith("multipart/related").contains("type=\"application/xop+xml\"")
                .contains("start=\"<" + m.rootContentId() + ">\"").contains("boundary=\"" + m.boundary() + "\"");
        String envelope = new String(root.body(), StandardCharsets.UTF_8);
        Element env = Xml.parse(envelope).getDocumentElement();
        assertThat(Dsig.verify(envelope).valid()).isTrue();
        List<Element> includes = Dom.descendants(env, "http://www.w3.org/2004/08/xop/include", "Include");
        assertThat(includes).hasSize(2);
        for (int i = 0; i < 2; i++) {
            String cid = includes.get(i).getAttribute("href").substring("cid:".length());
            Part part = parts.get(i + 1);
            assertThat(part.header("Content-ID")).isEqualTo("<" + cid + ">");
            assertThat(part.body()).isEqualTo((i == 0 ? a : b).toBytes());
            Xml.parse(part.body());
        }
    }

    @Test
    void aLargeDocumentIsStreamedThroughTheMtomWriter() {
        CdaBuilder big = CdaBuilder.ciSis().nonXmlBodyPdf(300L * 1000 * 1000);
        Streams.Counting out = new Streams.Counting();
        message(big).writeMtom(out);
        assertThat(out.count()).isGreaterThan(big.length());
    }

    @Test
    void soap11NamespaceReproducesTheAnsCapture() {
        Element env = Xml.parse(message(CdaBuilder.ciSis()).soap11Namespace().toPlainXml()).getDocumentElement();
        assertThat(env.getNamespaceURI()).isEqualTo("http://schemas.xmlsoap.org/soap/envelope/");
    }

    @Test
    void textualVihfDefectsReachTheEnvelope() {
        String xml = DmpMessageBuilder.feeding(VihfBuilder.indirect(SIGN).breaking(VihfDefect.EXTERNAL_ENTITY),
                XdsSubmissionBuilder.provideAndRegister().document("d", CdaBuilder.ciSis())).toPlainXml();
        assertThat(xml).startsWith("<!DOCTYPE soap:Envelope [<!ENTITY xxe SYSTEM").contains("&xxe;");
        assertThatThrownBy(() -> Xml.parse(xml)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mtomBodyEndsWithTheClosingBoundary() throws IOException {
        DmpMessageBuilder m = message(CdaBuilder.ciSis()).boundary("B0UNDARY");
        String s = new String(m.toMtomBytes(), StandardCharsets.UTF_8);
        assertThat(s).startsWith("--B0UNDARY\r\n").endsWith("\r\n--B0UNDARY--\r\n");
    }
}
