package org.vigie.core.finess;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.vigie.core.Establishment;
import org.vigie.core.Finess;
import org.vigie.core.InvalidIdentifierException;
import org.vigie.core.LegalEntity;
import org.vigie.core.LegalStatus;
import org.vigie.core.internal.JsonStreamReader;
import org.vigie.core.internal.JsonStreamReader.Token;
import org.vigie.core.internal.JsonSyntaxException;

/** Reads the "finess-structures" JSON feed (see {@link FinessLoader}). */
final class JsonFeedReader {

    private static final String[] EJ_FINESS = {"numfinesspm", "numfinessej", "nofinessej", "finessej"};
    private static final String[] EG_FINESS = {"numfinessege", "numfinesseg", "numfinesset", "nofinesset"};
    private static final String[] NAME = {"raisonsocialelongue", "raisonsociale", "denomination", "rslongue", "rs"};
    private static final String[] CATEGORY = {"categorieentitegeographiqueexercice", "categorieetablissement",
        "categetab", "categorie"};

    private final FinessLoader.Limits limits;
    private final FinessLoader.Context ctx;
    private long ejs;
    private long egs;
    private boolean sawPmej;

    JsonFeedReader(FinessLoader.Limits limits, FinessLoader.Context ctx) {
        this.limits = limits;
        this.ctx = ctx;
    }

    SourceSummary read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                1 << 16);
        JsonStreamReader p = new JsonStreamReader(reader, limits.maxJsonDepth(), limits.maxJsonString(),
                limits.maxJsonChars());
        try {
            Token t = p.next();
            if (t == Token.START_ARRAY) {
                sawPmej = true;
                records(p);
            } else if (t == Token.START_OBJECT) {
                scanObject(p);
            }
            p.next(); // END, or an error for trailing content
            if (!sawPmej) {
                ctx.reject(1, "aucun tableau « pmej » dans le document JSON", "");
            }
        } catch (JsonSyntaxException e) {
            ctx.reject(e.line(), "JSON mal formé : " + e.getMessage() + " ; la suite du fichier est ignorée", "");
        } catch (java.nio.charset.CharacterCodingException e) {
            ctx.reject(p.tokenLine(), "octets non UTF-8 dans le document JSON ; la suite du fichier est ignorée", "");
        }
        return new SourceSummary(ctx.source, FinessFormat.JSON, "UTF-8", p.tokenLine(), ejs, egs, 0, ctx.rejected,
                "");
    }

    private void scanObject(JsonStreamReader p) throws IOException, JsonSyntaxException {
        while (true) {
            Token t = p.next();
            if (t == Token.END_OBJECT) {
                return;
            }
            String name = p.text();
            Token v = p.next();
            if (name.equalsIgnoreCase("pmej") && v == Token.START_ARRAY) { // streamed, not a tree
                sawPmej = true;
                records(p);
            } else if (v == Token.START_OBJECT) {
                scanObject(p);
            } else {
                p.skipValue(v);
            }
        }
    }

    private void records(JsonStreamReader p) throws IOException, JsonSyntaxException {
        long count = 0;
        while (true) {
            Token t = p.next();
            if (t == Token.END_ARRAY) {
                return;
            }
            long line = p.tokenLine();
            if (t != Token.START_OBJECT) {
                ctx.reject(line, "élément de « pmej » qui n'est pas un objet", "");
                p.skipValue(t);
                continue;
            }
            Object tree = p.readTree(t, limits.maxJsonRecordValues(), true);
            @SuppressWarnings("unchecked")
            Map<String, Object> ej = (Map<String, Object>) tree;
            legalEntity(ej, line);
            if ((++count & 1023) == 0) {
                ctx.progress(p.tokenLine(), 0);
            }
        }
    }

    private void legalEntity(Map<String, Object> m, long line) {
        String raw = find(m, EJ_FINESS);
        List<?> ege = list(m, "ege");
        Finess ej;
        try {
            ej = Fields.finess(raw == null ? "" : raw, "numFinessPm (FINESS EJ)");
        } catch (InvalidIdentifierException e) {
            ctx.reject(line, "enregistrement pmej rejeté avec ses " + ege.size() + " EG : " + e.getMessage(),
                    raw == null ? "" : raw);
            return;
        }
        String statut = orEmpty(find(m, "statutjuridique", "codestatutjuridique"));
        ctx.builder().add(new LegalEntity(ej, orEmpty(find(m, NAME)), Fields.siren(find(m, "siren")), statut,
                LegalStatus.ofCode(statut)));
        ejs++;
        int i = 0;
        for (Object o : ege) {
            i++;
            if (!(o instanceof Map<?, ?>)) {
                ctx.reject(line, "EJ " + ej + ", EG n° " + i + " : élément de « ege » qui n'est pas un objet", "");
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> eg = (Map<String, Object>) o;
            establishment(ej, eg, line, i);
        }
    }

    private void establishment(Finess ej, Map<String, Object> m, long line, int index) {
        String raw = find(m, EG_FINESS);
        Finess eg;
        try {
            eg = Fields.finess(raw == null ? "" : raw, "numFinessEge (FINESS EG)");
        } catch (InvalidIdentifierException e) {
            ctx.reject(line, "EJ " + ej + ", EG n° " + index + " : " + e.getMessage(), raw == null ? "" : raw);
            return;
        }
        Object cat = findValue(m, CATEGORY);
        String catCode = orEmpty(code(cat));
        String catLabel = orEmpty(label(cat));
        String agg = orEmpty(find(m, "categorieagregat", "categorieagregatetablissement", "categagretab"));
        Optional<LocalDate> closing = Fields.date(find(m, "datefermeture"));
        String etat = orEmpty(find(m, "etatobjet", "etat")).toUpperCase(Locale.ROOT);
        boolean closed = closing.isPresent() || etat.startsWith("FERM") || etat.startsWith("INACTI")
                || etat.startsWith("CLOS") || etat.startsWith("SUPPR") || etat.equals("F");
        String dep = orEmpty(find(m, "departement", "codedepartement"));
        Establishment e = new Establishment(eg, ej, orEmpty(find(m, NAME)), catCode, catLabel, agg,
                Fields.siret(find(m, "siret")), dep.isEmpty() ? eg.departement() : dep,
                Fields.date(find(m, "dateouverture")), !closed);
        if (ctx.builder().add(e)) {
            egs++;
        } else {
            ctx.reject(line, "EJ " + ej + ", EG n° " + index + " : FINESS EG " + eg
                    + " en double (le premier est conservé)", raw);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    /** The list under {@code key} (any case), in the record or a nested object (not inside lists). */
    private static List<?> list(Map<String, Object> m, String key) {
        Object v = findValue(m, key);
        return v instanceof List<?> l ? l : List.of();
    }

    /** The code of the first value found under one of the keys. */
    private static String find(Map<String, Object> m, String... keys) {
        return code(findValue(m, keys));
    }

    /**
     * Looks the keys up (case-insensitive: the tree's names are lower-cased) in the object, then in its nested
     * objects, level by level, never descending into {@code ege} (an EJ's fields are not its EGs').
     */
    private static Object findValue(Map<String, Object> m, String... keys) {
        Object v = direct(m, keys);
        if (v != null) {
            return v;
        }
        List<Map<?, ?>> level = null;
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> sub && !e.getKey().equals("ege")) {
                if (level == null) {
                    level = new java.util.ArrayList<>(2);
                }
                level.add(sub);
            }
        }
        while (level != null) {
            List<Map<?, ?>> next = null;
            for (Map<?, ?> sub : level) {
                v = direct(sub, keys);
                if (v != null) {
                    return v;
                }
                for (Map.Entry<?, ?> e : sub.entrySet()) {
                    if (e.getValue() instanceof Map<?, ?> deeper && !"ege".equals(e.getKey())) {
                        if (next == null) {
                            next = new java.util.ArrayList<>(2);
                        }
                        next.add(deeper);
                    }
                }
            }
            level = next;
        }
        return null;
    }

    private static Object direct(Map<?, ?> m, String... keys) {
        for (String k : keys) {
            Object v = m.get(k.toLowerCase(Locale.ROOT));
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** A code given as a string, a number, or an object {@code {code, system}}. */
    private static String code(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Map<?, ?> map) {
            if (map.get("code") instanceof String s) {
                return s;
            }
            if (map.get("value") instanceof String s) {
                return s;
            }
        }
        return null;
    }

    /** The label of a code object ({@code libelle}, {@code display}), if any. */
    private static String label(Object v) {
        if (v instanceof Map<?, ?> map) {
            for (String k : new String[] {"libelle", "display", "label"}) {
                if (map.get(k) instanceof String s) {
                    return s;
                }
            }
        }
        return null;
    }
}
