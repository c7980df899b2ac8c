package org.tenfour.bot.connect;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.tenfour.adapters.Field;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.checkin.CheckInTalk;
import org.tenfour.bot.inbound.Args;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.bot.oncall.OnCall;
import org.tenfour.bot.resources.Category;
import org.tenfour.bot.resources.ResourceNotes;
import org.tenfour.bot.words.Words;
import org.tenfour.storage.Agency;
import org.tenfour.storage.CheckIn;
import org.tenfour.storage.CheckInKind;
import org.tenfour.storage.ConnectionRequest;
import org.tenfour.storage.ConnectionRequests;
import org.tenfour.storage.ContactPreference;
import org.tenfour.storage.Member;
import org.tenfour.storage.RequestScope;
import org.tenfour.storage.RequestSource;
import org.tenfour.storage.RequestState;
import org.tenfour.storage.Store;
import org.tenfour.storage.StoredWord;
import org.tenfour.storage.Tx;
import org.tenfour.storage.Urgency;

/**
 * Asking for a peer: {@code /peer} (Slack) or {@code talk} (Teams) opens a form — who, how soon,
 * how, whether to share one's name, an optional language and topic code — and its submission opens
 * a request and offers it to the first peer, in one transaction. A check-in's "I'd like to talk"
 * opens the same kind of request, preferring the check-in's peer.
 */
final class AskForPeer implements Feature, CheckInTalk {
    private final RequestLimit requests;
    static final String FORM = "connect.ask";

    private final Store store;
    private final Clock clock;

    AskForPeer(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.requests = new RequestLimit(store, clock);
    }

    @Override
    public Map<Subcommand, Subcommand.Action> subcommands() {
        return Map.ofEntries(Map.entry(Subcommand.TALK, this::ask));
    }

    @Override
    public Map<String, FormAction> forms() {
        return Map.of(FORM, this::submitted);
    }

    private Reply ask(Caller caller, Args args, String trigger) {
        Optional<Reply> limited = requests.check(caller);
        if (limited.isPresent()) {
            return limited.get();
        }
        Optional<ConnectionRequest> open =
                store.repo(ConnectionRequests.class)
                        .openFor(caller.agency().id(), caller.member().id());
        if (open.isPresent()) {
            return alreadyOpen(caller.words(), open.get());
        }
        Urgency urgency =
                args.words().stream()
                        .map(w -> StoredWord.parse(Urgency.class, w.toLowerCase(Locale.ROOT)))
                        .flatMap(Optional::stream)
                        .findFirst()
                        .orElse(Urgency.TODAY);
        return new Reply.ShowForm(form(caller, urgency));
    }

    /** What the member's open request means for them now: never a promise the bot won't keep. */
    private static Reply alreadyOpen(Words words, ConnectionRequest r) {
        String now =
                switch (r.state()) {
                    case RELAYING -> "talk.open.relaying";
                    case ESCALATED -> "talk.open.escalated";
                    case ACCEPTED -> "talk.open.accepted";
                    default -> "talk.open.offered";
                };
        return Reply.text(words.get("talk.open", words.get(now)));
    }

    private Form form(Caller caller, Urgency urgency) {
        Words w = caller.words();
        List<PeerDirectory.Entry> peers =
                store.withConnection(h -> PeerDirectory.entries(h, caller.agency())).stream()
                        .filter(e -> !e.member().id().equals(caller.member().id()))
                        .toList();
        List<Field.Option> who =
                new ArrayList<>(
                        List.of(
                                new Field.Option(
                                        RequestScope.INTERNAL.word(), w.get("talk.who.internal"))));
        if (peers.stream().anyMatch(e -> !e.agency().id().equals(caller.agency().id()))) {
            who.add(new Field.Option(RequestScope.PARTNER.word(), w.get("talk.who.partner")));
        }
        List<Field> fields = new ArrayList<>();
        fields.add(
                Field.choice("who", w.get("talk.who"), who, true)
                        .withInitial(List.of(RequestScope.INTERNAL.word())));
        if (!peers.isEmpty()) {
            fields.add(
                    Field.choice(
                            "peer",
                            w.get("talk.peer"),
                            peers.stream()
                                    .map(
                                            e ->
                                                    new Field.Option(
                                                            e.member().id().toString(),
                                                            e.label(caller.agency(), w)))
                                    .limit(100)
                                    .toList(),
                            false));
        }
        fields.add(
                Field.choice(
                                "urgency",
                                w.get("talk.urgency"),
                                List.of(
                                        new Field.Option(
                                                Urgency.NOW.word(), w.get("talk.urgency.now")),
                                        new Field.Option(
                                                Urgency.TODAY.word(), w.get("talk.urgency.today")),
                                        new Field.Option(
                                                Urgency.WEEK.word(), w.get("talk.urgency.week"))),
                                true)
                        .withInitial(List.of(urgency.word())));
        fields.add(
                Field.choice(
                                "contact",
                                w.get("talk.contact"),
                                List.of(
                                        new Field.Option(
                                                ContactPreference.CHAT.word(),
                                                w.get("talk.contact.chat")),
                                        new Field.Option(
                                                ContactPreference.PHONE.word(),
                                                w.get("talk.contact.phone")),
                                        new Field.Option(
                                                ContactPreference.IN_PERSON.word(),
                                                w.get("talk.contact.in_person"))),
                                true)
                        .withInitial(List.of(ContactPreference.CHAT.word())));
        fields.add(
                new Field(
                        "share_name",
                        w.get("talk.shareName"),
                        Field.Type.BOOLEAN,
                        List.of(),
                        false,
                        List.of()));
        TreeSet<String> languages = new TreeSet<>();
        peers.forEach(e -> languages.addAll(e.languages()));
        List<Field.Option> languageOptions =
                languages.stream()
                        // a form carries at most 150 options: 100 peers, the fixed choices
                        // and the first 30 languages
                        .filter(l -> !l.isBlank() && l.length() <= Field.Option.MAX_VALUE)
                        .limit(30)
                        .map(l -> new Field.Option(l, l))
                        .toList();
        if (!languageOptions.isEmpty()) {
            fields.add(Field.choice("language", w.get("talk.language"), languageOptions, false));
        }
        fields.add(Field.choice("topic", w.get("talk.topic"), Topics.options(w), false));
        return new Form(FORM, w.get("talk.form.title"), w.get("talk.form.submit"), fields, "");
    }

    private Reply submitted(Caller caller, InboundEvent.FormSubmitted f) {
        Optional<Urgency> urgency =
                StoredWord.parse(Urgency.class, one(f, "urgency").orElse(Urgency.TODAY.word()));
        Optional<ContactPreference> contact =
                StoredWord.parse(
                        ContactPreference.class,
                        one(f, "contact").orElse(ContactPreference.CHAT.word()));
        Optional<String> peer = one(f, "peer");
        Optional<RequestScope> scope =
                peer.isPresent()
                        ? Optional.of(RequestScope.NAMED)
                        : StoredWord.parse(
                                RequestScope.class,
                                one(f, "who").orElse(RequestScope.INTERNAL.word()));
        Map<String, String> errors = new HashMap<>();
        Words w = caller.words();
        if (urgency.isEmpty()) {
            errors.put("urgency", w.get("talk.error.urgency"));
        }
        if (contact.isEmpty()) {
            errors.put("contact", w.get("talk.error.contact"));
        }
        if (scope.isEmpty()) {
            errors.put("who", w.get("talk.error.who"));
        }
        UUID named = peer.flatMap(OfferButtons::id).orElse(null);
        if (peer.isPresent()
                && (named == null
                        || store
                                .withConnection(h -> PeerDirectory.entries(h, caller.agency()))
                                .stream()
                                .noneMatch(e -> e.member().id().equals(named)))) {
            errors.put("peer", w.get("talk.error.peer"));
        }
        String topic = one(f, "topic").filter(Topics.CODES::containsKey).orElse(null);
        if (!errors.isEmpty()) {
            return new Reply.FormErrors(form(caller, Urgency.TODAY), errors);
        }
        Optional<Reply> limited = requests.check(caller);
        if (limited.isPresent()) {
            return limited.get();
        }
        boolean share = one(f, "share_name").map("true"::equals).orElse(false);
        String language = one(f, "language").filter(l -> l.matches("[a-z]{2,3}")).orElse(null);
        Instant now = clock.instant();
        Optional<ConnectionRequest> r =
                store.inTransaction(
                        (Tx h) ->
                                open(
                                        h,
                                        caller.agency(),
                                        caller.member(),
                                        RequestSource.MEMBER,
                                        scope.orElseThrow(),
                                        urgency.orElseThrow(),
                                        contact.orElseThrow(),
                                        share,
                                        topic,
                                        named,
                                        language,
                                        now));
        if (r.isEmpty()) {
            return new Reply.FormAccepted(Message.text(w.get("talk.open.short")));
        }
        AgencySettings settings = caller.settings();
        return new Reply.FormAccepted(
                ResourceNotes.beneath(
                        r.get().state() == RequestState.ESCALATED
                                ? ConnectMessages.escalatedToMember(settings, r.get().attempts(), w)
                                : ConnectMessages.asked(r.get(), settings, w),
                        ResourceNotes.lines(
                                store, caller.agency().id(), Category.forTopic(topic), w)));
    }

    private static Optional<String> one(InboundEvent.FormSubmitted f, String field) {
        return Optional.ofNullable(f.values().get(field))
                .filter(v -> !v.isEmpty())
                .map(v -> v.get(0))
                .filter(v -> !v.isBlank());
    }

    /**
     * Opens a request and offers it; empty when the member already has one open. An urgent or
     * after-hours request that names no peer is offered to the on-call peer first.
     */
    static Optional<ConnectionRequest> open(
            Tx h,
            Agency agency,
            Member member,
            RequestSource source,
            RequestScope scope,
            Urgency urgency,
            ContactPreference contact,
            boolean share,
            String topic,
            UUID named,
            String language,
            Instant now) {
        UUID first =
                scope == RequestScope.NAMED
                        ? named
                        : OnCall.firstFor(h, agency, urgency == Urgency.NOW, now).orElse(named);
        return h.attach(ConnectionRequests.class)
                .open(
                        agency.id(),
                        member.id(),
                        source,
                        scope,
                        urgency,
                        contact,
                        share,
                        topic,
                        first,
                        language,
                        now)
                .map(r -> Offers.next(h, r, now));
    }

    @Override
    public String requested(Tx h, Agency agency, Member member, CheckIn checkIn, Instant now) {
        return fromCheckIn(h, agency, member, checkIn, false, now);
    }

    @Override
    public String requestedNow(Tx h, Agency agency, Member member, CheckIn checkIn, Instant now) {
        return fromCheckIn(h, agency, member, checkIn, true, now);
    }

    private String fromCheckIn(
            Tx h, Agency agency, Member member, CheckIn checkIn, boolean urgent, Instant now) {
        RequestSource source =
                checkIn.kind() == CheckInKind.REFERRAL
                        ? RequestSource.REFERRAL
                        : RequestSource.CHECK_IN;
        Optional<ConnectionRequest> r =
                open(
                        h,
                        agency,
                        member,
                        source,
                        RequestScope.INTERNAL,
                        urgent ? Urgency.NOW : Urgency.TODAY,
                        ContactPreference.CHAT,
                        false,
                        null,
                        checkIn.peerId(),
                        null,
                        now);
        Words words = Words.of(member);
        if (r.isEmpty()) {
            return words.get("checkin.requestOpen");
        }
        return words.get(
                r.get().state() == RequestState.ESCALATED
                        ? "checkin.escalated"
                        : urgent ? "checkin.peerAskedNow" : "checkin.peerAsked");
    }
}
