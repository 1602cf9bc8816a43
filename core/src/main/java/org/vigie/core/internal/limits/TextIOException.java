package org.vigie.core.internal.limits;

import java.io.IOException;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import org.vigie.core.Messages;

/**
 * An input failure whose reason is a catalogue text, so that the finding that reports it is written in the finding's
 * language ({@link #getMessage()} is the French rendering, as before). Not an API.
 */
public final class TextIOException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Messages.Text text;

    public TextIOException(Messages.Text text) {
        super(text.toString());
        this.text = text;
    }

    /** The reason, to pass as a finding's argument. */
    public Messages.Text text() {
        return text;
    }

    /**
     * The catalogue reason behind a failure (itself, a cause, a nested parser exception; a size-limit refusal
     * included), if any.
     *
     * @param t the failure
     * @return the text, or empty when the failure carries none
     */
    public static Optional<Object> in(Throwable t) {
        int guard = 0;
        for (Throwable c = t; c != null && guard++ < 32; c = c.getCause()) {
            if (c instanceof TextIOException x && x.text != null) {
                return Optional.of(x.text);
            }
            if (c instanceof LimitExceededException l) {
                return Optional.of(l.description());
            }
            if (c instanceof XMLStreamException x && x.getNestedException() != null && x.getNestedException() != c) {
                Optional<Object> o = in(x.getNestedException());
                if (o.isPresent()) {
                    return o;
                }
            }
        }
        return Optional.empty();
    }

    /** {@link #in(Throwable)}, or else the failure's message. */
    public static Object describe(Throwable t) {
        return in(t).orElse(t.getMessage());
    }
}
