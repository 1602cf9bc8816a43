package org.vigie.cxf;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.cxf.interceptor.Fault;
import org.vigie.core.Finding;
import org.vigie.core.Report;
import org.vigie.core.Severity;
import org.vigie.dmp.DmpValidation;

/**
 * Thrown by a {@link VigieFeature} in {@link VigieFeature.Mode#ENFORCE ENFORCE} mode when the outgoing DMP request is
 * not accepted: the request was not sent (no byte reached the server). It is a CXF {@link Fault}, so a JAX-WS caller
 * receives it as the cause of the {@code SOAPFaultException} (or {@code WebServiceException}) of its call; it carries
 * the whole {@link DmpValidation}.
 *
 * <pre>{@code
 * try {
 *     port.provideAndRegister(request);
 * } catch (WebServiceException e) {
 *     if (e.getCause() instanceof VigieRejectedException r) {
 *         r.report().findings().forEach(f -> log.error(f.ruleId() + " " + f.message()));
 *     }
 * }
 * }</pre>
 */
public final class VigieRejectedException extends Fault {

    private static final long serialVersionUID = 1L;

    private final transient DmpValidation validation;
    private final String text;

    /**
     * An exception for a request that was not sent.
     *
     * @param validation the validation that refused the request (not null)
     */
    public VigieRejectedException(DmpValidation validation) {
        super(new org.apache.cxf.common.i18n.Message("VIGIE_REJECTED", (java.util.ResourceBundle) null));
        this.validation = Objects.requireNonNull(validation, "validation");
        this.text = describe(validation.report());
    }

    /** The validation of the refused request: the report and what was read of the request. */
    public DmpValidation validation() {
        return validation;
    }

    /** Shortcut for {@code validation().report()}. */
    public Report report() {
        return validation.report();
    }

    /** "Vigie refused to send the DMP request" and the rule ids and locations of its errors. */
    @Override
    public String getMessage() {
        return text;
    }

    private static String describe(Report report) {
        var errors = report.bySeverity(Severity.ERROR);
        return "Vigie refused to send the DMP request (ENFORCE): " + errors.size() + " error(s): "
                + errors.stream().map(VigieRejectedException::line).collect(Collectors.joining("; "));
    }

    private static String line(Finding f) {
        return f.ruleId() + " @" + f.location() + ": " + f.message(Locale.ENGLISH);
    }
}
