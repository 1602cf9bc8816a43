/**
 * Vigie for Apache CXF: a client feature that validates every outgoing DMP request as it leaves a JAX-WS client
 * (after WS-Security and MTOM), with the client certificate of the conduit's TLS parameters. CXF is provided by the
 * host: its jars are automatic modules ({@code org.apache.cxf.core}, {@code org.apache.cxf.transport.http}).
 */
module org.vigie.cxf {
    requires transitive org.vigie.dmp;
    requires transitive org.apache.cxf.core;
    requires org.apache.cxf.transport.http;

    exports org.vigie.cxf;
}
