package org.vigie.core.cert;

import java.util.List;
import java.util.Locale;
import org.vigie.core.Messages;

/**
 * A certificate of a chain whose revocation could not be checked, and why: either no supplied CRL names its issuer
 * ({@link #reasons()} empty), or every CRL of its issuer that was supplied is unusable at the evaluation instant
 * (one reason per CRL, a catalogue text: signature that does not verify with the issuer's key, not yet valid, past its
 * nextUpdate, without nextUpdate, a delta CRL, a scope that leaves the certificate out, an indirect or
 * reason-partitioned CRL, an unknown critical extension).
 *
 * @param subject the certificate's subject (RFC 2253)
 * @param issuer  its issuer's subject (RFC 2253), whose CRL was looked for
 * @param reasonTexts why each supplied CRL of that issuer could not be used; empty when none was supplied
 */
public record RevocationGap(String subject, String issuer, List<Messages.Text> reasonTexts) {

    public RevocationGap {
        reasonTexts = List.copyOf(reasonTexts);
    }

    /** The reasons in French (as {@link #reasonTexts()} rendered in French). */
    public List<String> reasons() {
        return reasons(Locale.FRENCH);
    }

    /** The reasons in {@code locale}'s language (English for an English locale, French otherwise). */
    public List<String> reasons(Locale locale) {
        return reasonTexts.stream().map(t -> t.render(locale)).toList();
    }

    /** The reasons as one text, separated by semicolons, in the language it is rendered in. */
    public Messages.Text reasonsText() {
        Messages.Text all = null;
        for (Messages.Text t : reasonTexts) {
            all = all == null ? t : Messages.text("CERT-TRUST.core-and", all, t);
        }
        return all == null ? Messages.text("CERT-TRUST.core-none") : all;
    }

    /** True when CRLs of the issuer were supplied but none could be used. */
    public boolean crlSuppliedButUnusable() {
        return !reasonTexts.isEmpty();
    }
}
