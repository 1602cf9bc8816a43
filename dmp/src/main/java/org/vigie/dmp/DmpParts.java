package org.vigie.dmp;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigie.core.cert.TlsPeer;
import org.vigie.saml.VihfInput;

/**
 * A DMP request held as separate parts by a connector: the TLS peer, the VIHF token, and for a feeding the
 * submission metadata (SubmitObjectsRequest / ProvideAndRegisterDocumentSetRequest) and the documents it
 * references by XOP href ({@code cid:...}), each opened on demand. Without a submission the request is a
 * non-feeding transaction: control 1 only. Immutable.
 */
public final class DmpParts {

    private final TlsPeer peer;
    private final VihfInput vihf;
    private final Supplier<InputStream> submission;
    private final Map<String, Supplier<InputStream>> documents;
    private final Optional<Instant> at;

    private DmpParts(Builder b) {
        this.peer = b.peer;
        this.vihf = b.vihf;
        this.submission = b.submission;
        this.documents = Collections.unmodifiableMap(new LinkedHashMap<>(b.documents)); // in the order given
        this.at = Optional.ofNullable(b.at);
    }

    /** A builder for the parts of a request from this peer carrying this VIHF token. */
    public static Builder builder(TlsPeer peer, VihfInput vihf) {
        return new Builder(peer, vihf);
    }

    /** The TLS client of the connection. */
    public TlsPeer peer() {
        return peer;
    }

    /** The VIHF token. */
    public VihfInput vihf() {
        return vihf;
    }

    /** Opens the submission metadata, when the request is a feeding. */
    public Optional<InputStream> openSubmission() {
        return submission == null ? Optional.empty() : Optional.of(Objects.requireNonNull(submission.get(), "submission"));
    }

    /** The documents by XOP href, in the order they were given. */
    public Map<String, Supplier<InputStream>> documents() {
        return documents;
    }

    /** The evaluation instant, when fixed; absent: the validator's clock. */
    public Optional<Instant> at() {
        return at;
    }

    /** Builder of {@link DmpParts}. */
    public static final class Builder {
        private final TlsPeer peer;
        private final VihfInput vihf;
        private Supplier<InputStream> submission;
        private final Map<String, Supplier<InputStream>> documents = new LinkedHashMap<>();
        private Instant at;

        private Builder(TlsPeer peer, VihfInput vihf) {
            this.peer = Objects.requireNonNull(peer, "peer");
            this.vihf = Objects.requireNonNull(vihf, "vihf");
        }

        /** The submission metadata, opened once per validation (makes the request a feeding: control 2 runs). */
        public Builder submission(Supplier<InputStream> value) {
            this.submission = Objects.requireNonNull(value, "submission");
            return this;
        }

        /** The submission metadata as bytes (copied). */
        public Builder submission(byte[] value) {
            byte[] copy = Objects.requireNonNull(value, "submission").clone();
            this.submission = () -> new ByteArrayInputStream(copy);
            return this;
        }

        /** A document referenced by an XOP href ({@code cid:...}), opened on demand. */
        public Builder document(String href, Supplier<InputStream> content) {
            documents.put(Objects.requireNonNull(href, "href"), Objects.requireNonNull(content, "content"));
            return this;
        }

        /** Every document of the map, by XOP href. */
        public Builder documents(Map<String, Supplier<InputStream>> byHref) {
            Objects.requireNonNull(byHref, "documents").forEach(this::document);
            return this;
        }

        /** The evaluation instant (default: the validator's clock at validation). */
        public Builder at(Instant instant) {
            this.at = Objects.requireNonNull(instant, "at");
            return this;
        }

        /** The parts. */
        public DmpParts build() {
            return new DmpParts(this);
        }
    }
}
