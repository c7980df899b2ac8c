package org.tenfour.bot.checkin;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tenfour.adapters.Field;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.inbound.Args;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.bot.inbound.UsageException;
import org.tenfour.bot.inbound.Values;
import org.tenfour.bot.words.Language;
import org.tenfour.bot.words.Words;
import org.tenfour.storage.CheckIns;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.Store;

/**
 * A member's own check-in choices: {@code optout}, {@code optin}, {@code snooze}, {@code times},
 * {@code settings}, and the language TenFour writes to them in ({@code language es|en}).
 */
public final class MemberCommands implements Feature {
    static final String SETTINGS_FORM = "checkin.settings";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final Store store;
    private final Clock clock;

    public MemberCommands(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Map<Subcommand, Subcommand.Action> subcommands() {
        return Map.ofEntries(
                Map.entry(Subcommand.OPTOUT, (c, a, t) -> optOut(c, true)),
                Map.entry(Subcommand.OPTIN, (c, a, t) -> optOut(c, false)),
                Map.entry(Subcommand.SNOOZE, this::snooze),
                Map.entry(Subcommand.TIMES, this::times),
                Map.entry(Subcommand.SETTINGS, (c, a, t) -> new Reply.ShowForm(form(c))),
                Map.entry(Subcommand.LANGUAGE, (c, a, t) -> language(c, a)));
    }

    @Override
    public Map<String, FormAction> forms() {
        return Map.of(SETTINGS_FORM, this::submitted);
    }

    /** Shows the language, or sets the member's choice: the answer is in the new language. */
    private Reply language(Caller caller, Args args) {
        if (args.isEmpty()) {
            Words words = caller.words();
            return Reply.text(words.get("language.current", words.get("language.name")));
        }
        Language chosen =
                Language.fromLocale(args.word(0))
                        .filter(l -> args.word(0).length() == 2)
                        .orElseThrow(() -> UsageException.said("language.usage"));
        store.repo(Members.class)
                .chooseLanguage(caller.agency().id(), caller.member().id(), chosen.code());
        return Reply.text(Words.in(chosen).get("language.set"));
    }

    private Reply optOut(Caller caller, boolean out) {
        store.useTransaction(
                h -> {
                    h.attach(Members.class)
                            .setOptedOut(caller.agency().id(), caller.member().id(), out);
                    if (out) {
                        h.attach(CheckIns.class)
                                .cancelScheduledForMember(
                                        caller.agency().id(), caller.member().id());
                    }
                });
        return Reply.text(caller.words().get(out ? "settings.optedOut" : "settings.optedIn"));
    }

    private Reply snooze(Caller caller, Args args, String trigger) {
        if (args.isEmpty()) {
            throw UsageException.said("settings.snoozeHowLong");
        }
        Instant until = clock.instant().plus(Values.span(args.joined()));
        store.useTransaction(
                h -> {
                    h.attach(Members.class)
                            .setSnoozedUntil(caller.agency().id(), caller.member().id(), until);
                    h.attach(CheckIns.class)
                            .cancelScheduledForMember(caller.agency().id(), caller.member().id());
                });
        ZoneId zone = Windows.zone(caller.agency(), caller.member());
        return Reply.text(
                caller.words()
                        .get(
                                "settings.paused",
                                WHEN.withLocale(caller.language().locale())
                                        .format(until.atZone(zone))));
    }

    private Reply times(Caller caller, Args args, String trigger) {
        if (args.word(0).equals("clear")) {
            store.repo(Members.class)
                    .setWindow(caller.agency().id(), caller.member().id(), null, null, Set.of());
            return Reply.text(caller.words().get("settings.cleared"));
        }
        if (args.isEmpty()) {
            throw UsageException.said("settings.timesUsage");
        }
        LocalTime[] range = ScheduleText.hours(args.raw(0));
        Set<DayOfWeek> days =
                args.size() > 1
                        ? ScheduleText.days(args.from(1).joined())
                        : Set.of(DayOfWeek.values());
        setWindow(caller, range[0], range[1], days);
        return Reply.text(
                caller.words()
                        .get(
                                "settings.window",
                                range[0],
                                range[1],
                                ScheduleText.daysText(days, caller.words()),
                                Windows.zone(caller.agency(), caller.member())));
    }

    private void setWindow(Caller caller, LocalTime start, LocalTime end, Set<DayOfWeek> days) {
        store.repo(Members.class)
                .setWindow(caller.agency().id(), caller.member().id(), start, end, days);
    }

    private Form form(Caller caller) {
        Member m = caller.member();
        Words w = caller.words();
        List<Field.Option> dayOptions = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            dayOptions.add(
                    new Field.Option(
                            d.name(), d.getDisplayName(TextStyle.FULL, w.language().locale())));
        }
        List<String> chosenDays = m.windowDays().stream().sorted().map(DayOfWeek::name).toList();
        return new Form(
                SETTINGS_FORM,
                w.get("settings.form.title"),
                w.get("settings.form.submit"),
                List.of(
                        new Field(
                                "checkins",
                                w.get("settings.form.checkins"),
                                Field.Type.BOOLEAN,
                                List.of(),
                                false,
                                m.optedOut() ? List.of() : List.of("true")),
                        new Field(
                                "window",
                                w.get("settings.form.window"),
                                Field.Type.SHORT_TEXT,
                                List.of(),
                                false,
                                m.windowStart() == null
                                        ? List.of()
                                        : List.of(m.windowStart() + "-" + m.windowEnd())),
                        new Field(
                                "days",
                                w.get("settings.form.days"),
                                Field.Type.MULTI_CHOICE,
                                dayOptions,
                                false,
                                chosenDays)),
                "");
    }

    private Reply submitted(Caller caller, InboundEvent.FormSubmitted event) {
        Map<String, List<String>> v = event.values();
        boolean checkIns = v.getOrDefault("checkins", List.of()).contains("true");
        String window = v.getOrDefault("window", List.of()).stream().findFirst().orElse("").strip();
        List<String> days = v.getOrDefault("days", List.of());
        LocalTime[] range = null;
        if (!window.isEmpty()) {
            try {
                range = ScheduleText.hours(window);
            } catch (UsageException e) {
                return new Reply.FormErrors(
                        form(caller),
                        Map.of("window", caller.words().get("settings.form.windowError")));
            }
        }
        Set<DayOfWeek> daySet =
                days.isEmpty()
                        ? Set.of(DayOfWeek.values())
                        : days.stream().map(DayOfWeek::valueOf).collect(Collectors.toSet());
        optOut(caller, !checkIns);
        if (range == null) {
            store.repo(Members.class)
                    .setWindow(caller.agency().id(), caller.member().id(), null, null, Set.of());
        } else {
            setWindow(caller, range[0], range[1], daySet);
        }
        Words w = caller.words();
        String onOff = w.get(checkIns ? "settings.on" : "settings.off");
        return new Reply.FormAccepted(
                Message.text(
                        range == null
                                ? w.get("settings.saved.agencyHours", onOff)
                                : w.get(
                                        "settings.saved.window",
                                        onOff,
                                        range[0],
                                        range[1],
                                        ScheduleText.daysText(daySet, w))));
    }
}
