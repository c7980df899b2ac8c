package org.tenfour.bot.inbound;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Actor;
import org.tenfour.adapters.Address;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.InboundHandler;
import org.tenfour.adapters.InboundUnavailableException;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.Vocabulary;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.limits.CommandRate;
import org.tenfour.bot.limits.LimitNotices;
import org.tenfour.bot.words.Language;
import org.tenfour.bot.words.Words;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Database;
import org.tenfour.storage.Failures;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.Peers;
import org.tenfour.storage.Store;

/**
 * The product's {@link InboundHandler}: resolves the agency (one per workspace or tenant) and the
 * caller, checks roles, and routes to the feature that owns the command, button or form. Slack,
 * Teams and the sandbox all come through here, so authorisation cannot differ between them.
 */
public final class Inbound implements InboundHandler {
    private static final Logger log = LoggerFactory.getLogger(Inbound.class);

    private final Store store;
    private final Map<Subcommand, Subcommand.Action> subcommands = new EnumMap<>(Subcommand.class);
    private final Map<String, Feature.ButtonAction> buttons = new HashMap<>();
    private final Map<String, Feature.FormAction> forms = new HashMap<>();
    private final Help help;
    private Feature.HomeAction home;
    private Feature.DirectMessageAction directMessages;
    private final List<Feature.InstallAction> installs = new ArrayList<>();
    // on-demand proxies are thread-safe and costly to build: one each, not one per request
    private final Agencies agencies;
    private final Members members;
    private final Peers peers;
    private final KnownCallers known;
    private final CommandRate rate;

    /** A router that reads who is who from the database on every request. */
    public Inbound(Store store, List<Feature> features) {
        this(store, features, () -> false);
    }

    /**
     * A router that remembers who is who between requests while {@code directoryWatched} says the
     * database's change notifications are being heard (see {@link KnownCallers}).
     */
    public Inbound(Store store, List<Feature> features, BooleanSupplier directoryWatched) {
        this(store, features, directoryWatched, CommandRate.off());
    }

    /** The same router, answering a person over {@code rate}'s limit politely instead. */
    public Inbound(
            Store store,
            List<Feature> features,
            BooleanSupplier directoryWatched,
            CommandRate rate) {
        this.rate = rate;
        this.known = new KnownCallers(directoryWatched);
        this.store = store;
        this.agencies = store.repo(Agencies.class);
        this.members = store.repo(Members.class);
        this.peers = store.repo(Peers.class);
        for (Feature f : features) {
            f.subcommands().forEach((k, v) -> register(subcommands, k, v));
            f.buttons().forEach((k, v) -> register(buttons, k, v));
            f.forms().forEach((k, v) -> register(forms, k, v));
            if (f.installs() != null) {
                installs.add(f.installs());
            }
            if (f.directMessages() != null) {
                if (directMessages != null) {
                    throw new IllegalArgumentException("registered twice: direct messages");
                }
                directMessages = f.directMessages();
            }
            if (f.home() != null) {
                if (home != null) {
                    throw new IllegalArgumentException("registered twice: home");
                }
                home = f.home();
            }
        }
        register(subcommands, Subcommand.HELP, this::help);
        this.help = new Help(subcommands.keySet());
    }

    private Reply help(Caller caller, Args args, String triggerId) {
        return help.answer(caller, args);
    }

    private static <K, T> void register(Map<K, T> map, K key, T value) {
        if (map.putIfAbsent(key, value) != null) {
            throw new IllegalArgumentException("registered twice: " + key);
        }
    }

    @Override
    public Reply handle(InboundEvent event) {
        String ref = UUID.randomUUID().toString().substring(0, 8);
        try {
            return route(event);
        } catch (UsageException e) {
            return Reply.text(e.in(wordsOf(event)));
        } catch (RuntimeException e) {
            if (Database.isUnavailable(e)) {
                // 503: the platform (or person) retries; a "sorry" 200 would make Slack consider it
                // handled
                log.warn(
                        "inbound {} refused: database unreachable ref={}",
                        event.getClass().getSimpleName(),
                        ref);
                throw new InboundUnavailableException("database unreachable; retry shortly");
            }
            log.error(
                    "inbound {} failed ref={}: {}",
                    event.getClass().getSimpleName(),
                    ref,
                    Failures.describe(e));
            return Reply.text(wordsOf(event).get("inbound.failed", ref));
        }
    }

    /**
     * The words to answer {@code event}'s sender in after a failure: their language if who they are
     * can still be read, else their platform's, else English.
     */
    private Words wordsOf(InboundEvent event) {
        try {
            return caller(event.actor(), null).words();
        } catch (RuntimeException unreadable) {
            return Words.in(Language.fromLocale(event.actor().locale()).orElse(Language.EN));
        }
    }

    private Reply route(InboundEvent event) {
        if (event instanceof InboundEvent.Command c) {
            return command(c);
        }
        if (event instanceof InboundEvent.ButtonPressed b) {
            Feature.ButtonAction action = buttons.get(b.actionId());
            Caller caller = caller(b.actor(), b.where());
            return action == null
                    ? Reply.text(caller.words().get("inbound.buttonGone"))
                    : action.run(caller, b);
        }
        if (event instanceof InboundEvent.FormSubmitted f) {
            Feature.FormAction action = forms.get(f.formId());
            Caller caller = caller(f.actor(), null);
            return action == null
                    ? Reply.text(caller.words().get("inbound.formGone"))
                    : action.run(caller, f);
        }
        if (event instanceof InboundEvent.DirectMessage m) {
            Caller caller = caller(m.actor(), m.where());
            return directMessages == null ? help.notReading(caller) : directMessages.run(caller, m);
        }
        if (event instanceof InboundEvent.HomeOpened h) {
            return home == null
                    ? Reply.none()
                    : new Reply.Private(home.render(caller(h.actor(), null)));
        }
        if (event instanceof InboundEvent.MembershipChanged m
                && m.change() == InboundEvent.MembershipChanged.Change.BOT_INSTALLED
                && !m.actor().address().targetId().equals("USLACKBOT")) {
            installedBy(caller(m.actor(), null), m);
        }
        return Reply.none(); // other membership changes: Teams references are stored by the adapter
    }

    private Reply command(InboundEvent.Command c) {
        Caller caller = caller(c.actor(), c.where());
        if (conversation(caller, c)) {
            return directMessages.run(
                    caller, new InboundEvent.DirectMessage(c.actor(), c.asWritten(), c.where()));
        }
        Address who = c.actor().address();
        if (!rate.allow(who.platform().id() + '\n' + who.workspaceId() + '\n' + who.targetId())) {
            return slowDown(caller);
        }
        Args args = Args.parse(c.text());
        boolean talk = c.name().equals(Vocabulary.TALK_COMMAND);
        String word = talk ? Subcommand.TALK.word() : args.word(0);
        Args rest = talk ? args : args.from(1);
        Optional<Subcommand> known =
                Subcommand.of(word.isEmpty() ? Subcommand.HELP.word() : word)
                        .filter(subcommands::containsKey);
        if (known.isEmpty()) {
            return Reply.text(help.unknown(caller, args.raw(0), word));
        }
        Subcommand sub = known.get();
        if (!caller.is(sub.role())) {
            return Reply.text(caller.words().get("inbound.refusal." + sub.role().name()));
        }
        if (sub.coordinatorChannelOnly() && !caller.inCoordinatorChannel()) {
            return Reply.text(
                    "`"
                            + help.typed(caller, sub.word())
                            + "` works in your agency's coordinator channel"
                            + (caller.agency().coordinatorChannelId() == null
                                    ? " (set one up with `"
                                            + help.typed(caller, Subcommand.SETUP.word())
                                            + "` there)."
                                    : "."));
        }
        try {
            return subcommands.get(sub).run(caller, rest, c.triggerId());
        } catch (UsageException e) {
            // a translated problem gets a translated "Usage:"; the command words stay as they are
            Words words = e.translated() ? caller.words() : Words.in(Language.EN);
            return Reply.text(
                    e.in(words)
                            + "\n"
                            + words.get("inbound.usage", help.typed(caller, sub.usage())));
        }
    }

    /**
     * Whether a command that could also be conversation (a Teams chat message starting with a
     * command word) is conversation: during a relay, everything but an explicit command or a
     * message that is exactly a control word is passed on as written.
     */
    private boolean conversation(Caller caller, InboundEvent.Command c) {
        if (c.asWritten() == null || c.explicit() || directMessages == null) {
            return false;
        }
        if (!directMessages.inConversation(caller)) {
            return false;
        }
        Args args = Args.parse(c.text());
        boolean control =
                c.name().equals(Vocabulary.MAIN_COMMAND)
                        && args.size() == 1
                        && Subcommand.of(args.word(0))
                                .filter(directMessages.controls()::contains)
                                .isPresent();
        return !control;
    }

    /** Over the command rate: a polite word with the crisis lines; coordinators told, no name. */
    private Reply slowDown(Caller caller) {
        if (rate.firstTripToday(caller.agency().id())) {
            store.useTransaction(
                    h ->
                            LimitNotices.tripped(
                                    h,
                                    caller.agency(),
                                    LimitNotices.Limit.COMMANDS,
                                    "over " + rate.perMinute() + " a minute",
                                    rate.now()));
            log.info("command rate limit tripped in agency {}", caller.agency().id());
        }
        return new Reply.Private(
                new Message(
                        caller.words().get("inbound.slowDown"),
                        caller.words().crisisLines(caller.settings()),
                        List.of()));
    }

    /**
     * Tells the features who installed the app where; installing itself grants nothing lasting (see
     * {@code install.InstallGrants}).
     */
    private void installedBy(Caller caller, InboundEvent.MembershipChanged event) {
        for (Feature.InstallAction action : installs) {
            action.run(caller, event);
        }
    }

    /** Resolves the caller: their agency (created on first contact) and roster entry. */
    Caller caller(Actor actor, Address where) {
        Address who = actor.address();
        KnownCallers.Known known =
                this.known.get(
                        who.platform().id() + '\n' + who.workspaceId() + '\n' + who.targetId(),
                        () -> read(who));
        Agency agency = known.agency();
        Member member = known.member();
        if (member.unreachable()
                && members.markReachableByPlatformUser(agency.id(), who.targetId()) > 0) {
            // they wrote, pressed, or installed the app: TenFour can reach them again
            log.info("inbound: a member of agency {} is reachable again", agency.id());
        }
        String name = actor.displayName();
        if (name != null && !name.equals(member.displayName())) {
            renamed(agency, who, name);
        }
        Language language = Language.of(member);
        Optional<Language> shown = Language.fromLocale(actor.locale());
        if (!member.languageChosen() && shown.isPresent() && shown.get() != language) {
            language = shown.get();
            if (members.platformLanguage(agency.id(), member.id(), language.code()) > 0) {
                log.info("inbound: a member of agency {} shows a new language", agency.id());
            }
        }
        Set<Role> roles = EnumSet.of(Role.MEMBER);
        if (known.activePeer()) {
            roles.add(Role.PEER);
        }
        if (member.isCoordinator()) {
            roles.add(Role.COORDINATOR);
        }
        boolean inCoordinatorChannel =
                where != null
                        && where.kind() == Address.Kind.CHANNEL
                        && where.targetId().equals(agency.coordinatorChannelId());
        return new Caller(
                actor,
                agency,
                known.settings(),
                member,
                roles,
                where,
                inCoordinatorChannel,
                language);
    }

    /**
     * Teams sends the sender's name with every activity: a roster member's current one is kept.
     * Read afresh (a select, not an update: an update makes every replica forget this person)
     * because the cached entry may predate their joining the roster.
     */
    private void renamed(Agency agency, Address who, String name) {
        Member fresh = members.findByPlatformUser(agency.id(), who.targetId()).orElse(null);
        if (fresh != null
                && fresh.onRoster()
                && !name.equals(fresh.displayName())
                && members.renamed(agency.id(), fresh.id(), name) > 0) {
            log.info("inbound: a member of agency {} shows a new display name", agency.id());
        }
    }

    private KnownCallers.Known read(Address who) {
        Agency agency =
                agencies.findByWorkspace(who.platform().id(), who.workspaceId())
                        .orElseGet(
                                () ->
                                        agencies.upsert(
                                                who.platform().id(),
                                                who.workspaceId(),
                                                who.workspaceId()));
        Member member =
                members.findByPlatformUser(agency.id(), who.targetId())
                        .orElseGet(() -> members.upsert(agency.id(), who.targetId(), null, null));
        boolean activePeer =
                peers.find(agency.id(), member.id()).filter(p -> p.active()).isPresent();
        return new KnownCallers.Known(
                agency, AgencySettings.fromJson(agency.settingsJson()), member, activePeer);
    }
}
