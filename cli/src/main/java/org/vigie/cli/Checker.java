package org.vigie.cli;

import java.util.Locale;
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
    private final Locale locale;

    Checker(PrintWriter err) {
        this(err, Locale.FRENCH);
    }

    /** A checker whose context lines are in {@code locale}'s language (French or English). */
    Checker(PrintWriter err, Locale locale) {
        this.err = err;
        this.locale = locale;
    }

    private String t(String key, Object... args) {
        return CliText.get(locale, key, args);
    }

    /** The framing of {@link DmpValidation#framing()} in the checker's language. */
    private String framing(String f) {
        if (f.equals(DmpValidation.PARTS)) {
            return t("framing.parts");
        }
        if (f.equals("illisible")) {
            return t("framing.unreadable");
        }
        String out = f;
        if (out.startsWith("capture HTTP")) {
            out = t("framing.http") + out.substring("capture HTTP".length());
        } else if (out.startsWith("corps")) {
            out = t("framing.body") + out.substring("corps".length());
        }
        return out.replace("SOAP simple", t("framing.plain"))
                .replace("délimiteur lu sur la première ligne", t("framing.first-line"));
    }

    Outcome check(Request r) throws IOException {
        List<X509Certificate> tls = certificates(r.tlsCert(), CliText.msg("what.tls"));
        if (tls.isEmpty()) {
            throw new UnusableInputException(CliText.msg("err.no-certificate", r.tlsCert()));
        }
        Instant at = instant(r.at());
        DmpRequestValidator.Builder b = DmpRequestValidator.builder().trust(trust(r)).crls(crls(r.crl()));
        DmpPolicy policy = r.policy() == null ? DmpPolicy.defaults() : PolicyFile.load(r.policy());
        b.policy(policy);
        if (!r.directory().isEmpty()) {
            b.directory(directory(r.directory(), err, locale));
        }
        DmpRequestValidator validator = b.build();
        TlsPeer peer = TlsPeer.ofChain(tls);
        List<String> context = new ArrayList<>();
        context.add(t("ctx.tls", peer.certificate().getSubjectX500Principal().getName()));
        if (r.message() != null) {
            DmpValidation v;
            try (InputStream in = open(r.message())) {
                DmpRequest.Builder request = DmpRequest.builder(peer, () -> in).at(at);
                if (r.contentType() != null) {
                    request.contentType(r.contentType());
                }
                v = validator.validate(request.build());
            }
            context.add(t("ctx.request", r.message(), framing(v.framing()),
                    v.soapVersion().map(s -> t("ctx.soap", s)).orElse("")));
            context.add(t(v.feeding() ? "ctx.action.feeding" : "ctx.action.control1",
                    v.action().orElse(t("ctx.action.absent"))));
            if (!v.attachments().isEmpty()) {
                context.add(t("ctx.attachments", String.join(", ", v.attachments())));
            }
            context.add(t("ctx.at", at));
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
                throw new UnusableInputException(CliText.msg("err.file-not-found", p));
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
        context.add(r.submission() == null ? t("ctx.vihf.only", r.vihf())
                : t("ctx.vihf.parts", r.vihf(), r.submission(), docs.keySet()));
        context.add(t("ctx.at", at));
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
            throw new UnusableInputException(CliText.msg("err.file-not-found", p));
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
                    throw new UnusableInputException(CliText.msg("err.at", at));
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
            throw new UnusableInputException(CliText.msg("err.file-not-found-what", CliText.msg("what.anchor"), e.getFile()));
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException(CliText.msg("err.what", e, CliText.msg("what.anchor")), e);
        }
    }

    static List<X509Certificate> certificates(Path p, Object what) throws IOException {
        try {
            return CertificateFiles.certificates(p);
        } catch (NoSuchFileException e) {
            throw new UnusableInputException(CliText.msg("err.file-not-found-what", what, p));
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException(CliText.msg("err.what", e, what), e);
        }
    }

    static List<X509CRL> crls(List<Path> files) throws IOException {
        try {
            return CertificateFiles.crls(files);
        } catch (NoSuchFileException e) {
            throw new UnusableInputException(CliText.msg("err.file-not-found-what", CliText.msg("what.crl"), e.getFile()));
        } catch (IllegalArgumentException e) {
            throw new UnusableInputException(CliText.msg("err.plain", e), e);
        }
    }

    /** Loads FINESS extracts for {@code check} and {@code serve}; rejected lines are counted on {@code err}. */
    static StructureDirectory directory(List<Path> files, PrintWriter err) throws IOException {
        return directory(files, err, Locale.FRENCH);
    }

    /** {@link #directory(List, PrintWriter)} with its line on {@code err} in {@code locale}'s language. */
    static StructureDirectory directory(List<Path> files, PrintWriter err, Locale locale) throws IOException {
        FinessLoader loader = new FinessLoader();
        for (Path p : files) {
            if (!Files.isRegularFile(p)) {
                throw new UnusableInputException(CliText.msg("err.file-not-found-what", CliText.msg("what.directory"), p));
            }
            loader.load(p);
        }
        LoadResult res = loader.result();
        if (res.rejectionCount() > 0) {
            err.println("vigie: " + CliText.get(locale, "err.directory-rejected", res.rejectionCount()));
        }
        return res.directory();
    }
}
