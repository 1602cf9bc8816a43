/**
 * Vigie core: identifiers, the FINESS directory and its readers, organisation certificates and trust, the
 * certificate doctrine, deployment indicators and the report model. JDK only.
 */
module org.vigie.core {
    requires java.xml;

    exports org.vigie.core;
    exports org.vigie.core.cert;
    exports org.vigie.core.finess;
    exports org.vigie.core.doctrine;
    exports org.vigie.core.deployment;

    // the bounded, lock-free cache of certificate-derived work, shared with control 1 only (not an API)
    exports org.vigie.core.cert.internal to org.vigie.saml;
    // bounded streams and the one hardened StAX factory: limits that hold under the parsers and decoders (not an API)
    exports org.vigie.core.internal.limits to org.vigie.cda, org.vigie.dmp, org.vigie.server;
}
