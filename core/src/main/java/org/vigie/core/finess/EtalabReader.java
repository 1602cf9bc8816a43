package org.vigie.core.finess;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import org.vigie.core.Establishment;
import org.vigie.core.Finess;
import org.vigie.core.InvalidIdentifierException;
import org.vigie.core.internal.text.ByteLineReader;
import org.vigie.core.internal.text.Csv;

/** Reads the etalab cs1100507 EG extract (see {@link FinessLoader}). */
final class EtalabReader {

    static final int STRUCTUREET_FIELDS = 32;
    static final int GEOLOCALISATION_FIELDS = 6;
    private static final int PROGRESS_EVERY = 16_384;

    private final FinessLoader.Limits limits;
    private final FinessLoader.Context ctx;

    EtalabReader(FinessLoader.Limits limits, FinessLoader.Context ctx) {
        this.limits = limits;
        this.ctx = ctx;
    }

    SourceSummary read(InputStream in) throws IOException {
        ByteLineReader r = new ByteLineReader(in, limits.maxLineBytes());
        int[] b = new int[STRUCTUREET_FIELDS + 1];
        String metadata = "";
        long egs = 0;
        long geo = 0;
        String line;
        while ((line = r.readLine()) != null) {
            long n = r.lineNumber();
            if ((n & (PROGRESS_EVERY - 1)) == 0) {
                ctx.progress(n, r.bytesRead());
            }
            if (r.lastLineTooLong()) {
                ctx.reject(n, "ligne plus longue que " + limits.maxLineBytes() + " octets", "");
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            int count = Csv.bounds(line, ';', b);
            String first = count == 1 ? line : line.substring(0, b[1] - 1);
            String type = first.strip().toLowerCase(Locale.ROOT);
            if (n == 1) {
                if (type.equals("finess")) {
                    metadata = line;
                    continue;
                }
                ctx.reject(1, "ligne d'en-tête « finess;etalab;… » absente (ligne lue comme une donnée)", line);
            }
            switch (type) {
                case "structureet":
                    if (count != STRUCTUREET_FIELDS) {
                        ctx.reject(n, "ligne structureet de " + count + " champs au lieu de " + STRUCTUREET_FIELDS,
                                line);
                    } else if (establishment(new Fields32(line, b), n, line)) {
                        egs++;
                    }
                    break;
                case "geolocalisation":
                    if (count != GEOLOCALISATION_FIELDS) {
                        ctx.reject(n, "ligne geolocalisation de " + count + " champs au lieu de "
                                + GEOLOCALISATION_FIELDS, line);
                    } else {
                        geo++;
                    }
                    break;
                case "finess":
                    ctx.reject(n, "ligne d'en-tête « finess;… » ailleurs qu'en ligne 1", line);
                    break;
                default:
                    ctx.reject(n, "type de ligne inconnu « " + Fields.cut(first) + " » (structureet ou "
                            + "geolocalisation attendu)", line);
            }
        }
        ctx.progress(r.lineNumber(), r.bytesRead());
        return new SourceSummary(ctx.source, FinessFormat.ETALAB, encodingName(r.encoding()), r.lineNumber(), 0,
                egs, geo, ctx.rejected, metadata);
    }

    /** The fields of a line, cut on demand. */
    private record Fields32(String line, int[] b) {
        String get(int i) {
            return line.substring(b[i], b[i + 1] - 1);
        }
    }

    private boolean establishment(Fields32 f, long n, String line) {
        Finess eg;
        Finess ej;
        try {
            eg = Fields.finess(f.get(1), "FINESS EG (nofinesset)");
            ej = Fields.finess(f.get(2), "FINESS EJ (nofinessej)");
        } catch (InvalidIdentifierException e) {
            ctx.reject(n, e.getMessage(), line);
            return false;
        }
        String name = f.get(4).strip().isEmpty() ? f.get(3).strip() : f.get(4).strip();
        String dep = f.get(13).strip();
        Establishment e = new Establishment(eg, ej, name, f.get(18).strip(), f.get(19).strip(), f.get(20).strip(),
                Fields.siret(f.get(22)), dep.isEmpty() ? eg.departement() : dep, Fields.date(f.get(28)), true);
        if (!ctx.builder().add(e)) {
            ctx.reject(n, "FINESS EG " + eg + " en double (la première ligne est conservée)", line);
            return false;
        }
        return true;
    }

    static String encodingName(ByteLineReader.Encoding e) {
        return switch (e) {
            case ASCII -> "ASCII";
            case UTF_8 -> "UTF-8";
            case ISO_8859_1 -> "ISO-8859-1";
            case WINDOWS_1252 -> "Windows-1252";
            case MIXED -> "mixte UTF-8/Windows-1252";
        };
    }
}
