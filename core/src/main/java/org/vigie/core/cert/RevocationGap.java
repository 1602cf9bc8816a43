package org.vigie.core.cert;

import java.util.List;

/**
 * A certificate of a chain whose revocation could not be checked, and why: either no supplied CRL names its issuer
 * ({@link #reasons()} empty), or every CRL of its issuer that was supplied is unusable at the evaluation instant
 * (one French reason per CRL: signature that does not verify with the issuer's key, not yet valid, past its
 * nextUpdate, without nextUpdate, a delta CRL, a scope that leaves the certificate out, an indirect or
 * reason-partitioned CRL, an unknown critical extension).
 *
 * @param subject the certificate's subject (RFC 2253)
 * @param issuer  its issuer's subject (RFC 2253), whose CRL was looked for
 * @param reasons why each supplied CRL of that issuer could not be used; empty when none was supplied
 */
public record RevocationGap(String subject, String issuer, List<String> reasons) {

    public RevocationGap {
        reasons = List.copyOf(reasons);
    }

    /** True when CRLs of the issuer were supplied but none could be used. */
    public boolean crlSuppliedButUnusable() {
        return !reasons.isEmpty();
    }
}
