package org.vigie.cli;

/**
 * Stand-in for the vigie jar in {@link LauncherCdsTest}: the launcher runs it as {@code cli/target/vigie.jar}; it
 * prints one line and exits with the code given as its last argument (0 by default).
 */
public final class LauncherProbe {

    private LauncherProbe() {
    }

    /**
     * Prints {@code probe ok} and exits.
     *
     * @param args the launcher's arguments; a last argument {@code exit=N} sets the exit code
     */
    public static void main(String[] args) {
        System.out.println("probe ok");
        int code = 0;
        if (args.length > 0 && args[args.length - 1].startsWith("exit=")) {
            code = Integer.parseInt(args[args.length - 1].substring(5));
        }
        System.exit(code);
    }
}
