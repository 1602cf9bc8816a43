/**
 * Vigie local DMP endpoint: an HTTPS server with client-certificate authentication in front of the DMP request
 * validator, answering like the DMP.
 */
module org.vigie.server {
    requires transitive org.vigie.dmp;
    requires transitive org.vigie.testkit;
    requires jdk.httpserver;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    // the JUnit 5 extension only: present in the host's tests, absent (and not needed) elsewhere
    requires static org.junit.jupiter.api;

    exports org.vigie.server;
    exports org.vigie.server.junit;
}
