package org.vigie.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.vigie.cda.AuthorInstitutionValidator;
import org.vigie.core.Finding;
import org.vigie.core.Report;
import org.vigie.core.StructureDirectory;
import org.vigie.core.StructureId;
import org.vigie.core.cert.TlsPeer;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.doctrine.CertificateDoctrine;
import org.vigie.doctrine.OrganisationFile;
import org.vigie.dmp.DmpPolicy;
import org.vigie.dmp.DmpRequest;
import org.vigie.dmp.DmpRequestValidator;
import org.vigie.saml.VihfInput;
import org.vigie.saml.VihfValidator;
import org.vigie.testkit.CdaBuilder;
import org.vigie.testkit.CertSpec;
import org.vigie.testkit.Compression;
import org.vigie.testkit.CrlSpec;
import org.vigie.testkit.DmpMessageBuilder;
import org.vigie.testkit.OrgCredential;
import org.vigie.testkit.SubmissionDefect;
import org.vigie.testkit.TestDirectory;
import org.vigie.testkit.TestPki;
import org.vigie.testkit.VihfBuilder;
import org.vigie.testkit.VihfDefect;
import org.vigie.testkit.XdsSubmissionBuilder;

/**
 * A corpus of findings and command lines for the language tests: every VIHF defect and submission defect of the test
 * kit, the real samples of {@code ../shared/testdata}, bad certificates and unusable CRLs, hostile and over-limit
 * messages, the doctrine examples, and the {@code check} / {@code plan} commands on the demo cases. Everything is
 * built at fixed instants with the fixed-anchor test PKI, so the corpus is the same on any day.
 */
final class LanguageCorpus {

    /** The real samples; the corpus needs them (the golden file was written with them). */
    static final Path TESTDATA = Path.of("../../shared/testdata").toAbsolutePath().normalize();
    static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    static final TestPki PKI = TestPki.fixed();
    static final Instant AT = TestPki.FIXED_ANCHOR.plus(Duration.ofHours(10));
    static final String EJ = SubmissionDefect.LEGAL_ENTITY;
    static final String EVIL = "1920100013";
    static final OrgCredential AUTH = PKI.authentication(EJ);
    static final OrgCredential SIGN = PKI.signature(EJ);
    static final StructureDirectory DIRECTORY = TestDirectory.usual();

    /** One finding of the corpus, with the case it came from. */
    record Entry(String source, Finding finding) {
    }

    /** One command of the corpus, run in French and in English. */
    record CommandRun(String source, int code, String frOut, String frErr, String enOut, String enErr) {
    }

    private LanguageCorpus() {
    }

    static boolean available() {
        return Files.isDirectory(TESTDATA.resolve("xds")) && Files.isDirectory(EXAMPLES);
    }

    static TrustAnchors anchors() {
        return TrustAnchors.of(List.of(PKI.root()), List.of(PKI.organisationsCa()));
    }

    static TlsPeer peer() {
        return new TlsPeer(AUTH.certificate(), AUTH.chain());
    }

    static VihfBuilder token() {
        return VihfBuilder.indirect(SIGN).at(AT.minusSeconds(30));
    }

    static List<Entry> findings() throws IOException {
        List<Entry> out = new ArrayList<>();
        vihfDefects(out);
        certificates(out);
        submissionDefects(out);
        samples(out);
        hostileMessages(out);
        doctrine(out);
        return out;
    }

    private static void add(List<Entry> out, String source, Report r) {
        for (Finding f : r.findings()) {
            out.add(new Entry(source, f));
        }
    }

    private static void vihfDefects(List<Entry> out) {
        VihfValidator v = VihfValidator.builder().trust(anchors()).crls(PKI.crls()).directory(DIRECTORY).build();
        for (VihfDefect d : VihfDefect.values()) {
            VihfBuilder b = token().breaking(d);
            byte[] bytes = d.needsContainer() ? b.toSecurityHeaderXml().getBytes(StandardCharsets.UTF_8) : b.toBytes();
            add(out, "vihf/" + d, v.validate(peer(), VihfInput.of(bytes), AT).report());
        }
    }

    private static void certificates(List<Entry> out) {
        byte[] good = token().toBytes();
        Map<String, CertSpec> tls = new LinkedHashMap<>();
        tls.put("expired", CertSpec.authentication(EJ).expired());
        tls.put("not-yet-valid", CertSpec.authentication(EJ).notYetValid());
        tls.put("revoked", CertSpec.authentication(EJ).revoked());
        tls.put("foreign-issuer", CertSpec.authentication(EJ).foreignIssuer());
        tls.put("no-eku", CertSpec.authentication(EJ).withoutExtendedKeyUsage());
        tls.put("no-ou", CertSpec.authentication(EJ).noOu());
        tls.put("two-ou", CertSpec.authentication(EJ).twoOu(EJ, EVIL));
        tls.put("other-structure", CertSpec.authentication(EVIL));
        tls.put("persons-ca", CertSpec.authentication(EJ).issuedByPersonsCa());
        tls.put("personal-card", CertSpec.authentication(EJ).personalCard());
        tls.put("policy-oids", CertSpec.authentication(EJ).policyOids("1.2.3.4"));
        VihfValidator v = VihfValidator.builder().trust(anchors()).crls(PKI.crls()).directory(DIRECTORY).build();
        for (Map.Entry<String, CertSpec> e : tls.entrySet()) {
            OrgCredential c = PKI.issue(e.getValue());
            add(out, "tls/" + e.getKey(), v.validate(new TlsPeer(c.certificate(), c.chain()), VihfInput.of(good), AT)
                    .report());
        }
        Map<String, CertSpec> signers = new LinkedHashMap<>();
        signers.put("no-digital-signature", CertSpec.signature(EJ).withoutDigitalSignature());
        signers.put("no-non-repudiation", CertSpec.signature(EJ).withoutNonRepudiation());
        signers.put("expired", CertSpec.signature(EJ).expired());
        signers.put("ca-true", CertSpec.signature(EJ).caTrue());
        for (Map.Entry<String, CertSpec> e : signers.entrySet()) {
            OrgCredential s = PKI.issue(e.getValue());
            byte[] t = VihfBuilder.indirect(s).at(AT.minusSeconds(30)).toBytes();
            add(out, "signer/" + e.getKey(), v.validate(peer(), VihfInput.of(t), AT).report());
        }
        Map<String, CrlSpec> crls = new LinkedHashMap<>();
        crls.put("stale", CrlSpec.current().dates(AT.minus(Duration.ofDays(20)), AT.minus(Duration.ofDays(10))));
        crls.put("not-yet-valid", CrlSpec.current().dates(AT.plus(Duration.ofDays(1)), AT.plus(Duration.ofDays(10))));
        crls.put("no-next-update", CrlSpec.current().withoutNextUpdate());
        crls.put("delta", CrlSpec.current().delta(1));
        crls.put("only-user", CrlSpec.current().onlyContainsUserCerts());
        crls.put("only-ca", CrlSpec.current().onlyContainsCaCerts());
        crls.put("only-attribute", CrlSpec.current().onlyContainsAttributeCerts());
        crls.put("some-reasons", CrlSpec.current().onlySomeReasons());
        crls.put("indirect", CrlSpec.current().indirectCrl());
        crls.put("foreign-key", CrlSpec.current().signedByForeignKey());
        for (Map.Entry<String, CrlSpec> e : crls.entrySet()) {
            X509CRL crl = PKI.crl(e.getValue());
            List<X509CRL> list = List.of(crl, PKI.rootCrl());
            VihfValidator w = VihfValidator.builder().trust(anchors()).crls(list).directory(DIRECTORY).build();
            add(out, "crl/" + e.getKey(), w.validate(peer(), VihfInput.of(good), AT).report());
        }
        VihfValidator noCrl = VihfValidator.builder().trust(anchors()).directory(DIRECTORY).build();
        add(out, "crl/none", noCrl.validate(peer(), VihfInput.of(good), AT).report());
    }

    private static String validSubmission() {
        return XdsSubmissionBuilder.provideAndRegister().document("doc1", CdaBuilder.ciSis().author("CH TEST", "1750100125"))
                .document("doc2", CdaBuilder.ciSis().author("CH TEST", "1750100125")).toXml();
    }

    private static void submissionDefects(List<Entry> out) {
        AuthorInstitutionValidator v = AuthorInstitutionValidator.builder().directory(DIRECTORY).build();
        for (SubmissionDefect d : SubmissionDefect.values()) {
            String xml = d.apply(validSubmission(), EVIL);
            add(out, "submission/" + d, v.validate(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                    Map.of(), StructureId.parse(EJ), AT).report());
        }
    }

    private static DmpRequestValidator dmp(DmpPolicy policy) {
        return DmpRequestValidator.builder().trust(anchors()).crls(PKI.crls()).directory(DIRECTORY)
                .policy(policy).build();
    }

    private static Report request(DmpRequestValidator v, byte[] body, String contentType) {
        DmpRequest.Builder b = DmpRequest.builder(peer(), body).at(AT);
        if (contentType != null) {
            b.contentType(contentType);
        }
        return v.validate(b.build()).report();
    }

    private static void samples(List<Entry> out) throws IOException {
        DmpRequestValidator v = dmp(DmpPolicy.defaults());
        for (String dir : List.of("xds", "vihf")) {
            try (Stream<Path> files = Files.list(TESTDATA.resolve(dir))) {
                for (Path p : files.sorted().toList()) {
                    add(out, dir + "/" + p.getFileName(), request(v, Files.readAllBytes(p), null));
                }
            }
        }
        VihfValidator vv = VihfValidator.builder().trust(anchors()).crls(PKI.crls()).directory(DIRECTORY).build();
        try (Stream<Path> files = Files.list(TESTDATA.resolve("vihf"))) {
            for (Path p : files.sorted().toList()) {
                add(out, "vihf-token/" + p.getFileName(), vv.validate(peer(), VihfInput.of(Files.readAllBytes(p)), AT)
                        .report());
            }
        }
        AuthorInstitutionValidator ai = AuthorInstitutionValidator.builder().directory(DIRECTORY).build();
        try (Stream<Path> files = Files.list(TESTDATA.resolve("cda"))) {
            for (Path p : files.sorted().toList()) {
                String xml = XdsSubmissionBuilder.provideAndRegister()
                        .document("doc1", CdaBuilder.ciSis().author("CH TEST", "1750100125")).toXml();
                byte[] cda = Files.readAllBytes(p);
                String inline = xml.replaceFirst("(<(?:\\w+:)?Document id=\"doc1\"[^>]*>)[^<]*",
                        "$1" + java.util.Base64.getEncoder().encodeToString(cda));
                add(out, "cda/" + p.getFileName(), ai.validate(new ByteArrayInputStream(
                        inline.getBytes(StandardCharsets.UTF_8)), Map.of(), StructureId.parse(EJ), AT).report());
            }
        }
    }

    private static void hostileMessages(List<Entry> out) {
        DmpRequestValidator v = dmp(DmpPolicy.defaults());
        DmpMessageBuilder m = DmpMessageBuilder.feeding(token(), XdsSubmissionBuilder.provideAndRegister()
                .document("doc1", CdaBuilder.ciSis().author("CH TEST", "1750100125")));
        String plain = m.toPlainXml();
        byte[] mtom = m.toMtomBytes();
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        bodies.put("empty", new byte[0]);
        bodies.put("garbage", "hello world".getBytes(StandardCharsets.UTF_8));
        bodies.put("truncated-plain", plain.substring(0, plain.length() / 2).getBytes(StandardCharsets.UTF_8));
        bodies.put("truncated-mtom", java.util.Arrays.copyOf(mtom, mtom.length / 2));
        types.put("truncated-mtom", m.contentType());
        bodies.put("mtom-without-boundary", mtom);
        types.put("mtom-without-boundary", "multipart/related; type=\"application/xop+xml\"");
        bodies.put("mtom-wrong-start", mtom);
        types.put("mtom-wrong-start", m.contentType().replace(m.rootContentId(), "nope@vigie"));
        bodies.put("doctype", ("<!DOCTYPE x [<!ENTITY a \"b\">]>" + plain.replaceFirst("^<\\?xml[^>]*\\?>", ""))
                .getBytes(StandardCharsets.UTF_8));
        bodies.put("no-security", plain.replaceAll("(?s)<wsse:Security.*</wsse:Security>", "")
                .getBytes(StandardCharsets.UTF_8));
        bodies.put("two-security", plain.replaceAll("(?s)(<wsse:Security.*</wsse:Security>)", "$1$1")
                .getBytes(StandardCharsets.UTF_8));
        bodies.put("no-header", plain.replaceAll("(?s)<(\\w+:)?Header.*</(\\w+:)?Header>", "")
                .getBytes(StandardCharsets.UTF_8));
        bodies.put("http-no-body", "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\n".getBytes(StandardCharsets.UTF_8));
        bodies.put("http-bad-header", ("POST / HTTP/1.1\r\nHost x\r\n\r\n" + plain).getBytes(StandardCharsets.UTF_8));
        bodies.put("http-chunked-truncated", ("POST / HTTP/1.1\r\nContent-Type: application/soap+xml\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n400\r\n" + plain.substring(0, 100)).getBytes(StandardCharsets.UTF_8));
        bodies.put("http-chunked-negative", ("POST / HTTP/1.1\r\nContent-Type: application/soap+xml\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n-5\r\nabc\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        bodies.put("http-unknown-coding", ("POST / HTTP/1.1\r\nContent-Type: application/soap+xml\r\n"
                + "Content-Encoding: br\r\n\r\n" + plain).getBytes(StandardCharsets.UTF_8));
        byte[] zeros = new byte[16 * 1024 * 1024];
        byte[] bomb = Compression.gzip(zeros);
        byte[] head = "POST / HTTP/1.1\r\nContent-Type: application/soap+xml\r\nContent-Encoding: gzip\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] bombRequest = new byte[head.length + bomb.length];
        System.arraycopy(head, 0, bombRequest, 0, head.length);
        System.arraycopy(bomb, 0, bombRequest, head.length, bomb.length);
        bodies.put("gzip-bomb", bombRequest);
        bodies.put("deep-nesting", plain.replace("<soap:Body>", "<soap:Body>" + "<a>".repeat(5000))
                .getBytes(StandardCharsets.UTF_8));
        bodies.put("soap11", DmpMessageBuilder.feeding(token(), XdsSubmissionBuilder.provideAndRegister()
                .document("doc1", CdaBuilder.ciSis().author("CH TEST", "1750100125"))).soap11Namespace().toPlainXml()
                .getBytes(StandardCharsets.UTF_8));
        bodies.put("evil-authorInstitution", plain.replace("1750100125", EVIL).getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> e : bodies.entrySet()) {
            add(out, "message/" + e.getKey(), request(v, e.getValue(), types.get(e.getKey())));
        }
        DmpPolicy tiny = DmpPolicy.builder().limits(org.vigie.dmp.RequestLimits.builder().maxVihfBytes(2000)
                .maxSoapHeaderBytes(3000).maxXmlTokenBytes(65_536).maxHttpHeaderBytes(40).maxPartHeaderFields(1)
                .maxPartHeaderLineLength(30).maxDecodedBytes(1000).maxExpansionRatio(2).maxDepth(5).maxParts(2)
                .build()).build();
        DmpRequestValidator limited = dmp(tiny);
        add(out, "limits/plain", request(limited, plain.getBytes(StandardCharsets.UTF_8), null));
        add(out, "limits/mtom", request(limited, mtom, m.contentType()));
        add(out, "limits/http", request(limited, ("POST / HTTP/1.1\r\nContent-Type: application/soap+xml\r\n"
                + "X-Long: " + "x".repeat(100) + "\r\n\r\n" + plain).getBytes(StandardCharsets.UTF_8), null));
        add(out, "limits/gzip", request(limited, bombRequest, null));
        String comment = "<!--" + "c".repeat(70_000) + "-->";
        DmpRequestValidator roomy = dmp(DmpPolicy.builder().limits(org.vigie.dmp.RequestLimits.builder()
                .maxXmlTokenBytes(65_536).maxSoapHeaderBytes(1_000_000).build()).build());
        add(out, "limits/token-in-header", request(roomy, plain.replaceFirst("<wsse:Security", comment + "<wsse:Security")
                .getBytes(StandardCharsets.UTF_8), null));
        add(out, "limits/token-in-body", request(roomy, plain.replace("<soap:Body>", "<soap:Body>" + comment)
                .getBytes(StandardCharsets.UTF_8), null));
        add(out, "limits/token-in-mtom", request(roomy, new String(mtom, StandardCharsets.ISO_8859_1)
                .replace("<soap:Body>", "<soap:Body>" + comment).getBytes(StandardCharsets.ISO_8859_1), m.contentType()));
    }

    private static void doctrine(List<Entry> out) throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".json")).sorted()
                    .toList()) {
                OrganisationFile read = OrganisationFileParser.read(p, null);
                if (!read.usable()) {
                    continue;
                }
                for (LocalDate d : List.of(LocalDate.of(2022, 6, 1), LocalDate.of(2026, 6, 1))) {
                    add(out, "doctrine/" + p.getFileName() + "@" + d, CertificateDoctrine.builder().build()
                            .evaluate(read.organisation().get(), d).audit());
                }
            }
        }
    }

    /** The commands: {@code check} on every demo case, {@code plan} on every example and on broken files. */
    static List<CommandRun> commands(Path dir) throws IOException {
        List<CommandRun> out = new ArrayList<>();
        DemoScenario scenario = new DemoScenario();
        List<DemoScenario.Case> cases = scenario.cases();
        DemoCommand.write(dir, scenario, cases);
        for (DemoScenario.Case c : cases) {
            List<String> a = new ArrayList<>();
            for (String s : DemoCommand.checkArgs(c)) {
                a.add(s.startsWith("cases/") || s.startsWith("finess/") || s.startsWith("trust/")
                        ? dir.resolve(s).toString() : s);
            }
            out.add(both("check/" + c.id(), dir, a));
            List<String> json = new ArrayList<>(a);
            json.addAll(List.of("--format", "json"));
            out.add(both("check-json/" + c.id(), dir, json));
        }
        String tls = dir.resolve("cases/01-conforme-mtom/tls.pem").toString();
        out.add(both("check/missing-file", dir, List.of("check", "--tls-cert", tls, "--message",
                dir.resolve("nope.xml").toString(), "--at", "2026-03-02")));
        out.add(both("check/bad-at", dir, List.of("check", "--tls-cert", tls, "--message", tls, "--at", "demain")));
        out.add(both("check/not-a-certificate", dir, List.of("check", "--tls-cert",
                dir.resolve("finess/demo-ej.csv").toString(), "--message", tls, "--at", "2026-03-02")));
        Path garbage = dir.resolve("garbage.xml");
        Files.writeString(garbage, "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Hea");
        out.add(both("check/garbage", dir, List.of("check", "--tls-cert", tls, "--message", garbage.toString(),
                "--trust", dir.resolve("trust/demo-ca.pem").toString(), "--at", "2026-03-02T09:00:00Z")));
        Path badPolicy = dir.resolve("bad.properties");
        Files.writeString(badPolicy, "limits.maxVihfBytes=abc\nnot.a.key=1\n");
        out.add(both("check/bad-policy", dir, List.of("check", "--tls-cert", tls, "--message", garbage.toString(),
                "--policy", badPolicy.toString(), "--at", "2026-03-02")));
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".json")).sorted()
                    .toList()) {
                out.add(both("plan/" + p.getFileName(), dir, List.of("plan", p.toString(), "--at", "2026-06-01")));
            }
        }
        Path badOrg = dir.resolve("org.yaml");
        Files.writeString(badOrg, "organisation: X\ncorridor: hospitall\nmembers:\n  - finess: 12\n");
        out.add(both("plan/broken", dir, List.of("plan", badOrg.toString(), "--at", "2026-06-01")));
        out.add(both("plan/missing", dir, List.of("plan", dir.resolve("none.yaml").toString())));
        return out;
    }

    private static CommandRun both(String source, Path dir, List<String> args) {
        String[] fr = run(args, dir);
        List<String> en = new ArrayList<>(args);
        en.addAll(List.of("--lang", "en"));
        String[] e = run(en, dir);
        return new CommandRun(source, Integer.parseInt(fr[2]), fr[0], fr[1], e[0], e[1]);
    }

    private static String[] run(List<String> args, Path dir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VigieCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        String d = dir.toString();
        return new String[] {out.toString().replace(d, "$DIR").replace(EXAMPLES.toString(), "$EXAMPLES"),
                err.toString().replace(d, "$DIR").replace(EXAMPLES.toString(), "$EXAMPLES"), String.valueOf(code)};
    }

    /** A stream supplier for a document map (kept for corpus extensions). */
    static Supplier<InputStream> bytes(byte[] b) {
        return () -> new ByteArrayInputStream(b);
    }
}
