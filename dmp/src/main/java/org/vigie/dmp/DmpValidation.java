package org.vigie.dmp;

import java.util.List;
import java.util.Optional;
import org.vigie.core.Report;

/**
 * The outcome of {@link DmpRequestValidator#validateRequest}: the report plus what the reader saw of the request.
 *
 * @param report       every CERT-*, VIHF-*, AI-* (and ID-KEY) finding and the occurrence table
 * @param framing      how the request was framed (plain SOAP, MTOM, behind an HTTP header block...)
 * @param soapVersion  "1.1" or "1.2" when an envelope was read
 * @param action       the WS-Addressing Action (or the MIME/HTTP action parameter), when present
 * @param feeding      true when the request is an ITI-41 feeding and control 2 ran
 * @param attachments  the Content-IDs of the MTOM parts read as documents
 */
public record DmpValidation(Report report, String framing, Optional<String> soapVersion, Optional<String> action,
                            boolean feeding, List<String> attachments) {

    public DmpValidation {
        attachments = List.copyOf(attachments);
    }

    /** Shortcut for {@code report().accepted()}. */
    public boolean accepted() {
        return report.accepted();
    }
}
