package org.vigie.dmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.vigie.core.Establishment;
import org.vigie.core.Finess;
import org.vigie.core.Finding;
import org.vigie.core.InMemoryStructureDirectory;
import org.vigie.core.LegalEntity;
import org.vigie.core.LegalStatus;
import org.vigie.core.Occurrence;
import org.vigie.core.Report;
import org.vigie.core.Rule;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.ReportAssert;
import org.vigie.testkit.TestNumbers;
import org.vigie.testkit.TestPki;
import org.vigie.testkit.VihfBuilder;

class DmpRequestValidatorTest {

    static final TestPki PKI = TestPki.shared();
    static final Instant AT = PKI.anchor().plusSeconds(3600);
    static final String EJ = "750712184";
    static final String EG = "750100125";
    static final String OTHER_EJ = TestNumbers.finess("69000000");
    static final String OTHER_EG = TestNumbers.finess("69000001");
    static final String EJ_ID = "1" + EJ;
    static final String EG_ID = "1" + EG;

    static final OrgCredential AUTH = PKI.authentication(EJ_ID);
    static final OrgCredential SIGN = PKI.signature(EJ_ID);
    static final ExecutorService POOL = Executors.newFixedThreadPool(4);

    static final InMemoryStructureDirectory DIRECTORY = directory();

    final DmpRequestValidator validator = DmpRequestValidator.builder()
            .trust(TrustAnchors.of(List.of(PKI.root()), List.of(PKI.organisationsCa())))
            .crls(PKI.crls())
            .directory(DIRECTORY)
            .clock(Clock.fixed(AT, ZoneOffset.UTC))
            .build();

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    static InMemoryStructureDirectory directory() {
        InMemoryStructureDirectory.Builder b = InMemoryStructureDirectory.builder();
        b.add(new LegalEntity(Finess.parse(EJ), "ASSISTANCE PUBLIQUE HOPITAUX DE PARIS", Optional.empty(), "13", LegalStatus.ofCode("13")));
        b.add(new Establishment(Finess.parse(EG), Finess.parse(EJ), "GROUPE HOSPITALIER PITIE SALPETRIERE", "101", "CHR", "",
                Optional.empty(), "75", Optional.empty(), true));
        b.add(new LegalEntity(Finess.parse(OTHER_EJ), "SAS CLINIQUE", Optional.empty(), "73", LegalStatus.ofCode("73")));
        b.add(new Establishment(Finess.parse(OTHER_EG), Finess.parse(OTHER_EJ), "CLINIQUE", "365", "ESP", "",
                Optional.empty(), "69", Optional.empty(), true));
        return b.build();
    }

    static String security(VihfBuilder b) {
        return b.toSecurityHeaderXml().replaceFirst("^<\\?xml[^>]*\\?>", "");
    }

    static VihfBuilder vihf() {
        return VihfBuilder.indirect(SIGN).at(AT.minusSeconds(30)).secteurActivite("SA01");
    }

    static byte[] mtomRequest(VihfBuilder vihf, String setId, String docId, String cdaId) throws Exception {
        String env = Requests.envelope(Requests.ITI41, security(vihf), Requests.submission(setId, docId, Requests.XOP));
        return Requests.mtom(env, new ByteArrayInputStream(Requests.cda(cdaId).getBytes(StandardCharsets.UTF_8))).readAllBytes();
    }

    static List<Finding> errors(Report r) {
        return r.bySeverity(Severity.ERROR);
    }

    static List<Finding> ofFamily(Report r, Rule.Family family) {
        return r.filter(f -> Rules.byId(f.ruleId()).map(Rule::family).orElse(null) == family);
    }

    @Test
    void compliantMtomFeedingIsAcceptedWithTheFullOccurrenceTable() throws Exception {
        DmpValidation v = validator.validateRequest(AUTH.certificate(), AUTH.chain(),
                new ByteArrayInputStream(mtomRequest(vihf(), EG_ID, EG_ID, EG_ID)), Requests.contentType(), AT);
        ReportAssert.assertThat(v.report()).accepted();
        assertThat(v.accepted()).isTrue();
        assertThat(v.feeding()).isTrue();
        assertThat(v.soapVersion()).contains("1.2");
        assertThat(v.attachments()).containsExactly("doc1@vigie");
        assertThat(v.report().occurrences()).extracting(Occurrence::place)
                .contains(Occurrence.Place.SUBMISSION_SET, Occurrence.Place.DOCUMENT_ENTRY, Occurrence.Place.CDA_HEADER);
        assertThat(v.report().evaluatedAt()).contains(AT);
    }

    @Test
    void compliantPlainSoapWithTheDocumentInlineIsAccepted() {
        String b64 = java.util.Base64.getEncoder().encodeToString(Requests.cda(EG_ID).getBytes(StandardCharsets.UTF_8));
        String env = Requests.envelope(Requests.ITI41, security(vihf()), Requests.submission(EG_ID, EG_ID, b64));
        Report r = validator.validate(AUTH.certificate(), AUTH.chain(),
                new ByteArrayInputStream(env.getBytes(StandardCharsets.UTF_8)), "application/soap+xml", AT);
        ReportAssert.assertThat(r).accepted();
        assertThat(r.occurrences()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void authorInstitutionOfAnotherLegalEntityIsRejectedWithAiSameEj() throws Exception {
        Report r = validator.validate(AUTH.certificate(), AUTH.chain(),
                new ByteArrayInputStream(mtomRequest(vihf(), OTHER_EG, OTHER_EG, OTHER_EG)), Requests.contentType(), AT);
        ReportAssert.assertThat(r).rejected();
        ReportAssert.assertThat(r).fires(Rules.AI_SAME_EJ);
        assertThat(ofFamily(r, Rule.Family.VIHF)).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
    }

    @Test
    void cdaHeaderDifferentFromItsEntryIsFoundInTheAttachment() throws Exception {
        Report r = validator.validate(AUTH.certificate(), AUTH.chain(),
                new ByteArrayInputStream(mtomRequest(vihf(), EG_ID, EG_ID, EJ_ID)), Requests.contentType(), AT);
        ReportAssert.assertThat(r).fires(Rules.AI_CDA_MATCH);
    }

    @Test
    void unsignedTokenFiresVihfSignedAndTheCertificateOfAnotherStructureFiresStrictEquality() throws Exception {
        Report unsigned = validator.validate(AUTH.certificate(), AUTH.chain(),
                new ByteArrayInputStream(mtomRequest(vihf().unsigned(), EG_ID, EG_ID, EG_ID)), Requests.contentType(), AT);
        ReportAssert.assertThat(unsigned).fires(Rules.VIHF_SIGNED);
        OrgCredential otherAuth = PKI.authentication("1" + OTHER_EJ);
        Report other = validator.validate(otherAuth.certificate(), otherAuth.chain(),
                new ByteArrayInputStream(mtomRequest(vihf(), EG_ID, EG_ID, EG_ID)), Requests.contentType(), AT);
        ReportAssert.assertThat(other).fires(Rules.VIHF_STRUCT_EQ);
    }

    @Test
    void nonFeedingTransactionGetsControlOneOnly() {
        String query = "<q:AdhocQueryRequest xmlns:q=\"urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0\"/>";
        String env = Requests.envelope("urn:ihe:iti:2007:RegistryStoredQuery", security(vihf()), query);
        DmpValidation v = validator.validateRequest(AUTH.certificate(), AUTH.chain(),
                new ByteArrayInputStream(env.getBytes(StandardCharsets.UTF_8)), null, AT);
        assertThat(v.feeding()).isFalse();
        assertThat(v.action()).contains("urn:ihe:iti:2007:RegistryStoredQuery");
        ReportAssert.assertThat(v.report()).accepted();
        assertThat(v.report().occurrences()).isEmpty();
        assertThat(ofFamily(v.report(), Rule.Family.AUTHOR_INSTITUTION)).isEmpty();
    }

    @Test
    void feedingActionWithoutSubmissionIsAnAiXmlFinding() {
        String env = Requests.envelope(Requests.ITI41, security(vihf()), "<x:Other xmlns:x=\"urn:x\"/>");
        Report r = validator.validate(AUTH.certificate(), AUTH.chain(),
                new ByteArrayInputStream(env.getBytes(StandardCharsets.UTF_8)), null, AT);
        assertThat(ReportAssert.assertThat(r).single(Rules.AI_XML))
                .satisfies(f -> assertThat(f.message()).contains("ProvideAndRegister"));
    }

    @Test
    void unreadableMessageIsRejectedWithFindingsNotAnException() {
        Report r = validator.validate(AUTH.certificate(), AUTH.chain(),
                new ByteArrayInputStream("<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Hea"
                        .getBytes(StandardCharsets.UTF_8)), null, AT);
        ReportAssert.assertThat(r).rejected();
        ReportAssert.assertThat(r).fires(Rules.AI_XML).fires(Rules.VIHF_XML);
    }

    @Test
    void withoutATokenTheTlsCertificateIsStillChecked() {
        OrgCredential expired = PKI.issue(org.vigie.testkit.CertSpec.authentication(EJ_ID).expired());
        String env = "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body/></soap:Envelope>";
        Report r = validator.validate(expired.certificate(), expired.chain(),
                new ByteArrayInputStream(env.getBytes(StandardCharsets.UTF_8)), null, AT);
        ReportAssert.assertThat(r).firesOnly(Rules.CERT_TRUST, Rules.VIHF_XML);
        assertThat(ReportAssert.assertThat(r).single(Rules.VIHF_XML))
                .satisfies(f -> assertThat(f.message()).contains("aucun jeton VIHF"));
        Report good = validator.validate(AUTH.certificate(), AUTH.chain(),
                new ByteArrayInputStream(env.getBytes(StandardCharsets.UTF_8)), null, AT);
        assertThat(errors(good)).extracting(Finding::ruleId).containsExactly("VIHF-XML");
    }

    @Test
    void twoAssertionsInTheSecurityHeaderAreAVihfXmlFinding() {
        String a = vihf().toAssertionXml();
        String sec = "<wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">"
                + a + a + "</wsse:Security>";
        String env = Requests.envelope("urn:ihe:iti:2007:RegistryStoredQuery", sec, "<x:Q xmlns:x=\"urn:x\"/>");
        Report r = validator.validate(AUTH.certificate(), AUTH.chain(),
                new ByteArrayInputStream(env.getBytes(StandardCharsets.UTF_8)), null, AT);
        ReportAssert.assertThat(r).fires(Rules.VIHF_XML);
        ReportAssert.assertThat(r).rejected();
    }

    @Test
    void partsEntryPointGivesTheSameVerdictsAsTheWholeMessage() throws Exception {
        byte[] token = vihf().toBytes();
        String sub = Requests.submission(EG_ID, EG_ID, Requests.XOP);
        Report ok = validator.validateParts(AUTH.certificate(), AUTH.chain(), token,
                new ByteArrayInputStream(sub.getBytes(StandardCharsets.UTF_8)),
                Map.of("cid:doc1%40vigie", () -> new ByteArrayInputStream(Requests.cda(EG_ID).getBytes(StandardCharsets.UTF_8))), AT);
        ReportAssert.assertThat(ok).accepted();
        String bad = Requests.submission(OTHER_EG, OTHER_EG, Requests.XOP);
        Report ko = validator.validateParts(AUTH.certificate(), AUTH.chain(), vihf().toDocument().getDocumentElement(),
                new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)),
                Map.of("cid:doc1%40vigie", () -> new ByteArrayInputStream(Requests.cda(OTHER_EG).getBytes(StandardCharsets.UTF_8))), AT);
        ReportAssert.assertThat(ko).fires(Rules.AI_SAME_EJ);
        Report tokenOnly = validator.validateParts(AUTH.certificate(), AUTH.chain(), token, null, Map.of(), AT);
        ReportAssert.assertThat(tokenOnly).accepted();
        assertThat(tokenOnly.occurrences()).isEmpty();
    }

    @Test
    void oneValidatorSharedByThreadsGivesTheSameReports() throws Exception {
        byte[] good = mtomRequest(vihf(), EG_ID, EG_ID, EG_ID);
        byte[] bad = mtomRequest(vihf(), OTHER_EG, OTHER_EG, OTHER_EG);
        List<Future<Report>> futures = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            byte[] msg = i % 2 == 0 ? good : bad;
            futures.add(POOL.submit(() -> validator.validate(AUTH.certificate(), AUTH.chain(),
                    new ByteArrayInputStream(msg), Requests.contentType(), AT)));
        }
        for (int i = 0; i < futures.size(); i++) {
            Report r = futures.get(i).get();
            assertThat(r.accepted()).as("request %d", i).isEqualTo(i % 2 == 0);
        }
    }

    @Test
    void theOfficialAnsMtomCaptureIsReadAsIs() throws Exception {
        String dir = System.getProperty("vigie.testdata");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "données de test publiques absentes : test ignoré");
        Path capture = Path.of(dir, "xds/ANS-DMP-exemple_TD2.1_Alimentation_requete.xml");
        assumeTrue(Files.isRegularFile(capture), "capture ANS absente : test ignoré");
        // a cabinet (RPPS-rang) certificate carrying the structure of the capture
        OrgCredential cabinet = PKI.authentication("499900063480001");
        DmpValidation v;
        try (InputStream in = Files.newInputStream(capture)) {
            v = validator.validateRequest(cabinet.certificate(), cabinet.chain(), in, null, AT);
        }
        Report r = v.report();
        assertThat(v.feeding()).isTrue();
        assertThat(v.soapVersion()).contains("1.1");
        ReportAssert.assertThat(r).fires(Rules.VIHF_SIGNED).fires(Rules.VIHF_AUTH_MODE);
        // the XDS authorInstitution rules pass: submission set and both entries agree with the VIHF structure.
        // The official CDA itself has no author/assignedAuthor/representedOrganization (only a custodian), so the one
        // AI finding is AI-PRESENT on that CDA header: a real gap of the sample, not of the reading.
        assertThat(ofFamily(r, Rule.Family.AUTHOR_INSTITUTION)).filteredOn(f -> f.severity() == Severity.ERROR)
                .allSatisfy(f -> {
                    assertThat(f.ruleId()).isEqualTo("AI-PRESENT");
                    assertThat(f.location().toString()).startsWith("CDA");
                });
        assertThat(r.occurrences()).filteredOn(o -> o.place() != Occurrence.Place.CDA_HEADER)
                .extracting(Occurrence::structureId).containsOnly("499900063480001");
        assertThat(r.occurrences()).extracting(Occurrence::structureId).contains("499900063480001");
        assertThat(r.occurrences()).extracting(Occurrence::place)
                .contains(Occurrence.Place.SUBMISSION_SET, Occurrence.Place.DOCUMENT_ENTRY);
    }
}
