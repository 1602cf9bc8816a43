package org.vigie.cxf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.vigie.cxf.CxfClients.OTHER;
import static org.vigie.cxf.CxfClients.SUCCESS;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericXmlApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.vigie.dmp.DmpRequestValidator;
import org.vigie.server.VigieTestServer;
import org.vigie.server.cxf.Iti41Port;
import org.vigie.server.cxf.RegistryResponse;
import org.vigie.testkit.ReportAssert;

/**
 * The feature declared as the README shows it, in a Spring XML context ({@code jaxws:client} with the
 * {@code VigieFeature} bean in its features, configured by setters), not built in Java: the client Spring makes sends
 * an accepted request and refuses, before sending, one whose VIHF names another structure. The validator beans of
 * the README (factory methods of {@code DmpRequestValidator}) are loaded apart. Not in the CXF 3.6 line (Spring 6 is
 * jakarta).
 */
class SpringConfigurationTest {

    static VigieTestServer dmp;

    @BeforeAll
    static void start() {
        java.util.logging.Logger.getLogger("org.apache.cxf").setLevel(java.util.logging.Level.SEVERE);
        dmp = VigieTestServer.builder().pki(VigieFeatureTest.PKI)
                .clock(java.time.Clock.fixed(VigieFeatureTest.AT, java.time.ZoneOffset.UTC)).start();
    }

    @AfterAll
    static void stop() {
        dmp.close();
    }

    static GenericXmlApplicationContext context() {
        GenericXmlApplicationContext ctx = new GenericXmlApplicationContext();
        ctx.getBeanFactory().registerSingleton("dmpValidator", VigieFeatureTest.VALIDATOR);
        ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", Map.of("dmp.address",
                dmp.url().resolve("si-dmp-server/v2/services/DocumentRepository_Service").toString())));
        ctx.load("classpath:org/vigie/cxf/spring-client.xml");
        ctx.refresh();
        return ctx;
    }

    static Iti41Port client(GenericXmlApplicationContext ctx, String vihfStructure) throws Exception {
        Iti41Port port = ctx.getBean("dmp", Iti41Port.class);
        CxfClients.Options o = new CxfClients.Options();
        o.vihfStructure = vihfStructure;
        CxfClients.prepare(port, dmp, VigieFeatureTest.AUTH, VigieFeatureTest.SIGN, VigieFeatureTest.ISSUED, o);
        return port;
    }

    @Test
    void clientDeclaredInSpringSendsAnAcceptedRequest() throws Exception {
        try (GenericXmlApplicationContext ctx = context()) {
            long before = dmp.server().served();
            RegistryResponse r = client(ctx, null).provideAndRegister(CxfClients.request(20_000));
            assertThat(r.status).as(String.valueOf(r.errorCodes())).isEqualTo(SUCCESS);
            assertThat(awaitServed()).isEqualTo(before + 1);
        }
    }

    @Test
    void clientDeclaredInSpringEnforcesTheReport() throws Exception {
        try (GenericXmlApplicationContext ctx = context()) {
            long before = awaitServed();
            Throwable thrown = catchThrowable(() -> client(ctx, OTHER).provideAndRegister(CxfClients.request(20_000)));
            VigieRejectedException refused = VigieFeatureTest.refusal(thrown);
            ReportAssert.assertThat(refused.report()).fires(org.vigie.core.Rules.VIHF_STRUCT_EQ);
            assertThat(awaitServed()).as("nothing reached the server").isEqualTo(before);
        }
    }

    @Test
    void validatorBeansOfTheReadmeBuildTheDefaultValidator() {
        try (GenericXmlApplicationContext ctx = new GenericXmlApplicationContext(
                "classpath:org/vigie/cxf/spring-validator.xml")) {
            assertThat(ctx.getBean("dmpValidator")).isInstanceOf(DmpRequestValidator.class);
        }
    }

    static long awaitServed() throws InterruptedException {
        for (int i = 0; i < 3000 && dmp.server().inFlight() > 0; i++) {
            Thread.sleep(10);
        }
        return dmp.server().served();
    }
}
