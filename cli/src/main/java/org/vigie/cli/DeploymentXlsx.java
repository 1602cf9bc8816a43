package org.vigie.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.vigie.doctrine.deployment.Deployment;
import org.vigie.doctrine.deployment.DeploymentFinding;
import org.vigie.doctrine.deployment.EstablishmentStatus;
import org.vigie.doctrine.deployment.Indicators;
import org.vigie.doctrine.deployment.InventoryProblem;
import org.vigie.doctrine.deployment.UnmatchedCertificate;

/**
 * Writes a {@link Deployment} as an XLSX workbook with Apache POI's streaming writer (rows are flushed to a
 * temporary file as they are written: memory does not grow with the number of establishments). One sheet per
 * level (établissements, entités juridiques, départements, régions, constats) plus the inventory anomalies; each
 * with a frozen bold header row and an autofilter; dates are date cells, rates percentage cells.
 */
final class DeploymentXlsx {

    static final String SHEET_ESTABLISHMENTS = "Établissements";
    static final String SHEET_LEGAL_ENTITIES = "Entités juridiques";
    static final String SHEET_DEPARTEMENTS = "Départements";
    static final String SHEET_REGIONS = "Régions";
    static final String SHEET_FINDINGS = "Constats";
    static final String SHEET_INVENTORY = "Anomalies inventaire";

    private final SXSSFWorkbook wb = new SXSSFWorkbook(200);
    private final CellStyle header;
    private final CellStyle date;
    private final CellStyle percent;

    private DeploymentXlsx() {
        header = wb.createCellStyle();
        Font bold = wb.createFont();
        bold.setBold(true);
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setWrapText(true);
        date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
        percent = wb.createCellStyle();
        percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
    }

    static void write(Deployment d, OutputStream out) throws IOException {
        DeploymentXlsx x = new DeploymentXlsx();
        try {
            x.establishments(d);
            x.indicators(SHEET_LEGAL_ENTITIES, "FINESS EJ", "Entité juridique", d.legalEntities(), d, true);
            x.indicators(SHEET_DEPARTEMENTS, "Département", "Nom", d.departements(), d, false);
            List<Indicators> regions = new java.util.ArrayList<>(d.regions());
            regions.add(d.total());
            x.indicators(SHEET_REGIONS, "Région", "Nom", regions, d, false);
            x.findings(d);
            x.inventory(d);
            x.wb.write(out);
        } finally {
            x.wb.close();
        }
    }

    private SXSSFSheet sheet(String name, String... headers) {
        SXSSFSheet s = wb.createSheet(name);
        Row r = s.createRow(0);
        r.setHeightInPoints(30);
        for (int i = 0; i < headers.length; i++) {
            Cell c = r.createCell(i);
            c.setCellValue(headers[i]);
            c.setCellStyle(header);
            s.setColumnWidth(i, Math.min(60, Math.max(10, headers[i].length() + 2)) * 256);
        }
        s.createFreezePane(0, 1);
        return s;
    }

    private static void finish(SXSSFSheet s, int columns, int lastRow) {
        s.setAutoFilter(new CellRangeAddress(0, Math.max(lastRow, 0), 0, columns - 1));
    }

    private void establishments(Deployment d) {
        String[] h = {"FINESS EG", "Établissement", "FINESS EJ", "Entité juridique", "Catégorie", "Département",
            "Nom du département", "Région", "Couloir", "Couverture", "Couvert", "Certificats couvrant l'EG",
            "Fin de couverture", "Expire sous " + d.expiryWindowDays() + " j", "Certificat EG à migrer vers l'EJ",
            "Certificats INSi", "Nommage INSi", "Constats (règles)", "Nombre de constats"};
        SXSSFSheet s = sheet(SHEET_ESTABLISHMENTS, h);
        widths(s, 12, 40, 12, 40, 30, 11, 22, 26, 18, 26, 9, 60, 14, 12, 14, 10, 14, 30, 10);
        int r = 0;
        for (EstablishmentStatus e : d.establishments()) {
            Row row = s.createRow(++r);
            int c = 0;
            text(row, c++, e.establishment().finess().value());
            text(row, c++, e.establishment().name());
            text(row, c++, e.establishment().legalEntity().value());
            text(row, c++, e.legalEntityName());
            text(row, c++, DeploymentLabels.category(e));
            text(row, c++, e.departement().code());
            text(row, c++, e.departement().name());
            text(row, c++, e.departement().region().name());
            text(row, c++, DeploymentLabels.corridor(e));
            text(row, c++, e.coverage().labelFr());
            text(row, c++, DeploymentLabels.yes(e.coverage().covered()));
            text(row, c++, DeploymentLabels.certificates(e.certificates()));
            date(row, c++, e.coveredUntil());
            text(row, c++, DeploymentLabels.yes(e.expiringSoon()));
            text(row, c++, DeploymentLabels.yes(e.legacyToMove()));
            number(row, c++, e.insiCertificates().size());
            text(row, c++, DeploymentLabels.insi(e));
            text(row, c++, DeploymentLabels.rules(e));
            number(row, c++, e.findings().size());
        }
        finish(s, h.length, r);
    }

    private void indicators(String name, String codeHeader, String nameHeader, List<Indicators> list, Deployment d,
                            boolean ej) {
        TreeSet<String> rules = new TreeSet<>();
        for (Indicators i : list) {
            rules.addAll(i.findingsByRule().keySet());
        }
        rules.addAll(d.total().findingsByRule().keySet());
        List<String> h = new java.util.ArrayList<>(List.of(codeHeader, nameHeader));
        if (ej) {
            h.add("Département");
        }
        if (!name.equals(SHEET_REGIONS)) {
            h.add("Région");
        }
        h.addAll(List.of("EG", "EG concernés", "EG couverts", "Taux de couverture", "Couverts par certificat EJ",
                "Couverts par certificat EG", "EG non couverts", "Certificats valides",
                "Expirant sous " + d.expiryWindowDays() + " j", "Certificats expirés", "Certificats EG à migrer",
                "Constats"));
        h.addAll(rules);
        SXSSFSheet s = sheet(name, h.toArray(String[]::new));
        s.setColumnWidth(1, 40 * 256);
        int r = 0;
        for (Indicators i : list) {
            Row row = s.createRow(++r);
            int c = 0;
            text(row, c++, i.level() == Indicators.Level.TOTAL ? "Total" : i.code());
            text(row, c++, i.name());
            if (ej) {
                text(row, c++, i.departement());
            }
            if (!name.equals(SHEET_REGIONS)) {
                text(row, c++, i.region());
            }
            number(row, c++, i.establishments());
            number(row, c++, i.concerned());
            number(row, c++, i.covered());
            Cell pc = row.createCell(c++);
            pc.setCellValue(i.coverageRate());
            pc.setCellStyle(percent);
            number(row, c++, i.coveredByLegalEntity());
            number(row, c++, i.coveredByEstablishment());
            number(row, c++, i.notCovered());
            number(row, c++, i.certificates());
            number(row, c++, i.expiringSoon());
            number(row, c++, i.expired());
            number(row, c++, i.legacyToMove());
            number(row, c++, i.findings());
            for (String rule : rules) {
                number(row, c++, i.findingsByRule().getOrDefault(rule, 0));
            }
        }
        finish(s, h.size(), r);
    }

    private void findings(Deployment d) {
        String[] h = {"Règle", "Gravité", "Message", "FINESS EJ", "Entité juridique", "EG concernés", "Départements",
            "Régions", "Certificat", "Source"};
        SXSSFSheet s = sheet(SHEET_FINDINGS, h);
        widths(s, 18, 10, 90, 12, 36, 30, 14, 10, 40, 30);
        int r = 0;
        for (DeploymentFinding f : d.findings()) {
            Row row = s.createRow(++r);
            int c = 0;
            text(row, c++, f.finding().ruleId());
            text(row, c++, f.finding().severity().name());
            text(row, c++, f.finding().message());
            text(row, c++, f.legalEntity().value());
            text(row, c++, f.legalEntityName());
            text(row, c++, String.join(", ", f.establishments().stream().map(x -> x.value()).toList()));
            text(row, c++, String.join(", ", f.departements()));
            text(row, c++, String.join(", ", f.regions()));
            text(row, c++, f.certificate().map(x -> x.label()).orElse(""));
            text(row, c++, f.finding().location().toString());
        }
        finish(s, h.length, r);
    }

    private void inventory(Deployment d) {
        String[] h = {"Source", "Ligne", "Titulaire", "CN", "N° de série", "Fin de validité", "Motif"};
        SXSSFSheet s = sheet(SHEET_INVENTORY, h);
        widths(s, 40, 8, 18, 30, 20, 14, 90);
        int r = 0;
        for (UnmatchedCertificate u : d.unmatched()) {
            Row row = s.createRow(++r);
            text(row, 0, u.certificate().source());
            text(row, 2, u.certificate().holder().value());
            text(row, 3, u.certificate().commonName());
            text(row, 4, u.certificate().serial());
            date(row, 5, u.certificate().notAfter());
            text(row, 6, "certificat non rattaché : " + u.reason());
        }
        for (InventoryProblem p : d.inventoryProblems()) {
            Row row = s.createRow(++r);
            text(row, 0, p.source());
            if (p.line() > 0) {
                number(row, 1, p.line());
            }
            text(row, 6, p.reason());
        }
        finish(s, h.length, r);
    }

    private static void widths(SXSSFSheet s, int... w) {
        for (int i = 0; i < w.length; i++) {
            s.setColumnWidth(i, w[i] * 256);
        }
    }

    private static void text(Row row, int col, String v) {
        row.createCell(col).setCellValue(v == null ? "" : v);
    }

    private static void number(Row row, int col, double v) {
        row.createCell(col).setCellValue(v);
    }

    private void date(Row row, int col, Optional<LocalDate> d) {
        Cell c = row.createCell(col);
        if (d.isPresent()) {
            c.setCellValue(d.get());
            c.setCellStyle(date);
        }
    }
}
