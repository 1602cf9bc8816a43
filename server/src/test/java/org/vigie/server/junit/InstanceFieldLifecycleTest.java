package org.vigie.server.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.vigie.core.Rules;
import org.vigie.server.VigieTestServer;
import org.vigie.testkit.ReportAssert;
import org.vigie.testkit.TestDirectory;

/** The extension in an instance field: a server of its own for each test, stopped after it. */
class InstanceFieldLifecycleTest {

    static final List<VigieTestServer> SERVERS = new CopyOnWriteArrayList<>();

    @RegisterExtension
    VigieDmpExtension dmp = VigieDmpExtension.builder().directory(TestDirectory.usual()).structure("1920000650")
            .accessLog(l -> { }).build();

    @AfterAll
    static void everyServerWasStopped() {
        assertThat(SERVERS).hasSize(2).doesNotHaveDuplicates();
        assertThat(SERVERS).noneMatch(s -> s.server().isRunning());
    }

    private void ownServer() {
        assertThat(SERVERS).noneMatch(s -> s == dmp.server()).noneMatch(s -> s.server().isRunning());
        SERVERS.add(dmp.server());
        assertThat(dmp.server().server().isRunning()).isTrue();
    }

    @Test
    void firstTestHasItsServer() throws Exception {
        ownServer();
        Connector.send(dmp.url(), dmp.sslContext(), Connector.feeding(dmp.structure(), b -> b, "1920100013"));
        ReportAssert.assertThat(dmp.lastReport()).isAccepted();
    }

    @Test
    void secondTestHasAnotherServer() throws Exception {
        ownServer();
        assertThat(dmp.structure().idNatStruct()).isEqualTo("1920000650");
        Connector.send(dmp.url(), dmp.sslContext(), Connector.feeding(dmp.structure(), b -> b, Connector.OWN_EG));
        ReportAssert.assertThat(dmp.lastReport()).isRejected().fires(Rules.AI_SAME_EJ);
    }
}
