package org.tenfour.bot.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Delivery;
import org.tenfour.bot.agency.AddressBook;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.background.BackgroundPriority;
import org.tenfour.bot.outbox.OutboxKey;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.bot.outbox.SendGuard;
import org.tenfour.bot.words.Words;
import org.tenfour.storage.Agency;
import org.tenfour.storage.CadenceBatch;
import org.tenfour.storage.CheckIn;
import org.tenfour.storage.CheckInKind;
import org.tenfour.storage.CheckIns;
import org.tenfour.storage.Failures;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.Store;
import org.tenfour.storage.Tx;

/**
 * Plans the cadence check-ins of one agency: a roster member is due when their latest check-in is
 * older than the cadence (or they never had one), unless they opted out, snoozed, or cannot be
 * reached. Each due check-in is written with its outgoing message in one transaction, timed for the
 * member's next contact window. Planning the same cycle twice creates nothing new: the cycle is
 * part of the check-in's unique slot key.
 */
public final class CheckInPlanner {
    private static final Logger log = LoggerFactory.getLogger(CheckInPlanner.class);
    private final Store store;
    private final Clock clock;

    public CheckInPlanner(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Agencies planned at once by {@link #planAll}: they share nothing, and the database has cores
     * to spare.
     */
    static final int PARALLEL_AGENCIES = 4;

    /**
     * Plans every agency in {@code agencies}, {@link #PARALLEL_AGENCIES} at a time (each on its own
     * pooled connection); returns how many check-ins were created. An agency whose planning fails
     * is logged and skipped; the next pass tries it again.
     */
    public int planAll(List<Agency> agencies) {
        return planAll(agencies, UnaryOperator.identity(), PARALLEL_AGENCIES);
    }

    /**
     * Plans every agency in {@code agencies}, {@code parallel} at a time, each after {@code
     * prepare} (roster sync, profile reads) has brought it up to date; an agency whose preparation
     * or planning fails is logged and skipped. Returns how many check-ins were created.
     */
    public int planAll(List<Agency> agencies, UnaryOperator<Agency> prepare, int parallel) {
        if (agencies.isEmpty()) {
            return 0;
        }
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        Math.max(1, Math.min(parallel, agencies.size())),
                        BackgroundPriority.threads("check-in-planner", true));
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Agency agency : agencies) {
                results.add(pool.submit(() -> plan(prepare.apply(agency))));
            }
            int created = 0;
            for (int i = 0; i < results.size(); i++) {
                try {
                    created += results.get(i).get();
                } catch (ExecutionException e) {
                    log.warn(
                            "planning failed for agency {}: {}",
                            agencies.get(i).id(),
                            Failures.describe(e.getCause()));
                }
            }
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("planning interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Plans due check-ins for the agency; returns how many were created. */
    public int plan(Agency agency) {
        AgencySettings settings = AgencySettings.fromJson(agency.settingsJson());
        if (settings.cadenceDays() == null) {
            return 0;
        }
        Instant now = clock.instant();
        Duration cadence = Duration.ofDays(settings.cadenceDays());
        long cycle = LocalDate.ofInstant(now, ZoneOffset.UTC).toEpochDay() / settings.cadenceDays();
        String slot = "cadence:" + settings.cadenceDays() + ":" + cycle;
        // one connection for the pages and their transactions: a pool checkout (or, without a
        // pool, a new server process) per agency, not per page. The roster is read a page at a
        // time: memory stays bounded by one page per agency being planned, whatever its size.
        return store.withConnection(
                h -> {
                    int created = 0;
                    Member after = null;
                    while (true) {
                        List<Member> page =
                                h.attach(CheckIns.class)
                                        .dueForCadence(
                                                agency.id(),
                                                now.minus(cadence),
                                                now.plus(cadence),
                                                after,
                                                CHUNK);
                        if (page.isEmpty()) {
                            return created;
                        }
                        created +=
                                h.inTransaction(
                                        (Tx tx) ->
                                                planChunk(tx, agency, settings, page, slot, now));
                        if (page.size() < CHUNK) {
                            return created;
                        }
                        after = page.get(page.size() - 1);
                    }
                });
    }

    /**
     * Members read and planned per page, each page in one short transaction: big enough to batch,
     * small enough to keep transactions short and memory bounded.
     */
    static final int CHUNK = 1000;

    /**
     * Plans a chunk in one transaction with one statement: the same rules as one-by-one planning
     * (window, peer choice, slot key), without a round trip per member. Members' messages differ
     * only by the check-in id (not known until inserted) and the peer's name, so each peer's
     * message is serialised once, with a placeholder the statement replaces by the new check-in's
     * id: the JSON of a thousand messages is neither built nor sent nor unpacked from an array per
     * member.
     */
    private int planChunk(
            Tx h,
            Agency agency,
            AgencySettings settings,
            List<Member> members,
            String slot,
            Instant now) {
        PeerAssigner assigner = new PeerAssigner(h, agency.id(), now);
        CheckInStyle style = CheckInStyle.of(h, agency.id());
        // random, so that no crisis line or peer name can contain it
        String placeholder = UUID.randomUUID().toString();
        Map<String, Integer> templateByPeer = new HashMap<>();
        List<String> templates = new ArrayList<>();
        List<CadenceBatch.Row> rows = new ArrayList<>(members.size());
        for (Member member : members) {
            Instant from =
                    member.snoozedUntil() != null && member.snoozedUntil().isAfter(now)
                            ? member.snoozedUntil()
                            : now;
            Instant dueAt = Windows.of(agency, settings, member).next(from);
            UUID peer = assigner.assign(member, dueAt).orElse(null);
            // ids chosen here, so that each row's outbox key (a keyed hash) is known before insert
            UUID checkInId = UUID.randomUUID();
            Words words = Words.of(member);
            // one template per peer and language
            int template =
                    templateByPeer.computeIfAbsent(
                            peer + ":" + words.language().code(),
                            k -> {
                                templates.add(
                                        Outgoing.messageJson(
                                                CheckInMessages.checkIn(
                                                        placeholder,
                                                        peer == null ? null : assigner.name(peer),
                                                        settings,
                                                        style,
                                                        words)));
                                return templates.size() - 1;
                            });
            rows.add(
                    new CadenceBatch.Row(
                            checkInId,
                            key(checkInId).stored(h, agency.id()),
                            member.id(),
                            peer,
                            dueAt,
                            Outgoing.targetJson(AddressBook.member(h, agency, member)),
                            template));
        }
        int created =
                h.attach(CheckIns.class)
                        .scheduleCadence(
                                agency.id(), new CadenceBatch(slot, placeholder, templates, rows));
        assigner.saveAssignments(h, agency.id());
        return created;
    }

    /**
     * A referral: the member gets a check-in like any other, in their next contact window, from
     * their assigned peer. Nothing records who asked. At most one referral check-in a day per
     * member; none for a member who opted out or cannot be reached. Returns whether one was
     * scheduled.
     */
    public boolean refer(Agency agency, Member member) {
        if (member.optedOut() || member.unreachable()) {
            return false;
        }
        AgencySettings settings = AgencySettings.fromJson(agency.settingsJson());
        Instant now = clock.instant();
        Instant due = Windows.of(agency, settings, member).next(now);
        return schedule(
                agency,
                settings,
                member,
                CheckInKind.REFERRAL,
                "referral:" + LocalDate.ofInstant(now, ZoneOffset.UTC),
                due,
                null);
    }

    /**
     * Schedules one check-in and its message in one transaction; false if the slot already had one.
     */
    boolean schedule(
            Agency agency,
            AgencySettings settings,
            Member member,
            CheckInKind kind,
            String slot,
            Instant due,
            UUID incidentId) {
        return store.inTransaction(
                (Tx h) -> {
                    Optional<UUID> peer = PeerAssigner.assignNow(h, member, clock.instant(), due);
                    Optional<CheckIn> checkIn =
                            h.attach(CheckIns.class)
                                    .schedule(
                                            agency.id(),
                                            member.id(),
                                            peer.orElse(null),
                                            kind,
                                            slot,
                                            due,
                                            incidentId);
                    if (checkIn.isEmpty()) {
                        return false;
                    }
                    Members members = h.attach(Members.class);
                    String peerName =
                            peer.isEmpty()
                                    ? null
                                    : members.find(agency.id(), peer.get())
                                            .map(Member::displayName)
                                            .orElse(null);
                    Outgoing.on(h, agency.id())
                            .send(
                                    key(checkIn.get().id()),
                                    AddressBook.member(h, agency, member),
                                    CheckInMessages.checkIn(
                                            checkIn.get().id().toString(),
                                            peerName,
                                            settings,
                                            CheckInStyle.of(h, agency.id()),
                                            Words.of(member)),
                                    due);
                    return true;
                });
    }

    /** The outbox key of a check-in's message. */
    static OutboxKey key(UUID checkInId) {
        return OutboxKey.of(OutboxKind.CHECK_IN, checkInId, "question");
    }

    /**
     * Whether a queued check-in message goes out now, later (outside the member's window) or never
     * (cancelled, or merged into another of the member's check-ins): an outbox guard, see {@link
     * SendTime}.
     */
    public static SendGuard.Decision stillWanted(
            Store store, UUID agencyId, OutboxKind kind, UUID ref, Instant now) {
        if (kind != OutboxKind.CHECK_IN) {
            return SendGuard.Decision.SEND;
        }
        return SendTime.decide(store, agencyId, ref, now);
    }

    /** Marks a check-in sent when its message is delivered (an outbox listener). */
    public static void onDelivered(
            Tx h, UUID agencyId, OutboxKind kind, UUID ref, Delivery d, Instant at) {
        if (kind == OutboxKind.CHECK_IN) {
            h.attach(CheckIns.class).markSent(agencyId, ref, at);
        }
    }
}
