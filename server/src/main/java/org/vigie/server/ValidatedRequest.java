package org.vigie.server;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import org.vigie.core.Report;
import org.vigie.dmp.DmpValidation;

/**
 * One request the endpoint validated and answered from its report, as handed to
 * {@link VigieServer.Builder#onValidation(java.util.function.Consumer)}.
 *
 * @param instant           the evaluation instant of the request (the server's clock)
 * @param path              the raw path of the request URI (e.g. {@code /si-dmp-server/v2/services})
 * @param clientCertificate the client certificate of the TLS handshake
 * @param validation        the validation: report, framing, SOAP version, action, attachments
 */
public record ValidatedRequest(Instant instant, String path, X509Certificate clientCertificate, DmpValidation validation) {

    /** Checks that no component is null. */
    public ValidatedRequest {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(clientCertificate, "clientCertificate");
        Objects.requireNonNull(validation, "validation");
    }

    /** @return shortcut for {@code validation().report()} */
    public Report report() {
        return validation.report();
    }
}
