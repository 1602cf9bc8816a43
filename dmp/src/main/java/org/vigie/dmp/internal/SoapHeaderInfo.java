package org.vigie.dmp.internal;

import java.util.List;
import java.util.Optional;

/**
 * What the SOAP header said.
 *
 * @param soapVersion  "1.1" or "1.2", or empty when no envelope was read
 * @param action       the WS-Addressing Action, if any
 * @param assertions   each SAML 2.0 Assertion of the {@code wsse:Security} header for the ultimate receiver,
 *                     re-serialised standalone (UTF-8) with the namespaces in scope; inside a {@code wsse:Security}
 *                     wrapper carrying the {@code xml:*} attributes it inherits, when there are any
 * @param vihfProblemText why no usable Assertion could be captured (too large, malformed header...), if so
 */
public record SoapHeaderInfo(Optional<String> soapVersion, Optional<String> action, List<byte[]> assertions,
                             Optional<org.vigie.core.Messages.Text> vihfProblemText) {

    public SoapHeaderInfo {
        assertions = List.copyOf(assertions);
    }

    /** {@link #vihfProblemText()} in French. */
    public Optional<String> vihfProblem() {
        return vihfProblemText.map(org.vigie.core.Messages.Text::toString);
    }
}
