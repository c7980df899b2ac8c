package org.tenfour.bot.oncall;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.onboarding.RotationGate;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.OnCallRota;
import org.tenfour.storage.OnCallRotas;
import org.tenfour.storage.Peers;
import org.tenfour.storage.Tx;

/**
 * Who is on call for peer support: the week's peer from the rota (or a swap), or — when that peer
 * is on a break, retired, unreachable or out of rotation (onboarding) — the next in the rota's
 * order who is not. Request routing asks {@link #firstFor} whom to offer an urgent or after-hours
 * request first; a peer over their weekly cap is then skipped by the usual candidate rules.
 */
public final class OnCall {
    private OnCall() {}

    /** The on-call peer of a week: who, and whether they cover for the scheduled one. */
    record Shift(RotaWeek week, Optional<Member> peer, UUID scheduled) {}

    /**
     * The peer to offer a request to first, when the request is urgent or arrives outside the
     * agency's hours and someone is on call; empty otherwise (the usual order applies).
     */
    public static Optional<UUID> firstFor(Tx h, Agency agency, boolean urgent, Instant now) {
        if (!urgent && !outsideHours(agency, now)) {
            return Optional.empty();
        }
        return now(h, agency, now).flatMap(Shift::peer).map(Member::id);
    }

    /**
     * The rota's last resort (a coordinator or director), paged with the coordinators when an
     * urgent or after-hours request finds no peer; empty otherwise.
     */
    public static Optional<Member> lastResortFor(Tx h, Agency agency, boolean urgent, Instant now) {
        if (!urgent && !outsideHours(agency, now)) {
            return Optional.empty();
        }
        return lastResort(h, agency);
    }

    static Optional<Member> lastResort(Tx h, Agency agency) {
        return h.attach(OnCallRotas.class)
                .find(agency.id())
                .map(OnCallRota::lastResortMemberId)
                .flatMap(id -> h.attach(Members.class).find(agency.id(), id));
    }

    /** Whether {@code now} lies outside the agency's working days and hours, in its zone. */
    public static boolean outsideHours(Agency agency, Instant now) {
        AgencySettings settings = AgencySettings.fromJson(agency.settingsJson());
        ZonedDateTime t = now.atZone(zone(agency));
        DayOfWeek day = t.getDayOfWeek();
        LocalTime time = t.toLocalTime();
        LocalTime start = settings.hoursStart();
        LocalTime end = settings.hoursEnd();
        boolean inHours =
                start.isBefore(end)
                        ? !time.isBefore(start) && time.isBefore(end)
                        : !time.isBefore(start) || time.isBefore(end);
        return !settings.days().contains(day) || !inHours;
    }

    /** The shift at {@code now}; empty when the agency has no rota. */
    static Optional<Shift> now(Tx h, Agency agency, Instant now) {
        return h.attach(OnCallRotas.class)
                .find(agency.id())
                .map(rota -> shift(h, agency, rota, RotaWeek.at(rota, zone(agency), now), now));
    }

    /** Who covers {@code week}, judged by availability at {@code at}. */
    static Shift shift(Tx h, Agency agency, OnCallRota rota, RotaWeek week, Instant at) {
        OnCallRotas rotas = h.attach(OnCallRotas.class);
        List<UUID> order = rotas.peers(agency.id());
        Map<LocalDate, UUID> swaps = rotas.swaps(agency.id(), week.start());
        UUID scheduled = scheduled(rota, order, swaps, week);
        if (scheduled == null) {
            return new Shift(week, Optional.empty(), null);
        }
        Optional<Member> first = available(h, agency, scheduled, at);
        if (first.isPresent()) {
            return new Shift(week, first, scheduled);
        }
        if (order.isEmpty()) {
            return new Shift(week, Optional.empty(), scheduled);
        }
        // after the scheduled peer in the rota's order; for a swapped-in outsider, from the week's
        // own
        int from =
                order.contains(scheduled)
                        ? order.indexOf(scheduled)
                        : (int) Math.floorMod(week.index(rota) - 1, order.size());
        for (int i = 1; i <= order.size(); i++) {
            UUID next = order.get((from + i) % order.size());
            Optional<Member> covering = available(h, agency, next, at);
            if (covering.isPresent()) {
                return new Shift(week, covering, scheduled);
            }
        }
        return new Shift(week, Optional.empty(), scheduled);
    }

    /** Who the rotation (or a swap) puts on call for {@code week}, or null without peers. */
    static UUID scheduled(
            OnCallRota rota, List<UUID> order, Map<LocalDate, UUID> swaps, RotaWeek week) {
        UUID swapped = swaps.get(week.start());
        if (swapped != null) {
            return swapped;
        }
        if (order.isEmpty()) {
            return null;
        }
        return order.get((int) Math.floorMod(week.index(rota), order.size()));
    }

    private static Optional<Member> available(Tx h, Agency agency, UUID id, Instant at) {
        boolean free =
                h.attach(Peers.class)
                                .find(agency.id(), id)
                                .filter(p -> p.availableAt(at))
                                .isPresent()
                        && !RotationGate.notReady(h, agency.id(), at).contains(id);
        return free
                ? h.attach(Members.class).find(agency.id(), id).filter(m -> !m.unreachable())
                : Optional.empty();
    }

    /** The agency's zone (UTC when unset or unknown). */
    static ZoneId zone(Agency agency) {
        if (agency.timeZone() != null && !agency.timeZone().isBlank()) {
            try {
                return ZoneId.of(agency.timeZone());
            } catch (DateTimeException ignored) {
                // an unknown zone: UTC, as for members
            }
        }
        return ZoneId.of("UTC");
    }
}
