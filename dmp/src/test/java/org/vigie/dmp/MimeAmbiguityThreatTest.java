package org.vigie.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigie.dmp.DmpRequestValidatorTest.EG_ID;
import static org.vigie.dmp.DmpRequestValidatorTest.OTHER_EG;
import static org.vigie.dmp.Receiving.CID;

import jakarta.activation.DataSource;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.MimeHeaders;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.cxf.attachment.AttachmentDeserializer;
import org.apache.cxf.attachment.AttachmentUtil;
import org.apache.cxf.message.Message;
import org.apache.cxf.message.MessageImpl;
import org.junit.jupiter.api.Test;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.dmp.Receiving.Part;
import org.vigie.saml.VihfInput;
import org.vigie.testkit.DmpMessageBuilder;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.ReportAssert;
import org.w3c.dom.Element;

/**
 * MIME ambiguity (issue 18 §2.1 and §2.2): which part is the envelope, which part an {@code xop:Include} names.
 * Vigie resolves Content-IDs as RFC 2392 and CXF do (exactly, after %-decoding the href) and follows {@code start}
 * as SAAJ does; where two receivers would read different bytes it says so. Each verdict is checked against an
 * independent receiving stack: CXF 4.1's {@code AttachmentDeserializer} + {@code AttachmentUtil} for the parts, SAAJ 3
 * (the Jakarta SOAP reference implementation) for the envelope.
 */
class MimeAmbiguityThreatTest {

    final Receiving rx = new Receiving();

    // ---------------------------------------------------------------- independent receivers

    /** What CXF gives the service for an href: the part's bytes, or null when it resolves none. */
    static byte[] cxfResolves(byte[] mime, String contentType, String href) throws Exception {
        Message m = new MessageImpl();
        m.put(Message.CONTENT_TYPE, contentType);
        m.setContent(InputStream.class, new ByteArrayInputStream(mime));
        new AttachmentDeserializer(m).initializeAttachments();
        m.getContent(InputStream.class).readAllBytes();
        DataSource ds = AttachmentUtil.getAttachmentDataSource(href, m.getAttachments());
        try (InputStream in = ds.getInputStream()) {
            return in.readAllBytes();
        } catch (IllegalStateException | java.io.IOException e) {
            return null; // CXF's LazyDataSource: "No attachment for id ..."
        }
    }

    /** The root (envelope) bytes CXF hands to the SOAP binding. */
    static String cxfRoot(byte[] mime, String contentType) throws Exception {
        Message m = new MessageImpl();
        m.put(Message.CONTENT_TYPE, contentType);
        m.setContent(InputStream.class, new ByteArrayInputStream(mime));
        new AttachmentDeserializer(m).initializeAttachments();
        return new String(m.getContent(InputStream.class).readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The ID of the VIHF Assertion in the envelope SAAJ reads. */
    static String saajAssertionId(byte[] mime, String contentType) throws Exception {
        MimeHeaders h = new MimeHeaders();
        h.addHeader("Content-Type", contentType);
        SOAPMessage sm = MessageFactory.newInstance(SOAPConstants.DYNAMIC_SOAP_PROTOCOL)
                .createMessage(h, new ByteArrayInputStream(mime));
        org.w3c.dom.NodeList l = sm.getSOAPPart().getEnvelope().getOwnerDocument()
                .getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Assertion");
        return ((Element) l.item(0)).getAttribute("ID");
    }

    static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- Content-ID

    @Test
    void theValidMessageIsReadPartForPartAsCxfResolvesIt() throws Exception {
        DmpMessageBuilder msg = Receiving.feeding(EG_ID, true);
        byte[] mime = msg.toMtomBytes();
        DmpValidation v = rx.validate(mime, msg.contentType());
        ReportAssert.assertThat(v.report()).accepted();
        assertThat(v.attachments()).containsExactly(CID);
        assertThat(text(cxfResolves(mime, msg.contentType(), "cid:" + CID))).contains(EG_ID);
    }

    @Test
    void aPartWhoseContentIdDiffersOnlyByCaseIsNotTheDocumentTheServiceReceives() throws Exception {
        // red team: a part of the right EJ under <DOC01@...> placed first, the one CXF resolves (<Doc01@...>) of another
        DmpMessageBuilder msg = Receiving.feeding(OTHER_EG, true);
        List<Part> parts = new ArrayList<>(Receiving.parts(msg.toMtomBytes(), msg.boundary()));
        Part decoy = new Part(parts.get(1).withContentId("<" + CID.toUpperCase() + ">").headers(), Receiving.cda(EG_ID));
        parts.add(1, decoy);
        byte[] mime = Receiving.join(parts, msg.boundary());

        assertThat(text(cxfResolves(mime, msg.contentType(), "cid:" + CID))).as("CXF resolves the exact Content-ID")
                .contains(OTHER_EG).doesNotContain(EG_ID);
        DmpValidation v = rx.validate(mime, msg.contentType());
        ReportAssert.assertThat(v.report()).rejected();
        assertThat(v.attachments()).containsExactly(CID);
        assertThat(Receiving.structures(v.report())).contains(OTHER_EG);
        assertThat(ReportAssert.assertThat(v.report()).single(Rules.MIME_CID))
                .satisfies(f -> assertThat(f.message()).contains("casse").contains(CID.toUpperCase()));
    }

    @Test
    void aContentIdOnlyCxfDecodesToTheHrefIsAnAmbiguityNotADocument() throws Exception {
        // CXF also strips cid: from, and %-decodes, the Content-ID header itself; RFC 2392 compares it as written
        for (String header : new String[] {"<cid:" + CID + ">", "<" + CID.replace("@", "%40") + ">"}) {
            DmpMessageBuilder msg = Receiving.feeding(EG_ID, true);
            List<Part> parts = new ArrayList<>(Receiving.parts(msg.toMtomBytes(), msg.boundary()));
            parts.set(1, parts.get(1).withContentId(header));
            byte[] mime = Receiving.join(parts, msg.boundary());
            assertThat(text(cxfResolves(mime, msg.contentType(), "cid:" + CID))).as("CXF resolves %s", header).contains(EG_ID);
            Report r = rx.validate(mime, msg.contentType()).report();
            ReportAssert.assertThat(r).rejected();
            assertThat(ReportAssert.assertThat(r).single(Rules.MIME_CID)).as(header)
                    .satisfies(f -> assertThat(f.message()).contains("CXF"));
        }
    }

    @Test
    void twoPartsUnderOneContentIdAreAnAmbiguity() throws Exception {
        DmpMessageBuilder msg = Receiving.feeding(EG_ID, true);
        List<Part> parts = new ArrayList<>(Receiving.parts(msg.toMtomBytes(), msg.boundary()));
        parts.add(new Part(parts.get(1).headers(), Receiving.cda(OTHER_EG)));
        byte[] mime = Receiving.join(parts, msg.boundary());

        assertThat(text(cxfResolves(mime, msg.contentType(), "cid:" + CID))).as("CXF takes the first").contains(EG_ID);
        Report r = rx.validate(mime, msg.contentType()).report();
        ReportAssert.assertThat(r).rejected();
        assertThat(ReportAssert.assertThat(r).single(Rules.MIME_CID)).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.evidence()).isEqualTo(CID);
        });
    }

    @Test
    void anHrefWithASpaceOrABrokenEscapeIsAFinding() throws Exception {
        for (String bad : new String[] {"Doc01 x@vigie.test", "Doc01%zz@vigie.test", "Doc01\"@vigie.test"}) {
            DmpMessageBuilder msg = Receiving.feeding(EG_ID, true);
            List<Part> parts = new ArrayList<>(Receiving.parts(msg.toMtomBytes(), msg.boundary()));
            String root = new String(parts.get(0).body(), StandardCharsets.UTF_8)
                    .replace("href=\"cid:" + CID + "\"", "href=\"cid:" + bad.replace("\"", "&quot;") + "\"");
            parts.set(0, new Part(parts.get(0).headers(), root.getBytes(StandardCharsets.UTF_8)));
            parts.set(1, parts.get(1).withContentId("<" + bad + ">"));
            Report r = rx.validate(Receiving.join(parts, msg.boundary()), msg.contentType()).report();
            ReportAssert.assertThat(r).rejected();
            assertThat(r.byRule(Rules.MIME_CID)).as(bad).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.location().toString()).isEqualTo("xop:Include"));
        }
    }

    @Test
    void partsModeResolvesDocumentKeysWithTheSameMatcher() throws Exception {
        VihfBuilder vihf = DmpRequestValidatorTest.vihf();
        DmpMessageBuilder msg = Receiving.feeding(vihf, EG_ID, true);
        String root = new String(Receiving.parts(msg.toMtomBytes(), msg.boundary()).get(0).body(), StandardCharsets.UTF_8);
        byte[] good = Receiving.cda(EG_ID);
        byte[] evil = Receiving.cda(OTHER_EG);
        DmpRequestValidator v = rx.base.validator;

        Map<String, Supplier<InputStream>> exact = Map.of("cid:" + CID, () -> new ByteArrayInputStream(good));
        ReportAssert.assertThat(parts(v, vihf, root, exact)).accepted();

        Map<String, Supplier<InputStream>> byCase = Map.of("cid:" + CID.toUpperCase(), () -> new ByteArrayInputStream(good));
        Report r = parts(v, vihf, root, byCase);
        ReportAssert.assertThat(r).rejected();
        ReportAssert.assertThat(r).fires(Rules.MIME_CID).fires(Rules.AI_XML);

        Map<String, Supplier<InputStream>> twoKeys = new LinkedHashMap<>();
        twoKeys.put("<" + CID + ">", () -> new ByteArrayInputStream(good));
        twoKeys.put(CID, () -> new ByteArrayInputStream(evil));
        twoKeys.put("cid:" + CID.replace("@", "%40"), () -> new ByteArrayInputStream(evil));
        Report amb = parts(v, vihf, root, twoKeys);
        ReportAssert.assertThat(amb).rejected();
        assertThat(ReportAssert.assertThat(amb).single(Rules.MIME_CID))
                .satisfies(f -> assertThat(f.message()).contains("3 documents"));
    }

    static Report parts(DmpRequestValidator v, VihfBuilder vihf, String root, Map<String, Supplier<InputStream>> docs) {
        return v.validateParts(DmpRequestValidatorTest.AUTH.certificate(), DmpRequestValidatorTest.AUTH.chain(),
                VihfInput.of(vihf.toBytes()), new ByteArrayInputStream(root.getBytes(StandardCharsets.UTF_8)), docs,
                DmpRequestValidatorTest.AT);
    }

    // ---------------------------------------------------------------- start

    @Test
    void withoutStartTheFirstPartIsTheEnvelopeForEveryReceiver() throws Exception {
        DmpMessageBuilder msg = Receiving.feeding(EG_ID, true);
        String ct = Receiving.contentType(msg, null);
        byte[] mime = msg.toMtomBytes();
        Report r = rx.validate(mime, ct).report();
        ReportAssert.assertThat(r).accepted();
        ReportAssert.assertThat(r).doesNotFire(Rules.MIME_START);
        assertThat(cxfRoot(mime, ct)).contains("Envelope");
    }

    @Test
    void whenStartAndTheFirstPartDisagreeVigieReadsAsSaajAndReportsTheAmbiguity() throws Exception {
        VihfBuilder named = DmpRequestValidatorTest.vihf();
        VihfBuilder first = DmpRequestValidatorTest.vihf().identifiantStructure("1" + OTHER_EG);
        DmpMessageBuilder msg = Receiving.feeding(named, EG_ID, true);
        DmpMessageBuilder other = Receiving.feeding(first, EG_ID, true).boundary(msg.boundary());
        List<Part> parts = new ArrayList<>(Receiving.parts(msg.toMtomBytes(), msg.boundary()));
        Part otherRoot = Receiving.parts(other.toMtomBytes(), other.boundary()).get(0).withContentId("<first@vigie.test>");
        parts.add(0, otherRoot);
        byte[] mime = Receiving.join(parts, msg.boundary());
        String ct = msg.contentType(); // start names msg's root, now the second part

        assertThat(saajAssertionId(mime, ct)).as("SAAJ follows start").isEqualTo(named.id());
        assertThat(cxfRoot(mime, ct)).as("CXF reads the first part").contains(first.id()).doesNotContain(named.id());
        Report r = rx.validate(mime, ct).report();
        assertThat(ReportAssert.assertThat(r).single(Rules.MIME_START)).satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("first@vigie.test").contains(msg.rootContentId());
            assertThat(f.location()).isEqualTo(org.vigie.core.Location.of("MTOM"));
            assertThat(f.message(java.util.Locale.ENGLISH)).contains("first@vigie.test").contains("start parameter");
        });
        ReportAssert.assertThat(r).rejected();
        assertThat(r.byRule(Rules.VIHF_STRUCT_EQ)).as("the token read is the one start names").isEmpty();
        ReportAssert.assertThat(r).doesNotFire(Rules.VIHF_XML);
    }

    @Test
    void aStartNamingNoPartLeavesNoEnvelope() throws Exception {
        DmpMessageBuilder msg = Receiving.feeding(EG_ID, true);
        String ct = Receiving.contentType(msg, "<nowhere@vigie.test>");
        byte[] mime = msg.toMtomBytes();
        assertThatThrownBy(() -> saajAssertionId(mime, ct)).as("SAAJ finds no root part").isInstanceOf(SOAPException.class);
        Report r = rx.validate(mime, ct).report();
        ReportAssert.assertThat(r).rejected();
        ReportAssert.assertThat(r).fires(Rules.MIME_START).fires(Rules.VIHF_XML);
        assertThat(r.byRule(Rules.MIME_START)).isNotEmpty()
                .allSatisfy(f -> assertThat(f.location().toString()).isEqualTo("MTOM"));
    }
}
