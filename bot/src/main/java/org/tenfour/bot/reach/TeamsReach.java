package org.tenfour.bot.reach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.quartz.JobKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Platform;
import org.tenfour.adapters.teams.AppInstaller;
import org.tenfour.adapters.teams.TeamsSettings;
import org.tenfour.bot.agency.AddressBook;
import org.tenfour.bot.checkin.RosterCommands;
import org.tenfour.bot.outbox.OutboxKey;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.bot.schedule.Scheduling;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.Store;

/**
 * Installs TenFour through Microsoft Graph for the Teams agency's roster members it has never
 * reached (unreachable, no conversation, not opted out), then marks them reachable and sends the
 * welcome their enrolment could not deliver. A clustered job, so one replica at a time; each pass
 * takes at most {@link TeamsSettings.ProactiveInstall#perPass()} people.
 *
 * <p>Restart-safe without state of its own: the candidates are read from the roster on every pass,
 * and an install first asks Graph whether the app is there, so a pass cut short and run again
 * installs nobody twice. A 429 pauses the agency for its {@code Retry-After}; a 5xx or a timeout
 * backs off (30 s doubling to 15 min); someone the coordinators' team or the directory does not
 * know is left for a day. A 403 (the permission not granted) tells the coordinators' channel once
 * that day, naming the permission, and stops for a day, and for the rest of that UTC day after a
 * restart (the notice's outbox key is the durable mark), unless the catalogue id changes. Logs
 * carry the agency id and counts, never a member's id.
 */
public final class TeamsReach {
    private static final Logger log = LoggerFactory.getLogger(TeamsReach.class);

    /** The job's name in the cluster. */
    public static final JobKey JOB = JobKey.jobKey("reach-teams-members", "reach");

    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
    private static final Duration DAY = Duration.ofDays(1);
    private static final int MAX_SKIPPED = 10_000;

    private final Store store;
    private final Clock clock;
    private final AppInstaller installer;
    private final TeamsSettings.ProactiveInstall settings;
    private final String tenantId;
    private final Map<UUID, Instant> pausedUntil = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> failures = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> skippedUntil = new ConcurrentHashMap<>();

    /**
     * @param tenantId the bot's tenant: the one Teams agency it serves
     */
    public TeamsReach(
            Store store,
            Clock clock,
            AppInstaller installer,
            TeamsSettings.ProactiveInstall settings,
            String tenantId) {
        this.store = Objects.requireNonNull(store, "null store");
        this.clock = Objects.requireNonNull(clock, "null clock");
        this.installer = Objects.requireNonNull(installer, "null installer");
        this.settings = Objects.requireNonNull(settings, "null settings");
        this.tenantId = Objects.requireNonNull(tenantId, "null tenantId");
    }

    /** The pass, every {@link TeamsSettings.ProactiveInstall#interval()}. */
    public List<Scheduling.Task> tasks() {
        return List.of(new Scheduling.Task(JOB, Scheduling.every(settings.interval()), this::run));
    }

    private void run() {
        pass();
    }

    /** One pass; returns how many people it reached. */
    public int pass() {
        Optional<Agency> found =
                store.repo(Agencies.class).findByWorkspace(Platform.TEAMS.id(), tenantId);
        if (found.isEmpty() || found.get().coordinatorChannelId() == null) {
            return 0; // people are looked up in the coordinators' team: none set up yet
        }
        Agency agency = found.get();
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil.getOrDefault(agency.id(), Instant.MIN))
                || refusedToday(agency, now)) {
            return 0;
        }
        Address via =
                store.withConnection(
                        h -> AddressBook.channel(h, agency, agency.coordinatorChannelId()));
        if (via.serviceUrl() == null || via.conversationId() == null) {
            return 0;
        }
        skippedUntil.values().removeIf(now::isAfter);
        List<Member> candidates =
                store.repo(Members.class)
                        .neverReached(agency.id(), settings.perPass() + skippedUntil.size());
        int tried = 0;
        int reached = 0;
        for (Member m : candidates) {
            if (tried == settings.perPass()) {
                break;
            }
            if (skippedUntil.containsKey(m.id())) {
                continue;
            }
            tried++;
            AppInstaller.Outcome outcome =
                    installer.install(
                            new Address(
                                    Platform.TEAMS,
                                    agency.workspaceId(),
                                    Address.Kind.USER,
                                    m.platformUserId(),
                                    null,
                                    null),
                            via);
            if (outcome instanceof AppInstaller.Reached) {
                reached++;
                failures.remove(agency.id());
                reached(agency, m);
            } else if (!keepGoing(agency, m, outcome)) {
                break;
            }
        }
        if (tried > 0) {
            log.info(
                    "teams reach: agency {} tried {}, reached {} (of up to {} a pass)",
                    agency.id(),
                    tried,
                    reached,
                    settings.perPass());
        }
        return reached;
    }

    /** Handles a failed attempt; false when the pass should stop for this agency. */
    private boolean keepGoing(Agency agency, Member m, AppInstaller.Outcome outcome) {
        Instant now = clock.instant();
        if (outcome instanceof AppInstaller.NotFound) {
            skip(m, now);
            log.info(
                    "teams reach: agency {}: a member is not in the coordinators' team or the directory; left for a day",
                    agency.id());
            return true;
        }
        if (outcome instanceof AppInstaller.Throttled t) {
            pausedUntil.put(agency.id(), now.plus(t.retryAfter()));
            log.info(
                    "teams reach: agency {} throttled by Graph for {}",
                    agency.id(),
                    t.retryAfter());
            return false;
        }
        if (outcome instanceof AppInstaller.NotPermitted p) {
            refused(agency, p.permission(), now);
            return false;
        }
        AppInstaller.Failed f = (AppInstaller.Failed) outcome;
        if (f.retry()) {
            int n = failures.merge(agency.id(), 1, Integer::sum);
            Duration wait = backoff(n);
            pausedUntil.put(agency.id(), now.plus(wait));
            log.info(
                    "teams reach: agency {} failure {} ({}); next try in {}",
                    agency.id(),
                    n,
                    f.reason(),
                    wait);
            return false;
        }
        skip(m, now);
        log.warn(
                "teams reach: agency {}: an install was refused ({}); that member is left for a day",
                agency.id(),
                f.reason());
        return true;
    }

    /** Installed: reachable now, and the welcome they missed goes out (once). */
    private void reached(Agency agency, Member m) {
        Instant now = clock.instant();
        store.useTransaction(
                h -> {
                    h.attach(Members.class)
                            .markReachableByPlatformUser(agency.id(), m.platformUserId());
                    h.attach(Members.class)
                            .find(agency.id(), m.id())
                            .ifPresent(
                                    fresh ->
                                            RosterCommands.welcomeAgainIfLost(
                                                    h, agency, fresh, now));
                });
    }

    private void skip(Member m, Instant now) {
        if (skippedUntil.size() < MAX_SKIPPED) {
            skippedUntil.put(m.id(), now.plus(DAY));
        }
    }

    private static Duration backoff(int failures) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 10));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    /** The notice of a refusal on {@code day}, for this catalogue id: its key marks the day. */
    private OutboxKey refusal(LocalDate day) {
        return OutboxKey.of(
                OutboxKind.OTHER, null, "teams-install-refused", settings.catalogAppId(), day);
    }

    private boolean refusedToday(Agency agency, Instant now) {
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        return store.withConnection(
                h -> Outgoing.on(h, agency.id()).find(refusal(today)).isPresent());
    }

    /** Tells the coordinators (once that day) and stops for a day. */
    private void refused(Agency agency, String permission, Instant now) {
        pausedUntil.put(agency.id(), now.plus(DAY));
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        boolean told =
                store.inTransaction(
                        h ->
                                Outgoing.on(h, agency.id())
                                        .send(
                                                refusal(today),
                                                AddressBook.channel(
                                                        h, agency, agency.coordinatorChannelId()),
                                                Message.text(
                                                        "*TenFour cannot install itself for people in Teams yet.* "
                                                                + "Microsoft Graph refused: your Microsoft Entra admin has not granted "
                                                                + "TenFour's app registration the application permission `"
                                                                + permission
                                                                + "` (API permissions → Microsoft Graph → Application permissions, "
                                                                + "then *Grant admin consent*). Until then the people TenFour cannot reach "
                                                                + "(see `/tenfour status`) stay unreachable unless they open TenFour themselves. "
                                                                + "TenFour tries again tomorrow."),
                                                now));
        log.warn(
                "teams reach: agency {}: Graph refused the install (permission {} not granted); {}stopped for a day",
                agency.id(),
                permission,
                told ? "coordinators told, " : "");
    }
}
