package org.vigie.cli;

/**
 * Thrown by a subcommand when its input or arguments cannot be used at all (missing file, unreadable
 * file, contradictory options). {@link VigieCommand} turns it into exit code {@link ExitCodes#UNUSABLE}
 * and prints its message, on one line, on stderr; no stack trace is ever shown.
 */
public class UnusableInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one-line reason shown to the user (French or English, no trailing newline)
     */
    public UnusableInputException(String message) {
        super(message);
        this.text = null;
    }

    /**
     * Creates the exception with its cause (the cause is never printed).
     *
     * @param message one-line reason shown to the user
     * @param cause underlying cause
     */
    public UnusableInputException(String message, Throwable cause) {
        super(message, cause);
        this.text = null;
    }

    /** The reason as a text of the command line's table, when it was given as one (rendered in the chosen language). */
    private final transient CliText.Msg text;

    /**
     * Creates the exception from a text of the command line's table: {@link #getMessage()} is French, and
     * {@link #message(java.util.Locale)} gives the reason in the language of {@code --lang}.
     *
     * @param text one-line reason
     */
    UnusableInputException(CliText.Msg text) {
        super(text.toString());
        this.text = text;
    }

    /** {@link #UnusableInputException(CliText.Msg)} with its cause (never printed). */
    UnusableInputException(CliText.Msg text, Throwable cause) {
        super(text.toString(), cause);
        this.text = text;
    }

    /** The reason in {@code locale}'s language (French for a reason given as plain text). */
    String message(java.util.Locale locale) {
        return text == null ? getMessage() : text.render(locale);
    }
}
