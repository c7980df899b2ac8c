package org.tenfour.bot.checkin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.internal.Jackson;
import org.tenfour.bot.agency.AddressBook;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.inbound.Args;
import org.tenfour.bot.inbound.Audit;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Role;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.bot.inbound.UsageException;
import org.tenfour.bot.onboarding.Onboarding;
import org.tenfour.bot.outbox.OutboxKey;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.bot.words.Words;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.CheckIns;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.Peers;
import org.tenfour.storage.Store;
import org.tenfour.storage.Tx;

/**
 * Who is in the program: {@code roster}, {@code peers}, {@code coordinators} (coordinator channel
 * only).
 */
public final class RosterCommands implements Feature {
    private final Store store;
    private final Clock clock;
    private final Consumer<Agency> syncNow;
    private final Subcommand.Action directory;

    /**
     * @param syncNow asks the scheduler to sync the roster from its source and plan, soon
     * @param directory what a plain {@code /tenfour peers} shows anyone (the peer directory)
     */
    public RosterCommands(
            Store store, Clock clock, Consumer<Agency> syncNow, Subcommand.Action directory) {
        this.store = store;
        this.clock = clock;
        this.syncNow = syncNow;
        this.directory = Objects.requireNonNull(directory, "null directory");
    }

    @Override
    public Map<Subcommand, Subcommand.Action> subcommands() {
        return Map.ofEntries(
                Map.entry(Subcommand.ROSTER, this::roster),
                Map.entry(Subcommand.PEERS, this::peersOrDirectory),
                Map.entry(Subcommand.COORDINATORS, this::coordinators));
    }

    private Reply roster(Caller caller, Args args, String trigger) {
        String verb = args.word(0);
        Args rest = args.from(1);
        switch (verb) {
            case "add" -> {
                List<String> users = users(rest);
                store.useTransaction(
                        h -> {
                            for (String user : users) {
                                enroll(h, caller.agency(), user, clock.instant());
                            }
                            Audit.change(
                                    h,
                                    caller,
                                    "roster",
                                    null,
                                    "added " + mentions(users),
                                    clock.instant());
                        });
                return Reply.text(
                        "Added " + users.size() + " to the roster; each gets a private welcome.");
            }
            case "remove" -> {
                List<String> users = users(rest);
                store.useTransaction(
                        h -> {
                            for (String user : users) {
                                h.attach(Members.class)
                                        .findByPlatformUser(caller.agency().id(), user)
                                        .ifPresent(
                                                m -> {
                                                    h.attach(Members.class)
                                                            .setOnRoster(
                                                                    caller.agency().id(),
                                                                    m.id(),
                                                                    false);
                                                    h.attach(CheckIns.class)
                                                            .cancelScheduledForMember(
                                                                    caller.agency().id(), m.id());
                                                });
                            }
                            Audit.change(
                                    h,
                                    caller,
                                    "roster",
                                    null,
                                    "removed " + mentions(users),
                                    clock.instant());
                        });
                return Reply.text(
                        "Removed "
                                + users.size()
                                + " from the roster; their planned check-ins are cancelled.");
            }
            case "from" -> {
                String source =
                        rest.groupMentions().stream()
                                .map(id -> "<!subteam^" + id + ">")
                                .findFirst()
                                .or(
                                        () ->
                                                rest.channelMentions().stream()
                                                        .map(id -> "<#" + id + ">")
                                                        .findFirst())
                                .orElseThrow(
                                        () ->
                                                new UsageException(
                                                        "Name a user group (@group) or a channel (#channel)."));
                AgencySettings before = caller.settings();
                store.useTransaction(
                        h -> {
                            h.attach(Agencies.class)
                                    .setSettings(
                                            caller.agency().id(),
                                            before.withRosterSource(source).toJson());
                            Audit.change(
                                    h,
                                    caller,
                                    "roster source",
                                    before.rosterSource(),
                                    source,
                                    clock.instant());
                        });
                syncNow.accept(caller.agency());
                return Reply.text(
                        "The roster now follows " + source + " and is kept in sync; syncing now.");
            }
            case "tag" -> {
                String user =
                        rest.userMentions().stream()
                                .findFirst()
                                .orElseThrow(() -> new UsageException("Name the person to tag."));
                Map<String, String> tags = new LinkedHashMap<>();
                for (String word : rest.from(1).words()) {
                    int colon = word.indexOf(':');
                    if (colon <= 0) {
                        throw new UsageException(
                                "Tags look like unit:Engine-7 or supervisor:@name.");
                    }
                    String key = word.substring(0, colon).toLowerCase(Locale.ROOT);
                    String value = word.substring(colon + 1);
                    if (!key.equals("unit") && !key.equals("supervisor")) {
                        throw new UsageException("I know the tags unit: and supervisor:.");
                    }
                    tags.put(
                            key,
                            key.equals("supervisor")
                                    ? Args.userId(value)
                                            .orElseThrow(
                                                    () ->
                                                            new UsageException(
                                                                    "supervisor: needs an @mention."))
                                    : value);
                }
                store.useTransaction(
                        h -> {
                            Member m =
                                    h.attach(Members.class)
                                            .upsert(caller.agency().id(), user, null, null);
                            h.attach(Members.class).setTags(caller.agency().id(), m.id(), tags);
                            Audit.change(
                                    h,
                                    caller,
                                    "tags of <@" + user + ">",
                                    Jackson.text(m.tags()),
                                    Jackson.text(tags),
                                    clock.instant());
                        });
                return Reply.text(
                        "Tagged <@"
                                + user
                                + ">. Peers in the same unit or chain of command will not be matched with them.");
            }
            default ->
                    throw new UsageException(
                            "Say `roster add`, `roster remove`, `roster from` or `roster tag`.");
        }
    }

    /**
     * Everyone may look at the directory; only coordinators, in their channel, change the peer
     * team.
     */
    private Reply peersOrDirectory(Caller caller, Args args, String trigger) {
        if (!List.of("add", "remove").contains(args.word(0))) {
            return directory.run(caller, args, trigger);
        }
        if (!caller.is(Role.COORDINATOR)) {
            return Reply.text(caller.words().get("peers.coordinatorsOnly"));
        }
        if (!caller.inCoordinatorChannel()) {
            return Reply.text(
                    "`/tenfour peers add|remove` works in your agency's coordinator channel.");
        }
        return peers(caller, args);
    }

    private Reply peers(Caller caller, Args args) {
        boolean add = verb(args);
        List<String> users = users(args.from(1));
        store.useTransaction(
                h -> {
                    for (String user : users) {
                        Member m =
                                h.attach(Members.class)
                                        .upsert(caller.agency().id(), user, null, null);
                        if (add) {
                            h.attach(Peers.class).add(caller.agency().id(), m.id());
                            Onboarding.begin(h, caller.agency(), m, clock.instant());
                        } else {
                            h.attach(Peers.class).retire(caller.agency().id(), m.id());
                        }
                    }
                    Audit.change(
                            h,
                            caller,
                            "peers",
                            null,
                            (add ? "added " : "removed ") + mentions(users),
                            clock.instant());
                });
        return Reply.text(
                (add ? "Added " : "Removed ")
                        + users.size()
                        + (add ? " peer supporter(s)." : " from the peer team."));
    }

    private Reply coordinators(Caller caller, Args args, String trigger) {
        boolean add = verb(args);
        List<String> users = users(args.from(1));
        if (!add
                && users.contains(caller.member().platformUserId())
                && store.repo(Members.class).list(caller.agency().id()).stream()
                                .filter(Member::isCoordinator)
                                .count()
                        <= 1) {
            throw new UsageException(
                    "You are the last coordinator; add another before removing yourself.");
        }
        store.useTransaction(
                h -> {
                    for (String user : users) {
                        Member m =
                                h.attach(Members.class)
                                        .upsert(caller.agency().id(), user, null, null);
                        h.attach(Members.class).setCoordinator(caller.agency().id(), m.id(), add);
                    }
                    Audit.change(
                            h,
                            caller,
                            "coordinators",
                            null,
                            (add ? "added " : "removed ") + mentions(users),
                            clock.instant());
                });
        return Reply.text((add ? "Added " : "Removed ") + users.size() + " coordinator(s).");
    }

    private static boolean verb(Args args) {
        return switch (args.word(0)) {
            case "add" -> true;
            case "remove" -> false;
            default -> throw new UsageException("Say add or remove, then @mention people.");
        };
    }

    private static List<String> users(Args args) {
        List<String> users = new ArrayList<>(new LinkedHashSet<>(args.userMentions()));
        if (users.isEmpty()) {
            throw new UsageException("@mention at least one person.");
        }
        return users;
    }

    private static String mentions(List<String> users) {
        return String.join(" ", users.stream().map(u -> "<@" + u + ">").toList());
    }

    /**
     * A roster member's own install of the app (Teams: the app added in their personal scope, by
     * them, an admin or TenFour through Graph) brings the welcome they could not be sent before.
     */
    @Override
    public InstallAction installs() {
        return (caller, event) -> {
            if (event.conversation() == null || event.conversation().kind() != Address.Kind.USER) {
                return;
            }
            Instant now = clock.instant();
            store.useTransaction(
                    h ->
                            h.attach(Members.class)
                                    .find(caller.agency().id(), caller.member().id())
                                    .ifPresent(
                                            m -> welcomeAgainIfLost(h, caller.agency(), m, now)));
        };
    }

    /**
     * Queues the member's welcome once more when the first could not be delivered (they could not
     * be reached then, such as a Teams member without the app); true when it was queued. At most
     * once, however often it is asked: the second welcome has a key of its own.
     */
    public static boolean welcomeAgainIfLost(Tx h, Agency agency, Member m, Instant now) {
        if (!m.onRoster() || m.welcomedAt() == null) {
            return false;
        }
        Outgoing outgoing = Outgoing.on(h, agency.id());
        OutboxKey first = OutboxKey.of(OutboxKind.WELCOME, null, m.id());
        boolean lost = outgoing.find(first).map(e -> "dead".equals(e.state())).orElse(false);
        if (!lost) {
            return false; // delivered, still on its way, or long purged: never a second welcome
        }
        Agency fresh = h.attach(Agencies.class).find(agency.id()).orElse(agency);
        return outgoing.send(
                first.then("reached"),
                AddressBook.member(h, fresh, m),
                CheckInMessages.welcome(AgencySettings.fromJson(fresh.settingsJson()), Words.of(m)),
                now);
    }

    /** Puts a person on the roster and, the first time, sends the private welcome. */
    static void enroll(Tx h, Agency agency, String platformUserId, Instant now) {
        Members members = h.attach(Members.class);
        Member m = members.upsert(agency.id(), platformUserId, null, null);
        members.setOnRoster(agency.id(), m.id(), true);
        if (members.markWelcomed(agency.id(), m.id(), now) == 1) {
            Agency fresh = h.attach(Agencies.class).find(agency.id()).orElse(agency);
            Outgoing.on(h, agency.id())
                    .send(
                            OutboxKey.of(OutboxKind.WELCOME, null, m.id()),
                            AddressBook.member(h, fresh, m),
                            CheckInMessages.welcome(
                                    AgencySettings.fromJson(fresh.settingsJson()), Words.of(m)),
                            now);
        }
    }
}
