package org.tenfour.bot.checkin;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.agency.ScheduleRules;
import org.tenfour.bot.inbound.Args;
import org.tenfour.bot.inbound.Audit;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.bot.inbound.UsageException;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Store;
import org.tenfour.storage.Tx;

/**
 * {@code /tenfour holidays add|remove|list}: the agency's holidays, on which no proactive check-in
 * goes out; the planner and the sender (on every replica) move one that falls on a holiday to the
 * next day of the member's contact window.
 */
public final class HolidayCommands implements Feature {
    private final Store store;
    private final Clock clock;

    public HolidayCommands(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Map<Subcommand, Subcommand.Action> subcommands() {
        return Map.of(Subcommand.HOLIDAYS, this::holidays);
    }

    private Reply holidays(Caller caller, Args args, String trigger) {
        ScheduleRules rules = caller.settings().schedule();
        return switch (args.word(0)) {
            case "", "list" -> Reply.text(list(rules.holidays()));
            case "add" -> change(caller, args, true);
            case "remove" -> change(caller, args, false);
            default ->
                    throw new UsageException(
                            "Say `holidays add 2026-12-25`, `holidays remove 2026-12-25` or"
                                    + " `holidays list`.");
        };
    }

    private Reply change(Caller caller, Args args, boolean add) {
        List<String> words = args.from(1).words();
        if (words.isEmpty()) {
            throw new UsageException("Give the day as YYYY-MM-DD, e.g. 2026-12-25.");
        }
        LocalDate today = clock.instant().atZone(zone(caller)).toLocalDate();
        List<LocalDate> days = new ArrayList<>();
        for (String w : words) {
            LocalDate d;
            try {
                d = LocalDate.parse(w);
            } catch (DateTimeException e) {
                throw new UsageException("`" + w + "` is not a day: write it as YYYY-MM-DD.");
            }
            if (add && d.isBefore(today)) {
                throw new UsageException(w + " has passed.");
            }
            days.add(d);
        }
        AgencySettings[] after = new AgencySettings[1];
        store.useTransaction(
                (Tx h) -> {
                    AgencySettings before =
                            AgencySettings.fromJson(
                                    h.attach(Agencies.class)
                                            .find(caller.agency().id())
                                            .orElseThrow()
                                            .settingsJson());
                    List<LocalDate> kept = new ArrayList<>();
                    for (LocalDate d : before.schedule().holidays()) {
                        if (!d.isBefore(today) && !days.contains(d)) {
                            kept.add(d);
                        }
                    }
                    if (add) {
                        kept.addAll(days);
                    }
                    if (kept.size() > ScheduleRules.MAX_HOLIDAYS) {
                        throw new UsageException(
                                "At most " + ScheduleRules.MAX_HOLIDAYS + " holidays ahead.");
                    }
                    after[0] = before.withSchedule(before.schedule().withHolidays(kept));
                    h.attach(Agencies.class).setSettings(caller.agency().id(), after[0].toJson());
                    Audit.change(
                            h,
                            caller,
                            "holidays",
                            before.schedule().holidays().toString(),
                            after[0].schedule().holidays().toString(),
                            clock.instant());
                });
        return Reply.text(
                (add ? "Added. " : "Removed. ")
                        + list(after[0].schedule().holidays())
                        + (add
                                ? " Check-ins that fall on a holiday move to the next day of the"
                                        + " member's contact window."
                                : ""));
    }

    private static String list(List<LocalDate> holidays) {
        return holidays.isEmpty()
                ? "No holidays set: check-ins go out on every day of the contact window."
                : "Holidays (no proactive check-in goes out): "
                        + String.join(", ", holidays.stream().map(LocalDate::toString).toList())
                        + ".";
    }

    private static ZoneId zone(Caller caller) {
        try {
            String z = caller.agency().timeZone();
            return z == null || z.isBlank() ? ZoneId.of("UTC") : ZoneId.of(z);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
