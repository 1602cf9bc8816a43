package org.vigie.server.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult.Status;

/** What a vendor sees when the extension cannot help: clear messages, as failures of the right test or class. */
class ExtensionFailuresTest {

    static VigieDmpExtension failingToStart() {
        return VigieDmpExtension.builder().accessLog(l -> { }).starter(b -> {
            throw new UncheckedIOException("cannot bind localhost/127.0.0.1:0: Address already in use", new IOException());
        }).build();
    }

    @Test
    void aServerThatCannotStartFailsTheClassSayingWhy() {
        List<Launched.Outcome> all = Launched.run(StaticStartFails.class, Map.of());
        assertThat(all).filteredOn(o -> o.name().endsWith("$StaticStartFails")).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.FAILED);
            assertThat(o.error()).isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageStartingWith("the Vigie DMP test endpoint could not start (UncheckedIOException: cannot bind")
                    .hasMessageContaining("structure " + TestStructure.DEFAULT_ID);
        });
        assertThat(StaticStartFails.ran).isFalse();
    }

    @Test
    void aServerThatCannotStartFailsEachTestSayingWhy() {
        List<Launched.Outcome> all = Launched.run(InstanceStartFails.class, Map.of());
        assertThat(Launched.tests(all)).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.FAILED);
            assertThat(o.error()).isInstanceOf(ExtensionConfigurationException.class).hasMessageContaining("could not start");
        });
    }

    @Test
    void lastReportWithoutRequestIsAnAssertionFailureOfTheTest() {
        List<Launched.Outcome> all = Launched.run(NoRequest.class, Map.of());
        assertThat(Launched.tests(all)).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.FAILED);
            assertThat(o.error()).isExactlyInstanceOf(AssertionError.class)
                    .hasMessageContaining("no DMP request of the test \"NoRequest > assertsWithoutSending()\"")
                    .hasMessageContaining("/vigie-test/");
        });
        assertThat(all).filteredOn(o -> o.name().endsWith("$NoRequest")).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo(Status.SUCCESSFUL));
    }

    @Test
    void aPerTestParameterOutsideATestSaysWhereToDeclareIt() {
        List<Launched.Outcome> all = Launched.run(UriInBeforeAll.class, Map.of());
        assertThat(all).filteredOn(o -> o.name().endsWith("$UriInBeforeAll")).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.FAILED);
            assertThat(o.error()).isInstanceOf(ParameterResolutionException.class)
                    .hasMessageContaining("belongs to a test: declare it on a @Test, @BeforeEach or @AfterEach method");
        });
    }

    @Test
    void outsideAnyTestTheFieldSaysSo() {
        VigieDmpExtension idle = VigieDmpExtension.builder().build();
        assertThatThrownBy(idle::url).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no test is running with this Vigie DMP extension");
        assertThatThrownBy(idle::lastReport).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(idle::server).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the Vigie DMP endpoint is not running: server()");
        assertThatThrownBy(idle::sslContext).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theTestTokenIsTheFirstSegmentAfterThePrefix() {
        assertThat(VigieDmpExtension.token("/vigie-test/t12/si-dmp-server/v2/services")).isEqualTo("t12");
        assertThat(VigieDmpExtension.token("/vigie-test/t3")).isEqualTo("t3");
        assertThat(VigieDmpExtension.token("/vigie-test//x")).isNull();
        assertThat(VigieDmpExtension.token("/si-dmp-server/v2/services")).isNull();
        assertThat(VigieDmpExtension.token("/vigie-testt3/")).isNull();
        assertThat(VigieDmpExtension.token(null)).isNull();
    }

    @Launched.Only
    static class StaticStartFails {
        static boolean ran;

        @RegisterExtension
        static VigieDmpExtension dmp = failingToStart();

        @Test
        void never() {
            ran = true;
        }
    }

    @Launched.Only
    static class InstanceStartFails {
        @RegisterExtension
        VigieDmpExtension dmp = failingToStart();

        @Test
        void never() {
        }
    }

    @Launched.Only
    static class NoRequest {
        @RegisterExtension
        static VigieDmpExtension dmp = VigieDmpExtension.builder().accessLog(l -> { }).build();

        @Test
        void assertsWithoutSending() {
            dmp.lastReport();
        }
    }

    @Launched.Only
    static class UriInBeforeAll {
        @RegisterExtension
        static VigieDmpExtension dmp = VigieDmpExtension.builder().accessLog(l -> { }).build();

        @BeforeAll
        static void tooEarly(URI url) {
        }

        @Test
        void never() {
        }
    }
}
