package org.tenfour.bot.oncall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
import org.tenfour.storage.Agency;
import org.tenfour.storage.Member;
import org.tenfour.storage.OnCallRota;
import org.tenfour.storage.OnCallRotas;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.Store;
import org.tenfour.storage.Tx;

/**
 * The rota's periodic work: the incoming on-call peer gets a handoff DM (once per week and person,
 * so a peer who takes over mid-week after a break or a swap is told too), and when a week has no
 * one the coordinator channel — and the last resort — are told once. Keys in the outbox make each
 * message once, on any replica.
 */
public final class OnCallJobs {
    private static final Logger log = LoggerFactory.getLogger(OnCallJobs.class);
    public static final JobKey HANDOFFS = JobKey.jobKey("handoffs", "oncall");

    private final Store store;
    private final Clock clock;

    public OnCallJobs(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<Scheduling.Task> tasks() {
        return List.of(
                new Scheduling.Task(
                        HANDOFFS, Scheduling.every(Duration.ofMinutes(5)), this::handoffs));
    }

    /** Sends what the current week calls for in every agency with a rota; returns how many. */
    public int handoffs() {
        Instant now = clock.instant();
        int queued = 0;
        for (UUID agencyId : store.repo(OnCallRotas.class).agencies()) {
            queued += store.inTransaction(h -> handoff(h, agencyId, now));
        }
        return queued;
    }

    private static int handoff(Tx h, UUID agencyId, Instant now) {
        Optional<Agency> agency = h.attach(Agencies.class).find(agencyId);
        Optional<OnCallRota> rota = h.attach(OnCallRotas.class).find(agencyId);
        if (agency.isEmpty() || rota.isEmpty()) {
            return 0;
        }
        RotaWeek week = RotaWeek.at(rota.get(), OnCall.zone(agency.get()), now);
        OnCall.Shift shift = OnCall.shift(h, agency.get(), rota.get(), week, now);
        h.attach(OnCallRotas.class).forgetSwaps(agencyId, week.start().minusWeeks(1));
        Outgoing out = Outgoing.on(h, agencyId);
        if (shift.peer().isPresent()) {
            Member peer = shift.peer().get();
            boolean sent =
                    out.send(
                            OutboxKey.of(
                                    OutboxKind.ON_CALL, null, "handoff", week.start(), peer.id()),
                            AddressBook.member(h, agency.get(), peer),
                            handoffMessage(week),
                            now);
            if (sent) {
                log.info("oncall: handoff queued in agency {}", agencyId);
            }
            return sent ? 1 : 0;
        }
        int queued = 0;
        String text =
                "No peer is on call this week ("
                        + RotaText.when(week.from())
                        + " to "
                        + RotaText.when(week.until())
                        + "): nobody on the on-call rota is available. Urgent and after-hours"
                        + " requests follow the usual order, then page the coordinators."
                        + " `/tenfour oncall add @peer` or `oncall swap` fills the week.";
        if (agency.get().coordinatorChannelId() != null
                && out.send(
                        OutboxKey.of(OutboxKind.ON_CALL, null, "empty", week.start()),
                        AddressBook.channel(h, agency.get(), agency.get().coordinatorChannelId()),
                        Message.text(text),
                        now)) {
            queued++;
        }
        Optional<Member> last = OnCall.lastResort(h, agency.get());
        if (last.isPresent()
                && out.send(
                        OutboxKey.of(OutboxKind.ON_CALL, null, "last-resort", week.start()),
                        AddressBook.member(h, agency.get(), last.get()),
                        Message.text(
                                text
                                        + " You are the rota's last resort: urgent requests that"
                                        + " find no peer page you with the coordinators."),
                        now)) {
            queued++;
        }
        if (queued > 0) {
            log.info("oncall: agency {} has nobody on call this week", agencyId);
        }
        return queued;
    }

    static Message handoffMessage(RotaWeek week) {
        return Message.text(
                "You're on call for peer support from "
                        + RotaText.when(week.from())
                        + " to "
                        + RotaText.when(week.until())
                        + " ("
                        + week.from().getZone()
                        + "). Urgent requests, requests outside working hours and critical-incident"
                        + " call-outs come to you first. Can't cover it? `/tenfour away until …`"
                        + " passes it to the next peer on the rota, or ask a coordinator for"
                        + " `/tenfour oncall swap`.");
    }
}
