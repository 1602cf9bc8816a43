/**
 * Vigie control 2: authorInstitution in the XDS metadata and the CDA headers, read with StAX as streams.
 */
module org.vigie.cda {
    requires transitive org.vigie.core;
    requires transitive java.xml;

    exports org.vigie.cda;
}
