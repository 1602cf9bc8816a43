package org.vigie.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vigie.cda.ContentIds;
import org.vigie.core.Report;
import org.vigie.core.StructureDirectory;
import org.vigie.core.cert.CertificateFiles;
import org.vigie.core.cert.TlsPeer;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.core.finess.FinessLoader;
import org.vigie.core.finess.LoadResult;
import org.vigie.dmp.DmpParts;
import org.vigie.dmp.DmpPolicy;
import org.vigie.dmp.DmpRequest;
import org.vigie.dmp.DmpRequestValidator;
import org.vigie.dmp.DmpValidation;
import org.vigie.saml.VihfInput;

/**
 * The code path shared by {@code vigie check} and {@code vigie demo}: loads the files named by a {@link Request},
 * builds a {@link DmpRequestValidator} and validates. Unusable files raise {@link UnusableInputException}.
 */
final class Checker {

    /** What to check; paths as given on the command line. */
    record Request(Path tlsCert, Path message, Path vihf, Path submission, List<String> cda, String contentType,
                   List<Path> directory, List<Path> trust, boolean trustTest, List<Path> crl, String at, Path policy) {
    }

    /** The report and a few context lines for the text output. */
    record Outcome(Report report, List<String> context) {
    }

    /**
     * Santuario reports digest mismatches through java.util.logging WARNINGs; the report already says it (as
     * VIHF-SIGNATURE), so the command line keeps its stderr for its own one-line reasons. Held here so that the
     * configured logger is not garbage-collected.
     */
    private static final java.util.logging.Logger XMLSEC_LOG = java.util.logging.Logger.getLogger("org.apache.xml.security");

    static {
        XMLSEC_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private final PrintWriter err;

    Checker(PrintWriter err) {
        this.err = err;
    }

    Outcome check(Request r) throws IOException {
        List<X509Certificate> tls = certificates(r.tlsCert(), "certificat TLS");
        if (tls.isEmpty()) {
            throw new UnusableInputException("aucun certificat dans " + r.tlsCert());
        }
        Instant at = instant(r.at());
        DmpRequestValidator.Builder b = DmpRequestValidator.builder().trust(trust(r)).crls(crls(r.crl()));
        DmpPolicy policy = r.policy() == null ? DmpPolicy.defaults() : PolicyFile.load(r.policy());
        b.policy(policy);
        if (!r.directory().isEmpty()) {
            b.directory(directory(r.directory(), err));
        }
        DmpRequestValidator validator = b.build();
        TlsPeer peer = TlsPeer.ofChain(tls);
        List<String> context = new ArrayList<>();
        context.add("Certificat TLS : " + peer.certificate().getSubjectX500Principal().getName());
        if (r.message() != null) {
            DmpValidation v;
            try (InputStream in = open(r.message())) {
                DmpRequest.Builder request = DmpRequest.builder(peer, () -> in).at(at);
                if (r.contentType() != null) {
                    request.contentType(r.contentType());
                }
                v = validator.validate(request.build());
            }
            context.add("Requête : " + r.message() + " — " + v.framing() + v.soapVersion().map(s -> ", SOAP " + s).orElse(""));
            context.add("Action : " + v.action().orElse("(absente)") + (v.feeding()
                    ? " — alimentation ITI-41 : contrôles 1 et 2"
                    : " — contrôle 1 seul (pas d'alimentation)"));
            if (!v.attachments().isEmpty()) {
                context.add("Pièces MTOM lues : " + String.join(", ", v.attachments()));
            }
            context.add("Évaluée à : " + at);
            return new Outcome(v.report(), context);
        }
        VihfInput vihf;
        try (InputStream in = open(r.vihf())) {
            vihf = VihfInput.of(in); // bounded read (VihfInput.MAX_STREAM_BYTES): never the whole of a huge file
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        Map<String, Supplier<InputStream>> docs = new LinkedHashMap<>();
        for (String spec : r.cda()) {
            int eq = spec.indexOf('=');
            Path p = Path.of(eq < 0 ? spec : spec.substring(eq + 1));
            // a cid: URL as written in xop:Include, or else a Content-ID (default: the file name): resolved by the
            // one matcher (cda's public ContentIds, delegating to core's), exactly, as the receiver resolves MTOM parts
            String href = eq < 0 ? p.getFileName().toString() : spec.substring(0, eq);
            if (ContentIds.isCidUrl(href)) {
                String h = href;
                ContentIds.problem(href).ifPresent(m -> err.println("vigie: --cda " + h + " : " + m));
            }
            if (!Files.isRegularFile(p)) {
                throw new UnusableInputException("fichier introuvable : " + p);
            }
            docs.put(href, () -> {
                try {
                    return Files.newInputStream(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        DmpParts.Builder parts = DmpParts.builder(peer, vihf).documents(docs).at(at);
        DmpValidation v;
        if (r.submission() != null) {
            try (InputStream sub = open(r.submission())) {
                v = validator.validate(parts.submission(() -> sub).build());
            }
        } else {
            v = validator.validate(parts.build());
        }
        context.add("Jeton VIHF : " + r.vihf() + (r.submission() == null ? " — contrôle 1 seul"
                : " ; métadonnées : " + r.submission() + " ; documents : " + docs.keySet()));
        context.add("Évaluée à : " + at);
        return new Outcome(v.report(), context);
    }

    static InputStream open(Path p) throws IOException {
        if (p.toString().equals("-")) {
            return new java.io.FilterInputStream(System.in) {
                @Override
                public void close() {
                    // leave stdin open
                }
            };
        }
        if (!Files.isRegularFile(p)) {
            throw new UnusableInputException("fichier introuvable : " + p);
        }
        return new java.io.BufferedInputStream(Files.newInputStream(p), 64 * 1024);
    }

    static Instant instant(String at) {
        if (at == null || at.isBlank()) {
            return Instant.now();
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(at).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(at).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    throw new UnusableInputException("--at illisible : « " + at + " » (attendu ISO-8601, ex. 2026-03-01T10:00:00Z)");
                }
            }
        }
    }

    private static TrustAnchors trust(Request r) throws IOException {
        return trustAnchors(r.trust(), r.trustTest());
    }

    /** The anchors of {@code --trust} / {@code --trust-test} ({@link TrustAnchors#configured}), file errors as one line. */
    static TrustAnchors trustAnchors(List<Path> files, boolean trustTest) throws IOException {
        try {
            return TrustAnchors.configured(files, trustTest);
        } catch (NoSuchFileException e) {
            throw new UnusableInputException("fichier introuvable (ancre de confiance) : " + e.getFile());
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException(e.getMessage() + " (ancre de confiance)", e);
        }
    }

    static List<X509Certificate> certificates(Path p, String what) throws IOException {
        try {
            return CertificateFiles.certificates(p);
        } catch (NoSuchFileException e) {
            throw new UnusableInputException("fichier introuvable (" + what + ") : " + p);
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException(e.getMessage() + " (" + what + ")", e);
        }
    }

    static List<X509CRL> crls(List<Path> files) throws IOException {
        try {
            return CertificateFiles.crls(files);
        } catch (NoSuchFileException e) {
            throw new UnusableInputException("fichier introuvable (CRL) : " + e.getFile());
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException(e.getMessage(), e);
        }
    }

    /** Loads FINESS extracts for {@code check} and {@code serve}; rejected lines are counted on {@code err}. */
    static StructureDirectory directory(List<Path> files, PrintWriter err) throws IOException {
        FinessLoader loader = new FinessLoader();
        for (Path p : files) {
            if (!Files.isRegularFile(p)) {
                throw new UnusableInputException("fichier introuvable (annuaire) : " + p);
            }
            loader.load(p);
        }
        LoadResult res = loader.result();
        if (res.rejectionCount() > 0) {
            err.println("vigie: annuaire : " + res.rejectionCount() + " ligne(s) rejetée(s), voir « vigie finess »");
        }
        return res.directory();
    }
}
