package org.vigie.core.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict, bounded pull parser for JSON (RFC 8259), for the FINESS feed. Strict: no comments, no trailing
 * commas, no single quotes, no NaN; one top-level value. Bounded: nesting depth, string length, number length and
 * total characters are limited; every error gives the line and column. Not thread-safe.
 */
public final class JsonStreamReader {

    /** The events of the pull parser. */
    public enum Token {
        /** <code>&#123;</code>: start of an object */
        START_OBJECT,
        /** <code>&#125;</code>: end of an object */
        END_OBJECT,
        /** {@code [}: start of an array */
        START_ARRAY,
        /** {@code ]}: end of an array */
        END_ARRAY,
        /** a member name; {@link JsonStreamReader#text()} holds it */
        NAME,
        /** a string value; {@link JsonStreamReader#text()} holds it */
        STRING,
        /** a number; {@link JsonStreamReader#text()} holds it as written */
        NUMBER,
        /** {@code true} */
        TRUE,
        /** {@code false} */
        FALSE,
        /** {@code null} */
        NULL,
        /** end of the document */
        END
    }

    private static final int BUF = 8192;

    private final Reader in;
    private final int maxDepth;
    private final int maxStringLength;
    private final long maxChars;
    private final char[] buf = new char[BUF];
    private int pos;
    private int len;
    private long consumed;
    private long line = 1;
    private long column = 0;
    private long tokenLine;
    private long tokenColumn;

    // container stack: 'o' object, 'a' array
    private final char[] stack;
    private int depth;
    // state inside the current container
    private boolean expectName;      // in object, a name (or '}') is expected
    private boolean afterValue;      // a value (or name in object) was just read
    private boolean afterName;       // in object, a name was read, value expected
    private boolean started;
    private boolean finished;
    private final StringBuilder text = new StringBuilder();

    /**
     * @param in the characters to parse
     * @param maxDepth maximum nesting of arrays and objects
     * @param maxStringLength maximum length of a string or name, in chars
     * @param maxChars maximum size of the document, in chars
     */
    public JsonStreamReader(Reader in, int maxDepth, int maxStringLength, long maxChars) {
        this.in = in;
        this.maxDepth = maxDepth;
        this.maxStringLength = maxStringLength;
        this.maxChars = maxChars;
        this.stack = new char[maxDepth + 1];
    }

    /** @return the text of the last NAME, STRING or NUMBER token */
    public String text() {
        return text.toString();
    }

    /** @return 1-based line where the last token started */
    public long tokenLine() {
        return tokenLine;
    }

    /** @return 1-based column where the last token started */
    public long tokenColumn() {
        return tokenColumn;
    }

    /** @return current nesting depth (0 at top level) */
    public int depth() {
        return depth;
    }

    /**
     * @return the next token
     * @throws IOException on read failure
     * @throws JsonSyntaxException on malformed input or exceeded limit
     */
    public Token next() throws IOException, JsonSyntaxException {
        if (finished) {
            return Token.END;
        }
        int c = skipWs();
        tokenLine = line;
        tokenColumn = column;
        if (depth == 0 && started) {
            if (c != -1) {
                throw error("contenu après la fin du document JSON");
            }
            finished = true;
            return Token.END;
        }
        if (c == -1) {
            throw error(started ? "fin de fichier inattendue (document JSON incomplet)" : "document JSON vide");
        }
        started = true;
        if (depth > 0 && stack[depth] == 'o') {
            if (c == '}') {
                if (afterName || (!afterValue && !expectName)) {
                    throw error("valeur attendue avant '}'");
                }
                if (expectName && !afterValue && sawComma) {
                    throw error("virgule finale avant '}'");
                }
                return close();
            }
            if (afterValue) {
                if (c != ',') {
                    throw error("',' ou '}' attendu, trouvé " + show(c));
                }
                afterValue = false;
                expectName = true;
                sawComma = true;
                c = skipWs();
                tokenLine = line;
                tokenColumn = column;
                if (c == '}') {
                    throw error("virgule finale avant '}'");
                }
            }
            if (expectName) {
                if (c != '"') {
                    throw error("nom de membre entre guillemets attendu, trouvé " + show(c));
                }
                readString();
                int colon = skipWs();
                if (colon != ':') {
                    throw error("':' attendu après le nom de membre, trouvé " + show(colon));
                }
                expectName = false;
                afterName = true;
                return Token.NAME;
            }
            // afterName: value
            afterName = false;
            return value(c);
        }
        if (depth > 0) { // array
            if (c == ']') {
                if (sawComma && !afterValue) {
                    throw error("virgule finale avant ']'");
                }
                return close();
            }
            if (afterValue) {
                if (c != ',') {
                    throw error("',' ou ']' attendu, trouvé " + show(c));
                }
                afterValue = false;
                sawComma = true;
                c = skipWs();
                tokenLine = line;
                tokenColumn = column;
                if (c == ']') {
                    throw error("virgule finale avant ']'");
                }
                if (c == -1) {
                    throw error("fin de fichier inattendue (document JSON incomplet)");
                }
            }
            return value(c);
        }
        return value(c);
    }

    private boolean sawComma;

    private Token close() {
        depth--;
        Token t = stack[depth + 1] == 'o' ? Token.END_OBJECT : Token.END_ARRAY;
        valueDone();
        return t;
    }

    private void valueDone() {
        afterValue = true;
        afterName = false;
        expectName = false;
        sawComma = false;
    }

    private Token value(int c) throws IOException, JsonSyntaxException {
        switch (c) {
            case '{':
                push('o');
                expectName = true;
                afterValue = false;
                afterName = false;
                sawComma = false;
                return Token.START_OBJECT;
            case '[':
                push('a');
                expectName = false;
                afterValue = false;
                afterName = false;
                sawComma = false;
                return Token.START_ARRAY;
            case '"':
                readString();
                valueDone();
                return Token.STRING;
            case 't':
                literal("true");
                valueDone();
                return Token.TRUE;
            case 'f':
                literal("false");
                valueDone();
                return Token.FALSE;
            case 'n':
                literal("null");
                valueDone();
                return Token.NULL;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    readNumber(c);
                    valueDone();
                    return Token.NUMBER;
                }
                throw error("valeur JSON attendue, trouvé " + show(c));
        }
    }

    private void push(char kind) throws JsonSyntaxException {
        if (depth >= maxDepth) {
            throw error("imbrication JSON plus profonde que " + maxDepth);
        }
        stack[++depth] = kind;
    }

    private void literal(String word) throws IOException, JsonSyntaxException {
        for (int i = 1; i < word.length(); i++) {
            int c = read();
            if (c != word.charAt(i)) {
                throw error("littéral « " + word + " » attendu");
            }
        }
        int c = peek();
        if (c != -1 && (Character.isLetterOrDigit(c) || c == '_')) {
            throw error("littéral « " + word + " » attendu");
        }
    }

    private void readNumber(int first) throws IOException, JsonSyntaxException {
        text.setLength(0);
        text.append((char) first);
        int c = first;
        if (c == '-') {
            c = read();
            if (c < '0' || c > '9') {
                throw error("chiffre attendu après '-'");
            }
            text.append((char) c);
        }
        if (c == '0') {
            int p = peek();
            if (p >= '0' && p <= '9') {
                throw error("zéro initial interdit dans un nombre");
            }
        } else {
            digits(false);
        }
        if (peek() == '.') {
            text.append((char) read());
            digits(true);
        }
        int p = peek();
        if (p == 'e' || p == 'E') {
            text.append((char) read());
            p = peek();
            if (p == '+' || p == '-') {
                text.append((char) read());
            }
            digits(true);
        }
        if (text.length() > 64) {
            throw error("nombre trop long");
        }
    }

    private void digits(boolean atLeastOne) throws IOException, JsonSyntaxException {
        int n = 0;
        while (true) {
            int p = peek();
            if (p < '0' || p > '9') {
                break;
            }
            text.append((char) read());
            if (++n > 64) {
                throw error("nombre trop long");
            }
        }
        if (atLeastOne && n == 0) {
            throw error("chiffre attendu dans le nombre");
        }
    }

    private void readString() throws IOException, JsonSyntaxException {
        text.setLength(0);
        while (true) {
            int c = read();
            if (c == -1) {
                throw error("chaîne non terminée");
            }
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                throw error("caractère de contrôle non échappé dans une chaîne");
            }
            if (c == '\\') {
                int e = read();
                switch (e) {
                    case '"': c = '"'; break;
                    case '\\': c = '\\'; break;
                    case '/': c = '/'; break;
                    case 'b': c = '\b'; break;
                    case 'f': c = '\f'; break;
                    case 'n': c = '\n'; break;
                    case 'r': c = '\r'; break;
                    case 't': c = '\t'; break;
                    case 'u': {
                        int v = 0;
                        for (int i = 0; i < 4; i++) {
                            int h = Character.digit(read(), 16);
                            if (h < 0) {
                                throw error("échappement \\u invalide");
                            }
                            v = v * 16 + h;
                        }
                        c = v;
                        break;
                    }
                    default:
                        throw error("échappement invalide dans une chaîne");
                }
            }
            if (text.length() >= maxStringLength) {
                throw error("chaîne plus longue que " + maxStringLength + " caractères");
            }
            text.append((char) c);
        }
    }

    private int skipWs() throws IOException, JsonSyntaxException {
        while (true) {
            int c = read();
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return c;
            }
        }
    }

    private int peek() throws IOException, JsonSyntaxException {
        if (pos >= len && !fill()) {
            return -1;
        }
        return buf[pos];
    }

    private int read() throws IOException, JsonSyntaxException {
        if (pos >= len && !fill()) {
            return -1;
        }
        char c = buf[pos++];
        if (c == '\n') {
            line++;
            column = 0;
        } else {
            column++;
        }
        return c;
    }

    private boolean fill() throws IOException, JsonSyntaxException {
        int n = in.read(buf, 0, BUF);
        if (n <= 0) {
            return false;
        }
        consumed += n;
        if (consumed > maxChars) {
            throw error("document JSON plus grand que " + maxChars + " caractères");
        }
        pos = 0;
        len = n;
        return true;
    }

    private JsonSyntaxException error(String message) {
        return new JsonSyntaxException(message, line, Math.max(1, column));
    }

    private static String show(int c) {
        return c == -1 ? "la fin du fichier" : "'" + (char) c + "'";
    }

    /**
     * Skips the value that starts with the token just returned (a whole object or array, or nothing for a scalar).
     *
     * @param current the token just returned by {@link #next()}
     * @throws IOException on read failure
     * @throws JsonSyntaxException on malformed input
     */
    public void skipValue(Token current) throws IOException, JsonSyntaxException {
        if (current != Token.START_OBJECT && current != Token.START_ARRAY) {
            return;
        }
        int target = depth - 1;
        while (depth > target) {
            Token t = next();
            if (t == Token.END) {
                throw error("fin de fichier inattendue (document JSON incomplet)");
            }
        }
    }

    /**
     * Reads the value that starts with the token just returned into plain Java objects: {@code Map<String,Object>}
     * (insertion order), {@code List<Object>}, {@code String} (strings and numbers as written), {@code Boolean},
     * or {@code null}.
     *
     * @param current the token just returned by {@link #next()}
     * @param maxValues maximum number of values in the tree
     * @return the value
     * @throws IOException on read failure
     * @throws JsonSyntaxException on malformed input or when the value holds more than {@code maxValues} values
     */
    public Object readTree(Token current, int maxValues) throws IOException, JsonSyntaxException {
        return readTree(current, maxValues, false);
    }

    /**
     * Like {@link #readTree(Token, int)}, optionally with member names lower-cased (ROOT locale), for
     * case-insensitive lookups; when two names then collide, the first member is kept.
     *
     * @param current the token just returned by {@link #next()}
     * @param maxValues maximum number of values in the tree
     * @param lowerCaseNames whether to lower-case member names
     * @return the value
     * @throws IOException on read failure
     * @throws JsonSyntaxException on malformed input or when the value holds more than {@code maxValues} values
     */
    public Object readTree(Token current, int maxValues, boolean lowerCaseNames)
            throws IOException, JsonSyntaxException {
        int[] budget = {maxValues};
        return tree(current, budget, lowerCaseNames);
    }

    private Object tree(Token t, int[] budget, boolean lower) throws IOException, JsonSyntaxException {
        if (--budget[0] < 0) {
            throw error("enregistrement JSON trop volumineux");
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (true) {
                    Token n = next();
                    if (n == Token.END_OBJECT) {
                        return map;
                    }
                    String name = lower ? text().toLowerCase(java.util.Locale.ROOT) : text();
                    Object v = tree(next(), budget, lower);
                    map.putIfAbsent(name, v);
                }
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (true) {
                    Token n = next();
                    if (n == Token.END_ARRAY) {
                        return list;
                    }
                    list.add(tree(n, budget, lower));
                }
            }
            case STRING:
            case NUMBER:
                return text();
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case NULL:
                return null;
            default:
                throw error("valeur JSON attendue");
        }
    }
}
