package org.tenfour.bot.connect;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.agency.AddressBook;
import org.tenfour.bot.agency.AgencyNames;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.outbox.OutboxKey;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.AuditLog;
import org.tenfour.storage.ConnectionRequest;
import org.tenfour.storage.ConnectionRequests;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.Relays;
import org.tenfour.storage.RequestState;
import org.tenfour.storage.Store;
import org.tenfour.storage.Tx;

/**
 * The buttons peers and coordinators press: Accept and Decline on an offer, "I'll take it" on a
 * page, Safety concern on an accepted request. Accepting is one conditional update on PostgreSQL,
 * so of two presses at once exactly one wins; the other's offer message is closed.
 */
final class OfferButtons implements Feature {
    private final Store store;
    private final Clock clock;
    private final Introductions introductions;

    OfferButtons(Store store, Clock clock, Introductions introductions) {
        this.store = store;
        this.clock = clock;
        this.introductions = introductions;
    }

    @Override
    public Map<String, ButtonAction> buttons() {
        return Map.of(
                ConnectMessages.ACCEPT,
                this::accept,
                ConnectMessages.DECLINE,
                this::decline,
                ConnectMessages.TAKE,
                this::take,
                ConnectMessages.SAFETY,
                this::safety);
    }

    static Optional<UUID> id(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Reply accept(Caller caller, InboundEvent.ButtonPressed e) {
        Optional<ConnectionRequest> seen =
                id(e.value())
                        .flatMap(
                                id ->
                                        store.repo(ConnectionRequests.class)
                                                .findOfferedTo(id, caller.member().id()));
        if (seen.isEmpty()) {
            return Reply.text("That request could not be found.");
        }
        if (busy(caller)) {
            return Reply.text(
                    "You are in a relayed conversation now. End it with `/tenfour end` before accepting "
                            + "another — or decline this one so the next peer is asked.");
        }
        Instant now = clock.instant();
        return store.inTransaction(
                (Tx h) -> {
                    Optional<ConnectionRequest> won =
                            h.attach(ConnectionRequests.class)
                                    .accept(seen.get().id(), caller.member().id(), now);
                    if (won.isEmpty()) {
                        return lost(h, caller, e, Offers.reload(h, seen.get()), now);
                    }
                    return connected(h, caller, e, won.get(), now);
                });
    }

    private Reply take(Caller caller, InboundEvent.ButtonPressed e) {
        if (!caller.member().isCoordinator()) {
            return Reply.text("Only the program's coordinators can take a request that way.");
        }
        Optional<UUID> id = id(e.value());
        if (id.isEmpty()
                || store.repo(ConnectionRequests.class)
                        .find(caller.agency().id(), id.get())
                        .isEmpty()) {
            return Reply.text("That request could not be found.");
        }
        if (busy(caller)) {
            return Reply.text(
                    "You are in a relayed conversation now. End it with `/tenfour end` first.");
        }
        Instant now = clock.instant();
        return store.inTransaction(
                (Tx h) -> {
                    Optional<ConnectionRequest> won =
                            h.attach(ConnectionRequests.class)
                                    .take(
                                            caller.agency().id(),
                                            id.get(),
                                            caller.member().id(),
                                            now);
                    if (won.isEmpty()) {
                        ConnectionRequest r =
                                h.attach(ConnectionRequests.class)
                                        .find(caller.agency().id(), id.get())
                                        .orElseThrow();
                        return lost(h, caller, e, r, now);
                    }
                    Offers.closePages(
                            h,
                            won.get(),
                            caller.member().id(),
                            "another coordinator took it — nothing more to do.",
                            now);
                    return connected(h, caller, e, won.get(), now);
                });
    }

    private Reply connected(
            Tx h, Caller caller, InboundEvent.ButtonPressed e, ConnectionRequest r, Instant now) {
        Introductions.Outcome outcome = introductions.connect(h, r, now);
        Message accepted = ConnectMessages.accepted(r, outcome.how(), outcome.relay());
        Outgoing out = Outgoing.on(h, caller.agency().id());
        if (e.message() != null && e.where() != null) {
            out.update(acceptedKey(r.id()), e.where(), e.message(), accepted, now);
        } else {
            out.send(
                    acceptedKey(r.id()),
                    AddressBook.member(h, caller.agency(), caller.member()),
                    accepted,
                    now);
        }
        return Reply.none();
    }

    /**
     * The key of the accepting peer's message with the conversation's buttons (Safety concern, End,
     * Log): an update of their offer when they accepted from it.
     */
    static OutboxKey acceptedKey(UUID requestId) {
        return OutboxKey.of(OutboxKind.CONNECT, requestId, "accepted");
    }

    private Reply lost(
            Tx h, Caller caller, InboundEvent.ButtonPressed e, ConnectionRequest r, Instant now) {
        String outcome;
        if (caller.member().id().equals(r.currentPeerId()) && r.acceptedAt() != null) {
            outcome = "You already accepted this request.";
        } else if ((r.acceptedAt() == null
                        && EnumSet.of(RequestState.CLOSED, RequestState.ESCALATED)
                                .contains(r.state()))
                || (r.acceptedAt() == null && r.state() == RequestState.OFFERED)) {
            outcome =
                    r.state() == RequestState.CLOSED
                            ? "The member withdrew this request — nothing more to do."
                            : "This request has moved on to someone else — thank you for being ready.";
        } else {
            outcome = "Someone already took this request — thank you for being ready.";
        }
        if (e.message() != null && e.where() != null) {
            Outgoing.on(h, caller.agency().id())
                    .update(
                            OutboxKey.unique(OutboxKind.CONNECT, r.id()),
                            e.where(),
                            e.message(),
                            Message.text("Request " + People.ref(r.id()) + ": " + outcome),
                            now);
        }
        return Reply.text(outcome);
    }

    private boolean busy(Caller caller) {
        return store.repo(Relays.class).busy(People.key(caller.actor().address()));
    }

    private Reply decline(Caller caller, InboundEvent.ButtonPressed e) {
        Optional<ConnectionRequest> seen =
                id(e.value())
                        .flatMap(
                                id ->
                                        store.repo(ConnectionRequests.class)
                                                .findOfferedTo(id, caller.member().id()));
        if (seen.isEmpty()) {
            return Reply.text("That request could not be found.");
        }
        Instant now = clock.instant();
        boolean released =
                store.inTransaction(
                        (Tx h) ->
                                Offers.release(
                                        h,
                                        Offers.reload(h, seen.get()),
                                        caller.member().id(),
                                        "You declined; another peer is being asked. Thank you.",
                                        now));
        return Reply.text(
                released
                        ? "Thank you — another peer is being asked."
                        : "This request has already moved on.");
    }

    private Reply safety(Caller caller, InboundEvent.ButtonPressed e) {
        Optional<ConnectionRequest> found =
                id(e.value())
                        .flatMap(
                                id ->
                                        store.repo(ConnectionRequests.class)
                                                .findOfferedTo(id, caller.member().id()))
                        .filter(
                                r ->
                                        caller.member().id().equals(r.currentPeerId())
                                                && r.acceptedAt() != null);
        AgencySettings own = caller.settings();
        if (found.isPresent() && found.get().state() == RequestState.CLOSED) {
            return new Reply.Private(
                    new Message(
                            "This conversation has ended, so nobody was paged. If you still believe someone "
                                    + "is at risk, contact your coordinators directly — or, if someone is in danger now, "
                                    + "call the emergency number.",
                            own.crisisLines(),
                            List.of()));
        }
        if (found.isEmpty()) {
            return new Reply.Private(
                    new Message(
                            "That request is not one you accepted, or it was closed long ago. "
                                    + "If someone is in danger now, call the emergency number.",
                            own.crisisLines(),
                            List.of()));
        }
        ConnectionRequest r = found.get();
        Instant now = clock.instant();
        return store.inTransaction(
                (Tx h) -> {
                    Agency agency = h.attach(Agencies.class).find(r.agencyId()).orElseThrow();
                    AgencySettings settings = AgencySettings.fromJson(agency.settingsJson());
                    List<Member> coordinators = h.attach(Members.class).coordinators(agency.id());
                    boolean samePlatform = agency.platform().equals(caller.agency().platform());
                    String contact =
                            People.name(caller.member())
                                    + (agency.id().equals(caller.agency().id())
                                            ? ""
                                            : " of " + AgencyNames.shownTo(caller.agency(), agency))
                                    + (samePlatform
                                            ? " (<@" + caller.member().platformUserId() + ">)"
                                            : "");
                    Message page =
                            new Message(
                                    "*Safety concern* on peer-support request "
                                            + People.ref(r.id())
                                            + " ("
                                            + AgencyNames.own(agency)
                                            + "). The peer who took it believes someone may be at risk. Please contact the peer: "
                                            + contact
                                            + ". They will tell you what you need to know.",
                                    List.of(settings.confidentialityPolicy()),
                                    List.of());
                    Outgoing out = Outgoing.on(h, agency.id());
                    for (Member c : coordinators) {
                        out.send(
                                OutboxKey.unique(OutboxKind.CONNECT, r.id()),
                                AddressBook.member(h, agency, c),
                                page,
                                now);
                    }
                    h.attach(AuditLog.class)
                            .record(
                                    agency.id(),
                                    caller.member().platformUserId(),
                                    "safety concern",
                                    null,
                                    "request " + People.ref(r.id()),
                                    now);
                    String text =
                            coordinators.isEmpty()
                                    ? "No coordinator is set up to receive this. If someone is in immediate danger, call the emergency number now."
                                    : "The coordinators have been asked to contact you; they were told only the request reference and who you are. "
                                            + "If someone is in immediate danger, call the emergency number now.";
                    ArrayList<String> notes = new ArrayList<>(settings.crisisLines());
                    notes.add(settings.confidentialityPolicy());
                    return new Reply.Private(new Message(text, notes, List.of()));
                });
    }
}
