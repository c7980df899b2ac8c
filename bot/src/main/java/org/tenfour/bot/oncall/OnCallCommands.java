package org.tenfour.bot.oncall;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.agency.AddressBook;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.inbound.Args;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Role;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.bot.inbound.UsageException;
import org.tenfour.bot.outbox.OutboxKey;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.bot.words.Words;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.AuditLog;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.OnCallRota;
import org.tenfour.storage.OnCallRotas;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.Peers;
import org.tenfour.storage.Store;
import org.tenfour.storage.Tx;

/**
 * {@code /tenfour oncall}: anyone may ask who is on call now ({@code oncall now}, the name only);
 * coordinators, in their channel, keep the rota — peers in order, the weekly handoff, one-week
 * swaps and a last resort — and see the coming weeks.
 */
public final class OnCallCommands implements Feature {
    /** Weeks shown ahead by {@code oncall} and searched by {@code oncall swap}. */
    static final int WEEKS_AHEAD = 6;

    private final Store store;
    private final Clock clock;

    public OnCallCommands(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Map<Subcommand, Subcommand.Action> subcommands() {
        return Map.of(Subcommand.ONCALL, this::oncall);
    }

    private Reply oncall(Caller caller, Args args, String trigger) {
        String verb = args.word(0);
        if (verb.equals("now") || (verb.isEmpty() && !caller.is(Role.COORDINATOR))) {
            return now(caller);
        }
        if (!caller.is(Role.COORDINATOR)) {
            return Reply.text(caller.words().get("oncall.coordinatorsOnly"));
        }
        if (!caller.inCoordinatorChannel()) {
            return Reply.text(
                    "`/tenfour oncall` changes work in your agency's coordinator channel;"
                            + " `/tenfour oncall now` works anywhere.");
        }
        return switch (verb) {
            case "", "list" -> show(caller);
            case "add" -> add(caller, args.from(1));
            case "remove" -> remove(caller, args.from(1));
            case "swap" -> swap(caller, args.from(1));
            case "handoff" -> handoff(caller, args.from(1));
            case "last-resort" -> lastResort(caller, args.from(1));
            default -> throw new UsageException("I don't know `oncall " + args.raw(0) + "`.");
        };
    }

    private Reply now(Caller caller) {
        Instant now = clock.instant();
        Optional<OnCall.Shift> shift =
                store.withConnection(h -> OnCall.now(h, caller.agency(), now));
        Words words = caller.words();
        if (shift.isEmpty()) {
            return Reply.text(words.get("oncall.noRota"));
        }
        AgencySettings settings = AgencySettings.fromJson(caller.agency().settingsJson());
        if (shift.get().peer().isEmpty()) {
            return new Reply.Private(
                    new Message(
                            words.get("oncall.nobody"), words.crisisLines(settings), List.of()));
        }
        return Reply.text(
                words.get(
                        "oncall.now",
                        mention(shift.get().peer().get()),
                        RotaText.when(shift.get().week().until(), words.language())));
    }

    private Reply show(Caller caller) {
        Instant now = clock.instant();
        return store.inTransaction(
                h -> {
                    OnCallRota rota = rota(h, caller.agency(), now);
                    List<String> lines = new ArrayList<>();
                    lines.add(
                            "*On-call rota* — the week turns "
                                    + RotaText.handoff(rota)
                                    + " ("
                                    + OnCall.zone(caller.agency())
                                    + ").");
                    List<UUID> order = h.attach(OnCallRotas.class).peers(caller.agency().id());
                    lines.add(
                            order.isEmpty()
                                    ? "No peers on the rota yet: `/tenfour oncall add @peer …`."
                                    : "Order: "
                                            + String.join(", ", names(h, caller.agency(), order))
                                            + ".");
                    RotaWeek week = RotaWeek.at(rota, OnCall.zone(caller.agency()), now);
                    for (int i = 0; i < WEEKS_AHEAD; i++) {
                        // future weeks are judged by breaks known now
                        Instant at = i == 0 ? now : week.from().toInstant();
                        OnCall.Shift s = OnCall.shift(h, caller.agency(), rota, week, at);
                        lines.add(
                                "• "
                                        + RotaText.day(week.from())
                                        + ": "
                                        + s.peer().map(OnCallCommands::mention).orElse("*nobody*")
                                        + (i == 0 ? " (now)" : ""));
                        week = week.next(rota);
                    }
                    lines.add(
                            "Last resort: "
                                    + OnCall.lastResort(h, caller.agency())
                                            .map(OnCallCommands::mention)
                                            .orElse("none (`/tenfour oncall last-resort @person`)")
                                    + ".");
                    return Reply.text(String.join("\n", lines));
                });
    }

    private Reply add(Caller caller, Args args) {
        List<String> users = users(args);
        Instant now = clock.instant();
        return store.inTransaction(
                h -> {
                    rota(h, caller.agency(), now);
                    List<String> added = new ArrayList<>();
                    List<String> notPeers = new ArrayList<>();
                    for (String user : users) {
                        Optional<Member> m = peer(h, caller.agency(), user);
                        if (m.isEmpty()) {
                            notPeers.add("<@" + user + ">");
                        } else if (h.attach(OnCallRotas.class)
                                .addPeer(caller.agency().id(), m.get().id())) {
                            added.add("<@" + user + ">");
                        }
                    }
                    if (!added.isEmpty()) {
                        audit(h, caller, null, "added " + String.join(" ", added), now);
                    }
                    return Reply.text(
                            (added.isEmpty()
                                            ? "Nobody added to the on-call rota."
                                            : "Added to the on-call rota: "
                                                    + String.join(", ", added)
                                                    + ".")
                                    + (notPeers.isEmpty()
                                            ? ""
                                            : " Not peers (add them with `/tenfour peers add` first): "
                                                    + String.join(", ", notPeers)
                                                    + "."));
                });
    }

    private Reply remove(Caller caller, Args args) {
        List<String> users = users(args);
        Instant now = clock.instant();
        return store.inTransaction(
                h -> {
                    List<String> removed = new ArrayList<>();
                    for (String user : users) {
                        Optional<Member> m =
                                h.attach(Members.class)
                                        .findByPlatformUser(caller.agency().id(), user);
                        if (m.isPresent()
                                && h.attach(OnCallRotas.class)
                                        .removePeer(caller.agency().id(), m.get().id())) {
                            removed.add("<@" + user + ">");
                        }
                    }
                    if (removed.isEmpty()) {
                        return Reply.text("None of them is on the on-call rota.");
                    }
                    audit(h, caller, null, "removed " + String.join(" ", removed), now);
                    return Reply.text(
                            "Removed from the on-call rota: " + String.join(", ", removed) + ".");
                });
    }

    private Reply swap(Caller caller, Args args) {
        List<String> users = users(args);
        if (users.size() != 2) {
            throw new UsageException("@mention the two peers who swap a week.");
        }
        Instant now = clock.instant();
        return store.inTransaction(
                h -> {
                    OnCallRota rota = rota(h, caller.agency(), now);
                    Optional<Member> a = peer(h, caller.agency(), users.get(0));
                    Optional<Member> b = peer(h, caller.agency(), users.get(1));
                    if (a.isEmpty() || b.isEmpty()) {
                        throw new UsageException("Both must be peers of your agency.");
                    }
                    ZoneId zone = OnCall.zone(caller.agency());
                    Optional<RotaWeek> weekOfA =
                            nextWeekOf(h, caller.agency(), rota, zone, a.get(), now);
                    if (weekOfA.isEmpty()) {
                        throw new UsageException(
                                mention(a.get())
                                        + " has no on-call week in the next "
                                        + WEEKS_AHEAD
                                        + " weeks.");
                    }
                    Optional<RotaWeek> weekOfB =
                            nextWeekOf(h, caller.agency(), rota, zone, b.get(), now);
                    OnCallRotas rotas = h.attach(OnCallRotas.class);
                    rotas.setSwap(caller.agency().id(), weekOfA.get().start(), b.get().id());
                    String change =
                            mention(b.get())
                                    + " covers the week of "
                                    + RotaText.day(weekOfA.get().from());
                    if (weekOfB.isPresent()) {
                        rotas.setSwap(caller.agency().id(), weekOfB.get().start(), a.get().id());
                        change +=
                                ", "
                                        + mention(a.get())
                                        + " the week of "
                                        + RotaText.day(weekOfB.get().from());
                    }
                    audit(h, caller, null, "swap: " + change, now);
                    return Reply.text("On-call swap: " + change + ".");
                });
    }

    private static Optional<RotaWeek> nextWeekOf(
            Tx h, Agency agency, OnCallRota rota, ZoneId zone, Member peer, Instant now) {
        OnCallRotas rotas = h.attach(OnCallRotas.class);
        List<UUID> order = rotas.peers(agency.id());
        RotaWeek week = RotaWeek.at(rota, zone, now);
        Map<LocalDate, UUID> swaps = rotas.swaps(agency.id(), week.start());
        for (int i = 0; i < WEEKS_AHEAD; i++) {
            if (peer.id().equals(OnCall.scheduled(rota, order, swaps, week))) {
                return Optional.of(week);
            }
            week = week.next(rota);
        }
        return Optional.empty();
    }

    private Reply handoff(Caller caller, Args args) {
        DayOfWeek day =
                RotaText.dayOfWeek(args.word(0))
                        .orElseThrow(
                                () ->
                                        new UsageException(
                                                "Say the day of the handoff, e.g. `mon`."));
        LocalTime time;
        try {
            time = LocalTime.parse(args.word(1).isEmpty() ? "08:00" : args.word(1));
        } catch (DateTimeParseException e) {
            throw new UsageException("Say the time as HH:MM, e.g. `08:00`.");
        }
        Instant now = clock.instant();
        return store.inTransaction(
                h -> {
                    OnCallRota old = rota(h, caller.agency(), now);
                    ZoneId zone = OnCall.zone(caller.agency());
                    long index = RotaWeek.at(old, zone, now).index(old);
                    OnCallRota changed =
                            new OnCallRota(
                                    old.agencyId(),
                                    day.getValue(),
                                    time,
                                    old.anchorDate(),
                                    old.lastResortMemberId());
                    // keep whoever is on call in the current week on call in the new week
                    LocalDate start = RotaWeek.at(changed, zone, now).start();
                    h.attach(OnCallRotas.class)
                            .setHandoff(
                                    caller.agency().id(),
                                    day.getValue(),
                                    time,
                                    start.minusWeeks(index));
                    audit(
                            h,
                            caller,
                            RotaText.handoff(old),
                            "handoff " + RotaText.handoff(changed),
                            now);
                    return Reply.text(
                            "The on-call week now turns " + RotaText.handoff(changed) + ".");
                });
    }

    private Reply lastResort(Caller caller, Args args) {
        Instant now = clock.instant();
        List<String> users = args.userMentions();
        boolean none = args.word(0).equals("none");
        if (!none && users.size() != 1) {
            throw new UsageException("@mention one coordinator or director, or say `none`.");
        }
        return store.inTransaction(
                h -> {
                    rota(h, caller.agency(), now);
                    UUID id =
                            none
                                    ? null
                                    : h.attach(Members.class)
                                            .upsert(caller.agency().id(), users.get(0), null, null)
                                            .id();
                    h.attach(OnCallRotas.class).setLastResort(caller.agency().id(), id);
                    String who = none ? "none" : "<@" + users.get(0) + ">";
                    audit(h, caller, null, "last resort " + who, now);
                    return Reply.text(
                            none
                                    ? "The rota has no last resort now."
                                    : "Last resort: "
                                            + who
                                            + " is paged with the coordinators when an urgent or"
                                            + " after-hours request finds no peer, and told when a"
                                            + " week has no one on call.");
                });
    }

    /** The agency's rota, created (handoff Monday 08:00) on first use. */
    private static OnCallRota rota(Tx h, Agency agency, Instant now) {
        OnCallRotas rotas = h.attach(OnCallRotas.class);
        Optional<OnCallRota> rota = rotas.find(agency.id());
        if (rota.isPresent()) {
            return rota.get();
        }
        OnCallRota fresh =
                new OnCallRota(agency.id(), 1, LocalTime.of(8, 0), LocalDate.EPOCH, null);
        rotas.create(agency.id(), RotaWeek.at(fresh, OnCall.zone(agency), now).start());
        return rotas.find(agency.id()).orElseThrow();
    }

    private static Optional<Member> peer(Tx h, Agency agency, String user) {
        return h.attach(Members.class)
                .findByPlatformUser(agency.id(), user)
                .filter(
                        m ->
                                h.attach(Peers.class)
                                        .find(agency.id(), m.id())
                                        .filter(p -> p.active())
                                        .isPresent());
    }

    private static List<String> names(Tx h, Agency agency, List<UUID> ids) {
        List<String> out = new ArrayList<>();
        for (UUID id : ids) {
            h.attach(Members.class).find(agency.id(), id).ifPresent(m -> out.add(mention(m)));
        }
        return out;
    }

    static String mention(Member m) {
        return "<@" + m.platformUserId() + ">";
    }

    private static List<String> users(Args args) {
        List<String> users = new ArrayList<>(new LinkedHashSet<>(args.userMentions()));
        if (users.isEmpty()) {
            throw new UsageException("@mention at least one peer.");
        }
        return users;
    }

    /** Records a rota change (who, when, old → new) and echoes it in the coordinator channel. */
    private static void audit(Tx h, Caller caller, String oldValue, String newValue, Instant at) {
        h.attach(AuditLog.class)
                .record(
                        caller.agency().id(),
                        caller.member().platformUserId(),
                        "oncall",
                        oldValue,
                        newValue,
                        at);
        Agency agency = h.attach(Agencies.class).find(caller.agency().id()).orElseThrow();
        if (agency.coordinatorChannelId() != null) {
            Outgoing.on(h, agency.id())
                    .send(
                            OutboxKey.unique(OutboxKind.AUDIT, null),
                            AddressBook.channel(h, agency, agency.coordinatorChannelId()),
                            Message.text(
                                    mention(caller.member())
                                            + " changed *oncall*: "
                                            + newValue
                                            + "."),
                            at);
        }
    }
}
