/**
 * Vigie core: identifiers, the FINESS directory and its readers, organisation certificates and trust, and the report
 * model (findings, rules, locations, the message catalogue, the JSON report). JDK only. The certificate doctrine and
 * the deployment indicators live in {@code org.vigie.doctrine}, on top of this module.
 */
module org.vigie.core {
    requires java.xml;

    exports org.vigie.core;
    exports org.vigie.core.cert;
    exports org.vigie.core.finess;

    // the bounded, lock-free cache of certificate-derived work, shared with control 1 only (not an API)
    exports org.vigie.core.cert.internal to org.vigie.saml;
    // bounded streams and the one hardened StAX factory: limits that hold under the parsers and decoders (not an API)
    exports org.vigie.core.internal.limits to org.vigie.cda, org.vigie.dmp, org.vigie.server;
    // the one Content-ID matcher (RFC 2392, as CXF resolves): cda (and its public delegate), dmp's MTOM reader (not an API)
    exports org.vigie.core.internal.mime to org.vigie.cda, org.vigie.dmp;
    // the one line reader (UTF-8 or Windows-1252, line by line) and CSV field splitter: FINESS and inventories (not an API)
    exports org.vigie.core.internal.text to org.vigie.doctrine;
}
