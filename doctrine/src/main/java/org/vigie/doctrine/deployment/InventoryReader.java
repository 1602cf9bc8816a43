package org.vigie.doctrine.deployment;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.vigie.core.Finess;
import org.vigie.core.InvalidIdentifierException;
import org.vigie.core.StructureId;
import org.vigie.core.cert.OrgCertificate;
import org.vigie.core.internal.text.ByteLineReader;
import org.vigie.core.internal.text.Csv;
import org.vigie.doctrine.Usage;

/**
 * Reads the inventory of deployed organisation certificates: folders of certificate files and CSV inventories, in
 * any number and order. Every unreadable file and every bad row becomes an {@link InventoryProblem} with its reason;
 * the rest is used. A certificate met twice (same holder and serial) is kept once. I/O failures on a file given
 * explicitly are {@link IOException}s; bad content never is.
 *
 * <p><b>Certificate files</b> ({@link #loadFolder(Path)}, {@link #loadCertificateFile(Path)}): PEM (one or several
 * {@code BEGIN CERTIFICATE} blocks; other blocks such as private keys are ignored) or DER, as exported from a
 * connector or downloaded from the IGC Santé platform; any file name. Certificate-authority certificates (a chain
 * saved with its end-entity certificate) are skipped silently; person certificates and certificates whose subject
 * has no single well-formed {@code OU} are problems. The holder is the subject {@code OU}
 * ({@link OrgCertificate#structureId()}), the end of validity the {@code notAfter} date (UTC); usages are not in
 * a certificate: {@link Usage#INSI} for a certificate named {@code INSI-AUTO} / {@code INSI-MANU}, otherwise
 * {@link Usage#DMP}. Folders are walked recursively (without following links), in name order.
 *
 * <p><b>CSV inventory</b> ({@link #loadCsv(Path)}): UTF-8 (a byte-order mark is skipped) or Windows-1252, decided
 * line by line (a line that is not valid UTF-8 is Windows-1252), as the FINESS extracts are read; separator
 * {@code ;}, {@code ,} or tab (the most frequent outside quotes in the header row; {@code ;}, then tab, on a tie);
 * fields optionally double-quoted ({@code ""} for a quote; no line break inside a field); a header row naming the
 * columns, in any order, case and accents ignored:
 * <ul>
 *   <li>{@code holder} (or {@code idnat_struct}, {@code identifiant_structure}, {@code titulaire}, {@code ou}),
 *       required: the IdNat_Struct of the subject {@code OU}, e.g. {@code 1750712184}; a bare 9-character FINESS
 *       is read as {@code 1} + FINESS;</li>
 *   <li>{@code cn} (or {@code common_name}): the subject CN;</li>
 *   <li>{@code serial} (or {@code numero_serie}, {@code serial_number}): hexadecimal, {@code 0x}, colons and spaces
 *       allowed;</li>
 *   <li>{@code not_after} (or {@code fin_validite}, {@code expiration}, {@code date_fin}): {@code 2027-03-31},
 *       {@code 31/03/2027} or an ISO date-time; empty when unknown (then counted as valid);</li>
 *   <li>{@code usages} (or {@code usage}): {@code DMP}, {@code MSSANTE}, {@code INSI}, {@code AUTRE}, separated by
 *       {@code |}, {@code +} or spaces; empty: as for files;</li>
 *   <li>{@code software} (or {@code logiciel}, {@code lps}): free text;</li>
 *   <li>{@code type} (or {@code kind}): free text, e.g. {@code AUTH} / {@code SIGN}.</li>
 * </ul>
 * Other columns are ignored; empty lines and lines starting with {@code #} are skipped.
 *
 * <p>A reader is a mutable single-thread object; its {@link #result()} is immutable.
 */
public final class InventoryReader {

    /**
     * Size limits.
     *
     * @param maxFileBytes     largest certificate file read (default 1 MiB)
     * @param maxLineChars     longest CSV line (default 64 Ki characters)
     * @param maxProblemsKept  problems kept in {@link Inventory#problems()} (default 100 000; all are counted)
     * @param maxDepth         deepest folder level walked (default 16)
     */
    public record Limits(int maxFileBytes, int maxLineChars, int maxProblemsKept, int maxDepth) {
        /** The defaults. */
        public static final Limits DEFAULT = new Limits(1 << 20, 64 * 1024, 100_000, 16);

        /** Checks that the limits are positive. */
        public Limits {
            if (maxFileBytes < 1 || maxLineChars < 1 || maxProblemsKept < 0 || maxDepth < 1) {
                throw new IllegalArgumentException("inventory limits must be positive");
            }
        }
    }

    private static final DateTimeFormatter FR_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final byte[] PEM_MARK = "-----BEGIN".getBytes(StandardCharsets.US_ASCII);

    private final Limits limits;
    private final List<DeployedCertificate> certificates = new ArrayList<>();
    private final Map<String, String> seen = new HashMap<>();
    private final List<InventoryProblem> problems = new ArrayList<>();
    private long problemCount;
    private CertificateFactory factory;

    /** A reader with the {@link Limits#DEFAULT default limits}. */
    public InventoryReader() {
        this(Limits.DEFAULT);
    }

    /**
     * @param limits the size limits
     */
    public InventoryReader(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Loads a folder of certificate files, or a single file: a file whose name ends in {@code .csv} (or whose first
     * line looks like a CSV header naming a holder column) is a CSV inventory, any other file a certificate file.
     *
     * @param path a folder or a file
     * @return this reader
     * @throws IOException when the path cannot be read
     */
    public InventoryReader load(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return loadFolder(path);
        }
        if (looksLikeCsv(path)) {
            return loadCsv(path);
        }
        return loadCertificateFile(path);
    }

    private boolean looksLikeCsv(Path path) throws IOException {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".tsv")) {
            return true;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(512);
        }
        if (indexOf(head, PEM_MARK, 0) >= 0 || head.length == 0 || (head[0] & 0xff) == 0x30) {
            return false;
        }
        String first = new String(head, StandardCharsets.ISO_8859_1);
        int nl = first.indexOf('\n');
        String line = nl < 0 ? first : first.substring(0, nl);
        for (String f : line.split("[;,\t]")) {
            if (Column.of(f) == Column.HOLDER) {
                return true;
            }
        }
        return false;
    }

    /**
     * Loads every file of a folder (recursively, in name order) as a certificate file.
     *
     * @param folder the folder
     * @return this reader
     * @throws IOException when the folder cannot be listed
     */
    public InventoryReader loadFolder(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(folder, limits.maxDepth())) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            try {
                loadCertificateFile(f);
            } catch (IOException e) {
                problem(f.toString(), 0, "fichier illisible : " + e.getMessage());
            }
        }
        return this;
    }

    /**
     * Loads one certificate file (PEM or DER).
     *
     * @param file the file
     * @return this reader
     * @throws IOException when the file cannot be read
     */
    public InventoryReader loadCertificateFile(Path file) throws IOException {
        String source = file.toString();
        long size = Files.size(file);
        if (size > limits.maxFileBytes()) {
            problem(source, 0, "fichier de " + size + " octets, au-delà de la limite de " + limits.maxFileBytes()
                    + " octets pour un fichier de certificat : ignoré");
            return this;
        }
        byte[] bytes = Files.readAllBytes(file);
        loadCertificateBytes(source, bytes);
        return this;
    }

    /**
     * Loads the certificates of one PEM or DER content.
     *
     * @param source name used in problems and in {@link DeployedCertificate#source()}
     * @param bytes  the content
     * @return this reader
     */
    public InventoryReader loadCertificateBytes(String source, byte[] bytes) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == 0) {
            problem(source, 0, "fichier vide");
            return this;
        }
        List<byte[]> ders = new ArrayList<>();
        if (indexOf(bytes, PEM_MARK, 0) >= 0) {
            String text = new String(bytes, StandardCharsets.US_ASCII);
            int from = 0;
            while (true) {
                int b = text.indexOf("-----BEGIN CERTIFICATE-----", from);
                if (b < 0) {
                    break;
                }
                int start = b + "-----BEGIN CERTIFICATE-----".length();
                int e = text.indexOf("-----END CERTIFICATE-----", start);
                if (e < 0) {
                    problem(source, 0, "bloc PEM CERTIFICATE sans ligne END : ignoré");
                    break;
                }
                try {
                    ders.add(Base64.getMimeDecoder().decode(text.substring(start, e)));
                } catch (IllegalArgumentException ex) {
                    problem(source, 0, "bloc PEM CERTIFICATE au base64 invalide : ignoré");
                }
                from = e + 1;
            }
            if (ders.isEmpty()) {
                problem(source, 0, "fichier PEM sans bloc CERTIFICATE (clé privée seule ?) : ignoré");
                return this;
            }
        } else {
            ders.add(bytes);
        }
        int n = 0;
        for (byte[] der : ders) {
            n++;
            X509Certificate x;
            try {
                x = (X509Certificate) factory().generateCertificate(new ByteArrayInputStream(der));
            } catch (CertificateException | RuntimeException e) {
                problem(source, 0, ders.size() > 1 ? "certificat n° " + n + " illisible : ignoré"
                        : "ni certificat PEM ni certificat DER X.509 lisible (PKCS#12 ou autre format ?) : ignoré");
                continue;
            }
            if (x.getBasicConstraints() >= 0) {
                continue; // a CA certificate of the chain
            }
            accept(source, OrgCertificate.of(x));
        }
        return this;
    }

    private void accept(String source, OrgCertificate c) {
        if (c.isPersonCertificate()) {
            problem(source, 0, "certificat de personne (" + c.subject() + "), pas un certificat d'organisation : "
                    + "ignoré");
            return;
        }
        if (c.structureId().isEmpty()) {
            problem(source, 0, "titulaire illisible : " + c.structureIdProblem() + " ; ignoré");
            return;
        }
        LocalDate notAfter = c.certificate().getNotAfter().toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
        String kind = switch (c.kind()) {
            case AUTHENTICATION -> "AUTH";
            case SIGNATURE -> "SIGN";
            case SERVER -> "SERVER";
            case OTHER -> "OTHER";
        };
        add(new DeployedCertificate(c.structureId().get(), c.commonName(),
                c.certificate().getSerialNumber().toString(16), Optional.of(notAfter), Set.of(), "", kind, source), 0);
    }

    private CertificateFactory factory() throws CertificateException {
        if (factory == null) {
            factory = CertificateFactory.getInstance("X.509");
        }
        return factory;
    }

    /**
     * Loads a CSV inventory. Its bytes are decoded line by line (UTF-8 when the line is valid UTF-8, Windows-1252
     * otherwise), as the FINESS extracts are.
     *
     * @param file the file
     * @return this reader
     * @throws IOException when the file cannot be read
     */
    public InventoryReader loadCsv(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            // a character takes at most 4 bytes in UTF-8: the byte bound holds the longest accepted line, no more
            ByteLineReader lines = new ByteLineReader(in, (int) Math.min(Integer.MAX_VALUE - 8,
                    4L * limits.maxLineChars()));
            return loadCsv(file.toString(), () -> {
                String line = lines.readLine();
                return line != null && (lines.lastLineTooLong() || line.length() > limits.maxLineChars())
                        ? TOO_LONG : line;
            });
        }
    }

    /**
     * Loads a CSV inventory from characters (the reader is read to its end, not closed).
     *
     * @param source name used in problems
     * @param reader the characters
     * @return this reader
     * @throws IOException when the characters cannot be read
     */
    public InventoryReader loadCsv(String source, Reader reader) throws IOException {
        Objects.requireNonNull(source, "source");
        BufferedReader in = reader instanceof BufferedReader br ? br : new BufferedReader(reader, 1 << 16);
        return loadCsv(source, () -> readLine(in));
    }

    /** The lines of a CSV inventory: null at the end, {@link #TOO_LONG} for a line over the limit. */
    private interface Lines {
        String next() throws IOException;
    }

    private InventoryReader loadCsv(String source, Lines in) throws IOException {
        long lineNo = 0;
        Map<Column, Integer> cols = null;
        char sep = ';';
        List<String> f = new ArrayList<>();
        String line;
        while ((line = in.next()) != null) {
            lineNo++;
            if (line == TOO_LONG) {
                problem(source, lineNo, "ligne de plus de " + limits.maxLineChars() + " caractères : ignorée");
                continue;
            }
            if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (cols == null) {
                sep = Csv.separator(line);
                if (Csv.fields(line, sep, Integer.MAX_VALUE, f) == Csv.UNCLOSED_QUOTE) {
                    problem(source, lineNo, "ligne d'en-tête aux guillemets mal fermés : fichier ignoré");
                    return this;
                }
                cols = new HashMap<>();
                for (int i = 0; i < f.size(); i++) {
                    Column c = Column.of(f.get(i));
                    if (c != null && !cols.containsKey(c)) {
                        cols.put(c, i);
                    }
                }
                if (!cols.containsKey(Column.HOLDER)) {
                    problem(source, lineNo, "en-tête sans colonne titulaire (holder, idnat_struct, titulaire ou ou) : "
                            + "fichier ignoré ; en-tête lu : " + line);
                    return this;
                }
                continue;
            }
            if (Csv.fields(line, sep, Integer.MAX_VALUE, f) == Csv.UNCLOSED_QUOTE) {
                problem(source, lineNo, "guillemets mal fermés : ligne ignorée");
                continue;
            }
            row(source, lineNo, f, cols);
        }
        if (cols == null) {
            problem(source, 0, "fichier CSV vide (ni en-tête ni ligne)");
        }
        return this;
    }

    private static final String TOO_LONG = new String("\u0000too long");

    private String readLine(BufferedReader in) throws IOException {
        StringBuilder b = new StringBuilder();
        boolean tooLong = false;
        int c;
        boolean any = false;
        while ((c = in.read()) >= 0) {
            any = true;
            if (c == '\n') {
                break;
            }
            if (b.length() < limits.maxLineChars()) {
                b.append((char) c);
            } else {
                tooLong = true;
            }
        }
        if (!any) {
            return null;
        }
        if (tooLong) {
            return TOO_LONG;
        }
        int len = b.length();
        if (len > 0 && b.charAt(len - 1) == '\r') {
            b.setLength(len - 1);
        }
        return b.toString();
    }

    private void row(String source, long lineNo, List<String> f, Map<Column, Integer> cols) {
        String holderText = get(f, cols, Column.HOLDER);
        if (holderText.isEmpty()) {
            problem(source, lineNo, "titulaire (IdNat_Struct) vide : ligne ignorée");
            return;
        }
        StructureId holder;
        try {
            holder = holderText.length() == 9 && Character.isDigit(holderText.charAt(8)) && holderText.chars()
                    .allMatch(ch -> Character.isDigit(ch) || (ch >= 'A' && ch <= 'Z'))
                    ? StructureId.ofFiness(Finess.parse(holderText)) : StructureId.parse(holderText);
        } catch (InvalidIdentifierException e) {
            problem(source, lineNo, "titulaire « " + holderText + " » illisible (" + e.getMessage()
                    + ") : ligne ignorée");
            return;
        }
        String dateText = get(f, cols, Column.NOT_AFTER);
        Optional<LocalDate> notAfter;
        try {
            notAfter = dateText.isEmpty() ? Optional.empty() : Optional.of(parseDate(dateText));
        } catch (DateTimeParseException e) {
            problem(source, lineNo, "date de fin de validité « " + dateText + " » illisible ; attendu : AAAA-MM-JJ "
                    + "ou JJ/MM/AAAA : ligne ignorée");
            return;
        }
        String usageText = get(f, cols, Column.USAGES);
        Set<Usage> usages = EnumSet.noneOf(Usage.class);
        for (String u : usageText.split("[|+/ ,]+")) {
            if (u.isBlank()) {
                continue;
            }
            Usage usage = usage(u);
            if (usage == null) {
                problem(source, lineNo, "usage « " + u + " » inconnu ; attendu : DMP, MSSANTE, INSI ou AUTRE : "
                        + "ligne ignorée");
                return;
            }
            usages.add(usage);
        }
        String serial = get(f, cols, Column.SERIAL);
        String normalised = DeployedCertificate.normaliseSerial(serial);
        if (!normalised.isEmpty() && !normalised.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            problem(source, lineNo, "numéro de série « " + serial + " » non hexadécimal : ligne ignorée");
            return;
        }
        add(new DeployedCertificate(holder, get(f, cols, Column.CN), serial, notAfter, usages,
                get(f, cols, Column.SOFTWARE), get(f, cols, Column.KIND), source + ":" + lineNo), lineNo);
    }

    private static LocalDate parseDate(String s) {
        if (s.length() == 10 && s.charAt(2) == '/') {
            return LocalDate.parse(s, FR_DATE);
        }
        if (s.length() > 10) {
            try {
                return OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
            } catch (DateTimeParseException e) {
                return java.time.LocalDateTime.parse(s).toLocalDate();
            }
        }
        return LocalDate.parse(s);
    }

    private static Usage usage(String u) {
        String k = Csv.key(u);
        return switch (k) {
            case "dmp" -> Usage.DMP;
            case "mssante", "mss" -> Usage.MSSANTE;
            case "insi", "ins" -> Usage.INSI;
            case "autre", "other", "autres" -> Usage.OTHER;
            default -> null;
        };
    }

    private static String get(List<String> f, Map<Column, Integer> cols, Column c) {
        Integer i = cols.get(c);
        return i == null || i >= f.size() ? "" : f.get(i).strip();
    }

    private void add(DeployedCertificate c, long line) {
        String first = seen.putIfAbsent(c.identity(), c.source());
        if (first != null) {
            problem(c.source().isEmpty() ? "?" : stripLine(c.source(), line), line, "certificat " + c.label()
                    + " déjà lu (" + first + ") : doublon ignoré");
            return;
        }
        certificates.add(c);
    }

    private static String stripLine(String source, long line) {
        String suffix = ":" + line;
        return line > 0 && source.endsWith(suffix) ? source.substring(0, source.length() - suffix.length()) : source;
    }

    private void problem(String source, long line, String reason) {
        problemCount++;
        if (problems.size() < limits.maxProblemsKept()) {
            problems.add(new InventoryProblem(source, line, reason));
        }
    }

    /** @return the certificates read so far and the problems met */
    public Inventory result() {
        return new Inventory(certificates, problems, problemCount);
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private enum Column {
        HOLDER, CN, SERIAL, NOT_AFTER, USAGES, SOFTWARE, KIND;

        static Column of(String header) {
            return switch (Csv.key(header)) {
                case "holder", "idnatstruct", "identifiantstructure", "titulaire", "ou", "structureid" -> HOLDER;
                case "cn", "commonname", "nomcommun" -> CN;
                case "serial", "serialnumber", "numeroserie", "numerodeserie", "serie", "nserie" -> SERIAL;
                case "notafter", "finvalidite", "findevalidite", "expiration", "datefin", "dateexpiration",
                     "validjusqua" -> NOT_AFTER;
                case "usages", "usage" -> USAGES;
                case "software", "logiciel", "lps", "solution" -> SOFTWARE;
                case "type", "kind" -> KIND;
                default -> null;
            };
        }
    }
}
