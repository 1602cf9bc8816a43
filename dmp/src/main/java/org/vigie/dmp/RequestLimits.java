package org.vigie.dmp;

/**
 * Size limits applied while reading a DMP request. A request that exceeds a limit is reported with an
 * {@code AI-XML} (message) or {@code VIHF-XML} (token) finding, never with an exception.
 *
 * <p>Defaults ({@link #defaults()}):
 * <table>
 *   <caption>Default limits</caption>
 *   <tr><th>limit</th><th>default</th><th>what it bounds</th></tr>
 *   <tr><td>{@code maxHttpHeaderBytes}</td><td>64 KiB</td><td>a captured HTTP header block before the body</td></tr>
 *   <tr><td>{@code maxPartHeaderFields}</td><td>64</td><td>header fields of one MIME part</td></tr>
 *   <tr><td>{@code maxPartHeaderLineLength}</td><td>8 KiB</td><td>one MIME header line</td></tr>
 *   <tr><td>{@code maxParts}</td><td>1000</td><td>MIME parts in an MTOM message</td></tr>
 *   <tr><td>{@code maxSoapHeaderBytes}</td><td>1 MiB</td><td>the SOAP {@code Header} (the VIHF lives there)</td></tr>
 *   <tr><td>{@code maxVihfBytes}</td><td>256 KiB</td><td>the captured VIHF {@code Assertion}</td></tr>
 *   <tr><td>{@code maxDepth}</td><td>100</td><td>element nesting in the SOAP envelope outside the submission</td></tr>
 *   <tr><td>{@code maxXmlTokenBytes}</td><td>1 MiB</td><td>bytes the parser may read for one XML event of the SOAP
 *   envelope (a comment, processing instruction, CDATA section, start tag with its attributes, text chunk), anywhere:
 *   header, Assertion, metadata, inline document, after the Body. Held under the parser, before the token is built;
 *   an inline base64 document is text in chunks, each chunk a separate event, so it is not bounded</td></tr>
 *   <tr><td>{@code maxDecodedBytes}</td><td>1 GiB (the {@code vigie serve} body limit)</td><td>bytes decoded from a
 *   captured body with {@code Content-Encoding: gzip} or {@code deflate}</td></tr>
 *   <tr><td>{@code maxExpansionRatio}</td><td>100</td><td>decoded / compressed bytes of such a body, checked after the
 *   first MiB decoded (decompression bombs; DEFLATE tops out near 1 000:1, real requests stay far below 100:1)</td></tr>
 * </table>
 * Attachments and inline documents have no size limit: they are streamed, and a CDA is read until the end of
 * its header only.
 */
public final class RequestLimits {

    private static final RequestLimits DEFAULTS = builder().build();

    private final int maxHttpHeaderBytes;
    private final int maxPartHeaderFields;
    private final int maxPartHeaderLineLength;
    private final int maxParts;
    private final long maxSoapHeaderBytes;
    private final int maxVihfBytes;
    private final int maxDepth;
    private final long maxXmlTokenBytes;
    private final long maxDecodedBytes;
    private final int maxExpansionRatio;

    private RequestLimits(Builder b) {
        this.maxHttpHeaderBytes = b.maxHttpHeaderBytes;
        this.maxPartHeaderFields = b.maxPartHeaderFields;
        this.maxPartHeaderLineLength = b.maxPartHeaderLineLength;
        this.maxParts = b.maxParts;
        this.maxSoapHeaderBytes = b.maxSoapHeaderBytes;
        this.maxVihfBytes = b.maxVihfBytes;
        this.maxDepth = b.maxDepth;
        this.maxXmlTokenBytes = b.maxXmlTokenBytes;
        this.maxDecodedBytes = b.maxDecodedBytes;
        this.maxExpansionRatio = b.maxExpansionRatio;
    }

    /** The documented defaults. */
    public static RequestLimits defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Maximum size of a captured HTTP header block. */
    public int maxHttpHeaderBytes() {
        return maxHttpHeaderBytes;
    }

    /** Maximum number of header fields in one MIME part. */
    public int maxPartHeaderFields() {
        return maxPartHeaderFields;
    }

    /** Maximum length of one MIME header line. */
    public int maxPartHeaderLineLength() {
        return maxPartHeaderLineLength;
    }

    /** Maximum number of MIME parts. */
    public int maxParts() {
        return maxParts;
    }

    /** Maximum size of the SOAP header, in bytes of the root part. */
    public long maxSoapHeaderBytes() {
        return maxSoapHeaderBytes;
    }

    /** Maximum size of the VIHF Assertion, re-serialised. */
    public int maxVihfBytes() {
        return maxVihfBytes;
    }

    /** Maximum element depth in the envelope (outside the submission, which the cda reader bounds). */
    public int maxDepth() {
        return maxDepth;
    }

    /** Maximum bytes the XML parser may read to produce one event of the SOAP envelope (one token). */
    public long maxXmlTokenBytes() {
        return maxXmlTokenBytes;
    }

    /** Maximum bytes decoded from a captured gzip or deflate body. */
    public long maxDecodedBytes() {
        return maxDecodedBytes;
    }

    /** Maximum ratio of decoded to compressed bytes of a captured gzip or deflate body (after the first MiB). */
    public int maxExpansionRatio() {
        return maxExpansionRatio;
    }

    /** Builder of {@link RequestLimits}; every value must be positive. */
    public static final class Builder {
        private int maxHttpHeaderBytes = 64 * 1024;
        private int maxPartHeaderFields = 64;
        private int maxPartHeaderLineLength = 8 * 1024;
        private int maxParts = 1000;
        private long maxSoapHeaderBytes = 1024 * 1024;
        private int maxVihfBytes = 256 * 1024;
        private int maxDepth = 100;
        private long maxXmlTokenBytes = 1024 * 1024;
        private long maxDecodedBytes = 1L << 30;
        private int maxExpansionRatio = org.vigie.core.internal.limits.BoundedInflation.DEFAULT_MAX_RATIO;

        private Builder() {
        }

        /** At least 64 KiB: the byte buffer, the character decoder and the parser read up to about 24 KiB ahead. */
        public Builder maxXmlTokenBytes(long v) {
            if (v < 65_536) {
                throw new IllegalArgumentException("maxXmlTokenBytes must be at least 65536: " + v);
            }
            this.maxXmlTokenBytes = v;
            return this;
        }

        public Builder maxDecodedBytes(long v) {
            if (v <= 0) {
                throw new IllegalArgumentException("maxDecodedBytes must be positive: " + v);
            }
            this.maxDecodedBytes = v;
            return this;
        }

        public Builder maxExpansionRatio(int v) {
            this.maxExpansionRatio = positive(v, "maxExpansionRatio");
            return this;
        }

        public Builder maxHttpHeaderBytes(int v) {
            this.maxHttpHeaderBytes = positive(v, "maxHttpHeaderBytes");
            return this;
        }

        public Builder maxPartHeaderFields(int v) {
            this.maxPartHeaderFields = positive(v, "maxPartHeaderFields");
            return this;
        }

        public Builder maxPartHeaderLineLength(int v) {
            this.maxPartHeaderLineLength = positive(v, "maxPartHeaderLineLength");
            return this;
        }

        public Builder maxParts(int v) {
            this.maxParts = positive(v, "maxParts");
            return this;
        }

        public Builder maxSoapHeaderBytes(long v) {
            if (v <= 0) {
                throw new IllegalArgumentException("maxSoapHeaderBytes must be positive: " + v);
            }
            this.maxSoapHeaderBytes = v;
            return this;
        }

        public Builder maxVihfBytes(int v) {
            this.maxVihfBytes = positive(v, "maxVihfBytes");
            return this;
        }

        public Builder maxDepth(int v) {
            this.maxDepth = positive(v, "maxDepth");
            return this;
        }

        public RequestLimits build() {
            return new RequestLimits(this);
        }

        private static int positive(int v, String name) {
            if (v <= 0) {
                throw new IllegalArgumentException(name + " must be positive: " + v);
            }
            return v;
        }
    }
}
