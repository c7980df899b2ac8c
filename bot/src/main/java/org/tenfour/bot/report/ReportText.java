package org.tenfour.bot.report;

import java.util.ArrayList;
import java.util.List;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.Message;

/** The report as a short neutral message for the coordinator channel. */
public final class ReportText {
    /** Button action: export the same report as CSV; the value is the period. */
    public static final String EXPORT_ACTION = "report.export";

    private ReportText() {}

    public static Message message(ProgramReport r) {
        int k = r.k();
        StringBuilder text =
                new StringBuilder(
                        "*Peer support report* — "
                                + r.period().name().toLowerCase()
                                + " "
                                + r.current()
                                + "\n");
        text.append("Contacts logged: ").append(value(r.contacts(), k)).append('\n');
        for (String id :
                List.of("contact_type", "topic", "referral", "check_in", "request", "caseload")) {
            r.breakdown(id)
                    .ifPresent(
                            b -> {
                                List<String> parts = new ArrayList<>();
                                b.lines().forEach(l -> parts.add(l.label() + " " + value(l, k)));
                                text.append('*')
                                        .append(b.title())
                                        .append("*: ")
                                        .append(String.join(", ", parts))
                                        .append('\n');
                            });
        }
        return new Message(
                text.toString().strip(),
                List.of(
                        "Numbers below "
                                + k
                                + " show as <"
                                + k
                                + "; “–” hides a number so that a small one cannot be "
                                + "worked out. Trends compare with "
                                + r.previous()
                                + ".",
                        "No peer or member is named in this report."),
                List.of(Button.of(EXPORT_ACTION, "Export CSV", r.period().name().toLowerCase())));
    }

    private static String value(Line l, int k) {
        String trend = l.trend().isPresent() ? String.format(" (%+d)", l.trend().getAsInt()) : "";
        return l.current().text(k) + trend;
    }
}
