/**
 * Vigie test kit: an IGC-Santé-like test PKI and builders of VIHF tokens, CDA documents, XDS submissions and DMP
 * messages, valid or deliberately broken; synthetic FINESS extracts and certificate inventories
 * ({@code org.vigie.testkit.data}). Independent of the validators.
 */
module org.vigie.testkit {
    requires transitive org.vigie.core;
    requires transitive java.xml;
    requires java.naming;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.apache.santuario.xmlsec;

    exports org.vigie.testkit;
    exports org.vigie.testkit.data;
}
