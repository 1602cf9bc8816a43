package org.vigie.core.finess;

import java.nio.charset.StandardCharsets;

/** The formats {@link FinessLoader} reads. */
public enum FinessFormat {
    /** The etalab EG extract (cs1100507): metadata line then {@code structureet} and {@code geolocalisation} lines. */
    ETALAB("extrait etalab EG"),
    /** The "finess-structures" JSON feed ({@code pmej[]} each with {@code ege[]}). */
    JSON("flux JSON finess-structures"),
    /** A tolerant CSV extract of legal entities (EJ): FINESS, name, SIREN, statut juridique. */
    EJ_EXTRACT("extrait EJ");

    private final String label;

    FinessFormat(String label) {
        this.label = label;
    }

    /** @return a short French label */
    public String label() {
        return label;
    }

    /**
     * Detects the format from the first bytes of a file: JSON when the first non-blank character is <code>&#123;</code>
     * or {@code [}; etalab when the first line starts with {@code structureet;}, or with {@code finess;} (metadata)
     * unless the next line is of another record type (an etalab-like EJ extract, e.g. {@code structurej;});
     * otherwise an EJ extract.
     *
     * @param head the first bytes (a few KiB are enough)
     * @param length how many bytes of {@code head} are valid
     * @return the detected format
     */
    public static FinessFormat detect(byte[] head, int length) {
        int i = 0;
        if (length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        if (i < length && (head[i] == '{' || head[i] == '[')) {
            return JSON;
        }
        int end = i;
        while (end < length && head[end] != '\n' && end - i < 64) {
            end++;
        }
        String start = new String(head, i, end - i, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        if (start.startsWith("structureet;") || start.startsWith("geolocalisation;")) {
            return ETALAB;
        }
        if (start.startsWith("finess;")) {
            // metadata line: the record type of the next line tells an EG extract from an EJ one
            int next = end;
            while (next < length && head[next] != '\n') {
                next++;
            }
            next++;
            int stop = next;
            while (stop < length && head[stop] != ';' && head[stop] != '\n' && stop - next < 32) {
                stop++;
            }
            if (next < length && stop < length && head[stop] == ';') {
                String type = new String(head, next, stop - next, StandardCharsets.ISO_8859_1);
                if (!type.equals("structureet") && !type.equals("geolocalisation") && type.matches("[a-z]{3,}")) {
                    return EJ_EXTRACT;
                }
            }
            return ETALAB;
        }
        return EJ_EXTRACT;
    }
}
