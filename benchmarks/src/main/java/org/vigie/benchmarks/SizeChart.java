package org.vigie.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.vigie.benchmarks.Figures.Row;
import org.vigie.benchmarks.data.Submissions;

/**
 * Draws control-2 time per operation against document size (both axes logarithmic), one line per way the document
 * travels (MTOM part, inline base64), with Java2D; written as PNG. Runs headless.
 */
final class SizeChart {

    private static final int W = 900;
    private static final int H = 560;
    private static final int LEFT = 90;
    private static final int RIGHT = 40;
    private static final int TOP = 60;
    private static final int BOTTOM = 70;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c)};

    private SizeChart() {
    }

    private static String decade(int d) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        int u = Math.max(0, Math.min(units.length - 1, d / 3));
        return (long) Math.pow(10, d - 3 * u) + " " + units[u];
    }

    /** A point: document bytes, microseconds per operation. */
    record Point(long bytes, double micros) {
    }

    /** The series of the control-2 benchmarks found in the figures (by method name). */
    static Map<String, List<Point>> series(Figures f) {
        Map<String, List<Point>> out = new LinkedHashMap<>();
        for (Row r : f.rows()) {
            if (!r.name().startsWith("Control2Benchmark.") || r.params().get("size") == null) {
                continue;
            }
            String label = r.name().endsWith(".xop") ? "document as MTOM part (xop:Include)"
                    : r.name().endsWith(".inline") ? "document inline (base64 in xds:Document)" : r.name();
            out.computeIfAbsent(label, k -> new ArrayList<>())
               .add(new Point(Submissions.parseSize(r.params().get("size")), r.micros()));
        }
        out.values().forEach(l -> l.sort((a, b) -> Long.compare(a.bytes(), b.bytes())));
        return out;
    }

    /**
     * Writes the chart.
     *
     * @param series points by label
     * @param title  the title line
     * @param file   the PNG to write
     */
    static void write(Map<String, List<Point>> series, String title, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);

        double minX = Double.MAX_VALUE;
        double maxX = 0;
        double minY = Double.MAX_VALUE;
        double maxY = 0;
        for (List<Point> l : series.values()) {
            for (Point p : l) {
                if (p.micros() > 0 && !Double.isNaN(p.micros())) {
                    minX = Math.min(minX, p.bytes());
                    maxX = Math.max(maxX, p.bytes());
                    minY = Math.min(minY, p.micros());
                    maxY = Math.max(maxY, p.micros());
                }
            }
        }
        if (maxX == 0) {
            minX = 1e4;
            maxX = 1e9;
            minY = 1;
            maxY = 1e6;
        }
        double lx0 = Math.floor(Math.log10(minX) - 0.3);
        double lx1 = Math.ceil(Math.log10(maxX) + 0.3);
        double ly0 = Math.floor(Math.log10(minY));
        double ly1 = Math.ceil(Math.log10(maxY));
        if (ly1 - ly0 < 2) {
            ly1 = ly0 + 2;
        }
        int pw = W - LEFT - RIGHT;
        int ph = H - TOP - BOTTOM;

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();

        // grid and axis labels: decades
        for (double d = ly0; d <= ly1 + 1e-9; d++) {
            int y = TOP + ph - (int) Math.round((d - ly0) / (ly1 - ly0) * ph);
            g.setColor(new Color(0xdddddd));
            g.drawLine(LEFT, y, LEFT + pw, y);
            g.setColor(Color.DARK_GRAY);
            String s = Figures.duration(Math.pow(10, d));
            g.drawString(s, LEFT - 8 - fm.stringWidth(s), y + 4);
        }
        for (double d = lx0; d <= lx1 + 1e-9; d++) {
            int x = LEFT + (int) Math.round((d - lx0) / (lx1 - lx0) * pw);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x, TOP, x, TOP + ph);
            g.setColor(Color.DARK_GRAY);
            String s = decade((int) Math.round(d));
            g.drawString(s, x - fm.stringWidth(s) / 2, TOP + ph + 18);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, pw, ph);
        g.drawString("document size (log scale)", LEFT + pw / 2 - 70, H - 20);
        Graphics2D gr = (Graphics2D) g.create();
        gr.rotate(-Math.PI / 2);
        gr.drawString("time per request (log scale)", -(TOP + ph / 2 + 80), 18);
        gr.dispose();

        int i = 0;
        int legendY = TOP + 18;
        for (Map.Entry<String, List<Point>> e : series.entrySet()) {
            Color c = COLORS[i++ % COLORS.length];
            g.setColor(c);
            g.setStroke(new BasicStroke(2.2f));
            int px = -1;
            int py = -1;
            for (Point p : e.getValue()) {
                if (!(p.micros() > 0)) {
                    continue;
                }
                int x = LEFT + (int) Math.round((Math.log10(p.bytes()) - lx0) / (lx1 - lx0) * pw);
                int y = TOP + ph - (int) Math.round((Math.log10(p.micros()) - ly0) / (ly1 - ly0) * ph);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                g.fillOval(x - 4, y - 4, 8, 8);
                g.drawString(Figures.duration(p.micros()), x + 7, y - 7);
                px = x;
                py = y;
            }
            g.fillRect(LEFT + 14, legendY - 9, 18, 4);
            g.setColor(Color.BLACK);
            g.drawString(e.getKey(), LEFT + 38, legendY - 4);
            legendY += 18;
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }
}
