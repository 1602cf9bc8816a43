package org.vigie.server.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigie.core.Finding;
import org.vigie.core.Occurrence;
import org.vigie.core.Report;
import org.vigie.core.ReportJson;
import org.vigie.core.Severity;

/**
 * The pages of the request journal: {@code GET /} (the list), {@code /requests.json}, {@code /requests/{n}} (one
 * request: its report, occurrence table, framing, client certificate), {@code /requests/{n}.json} and
 * {@code /requests/{n}/raw} (the body as received). Self-contained HTML: one inline style sheet allowed by its hash in
 * a strict {@code Content-Security-Policy} (nothing else may load: no script, image, font, frame or form target), every
 * value HTML-escaped. The numbers, verdicts, rule ids and occurrence cells sit in {@code data-*} attributes as well, so
 * that a test reads them from the DOM.
 */
public final class JournalPages {

    /** Paths of one entry. */
    private static final Pattern ENTRY = Pattern.compile("/requests/(\\d{1,18})(\\.json|/raw)?");

    private static final String STYLE = "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#1b1b1b}"
            + "h1{font-size:1.4em;margin:0 0 .3em}h2{font-size:1.1em;margin:1.4em 0 .4em}"
            + "table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccd;padding:3px 6px;text-align:left;"
            + "vertical-align:top}th{background:#eef1f6}tbody tr:nth-child(even){background:#fafbfd}"
            + ".meta{color:#555}.rule{font-family:monospace;background:#eef;border-radius:3px;padding:0 3px;margin-right:3px;white-space:nowrap}"
            + "td[data-k=time],td[data-k=verdict]{white-space:nowrap}"
            + ".v-accepted{color:#0a6b2d;font-weight:bold}.v-rejected,.v-unreadable{color:#b00020;font-weight:bold}"
            + ".s-ERROR{color:#b00020}.s-WARNING{color:#9a5b00}.s-INFO{color:#345}"
            + "td.num{text-align:right;font-variant-numeric:tabular-nums}dl{display:grid;grid-template-columns:max-content auto;"
            + "gap:2px 12px}dt{font-weight:bold}dd{margin:0;word-break:break-all}.problem{color:#b00020}"
            + "code{font-size:.95em}nav a{margin-right:1em}";
    /** The policy of every page: only the inline style sheet above may apply; nothing loads. */
    public static final String CSP = "default-src 'none'; style-src '" + sha256(STYLE) + "'; img-src 'none'; "
            + "script-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final Journal journal;

    public JournalPages(Journal journal) {
        this.journal = journal;
    }

    /** An answer: status, content type, body, more headers. */
    public record Page(int status, String contentType, byte[] body, Map<String, String> headers) {
    }

    /**
     * @param rawPath the raw path of a GET
     * @return true when the path is one of the journal's
     */
    public static boolean isJournalPath(String rawPath) {
        return rawPath.equals("/") || rawPath.equals("/requests.json") || ENTRY.matcher(rawPath).matches();
    }

    /**
     * @param rawPath a path for which {@link #isJournalPath} holds
     * @return the page
     */
    public Page answer(String rawPath) {
        if (rawPath.equals("/")) {
            return html(200, list());
        }
        if (rawPath.equals("/requests.json")) {
            return new Page(200, "application/json; charset=UTF-8", listJson().getBytes(StandardCharsets.UTF_8),
                    common());
        }
        Matcher m = ENTRY.matcher(rawPath);
        if (!m.matches()) {
            return html(404, notFound("page inconnue"));
        }
        long n = Long.parseLong(m.group(1));
        Optional<JournalEntry> e = journal.get(n);
        if (e.isEmpty()) {
            boolean gone = journal.evicted(n);
            return html(404, notFound(gone ? "requête n° " + n + " évincée du journal (limites en nombre ou en octets)"
                    : "pas de requête n° " + n + " dans le journal"));
        }
        JournalEntry entry = e.get();
        if (m.group(2) == null) {
            return html(200, detail(entry));
        }
        if (m.group(2).equals(".json")) {
            return new Page(200, "application/json; charset=UTF-8", entry.json().getBytes(StandardCharsets.UTF_8),
                    common());
        }
        Map<String, String> h = common();
        h.put("Content-Disposition", "attachment; filename=\"vigie-request-" + String.format("%06d", entry.n()) + ".raw\"");
        h.put("X-Vigie-Raw-Truncated", String.valueOf(entry.rawTruncated()));
        if (entry.contentType() != null) {
            h.put("X-Vigie-Raw-Content-Type", headerSafe(entry.contentType()));
        }
        if (entry.contentEncoding() != null) {
            h.put("X-Vigie-Raw-Content-Encoding", headerSafe(entry.contentEncoding()));
        }
        return new Page(200, "application/octet-stream", entry.rawBytes(), h);
    }

    /** The answer to a client that is not on the loopback interface. */
    public static Page forbidden() {
        return new Page(403, "text/plain; charset=UTF-8", ("journal des requêtes de Vigie serve : réservé aux clients de la "
                + "boucle locale (il montre des requêtes de santé) ; voir l'option d'accès distant\n")
                .getBytes(StandardCharsets.UTF_8), common());
    }

    private static Map<String, String> common() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", CSP);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("X-Frame-Options", "DENY");
        h.put("Cache-Control", "no-store");
        return h;
    }

    private static Page html(int status, String body) {
        return new Page(status, "text/html; charset=UTF-8", body.getBytes(StandardCharsets.UTF_8), common());
    }

    private static String headerSafe(String v) {
        return v.replaceAll("[\\r\\n\\x00-\\x1f\\x7f]", " ");
    }

    private String list() {
        Journal.State s = journal.state();
        StringBuilder sb = head("Vigie serve — journal des requêtes");
        sb.append("<h1>Vigie serve — journal des requêtes</h1>\n");
        sb.append("<p class=\"meta\" id=\"state\" data-recorded=\"").append(s.recorded()).append("\" data-kept=\"")
                .append(s.kept()).append("\" data-evicted=\"").append(s.evicted()).append("\">Depuis le démarrage (")
                .append(esc(journal.started().toString())).append(") : ").append(s.recorded())
                .append(" requête(s) reçue(s), ").append(s.kept()).append(" conservée(s), ").append(s.evicted())
                .append(" évincée(s). Limites : ").append(journal.limits().maxEntries()).append(" requêtes, ")
                .append(bytes(journal.limits().maxEntryBytes())).append(" de corps brut par requête, ")
                .append(bytes(journal.limits().maxTotalBytes())).append(" en tout. <a href=\"/requests.json\">JSON</a></p>\n");
        directory(sb, s);
        sb.append("<table id=\"requests\">\n<thead><tr><th>n°</th><th>heure (UTC)</th><th>certificat client</th>"
                + "<th>action</th><th>verdict</th><th>HTTP</th><th>règles</th><th>octets reçus</th></tr></thead>\n<tbody>\n");
        for (JournalEntry e : journal.entries()) {
            sb.append("<tr data-n=\"").append(e.n()).append("\" data-verdict=\"").append(esc(e.verdict()))
                    .append("\" data-status=\"").append(e.status()).append("\" data-rules=\"")
                    .append(esc(String.join(",", e.rules()))).append("\">");
            sb.append("<td data-k=\"n\" class=\"num\"><a href=\"/requests/").append(e.n()).append("\">").append(e.n())
                    .append("</a></td>");
            sb.append("<td data-k=\"time\">").append(esc(e.time().toString())).append("</td>");
            sb.append("<td data-k=\"client\">").append(esc(orDash(e.clientSubject()))).append("</td>");
            sb.append("<td data-k=\"action\">").append(esc(orDash(e.action()))).append("</td>");
            sb.append("<td data-k=\"verdict\" class=\"v-").append(esc(e.verdict())).append("\">").append(esc(e.verdict()))
                    .append("</td>");
            sb.append("<td data-k=\"status\" class=\"num\">").append(e.status()).append("</td>");
            sb.append("<td data-k=\"rules\">");
            for (String r : e.rules()) {
                sb.append("<span class=\"rule\">").append(esc(r)).append("</span>");
            }
            sb.append("</td><td data-k=\"bytesIn\" class=\"num\">").append(e.bytesIn()).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        if (s.kept() == 0) {
            sb.append("<p id=\"empty\">Aucune requête pour l'instant : envoyez une requête DMP en POST sur ce port.</p>\n");
        }
        return sb.append("</body>\n</html>\n").toString();
    }

    private void directory(StringBuilder sb, Journal.State s) {
        journal.directory().ifPresent(d -> sb.append("<p class=\"meta\" id=\"directory\">Dossier de journal : <code>")
                .append(esc(d.toAbsolutePath().toString())).append("</code> — ").append(s.filesWritten())
                .append(" fichier(s) écrit(s), ").append(bytes(s.directoryBytes())).append(" (limite ")
                .append(bytes(journal.limits().maxDirectoryBytes())).append(")</p>\n"));
        if (s.directoryProblem() != null) {
            sb.append("<p class=\"problem\" id=\"directory-problem\">").append(esc(s.directoryProblem()))
                    .append(s.writeFailures() > 0 ? " — " + s.writeFailures() + " écriture(s) en échec" : "").append("</p>\n");
        }
    }

    private String listJson() {
        Journal.State s = journal.state();
        StringBuilder sb = new StringBuilder(4096).append("{\n  \"format\": \"vigie-journal/1\",\n  \"started\": ")
                .append(ReportJson.str(journal.started().toString())).append(",\n  \"recorded\": ").append(s.recorded())
                .append(",\n  \"kept\": ").append(s.kept()).append(",\n  \"evicted\": ").append(s.evicted())
                .append(",\n  \"limits\": {\"maxEntries\": ").append(journal.limits().maxEntries())
                .append(", \"maxEntryBytes\": ").append(journal.limits().maxEntryBytes()).append(", \"maxTotalBytes\": ")
                .append(journal.limits().maxTotalBytes()).append("},\n  \"requests\": [");
        List<JournalEntry> all = journal.entries();
        for (int i = 0; i < all.size(); i++) {
            JournalEntry e = all.get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("    {\"n\": ").append(e.n()).append(", \"time\": ")
                    .append(ReportJson.str(e.time().toString())).append(", \"client\": ").append(jstr(e.clientSubject()))
                    .append(", \"action\": ").append(jstr(e.action())).append(", \"verdict\": ").append(jstr(e.verdict()))
                    .append(", \"status\": ").append(e.status()).append(", \"rules\": [");
            for (int j = 0; j < e.rules().size(); j++) {
                sb.append(j > 0 ? ", " : "").append(ReportJson.str(e.rules().get(j)));
            }
            sb.append("], \"bytesIn\": ").append(e.bytesIn()).append(", \"href\": ")
                    .append(ReportJson.str("/requests/" + e.n())).append('}');
        }
        return sb.append(all.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    private String detail(JournalEntry e) {
        StringBuilder sb = head("Vigie serve — requête n° " + e.n());
        sb.append("<nav><a href=\"/\">← journal</a><a href=\"/requests/").append(e.n()).append(".json\">JSON</a>")
                .append("<a href=\"/requests/").append(e.n()).append("/raw\" id=\"raw-link\">corps brut</a></nav>\n");
        sb.append("<h1 id=\"title\" data-n=\"").append(e.n()).append("\">Requête n° ").append(e.n()).append(" — <span class=\"v-")
                .append(esc(e.verdict())).append("\" id=\"verdict\">").append(esc(e.verdict())).append("</span></h1>\n");
        sb.append("<dl id=\"summary\">\n");
        dd(sb, "time", "heure (UTC)", e.time().toString());
        dd(sb, "remote", "client réseau", e.remote());
        dd(sb, "request", "requête", e.method() + " " + e.path());
        dd(sb, "status", "statut HTTP", e.status() == 0 ? "aucune réponse (connexion fermée)" : String.valueOf(e.status()));
        dd(sb, "action", "action SOAP", orDash(e.action()));
        dd(sb, "profile", "profil", orDash(e.profile()));
        dd(sb, "framing", "mise en forme", orDash(e.framing()));
        dd(sb, "attachments", "documents MTOM lus", String.valueOf(e.attachments()));
        dd(sb, "bytesIn", "octets reçus", String.valueOf(e.bytesIn()));
        dd(sb, "bytesDecoded", "octets décodés", String.valueOf(e.bytesDecoded()));
        dd(sb, "ms", "durée (ms)", String.valueOf(e.millis()));
        dd(sb, "contentType", "Content-Type", orDash(e.contentType()));
        dd(sb, "contentEncoding", "Content-Encoding", orDash(e.contentEncoding()));
        dd(sb, "soapAction", "SOAPAction", orDash(e.soapAction()));
        sb.append("</dl>\n<h2>Certificat client (poignée de main TLS)</h2>\n");
        if (e.client() == null) {
            sb.append("<p id=\"client\">aucun</p>\n");
        } else {
            sb.append("<dl id=\"client\">\n");
            dd(sb, "subject", "sujet", e.clientSubject());
            dd(sb, "issuer", "émetteur", e.clientIssuer());
            dd(sb, "serial", "numéro de série", e.client().getSerialNumber().toString(16));
            dd(sb, "validity", "validité", e.client().getNotBefore().toInstant() + " → " + e.client().getNotAfter().toInstant());
            dd(sb, "sha256", "empreinte SHA-256", e.clientSha256());
            sb.append("</dl>\n");
        }
        Report r = e.report();
        sb.append("<h2>Rapport</h2>\n");
        if (r == null) {
            sb.append("<p id=\"no-report\">Pas de rapport : requête répondue sans vérification (verdict « ")
                    .append(esc(e.verdict())).append(" »).</p>\n");
        } else {
            long errors = count(r, Severity.ERROR);
            long warnings = count(r, Severity.WARNING);
            long infos = count(r, Severity.INFO);
            sb.append("<p id=\"report-summary\" data-accepted=\"").append(r.accepted()).append("\" data-errors=\"")
                    .append(errors).append("\" data-warnings=\"").append(warnings).append("\" data-infos=\"").append(infos)
                    .append("\">").append(r.accepted() ? "accepté" : "refusé").append(" : ").append(errors)
                    .append(" erreur(s), ").append(warnings).append(" avertissement(s), ").append(infos)
                    .append(" information(s)").append(r.evaluatedAt().map(i -> " — évalué à " + esc(i.toString())).orElse(""))
                    .append("</p>\n");
            sb.append("<table id=\"findings\">\n<thead><tr><th>règle</th><th>gravité</th><th>message</th><th>emplacement</th>"
                    + "<th>élément</th></tr></thead>\n<tbody>\n");
            for (Finding f : r.findings()) {
                sb.append("<tr data-rule=\"").append(esc(f.ruleId())).append("\" data-severity=\"")
                        .append(f.severity().name()).append("\"><td><span class=\"rule\">").append(esc(f.ruleId()))
                        .append("</span></td><td class=\"s-").append(f.severity().name()).append("\">")
                        .append(f.severity().name()).append("</td><td>").append(esc(f.message(e.locale())))
                        .append("</td><td>").append(esc(f.location().toString())).append("</td><td>")
                        .append(esc(f.evidence())).append("</td></tr>\n");
            }
            sb.append("</tbody>\n</table>\n");
            if (r.findings().isEmpty()) {
                sb.append("<p id=\"no-findings\">Aucun constat.</p>\n");
            }
            sb.append("<h2>Occurrences de authorInstitution</h2>\n<table id=\"occurrences\">\n<thead><tr><th>lieu</th>"
                    + "<th>document</th><th>valeur</th><th>identifiant de structure</th></tr></thead>\n<tbody>\n");
            for (Occurrence o : r.occurrences()) {
                sb.append("<tr data-place=\"").append(o.place().name()).append("\" data-document=\"").append(esc(o.document()))
                        .append("\" data-structure=\"").append(esc(o.structureId())).append("\"><td>")
                        .append(o.place().name()).append("</td><td>").append(esc(o.document())).append("</td><td>")
                        .append(esc(o.value())).append("</td><td>").append(esc(o.structureId())).append("</td></tr>\n");
            }
            sb.append("</tbody>\n</table>\n");
            if (r.occurrences().isEmpty()) {
                sb.append("<p id=\"no-occurrences\">Aucune occurrence lue.</p>\n");
            }
        }
        sb.append("<h2>Corps brut</h2>\n<p id=\"raw\" data-bytes=\"").append(e.rawLength()).append("\" data-truncated=\"")
                .append(e.rawTruncated()).append("\">").append(e.bytesIn()).append(" octet(s) reçu(s) ; copie conservée : ")
                .append(e.rawLength()).append(" octet(s)").append(e.rawTruncated() ? " — <strong>tronquée</strong> aux "
                        + bytes(journal.limits().maxEntryBytes()) + " premiers" : "")
                .append(". <a href=\"/requests/").append(e.n()).append("/raw\">Télécharger</a> (tel que reçu, avant "
                        + "décodage du Content-Encoding).</p>\n");
        return sb.append("</body>\n</html>\n").toString();
    }

    private static void dd(StringBuilder sb, String key, String label, String value) {
        sb.append("<dt>").append(esc(label)).append("</dt><dd data-k=\"").append(key).append("\">").append(esc(value))
                .append("</dd>\n");
    }

    private String notFound(String why) {
        return head("Vigie serve — journal").append("<nav><a href=\"/\">← journal</a></nav>\n<h1>Introuvable</h1>\n<p id=\"why\">")
                .append(esc(why)).append("</p>\n</body>\n</html>\n").toString();
    }

    private static StringBuilder head(String title) {
        return new StringBuilder(8192).append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").append(esc(title))
                .append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
    }

    private static long count(Report r, Severity s) {
        return r.findings().stream().filter(f -> f.severity() == s).count();
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "—" : s;
    }

    private static String jstr(String s) {
        return s == null ? "null" : ReportJson.str(s);
    }

    private static String bytes(long b) {
        if (b % (1024L * 1024) == 0) {
            return (b / (1024L * 1024)) + " Mio";
        }
        if (b % 1024 == 0) {
            return (b / 1024) + " Kio";
        }
        return b + " octets";
    }

    /** HTML text and attribute escaping of every value shown. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' || c == 0x7f) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static String sha256(String s) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
