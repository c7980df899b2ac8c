package org.tenfour.bot.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The report's charts, one per question (contacts by type, topics, duration, referrals, check-ins,
 * requests), stacked in one PNG. Each number shown is a bar with its value; a suppressed one gets
 * no bar but its marker ("&lt;5", "–", "hidden") where the bar would start, never a zero. The
 * previous period is drawn only where it has a number to show, and the legend lists only what is
 * drawn. A question with nothing to draw says so in words instead of an empty axis.
 */
public final class ReportChart {
    public static final int WIDTH = 900;

    /** This period: navy, 8.7:1 against the white background. */
    static final Color CURRENT = new Color(0x1F4E79);

    /** The previous period: burnt orange, 4.8:1 against white; apart from navy in hue. */
    static final Color PREVIOUS = new Color(0xB35900);

    static final Color BACKGROUND = Color.WHITE;
    static final Color TEXT = new Color(0x222222);
    static final List<String> QUESTIONS =
            List.of("contact_type", "topic", "duration", "referral", "check_in", "request");

    private static final int HEADER = 64;
    private static final int ONE_BAR = 28;
    private static final int TWO_BARS = 44;
    private static final int PANEL_CHROME = 96;
    private static final int EMPTY_PANEL = 64;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private ReportChart() {}

    /** What one question's chart shows. */
    record Panel(String title, Breakdown breakdown, boolean drawsPrevious, boolean empty) {
        int height() {
            if (empty) {
                return EMPTY_PANEL;
            }
            return PANEL_CHROME + breakdown.lines().size() * (drawsPrevious ? TWO_BARS : ONE_BAR);
        }
    }

    /** The panels this report gets, in order. */
    static List<Panel> panels(ProgramReport report) {
        List<Panel> out = new ArrayList<>();
        for (String id : QUESTIONS) {
            report.breakdown(id)
                    .ifPresent(
                            b -> {
                                boolean current =
                                        b.lines().stream().anyMatch(l -> l.current().published());
                                boolean previous =
                                        b.lines().stream().anyMatch(l -> l.previous().published());
                                out.add(new Panel(b.title(), b, previous, !current && !previous));
                            });
        }
        return out;
    }

    /** PNG bytes, rendered headless. */
    public static byte[] png(ProgramReport report) {
        System.setProperty("java.awt.headless", "true");
        List<Panel> panels = panels(report);
        int height = HEADER + panels.stream().mapToInt(Panel::height).sum() + 16;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(
                RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString("Peer support report — " + report.current().label(), 16, 30);
        g.setFont(LABEL);
        int k = report.k();
        g.drawString(
                "<"
                        + k
                        + ": fewer than "
                        + k
                        + ", no bar drawn · –: hidden so that a small number cannot be worked out"
                        + " · hidden: not shown at all",
                16,
                52);
        int y = HEADER;
        for (Panel p : panels) {
            if (p.empty()) {
                g.setFont(TITLE);
                g.drawString(p.title(), 16, y + 24);
                g.setFont(LABEL);
                g.drawString(
                        "Every number here is below "
                                + k
                                + " or hidden, so there is nothing to draw."
                                + " A longer period (quarter, year) may show more.",
                        16,
                        y + 46);
            } else {
                chart(p, report).draw(g, new Rectangle2D.Double(0, y, WIDTH, p.height()));
            }
            y += p.height();
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static JFreeChart chart(Panel p, ProgramReport report) {
        int k = report.k();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String now = report.current().label();
        String before = report.previous().label();
        List<List<Cell>> cells = new ArrayList<>(List.of(new ArrayList<>(), new ArrayList<>()));
        int max = 0;
        for (Line line : p.breakdown().lines()) {
            add(data, cells.get(0), line.current(), now, line.label());
            if (p.drawsPrevious()) {
                add(data, cells.get(1), line.previous(), before, line.label());
            }
            max = Math.max(max, line.current().published() ? line.current().value().getAsInt() : 0);
            max =
                    Math.max(
                            max,
                            line.previous().published() ? line.previous().value().getAsInt() : 0);
        }
        CategoryAxis categories = new CategoryAxis(null);
        categories.setTickLabelFont(LABEL);
        categories.setTickLabelPaint(TEXT);
        categories.setMaximumCategoryLabelWidthRatio(0.4f);
        categories.setMaximumCategoryLabelLines(2);
        categories.setCategoryMargin(0.25);
        NumberAxis values = new NumberAxis(null);
        values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        values.setRange(0, Math.max(k, max) * 1.18 + 1);
        values.setTickLabelFont(LABEL);
        values.setTickLabelPaint(TEXT);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.08);
        bars.setMaximumBarWidth(0.5);
        bars.setSeriesPaint(0, CURRENT);
        bars.setSeriesPaint(1, PREVIOUS);
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        bars.setDefaultItemLabelGenerator(
                new StandardCategoryItemLabelGenerator() {
                    @Override
                    public String generateLabel(CategoryDataset dataset, int row, int column) {
                        return cells.get(row).get(column).text(k);
                    }
                });
        bars.setSeriesItemLabelPaint(0, CURRENT);
        bars.setSeriesItemLabelPaint(1, PREVIOUS);
        bars.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        bars.setItemLabelAnchorOffset(4);
        CategoryPlot plot = new CategoryPlot(data, categories, values, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        plot.setBackgroundPaint(BACKGROUND);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(new Color(0xD0D0D0));
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(legendItem(now, CURRENT));
        if (p.drawsPrevious()) {
            legend.add(legendItem(before, PREVIOUS));
        }
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(null, TITLE, plot, true);
        chart.setBackgroundPaint(BACKGROUND);
        TextTitle title = new TextTitle(p.title(), TITLE);
        title.setPaint(TEXT);
        title.setPosition(RectangleEdge.TOP);
        title.setHorizontalAlignment(HorizontalAlignment.LEFT);
        title.setPadding(8, 16, 4, 16);
        chart.setTitle(title);
        chart.getLegend().setItemFont(LABEL);
        chart.getLegend().setItemPaint(TEXT);
        chart.getLegend().setPosition(RectangleEdge.TOP);
        chart.getLegend().setHorizontalAlignment(HorizontalAlignment.LEFT);
        chart.getLegend().setFrame(BlockBorder.NONE);
        return chart;
    }

    private static LegendItem legendItem(String label, Color colour) {
        LegendItem item = new LegendItem(label, colour);
        item.setLabelPaint(TEXT);
        return item;
    }

    /**
     * A published number is its bar; a suppressed one is a zero-length bar labelled with its
     * marker.
     */
    private static void add(
            DefaultCategoryDataset data,
            List<Cell> cells,
            Cell cell,
            String series,
            String category) {
        cells.add(cell);
        data.addValue(cell.published() ? cell.value().getAsInt() : 0, series, category);
    }
}
