package org.vigie.saml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

import org.w3c.dom.Element;

/**
 * The VIHF as a connector holds it: bytes, a stream or a DOM element. The root may be the {@code saml2:Assertion}
 * itself, a {@code wsse:Security} header or a whole SOAP 1.1/1.2 envelope: it is detected when validated.
 * Bytes are parsed by the validator's hardened parser; an element is copied (with its in-scope namespace
 * declarations) into a document of the validator's own, never modified.
 */
public final class VihfInput {

    /** At most this many bytes are read from a stream (the validator's policy usually sets a lower limit). */
    public static final int MAX_STREAM_BYTES = 16 * 1024 * 1024;

    private final byte[] bytes;
    private final Element element;
    private final boolean truncated;

    private VihfInput(byte[] bytes, Element element, boolean truncated) {
        this.bytes = bytes;
        this.element = element;
        this.truncated = truncated;
    }

    /** A token (or header, or envelope) as bytes; the array is not copied: do not modify it afterwards. */
    public static VihfInput of(byte[] bytes) {
        return new VihfInput(Objects.requireNonNull(bytes, "bytes"), null, false);
    }

    /**
     * A token read from a stream, up to {@link #MAX_STREAM_BYTES} bytes (a longer stream is reported as too large,
     * never read further). The stream is read to that point, not closed.
     *
     * @throws UncheckedIOException when the stream cannot be read (an I/O failure, not bad input)
     */
    public static VihfInput of(InputStream in) {
        Objects.requireNonNull(in, "in");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int total = 0;
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (total + n > MAX_STREAM_BYTES) {
                    out.write(buf, 0, MAX_STREAM_BYTES - total);
                    return new VihfInput(out.toByteArray(), null, true);
                }
                out.write(buf, 0, n);
                total += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the VIHF stream", e);
        }
        return new VihfInput(out.toByteArray(), null, false);
    }

    /** A token a connector already holds as a DOM element (Assertion, wsse:Security or soap:Envelope). */
    public static VihfInput of(Element element) {
        return new VihfInput(null, Objects.requireNonNull(element, "element"), false);
    }

    /** The bytes, when the input was given as bytes or a stream. */
    public Optional<byte[]> bytes() {
        return Optional.ofNullable(bytes);
    }

    /** The element, when the input was given as a DOM element. */
    public Optional<Element> element() {
        return Optional.ofNullable(element);
    }

    /** True when a stream was longer than {@link #MAX_STREAM_BYTES}. */
    public boolean truncated() {
        return truncated;
    }

    @Override
    public String toString() {
        return bytes != null ? "VihfInput[" + bytes.length + " bytes]" : "VihfInput[element " + element.getLocalName() + "]";
    }
}
