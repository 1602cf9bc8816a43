package org.vigie.cxf;

import org.vigie.server.cxf.Iti41Port;
import org.vigie.server.cxf.RegistryResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.vigie.dmp.DmpRequestValidator;
import org.vigie.server.VigieTestServer;

/**
 * Run in a JVM of its own by {@link BigAttachmentTest}: one CXF client with an ENFORCE {@link VigieFeature} (CXF's
 * default 128 KiB in-memory threshold) sends a feeding whose second document (streamed from a file) is as large as
 * the argument says, to a {@link VigieTestServer} in the same JVM. Prints the outcome.
 */
public final class BigAttachmentMain {

    private BigAttachmentMain() {
    }

    /**
     * Sends the request and prints {@code status=... served=...} and the feature's summary line.
     *
     * @param args the PDF size in bytes
     */
    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("org.apache.cxf").setLevel(java.util.logging.Level.SEVERE);
        long pdf = Long.parseLong(args[0]);
        Path dir = Files.createTempDirectory("vigie-cxf-big");
        List<String> access = new CopyOnWriteArrayList<>();
        Clock clock = Clock.fixed(VigieFeatureTest.AT, ZoneOffset.UTC);
        try (VigieTestServer dmp = VigieTestServer.builder().pki(VigieFeatureTest.PKI).clock(clock).accessLog(access::add).start()) {
            CxfClients.Lines log = new CxfClients.Lines();
            VigieFeature f = new VigieFeature(DmpRequestValidator.builder().trust(VigieFeatureTest.PKI.trust())
                    .crls(VigieFeatureTest.PKI.crls()).clock(clock).build(), VigieFeature.Mode.ENFORCE);
            f.setLogger(log);
            Iti41Port port = CxfClients.port(dmp, VigieFeatureTest.AUTH, VigieFeatureTest.SIGN, VigieFeatureTest.ISSUED,
                    f, o -> o.wss4j = false);
            RegistryResponse r = port.provideAndRegister(CxfClients.request(pdf, CxfClients.ID, dir));
            for (int i = 0; i < 3000 && access.isEmpty(); i++) {
                Thread.sleep(10);
            }
            System.out.println("status=" + r.status + " errors=" + r.errorCodes());
            log.lines.stream().filter(l -> l.contains("Vigie: ")).forEach(System.out::println);
            access.forEach(System.out::println);
            System.out.println("maxHeap=" + Runtime.getRuntime().maxMemory());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
