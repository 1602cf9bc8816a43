package org.vigie.cli;

/**
 * Exit codes shared by every {@code vigie} subcommand.
 *
 * <ul>
 *   <li>{@link #OK} (0): the command succeeded; for a check, the submission is accepted;</li>
 *   <li>{@link #REJECTED} (1): a check ran to the end and the submission is rejected;</li>
 *   <li>{@link #UNUSABLE} (2): unusable input or arguments; a one-line reason is printed on stderr.</li>
 * </ul>
 */
public final class ExitCodes {
    /** Success, or submission accepted. */
    public static final int OK = 0;
    /** Submission rejected (at least one ERROR finding). */
    public static final int REJECTED = 1;
    /** Unusable input or arguments. */
    public static final int UNUSABLE = 2;

    private ExitCodes() {
    }
}
