package org.vigie.dmp.fuzz;

import org.vigie.core.fuzz.Mutator;
import org.vigie.core.fuzz.FuzzSeeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.vigie.core.Establishment;
import org.vigie.core.Finess;
import org.vigie.core.InMemoryStructureDirectory;
import org.vigie.core.LegalEntity;
import org.vigie.core.LegalStatus;
import org.vigie.core.Occurrence;
import org.vigie.core.Report;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.dmp.DmpRequestValidator;
import org.vigie.dmp.DmpValidation;
import org.vigie.testkit.CdaBuilder;
import org.vigie.testkit.DmpMessageBuilder;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.TestPki;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.XdsSubmissionBuilder;

/**
 * Fuzz target of the SOAP / MTOM reader and of the whole DMP request validation ({@link DmpRequestValidator}):
 * whatever the bytes and the Content-Type, a report comes back, never an exception; and an accepted request only
 * ever carries the structures the test kit signed and wrote (a mutant cannot smuggle another authorInstitution or
 * another Identifiant_Structure past both controls).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DmpMessageFuzzTest {

    /** Santuario logs every failed reference at WARNING: thousands of lines in a fuzz run. Held so it stays OFF. */
    static final java.util.logging.Logger SANTUARIO_LOG = java.util.logging.Logger.getLogger("org.apache.xml.security");

    static {
        SANTUARIO_LOG.setLevel(java.util.logging.Level.OFF);
    }

    /** Fixed anchor and instant: the committed corpus keeps its verdicts on any day. */
    static final TestPki PKI = TestPki.fixed();
    static final Instant AT = PKI.anchor().plusSeconds(7200);
    static final String EJ = "750712184";
    static final String EG = "750100125";
    static final String EJ_ID = "1" + EJ;
    static final String EG_ID = "1" + EG;
    static final OrgCredential AUTH = PKI.authentication(EJ_ID);
    static final OrgCredential SIGN = PKI.signature(EJ_ID);
    static final Set<String> SIGNED_STRUCTURES = Set.of(EJ_ID, EG_ID);

    static final DmpRequestValidator VALIDATOR = DmpRequestValidator.builder()
            // tight limits so that small inputs reach them: one XML token, decoded size and ratio of a capture
            .policy(org.vigie.dmp.DmpPolicy.builder().limits(org.vigie.dmp.RequestLimits.builder()
                    .maxXmlTokenBytes(65_536).maxDecodedBytes(1L << 20).build()).build())
            .trust(TrustAnchors.of(List.of(PKI.root()), List.of(PKI.organisationsCa())))
            .crls(PKI.crls())
            .directory(directory())
            .build();

    static final DmpMessageBuilder MESSAGE = message(true);
    static final DmpMessageBuilder PLAIN = message(false);
    static final String[] CONTENT_TYPES = {MESSAGE.contentType(), PLAIN.plainContentType(), null,
        "multipart/related; boundary=\"x\"", "text/xml; charset=ISO-8859-1"};

    static InMemoryStructureDirectory directory() {
        InMemoryStructureDirectory.Builder b = InMemoryStructureDirectory.builder();
        b.add(new LegalEntity(Finess.parse(EJ), "ASSISTANCE PUBLIQUE HOPITAUX DE PARIS", Optional.empty(), "13",
                LegalStatus.ofCode("13")));
        b.add(new Establishment(Finess.parse(EG), Finess.parse(EJ), "GROUPE HOSPITALIER", "101", "CHR", "",
                Optional.empty(), "75", Optional.empty(), true));
        return b.build();
    }

    static DmpMessageBuilder message(boolean xop) {
        XdsSubmissionBuilder sub = XdsSubmissionBuilder.provideAndRegister()
                .document("Doc01", CdaBuilder.ciSis().author("Site", EG_ID))
                .submissionSetAuthorInstitution(XdsSubmissionBuilder.xon("Site", EG_ID))
                .documentAuthorInstitution("Doc01", XdsSubmissionBuilder.xon("Site", EG_ID));
        return DmpMessageBuilder.feeding(VihfBuilder.indirect(SIGN).at(AT.minusSeconds(60)).secteurActivite("SA01"),
                xop ? sub.xop() : sub.inline());
    }

    @Timeout(value = 10, unit = TimeUnit.SECONDS) // per input: a hang is a finding
    @FuzzTest(maxDuration = "120s")
    void request(FuzzedDataProvider data) {
        String ct = CONTENT_TYPES[data.consumeInt(0, CONTENT_TYPES.length - 1)];
        check(data.consumeRemainingAsBytes(), ct);
    }

    static void check(byte[] bytes, String contentType) {
        DmpValidation v = VALIDATOR.validateRequest(AUTH.certificate(), AUTH.chain(), new ByteArrayInputStream(bytes),
                contentType, AT);
        Report r = v.report();
        assertThat(r).isNotNull();
        if (r.accepted()) {
            assertThat(r.occurrences()).as("accepted: %s", r).isNotEmpty();
            for (Occurrence o : r.occurrences()) {
                assertThat(SIGNED_STRUCTURES).as("accepted with %s%n%s", o, r).contains(o.structureId());
            }
            assertThat(r.occurrences()).anyMatch(o -> o.place() == Occurrence.Place.SUBMISSION_SET);
        }
    }

    static List<byte[]> seeds() {
        ByteArrayOutputStream http = new ByteArrayOutputStream();
        http.writeBytes(("POST /si-dmp-server/v2/services HTTP/1.1\r\nHost: lps.dmp.test\r\nContent-Type: "
                + MESSAGE.contentType() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        http.writeBytes(MESSAGE.toMtomBytes());
        List<byte[]> out = new ArrayList<>(List.of(MESSAGE.toMtomBytes(), PLAIN.toPlainXml().getBytes(StandardCharsets.UTF_8),
                http.toByteArray()));
        // issue 18 shapes, small: one token over the 64 KiB token limit (comment, PI, CDATA, attribute) in the
        // header, the metadata and after the Body, then gzip and deflate captures (one plain, one over the limit)
        String plain = PLAIN.toPlainXml();
        String big = "x".repeat(100_000);
        String header = plain.substring(0, plain.indexOf('>', plain.indexOf("Header")) + 1);
        String afterHeader = plain.substring(header.length());
        out.add((header + "<!--" + big + "-->" + afterHeader).getBytes(StandardCharsets.UTF_8));
        out.add((header + "<?pi " + big + "?>" + afterHeader).getBytes(StandardCharsets.UTF_8));
        int objects = plain.indexOf("RegistryObjectList>") + "RegistryObjectList>".length();
        out.add((plain.substring(0, objects) + "<![CDATA[" + big + "]]>" + plain.substring(objects)).getBytes(StandardCharsets.UTF_8));
        int afterBody = plain.lastIndexOf("Body>") + "Body>".length();
        out.add((plain.substring(0, afterBody) + "<x a=\"" + big + "\"/>" + plain.substring(afterBody)).getBytes(StandardCharsets.UTF_8));
        for (String encoding : List.of("gzip", "deflate")) {
            for (byte[] body : List.of(plain.getBytes(StandardCharsets.UTF_8), out.get(3))) {
                ByteArrayOutputStream capture = new ByteArrayOutputStream();
                capture.writeBytes(("POST /si-dmp-server/v2/services HTTP/1.1\r\nContent-Type: " + PLAIN.plainContentType()
                        + "\r\nContent-Encoding: " + encoding + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                try (java.io.OutputStream z = encoding.equals("gzip") ? new java.util.zip.GZIPOutputStream(capture)
                        : new java.util.zip.DeflaterOutputStream(capture)) {
                    z.write(body);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                out.add(capture.toByteArray());
            }
        }
        out.addAll(receiverShapes()); // seeds 11 and after
        return out;
    }

    /**
     * Content-type choice (index in {@link #CONTENT_TYPES}) of seed {@code i}: MTOM 0, plain SOAP 1, HTTP capture 2;
     * seeds 3–6 are plain SOAP with a huge token, 7–10 captures, 11 and after the receiver shapes.
     */
    static int choice(int i) {
        if (i >= FIRST_RECEIVER_SHAPE) {
            return RECEIVER_SHAPE_CHOICES[i - FIRST_RECEIVER_SHAPE];
        }
        return i == 0 ? 0 : (i == 1 || (i >= 3 && i <= 6)) ? 1 : 2;
    }

    /** Index of the first receiver shape among the seeds (after the 3 base seeds and the 8 limit shapes). */
    static final int FIRST_RECEIVER_SHAPE = 11;

    static final int[] RECEIVER_SHAPE_CHOICES = {0, 0, 2, 1, 1, 1, 1};

    /**
     * The shapes two receivers read differently (docs/security.md, "What the receiver reads"): a part under a
     * Content-ID differing by case, two parts under one Content-ID, a start parameter naming the second part, two
     * Bodies, a wsse:Security header for another role beside the real one, an unknown mustUnderstand block, a second
     * envelope after the first.
     */
    static List<byte[]> receiverShapes() {
        String mtom = new String(MESSAGE.toMtomBytes(), StandardCharsets.ISO_8859_1);
        String cid = "Content-ID: <" + XdsSubmissionBuilder.contentId("Doc01") + ">";
        String byCase = mtom.replace(cid, cid.toUpperCase(java.util.Locale.ROOT).replace("CONTENT-ID", "Content-ID"));
        String close = "\r\n--" + MESSAGE.boundary() + "--";
        int docPart = mtom.indexOf("--" + MESSAGE.boundary(), mtom.indexOf(cid) - 200);
        String twice = mtom.replace(close, "\r\n" + mtom.substring(docPart, mtom.indexOf(close)) + close);
        String start = "POST /si-dmp-server/v2/services HTTP/1.1\r\nHost: lps.dmp.test\r\nContent-Type: "
                + MESSAGE.contentType().replace("start=\"<" + MESSAGE.rootContentId() + ">\"",
                "start=\"<" + XdsSubmissionBuilder.contentId("Doc01") + ">\"") + "\r\n\r\n" + mtom;
        String plain = PLAIN.toPlainXml();
        String twoBodies = plain.replace("</soap:Body>", "</soap:Body><soap:Body/>");
        String security = plain.substring(plain.indexOf("<wsse:Security"), plain.indexOf("</wsse:Security>") + 16);
        String otherRole = plain.replace("</soap:Header>", security.replaceFirst("<wsse:Security ",
                "<wsse:Security soap:role=\"urn:vigie:other\" ") + "</soap:Header>");
        String mustUnderstand = plain.replace("</soap:Header>",
                "<x:Ext xmlns:x=\"urn:x\" soap:mustUnderstand=\"1\">v</x:Ext></soap:Header>");
        String secondEnvelope = plain + plain;
        List<byte[]> out = new ArrayList<>();
        for (String s : List.of(byCase, twice, start)) {
            out.add(s.getBytes(StandardCharsets.ISO_8859_1));
        }
        for (String s : List.of(twoBodies, otherRole, mustUnderstand, secondEnvelope)) {
            out.add(s.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void shortRunOverMutatedSeeds() {
        List<byte[]> seeds = seeds();
        check(seeds.get(0), CONTENT_TYPES[0]);
        assertThat(VALIDATOR.validate(AUTH.certificate(), AUTH.chain(), new ByteArrayInputStream(seeds.get(0)),
                CONTENT_TYPES[0], AT).accepted()).as("the seed is a compliant request").isTrue();
        List<byte[]> corpus = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            // FuzzedDataProvider layout: the int is taken from the end of the input (one byte for a small range)
            byte[] s = seeds.get(i);
            byte[] withChoice = java.util.Arrays.copyOf(s, s.length + 1);
            withChoice[s.length] = (byte) choice(i);
            corpus.add(withChoice);
        }
        FuzzSeeds.writeCorpusIfAsked(DmpMessageFuzzTest.class, "request", corpus);
        for (int i = 3; i < FIRST_RECEIVER_SHAPE; i++) {
            Report r = VALIDATOR.validate(AUTH.certificate(), AUTH.chain(), new ByteArrayInputStream(seeds.get(i)),
                    CONTENT_TYPES[choice(i)], AT);
            boolean overLimit = i < 7 || i == 8 || i == 10; // the token seeds and the captures of one
            assertThat(r.accepted()).as("seed %d: %s", i, r).isEqualTo(!overLimit);
            if (overLimit) {
                assertThat(r.findings()).as("seed %d", i).anyMatch(f -> f.message().contains("limite maxXmlTokenBytes"));
            }
        }
        List<byte[]> mutants = new Mutator(17L).mutants(seeds, 600);
        int i = 0;
        for (byte[] b : mutants) {
            check(b, CONTENT_TYPES[i++ % CONTENT_TYPES.length]);
        }
        check(new byte[0], null);
        check(new byte[0], CONTENT_TYPES[0]);
        for (int k = FIRST_RECEIVER_SHAPE; k < seeds.size(); k++) {
            byte[] shape = seeds.get(k);
            String ct = CONTENT_TYPES[choice(k)];
            check(shape, ct);
            // every shape is refused, but for the token addressed to another role: not taken, the real one is
            assertThat(VALIDATOR.validate(AUTH.certificate(), AUTH.chain(), new ByteArrayInputStream(shape), ct, AT)
                    .accepted()).as("receiver shape %d", k).isEqualTo(k == FIRST_RECEIVER_SHAPE + 4);
        }
    }
}
