package org.vigie.dmp;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.vigie.cda.AuthorInstitutionValidation;
import org.vigie.cda.AuthorInstitutionValidator;
import org.vigie.cda.ContentIds;
import org.vigie.core.Location;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.Severity;
import org.vigie.core.StructureDirectory;
import org.vigie.core.StructureId;
import org.vigie.core.cert.TlsPeer;
import org.vigie.core.cert.TrustAnchors;
import org.vigie.dmp.internal.MessageReader;
import org.vigie.dmp.internal.RequestVisitor;
import org.vigie.dmp.internal.SoapHeaderInfo;
import org.vigie.saml.VihfValidation;
import org.vigie.saml.SectorValueSet;
import org.vigie.saml.VihfInput;
import org.vigie.saml.VihfValidator;
import org.w3c.dom.Element;

/**
 * One call, one report: validates a DMP request as the connector sends it (TLS client certificate + SOAP or MTOM
 * request) against control 1 (VIHF vs certificate) and, for an ITI-41 feeding, control 2 (authorInstitution).
 *
 * <pre>{@code
 * DmpRequestValidator validator = DmpRequestValidator.builder()
 *         .policy(DmpPolicy.defaults())
 *         .trust(TrustAnchors.igcSanteProduction())
 *         .crls(crls)
 *         .directory(directory)
 *         .clock(Clock.systemUTC())
 *         .build();                        // once; immutable and thread-safe
 * DmpValidation v = validator.validate(DmpRequest.builder(TlsPeer.of(tlsCertificate), requestBytes)
 *         .contentType(contentType).build());
 * }</pre>
 *
 * The request is read once, as a stream: the VIHF Assertion is captured from {@code wsse:Security}, the
 * {@code ProvideAndRegisterDocumentSetRequest} metadata is read with StAX, and each document (inline base64 or
 * MTOM/XOP attachment) is read until the end of its CDA header only; memory does not grow with document size.
 * Bad input gives findings ({@code AI-XML}, {@code VIHF-XML}), never an exception; exceptions are for misuse
 * (null arguments). Non-feeding transactions (queries, updates) get control 1 only.
 */
public final class DmpRequestValidator {

    /** The WS-Addressing Action of an ITI-41 feeding. */
    public static final String ITI41_ACTION = "urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b";

    private static final Location SECURITY = Location.of("soap:Header").child("wsse:Security");

    private final DmpPolicy policy;
    private final Clock clock;
    private final VihfValidator vihfValidator;
    private final AuthorInstitutionValidator aiValidator;
    private final MessageReader reader;
    private final org.vigie.core.PolicyProfile profile;

    private DmpRequestValidator(Builder b) {
        this.policy = b.policy;
        this.profile = b.policy.profile(b.trust);
        this.clock = b.clock;
        VihfValidator.Builder vb = VihfValidator.builder().policy(b.policy.vihf()).trust(b.trust).crls(b.crls).clock(b.clock);
        AuthorInstitutionValidator.Builder ab = AuthorInstitutionValidator.builder().policy(b.policy.authorInstitution());
        if (b.directory != null) {
            vb.directory(b.directory);
            ab.directory(b.directory);
        }
        this.vihfValidator = vb.build();
        this.aiValidator = ab.build();
        this.reader = new MessageReader(b.policy.limits(), b.policy.requireWsAddressing());
    }

    /** A builder with the defaults: default policy, IGC-Santé production anchors, no CRL, no directory, UTC clock. */
    public static Builder builder() {
        return new Builder();
    }

    /** The profile every report of this validator names: {@link DmpPolicy#profile(TrustAnchors)} of its policy and trust. */
    public org.vigie.core.PolicyProfile profile() {
        return profile;
    }

    /** The policy this validator applies. */
    public DmpPolicy policy() {
        return policy;
    }

    /**
     * Validates a request: control 1 always, control 2 when the body holds an ITI-41 feeding.
     *
     * @param request the TLS peer, the body, its Content-Type if known, the evaluation instant if fixed (else the
     *                clock's current instant)
     * @return the report and what was read of the request
     */
    public DmpValidation validate(DmpRequest request) {
        Objects.requireNonNull(request, "request");
        Instant at = request.at().orElseGet(clock::instant);
        return validateRequest(request.peer().certificate(), request.peer().chain(), request.openBody(),
                request.contentType().orElse(null), at);
    }

    /**
     * Validates a request held as separate parts: control 1 on the VIHF, control 2 when a submission is given.
     *
     * @param parts the TLS peer, the VIHF, the submission and its documents, the evaluation instant if fixed (else the
     *              clock's current instant)
     * @return the report and what was read: {@link DmpValidation#PARTS} as framing, no SOAP version or action,
     *         {@code feeding()} when a submission was given (control 2 ran), the Content-IDs of the documents read
     */
    public DmpValidation validate(DmpParts parts) {
        Objects.requireNonNull(parts, "parts");
        Instant at = parts.at().orElseGet(clock::instant);
        return validateParts(parts.peer(), parts.vihf(), parts.openSubmission().orElse(null), parts.documents(), at);
    }

    /**
     * Validates a request at the clock's current instant.
     *
     * @param tlsCertificate     the TLS client (ORG_AUTH_CLI) certificate of the connection
     * @param tlsChain           its chain as presented (may be empty)
     * @param request            the request bytes: SOAP envelope, MTOM body, or either behind a captured HTTP header
     *                           block (not closed)
     * @param contentTypeOrNull  the HTTP Content-Type, or null to find it in the capture or from the first line
     * @return the report
     * @deprecated use {@link #validate(DmpRequest)} and {@link DmpValidation#report()}
     */
    @Deprecated(forRemoval = true)
    public Report validate(X509Certificate tlsCertificate, List<X509Certificate> tlsChain, InputStream request,
                           String contentTypeOrNull) {
        return validateRequest(tlsCertificate, tlsChain, request, contentTypeOrNull, clock.instant()).report();
    }

    /**
     * As {@link #validate(X509Certificate, List, InputStream, String)} at a given evaluation instant.
     *
     * @deprecated use {@link #validate(DmpRequest)} with {@link DmpRequest.Builder#at(Instant)}
     */
    @Deprecated(forRemoval = true)
    public Report validate(X509Certificate tlsCertificate, List<X509Certificate> tlsChain, InputStream request,
                           String contentTypeOrNull, Instant at) {
        return validateRequest(tlsCertificate, tlsChain, request, contentTypeOrNull, at).report();
    }

    /**
     * As {@link #validate(X509Certificate, List, InputStream, String, Instant)}, also saying what was read.
     *
     * @deprecated use {@link #validate(DmpRequest)}
     */
    @Deprecated(forRemoval = true)
    public DmpValidation validateRequest(X509Certificate tlsCertificate, List<X509Certificate> tlsChain,
                                         InputStream request, String contentTypeOrNull, Instant at) {
        Objects.requireNonNull(tlsCertificate, "tlsCertificate");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(at, "at");
        List<X509Certificate> chain = tlsChain == null ? List.of() : List.copyOf(tlsChain);
        Visitor v = new Visitor(tlsCertificate, chain, at);
        Report.Builder messageFindings = Report.builder();
        MessageReader.Outcome o = reader.read(request, contentTypeOrNull, v, messageFindings);
        Report.Builder out = Report.builder().evaluatedAt(at);
        if (v.control1 != null) {
            out.addAll(v.control1);
        }
        out.addAll(messageFindings.build());
        if (o.soapVersion().filter("1.1"::equals).isPresent()) {
            out.add(Rules.SOAP_VERSION, policy.soap11Severity(), "soap11", Location.of("soap:Envelope"),
                    MessageReader.SOAP11, MessageReader.SOAP11);
        }
        boolean feedingAction = o.action().map(DmpRequestValidator::isFeedingAction).orElse(false);
        if (v.session != null) {
            out.addAll(v.session.finish().report());
            o.action().filter(a -> !isFeedingAction(a)).ifPresent(a -> out.add(Rules.SOAP_ACTION, Severity.WARNING,
                    "feeding-body-other-action", Location.of("soap:Header").child("wsa:Action"), a, a));
        } else if (feedingAction && !v.unreadable(messageFindings)) {
            out.add(Rules.AI_XML, "dmp-feeding-without-request", Location.of("soap:Body"),
                    o.bodyElement().orElse(""), ITI41_ACTION);
        }
        return new DmpValidation(out.evaluatedAt(at).profile(profile).build(), o.framing(), o.soapVersion(), o.action(),
                v.session != null, o.attachmentsRead());
    }

    /**
     * For connectors that hold the parts separately: the certificate, the VIHF, the submission metadata and the
     * documents. Control 2 runs when {@code submissionOrNull} is given.
     *
     * @param tlsCertificate   the TLS client certificate
     * @param tlsChain         its chain (may be empty)
     * @param vihf             the VIHF token (an Assertion, a wsse:Security header or a SOAP envelope)
     * @param submissionOrNull the SubmitObjectsRequest / ProvideAndRegisterDocumentSetRequest, or null for a
     *                         non-feeding transaction
     * @param documents        documents referenced by XOP href ({@code cid:...}), each opened on demand
     * @param at               the evaluation instant
     * @return the report
     * @deprecated use {@link #validate(DmpParts)}
     */
    @Deprecated(forRemoval = true)
    public Report validateParts(X509Certificate tlsCertificate, List<X509Certificate> tlsChain, VihfInput vihf,
                                InputStream submissionOrNull, Map<String, Supplier<InputStream>> documents, Instant at) {
        Objects.requireNonNull(tlsCertificate, "tlsCertificate");
        Objects.requireNonNull(vihf, "vihf");
        Objects.requireNonNull(at, "at");
        List<X509Certificate> chain = tlsChain == null ? List.of() : List.copyOf(tlsChain);
        return validateParts(new TlsPeer(tlsCertificate, chain), vihf, submissionOrNull, documents, at).report();
    }

    private DmpValidation validateParts(TlsPeer peer, VihfInput vihf, InputStream submissionOrNull,
                                        Map<String, Supplier<InputStream>> documents, Instant at) {
        VihfValidation c1 = vihfValidator.validate(peer, vihf, at);
        Report.Builder out = Report.builder().evaluatedAt(at).addAll(c1.report());
        List<String> read = List.of();
        if (submissionOrNull != null) {
            Map<String, Supplier<InputStream>> docs = documents == null ? Map.of() : documents;
            AuthorInstitutionValidation c2 = c1.structureId()
                    .map(s -> aiValidator.validate(submissionOrNull, docs, s, at))
                    .orElseGet(() -> aiValidator.validate(submissionOrNull, docs, at));
            out.addAll(c2.report());
            read = c2.attachmentHeaders().keySet().stream()
                    .map(href -> ContentIds.ofHref(href).orElse(href)).toList();
        }
        return new DmpValidation(out.evaluatedAt(at).profile(profile).build(), DmpValidation.PARTS, Optional.empty(),
                Optional.empty(), submissionOrNull != null, read);
    }

    /**
     * {@link #validateParts(X509Certificate, List, VihfInput, InputStream, Map, Instant)} with a DOM Assertion.
     *
     * @deprecated use {@link #validate(DmpParts)} with {@code VihfInput.of(...)}
     */
    @Deprecated(forRemoval = true)
    public Report validateParts(X509Certificate tlsCertificate, List<X509Certificate> tlsChain, Element vihf,
                                InputStream submissionOrNull, Map<String, Supplier<InputStream>> documents, Instant at) {
        return validateParts(tlsCertificate, tlsChain, VihfInput.of(Objects.requireNonNull(vihf, "vihf")),
                submissionOrNull, documents, at);
    }

    /**
     * {@link #validateParts(X509Certificate, List, VihfInput, InputStream, Map, Instant)} with token bytes.
     *
     * @deprecated use {@link #validate(DmpParts)} with {@code VihfInput.of(...)}
     */
    @Deprecated(forRemoval = true)
    public Report validateParts(X509Certificate tlsCertificate, List<X509Certificate> tlsChain, byte[] vihf,
                                InputStream submissionOrNull, Map<String, Supplier<InputStream>> documents, Instant at) {
        return validateParts(tlsCertificate, tlsChain, VihfInput.of(Objects.requireNonNull(vihf, "vihf")),
                submissionOrNull, documents, at);
    }

    /** True for the ITI-41 action (also the {@code …ProvideAndRegisterDocumentSet-b} MIME action spelling). */
    public static boolean isFeedingAction(String action) {
        String a = action.strip();
        return a.equals(ITI41_ACTION) || a.endsWith("ProvideAndRegisterDocumentSet-b");
    }

    /** Per-request state: runs control 1 when the header is read, control 2 while the body streams. */
    private final class Visitor implements RequestVisitor {
        private final X509Certificate tls;
        private final List<X509Certificate> chain;
        private final Instant at;
        Report control1;
        Optional<StructureId> structure = Optional.empty();
        AuthorInstitutionValidator.Session session;

        Visitor(X509Certificate tls, List<X509Certificate> chain, Instant at) {
            this.tls = tls;
            this.chain = chain;
            this.at = at;
        }

        boolean unreadable(Report.Builder messageFindings) {
            return messageFindings.has(Rules.AI_XML);
        }

        @Override
        public void header(SoapHeaderInfo header) {
            List<byte[]> tokens = header.assertions();
            if (tokens.size() == 1) {
                VihfValidation r = vihfValidator.validate(new TlsPeer(tls, chain), VihfInput.of(tokens.get(0)), at);
                control1 = r.report();
                structure = r.structureId();
                return;
            }
            Report.Builder b = Report.builder();
            // no single token: the TLS certificate is still checked (every CERT-* finding), the token is not
            vihfValidator.validateCertificate(new TlsPeer(tls, chain), at).findings().forEach(b::add);
            if (tokens.isEmpty()) {
                b.add(Rules.VIHF_XML, "dmp-none", SECURITY, "", header.vihfProblemText().orElse(org.vigie.core.Messages.text("VIHF-XML.dmp-token-absent")));
            } else {
                b.add(Rules.VIHF_XML, "dmp-several", SECURITY, String.valueOf(tokens.size()), tokens.size());
            }
            control1 = b.build();
        }

        @Override
        public void submission(XMLStreamReader r) throws XMLStreamException {
            session = structure.map(s -> aiValidator.start(s, at)).orElseGet(() -> aiValidator.start(at));
            session.readSubmission(r);
        }

        @Override
        public Set<String> pendingAttachments() {
            return session == null ? Set.of() : session.pendingAttachments();
        }

        @Override
        public void attachment(String href, InputStream content) throws IOException {
            session.readDocument(href, content);
        }
    }

    /** Builder of {@link DmpRequestValidator}. */
    public static final class Builder {
        private DmpPolicy policy = DmpPolicy.defaults();
        private Clock clock = Clock.systemUTC();
        private TrustAnchors trust = TrustAnchors.igcSanteProduction();
        private Collection<X509CRL> crls = List.of();
        private StructureDirectory directory;

        private Builder() {
        }

        /** The policy (default {@link DmpPolicy#defaults()}). */
        public Builder policy(DmpPolicy p) {
            this.policy = Objects.requireNonNull(p, "policy");
            return this;
        }

        /** The clock giving the evaluation instant (default system UTC). */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** Trust anchors for both certificates (default IGC-Santé production). */
        public Builder trust(TrustAnchors t) {
            this.trust = Objects.requireNonNull(t, "trust");
            return this;
        }

        /** CRLs to check revocation against (default none: revocation not evaluated). */
        public Builder crls(Collection<X509CRL> c) {
            this.crls = List.copyOf(Objects.requireNonNull(c, "crls"));
            return this;
        }

        /** The FINESS / structure directory (default none: directory rules report "not evaluated"). */
        public Builder directory(StructureDirectory d) {
            this.directory = Objects.requireNonNull(d, "directory");
            return this;
        }

        /** Replaces the Secteur_Activite value set of the policy (default JDV_J61 2024-09-27). */
        public Builder sectorValueSet(SectorValueSet set) {
            Objects.requireNonNull(set, "set");
            this.policy = policy.toBuilder().vihf(policy.vihf().toBuilder().sectorValueSet(set).build()).build();
            return this;
        }

        public DmpRequestValidator build() {
            return new DmpRequestValidator(this);
        }
    }
}
