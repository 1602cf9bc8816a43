package org.vigie.cxf;

import org.vigie.server.cxf.Wss4jVihf;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.ws.security.wss4j.WSS4JOutInterceptor;
import org.apache.wss4j.common.ConfigurationConstants;
import org.apache.wss4j.common.saml.SAMLCallback;
import org.vigie.testkit.OrgCredential;
import org.w3c.dom.Element;

/**
 * The WS-Security path of the test client: CXF's {@link WSS4JOutInterceptor} (SAAJ) puts a WSS4J/OpenSAML VIHF
 * ({@link Wss4jVihf}) in {@code wsse:Security}. Loaded by name from {@link CxfClients}, so that a line without WSS4J
 * on Maven Central (CXF 3.6) can leave this class out.
 */
public final class Wss4jTokens {

    private Wss4jTokens() {
    }

    /**
     * Adds the interceptor to the client.
     *
     * @param client    the CXF client
     * @param sign      the VIHF signer
     * @param issued    the token's instant
     * @param structure Identifiant_Structure, or null for the signer's
     */
    public static void install(Client client, OrgCredential sign, Instant issued, String structure) throws Exception {
        Element token = Wss4jVihf.build(sign, issued, s -> {
            if (structure != null) {
                s.identifiantStructure = structure;
            }
        });
        Map<String, Object> props = new HashMap<>();
        props.put(ConfigurationConstants.ACTION, ConfigurationConstants.SAML_TOKEN_UNSIGNED);
        javax.security.auth.callback.CallbackHandler handler = callbacks -> {
            for (javax.security.auth.callback.Callback c : callbacks) {
                if (c instanceof SAMLCallback saml) {
                    saml.setAssertionElement(token); // issued and signed beforehand, as an LPS caches its VIHF
                }
            }
        };
        props.put(ConfigurationConstants.SAML_CALLBACK_REF, handler);
        client.getOutInterceptors().add(new WSS4JOutInterceptor(props));
    }
}
