package org.vigie.server;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.vigie.testkit.CdaBuilder;
import org.vigie.testkit.DmpMessageBuilder;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.TestPki;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.XdsSubmissionBuilder;

/**
 * Run in a forked JVM with a small heap by {@link BigAttachmentServeTest}: starts the endpoint, and posts over mutual
 * TLS with the JDK HttpClient an MTOM feeding whose CDA attachment carries a {@code args[0]}-byte PDF (base64 in the
 * CDA: the attachment is about 4/3 of that), generated on the fly and streamed (chunked). Prints the access line and
 * the answer's status; exits 0 when the answer is Success.
 */
public final class BigAttachmentServeMain {

    private BigAttachmentServeMain() {
    }

    public static void main(String[] args) throws Exception {
        long pdf = Long.parseLong(args[0]);
        TestPki pki = TestPki.shared();
        String id = "10B0152872";
        OrgCredential auth = pki.authentication(id);
        OrgCredential sign = pki.signature(id);
        XdsSubmissionBuilder sub = XdsSubmissionBuilder.provideAndRegister()
                .document("Doc01", CdaBuilder.ciSis().author("CENTRE DE SANTE", id).nonXmlBodyPdf(pdf))
                .submissionSetAuthorInstitution(XdsSubmissionBuilder.xon("CENTRE DE SANTE", id))
                .documentAuthorInstitution("Doc01", XdsSubmissionBuilder.xon("CENTRE DE SANTE", id))
                .xop();
        DmpMessageBuilder m = DmpMessageBuilder.feeding(VihfBuilder.indirect(sign).secteurActivite("SA01"), sub);
        List<String> log = new CopyOnWriteArrayList<>();
        VigieTestServer.Builder tb = VigieTestServer.builder().pki(pki).accessLog(log::add);
        if (args.length > 1) { // the request journal on (defaults), writing to the folder args[1]
            tb.journal(JournalLimits.defaults()).journalDirectory(java.nio.file.Path.of(args[1]));
        }
        try (VigieTestServer dmp = tb.start()) {
            PipedInputStream in = new PipedInputStream(256 * 1024);
            PipedOutputStream out = new PipedOutputStream(in);
            Thread writer = new Thread(() -> {
                try (out) {
                    m.writeMtom(out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "mtom-writer");
            writer.start();
            HttpClient client = HttpClient.newBuilder().sslContext(dmp.clientSslContext(auth))
                    .version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest req = HttpRequest.newBuilder(dmp.url().resolve("si-dmp-server/v2/services"))
                    .header("Content-Type", m.contentType()).timeout(Duration.ofMinutes(4))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> in)).build();
            HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            writer.join();
            if (args.length > 1) {
                HttpResponse<String> j = client.send(HttpRequest.newBuilder(dmp.url().resolve("requests/1.json")).GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                System.out.println("journal=" + j.body().replaceAll("\\s*\n\\s*", " "));
            }
            Runtime rt = Runtime.getRuntime();
            System.out.println("access=" + (log.isEmpty() ? "" : log.get(0)));
            System.out.println("http=" + r.statusCode() + " success=" + r.body().contains("ResponseStatusType:Success")
                    + " maxHeap=" + rt.maxMemory());
            System.out.println(r.body());
            System.exit(r.statusCode() == 200 && r.body().contains("ResponseStatusType:Success") ? 0 : 1);
        }
    }
}
