package org.vigie.cda;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigie.core.Report;
import org.vigie.core.Rules;
import org.vigie.core.StructureDirectory;
import org.vigie.core.StructureId;

/**
 * Control 2 of DMP indirect authentication: the {@code authorInstitution} of the XDS submission set, of each document
 * entry and of each CDA header must be present ({@code AI-PRESENT}), single ({@code AI-SINGLE}), well-formed
 * ({@code AI-FORMAT}), equal to the entry's own CDA header ({@code AI-CDA-MATCH}), identical everywhere
 * ({@code AI-CONSISTENT}), geographic ({@code AI-GEOGRAPHIC}) and in the legal entity of the VIHF's structure
 * ({@code AI-SAME-EJ}); unreadable input is {@code AI-XML}, a failed check key {@code ID-KEY}.
 *
 * <pre>{@code
 * AuthorInstitutionValidator v = AuthorInstitutionValidator.builder()
 *     .policy(AuthorInstitutionPolicy.defaults())
 *     .directory(directory)            // optional
 *     .build();
 * Report r = v.check(soapPart, Map.of("cid:doc1", () -> open("doc1")), vihfStructure, Instant.now());
 * }</pre>
 *
 * Immutable and thread-safe; nothing is read from the network. A streaming, per-request variant is
 * {@link #start(StructureId, Instant)}.
 */
public final class AuthorInstitutionValidator {

    private final AuthorInstitutionPolicy policy;
    private final StructureDirectory directory;
    private final XdsMetadataReader metadataReader;
    private final CdaHeaderReader headerReader;

    private AuthorInstitutionValidator(Builder b) {
        this.policy = b.policy;
        this.directory = b.directory;
        this.metadataReader = XdsMetadataReader.builder().limits(policy.limits()).build();
        this.headerReader = CdaHeaderReader.builder().limits(policy.limits()).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public AuthorInstitutionPolicy policy() {
        return policy;
    }

    /** The directory, when one was configured. */
    public Optional<StructureDirectory> directory() {
        return Optional.ofNullable(directory);
    }

    XdsMetadataReader metadataReader() {
        return metadataReader;
    }

    CdaHeaderReader headerReader() {
        return headerReader;
    }

    /**
     * Starts checking one request. The session is not thread-safe: one per request.
     *
     * @param vihfStructure the VIHF's {@code Identifiant_Structure}, or null when the token carried none readable
     *                      ({@code AI-SAME-EJ} then reports an INFO "not evaluated")
     * @param at            evaluation instant (decides the severity of {@code AI-GEOGRAPHIC})
     */
    public Control2Session start(StructureId vihfStructure, Instant at) {
        return new Control2Session(this, vihfStructure, Objects.requireNonNull(at, "at"));
    }

    /**
     * One call: reads the submission, then each XOP attachment it references from {@code attachments}, then evaluates.
     * Keys are the {@code xop:Include/@href} values as written (e.g. {@code cid:doc1}); otherwise a key is matched
     * as {@link ContentIds} resolves it (a {@code cid:} URL %-decoded, or a bare Content-ID or {@code <doc1>} form),
     * exactly, case included. An href that is not a valid {@code cid:} URL, or that several keys match, is a
     * {@code MIME-CID} finding (the ambiguous document is not read); missing attachments become {@code AI-XML}
     * findings. The streams obtained from the suppliers are closed after reading.
     */
    public Report check(InputStream submission, Map<String, Supplier<InputStream>> attachments, StructureId vihfStructure,
                        Instant at) {
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(attachments, "attachments");
        Control2Session s = start(vihfStructure, at);
        s.readSubmission(submission);
        Report.Builder mime = Report.builder();
        for (String href : s.pendingAttachments()) {
            ContentIds.problem(href).ifPresent(m -> mime.add(Rules.MIME_CID, m, "xop:Include", href));
            Supplier<InputStream> sup = attachments.get(href);
            if (sup == null) {
                Optional<String> key = ContentIds.key(href);
                List<String> matching = new ArrayList<>();
                List<String> byCase = new ArrayList<>();
                for (Map.Entry<String, Supplier<InputStream>> e : attachments.entrySet()) {
                    Optional<String> k = ContentIds.key(e.getKey());
                    if (key.isPresent() && k.isPresent() && k.get().equals(key.get())) {
                        matching.add(e.getKey());
                        sup = e.getValue();
                    } else if (key.isPresent() && k.isPresent() && k.get().equalsIgnoreCase(key.get())) {
                        byCase.add(e.getKey());
                    }
                }
                if (matching.size() > 1) {
                    mime.add(Rules.MIME_CID, "la référence XOP « " + href + " » désigne " + matching.size()
                            + " documents fournis (" + String.join(", ", matching) + ") : aucun n'est lu", "xop:Include", href);
                    sup = null;
                } else if (matching.isEmpty() && !byCase.isEmpty()) {
                    mime.add(Rules.MIME_CID, "la référence XOP « " + href + " » ne diffère de " + byCase
                            + " que par la casse : un Content-ID se compare exactement (RFC 2392), ce document n'est pas"
                            + " celui que le service reçoit", "xop:Include", href);
                }
            }
            if (sup != null) {
                try (InputStream in = sup.get()) {
                    if (in != null) {
                        s.readDocument(href, in);
                    }
                } catch (IOException e) {
                    // closing failed after reading: the header is already recorded
                }
            }
        }
        Report c2 = s.finish();
        Report extra = mime.build();
        Report.Builder out = Report.builder().profile(policy.profile()).addAll(c2).addAll(extra);
        c2.evaluatedAt().ifPresent(out::evaluatedAt);
        return out.build();
    }

    /** Builds validators. */
    public static final class Builder {
        private AuthorInstitutionPolicy policy = AuthorInstitutionPolicy.defaults();
        private StructureDirectory directory;

        private Builder() {
        }

        public Builder policy(AuthorInstitutionPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The FINESS directory used by {@code AI-GEOGRAPHIC} and {@code AI-SAME-EJ} (optional). */
        public Builder directory(StructureDirectory directory) {
            this.directory = directory;
            return this;
        }

        public AuthorInstitutionValidator build() {
            return new AuthorInstitutionValidator(this);
        }
    }
}
