package org.vigie.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.vigie.doctrine.deployment.Deployment;
import org.vigie.doctrine.deployment.DeploymentFinding;
import org.vigie.doctrine.deployment.EstablishmentStatus;
import org.vigie.doctrine.deployment.Indicators;

/**
 * Writes a {@link Deployment} as one self-contained HTML page (no external resource: inline CSS, inline SVG bar
 * chart, inline script): a summary, coverage per region as a bar chart, then the tables (régions, départements,
 * entités juridiques, établissements, constats), each sortable by a click on a column header and filterable. Very
 * long tables are cut at a row limit (the XLSX and JSON exports hold everything); the page says so.
 *
 * <p>Every indicator cell carries its raw value ({@code data-v}) and its key ({@code data-k}); region rows carry
 * their code ({@code data-code}), so that tests and scripts can read the page back.
 */
final class DeploymentHtml {

    private static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Writer w;
    private final Deployment d;
    private final int maxRows;

    private DeploymentHtml(Writer w, Deployment d, int maxRows) {
        this.w = w;
        this.d = d;
        this.maxRows = maxRows;
    }

    static void write(Deployment d, OutputStream out, int maxRows) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        new DeploymentHtml(w, d, maxRows).page();
        w.flush();
    }

    private void page() throws IOException {
        String title = "Déploiement des certificats d'organisation — " + d.scope().labelFr() + " — "
                + FR.format(d.at());
        w.write("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        w.write(esc(title));
        w.write("</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n<header><h1>");
        w.write(esc(title));
        w.write("</h1><p class=\"sub\">Tableau de pilotage calculé par Vigie à partir du répertoire FINESS et de "
                + "l'inventaire des certificats déployés, jugés par la doctrine de commande des certificats "
                + "(webinaire ANS/CNAM du 24/05/2022).</p></header>\n<main>\n");
        summary();
        chart();
        indicatorTable("regions", "Régions", "Région", d.regions(), d.total(), false);
        indicatorTable("departements", "Départements", "Département", d.departements(), null, false);
        indicatorTable("ejs", "Entités juridiques", "FINESS EJ", d.legalEntities(), null, true);
        establishments();
        findings();
        w.write("</main>\n<script>\n" + SCRIPT + "</script>\n</body>\n</html>\n");
    }

    private void summary() throws IOException {
        Indicators t = d.total();
        w.write("<section id=\"summary\" class=\"cards\">\n");
        card("EG", fmt(t.establishments()), "établissements actifs");
        card("concernes", fmt(t.concerned()), "EG concernés par la doctrine");
        card("couverts", fmt(t.covered()), "EG couverts (" + fmt(t.coveredByLegalEntity()) + " par l'EJ, "
                + fmt(t.coveredByEstablishment()) + " par l'EG)");
        card("taux", DeploymentLabels.percent(t.coverageRate()), "taux de couverture");
        card("certificats", fmt(t.certificates()), "certificats valides rattachés");
        card("expirant", fmt(t.expiringSoon()), "expirant sous " + d.expiryWindowDays() + " jours");
        card("constats", fmt(t.findings()), "constats de doctrine");
        card("non-rattaches", fmt(d.unmatched().size() + d.inventoryProblemCount()),
                "certificats non rattachés ou lignes d'inventaire écartées");
        w.write("</section>\n");
    }

    private void card(String id, String value, String label) throws IOException {
        w.write("<div class=\"card\" id=\"card-" + id + "\"><div class=\"v\">" + esc(value) + "</div><div class=\"l\">"
                + esc(label) + "</div></div>\n");
    }

    /** Horizontal bars per region: EJ-level coverage, EG-level coverage, not covered. */
    private void chart() throws IOException {
        List<Indicators> regions = d.regions();
        int rowH = 26;
        int labelW = 250;
        int barW = 640;
        int height = 40 + rowH * regions.size() + 30;
        w.write("<section id=\"chart\"><h2>Couverture par région</h2>\n");
        w.write("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Taux de couverture par région\" "
                + "width=\"" + (labelW + barW + 120) + "\" height=\"" + height + "\" viewBox=\"0 0 "
                + (labelW + barW + 120) + " " + height + "\">\n");
        int y = 30;
        for (Indicators r : regions) {
            double base = Math.max(1, r.concerned());
            double ej = barW * r.coveredByLegalEntity() / base;
            double eg = barW * r.coveredByEstablishment() / base;
            w.write("<g class=\"bar\" data-code=\"" + esc(r.code()) + "\">");
            w.write("<text x=\"" + (labelW - 8) + "\" y=\"" + (y + 17) + "\" text-anchor=\"end\">" + esc(r.name())
                    + "</text>");
            w.write(rect(labelW, y, barW, "#e5e7eb", "non couverts : " + r.notCovered()));
            w.write(rect(labelW, y, ej, "#1d4ed8", "par certificat EJ : " + r.coveredByLegalEntity()));
            w.write(rect(labelW + ej, y, eg, "#60a5fa", "par certificat EG : " + r.coveredByEstablishment()));
            w.write("<text x=\"" + (labelW + barW + 8) + "\" y=\"" + (y + 17) + "\">"
                    + esc(DeploymentLabels.percent(r.coverageRate())) + "</text></g>\n");
            y += rowH;
        }
        w.write("<g class=\"legend\"><rect x=\"" + labelW + "\" y=\"" + (y + 6) + "\" width=\"12\" height=\"12\" "
                + "fill=\"#1d4ed8\"/><text x=\"" + (labelW + 18) + "\" y=\"" + (y + 17) + "\">certificat EJ</text>"
                + "<rect x=\"" + (labelW + 130) + "\" y=\"" + (y + 6) + "\" width=\"12\" height=\"12\" "
                + "fill=\"#60a5fa\"/><text x=\"" + (labelW + 148) + "\" y=\"" + (y + 17) + "\">certificat EG</text>"
                + "<rect x=\"" + (labelW + 260) + "\" y=\"" + (y + 6) + "\" width=\"12\" height=\"12\" "
                + "fill=\"#e5e7eb\"/><text x=\"" + (labelW + 278) + "\" y=\"" + (y + 17) + "\">non couvert</text>"
                + "</g>\n");
        w.write("</svg></section>\n");
    }

    private static String rect(double x, int y, double width, String fill, String title) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"20\" fill=\"%s\">"
                + "<title>%s</title></rect>", x, y, width, fill, esc(title));
    }

    private void indicatorTable(String id, String title, String codeHeader, List<Indicators> rows, Indicators total,
                                boolean ej) throws IOException {
        w.write("<section id=\"" + id + "\"><h2>" + esc(title) + " <small>(" + fmt(rows.size()) + ")</small></h2>\n");
        filter(id);
        w.write("<div class=\"scroll\"><table class=\"sortable\" id=\"t-" + id + "\"><thead><tr>");
        th(codeHeader, "s");
        th("Nom", "s");
        if (ej) {
            th("Dépt", "s");
        }
        if (!id.equals("regions")) {
            th("Région", "s");
        }
        for (String h : new String[] {"EG", "Concernés", "Couverts", "Taux", "Par EJ", "Par EG", "Non couverts",
            "Certificats", "Expirant", "Expirés", "EG à migrer", "Constats"}) {
            th(h, "n");
        }
        th("Constats par règle", "s");
        w.write("</tr></thead>\n<tbody>\n");
        int n = 0;
        for (Indicators i : rows) {
            if (++n > maxRows) {
                break;
            }
            indicatorRow(i, ej, !id.equals("regions"), "");
        }
        w.write("</tbody>");
        if (total != null) {
            w.write("<tfoot>");
            indicatorRow(total, ej, !id.equals("regions"), " class=\"total\"");
            w.write("</tfoot>");
        }
        w.write("</table></div>\n");
        cut(rows.size());
        w.write("</section>\n");
    }

    private void indicatorRow(Indicators i, boolean ej, boolean region, String cls) throws IOException {
        w.write("<tr" + cls + " data-code=\"" + esc(i.code()) + "\">");
        td(i.level() == Indicators.Level.TOTAL ? "Total" : i.code(), null, null);
        td(i.name(), null, null);
        if (ej) {
            td(i.departement(), null, null);
        }
        if (region) {
            td(i.region(), null, null);
        }
        num("establishments", i.establishments());
        num("concerned", i.concerned());
        num("covered", i.covered());
        td(DeploymentLabels.percent(i.coverageRate()), "coverageRate",
                String.format(Locale.ROOT, "%.4f", i.coverageRate()));
        num("coveredByLegalEntity", i.coveredByLegalEntity());
        num("coveredByEstablishment", i.coveredByEstablishment());
        num("notCovered", i.notCovered());
        num("certificates", i.certificates());
        num("expiringSoon", i.expiringSoon());
        num("expired", i.expired());
        num("legacyToMove", i.legacyToMove());
        num("findings", i.findings());
        td(DeploymentLabels.findings(i.findingsByRule()), null, null);
        w.write("</tr>\n");
    }

    private void establishments() throws IOException {
        List<EstablishmentStatus> rows = d.establishments();
        w.write("<section id=\"egs\"><h2>Établissements <small>(" + fmt(rows.size()) + ")</small></h2>\n");
        filter("egs");
        w.write("<div class=\"scroll\"><table class=\"sortable\" id=\"t-egs\"><thead><tr>");
        for (String h : new String[] {"FINESS EG", "Établissement", "FINESS EJ", "Entité juridique", "Catégorie",
            "Dépt", "Région", "Couloir", "Couverture", "Certificats", "Fin de couverture"}) {
            th(h, h.startsWith("Fin") ? "n" : "s");
        }
        th("Expire sous " + d.expiryWindowDays() + " j", "s");
        th("EG à migrer", "s");
        th("INSi", "s");
        th("Constats", "s");
        w.write("</tr></thead>\n<tbody>\n");
        int n = 0;
        for (EstablishmentStatus s : rows) {
            if (++n > maxRows) {
                break;
            }
            String cls = s.coverage().covered() ? "ok" : s.coverage().name().equals("NONE") ? "ko" : "out";
            w.write("<tr class=\"" + cls + "\">");
            td(s.establishment().finess().value(), null, null);
            td(s.establishment().name(), null, null);
            td(s.establishment().legalEntity().value(), null, null);
            td(s.legalEntityName(), null, null);
            td(DeploymentLabels.category(s), null, null);
            td(s.departement().code(), null, null);
            td(s.departement().region().name(), null, null);
            td(DeploymentLabels.corridor(s), null, null);
            td(s.coverage().labelFr(), "coverage", s.coverage().name());
            td(DeploymentLabels.certificates(s.certificates()), null, null);
            date(s.coveredUntil());
            td(DeploymentLabels.yes(s.expiringSoon()), null, null);
            td(DeploymentLabels.yes(s.legacyToMove()), null, null);
            td(DeploymentLabels.insi(s), null, null);
            td(DeploymentLabels.rules(s), null, null);
            w.write("</tr>\n");
        }
        w.write("</tbody></table></div>\n");
        cut(rows.size());
        w.write("</section>\n");
    }

    private void findings() throws IOException {
        List<DeploymentFinding> rows = d.findings();
        w.write("<section id=\"findings\"><h2>Constats <small>(" + fmt(rows.size()) + ")</small></h2>\n");
        filter("findings");
        w.write("<div class=\"scroll\"><table class=\"sortable\" id=\"t-findings\"><thead><tr>");
        for (String h : new String[] {"Règle", "Gravité", "Message", "FINESS EJ", "Entité juridique", "EG",
            "Dépts", "Source"}) {
            th(h, "s");
        }
        w.write("</tr></thead>\n<tbody>\n");
        int n = 0;
        for (DeploymentFinding f : rows) {
            if (++n > maxRows) {
                break;
            }
            w.write("<tr class=\"" + f.finding().severity().name().toLowerCase(Locale.ROOT) + "\">");
            td(f.finding().ruleId(), null, null);
            td(f.finding().severity().name(), null, null);
            td(f.finding().message(), null, null);
            td(f.legalEntity().value(), null, null);
            td(f.legalEntityName(), null, null);
            td(String.join(", ", f.establishments().stream().map(x -> x.value()).toList()), null, null);
            td(String.join(", ", f.departements()), null, null);
            td(f.finding().location().toString(), null, null);
            w.write("</tr>\n");
        }
        w.write("</tbody></table></div>\n");
        cut(rows.size());
        w.write("</section>\n");
    }

    private void cut(int size) throws IOException {
        if (size > maxRows) {
            w.write("<p class=\"cut\">" + fmt(maxRows) + " lignes affichées sur " + fmt(size)
                    + " : les exports XLSX et JSON contiennent tout (ou filtrer par région ou département).</p>\n");
        }
    }

    private void filter(String id) throws IOException {
        w.write("<input class=\"filter\" type=\"search\" placeholder=\"Filtrer…\" data-table=\"t-" + id + "\">\n");
    }

    private void th(String text, String type) throws IOException {
        w.write("<th data-type=\"" + type + "\">" + esc(text) + "</th>");
    }

    private void num(String key, long v) throws IOException {
        td(fmt(v), key, Long.toString(v));
    }

    private void date(Optional<LocalDate> date) throws IOException {
        td(date.map(FR::format).orElse(""), null, date.map(LocalDate::toString).orElse(""));
    }

    private void td(String text, String key, String value) throws IOException {
        w.write("<td");
        if (key != null) {
            w.write(" data-k=\"" + key + "\"");
        }
        if (value != null) {
            w.write(" data-v=\"" + esc(value) + "\"");
        }
        w.write(">");
        w.write(esc(text));
        w.write("</td>");
    }

    private static String fmt(long n) {
        return FinessCommand.fmt(n);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (r != null) {
                    b.append(r);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;color:#111827;\
            background:#f9fafb;font-size:14px}
            header{background:#1e3a8a;color:#fff;padding:14px 24px}header h1{margin:0;font-size:20px}
            .sub{margin:4px 0 0;opacity:.85;font-size:13px}
            main{padding:12px 24px;max-width:1400px}
            h2{font-size:17px;margin:22px 0 8px}h2 small{font-weight:normal;color:#6b7280}
            .cards{display:flex;flex-wrap:wrap;gap:10px}
            .card{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:10px 14px;min-width:140px}
            .card .v{font-size:22px;font-weight:600;color:#1e3a8a}.card .l{font-size:12px;color:#4b5563}
            svg text{font-size:13px;fill:#111827}
            .scroll{max-height:520px;overflow:auto;border:1px solid #e5e7eb;background:#fff}
            table{border-collapse:collapse;width:100%}
            th,td{padding:4px 8px;border-bottom:1px solid #f3f4f6;text-align:left;white-space:nowrap}
            td[data-k]{text-align:right}
            th{position:sticky;top:0;background:#e5e7eb;cursor:pointer;user-select:none}
            th.asc::after{content:" ▲"}th.desc::after{content:" ▼"}
            tr.ko td:nth-child(9){color:#b91c1c;font-weight:600}tr.ok td:nth-child(9){color:#15803d}
            tr.error td:first-child{color:#b91c1c}tr.total td{font-weight:600;background:#f3f4f6}
            .filter{margin:0 0 6px;padding:4px 8px;width:280px}
            .cut{color:#92400e;font-size:13px}
            """;

    private static final String SCRIPT = """
            (function(){
              function key(td){var v=td.getAttribute('data-v');return v===null?td.textContent:v;}
              function sort(table,idx,th){
                var numeric=th.getAttribute('data-type')==='n';
                var dir=th.classList.contains('asc')?-1:1;
                Array.prototype.forEach.call(th.parentNode.children,function(h){h.classList.remove('asc','desc');});
                th.classList.add(dir===1?'asc':'desc');
                var body=table.tBodies[0];var rows=Array.prototype.slice.call(body.rows);
                rows.sort(function(a,b){var x=key(a.cells[idx]),y=key(b.cells[idx]);
                  if(numeric){x=parseFloat(x);y=parseFloat(y);x=isNaN(x)?-Infinity:x;y=isNaN(y)?-Infinity:y;
                    return (x-y)*dir;}
                  return x.localeCompare(y,'fr',{numeric:true})*dir;});
                rows.forEach(function(r){body.appendChild(r);});
              }
              document.querySelectorAll('table.sortable').forEach(function(t){
                t.querySelectorAll('thead th').forEach(function(th,i){
                  th.addEventListener('click',function(){sort(t,i,th);});});
                t.setAttribute('data-sortable','ready');
              });
              document.querySelectorAll('input.filter').forEach(function(inp){
                inp.addEventListener('input',function(){
                  var q=inp.value.toLowerCase();var t=document.getElementById(inp.getAttribute('data-table'));
                  Array.prototype.forEach.call(t.tBodies[0].rows,function(r){
                    r.style.display=r.textContent.toLowerCase().indexOf(q)>=0?'':'none';});});
              });
            })();
            """;
}
