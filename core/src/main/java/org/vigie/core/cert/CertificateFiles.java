package org.vigie.core.cert;

import org.vigie.core.LocalizedArgumentException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CRL;
import java.security.cert.CRLException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads certificates and revocation lists from files, PEM or DER, the way an integrator keeps them: a PEM file may
 * hold several certificates (a leaf followed by its chain, or a bundle of CAs), a DER file one. The one reader of such
 * files for the command line, the server and connectors.
 *
 * <p>A missing file raises {@link NoSuchFileException} (its message is the path); a file that holds no certificate,
 * or that cannot be parsed, raises {@link IllegalArgumentException} naming the file.</p>
 */
public final class CertificateFiles {

    /** Largest file read (a CA bundle or a CRL is far smaller): 64 MiB. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private CertificateFiles() {
    }

    /**
     * The X.509 certificates of {@code file}, in file order (PEM, several allowed, or DER).
     *
     * @param file a certificate file
     * @return at least one certificate
     * @throws NoSuchFileException      when the file does not exist
     * @throws IOException              when it cannot be read
     * @throws IllegalArgumentException when it holds no readable X.509 certificate
     */
    public static List<X509Certificate> certificates(Path file) throws IOException {
        byte[] bytes = read(file);
        List<X509Certificate> out = new ArrayList<>();
        try {
            for (Certificate c : factory().generateCertificates(new ByteArrayInputStream(bytes))) {
                out.add((X509Certificate) c);
            }
        } catch (CertificateException | RuntimeException e) {
            throw new LocalizedArgumentException("certificat illisible : " + file, "unreadable certificate: " + file, e);
        }
        if (out.isEmpty()) {
            throw new LocalizedArgumentException("aucun certificat X.509 dans " + file, "no X.509 certificate in " + file);
        }
        return List.copyOf(out);
    }

    /**
     * The revocation lists of every file, in order (each file PEM, several allowed, or DER).
     *
     * @param files CRL files
     * @return the CRLs (empty for no file)
     * @throws NoSuchFileException      when a file does not exist
     * @throws IOException              when a file cannot be read
     * @throws IllegalArgumentException when a file holds no readable CRL
     */
    public static List<X509CRL> crls(List<Path> files) throws IOException {
        List<X509CRL> out = new ArrayList<>();
        for (Path p : files) {
            byte[] bytes = read(p);
            int before = out.size();
            try {
                for (CRL c : factory().generateCRLs(new ByteArrayInputStream(bytes))) {
                    out.add((X509CRL) c);
                }
            } catch (CRLException | RuntimeException e) {
                throw new LocalizedArgumentException("CRL illisible : " + p, "unreadable CRL: " + p, e);
            }
            if (out.size() == before) {
                throw new LocalizedArgumentException("aucune CRL X.509 dans " + p, "no X.509 CRL in " + p);
            }
        }
        return List.copyOf(out);
    }

    private static byte[] read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw new LocalizedArgumentException("pas un fichier : " + file, "not a file: " + file);
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new LocalizedArgumentException("fichier trop grand (plus de " + MAX_FILE_BYTES + " octets) : " + file,
                    "file too large (more than " + MAX_FILE_BYTES + " bytes): " + file);
        }
        return Files.readAllBytes(file);
    }

    private static CertificateFactory factory() {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("no X.509 certificate factory", e);
        }
    }
}
