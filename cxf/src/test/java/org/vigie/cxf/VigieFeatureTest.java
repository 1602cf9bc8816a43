package org.vigie.cxf;

import org.vigie.server.cxf.Iti41Port;
import org.vigie.server.cxf.RegistryResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigie.cxf.CxfClients.FAILURE;
import static org.vigie.cxf.CxfClients.ID;
import static org.vigie.cxf.CxfClients.OTHER;
import static org.vigie.cxf.CxfClients.SUCCESS;

import jakarta.xml.ws.WebServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.core.Rules;
import org.vigie.cxf.VigieFeature.Mode;
import org.vigie.dmp.DmpRequestValidator;
import org.vigie.server.VigieTestServer;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.ReportAssert;
import org.vigie.testkit.TestPki;

/**
 * {@link VigieFeature} on a real CXF JAX-WS client ({@link CxfClients}: MTOM, WS-Addressing, WSS4J's
 * {@code WSS4JOutInterceptor} with a WSS4J/OpenSAML VIHF, optionally gzip) against {@link VigieTestServer}, whose
 * served-request counter says whether a request reached it. Everything is judged at a fixed instant on a PKI anchored
 * at a fixed date, by the feature's validator and by the server alike.
 */
class VigieFeatureTest {

    static final Instant ANCHOR = Instant.parse("2025-03-03T00:00:00Z");
    static final Instant AT = ANCHOR.plusSeconds(10 * 3600);
    static final Instant ISSUED = AT.minusSeconds(60);
    static final TestPki PKI = TestPki.create(TestPki.SHARED_SEED, ANCHOR);
    static final OrgCredential AUTH = PKI.authentication(ID);
    static final OrgCredential SIGN = PKI.signature(ID);
    static final DmpRequestValidator VALIDATOR = DmpRequestValidator.builder().trust(PKI.trust()).crls(PKI.crls())
            .clock(Clock.fixed(AT, ZoneOffset.UTC)).build();
    static final List<String> ACCESS = new CopyOnWriteArrayList<>();
    static VigieTestServer dmp;

    CxfClients.Lines log;

    @BeforeAll
    static void start() {
        java.util.logging.Logger.getLogger("org.apache.cxf").setLevel(java.util.logging.Level.SEVERE);
        dmp = VigieTestServer.builder().pki(PKI).clock(Clock.fixed(AT, ZoneOffset.UTC)).accessLog(ACCESS::add).start();
    }

    @AfterAll
    static void stop() {
        dmp.close();
    }

    @BeforeEach
    void fresh() {
        log = new CxfClients.Lines();
    }

    VigieFeature feature(Mode mode) {
        VigieFeature f = new VigieFeature(VALIDATOR, mode);
        f.setLogger(log);
        f.setLocale(java.util.Locale.ENGLISH);
        return f;
    }

    Iti41Port port(VigieFeature feature, Consumer<CxfClients.Options> tweak) throws Exception {
        return CxfClients.port(dmp, AUTH, SIGN, ISSUED, feature, tweak);
    }

    /** Requests the server has answered, once none is in flight (it counts a request after closing its exchange). */
    static long served() throws InterruptedException {
        for (int i = 0; i < 3000 && dmp.server().inFlight() > 0; i++) {
            Thread.sleep(10);
        }
        return dmp.server().served();
    }

    static VigieRejectedException refusal(Throwable thrown) {
        assertThat(thrown).isInstanceOf(WebServiceException.class);
        Throwable c = thrown;
        while (c != null && !(c instanceof VigieRejectedException)) {
            c = c.getCause();
        }
        assertThat(c).as("a VigieRejectedException in the causes of %s", thrown).isNotNull();
        return (VigieRejectedException) c;
    }

    // --- accepted requests pass in both modes ---

    @Test
    void acceptedRequestIsSentInReportMode() throws Exception {
        long before = served();
        RegistryResponse r = port(feature(Mode.REPORT), o -> { }).provideAndRegister(CxfClients.request(50_000));
        assertThat(r.status).as(String.valueOf(r.errorCodes())).isEqualTo(SUCCESS);
        assertThat(served()).isEqualTo(before + 1);
        assertThat(log.lines).anyMatch(l -> l.startsWith("INFO Vigie: DMP request to https://") && l.contains(" accepted ("))
                .noneMatch(l -> l.startsWith("ERROR"));
    }

    @Test
    void acceptedRequestIsSentInEnforceMode() throws Exception {
        long before = served();
        RegistryResponse r = port(feature(Mode.ENFORCE), o -> { }).provideAndRegister(CxfClients.request(50_000));
        assertThat(r.status).as(String.valueOf(r.errorCodes())).isEqualTo(SUCCESS);
        assertThat(served()).isEqualTo(before + 1);
        assertThat(log.lines).anyMatch(l -> l.contains(" accepted ("));
    }

    @Test
    void plainSoapRequestWithInlineDocumentsIsValidatedToo() throws Exception {
        Iti41Port port = port(feature(Mode.ENFORCE), o -> {
            o.binding = jakarta.xml.ws.soap.SOAPBinding.SOAP12HTTP_BINDING;
            o.mtom = false;
            o.vihfStructure = OTHER;
        });
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> port.provideAndRegister(CxfClients.request(1000)));
        VigieRejectedException e = refusal(thrown);
        ReportAssert.assertThat(e.report()).fires(Rules.VIHF_STRUCT_EQ).doesNotFire(Rules.AI_XML);
        assertThat(e.validation().attachments()).isEmpty();
        assertThat(e.validation().feeding()).isTrue();
    }

    @Test
    void soap11RequestIsJudgedWithTheSoapVersionWarningAndSent() throws Exception {
        RegistryResponse r = port(feature(Mode.ENFORCE), o -> o.binding = jakarta.xml.ws.soap.SOAPBinding.SOAP11HTTP_MTOM_BINDING)
                .provideAndRegister(CxfClients.request(1000));
        assertThat(r.status).isEqualTo(SUCCESS);
        assertThat(log.lines).anyMatch(l -> l.startsWith("WARNING Vigie SOAP-VERSION WARNING @"));
    }

    // --- control 1: the VIHF names another structure than the TLS certificate ---

    @Test
    void foreignStructureInTheVihfIsLoggedAndSentInReportMode() throws Exception {
        long before = served();
        RegistryResponse r = port(feature(Mode.REPORT), o -> o.vihfStructure = OTHER)
                .provideAndRegister(CxfClients.request(50_000));
        assertThat(served()).as("the server got the request").isEqualTo(before + 1);
        assertThat(r.status).isEqualTo(FAILURE);
        assertThat(r.errorCodes()).contains("VIHF-STRUCT-EQ");
        assertThat(log.lines).anyMatch(l -> l.startsWith("ERROR Vigie VIHF-STRUCT-EQ ERROR @") && l.contains(OTHER))
                .anyMatch(l -> l.startsWith("WARNING Vigie: DMP request to ") && l.contains("sent anyway (REPORT)"));
    }

    @Test
    void foreignStructureInTheVihfIsRefusedBeforeSendingInEnforceMode() throws Exception {
        long before = served();
        Iti41Port port = port(feature(Mode.ENFORCE), o -> o.vihfStructure = OTHER);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> port.provideAndRegister(CxfClients.request(50_000)));
        VigieRejectedException e = refusal(thrown);
        ReportAssert.assertThat(e.report()).rejected().fires(Rules.VIHF_STRUCT_EQ).doesNotFire(Rules.AI_XML);
        assertThat(e.validation().feeding()).isTrue();
        assertThat(e.getMessage()).contains("VIHF-STRUCT-EQ");
        assertThat(served()).as("nothing reached the server").isEqualTo(before);
        assertThat(log.lines).anyMatch(l -> l.contains("not sent (ENFORCE)"));
        // the client still works: the next, compliant, request goes through (and is the only one served)
        RegistryResponse ok = port(feature(Mode.ENFORCE), o -> { }).provideAndRegister(CxfClients.request(1000));
        assertThat(ok.status).isEqualTo(SUCCESS);
        assertThat(served()).isEqualTo(before + 1);
    }

    // --- control 2: a document entry's authorInstitution differs from its CDA and the other occurrences ---

    @Test
    void authorInstitutionMismatchIsLoggedAndSentInReportMode() throws Exception {
        long before = served();
        RegistryResponse r = port(feature(Mode.REPORT), o -> { }).provideAndRegister(CxfClients.request(1000, OTHER, null));
        assertThat(served()).isEqualTo(before + 1);
        assertThat(r.status).isEqualTo(FAILURE);
        assertThat(r.errorCodes()).contains("AI-CDA-MATCH");
        assertThat(log.lines).anyMatch(l -> l.startsWith("ERROR Vigie AI-CDA-MATCH ERROR @"));
    }

    @Test
    void authorInstitutionMismatchIsRefusedBeforeSendingInEnforceMode() throws Exception {
        long before = served();
        Iti41Port port = port(feature(Mode.ENFORCE), o -> { });
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> port.provideAndRegister(CxfClients.request(1000, OTHER, null)));
        ReportAssert.assertThat(refusal(thrown).report()).rejected().fires(Rules.AI_CDA_MATCH)
                .doesNotFire(Rules.VIHF_STRUCT_EQ);
        assertThat(served()).isEqualTo(before);
    }

    // --- gzip: the validator reads the request before compression ---

    @Test
    void gzipCompressedRequestIsValidatedUncompressedAndSent() throws Exception {
        long before = served();
        ACCESS.clear();
        RegistryResponse r = port(feature(Mode.ENFORCE), o -> o.gzip = true).provideAndRegister(CxfClients.request(200_000));
        assertThat(r.status).as(String.valueOf(r.errorCodes())).isEqualTo(SUCCESS);
        assertThat(served()).isEqualTo(before + 1);
        String line = lastAccessLine();
        // the wire carried the compressed body: the 200 kB PDF of zeros is far smaller once gzipped
        assertThat(Long.parseLong(line.replaceAll(".*\"bytesIn\":(\\d+).*", "$1"))).isPositive().isLessThan(100_000);
        // what Vigie held and judged was the uncompressed request
        assertThat(log.lines).anyMatch(l -> l.matches(".* accepted \\(\\d+ findings; (\\d{6,}) bytes, .*"));
    }

    @Test
    void gzipCompressedRequestWithAForeignStructureIsRefusedOnItsContent() throws Exception {
        long before = served();
        Iti41Port port = port(feature(Mode.ENFORCE), o -> {
            o.gzip = true;
            o.vihfStructure = OTHER;
        });
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> port.provideAndRegister(CxfClients.request(1000)));
        ReportAssert.assertThat(refusal(thrown).report()).fires(Rules.VIHF_STRUCT_EQ).doesNotFire(Rules.AI_XML);
        assertThat(served()).isEqualTo(before);
    }

    // --- a large MTOM attachment: cached on disk beyond the threshold, streamed to the validator and the wire ---

    @Test
    void largeAttachmentSpillsToDiskBeyondTheThresholdAndTheFileIsRemoved(@TempDir Path tmp) throws Exception {
        Path spool = Files.createDirectories(tmp.resolve("documents"));
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        VigieFeature f = feature(Mode.ENFORCE);
        f.setThreshold(64 * 1024);
        f.setOutputDirectory(cache.toFile());
        long before = served();
        ACCESS.clear();
        RegistryResponse r = port(f, o -> { }).provideAndRegister(CxfClients.request(12L * 1024 * 1024, ID, spool));
        assertThat(r.status).as(String.valueOf(r.errorCodes())).isEqualTo(SUCCESS);
        assertThat(served()).isEqualTo(before + 1);
        assertThat(lastAccessLine()).contains("\"attachments\":2");
        assertThat(log.lines).anyMatch(l -> l.contains(" accepted (") && l.contains("cached on disk"));
        try (Stream<Path> left = Files.list(cache)) {
            assertThat(left).as("the temporary file is deleted once sent").isEmpty();
        }
    }

    @Test
    void smallRequestStaysInMemory() throws Exception {
        VigieFeature f = feature(Mode.REPORT);
        f.setThreshold(1024 * 1024);
        port(f, o -> { }).provideAndRegister(CxfClients.request(1000));
        assertThat(log.lines).anyMatch(l -> l.contains(" accepted (") && l.contains("cached in memory"));
    }

    @Test
    void refusedLargeRequestLeavesNoTemporaryFile(@TempDir Path tmp) throws Exception {
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        VigieFeature f = feature(Mode.ENFORCE);
        f.setThreshold(16 * 1024);
        f.setOutputDirectory(cache.toFile());
        Iti41Port port = port(f, o -> o.vihfStructure = OTHER);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> port.provideAndRegister(CxfClients.request(300_000)));
        refusal(thrown);
        try (Stream<Path> left = Files.list(cache)) {
            assertThat(left).isEmpty();
        }
    }

    // --- the client certificate ---

    @Test
    void noClientCertificateIsAFindingAndTheRequestIsRefusedInEnforceMode() throws Exception {
        long before = served();
        Iti41Port port = port(feature(Mode.ENFORCE), o -> o.tls = CxfClients.Tls.NONE);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> port.provideAndRegister(CxfClients.request(1000)));
        ReportAssert.assertThat(refusal(thrown).report()).firesOnly(Rules.CERT_AUTH_PROFILE)
                .withMessageContaining(Rules.CERT_AUTH_PROFILE, java.util.Locale.ENGLISH, "no TLS client certificate");
        assertThat(served()).isEqualTo(before);
    }

    @Test
    void sslContextOnlyConduitWithoutAChainForTheFeatureIsLoggedAndSentInReportMode() throws Exception {
        long before = served();
        RegistryResponse r = port(feature(Mode.REPORT), o -> o.tls = CxfClients.Tls.SSL_CONTEXT)
                .provideAndRegister(CxfClients.request(1000));
        // Vigie could not see the key; the server, which got the certificate in the handshake, accepts
        assertThat(r.status).isEqualTo(SUCCESS);
        assertThat(served()).isEqualTo(before + 1);
        assertThat(log.lines).anyMatch(l -> l.startsWith("ERROR Vigie CERT-AUTH-PROFILE ERROR @TLS: no TLS client certificate"))
                .anyMatch(l -> l.contains("sent anyway (REPORT)"));
    }

    @Test
    void sslContextOnlyConduitUsesTheChainGivenToTheFeature() throws Exception {
        VigieFeature f = feature(Mode.ENFORCE);
        f.setClientCertificateChain(AUTH.chain()); // leaf, then its issuing CA
        RegistryResponse r = port(f, o -> o.tls = CxfClients.Tls.SSL_CONTEXT).provideAndRegister(CxfClients.request(1000));
        assertThat(r.status).isEqualTo(SUCCESS);
    }

    @Test
    void theConduitKeyManagersWinOverTheChainGivenToTheFeature() throws Exception {
        VigieFeature f = feature(Mode.ENFORCE);
        f.setClientCertificate(PKI.authentication(OTHER).certificate()); // would fire VIHF-STRUCT-EQ if used
        RegistryResponse r = port(f, o -> { }).provideAndRegister(CxfClients.request(1000));
        assertThat(r.status).isEqualTo(SUCCESS);
    }

    @Test
    void theChainGivenToTheFeatureIsJudgedWhenItIsTheOnlyOne() throws Exception {
        VigieFeature f = feature(Mode.ENFORCE);
        f.setClientCertificate(PKI.authentication(OTHER).certificate());
        Iti41Port port = port(f, o -> o.tls = CxfClients.Tls.SSL_CONTEXT);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> port.provideAndRegister(CxfClients.request(1000)));
        ReportAssert.assertThat(refusal(thrown).report()).fires(Rules.VIHF_STRUCT_EQ);
    }

    // --- bean-style configuration (Spring, Blueprint) ---

    @Test
    void beanStyleFeatureWorksOnceItHasAValidator() throws Exception {
        VigieFeature f = new VigieFeature();
        assertThat(f.getMode()).isEqualTo(Mode.REPORT);
        f.setValidator(VALIDATOR);
        f.setMode(Mode.ENFORCE);
        f.setLogger(log);
        RegistryResponse r = port(f, o -> { }).provideAndRegister(CxfClients.request(1000));
        assertThat(r.status).isEqualTo(SUCCESS);
        assertThat(log.lines).anyMatch(l -> l.contains(" accepted ("));
    }

    @Test
    void featureWithoutValidatorFailsWhenTheClientIsBuilt() {
        assertThatThrownBy(() -> port(new VigieFeature(), o -> { })).hasMessageContaining("no validator");
    }

    @Test
    void settersRejectNonsense() {
        VigieFeature f = new VigieFeature();
        assertThatThrownBy(() -> f.setThreshold(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.setMode(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> f.setValidator(null)).isInstanceOf(NullPointerException.class);
    }

    static String lastAccessLine() throws InterruptedException {
        for (int i = 0; i < 3000 && ACCESS.isEmpty(); i++) { // the line is written once the answer has gone out
            Thread.sleep(10);
        }
        return ACCESS.get(ACCESS.size() - 1);
    }
}
