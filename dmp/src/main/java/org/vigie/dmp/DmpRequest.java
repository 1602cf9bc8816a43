package org.vigie.dmp;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigie.core.cert.TlsPeer;

/**
 * What a DMP request is, as the receiver sees it: the TLS peer of the connection, the body (SOAP envelope, MTOM
 * body, or either behind a captured HTTP header block), the HTTP Content-Type when it is known, and optionally the
 * instant at which to evaluate it (absent: the validator's clock). Immutable.
 *
 * <pre>{@code
 * DmpRequest request = DmpRequest.builder(TlsPeer.ofChain(chain), () -> exchange.getRequestBody())
 *         .contentType(exchange.getRequestHeaders().getFirst("Content-Type"))
 *         .build();
 * DmpValidation v = validator.validate(request);
 * }</pre>
 *
 * The body supplier is called once per validation; a stream it returns is read but not closed.
 */
public final class DmpRequest {

    private final TlsPeer peer;
    private final Supplier<InputStream> body;
    private final Optional<String> contentType;
    private final Optional<Instant> at;

    private DmpRequest(Builder b) {
        this.peer = b.peer;
        this.body = b.body;
        this.contentType = Optional.ofNullable(b.contentType);
        this.at = Optional.ofNullable(b.at);
    }

    /** A request whose body is held in memory, Content-Type found in the capture or from the first line. */
    public static DmpRequest of(TlsPeer peer, byte[] body) {
        return builder(peer, body).build();
    }

    /** A request whose body is held in memory, with its HTTP Content-Type. */
    public static DmpRequest of(TlsPeer peer, byte[] body, String contentType) {
        return builder(peer, body).contentType(contentType).build();
    }

    /** A builder for a request whose body is held in memory (the array is copied). */
    public static Builder builder(TlsPeer peer, byte[] body) {
        byte[] copy = Objects.requireNonNull(body, "body").clone();
        return new Builder(peer, () -> new ByteArrayInputStream(copy));
    }

    /** A builder for a request whose body is streamed: the supplier is called once per validation. */
    public static Builder builder(TlsPeer peer, Supplier<InputStream> body) {
        return new Builder(peer, Objects.requireNonNull(body, "body"));
    }

    /** The TLS client of the connection (ORG_AUTH_CLI certificate and its chain). */
    public TlsPeer peer() {
        return peer;
    }

    /** Opens the body (a new stream from the supplier; the caller reads it and does not need to close it). */
    public InputStream openBody() {
        return Objects.requireNonNull(body.get(), "the body supplier returned null");
    }

    /** The HTTP Content-Type, when known; absent: taken from a captured header block or from the first line. */
    public Optional<String> contentType() {
        return contentType;
    }

    /** The evaluation instant, when fixed; absent: the validator's clock. */
    public Optional<Instant> at() {
        return at;
    }

    /** Builder of {@link DmpRequest}. */
    public static final class Builder {
        private final TlsPeer peer;
        private final Supplier<InputStream> body;
        private String contentType;
        private Instant at;

        private Builder(TlsPeer peer, Supplier<InputStream> body) {
            this.peer = Objects.requireNonNull(peer, "peer");
            this.body = body;
        }

        /** The HTTP Content-Type (null or blank: unknown, found in the capture or from the first line). */
        public Builder contentType(String value) {
            this.contentType = value == null || value.isBlank() ? null : value;
            return this;
        }

        /** The evaluation instant (default: the validator's clock at validation). */
        public Builder at(Instant instant) {
            this.at = Objects.requireNonNull(instant, "at");
            return this;
        }

        /** The request. */
        public DmpRequest build() {
            return new DmpRequest(this);
        }
    }
}
