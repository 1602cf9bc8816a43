/**
 * Vigie control 1: reads and verifies the VIHF token (hardened DOM, Apache Santuario under the house profile),
 * checks the organisation certificates and compares the token's structure with the TLS certificate's.
 */
module org.vigie.saml {
    requires transitive org.vigie.core;
    requires transitive java.xml;
    requires org.apache.santuario.xmlsec;

    exports org.vigie.saml;
}
