package org.tenfour.bot.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A bar chart of the report's contacts by type and by topic, this period against the previous. A
 * suppressed number gets no bar; its category is labelled with the marker instead.
 */
public final class ReportChart {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 560;

    private ReportChart() {}

    /** PNG bytes, rendered headless. */
    public static byte[] png(ProgramReport report) {
        System.setProperty("java.awt.headless", "true");
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String id : new String[] {"contact_type", "topic"}) {
            report.breakdown(id)
                    .ifPresent(
                            b ->
                                    b.lines()
                                            .forEach(
                                                    line -> {
                                                        String category =
                                                                category(line, report.k());
                                                        add(
                                                                data,
                                                                line.current(),
                                                                "This period",
                                                                category);
                                                        add(
                                                                data,
                                                                line.previous(),
                                                                "Previous period",
                                                                category);
                                                    }));
        }
        JFreeChart chart =
                ChartFactory.createBarChart(
                        "Peer support contacts, " + report.current(),
                        null,
                        "Contacts",
                        data,
                        PlotOrientation.HORIZONTAL,
                        true,
                        false,
                        false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String category(Line line, int k) {
        return line.current().published()
                ? line.label()
                : line.label() + " (" + line.current().text(k) + ")";
    }

    private static void add(
            DefaultCategoryDataset data, Cell cell, String series, String category) {
        // Unpublished cells get an empty value: no bar, never the true number.
        data.addValue(
                cell.published() ? Integer.valueOf(cell.value().getAsInt()) : null,
                series,
                category);
    }
}
