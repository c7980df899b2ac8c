package org.tenfour.bot.log;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.quartz.JobKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Message;
import org.tenfour.bot.agency.AddressBook;
import org.tenfour.bot.outbox.OutboxKey;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.bot.schedule.Scheduling;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.FollowUpDue;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.ProcessedEvents;
import org.tenfour.storage.Store;
import org.tenfour.storage.Tx;

/**
 * Hourly: follow-up reminders due today go to the peer (never the member). Nightly: retention
 * purges of coded logs past the agency's period, spent reminders, and old inbound event ids.
 */
public final class LogJobs {
    private static final Logger log = LoggerFactory.getLogger(LogJobs.class);
    public static final JobKey FOLLOW_UPS = JobKey.jobKey("follow-up-reminders", "log");
    public static final JobKey RETENTION = JobKey.jobKey("retention", "log");

    private final Store store;
    private final Clock clock;
    private final InteractionLogService service;
    private final Retention retention;

    public LogJobs(Store store, Clock clock, PseudonymKeys keys, RetentionPolicy policy) {
        this.store = store;
        this.clock = clock;
        this.service = new InteractionLogService(store, clock, keys);
        this.retention = new Retention(store, policy);
    }

    /** Follow-up reminders hourly; retention daily. */
    public List<Scheduling.Task> tasks() {
        return List.of(
                new Scheduling.Task(
                        FOLLOW_UPS, Scheduling.every(Duration.ofHours(1)), this::remindAll),
                new Scheduling.Task(RETENTION, Scheduling.every(Duration.ofDays(1)), this::purge));
    }

    /** Sends today's follow-up reminders to their peers; returns how many. */
    public int remindAll() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<UUID, Map<String, Member>> peersByTag = new HashMap<>();
        int sent = 0;
        for (FollowUpDue due : service.dueFollowUps(today)) {
            boolean done =
                    store.inTransaction(
                            h -> {
                                var agency =
                                        h.attach(Agencies.class).find(due.agencyId()).orElse(null);
                                Member peer =
                                        agency == null
                                                ? null
                                                : due.peerTag() == null
                                                        ? h.attach(Members.class)
                                                                .find(
                                                                        due.agencyId(),
                                                                        due.peerMemberId())
                                                                .orElse(null)
                                                        : peersByTag
                                                                .computeIfAbsent(
                                                                        agency.id(),
                                                                        a -> byTag(h, a))
                                                                .get(due.peerTag());
                                if (peer != null) {
                                    Outgoing.on(h, agency.id())
                                            .send(
                                                    OutboxKey.of(
                                                            OutboxKind.FOLLOW_UP, null, due.id()),
                                                    AddressBook.member(h, agency, peer),
                                                    Message.text(
                                                            "Reminder: a follow-up you planned is due today. Reach out when you can, and log it with `/tenfour log`."),
                                                    clock.instant());
                                }
                                return service.followUpSent(due.agencyId(), due.id());
                            });
            sent += done ? 1 : 0;
        }
        return sent;
    }

    /**
     * The agency's members by reminder tag: a reminder names its peer only by tag, so the job
     * computes the tags of the people who could be its peer.
     */
    private static Map<String, Member> byTag(Tx h, UUID agencyId) {
        Map<String, Member> byTag = new HashMap<>();
        for (Member m : h.attach(Members.class).list(agencyId)) {
            byTag.put(ReminderTags.peer(h, agencyId, m.id()), m);
        }
        return byTag;
    }

    /** Runs the retention purges. */
    public void purge() {
        Retention.Purged purged = retention.purge(clock.instant());
        int events =
                store.repo(ProcessedEvents.class)
                        .purgeBefore(clock.instant().minus(Duration.ofDays(2)));
        log.info(
                "retention: {} logs, {} reminders removed, {} coarsened, {} event ids",
                purged.logs(),
                purged.reminders(),
                purged.coarsened(),
                events);
    }
}
