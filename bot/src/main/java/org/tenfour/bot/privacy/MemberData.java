package org.tenfour.bot.privacy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.internal.Jackson;
import org.tenfour.bot.agency.Promises.Stored;
import org.tenfour.bot.checkin.Windows;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.bot.log.ReminderTags;
import org.tenfour.bot.words.Language;
import org.tenfour.bot.words.Words;
import org.tenfour.storage.CheckIn;
import org.tenfour.storage.CheckIns;
import org.tenfour.storage.ConnectionRequest;
import org.tenfour.storage.ConnectionRequests;
import org.tenfour.storage.Member;
import org.tenfour.storage.MemberErasure;
import org.tenfour.storage.Store;
import org.tenfour.storage.Tx;

/**
 * {@code /tenfour mydata} shows a member everything TenFour stores about them; {@code /tenfour
 * forgetme} deletes it after a confirmation and removes them from the roster. Coded interaction
 * logs are untouched: they are not linked to anyone, so there is nothing of theirs in them to show
 * or erase.
 */
public final class MemberData implements Feature {
    static final String CONFIRM = "privacy.forget";
    static final String CANCEL = "privacy.keep";
    private static final Logger log = LoggerFactory.getLogger(MemberData.class);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    private final Store store;
    private final Clock clock;

    public MemberData(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Map<Subcommand, Subcommand.Action> subcommands() {
        return Map.ofEntries(
                Map.entry(Subcommand.MYDATA, (c, a, t) -> show(c)),
                Map.entry(Subcommand.FORGETME, (c, a, t) -> confirm(c)));
    }

    @Override
    public Map<String, ButtonAction> buttons() {
        return Map.of(
                CONFIRM,
                this::forget,
                CANCEL,
                (c, e) -> Reply.text(c.words().get("forgetme.kept")));
    }

    private Reply show(Caller caller) {
        Member m = caller.member();
        Words w = caller.words();
        DateTimeFormatter day = DAY.withLocale(w.language().locale());
        ZoneId zone = Windows.zone(caller.agency(), m);
        List<String> lines = new ArrayList<>();
        lines.add(w.get("mydata.title", w.agency(caller.agency(), caller.agency())));
        lines.add(item(w, Stored.PLATFORM_ID, m.platformUserId()));
        lines.add(
                item(
                        w,
                        Stored.PROFILE,
                        orNone(w, m.displayName())
                                + ", "
                                + orNone(w, m.timeZone())
                                + ", "
                                + Language.of(m).selfName()
                                + (m.languageChosen() ? w.get("mydata.yourChoice") : "")));
        lines.add(
                item(
                        w,
                        Stored.ROSTER,
                        w.get(m.onRoster() ? "mydata.onRoster" : "mydata.offRoster")
                                + w.get(m.optedOut() ? "mydata.checkInsOff" : "mydata.checkInsOn")
                                + (m.snoozedUntil() != null
                                                && m.snoozedUntil().isAfter(clock.instant())
                                        ? w.get(
                                                "mydata.paused",
                                                day.format(m.snoozedUntil().atZone(zone)))
                                        : "")));
        lines.add(
                item(
                        w,
                        Stored.PREFERRED_TIME,
                        m.windowStart() == null
                                ? w.get("mydata.agencyHours")
                                : m.windowStart()
                                        + "-"
                                        + m.windowEnd()
                                        + " "
                                        + orNone(
                                                w,
                                                m.windowDays().isEmpty()
                                                        ? null
                                                        : m.windowDays().stream()
                                                                .sorted()
                                                                .map(DayOfWeek::name)
                                                                .collect(
                                                                        Collectors.joining(",")))));
        lines.add(
                item(
                        w,
                        Stored.TAGS,
                        m.tags().isEmpty() ? w.get("mydata.none") : Jackson.text(m.tags())));
        lines.add(
                item(
                        w,
                        Stored.ROLES,
                        String.join(
                                ", ",
                                caller.roles().stream()
                                        .map(r -> r.name().toLowerCase(Locale.ROOT))
                                        .sorted()
                                        .toList())));
        lines.add(item(w, Stored.UNREACHABLE, w.get(m.unreachable() ? "mydata.yes" : "mydata.no")));
        List<CheckIn> checkIns = store.repo(CheckIns.class).forMember(caller.agency().id(), m.id());
        lines.add(item(w, Stored.CHECK_INS, checkIns.isEmpty() ? w.get("mydata.none") : ""));
        for (CheckIn c : checkIns) {
            lines.add(
                    "   – "
                            + day.format(c.dueAt().atZone(zone))
                            + ": "
                            + w.get("mydata.checkin." + c.state().word())
                            + (c.answer() == null
                                    ? ""
                                    : " (" + w.get("mydata.answer." + c.answer().word()) + ")"));
        }
        List<ConnectionRequest> requests =
                store.repo(ConnectionRequests.class).ofMember(caller.agency().id(), m.id());
        lines.add(item(w, Stored.REQUESTS, requests.isEmpty() ? w.get("mydata.none") : ""));
        requests.forEach(
                r ->
                        lines.add(
                                "   – "
                                        + day.format(r.createdAt().atZone(zone))
                                        + ": "
                                        + w.get("mydata.request." + r.state().word())
                                        + ", "
                                        + w.get("mydata.urgency." + r.urgency().word())));
        lines.add(w.get("stored.never"));
        lines.add(w.get("mydata.toDelete"));
        return new Reply.Private(Message.text(String.join("\n", lines)));
    }

    private static String item(Words w, Stored item, String value) {
        return "• " + w.stored(item) + ": " + value;
    }

    private static String orNone(Words w, String s) {
        return s == null || s.isBlank() ? w.get("mydata.none") : s;
    }

    private Reply confirm(Caller caller) {
        Words w = caller.words();
        return new Reply.Private(
                new Message(
                        w.get("forgetme.ask", w.agency(caller.agency(), caller.agency())),
                        List.of(),
                        List.of(
                                new Button(
                                        CONFIRM,
                                        w.get("forgetme.yes"),
                                        caller.member().id().toString(),
                                        Button.Style.DANGER),
                                Button.of(CANCEL, w.get("forgetme.keep"), ""))));
    }

    private Reply forget(Caller caller, InboundEvent.ButtonPressed event) {
        if (!event.value().equals(caller.member().id().toString())) {
            return Reply.text(caller.words().get("forgetme.notYours"));
        }
        store.useTransaction(h -> erase(h, caller));
        log.info("member data erased on request in agency {}", caller.agency().id());
        return Reply.text(caller.words().get("forgetme.done"));
    }

    /**
     * Deletes the member and everything that names them or was made from their ids: relays,
     * undelivered messages to or about them, every outbox row of their requests, their Teams
     * conversation reference, reminders owed to them as a peer, other members' supervisor tags and
     * incident labels that name them, their place in requests offered to them; audit entries keep
     * the change but lose the person. Delivered outbox rows keep no addressee or text, and their
     * keys are keyed hashes (see {@code data-inventory.csv}). The member row goes last; its
     * cascades take their check-ins and peer profile.
     */
    static void erase(Tx h, Caller caller) {
        UUID agency = caller.agency().id();
        Member m = caller.member();
        String user = m.platformUserId();
        String personKey =
                caller.actor().address().platform().id()
                        + ":"
                        + caller.actor().address().workspaceId()
                        + ":"
                        + user;
        String name =
                m.displayName() == null || m.displayName().strip().length() < 3
                        ? user
                        : m.displayName().strip();
        MemberErasure erase = h.attach(MemberErasure.class);
        erase.relays(agency, personKey);
        erase.outbox(agency, m.id(), user);
        erase.conversationRefs(agency, user);
        erase.reminders(agency, ReminderTags.peer(h, agency, m.id()));
        erase.tagsPointingAt(agency, user);
        erase.incidentLabels(agency, user, name);
        erase.requestsOffered(agency, m.id());
        erase.installations(agency, user);
        erase.audit(agency, user);
        erase.member(agency, m.id());
    }
}
