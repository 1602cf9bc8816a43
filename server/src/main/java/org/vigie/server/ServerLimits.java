package org.vigie.server;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of a {@link VigieServer}. Immutable.
 *
 * <p>Defaults ({@link #defaults()}):
 * <table>
 *   <caption>Default server limits</caption>
 *   <tr><th>limit</th><th>default</th><th>what happens beyond it</th></tr>
 *   <tr><td>{@code maxBodyBytes}</td><td>1 GiB</td><td>HTTP 413 and a fault (announced Content-Length: before
 *   reading; chunked body: as soon as the limit is passed). With a {@code Content-Encoding} (gzip, deflate) the decoded
 *   body is bounded too, counted as it is inflated: a compression bomb stops at the limit</td></tr>
 *   <tr><td>{@code maxConcurrentRequests}</td><td>16</td><td>further requests wait for a slot</td></tr>
 *   <tr><td>{@code busyWait}</td><td>10 s</td><td>a request that waited that long for a slot gets HTTP 503 and a
 *   fault with {@code Retry-After}</td></tr>
 *   <tr><td>{@code requestTimeout}</td><td>120 s</td><td>from the request headers to the answer; the connection is
 *   closed without an answer</td></tr>
 *   <tr><td>{@code shutdownGrace}</td><td>10 s</td><td>{@link VigieServer#stop()} lets running requests finish for at
 *   most that long</td></tr>
 * </table>
 * The reading limits of the request itself (SOAP header, VIHF, MIME parts) are those of the validator's
 * {@code DmpPolicy}.
 */
public final class ServerLimits {

    private static final ServerLimits DEFAULTS = builder().build();

    private final long maxBodyBytes;
    private final int maxConcurrentRequests;
    private final Duration busyWait;
    private final Duration requestTimeout;
    private final Duration shutdownGrace;

    private ServerLimits(Builder b) {
        this.maxBodyBytes = b.maxBodyBytes;
        this.maxConcurrentRequests = b.maxConcurrentRequests;
        this.busyWait = b.busyWait;
        this.requestTimeout = b.requestTimeout;
        this.shutdownGrace = b.shutdownGrace;
    }

    /** @return the documented defaults */
    public static ServerLimits defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these values */
    public Builder toBuilder() {
        return new Builder().maxBodyBytes(maxBodyBytes).maxConcurrentRequests(maxConcurrentRequests)
                .busyWait(busyWait).requestTimeout(requestTimeout).shutdownGrace(shutdownGrace);
    }

    /** @return the largest request body accepted, in bytes, as received and once decoded */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** @return how many requests are validated at the same time */
    public int maxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /** @return how long a request may wait for a validation slot before HTTP 503 */
    public Duration busyWait() {
        return busyWait;
    }

    /** @return the longest time from the request headers to the answer */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** @return how long {@link VigieServer#stop()} waits for running requests */
    public Duration shutdownGrace() {
        return shutdownGrace;
    }

    @Override
    public String toString() {
        return "ServerLimits[maxBodyBytes=" + maxBodyBytes + ", maxConcurrentRequests=" + maxConcurrentRequests
                + ", busyWait=" + busyWait + ", requestTimeout=" + requestTimeout + ", shutdownGrace=" + shutdownGrace + "]";
    }

    /** Builder of {@link ServerLimits}; sizes, counts and durations must be positive. */
    public static final class Builder {
        private long maxBodyBytes = 1024L * 1024 * 1024;
        private int maxConcurrentRequests = 16;
        private Duration busyWait = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(120);
        private Duration shutdownGrace = Duration.ofSeconds(10);

        private Builder() {
        }

        /** @param v largest request body in bytes @return this builder */
        public Builder maxBodyBytes(long v) {
            if (v <= 0) {
                throw new IllegalArgumentException("maxBodyBytes must be positive: " + v);
            }
            this.maxBodyBytes = v;
            return this;
        }

        /** @param v requests validated at the same time @return this builder */
        public Builder maxConcurrentRequests(int v) {
            if (v <= 0) {
                throw new IllegalArgumentException("maxConcurrentRequests must be positive: " + v);
            }
            this.maxConcurrentRequests = v;
            return this;
        }

        /** @param v longest wait for a validation slot @return this builder */
        public Builder busyWait(Duration v) {
            this.busyWait = positive(v, "busyWait");
            return this;
        }

        /** @param v longest time from the request headers to the answer @return this builder */
        public Builder requestTimeout(Duration v) {
            this.requestTimeout = positive(v, "requestTimeout");
            return this;
        }

        /** @param v grace period of a graceful stop @return this builder */
        public Builder shutdownGrace(Duration v) {
            this.shutdownGrace = positive(v, "shutdownGrace");
            return this;
        }

        /** @return the limits */
        public ServerLimits build() {
            return new ServerLimits(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }
    }
}
