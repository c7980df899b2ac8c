package org.tenfour.bot.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.tenfour.bot.agency.AddressBook;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.storage.Agency;
import org.tenfour.storage.CheckIn;
import org.tenfour.storage.CheckIns;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;

/**
 * Plans the cadence check-ins of one agency: a roster member is due when their latest check-in is
 * older than the cadence (or they never had one), unless they opted out, snoozed, or cannot be
 * reached. Each due check-in is written with its outgoing message in one transaction, timed for
 * the member's next contact window. Planning the same cycle twice creates nothing new: the cycle is
 * part of the check-in's unique slot key.
 */
public final class CheckInPlanner {
    private final Jdbi jdbi;
    private final Clock clock;

    public CheckInPlanner(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
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
        List<Member> due = jdbi.onDemand(CheckIns.class).dueForCadence(agency.id(), now.minus(cadence), now.plus(cadence));
        int created = 0;
        for (int from = 0; from < due.size(); from += CHUNK) {
            List<Member> chunk = due.subList(from, Math.min(due.size(), from + CHUNK));
            created += jdbi.inTransaction((Handle h) -> planChunk(h, agency, settings, chunk, slot, now));
        }
        return created;
    }

    /** Members planned per transaction: big enough to batch, small enough to keep transactions short. */
    private static final int CHUNK = 1000;

    /**
     * Plans a chunk in one transaction with batched statements: the same rules as one-by-one
     * planning (window, peer choice, slot key), without a round trip per member.
     */
    private int planChunk(Handle h, Agency agency, AgencySettings settings, List<Member> members, String slot, Instant now) {
        PeerAssigner assigner = new PeerAssigner(h, agency.id(), now);
        List<Planned> planned = new java.util.ArrayList<>(members.size());
        for (Member member : members) {
            Instant from = member.snoozedUntil() != null && member.snoozedUntil().isAfter(now) ? member.snoozedUntil() : now;
            Instant dueAt = Windows.of(agency, settings, member).next(from);
            planned.add(new Planned(member, dueAt, assigner.assign(member, dueAt).orElse(null)));
        }
        // one statement per chunk: arrays unnested by PostgreSQL, not a round trip per member
        Map<UUID, UUID> checkInByMember = new java.util.HashMap<>();
        h.createQuery("""
                insert into check_in (agency_id, member_id, peer_id, kind, slot_key, due_at, state)
                select :agency, t.member, t.peer, 'cadence', :slot, t.due::timestamptz, 'scheduled'
                from unnest(:members::uuid[], :peers::uuid[], :dues::text[]) as t(member, peer, due)
                on conflict (agency_id, member_id, slot_key) do nothing returning id, member_id""")
                .bind("agency", agency.id()).bind("slot", slot)
                .bind("members", planned.stream().map(p -> p.member().id()).toArray(UUID[]::new))
                .bind("peers", planned.stream().map(Planned::peer).toArray(UUID[]::new))
                .bind("dues", planned.stream().map(p -> p.dueAt().toString()).toArray(String[]::new))
                .map((rs, ctx) -> Map.entry(rs.getObject("member_id", UUID.class), rs.getObject("id", UUID.class)))
                .forEach(e -> checkInByMember.put(e.getKey(), e.getValue()));
        List<String> keys = new java.util.ArrayList<>();
        List<org.tenfour.adapters.Address> to = new java.util.ArrayList<>();
        List<org.tenfour.adapters.Message> messages = new java.util.ArrayList<>();
        List<Instant> times = new java.util.ArrayList<>();
        for (Planned p : planned) {
            UUID checkInId = checkInByMember.get(p.member().id());
            if (checkInId != null) {
                keys.add(key(checkInId));
                to.add(AddressBook.member(h, agency, p.member()));
                messages.add(CheckInMessages.checkIn(checkInId.toString(), p.peer() == null ? null : assigner.name(p.peer()), settings));
                times.add(p.dueAt());
            }
        }
        Outgoing.on(h, agency.id()).sendAll(keys, to, messages, times);
        assigner.saveAssignments(h);
        return checkInByMember.size();
    }

    private record Planned(Member member, Instant dueAt, UUID peer) {
    }

    /**
     * A referral: the member gets a check-in like any other, in their next contact window, from their
     * assigned peer. Nothing records who asked. At most one referral check-in a day per member; none
     * for a member who opted out or cannot be reached. Returns whether one was scheduled.
     */
    public boolean refer(Agency agency, Member member) {
        if (member.optedOut() || member.unreachable()) {
            return false;
        }
        AgencySettings settings = AgencySettings.fromJson(agency.settingsJson());
        Instant now = clock.instant();
        Instant due = Windows.of(agency, settings, member).next(now);
        return schedule(agency, settings, member, "referral", "referral:" + LocalDate.ofInstant(now, ZoneOffset.UTC),
                due, null);
    }

    /** Schedules one check-in and its message in one transaction; false if the slot already had one. */
    boolean schedule(Agency agency, AgencySettings settings, Member member, String kind, String slot,
                     Instant due, UUID incidentId) {
        return jdbi.inTransaction((Handle h) -> {
            Optional<UUID> peer = PeerAssigner.assignNow(h, member, due);
            Optional<CheckIn> checkIn = h.attach(CheckIns.class)
                    .schedule(agency.id(), member.id(), peer.orElse(null), kind, slot, due, incidentId);
            if (checkIn.isEmpty()) {
                return false;
            }
            Members members = h.attach(Members.class);
            String peerName = peer.isEmpty() ? null
                    : members.find(agency.id(), peer.get()).map(Member::displayName).orElse(null);
            Outgoing.on(h, agency.id()).send(key(checkIn.get().id()), AddressBook.member(h, agency, member),
                    CheckInMessages.checkIn(checkIn.get().id().toString(), peerName, settings), due);
            return true;
        });
    }

    /** The outbox key of a check-in's message. */
    static String key(UUID checkInId) {
        return "checkin:" + checkInId;
    }

    /** A queued check-in message is still wanted only while its check-in is scheduled (an outbox guard). */
    public static boolean stillWanted(Jdbi jdbi, UUID agencyId, String key) {
        if (!key.startsWith("checkin:")) {
            return true;
        }
        return jdbi.onDemand(CheckIns.class).find(agencyId, UUID.fromString(key.substring("checkin:".length())))
                .map(c -> c.state().equals("scheduled")).orElse(false);
    }

    /** Marks a check-in sent when its message is delivered (an outbox listener). */
    public static void onDelivered(Handle h, UUID agencyId, String key, org.tenfour.adapters.Delivery d, Instant at) {
        if (key.startsWith("checkin:")) {
            h.attach(CheckIns.class).markSent(agencyId, UUID.fromString(key.substring("checkin:".length())), at);
        }
    }
}
