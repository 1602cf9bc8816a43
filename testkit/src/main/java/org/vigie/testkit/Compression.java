package org.vigie.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * HTTP content codings of a request body, made with the JDK's own compressors (not with Vigie's decoder): what a
 * client sends under {@code Content-Encoding: gzip} or {@code deflate}.
 *
 * <pre>{@code
 * byte[] body = Compression.gzip(message.toMtomBytes());
 * }</pre>
 */
public final class Compression {

    private Compression() {
    }

    /**
     * @param bytes the body
     * @return the body as one gzip member (RFC 1952)
     */
    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        }
        return out.toByteArray();
    }

    /**
     * @param bytes the body
     * @param raw   true for a raw DEFLATE stream (RFC 1951, as some clients send under {@code deflate}), false for
     *              the zlib format (RFC 1950) that HTTP specifies
     * @return the compressed body
     */
    public static byte[] deflate(byte[] bytes, boolean raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        try (OutputStream z = new DeflaterOutputStream(out, d)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            d.end();
        }
        return out.toByteArray();
    }
}
