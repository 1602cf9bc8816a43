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
}
