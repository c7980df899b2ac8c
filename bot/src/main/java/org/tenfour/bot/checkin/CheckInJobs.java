package org.tenfour.bot.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.quartz.JobKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Platform;
import org.tenfour.bot.agency.AddressBook;
import org.tenfour.bot.agency.AgencyNames;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.agency.Platforms;
import org.tenfour.bot.inbound.Args;
import org.tenfour.bot.outbox.OutboxKey;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.bot.schedule.Scheduling;
import org.tenfour.bot.words.Language;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.CheckIn;
import org.tenfour.storage.CheckIns;
import org.tenfour.storage.Failures;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.OutboxKind;

/**
 * The check-in jobs on the clustered Quartz scheduler: planning (roster sync, profile refresh,
 * cadence planning) every five minutes, and nudges for unanswered check-ins every fifteen. Both are
 * {@link org.tenfour.bot.schedule.Scheduling.Task}s: across replicas a job runs once at a time.
 */
public final class CheckInJobs {
    private static final Logger log = LoggerFactory.getLogger(CheckInJobs.class);
    public static final JobKey PLAN = JobKey.jobKey("plan-check-ins", "check-ins");
    public static final JobKey NUDGE = JobKey.jobKey("nudge-peers", "check-ins");

    private final Jdbi jdbi;
    private final Clock clock;
    private final Platforms platforms;
    private final CheckInPlanner planner;

    public CheckInJobs(Jdbi jdbi, Clock clock, Platforms platforms, CheckInPlanner planner) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.platforms = platforms;
        this.planner = planner;
    }

    /** Planning every five minutes, nudges every fifteen. */
    public List<Scheduling.Task> tasks() {
        return List.of(
                new Scheduling.Task(
                        PLAN,
                        Scheduling.every(Duration.ofMinutes(5)),
                        () -> {
                            int created = planAll();
                            if (created > 0) {
                                log.info("planned {} check-ins", created);
                            }
                        }),
                new Scheduling.Task(
                        NUDGE, Scheduling.every(Duration.ofMinutes(15)), this::nudgeAll));
    }

    /** One planning pass over every agency; returns check-ins created. */
    public int planAll() {
        List<Agency> ready = new ArrayList<>();
        for (Agency agency : jdbi.onDemand(Agencies.class).all()) {
            try {
                syncRoster(agency);
                refreshProfiles(agency);
                AgencyNames.fromPlatform(jdbi, platforms, agency);
                ready.add(jdbi.onDemand(Agencies.class).find(agency.id()).orElse(agency));
            } catch (RuntimeException e) {
                log.warn("planning failed for agency {}: {}", agency.id(), Failures.describe(e));
            }
        }
        return planner.planAll(ready);
    }

    /** Brings the roster in line with its source group or channel, when one is set. */
    void syncRoster(Agency agency) {
        String source = AgencySettings.fromJson(agency.settingsJson()).rosterSource();
        if (source == null) {
            return;
        }
        Platform platform = Platform.fromId(agency.platform());
        Args args = Args.parse(source);
        String id =
                args.groupMentions().stream()
                        .findFirst()
                        .orElseGet(() -> args.channelMentions().get(0));
        var members =
                platforms
                        .get(platform)
                        .map(
                                p ->
                                        p.groupMembers(
                                                Address.channel(
                                                        platform, agency.workspaceId(), id)));
        if (members.isEmpty()) {
            return;
        }
        Set<String> wanted = new HashSet<>(members.get());
        Instant now = clock.instant();
        jdbi.useTransaction(
                h -> {
                    for (String user : wanted) {
                        RosterCommands.enroll(h, agency, user, now);
                    }
                    for (Member m : h.attach(Members.class).roster(agency.id())) {
                        if (!wanted.contains(m.platformUserId())) {
                            h.attach(Members.class).setOnRoster(agency.id(), m.id(), false);
                            h.attach(CheckIns.class).cancelScheduledForMember(agency.id(), m.id());
                        }
                    }
                });
    }

    /**
     * Reads names and time zones from the platform for people never read or not read for a day (at
     * most 50 per agency per pass), so a member who moves or changes zone is followed.
     */
    void refreshProfiles(Agency agency) {
        Platform platform = Platform.fromId(agency.platform());
        Instant now = clock.instant();
        Members members = jdbi.onDemand(Members.class);
        for (Member m : members.profilesToRefresh(agency.id(), now.minus(Duration.ofDays(1)), 50)) {
            var profile =
                    platforms.profile(
                            Address.user(platform, agency.workspaceId(), m.platformUserId()));
            members.profileChecked(
                    agency.id(),
                    m.id(),
                    profile.map(p -> p.displayName()).orElse(null),
                    profile.map(p -> p.timeZone()).orElse(null),
                    profile.flatMap(p -> Language.fromLocale(p.locale()))
                            .map(Language::code)
                            .orElse(null),
                    now);
        }
    }

    /**
     * Nudges assigned peers about check-ins unanswered for the agency's nudge delay; returns nudges
     * sent.
     */
    public int nudgeAll() {
        Instant now = clock.instant();
        int nudged = 0;
        List<CheckIn> candidates =
                jdbi.onDemand(CheckIns.class)
                        .unansweredForNudge(now.minus(Duration.ofDays(1)), 500);
        for (CheckIn c : candidates) {
            Agency agency = jdbi.onDemand(Agencies.class).find(c.agencyId()).orElseThrow();
            int days = AgencySettings.fromJson(agency.settingsJson()).nudgeAfterDays();
            if (c.sentAt().isAfter(now.minus(Duration.ofDays(days)))) {
                continue;
            }
            boolean sent =
                    jdbi.inTransaction(
                            h -> {
                                if (h.attach(CheckIns.class).markNudged(agency.id(), c.id(), now)
                                        == 0) {
                                    return false;
                                }
                                CheckInButtons.close(
                                        h,
                                        agency,
                                        AgencySettings.fromJson(agency.settingsJson()),
                                        c,
                                        CheckInButtons.ENDED,
                                        now);
                                Members members = h.attach(Members.class);
                                if (c.peerId() != null) {
                                    Member member =
                                            members.find(agency.id(), c.memberId()).orElseThrow();
                                    members.find(agency.id(), c.peerId())
                                            .ifPresent(
                                                    peer ->
                                                            Outgoing.on(h, agency.id())
                                                                    .send(
                                                                            OutboxKey.of(
                                                                                    OutboxKind
                                                                                            .NUDGE,
                                                                                    c.id(),
                                                                                    "nudge"),
                                                                            AddressBook.member(
                                                                                    h, agency,
                                                                                    peer),
                                                                            CheckInMessages.nudge(
                                                                                    member
                                                                                                            .displayName()
                                                                                                    == null
                                                                                            ? "<@"
                                                                                                    + member
                                                                                                            .platformUserId()
                                                                                                    + ">"
                                                                                            : member
                                                                                                    .displayName()),
                                                                            now));
                                }
                                return true;
                            });
            nudged += sent ? 1 : 0;
        }
        return nudged;
    }
}
