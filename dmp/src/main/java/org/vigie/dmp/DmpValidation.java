package org.vigie.dmp;

import java.util.List;
import java.util.Optional;
import org.vigie.core.Report;

/**
 * The outcome of {@link DmpRequestValidator#validate(DmpRequest)} and {@link DmpRequestValidator#validate(DmpParts)}:
 * the report plus what the validator saw of the request.
 *
 * @param report       every CERT-*, VIHF-*, AI-* (and ID-KEY) finding and the occurrence table
 * @param framing      how the request was framed (plain SOAP, MTOM, behind an HTTP header block...), {@link #PARTS}
 *                     for a request given as {@link DmpParts}
 * @param soapVersion  "1.1" or "1.2" when an envelope was read (never for {@link DmpParts})
 * @param action       the WS-Addressing Action (or the MIME/HTTP action parameter), when present (never for
 *                     {@link DmpParts})
 * @param feeding      true when the request is an ITI-41 feeding and control 2 ran (for {@link DmpParts}: when a
 *                     submission was given)
 * @param attachments  the Content-IDs of the MTOM parts (or {@link DmpParts} documents) read as documents
 */
public record DmpValidation(Report report, String framing, Optional<String> soapVersion, Optional<String> action,
                            boolean feeding, List<String> attachments) {

    /** The {@link #framing()} of a request validated as {@link DmpParts}: no message was framed. */
    public static final String PARTS = "parties séparées";

    /** Copies the attachment list. */
    public DmpValidation {
        attachments = List.copyOf(attachments);
    }

    /** Shortcut for {@code report().accepted()}. */
    public boolean accepted() {
        return report.accepted();
    }
}
