package org.vigie.server.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.server.VigieTestServer;
import org.vigie.testkit.ReportAssert;
import org.vigie.testkit.TestDirectory;

/**
 * Reports per test under {@code junit.jupiter.execution.parallel.enabled}: the tests of one class, one server, all
 * running at once (a barrier holds each until all have started, and again until all have sent), each sending its own
 * number of requests of its own kind, each finding exactly its own reports.
 */
class ParallelExtensionTest {

    static final int TESTS = 4;

    @Test
    void concurrentTestsOfOneClassEachGetTheirOwnReports() {
        ParallelVendorTests.THREADS.clear();
        List<Launched.Outcome> all = Launched.run(ParallelVendorTests.class, Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", String.valueOf(TESTS * 2)));
        assertThat(Launched.tests(all)).hasSize(TESTS).allSatisfy(o -> assertThat(o.status())
                .as("%s: %s", o.name(), o.error()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
        assertThat(ParallelVendorTests.THREADS).as("each test on a thread of its own").hasSize(TESTS);
        assertThat(ParallelVendorTests.SERVER.get().server().isRunning()).as("stopped after the class").isFalse();
    }

    /** The vendor's parallel test class. */
    @Launched.Only
    static class ParallelVendorTests {

        static final Set<String> THREADS = ConcurrentHashMap.newKeySet();
        static final AtomicReference<VigieTestServer> SERVER = new AtomicReference<>();
        static final CyclicBarrier STARTED = new CyclicBarrier(TESTS);
        static final CyclicBarrier SENT = new CyclicBarrier(TESTS);

        @RegisterExtension
        static VigieDmpExtension dmp = VigieDmpExtension.builder().directory(TestDirectory.usual()).accessLog(l -> { })
                .build();

        static void await(CyclicBarrier b) throws Exception {
            try {
                b.await(60, TimeUnit.SECONDS); // a guard against a hang, not a measure: run in parallel, all arrive
            } finally {
                if (b.isBroken()) {
                    b.reset();
                }
            }
        }

        /** Waits for all, sends {@code n} requests of one kind, waits for all again, checks its own reports. */
        void exchange(int n, String institution, boolean ownStructureInVihf) throws Exception {
            THREADS.add(Thread.currentThread().getName());
            SERVER.set(dmp.server());
            await(STARTED);
            for (int i = 0; i < n; i++) {
                Connector.send(dmp.url(), dmp.sslContext(), Connector.feeding(dmp.structure(),
                        b -> ownStructureInVihf ? b : b.identifiantStructure(Connector.OWN_EG), institution));
            }
            AtomicReference<Throwable> foreign = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    dmp.url();
                } catch (Throwable e) {
                    foreign.set(e);
                }
            });
            t.start();
            t.join();
            await(SENT); // every test has sent all its requests: the others' are in the server too
            assertThat(foreign.get()).as("a thread of no test, several tests running").isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("tests of this Vigie DMP extension are running");
            assertThat(dmp.reports()).hasSize(n);
        }

        @Test
        void oneAcceptedFeeding() throws Exception {
            exchange(1, Connector.OWN_EG, true);
            ReportAssert.assertThat(dmp.lastReport()).isAccepted();
        }

        @Test
        void twoFeedingsOfAnotherLegalEntity() throws Exception {
            exchange(2, Connector.OTHER_EJ_EG, true);
            for (Report r : dmp.reports()) {
                ReportAssert.assertThat(r).fires(Rules.AI_SAME_EJ).doesNotFire(Rules.VIHF_STRUCT_EQ);
            }
        }

        @Test
        void threeVihfOfAnotherStructure() throws Exception {
            exchange(3, Connector.OWN_EG, false);
            for (Report r : dmp.reports()) {
                ReportAssert.assertThat(r).fires(Rules.VIHF_STRUCT_EQ).doesNotFire(Rules.AI_SAME_EJ);
            }
        }

        @Test
        void fourAcceptedFeedingsReadThroughTheParameter(DmpTestEndpoint endpoint) throws Exception {
            exchange(4, Connector.OWN_EG, true);
            assertThat(endpoint).isSameAs(dmp.endpoint());
            assertThat(endpoint.reports()).hasSize(4).allSatisfy(r -> ReportAssert.assertThat(r).isAccepted());
        }
    }
}
