package org.vigie.cxf.internal;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.X509KeyManager;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.Conduit;
import org.apache.cxf.transport.http.HTTPConduit;
import org.vigie.core.cert.TlsPeer;

/** Finds the TLS client chain a request will present: the conduit's key managers, else the feature's chain. */
final class ClientChains {

    /** The key types a DMP client certificate may have (RSA for IGC-Santé; EC for completeness). */
    private static final String[] KEY_TYPES = {"RSA", "EC", "RSASSA-PSS"};

    private ClientChains() {
    }

    static Optional<TlsPeer> of(Message message, List<X509Certificate> fallback) {
        Optional<TlsPeer> fromConduit = fromConduit(message);
        if (fromConduit.isPresent()) {
            return fromConduit;
        }
        return fallback.isEmpty() ? Optional.empty() : Optional.of(TlsPeer.ofChain(fallback));
    }

    private static Optional<TlsPeer> fromConduit(Message message) {
        Exchange exchange = message.getExchange();
        Conduit conduit = exchange == null ? null : exchange.getConduit(message);
        if (!(conduit instanceof HTTPConduit http)) {
            return Optional.empty();
        }
        TLSClientParameters tls = http.getTlsClientParameters();
        KeyManager[] managers = tls == null ? null : tls.getKeyManagers();
        if (managers == null) {
            return Optional.empty();
        }
        for (KeyManager km : managers) {
            if (km instanceof X509KeyManager x) {
                String alias = tls.getCertAlias() != null ? tls.getCertAlias() : x.chooseClientAlias(KEY_TYPES, null, null);
                X509Certificate[] chain = alias == null ? null : x.getCertificateChain(alias);
                if (chain != null && chain.length > 0) {
                    return Optional.of(TlsPeer.ofChain(List.of(chain)));
                }
            }
        }
        return Optional.empty();
    }
}
