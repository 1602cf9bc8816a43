/**
 * Vigie DMP request: the SOAP / MTOM reader and the one-call validator that joins controls 1 and 2.
 */
module org.vigie.dmp {
    requires transitive org.vigie.core;
    requires transitive org.vigie.saml;
    requires transitive org.vigie.cda;
    requires transitive java.xml;
    // Apache James mime4j-core has no module descriptor: its automatic module name comes from the jar name
    requires apache.mime4j.core;

    exports org.vigie.dmp;

    // the content-coding decoder (ContentCodings), shared with vigie serve's request handling (not an API)
    exports org.vigie.dmp.internal to org.vigie.server;
}
