package org.tenfour.bot.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.agency.Platforms;
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

/**
 * Critical incidents: check-ins for the people involved at +24 h, +72 h and +7 days, and on the
 * one-year anniversary, each inside the member's contact window. The label is for coordinators;
 * members get the same neutral check-in as always.
 */
public final class IncidentCommands implements Feature {
    private final Jdbi jdbi;
    private final Clock clock;

    /** Labels are short and, being read by every coordinator, must not name anyone. */
    static final int MAX_LABEL = 60;

    private static final String NO_NAMES =
            "Describe the event, not the people: no names (coordinators see the label; it is deleted"
                    + " after the last follow-up).";

    private final Platforms platforms;
    private final CheckInPlanner planner;

    public IncidentCommands(Jdbi jdbi, Clock clock, Platforms platforms, CheckInPlanner planner) {
        this.jdbi = jdbi;
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
        Agency agency = jdbi.onDemand(Agencies.class).find(caller.agency().id()).orElseThrow();
        AgencySettings settings = AgencySettings.fromJson(agency.settingsJson());
        Incident incident = jdbi.onDemand(Incidents.class).create(agency.id(), label, now);
        int scheduled = 0;
        for (String user : users) {
            Member m = jdbi.onDemand(Members.class).upsert(agency.id(), user, null, null);
            ContactWindow window = Windows.of(agency, settings, m);
            scheduled +=
                    schedule(
                            agency,
                            settings,
                            m,
                            incident,
                            "24h",
                            CheckInKind.INCIDENT,
                            window.next(now.plus(Duration.ofHours(24))));
            scheduled +=
                    schedule(
                            agency,
                            settings,
                            m,
                            incident,
                            "72h",
                            CheckInKind.INCIDENT,
                            window.next(now.plus(Duration.ofDays(3))));
            scheduled +=
                    schedule(
                            agency,
                            settings,
                            m,
                            incident,
                            "7d",
                            CheckInKind.INCIDENT,
                            window.next(now.plus(Duration.ofDays(7))));
            Instant year = now.atOffset(ZoneOffset.UTC).plus(Period.ofYears(1)).toInstant();
            scheduled +=
                    schedule(
                            agency,
                            settings,
                            m,
                            incident,
                            "1y",
                            CheckInKind.ANNIVERSARY,
                            window.next(year));
        }
        boolean paged =
                jdbi.inTransaction(
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
                        + " people (+24 h, +72 h, +7 days, and the anniversary). Members see only a caring check-in."
                        + (paged
                                ? " Call-out: the on-call peer is paged with the label and how many"
                                        + " people were involved (no names); the first \"I'm on it\""
                                        + " leads the peer follow-up."
                                : " Call-out: no peer is free to page; see the coordinator channel."));
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
        List<Incident> open = jdbi.onDemand(Incidents.class).open(caller.agency().id());
        if (open.isEmpty()) {
            return Reply.text("No open incidents.");
        }
        Map<UUID, UUID> leads =
                jdbi.withHandle(h -> IncidentCallOut.leads(h, caller.agency().id()));
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
                                    : jdbi.onDemand(Members.class)
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
        List<Incident> open = jdbi.onDemand(Incidents.class).open(caller.agency().id());
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
                jdbi.inTransaction(
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
