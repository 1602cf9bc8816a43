package org.vigie.dmp;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.vigie.core.Occurrence;
import org.vigie.core.Report;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.TestPki;
import org.vigie.testkit.VihfBuilder;

/**
 * Run in a forked JVM with a small heap by {@link BigAttachmentTest}: validates an MTOM request whose CDA
 * attachment is {@code args[0]} bytes long (or, with {@code args[1]} = {@code inline}, a plain SOAP request carrying
 * that CDA base64-encoded inline), generated on the fly. Prints the verdict and exits 0 when the request
 * is accepted with its CDA header read.
 */
public final class BigAttachmentMain {

    private BigAttachmentMain() {
    }

    public static void main(String[] args) throws Exception {
        long size = Long.parseLong(args[0]);
        TestPki pki = TestPki.shared();
        Instant at = pki.anchor().plusSeconds(3600);
        String id = "1750712184";
        OrgCredential auth = pki.authentication(id);
        OrgCredential sign = pki.signature(id);
        String sec = VihfBuilder.indirect(sign).at(at.minusSeconds(30)).secteurActivite("SA01").toSecurityHeaderXml()
                .replaceFirst("^<\\?xml[^>]*\\?>", "");
        String env = Requests.envelope(Requests.ITI41, sec, Requests.submission(id, id, Requests.XOP));
        DmpRequestValidator v = DmpRequestValidator.builder()
                .trust(TrustAnchors.of(List.of(pki.root()), List.of(pki.organisationsCa())))
                .build();
        boolean inline = args.length > 1 && args[1].equals("inline");
        CountingStream in = new CountingStream(inline ? Requests.inline(sec, id, id, Requests.hugeCda(id, size))
                : Requests.mtom(env, Requests.hugeCda(id, size)));
        Report r = v.validate(auth.certificate(), auth.chain(), in, inline ? null : Requests.contentType(), at);
        Runtime rt = Runtime.getRuntime();
        boolean cdaRead = r.occurrences().stream().anyMatch(o -> o.place() == Occurrence.Place.CDA_HEADER);
        System.out.println("bytes=" + in.count + " accepted=" + r.accepted() + " cdaHeader=" + cdaRead
                + " maxHeap=" + rt.maxMemory() + " used=" + (rt.totalMemory() - rt.freeMemory()));
        System.out.println(r);
        System.exit(r.accepted() && cdaRead ? 0 : 1);
    }

    static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws java.io.IOException {
            int c = super.read();
            if (c >= 0) {
                count++;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
