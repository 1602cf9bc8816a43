package org.vigie.server.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigie.server.JournalLimits;

/**
 * The request journal of a server: the last entries in memory, within {@link JournalLimits} (count and bytes; the
 * oldest evicted), and, when a directory is given, two files per request written as it is answered:
 * {@code NNNNNN.raw} (the body as received, at most {@code maxEntryBytes}) and {@code NNNNNN.json} (the entry and its
 * report). Thread-safe: each request takes its number on arrival ({@link #next()}) and is recorded once
 * ({@link #record}); the in-memory entries are guarded by one lock, held only to insert, evict and copy references.
 * A disk error is logged once (System.Logger {@code org.vigie.server.journal}, WARNING) and shown on the pages;
 * serving continues.
 */
public final class Journal {

    private static final System.Logger LOG = System.getLogger("org.vigie.server.journal");
    private static final Pattern FILE = Pattern.compile("(\\d{6,})\\.(raw|json)");
    /** Files looked at when a journal folder is reopened (to continue its numbering). */
    private static final int MAX_SCAN = 1_000_000;

    private final JournalLimits limits;
    private final Path directory;
    private final Instant started;
    private final AtomicLong seq;
    private final long firstNumber;
    private final Object lock = new Object();
    private final TreeMap<Long, JournalEntry> entries = new TreeMap<>(); // guarded by lock
    private long retained; // guarded by lock
    private long recorded; // guarded by lock
    private long evicted; // guarded by lock
    private long lastEvicted; // guarded by lock
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong filesWritten = new AtomicLong();
    private final AtomicLong writeFailures = new AtomicLong();
    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile String directoryProblem;

    /**
     * @param limits    the bounds (in memory; {@code maxEntryBytes} and {@code maxDirectoryBytes} also on disk)
     * @param directory the journal folder, created if missing, or null for none
     * @param started   the server's start instant
     * @throws UncheckedIOException when the folder cannot be created or listed (a configuration error)
     */
    public Journal(JournalLimits limits, Path directory, Instant started) {
        this.limits = limits;
        this.directory = directory;
        this.started = started;
        long last = 0;
        if (directory != null) {
            try {
                Files.createDirectories(directory);
                last = lastNumber(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("journal directory unusable: " + directory + " (" + e + ")", e);
            }
        }
        this.firstNumber = last + 1;
        this.seq = new AtomicLong(last);
    }

    private static long lastNumber(Path dir) throws IOException {
        long last = 0;
        int seen = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (++seen > MAX_SCAN) {
                    break;
                }
                Matcher m = FILE.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).length() <= 18) {
                    last = Math.max(last, Long.parseLong(m.group(1)));
                }
            }
        }
        return last;
    }

    /** @return true when requests are journaled somewhere (in memory or on disk): their body is captured */
    public boolean capturing() {
        return limits.enabled() || directory != null;
    }

    /** @return true when the pages are served */
    public boolean pages() {
        return limits.enabled();
    }

    /** @return the limits */
    public JournalLimits limits() {
        return limits;
    }

    /** @return the journal folder, if any */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** @return the server's start */
    public Instant started() {
        return started;
    }

    /** @return the number of the next request (taken on arrival) */
    public long next() {
        return seq.incrementAndGet();
    }

    /** @return the number of the first request of this run (1, or after the files already in the journal folder) */
    public long firstNumber() {
        return firstNumber;
    }

    /**
     * Records an entry: in memory (evicting the oldest past the limits) and, with a folder, on disk.
     *
     * @param e the entry, whose raw copy is already within {@code maxEntryBytes}
     */
    public void record(JournalEntry e) {
        if (limits.enabled()) {
            synchronized (lock) {
                entries.put(e.n(), e);
                retained += e.retainedBytes();
                recorded++;
                while (!entries.isEmpty() && (entries.size() > limits.maxEntries() || retained > limits.maxTotalBytes())) {
                    Map.Entry<Long, JournalEntry> oldest = entries.pollFirstEntry();
                    retained -= oldest.getValue().retainedBytes();
                    evicted++;
                    lastEvicted = Math.max(lastEvicted, oldest.getKey());
                }
            }
        }
        if (directory != null) {
            write(e);
        }
    }

    private void write(JournalEntry e) {
        byte[] json = e.json().getBytes(StandardCharsets.UTF_8);
        long size = (long) e.rawLength() + json.length;
        long before = written.getAndAdd(size);
        if (before + size > limits.maxDirectoryBytes()) {
            written.addAndGet(-size);
            problem("journal folder limit reached (" + limits.maxDirectoryBytes() + " bytes written): no more files",
                    "limite du dossier de journal atteinte (" + limits.maxDirectoryBytes() + " octets écrits) : plus "
                            + "aucun fichier écrit", null);
            return;
        }
        String name = String.format("%06d", e.n());
        try {
            Files.write(directory.resolve(name + ".raw"), e.rawBytes(), StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            Files.write(directory.resolve(name + ".json"), json, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            filesWritten.addAndGet(2);
        } catch (IOException | RuntimeException ex) {
            written.addAndGet(-size);
            writeFailures.incrementAndGet();
            problem("cannot write the journal file " + directory.resolve(name) + ".*: " + ex,
                    "écriture impossible dans le dossier de journal " + directory + " : " + ex.getClass().getSimpleName()
                            + (ex.getMessage() == null ? "" : " (" + ex.getMessage() + ")"), ex);
        }
    }

    private void problem(String log, String shown, Throwable t) {
        if (directoryProblem == null) {
            directoryProblem = shown;
        }
        if (warned.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.WARNING, log + " (said once; serving continues)", t);
        }
    }

    /** @return the entry numbered {@code n}, while it is kept */
    public Optional<JournalEntry> get(long n) {
        synchronized (lock) {
            return Optional.ofNullable(entries.get(n));
        }
    }

    /** @return true when entry {@code n} of this run was kept and is no more (evicted, oldest first) */
    public boolean evicted(long n) {
        synchronized (lock) {
            return n >= firstNumber && n <= lastEvicted && !entries.containsKey(n);
        }
    }

    /** @return the entries kept, newest first */
    public List<JournalEntry> entries() {
        synchronized (lock) {
            return new ArrayList<>(entries.descendingMap().values());
        }
    }

    /** State of the journal, for its pages. */
    public record State(long recorded, long evicted, int kept, long retainedBytes, long directoryBytes, long filesWritten,
                        long writeFailures, String directoryProblem) {
    }

    /** @return the counts now */
    public State state() {
        synchronized (lock) {
            return new State(recorded, evicted, entries.size(), retained, written.get(), filesWritten.get(),
                    writeFailures.get(), directoryProblem);
        }
    }
}
