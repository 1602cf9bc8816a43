package org.vigie.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import org.vigie.testkit.internal.Pem;

/**
 * A certificate issued by a {@link TestPki} with its private key and chain. Immutable.
 *
 * <p>{@link #chain()} is (leaf, issuing CA); the root is {@link #root()}. Export with {@link #pem()},
 * {@link #privateKeyPem()} or {@link #pkcs12(char[])} to use the credential outside Java (curl, openssl, SoapUI).
 */
public final class OrgCredential {

    private final CertSpec spec;
    private final X509Certificate certificate;
    private final PrivateKey privateKey;
    private final X509Certificate issuer;
    private final X509Certificate root;
    private final TestPki pki;

    OrgCredential(TestPki pki, CertSpec spec, X509Certificate certificate, PrivateKey privateKey, X509Certificate issuer,
                  X509Certificate root) {
        this.pki = pki;
        this.spec = spec;
        this.certificate = certificate;
        this.privateKey = privateKey;
        this.issuer = issuer;
        this.root = root;
    }

    /** @return the PKI that issued this credential */
    public TestPki pki() {
        return pki;
    }

    /** @return the specification this credential was issued from */
    public CertSpec spec() {
        return spec;
    }

    /** @return the end-entity certificate */
    public X509Certificate certificate() {
        return certificate;
    }

    /** @return its RSA private key */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** @return leaf then issuing CA (the root is not included, as a TLS client sends it) */
    public List<X509Certificate> chain() {
        return List.of(certificate, issuer);
    }

    /** @return the root of the hierarchy this credential was issued under (the foreign root for foreign-issuer credentials) */
    public X509Certificate root() {
        return root;
    }

    /** @return the subject DN in RFC 2253 form (CN first), as it appears in a VIHF {@code Issuer} */
    public String subjectDn() {
        return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
    }

    /** @return the subject OU values in certificate order (the IdNat_Struct for a well-formed ORG certificate) */
    public List<String> subjectOus() {
        try {
            LdapName name = new LdapName(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253));
            List<String> out = new ArrayList<>();
            for (Rdn rdn : name.getRdns()) { // LdapName lists RDNs from the last (C) to the first (CN)
                if (rdn.getType().equalsIgnoreCase("OU")) {
                    out.add(rdn.getValue().toString());
                }
            }
            return List.copyOf(out);
        } catch (InvalidNameException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the single OU when there is exactly one, else the structure id of the specification */
    public String structureId() {
        List<String> ous = subjectOus();
        return ous.size() == 1 ? ous.get(0) : spec.structureId();
    }

    /** @return the certificate in PEM */
    public String pem() {
        return pem(certificate);
    }

    /** @return leaf, issuing CA and root certificates in PEM, concatenated */
    public String chainPem() {
        return pem(certificate) + pem(issuer) + pem(root);
    }

    /** @return the private key as unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}) */
    public String privateKeyPem() {
        return Pem.encode("PRIVATE KEY", privateKey.getEncoded());
    }

    /**
     * A PKCS#12 key store holding the key under alias {@code vigie} with the full chain (leaf, CA, root).
     *
     * @param password store and key password
     * @return the PKCS#12 bytes
     */
    public byte[] pkcs12(char[] password) {
        Objects.requireNonNull(password, "password");
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("vigie", privateKey, password, new Certificate[]{certificate, issuer, root});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build PKCS#12", e);
        }
    }

    static String pem(X509Certificate c) {
        try {
            return Pem.encode("CERTIFICATE", c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "OrgCredential[" + subjectDn() + ", serial " + certificate.getSerialNumber().toString(16) + "]";
    }
}
