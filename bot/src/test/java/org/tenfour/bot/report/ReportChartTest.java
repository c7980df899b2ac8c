package org.tenfour.bot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The chart is rendered to {@code target/report-chart*.png} (look at them): one chart per question,
 * readable colours, markers instead of zeros, nothing drawn that has no data.
 */
class ReportChartTest {
    private static final Period.Range NOVEMBER =
            new Period.Range(Period.MONTH, LocalDate.parse("2026-11-01"));

    @Test
    void both_bar_colours_reach_wcag_aa_contrast_against_the_background() {
        assertThat(contrast(ReportChart.CURRENT, ReportChart.BACKGROUND)).isGreaterThan(4.5);
        assertThat(contrast(ReportChart.PREVIOUS, ReportChart.BACKGROUND)).isGreaterThan(4.5);
        assertThat(contrast(ReportChart.TEXT, ReportChart.BACKGROUND)).isGreaterThan(7);
    }

    @Test
    void a_busy_month_gets_one_chart_per_question_with_bars_and_markers() throws Exception {
        ProgramReport r = report(true);
        List<ReportChart.Panel> panels = ReportChart.panels(r);

        assertThat(panels)
                .extracting(ReportChart.Panel::title)
                .containsExactly(
                        "Contacts by type",
                        "Topics",
                        "Duration",
                        "Referrals",
                        "Check-ins sent",
                        "Connection requests");
        assertThat(panels).noneMatch(ReportChart.Panel::empty);
        assertThat(panels).allMatch(ReportChart.Panel::drawsPrevious);
        BufferedImage image = render(r, "report-chart.png");
        assertThat(image.getWidth()).isEqualTo(ReportChart.WIDTH);
        assertThat(pixels(image, ReportChart.CURRENT)).isGreaterThan(2_000);
        assertThat(pixels(image, ReportChart.PREVIOUS)).isGreaterThan(2_000);
    }

    @Test
    void a_month_with_everything_suppressed_draws_no_axis_and_no_bar() throws Exception {
        ProgramReport r = report(false);

        assertThat(ReportChart.panels(r)).allMatch(ReportChart.Panel::empty);
        BufferedImage image = render(r, "report-chart-all-suppressed.png");
        assertThat(pixels(image, ReportChart.CURRENT)).isZero();
        assertThat(pixels(image, ReportChart.PREVIOUS)).isZero();
    }

    @Test
    void a_previous_period_without_numbers_is_neither_drawn_nor_in_the_legend() throws Exception {
        ProgramReport r = report(true, false);

        assertThat(ReportChart.panels(r)).noneMatch(ReportChart.Panel::drawsPrevious);
        BufferedImage image = render(r, "report-chart-first-month.png");
        assertThat(pixels(image, ReportChart.PREVIOUS)).isZero();
        assertThat(pixels(image, ReportChart.CURRENT)).isGreaterThan(1_000);
    }

    private static ProgramReport report(boolean busy) {
        return report(busy, busy);
    }

    /** A report with every question; small numbers as markers, as suppression leaves them. */
    private static ProgramReport report(boolean busyNow, boolean busyBefore) {
        List<Breakdown> out = new ArrayList<>();
        int seed = 3;
        for (Section s : ReportLayout.SECTIONS) {
            List<Line> lines = new ArrayList<>();
            if (s.ownTotal()) {
                lines.add(new Line("total", "Total", cell(busyNow, 40), cell(busyBefore, 31)));
            }
            for (int i = 0; i < s.codes().size(); i++) {
                seed++;
                lines.add(
                        new Line(
                                s.codes().get(i),
                                s.labels().get(i),
                                cell(busyNow, 2 + (seed * 5) % 17),
                                cell(busyBefore, (seed * 3 + 4) % 13)));
            }
            out.add(new Breakdown(s.id(), s.title(), s.note(), lines));
        }
        return new ProgramReport(
                UUID.randomUUID(),
                Period.MONTH,
                NOVEMBER,
                NOVEMBER.before(),
                5,
                new Line("contacts", "Contacts logged", cell(busyNow, 40), cell(busyBefore, 31)),
                out);
    }

    private static Cell cell(boolean busy, int value) {
        if (!busy || value < 5) {
            return Cell.belowK();
        }
        return value % 5 == 0 ? Cell.hidden() : Cell.of(value);
    }

    private static BufferedImage render(ProgramReport r, String file) throws Exception {
        byte[] png = ReportChart.png(r);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", file), png);
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static int pixels(BufferedImage image, Color colour) {
        int n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }

    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed())
                + 0.7152 * channel(c.getGreen())
                + 0.0722 * channel(c.getBlue());
    }

    private static double channel(int v) {
        double c = v / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
