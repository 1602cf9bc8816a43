package org.vigie.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.dmp.DmpPolicy;
import org.vigie.dmp.DmpRequestValidator;
import org.vigie.server.ClientAuth;
import org.vigie.server.JournalLimits;
import org.vigie.server.ServerLimits;
import org.vigie.server.VigieServer;
import org.vigie.testkit.OrgCredential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie serve}: a local DMP endpoint over mutual TLS (module {@code server}). Prints its URL, then one JSON
 * access-log line per request on stdout, until interrupted (Ctrl-C: graceful stop). With {@code --demo-pki} it
 * trusts the demo PKI of {@code vigie demo} and writes a client PKCS#12, PEM files and ready-made requests a
 * connector (or curl) can use at once.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Point DMP local en TLS mutuel : reçoit les requêtes SOAP/MTOM comme le DMP, les vérifie avec le "
                + "certificat client de la poignée de main TLS (contrôles 1 et 2) et répond comme le DMP "
                + "(RegistryResponse Success/Failure, codes d'erreur = règles Vigie), dans la version SOAP de la requête "
                + "(1.2, ou 1.1 : text/xml). Corps compressés (Content-Encoding gzip, deflate) décodés.",
                "Affiche son URL puis une ligne JSON par requête ; Ctrl-C pour l'arrêter proprement."})
public final class ServeCommand implements Callable<Integer> {

    /** Password of the demo client PKCS#12. */
    static final String DEMO_PASSWORD = "vigie";

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8443", description = "Port d'écoute (0 : au hasard ; défaut ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Adresse d'écoute (défaut ${DEFAULT-VALUE} : boucle locale seulement).")
    String bind;

    @Option(names = "--keystore", paramLabel = "FILE",
            description = "Clé et certificat TLS du serveur (PKCS#12) ; défaut : certificat auto-signé pour localhost, écrit en server.pem.")
    Path keystore;

    @Option(names = "--keystore-password", paramLabel = "PW", defaultValue = "",
            description = "Mot de passe du --keystore.")
    String keystorePassword;

    @Mixin
    TrustOptions trustOptions;

    @Option(names = "--demo-pki",
            description = "PKI et annuaire de démonstration (ceux de « vigie demo ») ; écrit dans --out le certificat client "
                    + "(client.p12, client.pem, client-key.pem), server.pem et des requêtes prêtes à envoyer.")
    boolean demoPki;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "vigie-serve-demo",
            description = "Dossier des fichiers écrits (défaut ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    DirectoryOption directory;

    @Mixin
    PolicyOption policy;

    @Mixin
    LangOption lang;

    @Option(names = "--client-auth", paramLabel = "MODE", defaultValue = "DIAGNOSE",
            description = "DIAGNOSE (défaut) : tout certificat client accepté à la poignée de main puis jugé par les règles "
                    + "CERT-* ; STRICT : comme le DMP, certificat absent ou hors des ancres refusé à la poignée de main.")
    ClientAuth clientAuth;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "1073741824",
            description = "Taille maximale d'un corps de requête, reçu et une fois décompressé (gzip, deflate) ; au-delà : "
                    + "HTTP 413 (défaut ${DEFAULT-VALUE}).")
    long maxBody;

    @Option(names = "--max-concurrent", paramLabel = "N", defaultValue = "16",
            description = "Requêtes vérifiées en même temps (défaut ${DEFAULT-VALUE}).")
    int maxConcurrent;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Durée maximale d'une requête (défaut ${DEFAULT-VALUE} s).")
    int timeoutSeconds;

    @Option(names = "--no-journal",
            description = "Sans journal des requêtes en mémoire (ni pages GET / et /requests/N).")
    boolean noJournal;

    @Option(names = "--journal", paramLabel = "DIR",
            description = "Écrit chaque requête dans DIR : NNNNNN.raw (corps tel que reçu, borné par --journal-entry-bytes) "
                    + "et NNNNNN.json (entrée et rapport JSON), pour un artefact de CI ; numérotation poursuivie si DIR en contient déjà.")
    Path journalDir;

    @Option(names = "--journal-entries", paramLabel = "N", defaultValue = "100",
            description = "Requêtes gardées en mémoire par le journal, les plus anciennes évincées (défaut ${DEFAULT-VALUE}).")
    int journalEntries;

    @Option(names = "--journal-entry-bytes", paramLabel = "BYTES", defaultValue = "2097152",
            description = "Octets du corps brut gardés par requête (en mémoire et dans --journal) ; au-delà, copie tronquée "
                    + "et signalée (défaut ${DEFAULT-VALUE}).")
    long journalEntryBytes;

    @Option(names = "--journal-bytes", paramLabel = "BYTES", defaultValue = "16777216",
            description = "Octets gardés en mémoire par le journal, toutes requêtes comprises (corps bruts et rapports JSON) ; "
                    + "au-delà, les plus anciennes évincées (défaut ${DEFAULT-VALUE}).")
    long journalBytes;

    @Option(names = "--journal-remote",
            description = "Sert les pages du journal à tout client (défaut : boucle locale seulement, elles montrent des "
                    + "requêtes de santé).")
    boolean journalRemote;

    /**
     * The clock that gives each request's evaluation instant, and the instant the {@code --demo-pki} scenario is built
     * at (its PKI anchored the day before, so that it is valid for three years from the start of the server).
     */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
        VigieServer server = start();
        CountDownLatch stopped = new CountDownLatch(1);
        PrintWriter o = spec.commandLine().getOut();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            o.println(CliText.get(lang.locale(), "serve.stopped", server.served()));
            o.flush();
            stopped.countDown();
        }, "vigie-serve-stop"));
        stopped.await();
        return ExitCodes.OK;
    }

    /** Builds, starts and announces the server (the part of {@link #call()} tests use). */
    VigieServer start() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (demoPki && (!trustOptions.trust.isEmpty() || trustOptions.trustTest)) {
            throw new UnusableInputException(CliText.msg("serve.err.demo-and-trust"));
        }
        DemoScenario demo = demoPki ? new DemoScenario(clock.instant().truncatedTo(ChronoUnit.SECONDS)) : null;
        if (demo != null || keystore == null) {
            Files.createDirectories(out);
        }
        TrustAnchors anchors;
        List<X509CRL> crls = new ArrayList<>(trustOptions.crls());
        List<Path> extracts = new ArrayList<>(directory.directory);
        if (demo != null) {
            anchors = demo.pki.trust();
            crls.addAll(demo.pki.crls());
            if (extracts.isEmpty()) {
                Path finess = out.resolve("finess");
                Files.createDirectories(finess);
                Files.writeString(finess.resolve("demo-etalab.csv"), DemoScenario.etalab(), StandardCharsets.UTF_8);
                Files.writeString(finess.resolve("demo-ej.csv"), DemoScenario.ejExtract(), StandardCharsets.UTF_8);
                extracts.add(finess.resolve("demo-etalab.csv"));
                extracts.add(finess.resolve("demo-ej.csv"));
            }
        } else {
            anchors = trustOptions.anchors();
        }
        DmpRequestValidator.Builder vb = DmpRequestValidator.builder().trust(anchors).crls(crls)
                .policy(servedPolicy(demo != null));
        if (!extracts.isEmpty()) {
            vb.directory(Checker.directory(extracts, err));
        }
        ServerLimits limits = ServerLimits.builder().maxBodyBytes(maxBody).maxConcurrentRequests(maxConcurrent)
                .requestTimeout(Duration.ofSeconds(timeoutSeconds)).build();
        JournalLimits journal;
        try {
            journal = JournalLimits.builder().maxEntries(journalEntries).maxEntryBytes(journalEntryBytes)
                    .maxTotalBytes(journalBytes).build();
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException(CliText.msg("serve.err.journal-limits", e.getMessage()));
        }
        DmpRequestValidator validator = vb.build();
        VigieServer.Builder sb = VigieServer.builder().validator(validator).clock(clock).clientTrust(anchors).clientAuth(clientAuth)
                .limits(limits).locale(lang.locale()).address(new InetSocketAddress(InetAddress.getByName(bind), port))
                .journal(noJournal ? JournalLimits.disabled() : journal).journalDirectory(journalDir)
                .journalRemoteAccess(journalRemote)
                .accessLog(line -> {
                    synchronized (o) {
                        o.println(line);
                        o.flush();
                    }
                });
        if (keystore != null) {
            sb.keyStore(keyStore(keystore, keystorePassword.toCharArray()), keystorePassword.toCharArray());
        }
        if (demo != null) {
            writeDemo(demo, out); // before the server is up: once it is announced, every file is there
        }
        if (journalDir != null) {
            try {
                Files.createDirectories(journalDir);
            } catch (IOException e) {
                throw new UnusableInputException(CliText.msg("serve.err.journal-dir", journalDir, e.toString()));
            }
        }
        VigieServer server = sb.start();
        Path serverPem = null;
        if (keystore == null) {
            serverPem = out.resolve("server.pem");
            Files.writeString(serverPem, DemoScenario.pem(server.serverCertificate()), StandardCharsets.US_ASCII);
        }
        Locale l = lang.locale();
        o.println(CliText.get(l, "serve.url", server.url(), server.healthUrl()));
        o.println(CliText.get(l, clientAuth == ClientAuth.STRICT ? "serve.client.strict" : "serve.client.diagnose"));
        o.println(CliText.get(l, "serve.anchors", demo != null ? CliText.msg("serve.anchors.demo") : describe(anchors),
                extracts.isEmpty() ? CliText.msg("serve.directory.none") : CliText.msg("serve.directory", extracts.size())));
        o.println(validator.profile().strict() ? CliText.get(l, "serve.profile.strict", validator.profile().id())
                : CliText.get(l, "serve.profile.relaxed", validator.profile().id(),
                        String.join(" ; ", validator.profile().relaxations(l))));
        server.journalUrl().ifPresent(u -> o.println(CliText.get(l, "serve.journal", u,
                CliText.msg(journalRemote ? "serve.journal.remote" : "serve.journal.loopback"), journalEntries,
                journalEntryBytes, journalBytes)));
        server.journalDirectory().ifPresent(d -> o.println(CliText.get(l, "serve.journal.dir", d.toAbsolutePath())));
        if (serverPem != null) {
            o.println(CliText.get(l, "serve.server-cert", serverPem.toAbsolutePath()));
        }
        if (demo != null) {
            Path d = out.toAbsolutePath();
            o.println(CliText.get(l, "serve.demo.files", d));
            o.println(CliText.get(l, "serve.demo.client", DEMO_PASSWORD, DemoScenario.CHU.name(), DemoScenario.CHU.idNat()));
            o.println(CliText.get(l, "serve.demo.requests"));
            o.println(CliText.get(l, "serve.demo.try", "curl --cacert " + d.resolve("server.pem") + " --cert "
                    + d.resolve("client.pem") + " --key " + d.resolve("client-key.pem") + " -H \"Content-Type: $(cat "
                    + d.resolve("requests/01-conforme-mtom.content-type") + ")\" --data-binary @"
                    + d.resolve("requests/01-conforme-mtom.mtom") + " " + server.url()));
        }
        o.println(CliText.get(l, "serve.ready"));
        o.flush();
        return server;
    }

    /** The {@code --policy} (or default) policy; named {@link DmpPolicy#DEMO_PROFILE} with {@code --demo-pki}. */
    private DmpPolicy servedPolicy(boolean demo) throws IOException {
        DmpPolicy p = policy.policy();
        return demo ? p.toBuilder().profileId(DmpPolicy.DEMO_PROFILE).build() : p;
    }

    /** Writes the client credential (PKCS#12 and PEM) and every demo request, with its Content-Type. */
    static void writeDemo(DemoScenario demo, Path dir) throws IOException {
        OrgCredential auth = demo.auth;
        Files.write(dir.resolve("client.p12"), auth.pkcs12(DEMO_PASSWORD.toCharArray()));
        Files.writeString(dir.resolve("client.pem"), DemoScenario.tlsPem(auth), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("client-key.pem"), auth.privateKeyPem(), StandardCharsets.US_ASCII);
        Path trustDir = dir.resolve("trust");
        Files.createDirectories(trustDir);
        Files.writeString(trustDir.resolve("demo-ca.pem"), demo.trustPem(), StandardCharsets.US_ASCII);
        Path req = dir.resolve("requests");
        Files.createDirectories(req);
        for (DemoScenario.Case c : demo.cases()) {
            String ext = c.contentType().startsWith("multipart/") ? ".mtom" : ".xml";
            Files.write(req.resolve(c.id() + ext), c.message());
            Files.writeString(req.resolve(c.id() + ".content-type"), c.contentType(), StandardCharsets.US_ASCII);
            if (c.tls() != auth) {
                // this case needs its own TLS certificate (expired, revoked, signature certificate, other EJ...)
                Files.writeString(req.resolve(c.id() + ".client.pem"), DemoScenario.tlsPem(c.tls()), StandardCharsets.US_ASCII);
                Files.writeString(req.resolve(c.id() + ".client-key.pem"), c.tls().privateKeyPem(), StandardCharsets.US_ASCII);
            }
        }
    }

    private static CliText.Msg describe(TrustAnchors t) {
        return CliText.msg("serve.anchors.list", t.anchors().size(), t.anchors().stream()
                .map(c -> c.getSubjectX500Principal().getName().replaceFirst("^CN=([^,]+).*", "$1")).distinct()
                .reduce((a, b) -> a + ", " + b).map(Object.class::cast).orElse(CliText.msg("serve.anchors.none")));
    }

    private static KeyStore keyStore(Path file, char[] password) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UnusableInputException(CliText.msg("serve.err.keystore-missing", file));
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return ks;
        } catch (GeneralSecurityException e) {
            throw new UnusableInputException(CliText.msg("serve.err.keystore-unreadable", file), e);
        }
    }
}
