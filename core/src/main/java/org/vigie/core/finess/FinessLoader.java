package org.vigie.core.finess;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.vigie.core.InMemoryStructureDirectory;

/**
 * Loads FINESS files into one directory: the etalab EG extract, the "finess-structures" JSON feed and EJ extracts,
 * in any number and order (EJ records met twice are merged; an EG met twice keeps its first record and the second
 * is rejected). Each reader streams its input and reports every rejected line or record, with its line number and
 * reason, while loading the rest. Unreadable files are {@link IOException}s; bad content never is.
 *
 * <p>Formats:
 * <ul>
 *   <li>etalab cs1100507: {@code ;}-separated, no header row, first line metadata ({@code finess;etalab;...}),
 *       {@code structureet} lines of 32 fields (fields 1 nofinesset, 2 nofinessej, 3 rs, 4 rslongue, 13
 *       departement, 18 categetab, 19 libcategetab, 20 categagretab, 22 siret, 28 dateouv are used) and
 *       {@code geolocalisation} lines of 6 fields (counted, not kept); UTF-8 or Windows-1252 (Latin-1), detected line by line.
 *       Every EG of this extract is active (the extract lists open establishments).</li>
 *   <li>"finess-structures" JSON: {@code pmej[]} (EJ: {@code numFinessPm}, {@code siren}, {@code statutJuridique},
 *       {@code raisonSociale}) each with {@code ege[]} (EG: {@code numFinessEge}, {@code siret},
 *       {@code categorieEntiteGeographiqueExercice}, {@code dateOuverture}, {@code dateFermeture},
 *       {@code etatObjet}); key names compared without case, looked up in nested objects too (both
 *       {@code informationsGeneralesPMEJ} and {@code informationsGeneralesPmej} spellings); codes as strings or
 *       {@code {code, system}} objects. An EG is closed when it has a {@code dateFermeture} or an {@code etatObjet}
 *       saying so (FERME, INACTIF, CLOS, SUPPRIME...).</li>
 *   <li>EJ extract: one EJ per line, separator {@code ;}, {@code ,} or tab (detected on the first line), fields
 *       optionally double-quoted. With a header row (recognised by a column named like {@code nofinessej},
 *       {@code finess_ej}, {@code finess}), columns are found by name: FINESS ({@code nofinessej}, {@code finessej},
 *       {@code finess}), name ({@code rs}, {@code rslongue}, {@code raison_sociale}, {@code nom}), SIREN
 *       ({@code siren}), statut ({@code statutjuridique}, {@code statut}, {@code codestatutjuridique}). Without
 *       header: FINESS;name;SIREN;statut (only the FINESS is required). A first line {@code finess;etalab;...} is
 *       skipped; without a header row, lines starting with a lower-case record type (etalab-like, e.g.
 *       {@code structurej;nofinessej;rs;rslongue;...}) give the FINESS (2nd field) and the name (5th, else 4th)
 *       only, the statut staying unknown.</li>
 * </ul>
 *
 * <p>A loader is a mutable, single-thread object; the directory of its {@link #result()} is immutable and
 * thread-safe.
 */
public final class FinessLoader {

    /** Progress of a load, called every few thousand lines. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param source the file being read
         * @param lines lines read so far in that file
         * @param bytes bytes read so far in that file
         */
        void update(String source, long lines, long bytes);
    }

    private final Limits limits;
    private final InMemoryStructureDirectory.Builder builder = InMemoryStructureDirectory.builder();
    private final List<SourceSummary> sources = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private long rejectionCount;
    private Progress progress = (s, l, b) -> { };

    /**
     * Size limits of the readers.
     *
     * @param maxLineBytes longest line of a CSV file, in bytes (default 64 KiB)
     * @param maxRejectionsKept rejections kept in {@link LoadResult#rejections()} (default 100 000; all are counted)
     * @param maxJsonDepth deepest nesting of the JSON feed (default 32)
     * @param maxJsonString longest JSON string (default 64 Ki chars)
     * @param maxJsonChars largest JSON document (default 4 Gi chars)
     * @param maxJsonRecordValues most values in one {@code pmej} record, EGs included (default 1 000 000)
     */
    public record Limits(int maxLineBytes, int maxRejectionsKept, int maxJsonDepth, int maxJsonString,
                         long maxJsonChars, int maxJsonRecordValues) {
        /** The defaults. */
        public static final Limits DEFAULT = new Limits(64 * 1024, 100_000, 32, 64 * 1024, 4L << 30, 1_000_000);

        /** Checks that every limit is positive. */
        public Limits {
            if (maxLineBytes < 1 || maxRejectionsKept < 0 || maxJsonDepth < 1 || maxJsonString < 1
                    || maxJsonChars < 1 || maxJsonRecordValues < 1) {
                throw new IllegalArgumentException("FINESS loader limits must be positive");
            }
        }
    }

    /** A loader with the {@link Limits#DEFAULT default limits}. */
    public FinessLoader() {
        this(Limits.DEFAULT);
    }

    /**
     * @param limits the size limits
     */
    public FinessLoader(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * @param progress called every few thousand lines while loading
     * @return this loader
     */
    public FinessLoader onProgress(Progress progress) {
        this.progress = Objects.requireNonNull(progress, "progress");
        return this;
    }

    /**
     * Loads a file, its format detected from its first bytes ({@link FinessFormat#detect(byte[], int)}).
     *
     * @param file the file
     * @return what the file brought
     * @throws IOException when the file cannot be read
     */
    public SourceSummary load(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.mark(8192);
            byte[] head = new byte[4096];
            int n = in.readNBytes(head, 0, head.length);
            in.reset();
            return load(file.toString(), in, FinessFormat.detect(head, n));
        }
    }

    /**
     * Loads a file in the given format.
     *
     * @param file the file
     * @param format its format
     * @return what the file brought
     * @throws IOException when the file cannot be read
     */
    public SourceSummary load(Path file, FinessFormat format) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(file.toString(), in, format);
        }
    }

    /**
     * Loads a stream in the given format (the stream is read to its end, not closed).
     *
     * @param source name used in rejections
     * @param in the bytes
     * @param format their format
     * @return what the stream brought
     * @throws IOException when the stream cannot be read
     */
    public SourceSummary load(String source, InputStream in, FinessFormat format) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(format, "format");
        Context ctx = new Context(source);
        SourceSummary s = switch (format) {
            case ETALAB -> new EtalabReader(limits, ctx).read(in);
            case JSON -> new JsonFeedReader(limits, ctx).read(in);
            case EJ_EXTRACT -> new LegalEntityExtractReader(limits, ctx).read(in);
        };
        sources.add(s);
        return s;
    }

    /** @return the directory of everything loaded so far, the summaries and the rejections */
    public LoadResult result() {
        return new LoadResult(builder.build(), sources, rejections, rejectionCount);
    }

    /** What a reader needs from the loader. */
    final class Context {
        final String source;
        long rejected;

        Context(String source) {
            this.source = source;
        }

        InMemoryStructureDirectory.Builder builder() {
            return builder;
        }

        void reject(long line, String reason, String excerpt) {
            rejected++;
            rejectionCount++;
            if (rejections.size() < limits.maxRejectionsKept()) {
                rejections.add(new Rejection(source, line, reason, excerpt));
            }
        }

        void progress(long lines, long bytes) {
            progress.update(source, lines, bytes);
        }
    }
}
