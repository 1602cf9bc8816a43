package org.vigie.core.internal.limits;

import java.io.IOException;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;

/**
 * A resource limit refused more input: thrown by the bounded streams of this package from under a parser or a
 * decoder, so that the parser fails before it holds the bytes. Carries a stable label (which limit) and a one-line
 * message for the finding. Readers turn it into an {@code AI-XML} (or {@code VIHF-XML}) finding.
 */
public final class LimitExceededException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String label;
    /** The message: a catalogue text, or plain text. */
    private final transient Object description;

    /**
     * @param label   which limit
     * @param message what was refused: a {@link org.vigie.core.Messages.Text} (written in the finding's language) or
     *                plain text; {@link #getMessage()} is its French rendering
     */
    public LimitExceededException(String label, Object message) {
        super(message == null ? null : message.toString());
        this.label = label;
        this.description = message;
    }

    /** What was refused, as given: a catalogue text or plain text, to pass as a finding's argument. */
    public Object description() {
        return description == null ? "" : description;
    }

    /** Which limit: a short stable label such as {@code xml-token}, {@code decoded-size}, {@code metadata}. */
    public String label() {
        return label;
    }

    /**
     * The limit refusal behind a failure, if any: the throwable itself, one of its causes, or the nested exception
     * of an {@link XMLStreamException} (the JDK parser wraps I/O failures of its input).
     */
    public static Optional<LimitExceededException> in(Throwable t) {
        int guard = 0;
        for (Throwable c = t; c != null && guard++ < 32; c = c.getCause()) {
            if (c instanceof LimitExceededException l) {
                return Optional.of(l);
            }
            if (c instanceof XMLStreamException x && x.getNestedException() != null && x.getNestedException() != c) {
                Optional<LimitExceededException> o = in(x.getNestedException());
                if (o.isPresent()) {
                    return o;
                }
            }
        }
        return Optional.empty();
    }
}
