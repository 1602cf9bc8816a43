package org.vigie.core.finess;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.vigie.core.Finess;
import org.vigie.core.InvalidIdentifierException;
import org.vigie.core.LegalEntity;
import org.vigie.core.LegalStatus;
import org.vigie.core.internal.text.ByteLineReader;
import org.vigie.core.internal.text.Csv;

/** Reads a tolerant EJ extract (see {@link FinessLoader} for the accepted layouts). */
final class LegalEntityExtractReader {

    private static final int MAX_FIELDS = 256;

    private final FinessLoader.Limits limits;
    private final FinessLoader.Context ctx;
    private long ejs;

    LegalEntityExtractReader(FinessLoader.Limits limits, FinessLoader.Context ctx) {
        this.limits = limits;
        this.ctx = ctx;
    }

    SourceSummary read(InputStream in) throws IOException {
        ByteLineReader r = new ByteLineReader(in, limits.maxLineBytes());
        List<String> f = new ArrayList<>();
        char sep = 0;
        int colFiness = 0;
        int colName = 1;
        int colSiren = 2;
        int colStatut = 3;
        String line;
        String metadata = "";
        boolean headerSeen = false;
        while ((line = r.readLine()) != null) {
            long n = r.lineNumber();
            if ((n & 16383) == 0) {
                ctx.progress(n, r.bytesRead());
            }
            if (r.lastLineTooLong()) {
                ctx.reject(n, "ligne plus longue que " + limits.maxLineBytes() + " octets", "");
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (n == 1 && line.toLowerCase(Locale.ROOT).startsWith("finess;etalab")) {
                metadata = line; // etalab metadata line: the EJ lines follow
                continue;
            }
            if (sep == 0) {
                sep = Csv.separator(line);
                if (Csv.fields(line, sep, MAX_FIELDS, f) == Csv.UNCLOSED_QUOTE) {
                    ctx.reject(n, "guillemet non fermé", line);
                    continue;
                }
                int[] cols = header(f);
                if (cols != null) {
                    if (cols[0] < 0) {
                        ctx.reject(n, "ligne d'en-tête sans colonne FINESS EJ (nofinessej, finess_ej ou finess)",
                                line);
                        colFiness = -1;
                    } else {
                        colFiness = cols[0];
                    }
                    colName = cols[1];
                    colSiren = cols[2];
                    colStatut = cols[3];
                    headerSeen = true;
                    continue;
                }
            } else if (Csv.fields(line, sep, MAX_FIELDS, f) == Csv.UNCLOSED_QUOTE) {
                ctx.reject(n, "guillemet non fermé", line);
                continue;
            }
            if (colFiness < 0) {
                continue; // already reported on the header line
            }
            if (!headerSeen && !f.isEmpty() && isRecordType(f.get(0))) {
                // etalab-like EJ line ("structurej;nofinessej;rs;rslongue;..."): FINESS and name only
                typed(f, n, line);
                continue;
            }
            if (f.size() <= colFiness) {
                ctx.reject(n, "colonne FINESS EJ absente (" + f.size() + " champs)", line);
                continue;
            }
            Finess ej;
            try {
                ej = Fields.finess(f.get(colFiness), "FINESS EJ");
            } catch (InvalidIdentifierException e) {
                ctx.reject(n, e.getMessage(), line);
                continue;
            }
            String statut = get(f, colStatut);
            String sirenRaw = get(f, colSiren);
            if (!sirenRaw.isEmpty() && Fields.siren(sirenRaw).isEmpty()) {
                ctx.reject(n, "SIREN mal formé « " + Fields.cut(sirenRaw) + " » : 9 chiffres attendus", line);
                continue;
            }
            if (!statut.isEmpty() && LegalStatus.ofCode(statut) == LegalStatus.UNKNOWN) {
                ctx.reject(n, "statut juridique « " + Fields.cut(statut) + " » hors TRE_R400 (01 à 95 attendu)",
                        line);
                continue;
            }
            ctx.builder().add(new LegalEntity(ej, get(f, colName), Fields.siren(sirenRaw), statut,
                    LegalStatus.ofCode(statut)));
            ejs++;
        }
        ctx.progress(r.lineNumber(), r.bytesRead());
        return new SourceSummary(ctx.source, FinessFormat.EJ_EXTRACT, EtalabReader.encodingName(r.encoding()),
                r.lineNumber(), ejs, 0, 0, ctx.rejected, metadata);
    }

    private void typed(List<String> f, long n, String line) {
        if (f.size() < 2) {
            ctx.reject(n, "ligne « " + Fields.cut(f.get(0)) + " » sans FINESS EJ", line);
            return;
        }
        Finess ej;
        try {
            ej = Fields.finess(f.get(1), "FINESS EJ (2e champ après le type « " + Fields.cut(f.get(0)) + " »)");
        } catch (InvalidIdentifierException e) {
            ctx.reject(n, e.getMessage(), line);
            return;
        }
        String name = get(f, 4).isEmpty() ? get(f, 3) : get(f, 4);
        ctx.builder().add(new LegalEntity(ej, name, java.util.Optional.empty(), "", LegalStatus.UNKNOWN));
        ejs++;
    }

    private static boolean isRecordType(String field) {
        String t = field.strip();
        if (t.length() < 3) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    private static String get(List<String> f, int col) {
        return col >= 0 && col < f.size() ? f.get(col).strip() : "";
    }

    /** Column indexes (finess, name, siren, statut) when the line is a header row, else null. */
    private static int[] header(List<String> f) {
        int[] cols = {-1, -1, -1, -1};
        boolean isHeader = false;
        for (int i = 0; i < f.size(); i++) {
            String k = Csv.key(f.get(i));
            switch (k) {
                case "nofinessej", "finessej", "numfinessej", "numfinesspm", "finess", "nofiness", "numfiness" -> {
                    if (cols[0] < 0) {
                        cols[0] = i;
                    }
                    isHeader = true;
                }
                case "rs", "rslongue", "raisonsociale", "raisonsocialelongue", "nom", "name", "libelle" -> {
                    if (cols[1] < 0 || k.equals("rslongue") || k.equals("raisonsocialelongue")) {
                        cols[1] = i;
                    }
                    isHeader = true;
                }
                case "siren", "nosiren", "numsiren" -> {
                    cols[2] = i;
                    isHeader = true;
                }
                case "statutjuridique", "statut", "codestatutjuridique", "statutjuridiqueej", "statutjur" -> {
                    cols[3] = i;
                    isHeader = true;
                }
                default -> { }
            }
        }
        return isHeader ? cols : null;
    }
}
