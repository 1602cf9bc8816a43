package org.vigie.server.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.vigie.server.VigieTestServer;
import org.vigie.testkit.ReportAssert;

/**
 * An instance field under {@code @TestInstance(PER_CLASS)}, tests run sequentially and in parallel: the one extension
 * instance serves every test with a running server, each test with its own reports, and no server outlives the class.
 */
class PerClassLifecycleTest {

    @Test
    void sequential() {
        check(Map.of());
    }

    @Test
    void concurrent() {
        check(Map.of("junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent"));
    }

    private static void check(Map<String, String> config) {
        PerClassVendorTests.SERVERS.clear();
        List<Launched.Outcome> all = Launched.run(PerClassVendorTests.class, config);
        assertThat(Launched.tests(all)).hasSize(3).allSatisfy(o -> assertThat(o.status()).as("%s: %s", o.name(), o.error())
                .isEqualTo(Status.SUCCESSFUL));
        assertThat(PerClassVendorTests.SERVERS).hasSize(3).noneMatch(s -> s.server().isRunning());
    }

    /** The vendor's class. */
    @Launched.Only
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassVendorTests {
        static final List<VigieTestServer> SERVERS = new CopyOnWriteArrayList<>();

        @RegisterExtension
        VigieDmpExtension dmp = VigieDmpExtension.builder().accessLog(l -> { }).build();

        void sendOne() throws Exception {
            SERVERS.add(dmp.server());
            assertThat(dmp.server().server().isRunning()).isTrue();
            Connector.send(dmp.url(), dmp.sslContext(), Connector.compliant(dmp.structure()));
            assertThat(dmp.reports()).hasSize(1);
            ReportAssert.assertThat(dmp.lastReport()).isAccepted();
        }

        @Test
        void one() throws Exception {
            sendOne();
        }

        @Test
        void two() throws Exception {
            sendOne();
        }

        @Test
        void three() throws Exception {
            sendOne();
        }
    }
}
