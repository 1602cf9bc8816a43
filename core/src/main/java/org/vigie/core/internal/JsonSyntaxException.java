package org.vigie.core.internal;

/** A JSON document is malformed or exceeds a limit; carries the 1-based line and column of the problem. */
public final class JsonSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long line;
    private final long column;

    /**
     * @param message what is wrong (French)
     * @param line 1-based line
     * @param column 1-based column
     */
    public JsonSyntaxException(String message, long line, long column) {
        super(message + " (ligne " + line + ", colonne " + column + ")");
        this.line = line;
        this.column = column;
    }

    /** @return the 1-based line of the problem */
    public long line() {
        return line;
    }

    /** @return the 1-based column of the problem */
    public long column() {
        return column;
    }
}
