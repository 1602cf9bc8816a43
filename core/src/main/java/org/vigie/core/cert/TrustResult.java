package org.vigie.core.cert;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.vigie.core.Messages;

/**
 * The outcome of {@link CertificateTrust#check}: every problem found (catalogue texts, for {@code CERT-TRUST}),
 * the chain that was built, and the issuers whose revocation could not be checked for want of a CRL.
 *
 * @param problemTexts       what is wrong (chain, validity at the instant, revocation), as catalogue texts written in
 *                           the language of the finding that carries them; empty when trusted
 * @param path               the chain built, leaf first, anchor last; empty when no chain to an anchor exists
 * @param revoked            true when a supplied CRL revokes a certificate of the chain at the instant
 * @param revocationUnchecked subjects of the chain certificates no usable supplied CRL covers (nothing was fetched)
 * @param revocationGaps      the same certificates with the reason each supplied CRL of their issuer was unusable
 */
public record TrustResult(List<Messages.Text> problemTexts, List<X509Certificate> path, boolean revoked,
                          List<String> revocationUnchecked, List<RevocationGap> revocationGaps) {

    public TrustResult {
        problemTexts = List.copyOf(problemTexts);
        path = List.copyOf(path);
        revocationUnchecked = List.copyOf(revocationUnchecked);
        revocationGaps = List.copyOf(revocationGaps);
    }

    /** A result without revocation details (every unchecked certificate counted as "no CRL supplied"). */
    public TrustResult(List<Messages.Text> problemTexts, List<X509Certificate> path, boolean revoked,
                       List<String> revocationUnchecked) {
        this(problemTexts, path, revoked, revocationUnchecked,
                revocationUnchecked.stream().map(s -> new RevocationGap(s, "", List.of())).toList());
    }

    /** True when the certificate chains to an anchor, every certificate is valid at the instant, and none is revoked. */
    public boolean ok() {
        return problemTexts.isEmpty();
    }

    /** What is wrong, in French (the default language); empty when trusted. */
    public List<String> problems() {
        return problemTexts.stream().map(Messages.Text::toString).toList();
    }

    /** True when a chain to a configured anchor was found (whatever the validity dates and revocation say). */
    public boolean chained() {
        return !path.isEmpty();
    }

    /** The anchor the chain ends at. */
    public Optional<X509Certificate> anchor() {
        return path.isEmpty() ? Optional.empty() : Optional.of(path.get(path.size() - 1));
    }
}
