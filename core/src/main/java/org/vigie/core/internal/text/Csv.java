package org.vigie.core.internal.text;

import java.text.Normalizer;
import java.util.List;

/**
 * The one field splitter of Vigie's delimited text readers (the FINESS EJ and EG extracts, the deployment
 * inventories): a separator guessed from a header line, fields split with or without double quotes, header names
 * folded for comparison. Lines come from {@link ByteLineReader} (or any line source); a field never spans lines.
 * Static methods only; stateless and thread-safe.
 *
 * <p>Quoting, as spreadsheet exports write it: a field whose first non-blank character is {@code "} is quoted up to
 * the next lone {@code "}; {@code ""} inside it is one quote; blanks before the opening quote are dropped; what
 * follows the closing quote up to the separator is kept as written (a quote there is an ordinary character, it does
 * not open a second quoted run). A quote that is not closed by the end of the line makes the line unreadable.
 */
public final class Csv {

    /** What {@link #fields} returns for a line whose quote is not closed. */
    public static final int UNCLOSED_QUOTE = -1;

    private Csv() {
    }

    /**
     * Guesses the separator of a header line: the most frequent of {@code ;}, tab and {@code ,} outside double
     * quotes; on a tie {@code ;} (the French default) wins, then tab (a comma is likelier inside unquoted text); a
     * line without any gives {@code ;}.
     *
     * @param header the header line (or the first line of data when there is no header)
     * @return {@code ';'}, {@code '\t'} or {@code ','}
     */
    public static char separator(String header) {
        int semi = 0;
        int comma = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ';' -> semi++;
                    case ',' -> comma++;
                    case '\t' -> tab++;
                    default -> { }
                }
            }
        }
        if (semi >= comma && semi >= tab) {
            return ';';
        }
        return tab >= comma ? '\t' : ',';
    }

    /**
     * Splits a line into fields, honouring double quotes (see the class comment); empty fields are kept
     * ({@code a;;b;} has 4 fields).
     *
     * @param line the line, without its terminator
     * @param sep  the separator
     * @param max  keep at most this many fields (the others are counted, not kept)
     * @param out  receives the fields; cleared first
     * @return the number of fields in the line (may exceed {@code max}), or {@link #UNCLOSED_QUOTE}
     */
    public static int fields(String line, char sep, int max, List<String> out) {
        out.clear();
        StringBuilder cur = new StringBuilder();
        int count = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean blank = true; // nothing but blanks in cur so far
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == sep) {
                if (count < max) {
                    out.add(cur.toString());
                }
                count++;
                cur.setLength(0);
                wasQuoted = false;
                blank = true;
            } else if (c == '"' && blank && !wasQuoted) {
                cur.setLength(0);
                quoted = true;
                wasQuoted = true;
                blank = false;
            } else {
                cur.append(c);
                blank = blank && Character.isWhitespace(c);
            }
        }
        if (quoted) {
            out.clear();
            return UNCLOSED_QUOTE;
        }
        if (count < max) {
            out.add(cur.toString());
        }
        return count + 1;
    }

    /**
     * Splits a line on a separator without quote handling (for formats that never quote, such as the etalab FINESS
     * extract), keeping empty fields.
     *
     * @param line the line
     * @param sep  the separator
     * @param max  keep at most this many fields (the others are counted, not kept)
     * @param out  receives the fields; cleared first
     * @return the number of fields in the line (may exceed {@code max})
     */
    public static int split(String line, char sep, int max, List<String> out) {
        out.clear();
        int count = 0;
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == sep) {
                if (count < max) {
                    out.add(line.substring(start, i));
                }
                count++;
                start = i + 1;
            }
        }
        return count;
    }

    /**
     * Finds the field boundaries of an unquoted line without copying: {@code starts[i]} is where field {@code i}
     * begins and {@code starts[i + 1] - 1} where it ends, for the first {@code starts.length - 1} fields (the fast
     * path of {@link #split} for files of a hundred thousand lines).
     *
     * @param line   the line
     * @param sep    the separator
     * @param starts receives the boundaries; its length is the number of fields kept plus one
     * @return the number of fields in the line (may exceed {@code starts.length - 1})
     */
    public static int bounds(String line, char sep, int[] starts) {
        int max = starts.length - 1;
        int count = 0;
        starts[0] = 0;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            if (line.charAt(i) == sep) {
                count++;
                if (count <= max) {
                    starts[count] = i + 1;
                }
            }
        }
        count++;
        if (count <= max) {
            starts[count] = n + 1;
        }
        return count;
    }

    /**
     * Folds a header name (or any short label) for comparison: accents removed, ASCII letters and digits kept and
     * lower-cased, everything else (blanks, punctuation, quotes, a byte-order mark) dropped:
     * {@code "Fin_Validité"} gives {@code finvalidite}, {@code "N° FINESS EJ"} gives {@code nfinessej}.
     *
     * @param s the text
     * @return its folded form
     */
    public static String key(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c < 0x80 && Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }
}
