/**
 * Vigie doctrine: the certificate doctrine of the ANS (who holds which organisation certificate, planned from an
 * organisation and audited against the certificates it has), the procedure that follows from a plan, the reader of
 * the organisation file of {@code vigie plan}, and the deployment indicators of a certificate inventory over the FINESS
 * directory. On {@code org.vigie.core} only (JDK otherwise).
 */
module org.vigie.doctrine {
    requires transitive org.vigie.core;

    exports org.vigie.doctrine;
    exports org.vigie.doctrine.deployment;
}
