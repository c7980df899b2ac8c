package org.tenfour.bot.checkin;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.agency.FollowUpOffset;
import org.tenfour.bot.agency.Platforms;
import org.tenfour.bot.agency.ScheduleRules;
import org.tenfour.bot.inbound.Args;
import org.tenfour.bot.inbound.Audit;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.bot.inbound.UsageException;
import org.tenfour.bot.oncall.IncidentCallOut;
import org.tenfour.bot.oncall.IncidentFollowUps;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.CheckInKind;
import org.tenfour.storage.CheckIns;
import org.tenfour.storage.Incident;
import org.tenfour.storage.Incidents;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.Store;

/**
 * Critical incidents: check-ins for the people involved at the agency's follow-up offsets (by
 * default +24 h, +72 h and +7 days, and on the one-year anniversary; {@code incident schedule}),
 * each inside the member's contact window and never on a holiday. The label is for coordinators;
 * members get the same neutral check-in as always.
 */
public final class IncidentCommands implements Feature {
    private final Store store;
    private final Clock clock;

    /** Labels are short and, being read by every coordinator, must not name anyone. */
    static final int MAX_LABEL = 60;

    private static final String NO_NAMES =
            "Describe the event, not the people: no names (coordinators see the label; it is deleted"
                    + " after the last follow-up).";

    private final Platforms platforms;
    private final CheckInPlanner planner;

    public IncidentCommands(Store store, Clock clock, Platforms platforms, CheckInPlanner planner) {
        this.store = store;
        this.clock = clock;
        this.platforms = platforms;
        this.planner = planner;
    }

    @Override
    public Map<Subcommand, Subcommand.Action> subcommands() {
        return Map.ofEntries(Map.entry(Subcommand.INCIDENT, this::incident));
    }

    private Reply incident(Caller caller, Args args, String trigger) {
        return switch (args.word(0)) {
            case "list" -> list(caller);
            case "cancel" -> cancel(caller, args.word(1));
            case "schedule" -> schedule(caller, args.from(1));
            case "" ->
                    throw new UsageException(
                            "Give the incident a label and @mention the people involved.");
            default -> create(caller, args);
        };
    }

    private Reply create(Caller caller, Args args) {
        String label = args.raw(0);
        if (label.startsWith("<") || label.isBlank()) {
            throw new UsageException(
                    "Start with a short label in double quotes, e.g. \"Structure fire, Main St\". "
                            + NO_NAMES);
        }
        if (label.length() > MAX_LABEL) {
            throw new UsageException(
                    "Keep the label to "
                            + MAX_LABEL
                            + " characters (this one has "
                            + label.length()
                            + "). "
                            + NO_NAMES);
        }
        Set<String> users = new LinkedHashSet<>(args.from(1).userMentions());
        for (String group : args.from(1).groupMentions()) {
            users.addAll(
                    platforms
                            .get(Platform.fromId(caller.agency().platform()))
                            .map(
                                    p ->
                                            p.groupMembers(
                                                    Address.channel(
                                                            Platform.fromId(
                                                                    caller.agency().platform()),
                                                            caller.agency().workspaceId(),
                                                            group)))
                            .orElse(List.of()));
        }
        if (users.isEmpty()) {
            throw new UsageException("@mention the people involved (or a user group).");
        }
        Instant now = clock.instant();
        Agency agency = store.repo(Agencies.class).find(caller.agency().id()).orElseThrow();
        AgencySettings settings = AgencySettings.fromJson(agency.settingsJson());
        Incident incident = store.repo(Incidents.class).create(agency.id(), label, now);
        int scheduled = 0;
        for (String user : users) {
            Member m = store.repo(Members.class).upsert(agency.id(), user, null, null);
            ContactWindow window = Windows.of(agency, settings, m);
            for (FollowUpOffset offset : settings.schedule().offsets()) {
                scheduled +=
                        schedule(
                                agency,
                                settings,
                                m,
                                incident,
                                offset.toString(),
                                offset.anniversary()
                                        ? CheckInKind.ANNIVERSARY
                                        : CheckInKind.INCIDENT,
                                window.next(offset.after(now)));
            }
        }
        boolean paged =
                store.inTransaction(
                        h -> {
                            Audit.change(
                                    h,
                                    caller,
                                    "incident",
                                    null,
                                    "an incident for " + users.size() + " people",
                                    now);
                            IncidentFollowUps.start(h, agency, incident);
                            return IncidentCallOut.start(h, agency, incident, now);
                        });
        return Reply.text(
                "Incident \""
                        + label
                        + "\" recorded (coordinators only; no names, please): "
                        + scheduled
                        + " follow-up check-ins for "
                        + users.size()
                        + " people ("
                        + describe(settings.schedule().offsets())
                        + "). Members see only a caring check-in."
                        + (paged
                                ? " Call-out: the on-call peer is paged with the label and how many"
                                        + " people were involved (no names); the first \"I'm on it\""
                                        + " leads the peer follow-up."
                                : " Call-out: no peer is free to page; see the coordinator channel."));
    }

    /**
     * {@code incident schedule 24h 72h 7d 30d 1y}: when the follow-ups of new incidents are due.
     */
    private Reply schedule(Caller caller, Args args) {
        AgencySettings before = caller.settings();
        if (args.isEmpty()) {
            return Reply.text(
                    "Incident follow-ups go out at "
                            + describe(before.schedule().offsets())
                            + ", each inside the member's contact window and never on a holiday."
                            + " Change them with `incident schedule 24h 72h 7d 30d 1y`.");
        }
        ScheduleRules rules;
        try {
            rules = before.schedule().withOffsets(args.words());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + ".");
        }
        AgencySettings after = before.withSchedule(rules);
        store.useTransaction(
                h -> {
                    h.attach(Agencies.class).setSettings(caller.agency().id(), after.toJson());
                    Audit.change(
                            h,
                            caller,
                            "incident follow-ups",
                            String.join(" ", before.schedule().incidentOffsets()),
                            String.join(" ", rules.incidentOffsets()),
                            clock.instant());
                });
        return Reply.text(
                "Incident follow-ups now go out at "
                        + describe(rules.offsets())
                        + ", for incidents recorded from now on (those already recorded keep theirs).");
    }

    /** {@code +24 h, +72 h, +7 d and the 1-year anniversary}. */
    static String describe(List<FollowUpOffset> offsets) {
        List<String> parts = new ArrayList<>();
        for (FollowUpOffset o : offsets) {
            parts.add(
                    o.anniversary()
                            ? "the " + o.amount() + "-year anniversary"
                            : "+" + o.amount() + " " + unitWord(o));
        }
        return parts.size() == 1
                ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1))
                        + " and "
                        + parts.get(parts.size() - 1);
    }

    private static String unitWord(FollowUpOffset o) {
        return switch (o.unit()) {
            case 'h' -> "h";
            case 'd' -> o.amount() == 1 ? "day" : "days";
            default -> o.amount() == 1 ? "week" : "weeks";
        };
    }

    private static String label(Incident incident) {
        return incident.label() == null ? "(label removed)" : incident.label();
    }

    private int schedule(
            Agency agency,
            AgencySettings settings,
            Member m,
            Incident incident,
            String offset,
            CheckInKind kind,
            Instant due) {
        return planner.schedule(
                        agency,
                        settings,
                        m,
                        kind,
                        "incident:" + incident.id() + ":" + offset,
                        due,
                        incident.id())
                ? 1
                : 0;
    }

    private Reply list(Caller caller) {
        List<Incident> open = store.repo(Incidents.class).open(caller.agency().id());
        if (open.isEmpty()) {
            return Reply.text("No open incidents.");
        }
        Map<UUID, UUID> leads =
                store.withConnection(h -> IncidentCallOut.leads(h, caller.agency().id()));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            UUID lead = leads.get(open.get(i).id());
            lines.add(
                    (i + 1)
                            + ". "
                            + label(open.get(i))
                            + " ("
                            + open.get(i).createdAt().atZone(ZoneOffset.UTC).toLocalDate()
                            + ")"
                            + (lead == null
                                    ? ""
                                    : store.repo(Members.class)
                                            .find(caller.agency().id(), lead)
                                            .map(m -> ", lead peer <@" + m.platformUserId() + ">")
                                            .orElse("")));
        }
        return Reply.text(
                "Open incidents:\n"
                        + String.join("\n", lines)
                        + "\nCancel with `/tenfour incident cancel N`.");
    }

    private Reply cancel(Caller caller, String number) {
        List<Incident> open = store.repo(Incidents.class).open(caller.agency().id());
        int n;
        try {
            n = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw new UsageException("Give the incident's number from `/tenfour incident list`.");
        }
        if (n < 1 || n > open.size()) {
            throw new UsageException("There is no open incident number " + n + ".");
        }
        Incident incident = open.get(n - 1);
        int cancelled =
                store.inTransaction(
                        h -> {
                            h.attach(Incidents.class)
                                    .cancel(caller.agency().id(), incident.id(), clock.instant());
                            int c =
                                    h.attach(CheckIns.class)
                                            .cancelForIncident(caller.agency().id(), incident.id());
                            IncidentCallOut.close(
                                    h, caller.agency(), incident.id(), clock.instant());
                            Audit.change(
                                    h,
                                    caller,
                                    "incident",
                                    "an incident of "
                                            + incident.createdAt()
                                                    .atZone(ZoneOffset.UTC)
                                                    .toLocalDate(),
                                    "cancelled",
                                    clock.instant());
                            return c;
                        });
        return Reply.text(
                "Cancelled the "
                        + cancelled
                        + " remaining check-ins of \""
                        + label(incident)
                        + "\".");
    }
}
