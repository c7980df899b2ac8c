package org.tenfour.bot.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.quartz.JobKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Platform;
import org.tenfour.bot.agency.AddressBook;
import org.tenfour.bot.agency.AgencyNames;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.agency.Platforms;
import org.tenfour.bot.background.BackgroundPriority;
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
import org.tenfour.storage.Store;

/**
 * The check-in jobs on the clustered Quartz scheduler: planning (roster sync, profile refresh,
 * cadence planning) every five minutes, and nudges for unanswered check-ins every fifteen. All are
 * {@link org.tenfour.bot.schedule.Scheduling.Task}s: across replicas a job runs once at a time.
 * Planning is {@value #PLAN_SHARDS} jobs, each for the agencies of one shard (by agency id), so
 * that replicas share a statewide pass: Quartz hands each shard's job to whichever replica takes
 * its trigger first, and a shard's agencies are planned by that replica alone.
 */
public final class CheckInJobs {
    private static final Logger log = LoggerFactory.getLogger(CheckInJobs.class);

    /** Planning jobs: one per shard of the agencies. */
    public static final int PLAN_SHARDS = 4;

    /** The first shard's planning job (the name it had before there were shards). */
    public static final JobKey PLAN = JobKey.jobKey("plan-check-ins", "check-ins");

    /** Every shard's planning job, {@link #PLAN} first. */
    public static final List<JobKey> PLAN_JOBS =
            IntStream.range(0, PLAN_SHARDS)
                    .mapToObj(
                            i ->
                                    i == 0
                                            ? PLAN
                                            : JobKey.jobKey(
                                                    "plan-check-ins-"
                                                            + (i + 1)
                                                            + "-of-"
                                                            + PLAN_SHARDS,
                                                    "check-ins"))
                    .toList();

    public static final JobKey NUDGE = JobKey.jobKey("nudge-peers", "check-ins");

    /**
     * Profile reads in flight at once on this replica, for all shards: each waits on the platform
     * (about 150 ms), so one after the other 50 an agency would take 7.5 s.
     */
    static final int PROFILE_READS = 16;

    private final Store store;
    private final Clock clock;
    private final Platforms platforms;
    private final CheckInPlanner planner;
    private final ExecutorService profileReads;

    public CheckInJobs(Store store, Clock clock, Platforms platforms, CheckInPlanner planner) {
        this.store = store;
        this.clock = clock;
        this.platforms = platforms;
        this.planner = planner;
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(
                        PROFILE_READS,
                        PROFILE_READS,
                        30,
                        TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>(),
                        BackgroundPriority.threads("profile-read", true));
        // no threads kept between passes
        pool.allowCoreThreadTimeOut(true);
        this.profileReads = pool;
    }

    /** Planning (one job per shard) every five minutes, nudges every fifteen. */
    public List<Scheduling.Task> tasks() {
        List<Scheduling.Task> tasks = new ArrayList<>();
        for (int i = 0; i < PLAN_SHARDS; i++) {
            int shard = i;
            tasks.add(
                    new Scheduling.Task(
                            PLAN_JOBS.get(shard),
                            Scheduling.every(Duration.ofMinutes(5)),
                            () -> {
                                int created = planShard(shard, PLAN_SHARDS, 1);
                                if (created > 0) {
                                    log.info(
                                            "planned {} check-ins (shard {} of {})",
                                            created,
                                            shard + 1,
                                            PLAN_SHARDS);
                                }
                            }));
        }
        tasks.add(
                new Scheduling.Task(
                        NUDGE, Scheduling.every(Duration.ofMinutes(15)), this::nudgeAll));
        return List.copyOf(tasks);
    }

    /** One planning pass over every agency (all shards here); returns check-ins created. */
    public int planAll() {
        return planShard(0, 1, CheckInPlanner.PARALLEL_AGENCIES);
    }

    /**
     * One planning pass over the agencies of shard {@code shard} of {@code shards}, {@code
     * parallel} at a time; returns check-ins created. Each agency's roster is synced and its
     * profiles read just before it is planned.
     */
    int planShard(int shard, int shards, int parallel) {
        List<Agency> mine =
                store.repo(Agencies.class).all().stream()
                        .filter(a -> shardOf(a.id(), shards) == shard)
                        .toList();
        return planner.planAll(mine, this::prepare, parallel);
    }

    /** The shard an agency's planning belongs to. */
    static int shardOf(UUID agencyId, int shards) {
        return Math.floorMod(agencyId.hashCode(), shards);
    }

    private Agency prepare(Agency agency) {
        syncRoster(agency);
        refreshProfiles(agency);
        AgencyNames.fromPlatform(store, platforms, agency);
        return store.repo(Agencies.class).find(agency.id()).orElse(agency);
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
        store.useTransaction(
                h -> {
                    for (String user : wanted) {
                        RosterCommands.enroll(h, agency, user, now);
                    }
                    // in the database: the roster is never loaded whole
                    for (UUID left :
                            h.attach(Members.class)
                                    .leaveRosterUnless(
                                            agency.id(), wanted.toArray(String[]::new))) {
                        h.attach(CheckIns.class).cancelScheduledForMember(agency.id(), left);
                    }
                });
    }

    /**
     * Reads names and time zones from the platform for people never read or not read for a day (at
     * most 50 per agency per pass), so a member who moves or changes zone is followed. The reads
     * are made {@value #PROFILE_READS} at a time (shared by the agencies being planned).
     */
    void refreshProfiles(Agency agency) {
        Platform platform = Platform.fromId(agency.platform());
        Instant now = clock.instant();
        Members members = store.repo(Members.class);
        List<Future<?>> reads = new ArrayList<>();
        for (Member m : members.profilesToRefresh(agency.id(), now.minus(Duration.ofDays(1)), 50)) {
            reads.add(
                    profileReads.submit(
                            () -> {
                                var profile =
                                        platforms.profile(
                                                Address.user(
                                                        platform,
                                                        agency.workspaceId(),
                                                        m.platformUserId()));
                                members.profileChecked(
                                        agency.id(),
                                        m.id(),
                                        profile.map(p -> p.displayName()).orElse(null),
                                        profile.map(p -> p.timeZone()).orElse(null),
                                        profile.flatMap(p -> Language.fromLocale(p.locale()))
                                                .map(Language::code)
                                                .orElse(null),
                                        now);
                            }));
        }
        for (Future<?> read : reads) {
            try {
                read.get();
            } catch (ExecutionException e) {
                // one profile not read: planned with what is known, read again next pass
                log.warn(
                        "profile read failed for agency {}: {}",
                        agency.id(),
                        Failures.describe(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reads.forEach(r -> r.cancel(true));
                throw new IllegalStateException("planning interrupted", e);
            }
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
                store.repo(CheckIns.class).unansweredForNudge(now.minus(Duration.ofDays(1)), 500);
        for (CheckIn c : candidates) {
            Agency agency = store.repo(Agencies.class).find(c.agencyId()).orElseThrow();
            int days = AgencySettings.fromJson(agency.settingsJson()).nudgeAfterDays();
            if (c.sentAt().isAfter(now.minus(Duration.ofDays(days)))) {
                continue;
            }
            boolean sent =
                    store.inTransaction(
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
