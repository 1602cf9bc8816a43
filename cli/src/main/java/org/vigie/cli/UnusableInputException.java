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
    }

    /**
     * Creates the exception with its cause (the cause is never printed).
     *
     * @param message one-line reason shown to the user
     * @param cause underlying cause
     */
    public UnusableInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
