package org.tenfour.bot.oncall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.quartz.JobKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.Delivery;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.agency.AddressBook;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.onboarding.RotationGate;
import org.tenfour.bot.outbox.OutboxKey;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.bot.outbox.SendGuard;
import org.tenfour.bot.schedule.Scheduling;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.CallOut;
import org.tenfour.storage.CallOuts;
import org.tenfour.storage.Caseloads;
import org.tenfour.storage.Incident;
import org.tenfour.storage.Incidents;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.OnCallRotas;
import org.tenfour.storage.OutboxEntry;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.Peer;
import org.tenfour.storage.Peers;
import org.tenfour.storage.Store;
import org.tenfour.storage.Tx;
import org.tenfour.storage.Urgency;

/**
 * The call-out after a critical incident: the on-call peer is paged with the coordinators' label
 * and how many people were involved (never who), then — when nobody has taken it within the
 * agency's "now" offer timeout, or a paged peer says "Can't" — the next: the rest of the rota in
 * its order, then the other peers. Earlier pages stay open, so several peers may hold one; the
 * first "I'm on it" wins (one conditional update), becomes the incident's lead peer and alone is
 * told who is involved; every other page loses its buttons and says it was taken. When nobody is
 * left, the coordinators and the rota's last resort are told.
 */
public final class IncidentCallOut implements Feature {
    private static final Logger log = LoggerFactory.getLogger(IncidentCallOut.class);
    public static final JobKey PAGING = JobKey.jobKey("call-outs", "oncall");
    static final String TAKE = "callout.take";
    static final String CANT = "callout.cant";
    private static final Duration WEEK = Duration.ofDays(7);

    private final Store store;
    private final Clock clock;

    public IncidentCallOut(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Map<String, ButtonAction> buttons() {
        return Map.of(TAKE, this::take, CANT, this::cant);
    }

    public List<Scheduling.Task> tasks() {
        return List.of(
                new Scheduling.Task(
                        PAGING, Scheduling.every(Duration.ofMinutes(1)), this::pageDue));
    }

    /**
     * Starts the call-out of a new incident on the caller's handle and pages the first peer;
     * returns whether anyone could be paged (the coordinators are told when not).
     */
    public static boolean start(Tx h, Agency agency, Incident incident, Instant now) {
        if (!h.attach(CallOuts.class).start(agency.id(), incident.id(), now)) {
            return false;
        }
        return pageNext(h, agency, incident.id(), now);
    }

    /**
     * Closes an incident's call-out (the incident was cancelled): open pages lose their buttons.
     */
    public static void close(Tx h, Agency agency, UUID incidentId, Instant now) {
        Optional<CallOut> c = h.attach(CallOuts.class).lock(agency.id(), incidentId);
        if (c.isPresent() && h.attach(CallOuts.class).end(agency.id(), incidentId, "closed")) {
            closePages(
                    h,
                    agency,
                    c.get(),
                    null,
                    "The incident was cancelled — nothing more to do.",
                    now);
        }
    }

    /** The lead peer of each incident of the agency that has one, by incident. */
    public static Map<UUID, UUID> leads(Tx h, UUID agencyId) {
        Map<UUID, UUID> leads = new java.util.HashMap<>();
        for (CallOut c : h.attach(CallOuts.class).led(agencyId)) {
            leads.put(c.incidentId(), c.leadPeerId());
        }
        return leads;
    }

    /** Pages the next peer of every call-out whose time ran out; returns how many were paged. */
    public int pageDue() {
        Instant now = clock.instant();
        int paged = 0;
        for (UUID agencyId : store.repo(CallOuts.class).agenciesDue(now)) {
            for (UUID incidentId : store.repo(CallOuts.class).due(agencyId, now)) {
                paged +=
                        store.inTransaction(
                                h -> {
                                    Agency agency =
                                            h.attach(Agencies.class).find(agencyId).orElseThrow();
                                    return pageNext(h, agency, incidentId, now) ? 1 : 0;
                                });
            }
        }
        return paged;
    }

    /**
     * A queued page whose call-out was taken, exhausted or closed before it went out is not sent
     * (an outbox send guard).
     */
    public static SendGuard.Decision stillWanted(
            Store store, UUID agencyId, OutboxKind kind, UUID ref, Instant now) {
        if (kind != OutboxKind.CALL_OUT || ref == null) {
            return SendGuard.Decision.SEND;
        }
        return store.repo(CallOuts.class).find(agencyId, ref).filter(CallOut::paging).isPresent()
                ? SendGuard.Decision.SEND
                : SendGuard.Decision.DROP;
    }

    /** Pages the next peer of the chain, under the call-out's row lock; false when none is left. */
    private static boolean pageNext(Tx h, Agency agency, UUID incidentId, Instant now) {
        CallOuts calls = h.attach(CallOuts.class);
        Optional<CallOut> locked = calls.lock(agency.id(), incidentId);
        Optional<Incident> incident = h.attach(Incidents.class).find(agency.id(), incidentId);
        if (locked.isEmpty() || !locked.get().paging() || incident.isEmpty()) {
            return false;
        }
        CallOut c = locked.get();
        Set<UUID> involved = new LinkedHashSet<>(calls.involved(agency.id(), incidentId));
        Optional<Member> next = chain(h, agency, c, involved, now).stream().findFirst();
        AgencySettings settings = AgencySettings.fromJson(agency.settingsJson());
        if (next.isEmpty()) {
            // nobody left to page: over once every paged peer said "Can't" or the last one's time
            // ran out; until then the open pages may still be taken
            boolean allDeclined = c.declinedPeerIds().containsAll(c.pagedPeerIds());
            boolean timedOut = c.nextPageAt() != null && !c.nextPageAt().isAfter(now);
            if ((allDeclined || timedOut) && calls.end(agency.id(), incidentId, "exhausted")) {
                exhausted(h, agency, incident.get(), c, now);
            }
            return false;
        }
        Duration within = settings.connect().offerTimeout(Urgency.NOW);
        calls.paged(agency.id(), incidentId, next.get().id(), now.plus(within));
        Outgoing.on(h, agency.id())
                .send(
                        pageKey(incidentId, next.get().id()),
                        AddressBook.member(h, agency, next.get()),
                        page(incident.get(), involved.size(), within),
                        now);
        log.info(
                "oncall: call-out for incident {} paged (page {})",
                incidentId,
                c.pagedPeerIds().size() + 1);
        return true;
    }

    /**
     * Whom to page next, in order: the on-call peer, the rest of the rota after them, then the
     * other active peers; never someone paged before, involved in the incident, on a break,
     * unreachable, at their weekly cap or out of rotation (policy not acknowledged, a required
     * course lapsed).
     */
    private static List<Member> chain(
            Tx h, Agency agency, CallOut c, Set<UUID> involved, Instant now) {
        List<UUID> order = new ArrayList<>();
        OnCall.now(h, agency, now).flatMap(OnCall.Shift::peer).ifPresent(m -> order.add(m.id()));
        List<UUID> rota = h.attach(OnCallRotas.class).peers(agency.id());
        int from = order.isEmpty() ? -1 : rota.indexOf(order.get(0));
        for (int i = 1; i <= rota.size(); i++) {
            order.add(rota.get(Math.floorMod(from + i, rota.size())));
        }
        List<Peer> active = h.attach(Peers.class).active(agency.id());
        active.forEach(p -> order.add(p.memberId()));
        Map<UUID, Integer> load =
                h.attach(Caseloads.class).contacts(agency.id(), now.minus(WEEK), now);
        Set<UUID> notReady = RotationGate.notReady(h, agency.id(), now);
        List<Member> out = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(order)) {
            Optional<Peer> peer = active.stream().filter(p -> p.memberId().equals(id)).findFirst();
            if (peer.isEmpty()
                    || c.pagedPeerIds().contains(id)
                    || involved.contains(id)
                    || notReady.contains(id)
                    || !peer.get().availableAt(now)
                    || load.getOrDefault(id, 0) >= peer.get().weeklyCap()) {
                continue;
            }
            h.attach(Members.class)
                    .find(agency.id(), id)
                    .filter(m -> !m.unreachable())
                    .ifPresent(out::add);
        }
        return out;
    }

    private Reply take(Caller caller, InboundEvent.ButtonPressed e) {
        Optional<UUID> incidentId = id(e.value());
        if (incidentId.isEmpty()) {
            return Reply.text("That call-out could not be found.");
        }
        Instant now = clock.instant();
        return store.inTransaction(
                h -> {
                    CallOuts calls = h.attach(CallOuts.class);
                    Optional<CallOut> seen = calls.find(caller.agency().id(), incidentId.get());
                    if (seen.isEmpty()
                            || !seen.get().pagedPeerIds().contains(caller.member().id())) {
                        return Reply.text("That call-out was not sent to you.");
                    }
                    if (!calls.take(caller.agency().id(), incidentId.get(), caller.member().id())) {
                        CallOut now2 =
                                calls.find(caller.agency().id(), incidentId.get()).orElseThrow();
                        String outcome = lostOutcome(caller, now2);
                        replacePressed(h, caller, e, outcome, now);
                        return Reply.text(outcome);
                    }
                    CallOut taken =
                            calls.find(caller.agency().id(), incidentId.get()).orElseThrow();
                    Incident incident =
                            h.attach(Incidents.class)
                                    .find(caller.agency().id(), incidentId.get())
                                    .orElseThrow();
                    String lead = "<@" + caller.member().platformUserId() + ">";
                    closePages(
                            h,
                            caller.agency(),
                            taken,
                            caller.member().id(),
                            "Taken — "
                                    + lead
                                    + " is leading the peer follow-up. Thank you for being ready.",
                            now);
                    replacePressed(
                            h,
                            caller,
                            e,
                            "You're on it: you lead the peer follow-up of this incident.",
                            now);
                    Outgoing out = Outgoing.on(h, caller.agency().id());
                    out.send(
                            OutboxKey.of(
                                    OutboxKind.OTHER, null, "call-out", incidentId.get(), "lead"),
                            AddressBook.member(h, caller.agency(), caller.member()),
                            involvedMessage(
                                    h,
                                    caller.agency(),
                                    incident,
                                    calls.involved(caller.agency().id(), incidentId.get())),
                            now);
                    Agency agency =
                            h.attach(Agencies.class).find(caller.agency().id()).orElseThrow();
                    if (agency.coordinatorChannelId() != null) {
                        out.send(
                                OutboxKey.of(
                                        OutboxKind.AUDIT,
                                        null,
                                        "call-out",
                                        incidentId.get(),
                                        "taken"),
                                AddressBook.channel(h, agency, agency.coordinatorChannelId()),
                                Message.text(
                                        "Call-out for \""
                                                + label(incident)
                                                + "\": "
                                                + lead
                                                + " is on it and leads the peer follow-up."),
                                now);
                    }
                    log.info("oncall: call-out for incident {} taken", incidentId.get());
                    return Reply.none();
                });
    }

    private Reply cant(Caller caller, InboundEvent.ButtonPressed e) {
        Optional<UUID> incidentId = id(e.value());
        if (incidentId.isEmpty()) {
            return Reply.text("That call-out could not be found.");
        }
        Instant now = clock.instant();
        return store.inTransaction(
                h -> {
                    CallOuts calls = h.attach(CallOuts.class);
                    Optional<CallOut> seen = calls.find(caller.agency().id(), incidentId.get());
                    if (seen.isEmpty()
                            || !seen.get().pagedPeerIds().contains(caller.member().id())) {
                        return Reply.text("That call-out was not sent to you.");
                    }
                    if (!calls.decline(
                            caller.agency().id(), incidentId.get(), caller.member().id())) {
                        String outcome = lostOutcome(caller, seen.get());
                        replacePressed(h, caller, e, outcome, now);
                        return Reply.text(outcome);
                    }
                    replacePressed(
                            h,
                            caller,
                            e,
                            "You can't take this one — the next peer is being paged. Thank you.",
                            now);
                    pageNext(h, caller.agency(), incidentId.get(), now);
                    return Reply.none();
                });
    }

    private static String lostOutcome(Caller caller, CallOut c) {
        if (caller.member().id().equals(c.leadPeerId())) {
            return "You are already leading this call-out.";
        }
        return switch (c.state()) {
            case "taken" -> "Someone already took this call-out — thank you for being ready.";
            case "closed" -> "The incident was cancelled — nothing more to do.";
            case "exhausted" ->
                    "This call-out is over; the coordinators are arranging the follow-up.";
            default -> "You already said you can't take this one. Thank you.";
        };
    }

    /** Replaces the pressed page's buttons by {@code outcome}, when the press came from it. */
    private static void replacePressed(
            Tx h, Caller caller, InboundEvent.ButtonPressed e, String outcome, Instant now) {
        if (e.message() != null && e.where() != null) {
            Outgoing.on(h, caller.agency().id())
                    .update(
                            OutboxKey.unique(OutboxKind.OTHER, null),
                            e.where(),
                            e.message(),
                            Message.text("Critical-incident call-out: " + outcome),
                            now);
        }
    }

    /** Takes the buttons off every delivered page of {@code c} but {@code except}'s. */
    private static void closePages(
            Tx h, Agency agency, CallOut c, UUID except, String outcome, Instant now) {
        Outgoing out = Outgoing.on(h, agency.id());
        for (UUID peerId : c.pagedPeerIds()) {
            OutboxKey key = pageKey(c.incidentId(), peerId);
            Optional<OutboxEntry> sent = out.find(key);
            if (peerId.equals(except) || sent.isEmpty() || sent.get().platformMessageId() == null) {
                if (sent.isPresent()) {
                    out.forgetDelivery(key);
                }
                continue;
            }
            Optional<Member> peer = h.attach(Members.class).find(agency.id(), peerId);
            if (peer.isPresent()) {
                out.update(
                        key.as(OutboxKind.OTHER).then("closed"),
                        AddressBook.member(h, agency, peer.get()),
                        new Delivery(
                                sent.get().platformConversationId(),
                                sent.get().platformMessageId()),
                        Message.text("Critical-incident call-out: " + outcome),
                        now);
            }
            out.forgetDelivery(key);
        }
    }

    private static void exhausted(Tx h, Agency agency, Incident incident, CallOut c, Instant now) {
        String text =
                "Call-out for \""
                        + label(incident)
                        + "\": no peer could take it ("
                        + c.pagedPeerIds().size()
                        + " paged). Please arrange the peer follow-up; the follow-up check-ins go out"
                        + " as planned.";
        Outgoing out = Outgoing.on(h, agency.id());
        if (agency.coordinatorChannelId() != null) {
            out.send(
                    OutboxKey.of(OutboxKind.AUDIT, null, "call-out", incident.id(), "exhausted"),
                    AddressBook.channel(h, agency, agency.coordinatorChannelId()),
                    Message.text(text),
                    now);
        }
        OnCall.lastResort(h, agency)
                .ifPresent(
                        m ->
                                out.send(
                                        OutboxKey.of(
                                                OutboxKind.OTHER,
                                                null,
                                                "call-out",
                                                incident.id(),
                                                "last-resort"),
                                        AddressBook.member(h, agency, m),
                                        Message.text(
                                                text + " You are the on-call rota's last resort."),
                                        now));
        closePages(
                h,
                agency,
                c,
                null,
                "Nobody could take it; the coordinators are arranging the follow-up.",
                now);
        log.info("oncall: call-out for incident {} found no peer", incident.id());
    }

    static Message page(Incident incident, int involved, Duration within) {
        return new Message(
                "*Critical-incident call-out*: \""
                        + label(incident)
                        + "\" — "
                        + involved
                        + (involved == 1 ? " person" : " people")
                        + " involved. Can you lead the peer follow-up? The first to say \"I'm on it\""
                        + " is told who is involved; if nobody answers within "
                        + minutes(within)
                        + ", the next peer is paged too.",
                List.of(),
                List.of(
                        new Button(
                                TAKE, "I'm on it", incident.id().toString(), Button.Style.PRIMARY),
                        new Button(CANT, "Can't", incident.id().toString(), Button.Style.DEFAULT)));
    }

    private static Message involvedMessage(
            Tx h, Agency agency, Incident incident, List<UUID> involved) {
        List<String> names = new ArrayList<>();
        for (UUID id : involved) {
            h.attach(Members.class)
                    .find(agency.id(), id)
                    .ifPresent(m -> names.add("<@" + m.platformUserId() + ">"));
        }
        return new Message(
                "You lead the peer follow-up of \""
                        + label(incident)
                        + "\". Involved: "
                        + (names.isEmpty() ? "nobody left on the roster" : String.join(", ", names))
                        + ". Reach out to each of them personally; their follow-up check-ins (+24 h,"
                        + " +72 h, +7 days) still go out. This list is only for you: it is not kept in"
                        + " this message's record. *Log a contact* here counts the person once for"
                        + " the incident's 72-hour / 7-day follow-up measure (never who).",
                List.of(),
                List.of(Button.of(IncidentLogs.LOG, "Log a contact", incident.id().toString())));
    }

    private static String label(Incident incident) {
        return incident.label() == null ? "(label removed)" : incident.label();
    }

    private static String minutes(Duration d) {
        long m = d.toMinutes();
        return m < 120 ? m + " minutes" : d.toHours() + " hours";
    }

    static OutboxKey pageKey(UUID incidentId, UUID peerId) {
        return OutboxKey.of(OutboxKind.CALL_OUT, incidentId, "page", peerId);
    }

    private static Optional<UUID> id(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
