package org.vigie.core.cert;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The certificates a check trusts: anchors (where a chain may end) and known intermediate CAs (used to build a
 * chain when the integrator has only the leaf, as with a TLS client certificate whose chain the server did not
 * keep). Immutable.
 *
 * <p>The IGC-Santé ELEMENTAIRE root and its ORGANISATIONS CA ship with the library, production
 * ({@link #igcSanteProduction()}, the default everywhere) and TEST ({@link #igcSanteTest()}). Their SHA-256
 * fingerprints are checked when loaded: a tampered resource fails loudly.</p>
 */
public final class TrustAnchors {

    /** SHA-256 of {@code AC RACINE IGC-SANTE ELEMENTAIRE} (production root). */
    public static final String PROD_ROOT_SHA256 = "2d9e22ca19f777c6b745257c723ecb8df3c35fa6f1f6ec36b83600c97346967f";
    /** SHA-256 of {@code AC IGC-SANTE ELEMENTAIRE ORGANISATIONS} (production issuing CA). */
    public static final String PROD_ORG_CA_SHA256 = "d834ee5b40686b73573f60547bf6052c6d404d942a5665cdb2c0b9137b5d27b2";
    /** SHA-256 of {@code TEST AC RACINE IGC-SANTE ELEMENTAIRE} (TEST root). */
    public static final String TEST_ROOT_SHA256 = "01325aeb193871eec90fa89556804e4185cb362e0ca87a3d79939c71186da805";
    /** SHA-256 of {@code TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS} (TEST issuing CA). */
    public static final String TEST_ORG_CA_SHA256 = "dc528e3788691b3f7950164076f95b02c64334c68662bdede5750b4e0e5338f6";

    private static volatile TrustAnchors production;
    private static volatile TrustAnchors test;

    private final List<X509Certificate> anchors;
    private final List<X509Certificate> intermediates;

    private TrustAnchors(List<X509Certificate> anchors, List<X509Certificate> intermediates) {
        this.anchors = dedupe(anchors);
        this.intermediates = dedupe(intermediates);
    }

    /** The production IGC-Santé ELEMENTAIRE root (anchor) and ORGANISATIONS CA (intermediate). */
    public static TrustAnchors igcSanteProduction() {
        TrustAnchors t = production;
        if (t == null) {
            t = new TrustAnchors(List.of(load("ACR-EL.cer", PROD_ROOT_SHA256)),
                    List.of(load("ACI-EL-ORG.cer", PROD_ORG_CA_SHA256)));
            production = t;
        }
        return t;
    }

    /** The TEST IGC-Santé ELEMENTAIRE root (anchor) and ORGANISATIONS CA (intermediate): for test platforms only. */
    public static TrustAnchors igcSanteTest() {
        TrustAnchors t = test;
        if (t == null) {
            t = new TrustAnchors(List.of(load("ACR-EL-TEST.cer", TEST_ROOT_SHA256)),
                    List.of(load("ACI-EL-ORG-TEST.cer", TEST_ORG_CA_SHA256)));
            test = t;
        }
        return t;
    }

    /**
     * Integrator-supplied anchors: every certificate given is trusted as a chain end (a root or a CA the
     * integrator pins).
     */
    public static TrustAnchors of(X509Certificate... certificates) {
        Objects.requireNonNull(certificates, "certificates");
        List<X509Certificate> list = new ArrayList<>();
        for (X509Certificate c : certificates) {
            list.add(Objects.requireNonNull(c, "certificate"));
        }
        return new TrustAnchors(list, List.of());
    }

    /** Integrator-supplied anchors plus intermediate CAs used only to build chains. */
    public static TrustAnchors of(List<X509Certificate> anchors, List<X509Certificate> intermediates) {
        return new TrustAnchors(List.copyOf(anchors), List.copyOf(intermediates));
    }

    /**
     * Integrator-supplied anchors read from certificate files (PEM, several per file allowed, or DER): the
     * self-signed certificates are the anchors, the others intermediate CAs offered for chain building; when no file
     * holds a self-signed certificate, every certificate given is an anchor (the integrator pinned those CAs).
     *
     * @param files one or more certificate files
     * @return the anchors
     * @throws java.nio.file.NoSuchFileException when a file does not exist
     * @throws IOException                       when a file cannot be read
     * @throws IllegalArgumentException          when no file is given or a file holds no readable certificate
     */
    public static TrustAnchors fromFiles(List<Path> files) throws IOException {
        Objects.requireNonNull(files, "files");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("aucun fichier d'ancre de confiance");
        }
        List<X509Certificate> roots = new ArrayList<>();
        List<X509Certificate> intermediates = new ArrayList<>();
        for (Path p : files) {
            for (X509Certificate c : CertificateFiles.certificates(p)) {
                (c.getSubjectX500Principal().equals(c.getIssuerX500Principal()) ? roots : intermediates).add(c);
            }
        }
        if (roots.isEmpty()) {
            roots.addAll(intermediates);
            intermediates.clear();
        }
        return new TrustAnchors(roots, intermediates);
    }

    /**
     * The anchors a command line or a configuration names: the production IGC-Santé CAs when no file is given (none
     * when only the TEST CAs are asked for), else those of {@link #fromFiles(List)}; plus the TEST IGC-Santé CAs
     * when {@code withIgcSanteTest}. This is what {@code --trust FILE...} and {@code --trust-test} mean.
     *
     * @param files            certificate files, possibly empty
     * @param withIgcSanteTest whether to add {@link #igcSanteTest()}
     * @return the anchors
     * @throws IOException              when a file cannot be read
     * @throws IllegalArgumentException when a file holds no readable certificate
     */
    public static TrustAnchors configured(List<Path> files, boolean withIgcSanteTest) throws IOException {
        TrustAnchors t;
        if (files.isEmpty()) {
            t = withIgcSanteTest ? none() : igcSanteProduction();
        } else {
            t = fromFiles(files);
        }
        return withIgcSanteTest ? t.plus(igcSanteTest()) : t;
    }

    /** No anchor at all: every certificate fails {@code CERT-TRUST}. */
    public static TrustAnchors none() {
        return new TrustAnchors(List.of(), List.of());
    }

    /** The union of this set and another. */
    public TrustAnchors plus(TrustAnchors other) {
        List<X509Certificate> a = new ArrayList<>(anchors);
        a.addAll(other.anchors);
        List<X509Certificate> i = new ArrayList<>(intermediates);
        i.addAll(other.intermediates);
        return new TrustAnchors(a, i);
    }

    /** The certificates a chain may end at. */
    public List<X509Certificate> anchors() {
        return anchors;
    }

    /** Intermediate CAs offered for chain building (not trusted by themselves). */
    public List<X509Certificate> intermediates() {
        return intermediates;
    }

    /** True when no anchor is configured. */
    public boolean isEmpty() {
        return anchors.isEmpty();
    }

    private static List<X509Certificate> dedupe(List<X509Certificate> certs) {
        Map<String, X509Certificate> byFp = new LinkedHashMap<>();
        for (X509Certificate c : certs) {
            byFp.putIfAbsent(OrgCertificate.sha256Hex(c), c);
        }
        return List.copyOf(byFp.values());
    }

    private static X509Certificate load(String resource, String sha256) {
        try (InputStream in = TrustAnchors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing trust anchor resource " + resource);
            }
            X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            String fp = OrgCertificate.sha256Hex(c);
            if (!fp.equals(sha256)) {
                throw new IllegalStateException("trust anchor resource " + resource + " has SHA-256 " + fp
                        + ", expected " + sha256);
            }
            return c;
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("cannot read trust anchor resource " + resource, e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrustAnchors other && anchors.equals(other.anchors) && intermediates.equals(other.intermediates);
    }

    @Override
    public int hashCode() {
        return anchors.hashCode() * 31 + intermediates.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TrustAnchors[");
        for (X509Certificate c : anchors) {
            sb.append(c.getSubjectX500Principal().getName()).append("; ");
        }
        return sb.append(intermediates.size()).append(" intermediate(s)]").toString();
    }
}
