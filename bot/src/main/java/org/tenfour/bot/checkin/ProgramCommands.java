package org.tenfour.bot.checkin;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.agency.AgencyNames;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.agency.ConnectSettings;
import org.tenfour.bot.agency.Platforms;
import org.tenfour.bot.inbound.Args;
import org.tenfour.bot.inbound.Audit;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Role;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.bot.inbound.UsageException;
import org.tenfour.bot.inbound.Values;
import org.tenfour.bot.install.SetupAuthority;
import org.tenfour.bot.report.ProgramCounts;
import org.tenfour.bot.report.Suppression;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.Peers;
import org.tenfour.storage.ReportQueries;
import org.tenfour.storage.Store;
import org.tenfour.storage.Tx;

/**
 * The coordinator channel's program settings: {@code setup}, {@code cadence}, {@code hours}, {@code
 * days}, {@code timezone}, {@code crisis-lines}, {@code status}. Every change is audited and echoed
 * in the channel.
 */
public final class ProgramCommands implements Feature {
    private final Store store;
    private final Clock clock;
    private final Platforms platforms;
    private final Consumer<Agency> planNow;

    /**
     * @param planNow asks the scheduler to plan this agency's check-ins soon (after a cadence
     *     change)
     */
    public ProgramCommands(
            Store store, Clock clock, Platforms platforms, Consumer<Agency> planNow) {
        this.store = store;
        this.clock = clock;
        this.platforms = platforms;
        this.planNow = planNow;
    }

    @Override
    public Map<Subcommand, Subcommand.Action> subcommands() {
        return Map.ofEntries(
                Map.entry(Subcommand.SETUP, (c, a, t) -> setup(c)),
                Map.entry(Subcommand.CADENCE, this::cadence),
                Map.entry(Subcommand.HOURS, this::hours),
                Map.entry(Subcommand.DAYS, this::days),
                Map.entry(Subcommand.TIMEZONE, this::timezone),
                Map.entry(Subcommand.CRISIS_LINES, this::crisisLines),
                Map.entry(Subcommand.STATUS, this::status),
                Map.entry(Subcommand.TIMEOUTS, this::timeouts),
                Map.entry(Subcommand.RETENTION, this::retention));
    }

    private Reply setup(Caller caller) {
        Address where = caller.where();
        if (where == null || where.kind() != Address.Kind.CHANNEL) {
            return Reply.text(caller.words().get("setup.inChannel"));
        }
        boolean noCoordinatorsYet =
                store.repo(Members.class).list(caller.agency().id()).stream()
                        .noneMatch(Member::isCoordinator);
        Instant now = clock.instant();
        var refusal =
                SetupAuthority.refusal(
                        store,
                        caller,
                        noCoordinatorsYet,
                        () ->
                                platforms
                                        .profile(caller.actor().address())
                                        .map(p -> p.admin())
                                        .orElse(false),
                        now);
        if (refusal.isPresent()) {
            return Reply.text(refusal.get());
        }
        String old = caller.agency().coordinatorChannelId();
        store.useTransaction(
                h -> {
                    h.attach(Agencies.class)
                            .setCoordinatorChannel(caller.agency().id(), where.targetId());
                    if (noCoordinatorsYet || !caller.is(Role.COORDINATOR)) {
                        h.attach(Members.class)
                                .setCoordinator(caller.agency().id(), caller.member().id(), true);
                    }
                    if (noCoordinatorsYet) {
                        SetupAuthority.firstSetupDone(h, caller, now);
                    }
                    Audit.change(
                            h,
                            caller,
                            "coordinator channel",
                            old == null ? null : "<#" + old + ">",
                            "<#" + where.targetId() + ">",
                            clock.instant());
                });
        AgencyNames.fromPlatform(store, platforms, caller.agency());
        boolean named =
                store.repo(Agencies.class)
                        .find(caller.agency().id())
                        .map(AgencyNames::named)
                        .orElse(false);
        return Reply.text(
                "This is now the coordinator channel. Next: `/tenfour roster add @someone`, "
                        + "`/tenfour peers add @peer`, then `/tenfour cadence every 30 days`. Type `/tenfour help` for everything."
                        + (named
                                ? ""
                                : " Partner agencies will read your agency's name: set it with"
                                        + " `/tenfour name \"Riverside Fire & EMS\"`."));
    }

    private Reply cadence(Caller caller, Args args, String trigger) {
        if (args.isEmpty()) {
            throw new UsageException("Say how often.");
        }
        Integer days = ScheduleText.cadence(args.joined());
        AgencySettings before = settings(caller);
        AgencySettings after = before.withCadenceDays(days);
        save(caller, "cadence", before.cadenceText(), after.cadenceText(), after);
        if (days != null) {
            planNow.accept(caller.agency());
        }
        return Reply.text(
                "Cadence is now "
                        + after.cadenceText()
                        + "."
                        + (days == null
                                ? " No new check-ins will be planned."
                                : " Planning check-ins now."));
    }

    private Reply hours(Caller caller, Args args, String trigger) {
        LocalTime[] range = ScheduleText.hours(args.joined());
        AgencySettings before = settings(caller);
        AgencySettings after = before.withHours(range[0], range[1]);
        save(
                caller,
                "hours",
                before.hoursStart() + "-" + before.hoursEnd(),
                range[0] + "-" + range[1],
                after);
        return Reply.text(
                "Check-in hours are now "
                        + range[0]
                        + "-"
                        + range[1]
                        + " in each member's time zone.");
    }

    private Reply days(Caller caller, Args args, String trigger) {
        Set<DayOfWeek> days = ScheduleText.days(args.joined());
        AgencySettings before = settings(caller);
        save(
                caller,
                "days",
                ScheduleText.daysText(before.days()),
                ScheduleText.daysText(days),
                before.withDays(days));
        return Reply.text("Check-in days are now " + ScheduleText.daysText(days) + ".");
    }

    private Reply timezone(Caller caller, Args args, String trigger) {
        ZoneId zone = Values.zone(args.joined());
        store.useTransaction(
                h -> {
                    h.attach(Agencies.class).setTimeZone(caller.agency().id(), zone.getId());
                    Audit.change(
                            h,
                            caller,
                            "time zone",
                            caller.agency().timeZone(),
                            zone.getId(),
                            clock.instant());
                });
        return Reply.text(
                "The agency's time zone is now "
                        + zone.getId()
                        + ". Members' own time zones still win.");
    }

    private Reply crisisLines(Caller caller, Args args, String trigger) {
        List<String> lines =
                args.words().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (lines.isEmpty() || lines.stream().anyMatch(l -> l.length() > 200)) {
            throw new UsageException(
                    "Give each crisis line in double quotes (at most 200 characters each).");
        }
        AgencySettings before = settings(caller);
        save(
                caller,
                "crisis lines",
                String.join(" | ", before.crisisLines()),
                String.join(" | ", lines),
                before.withCrisisLines(lines));
        return Reply.text("Crisis lines updated; they appear under every check-in.");
    }

    /**
     * Settings, the roster's size and how many on it TenFour cannot reach now, and no count of
     * anyone's choices: a live count of opt-outs or answers changes by one when one member is added
     * or removed, and so tells that member's choice. Those figures are in the closed-period report
     * only. Unreachable is a delivery fact the coordinators act on (ask IT to install the app).
     */
    private Reply status(Caller caller, Args args, String trigger) {
        Agency agency = caller.agency();
        AgencySettings s = settings(caller);
        int roster = store.repo(ReportQueries.class).rosterSize(agency.id());
        int unreachable = store.repo(ReportQueries.class).unreachableNow(agency.id());
        return Reply.text(
                "*Program status*\n"
                        + "Cadence: "
                        + s.cadenceText()
                        + ", "
                        + s.hoursStart()
                        + "-"
                        + s.hoursEnd()
                        + " "
                        + ScheduleText.daysText(s.days())
                        + ", agency zone "
                        + agency.timeZone()
                        + "\n"
                        + "On the roster: "
                        + new Suppression(s.suppressionK()).single(roster).text(s.suppressionK())
                        + "\n"
                        + "TenFour cannot reach now: "
                        + unreachable
                        + (unreachable == 0
                                ? ""
                                : " (they get nothing until they write to TenFour, install it, or"
                                        + " a message reaches them; in Teams, install the app for them)")
                        + "\n"
                        + ProgramCounts.NOT_COUNTED_HERE
                        + capacityWarning(agency, clock.instant()));
    }

    /**
     * A line for {@code status} when no peer can take a new request (all away or at their weekly
     * cap), else nothing: requests would go straight to the coordinators.
     */
    private String capacityWarning(Agency agency, Instant now) {
        boolean anyPeer = !store.repo(Peers.class).active(agency.id()).isEmpty();
        int free = store.withConnection(h -> PeerAssigner.freePeers(h, agency.id(), now));
        if (free > 0) {
            return "";
        }
        return anyPeer
                ? "\n*Warning: no free peer capacity.* Every peer is away or at their weekly cap, so a new request goes straight to the coordinators. A peer can raise their cap with `/tenfour profile` or come back with `/tenfour back`."
                : "\n*Warning: no peers yet.* A request goes straight to the coordinators. Add peers with `/tenfour peers add @user`.";
    }

    private Reply timeouts(Caller caller, Args args, String trigger) {
        AgencySettings before = settings(caller);
        ConnectSettings c = before.connect();
        int now = c.offerMinutesNow();
        int today = c.offerMinutesToday();
        int week = c.offerMinutesWeek();
        if (args.isEmpty() || args.size() % 2 != 0) {
            throw new UsageException("Give pairs of urgency and time.");
        }
        for (int i = 0; i < args.size(); i += 2) {
            int minutes = minutes(args.word(i + 1));
            switch (args.word(i)) {
                case "now" -> now = minutes;
                case "today" -> today = minutes;
                case "week" -> week = minutes;
                default -> throw new UsageException("The urgencies are now, today and week.");
            }
        }
        ConnectSettings after =
                new ConnectSettings(now, today, week, c.maxCandidates(), c.retentionDays());
        save(caller, "offer timeouts", text(c), text(after), before.withConnect(after));
        return Reply.text("Offer timeouts are now " + text(after) + ".");
    }

    private Reply retention(Caller caller, Args args, String trigger) {
        Duration span = Values.span(args.joined());
        AgencySettings before = settings(caller);
        ConnectSettings c = before.connect();
        ConnectSettings after =
                new ConnectSettings(
                        c.offerMinutesNow(),
                        c.offerMinutesToday(),
                        c.offerMinutesWeek(),
                        c.maxCandidates(),
                        (int) span.toDays());
        save(
                caller,
                "request retention",
                c.retentionDays() + " days",
                after.retentionDays() + " days",
                before.withConnect(after));
        return Reply.text(
                "Closed requests now lose who was involved after "
                        + after.retentionDays()
                        + " days.");
    }

    private static String text(ConnectSettings c) {
        return "now "
                + c.offerMinutesNow()
                + " min, today "
                + c.offerMinutesToday()
                + " min, week "
                + c.offerMinutesWeek()
                + " min";
    }

    /** {@code 10m}, {@code 2h}, {@code 24h}: between 1 minute and 7 days. */
    private static int minutes(String text) {
        Matcher m = Pattern.compile("(\\d+)\\s*(m|min|h|d)").matcher(text);
        if (!m.matches()) {
            throw new UsageException("Write times like 10m, 2h or 1d.");
        }
        long n = Long.parseLong(m.group(1));
        long minutes =
                switch (m.group(2)) {
                    case "h" -> n * 60;
                    case "d" -> n * 1440;
                    default -> n;
                };
        if (minutes < 1 || minutes > 7 * 1440) {
            throw new UsageException("Choose between 1 minute and 7 days.");
        }
        return (int) minutes;
    }

    private AgencySettings settings(Caller caller) {
        return store.repo(Agencies.class)
                .find(caller.agency().id())
                .map(a -> AgencySettings.fromJson(a.settingsJson()))
                .orElse(AgencySettings.DEFAULTS);
    }

    private void save(
            Caller caller, String action, String oldValue, String newValue, AgencySettings after) {
        store.useTransaction(
                (Tx h) -> {
                    h.attach(Agencies.class).setSettings(caller.agency().id(), after.toJson());
                    Audit.change(h, caller, action, oldValue, newValue, clock.instant());
                });
    }
}
