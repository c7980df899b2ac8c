package org.tenfour.bot.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.Message;

/** The report as a neutral message for the coordinator channel: every section, in order. */
public final class ReportText {
    /** Button action: export the same report as CSV; the value is the period. */
    public static final String EXPORT_ACTION = "report.export";

    /** Button action: post the report of a longer period; the value is the period. */
    public static final String REPORT_ACTION = "report.run";

    private ReportText() {}

    public static Message message(ProgramReport r) {
        int k = r.k();
        StringBuilder text =
                new StringBuilder("*Peer support report — " + r.current().label() + "*\n");
        text.append("Contacts logged: ").append(value(r.contacts(), k, "")).append('\n');
        for (Breakdown b : r.breakdowns()) {
            String unit = b.id().equals("response_minutes") ? " min" : "";
            List<String> parts = new ArrayList<>();
            b.lines().forEach(l -> parts.add(l.label() + " " + value(l, k, unit)));
            text.append('*').append(b.title()).append("*: ").append(String.join(", ", parts));
            text.append('\n');
        }
        List<String> notes = new ArrayList<>();
        Optional<Period> longer = longer(r.period());
        boolean small = mostlySmall(r);
        if (small && longer.isPresent()) {
            notes.add(
                    "Most numbers are below "
                            + k
                            + " — try `/tenfour report "
                            + longer.get().word()
                            + "` for a longer period.");
        }
        notes.add(
                "Numbers below "
                        + k
                        + " show as <"
                        + k
                        + "; “–” hides a number so that a small one cannot be worked out. "
                        + "In brackets: the change since "
                        + r.previous().label()
                        + ", where both are shown.");
        notes.add(
                "A closed period, published once: running it again shows the same numbers."
                        + " No peer or member is named in this report.");
        List<Button> buttons = new ArrayList<>();
        buttons.add(Button.of(EXPORT_ACTION, "Export CSV", r.period().word()));
        longer.ifPresent(
                p ->
                        buttons.add(
                                Button.of(
                                        REPORT_ACTION,
                                        capitalised(p.word()) + " report",
                                        p.word())));
        return new Message(text.toString().strip(), notes, buttons);
    }

    /**
     * Whether most of this period's numbers are below k (a small department's month), counting
     * every cell that is either shown or "&lt;k".
     */
    static boolean mostlySmall(ProgramReport r) {
        int below = 0;
        int counted = 0;
        List<Line> all = new ArrayList<>(List.of(r.contacts()));
        r.breakdowns().forEach(b -> all.addAll(b.lines()));
        for (Line l : all) {
            Cell.State s = l.current().state();
            if (s == Cell.State.BELOW_K) {
                below++;
            }
            if (s == Cell.State.BELOW_K || s == Cell.State.PUBLISHED) {
                counted++;
            }
        }
        return below * 2 > counted;
    }

    private static Optional<Period> longer(Period p) {
        return switch (p) {
            case MONTH -> Optional.of(Period.QUARTER);
            case QUARTER -> Optional.of(Period.YEAR);
            case YEAR -> Optional.empty();
        };
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String value(Line l, int k, String unit) {
        String trend = l.trend().isPresent() ? String.format(" (%+d)", l.trend().getAsInt()) : "";
        return l.current().text(k) + (l.current().published() ? unit : "") + trend;
    }
}
