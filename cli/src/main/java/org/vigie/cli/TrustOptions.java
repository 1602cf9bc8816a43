package org.vigie.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.List;
import org.vigie.core.cert.TrustAnchors;
import picocli.CommandLine.Option;

/**
 * The {@code --trust}, {@code --trust-test} and {@code --crl} options shared by {@code vigie check} and
 * {@code vigie serve}: one help text, one meaning ({@link TrustAnchors#configured(List, boolean)}).
 */
final class TrustOptions {

    @Option(names = "--trust", arity = "1..*", paramLabel = "PEM",
            description = "Ancres de confiance des certificats (TLS client, signature du VIHF), PEM ou DER : remplacent les "
                    + "AC IGC-Santé de production ; les AC non auto-signées servent d'intermédiaires (seules, elles sont "
                    + "ancres).")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--trust-test", description = "Ajoute les AC IGC-Santé de TEST aux ancres (profil dmp-test-pki/1).")
    boolean trustTest;

    @Option(names = "--crl", arity = "1..*", paramLabel = "FILE",
            description = "Listes de révocation (PEM ou DER) ; une CRL périmée, delta, hors périmètre ou non signée par "
                    + "l'émetteur ne vaut pas vérification (« révocation non vérifiée »).")
    List<Path> crl = new ArrayList<>();

    /** The anchors named by {@code --trust} and {@code --trust-test}. */
    TrustAnchors anchors() throws IOException {
        return Checker.trustAnchors(trust, trustTest);
    }

    /** The CRLs of {@code --crl}. */
    List<X509CRL> crls() throws IOException {
        return Checker.crls(crl);
    }
}
