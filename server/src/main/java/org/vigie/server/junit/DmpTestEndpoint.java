package org.vigie.server.junit;

import java.net.URI;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.vigie.core.Report;
import org.vigie.server.ValidatedRequest;
import org.vigie.server.VigieTestServer;

/**
 * The Vigie DMP endpoint as one test sees it: the test's own URL on the shared server, the {@code SSLContext} of its
 * structure, and the requests the server validated <em>for this test</em>, in the order they were received.
 *
 * <p>The test's URL is the server's with a path prefix naming the test ({@code https://localhost:<port>/vigie-test/t7/}):
 * requests sent below it are this test's, even when other tests of the class send theirs at the same time. Resolve
 * the service path relatively ({@code url().resolve("si-dmp-server/v2/services")}) to keep the prefix. A request
 * sent without the prefix is attributed to the one test running, and to none when several run at once.
 *
 * <p>A request's report is recorded before its answer is written: once the connector holds the answer,
 * {@link #lastReport()} is that request's report. Thread-safe. Obtain it as a test-method parameter or from
 * {@link VigieDmpExtension#endpoint()}.
 */
public final class DmpTestEndpoint {

    private final VigieTestServer server;
    private final TestStructure structure;
    private final Supplier<SSLContext> sslContext;
    private final URI url;
    private final String testName;
    private final Supplier<String> unattributedNote;
    private final List<ValidatedRequest> requests = new ArrayList<>(); // guarded by this
    private volatile boolean open = true;

    DmpTestEndpoint(VigieTestServer server, TestStructure structure, Supplier<SSLContext> sslContext, String token,
                    String testName, Supplier<String> unattributedNote) {
        this.server = server;
        this.structure = structure;
        this.sslContext = sslContext;
        this.url = server.url().resolve(VigieDmpExtension.TEST_PATH_PREFIX + token + "/");
        this.testName = testName;
        this.unattributedNote = unattributedNote;
    }

    /** @return the test's base URL, {@code https://localhost:<port>/vigie-test/<token>/}: post DMP requests below it */
    public URI url() {
        return url;
    }

    /** @return an SSL context presenting the structure's authentication certificate and trusting the server */
    public SSLContext sslContext() {
        return sslContext.get();
    }

    /** @return the test structure: IdNat_Struct, authentication and signature credentials */
    public TestStructure structure() {
        return structure;
    }

    /** @return the running server (shared by the tests of the class when the extension is in a static field) */
    public VigieTestServer server() {
        return server;
    }

    /** @return a PKCS#12 trust store holding the server's TLS certificate (no password needed to read it) */
    public KeyStore serverTrustStore() {
        return server.serverTrustStore();
    }

    /**
     * @param password store and key password
     * @return a PKCS#12 key store with the structure's authentication key and chain (alias {@code vigie}), for
     *         connectors configured with key store files
     */
    public KeyStore clientKeyStore(char[] password) {
        return VigieTestServer.clientKeyStore(structure.authentication(), Objects.requireNonNull(password, "password"));
    }

    /** @return the requests validated for this test so far, oldest first (a copy) */
    public synchronized List<ValidatedRequest> requests() {
        return List.copyOf(requests);
    }

    /** @return the reports of the requests validated for this test so far, oldest first (a copy) */
    public synchronized List<Report> reports() {
        return requests.stream().map(ValidatedRequest::report).toList();
    }

    /**
     * @return the request validated last for this test
     * @throws AssertionError when none was, with what to check
     */
    public synchronized ValidatedRequest lastRequest() {
        if (requests.isEmpty()) {
            throw new AssertionError(noRequestMessage());
        }
        return requests.get(requests.size() - 1);
    }

    /**
     * The report of the request validated last for this test, to assert on:
     * {@code ReportAssert.assertThat(dmp.lastReport()).isAccepted()}.
     *
     * @return the report
     * @throws AssertionError when no request was validated for this test, with what to check
     */
    public Report lastReport() {
        return lastRequest().report();
    }

    /** @return the display name of the test this endpoint belongs to */
    public String testName() {
        return testName;
    }

    /** @return true while the test runs (until the extension's after-each) */
    public boolean isOpen() {
        return open;
    }

    @Override
    public String toString() {
        return "DmpTestEndpoint[" + testName + ", " + url + "]";
    }

    synchronized void record(ValidatedRequest r) {
        if (requests.size() < VigieDmpExtension.MAX_REQUESTS_PER_TEST) {
            requests.add(r);
        }
    }

    void close() {
        open = false;
    }

    private String noRequestMessage() {
        String note = unattributedNote.get();
        return "no DMP request of the test \"" + testName + "\" was validated by the Vigie endpoint: post it below "
                + "this test's URL " + url + " (e.g. url().resolve(\"si-dmp-server/v2/services\"), a relative path "
                + "keeps the test's prefix) over the test's SSLContext, and wait for the answer. Requests answered "
                + "without a validation have no report: GET, no TLS client certificate, body too large, unsupported "
                + "Content-Encoding, server busy, timeout." + (note.isEmpty() ? "" : " " + note);
    }
}
