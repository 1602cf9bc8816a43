package org.vigie.testkit;

import java.time.Instant;

/**
 * What {@link TestPki#crl(CrlSpec)} should build: a CRL of the ORGANISATIONS CA listing the revoked certificates
 * issued so far, current and complete by default, with deviations for negative tests (RFC 5280 §5): stale or not
 * yet valid dates, no nextUpdate, a delta CRL, an {@code issuingDistributionPoint} narrowing its scope, or a
 * signature by another key under the same issuer name.
 *
 * <p>Immutable: every method returns a new specification.
 *
 * <pre>{@code
 * X509CRL stale = pki.crl(CrlSpec.current().dates(pki.anchor().minus(Duration.ofDays(40)),
 *         pki.anchor().minus(Duration.ofDays(10))));
 * X509CRL caOnly = pki.crl(CrlSpec.current().onlyContainsCaCerts());
 * }</pre>
 *
 * @param thisUpdate            thisUpdate; null for the default (anchor − 1 day)
 * @param nextUpdate            nextUpdate; null for the default (anchor + 30 days) unless {@code noNextUpdate}
 * @param noNextUpdate          omit nextUpdate
 * @param deltaOfBase           when positive, a delta CRL (deltaCRLIndicator, critical) of the base CRL number given
 * @param idpUserCerts          IDP onlyContainsUserCerts
 * @param idpCaCerts            IDP onlyContainsCACerts
 * @param idpAttributeCerts     IDP onlyContainsAttributeCerts
 * @param idpSomeReasons        IDP onlySomeReasons (keyCompromise only)
 * @param idpIndirect           IDP indirectCRL
 * @param foreignKey            signed by the foreign ORGANISATIONS CA (same name, other key)
 * @param empty                 list no certificate even when revoked ones were issued
 */
public record CrlSpec(Instant thisUpdate, Instant nextUpdate, boolean noNextUpdate, long deltaOfBase,
                      boolean idpUserCerts, boolean idpCaCerts, boolean idpAttributeCerts, boolean idpSomeReasons,
                      boolean idpIndirect, boolean foreignKey, boolean empty) {

    /** @return a current, complete CRL of the ORGANISATIONS CA (what {@link TestPki#crl()} gives) */
    public static CrlSpec current() {
        return new CrlSpec(null, null, false, 0, false, false, false, false, false, false, false);
    }

    /**
     * @param from thisUpdate
     * @param next nextUpdate
     * @return a new specification with these dates
     */
    public CrlSpec dates(Instant from, Instant next) {
        return new CrlSpec(from, next, false, deltaOfBase, idpUserCerts, idpCaCerts, idpAttributeCerts,
                idpSomeReasons, idpIndirect, foreignKey, empty);
    }

    /** @return a new specification without nextUpdate */
    public CrlSpec withoutNextUpdate() {
        return new CrlSpec(thisUpdate, null, true, deltaOfBase, idpUserCerts, idpCaCerts, idpAttributeCerts,
                idpSomeReasons, idpIndirect, foreignKey, empty);
    }

    /**
     * @param baseCrlNumber the base CRL number the delta refers to (positive)
     * @return a delta CRL specification
     */
    public CrlSpec delta(long baseCrlNumber) {
        if (baseCrlNumber <= 0) {
            throw new IllegalArgumentException("base CRL number must be positive");
        }
        return new CrlSpec(thisUpdate, nextUpdate, noNextUpdate, baseCrlNumber, idpUserCerts, idpCaCerts,
                idpAttributeCerts, idpSomeReasons, idpIndirect, foreignKey, empty);
    }

    /** @return a new specification whose IDP says onlyContainsUserCerts */
    public CrlSpec onlyContainsUserCerts() {
        return new CrlSpec(thisUpdate, nextUpdate, noNextUpdate, deltaOfBase, true, idpCaCerts, idpAttributeCerts,
                idpSomeReasons, idpIndirect, foreignKey, empty);
    }

    /** @return a new specification whose IDP says onlyContainsCACerts */
    public CrlSpec onlyContainsCaCerts() {
        return new CrlSpec(thisUpdate, nextUpdate, noNextUpdate, deltaOfBase, idpUserCerts, true, idpAttributeCerts,
                idpSomeReasons, idpIndirect, foreignKey, empty);
    }

    /** @return a new specification whose IDP says onlyContainsAttributeCerts */
    public CrlSpec onlyContainsAttributeCerts() {
        return new CrlSpec(thisUpdate, nextUpdate, noNextUpdate, deltaOfBase, idpUserCerts, idpCaCerts, true,
                idpSomeReasons, idpIndirect, foreignKey, empty);
    }

    /** @return a new specification whose IDP limits the reasons to keyCompromise */
    public CrlSpec onlySomeReasons() {
        return new CrlSpec(thisUpdate, nextUpdate, noNextUpdate, deltaOfBase, idpUserCerts, idpCaCerts,
                idpAttributeCerts, true, idpIndirect, foreignKey, empty);
    }

    /** @return a new specification whose IDP says indirectCRL */
    public CrlSpec indirectCrl() {
        return new CrlSpec(thisUpdate, nextUpdate, noNextUpdate, deltaOfBase, idpUserCerts, idpCaCerts,
                idpAttributeCerts, idpSomeReasons, true, foreignKey, empty);
    }

    /** @return a new specification signed by the foreign ORGANISATIONS CA (same issuer name, other key) */
    public CrlSpec signedByForeignKey() {
        return new CrlSpec(thisUpdate, nextUpdate, noNextUpdate, deltaOfBase, idpUserCerts, idpCaCerts,
                idpAttributeCerts, idpSomeReasons, idpIndirect, true, empty);
    }

    /** @return a new specification listing no certificate */
    public CrlSpec listingNothing() {
        return new CrlSpec(thisUpdate, nextUpdate, noNextUpdate, deltaOfBase, idpUserCerts, idpCaCerts,
                idpAttributeCerts, idpSomeReasons, idpIndirect, foreignKey, true);
    }

    boolean hasIdp() {
        return idpUserCerts || idpCaCerts || idpAttributeCerts || idpSomeReasons || idpIndirect;
    }
}
