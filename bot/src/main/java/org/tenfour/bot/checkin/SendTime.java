package org.tenfour.bot.checkin;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.outbox.SendGuard.Decision;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.CheckIn;
import org.tenfour.storage.CheckInState;
import org.tenfour.storage.CheckIns;
import org.tenfour.storage.DueCheckIn;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.Store;
import org.tenfour.storage.Tx;

/**
 * The check-in's last word before its message goes out, decided when sending (not only when
 * planning, which may be days old after downtime or a time-zone change):
 *
 * <ul>
 *   <li>outside the member's contact window now, it waits for the next one (the check-in moves with
 *       it);
 *   <li>inside, all of the member's check-ins that are due become one: an incident follow-up (or
 *       anniversary) wins over a referral, a referral over a cadence check-in; the others are
 *       cancelled;
 *   <li>an earlier check-in still open (sent, unanswered) ends, its buttons replaced — unless it
 *       outranks this one, which is then dropped: a member never has two check-ins open.
 * </ul>
 */
final class SendTime {
    /** The key of the line that replaces the buttons of a check-in a newer one replaced. */
    static final String REPLACED = "checkin.replaced";

    private SendTime() {}

    static Decision decide(Store store, UUID agencyId, UUID checkInId, Instant now) {
        // the common case in one read without a transaction: delivery runs at the platforms' pace
        Optional<DueCheckIn> alone =
                store.withConnection(
                        h -> h.attach(CheckIns.class).dueAlone(agencyId, checkInId, now));
        if (alone.isPresent()
                && Windows.of(
                                alone.get().agencyTimeZone(),
                                AgencySettings.fromJson(alone.get().agencySettingsJson()),
                                alone.get().member())
                        .contains(now)) {
            return Decision.SEND;
        }
        return store.inTransaction((Tx h) -> decide(h, agencyId, checkInId, now));
    }

    private static Decision decide(Tx h, UUID agencyId, UUID checkInId, Instant now) {
        CheckIns checkIns = h.attach(CheckIns.class);
        Optional<CheckIn> found = checkIns.find(agencyId, checkInId);
        if (found.isEmpty() || found.get().state() != CheckInState.SCHEDULED) {
            return Decision.DROP;
        }
        CheckIn c = found.get();
        Optional<Agency> agency = h.attach(Agencies.class).find(agencyId);
        Optional<Member> member = h.attach(Members.class).find(agencyId, c.memberId());
        if (agency.isEmpty() || member.isEmpty()) {
            return Decision.DROP;
        }
        AgencySettings settings = AgencySettings.fromJson(agency.get().settingsJson());
        Instant next = Windows.of(agency.get(), settings, member.get()).next(now);
        if (next.isAfter(now)) {
            checkIns.reschedule(agencyId, c.id(), next);
            return Decision.notBefore(next);
        }
        List<CheckIn> all = checkIns.forMember(agencyId, c.memberId());
        CheckIn winner =
                all.stream()
                        .filter(o -> o.state() == CheckInState.SCHEDULED && !o.dueAt().isAfter(now))
                        .min(FIRST)
                        .orElse(c);
        if (!winner.id().equals(c.id())) {
            checkIns.cancel(agencyId, c.id());
            return Decision.DROP;
        }
        List<CheckIn> open = all.stream().filter(o -> o.state() == CheckInState.SENT).toList();
        if (open.stream().anyMatch(o -> rank(o) < rank(c))) {
            checkIns.cancel(agencyId, c.id());
            return Decision.DROP;
        }
        for (CheckIn o : all) {
            if (!o.id().equals(c.id())
                    && o.state() == CheckInState.SCHEDULED
                    && !o.dueAt().isAfter(now)) {
                checkIns.cancel(agencyId, o.id());
            }
        }
        for (CheckIn o : open) {
            if (checkIns.expire(agencyId, o.id())) {
                CheckInButtons.close(h, agency.get(), settings, o, REPLACED, now);
            }
        }
        return Decision.SEND;
    }

    /** Which of two due check-ins is sent: the weightier kind, then the earlier, then by id. */
    private static final Comparator<CheckIn> FIRST =
            Comparator.comparingInt(SendTime::rank)
                    .thenComparing(CheckIn::dueAt)
                    .thenComparing(CheckIn::id);

    private static int rank(CheckIn c) {
        return switch (c.kind()) {
            case INCIDENT, ANNIVERSARY -> 0;
            case REFERRAL -> 1;
            default -> 2;
        };
    }
}
