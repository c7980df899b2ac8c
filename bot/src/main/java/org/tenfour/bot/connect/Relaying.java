package org.tenfour.bot.connect;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.agency.Platforms;
import org.tenfour.bot.inbound.Args;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Help;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.bot.outbox.OutboxKey;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.bot.words.Words;
import org.tenfour.storage.ConnectionRequest;
import org.tenfour.storage.ConnectionRequests;
import org.tenfour.storage.Members;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.Relay;
import org.tenfour.storage.Relays;
import org.tenfour.storage.RequestState;
import org.tenfour.storage.Store;
import org.tenfour.storage.Tx;

/**
 * The relay between a member and a peer: what one writes to the bot in their DM is sent on to the
 * other, labelled, straight through the platform — deliberately not through the outbox, which would
 * store the text. The routing lives in PostgreSQL. Either side ends it ({@code /tenfour end} or the
 * button); the member may reveal their name ({@code /tenfour reveal}).
 */
final class Relaying implements Feature {
    private static final Logger log = LoggerFactory.getLogger(Relaying.class);

    /** Alone in a Teams chat message during a relay, these still act instead of being relayed. */
    private static final Set<Subcommand> CONTROLS = Set.of(Subcommand.END, Subcommand.REVEAL);

    private final Store store;
    private final Clock clock;
    private final Platforms platforms;
    private final Executor sender;

    /**
     * @param sender where relayed messages are sent from (not the inbound thread: Slack wants its
     *     ack)
     */
    Relaying(Store store, Clock clock, Platforms platforms, Executor sender) {
        this.store = store;
        this.clock = clock;
        this.platforms = platforms;
        this.sender = sender;
    }

    @Override
    public Map<Subcommand, Subcommand.Action> subcommands() {
        return Map.ofEntries(
                Map.entry(Subcommand.END, (c, a, t) -> end(c, Optional.empty())),
                Map.entry(Subcommand.REVEAL, this::reveal));
    }

    @Override
    public Map<String, ButtonAction> buttons() {
        return Map.of(ConnectMessages.END, (c, e) -> end(c, OfferButtons.id(e.value())));
    }

    @Override
    public DirectMessageAction directMessages() {
        return new DirectMessageAction() {
            @Override
            public Reply run(Caller caller, InboundEvent.DirectMessage event) {
                return relay(caller, event);
            }

            @Override
            public boolean inConversation(Caller caller) {
                return store.repo(Relays.class)
                        .forPerson(People.key(caller.actor().address()))
                        .isPresent();
            }

            @Override
            public Set<Subcommand> controls() {
                return CONTROLS;
            }
        };
    }

    private Reply relay(Caller caller, InboundEvent.DirectMessage dm) {
        String key = People.key(caller.actor().address());
        Optional<Relay> relay = store.repo(Relays.class).forPerson(key);
        if (relay.isEmpty()) {
            return Help.notReading(caller);
        }
        Relay r = relay.get();
        boolean fromMember = r.memberKey().equals(key);
        Address to = People.address(fromMember ? r.peerAddressJson() : r.memberAddressJson());
        Message message =
                ConnectMessages.relayed(fromMember ? r.memberLabel() : r.peerLabel(), dm.text());
        sender.execute(() -> deliver(r, to, message, caller));
        return Reply.none();
    }

    private void deliver(Relay r, Address to, Message message, Caller from) {
        try {
            platforms
                    .get(to.platform())
                    .orElseThrow(
                            () ->
                                    new IllegalStateException(
                                            "platform not configured: " + to.platform()))
                    .send(to, message);
        } catch (RuntimeException e) {
            log.warn(
                    "connect: relayed message for request {} not delivered: {}",
                    r.requestId(),
                    e.getClass().getSimpleName());
            store.useTransaction(
                    h ->
                            Outgoing.on(h, from.agency().id())
                                    .send(
                                            OutboxKey.unique(OutboxKind.CONNECT, r.requestId()),
                                            from.where() != null
                                                    ? from.where()
                                                    : from.actor().address(),
                                            Message.text(from.words().get("relay.notPassedOn")),
                                            clock.instant()));
        }
    }

    /**
     * Ends the caller's relay, or withdraws their open request; {@code requestId} from a button.
     */
    private Reply end(Caller caller, Optional<UUID> requestId) {
        Instant now = clock.instant();
        Optional<Relay> relay =
                store.repo(Relays.class)
                        .forPerson(People.key(caller.actor().address()))
                        .filter(r -> requestId.isEmpty() || requestId.get().equals(r.requestId()));
        if (relay.isPresent()) {
            Relay r = relay.get();
            boolean byMember = r.memberKey().equals(People.key(caller.actor().address()));
            store.useTransaction(
                    h -> {
                        if (!h.attach(Relays.class).end(r.agencyId(), r.requestId())) {
                            return;
                        }
                        h.attach(ConnectionRequests.class).close(r.agencyId(), r.requestId(), now);
                        ConnectionRequest req = request(h, r);
                        // the buttons that belonged to the conversation leave both screens
                        Offers.replaceDelivered(
                                h,
                                req.peerAgencyId() == null ? r.agencyId() : req.peerAgencyId(),
                                OfferButtons.acceptedKey(r.requestId()),
                                People.address(r.peerAddressJson()),
                                ConnectMessages.endedToPeer(req),
                                now);
                        Offers.replaceDelivered(
                                h,
                                r.agencyId(),
                                Introductions.relayMemberKey(r.requestId()),
                                People.address(r.memberAddressJson()),
                                ConnectMessages.endedToMember(memberWords(h, req)),
                                now);
                        Address other =
                                People.address(
                                        byMember ? r.peerAddressJson() : r.memberAddressJson());
                        UUID otherAgency = byMember ? req.peerAgencyId() : r.agencyId();
                        Outgoing.on(h, otherAgency == null ? r.agencyId() : otherAgency)
                                .send(
                                        OutboxKey.of(OutboxKind.CONNECT, r.requestId(), "ended"),
                                        other,
                                        Message.text(
                                                byMember
                                                        ? r.memberLabel()
                                                                + " ended the conversation. Thank"
                                                                + " you for being there."
                                                        : memberWords(h, req)
                                                                .get(
                                                                        "relay.peerEnded",
                                                                        r.peerLabel())),
                                        now);
                    });
            log.info("connect: relay for request {} ended", r.requestId());
            return Reply.text(
                    byMember
                            ? caller.words().get("relay.youEnded")
                            : "The conversation is ended; nothing of it was kept. Thank you for"
                                    + " being there.");
        }
        Optional<ConnectionRequest> open =
                store.repo(ConnectionRequests.class)
                        .openFor(caller.agency().id(), caller.member().id())
                        .filter(r -> requestId.isEmpty() || requestId.get().equals(r.id()));
        if (open.isPresent()) {
            ConnectionRequest r = open.get();
            store.useTransaction(
                    h -> {
                        if (!h.attach(ConnectionRequests.class).close(r.agencyId(), r.id(), now)) {
                            return;
                        }
                        if (r.state() == RequestState.OFFERED) {
                            Offers.closeOfferMessage(
                                    h, r, "The member withdrew this request.", now);
                        } else if (r.state() == RequestState.ESCALATED) {
                            Offers.closePages(
                                    h,
                                    r,
                                    null,
                                    "the member withdrew it — nothing more to do.",
                                    now);
                        }
                    });
            return Reply.text(caller.words().get("relay.withdrawn"));
        }
        return Reply.text(
                caller.words()
                        .get(requestId.isPresent() ? "relay.alreadyEnded" : "relay.nothingOpen"));
    }

    /** The words of the member of a relayed request (English when they are gone). */
    private static Words memberWords(Tx h, ConnectionRequest req) {
        return Words.of(h.attach(Members.class).find(req.agencyId(), req.memberId()).orElse(null));
    }

    private static ConnectionRequest request(Tx h, Relay r) {
        return h.attach(ConnectionRequests.class).find(r.agencyId(), r.requestId()).orElseThrow();
    }

    private Reply reveal(Caller caller, Args args, String trigger) {
        String key = People.key(caller.actor().address());
        Optional<Relay> relay =
                store.repo(Relays.class).forPerson(key).filter(r -> r.memberKey().equals(key));
        if (relay.isEmpty()) {
            return Reply.text(caller.words().get("relay.notInRelay"));
        }
        Relay r = relay.get();
        String name =
                caller.member().displayName() != null
                        ? caller.member().displayName()
                        : platforms
                                .profile(caller.actor().address())
                                .map(p -> p.displayName())
                                .orElse(null);
        if (name == null || name.isBlank()) {
            return Reply.text(caller.words().get("relay.noName"));
        }
        Instant now = clock.instant();
        store.useTransaction(
                h -> {
                    h.attach(Relays.class).relabelMember(r.agencyId(), r.requestId(), name);
                    h.attach(ConnectionRequests.class).shareName(r.agencyId(), r.requestId());
                    if (caller.member().displayName() == null) {
                        h.attach(Members.class)
                                .upsert(
                                        caller.agency().id(),
                                        caller.member().platformUserId(),
                                        name,
                                        null);
                    }
                    ConnectionRequest req = request(h, r);
                    Outgoing.on(h, req.peerAgencyId() == null ? r.agencyId() : req.peerAgencyId())
                            .send(
                                    OutboxKey.of(OutboxKind.CONNECT, r.requestId(), "revealed"),
                                    People.address(r.peerAddressJson()),
                                    Message.text(
                                            "The member you are talking with shared their name: *"
                                                    + name
                                                    + "*."),
                                    now);
                });
        return Reply.text(caller.words().get("relay.revealed", name));
    }
}
