package org.tenfour.bot.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report's suppressed tables as CSV: one row per line, with "&lt;k", "–" or "n/a" in place of
 * hidden numbers.
 */
public final class ReportCsv {
    private static final String[] HEADER = {
        "table", "code", "label", "current", "previous", "trend"
    };

    private ReportCsv() {}

    /** CSV text with a header row and {@code #} comment lines saying the periods and k. */
    public static String write(ProgramReport report) {
        StringWriter out = new StringWriter();
        CSVFormat format =
                CSVFormat.DEFAULT.builder().setHeader(HEADER).setCommentMarker('#').get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            csv.printComment(
                    "TenFour program report, "
                            + report.period().name().toLowerCase(Locale.ROOT)
                            + " "
                            + report.current().label()
                            + " (previous "
                            + report.previous().label()
                            + ")");
            csv.printComment(
                    "Counts below "
                            + report.k()
                            + " show as <"
                            + report.k()
                            + "; '–' hides a number so that a small one cannot be worked out.");
            print(csv, "contacts", report.contacts(), report.k());
            for (Breakdown b : report.breakdowns()) {
                for (Line line : b.lines()) {
                    print(csv, b.id(), line, report.k());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void print(CSVPrinter csv, String table, Line line, int k) throws IOException {
        csv.printRecord(
                table,
                line.code(),
                line.label(),
                line.current().text(k),
                line.previous().text(k),
                line.trend().isPresent() ? String.format("%+d", line.trend().getAsInt()) : "");
    }
}
