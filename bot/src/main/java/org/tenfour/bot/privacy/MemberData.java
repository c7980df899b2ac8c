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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.agency.AgencyNames;
import org.tenfour.bot.agency.Promises;
import org.tenfour.bot.agency.Promises.Stored;
import org.tenfour.bot.checkin.Windows;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.bot.log.ReminderTags;
import org.tenfour.storage.CheckIn;
import org.tenfour.storage.CheckIns;
import org.tenfour.storage.ConnectionRequest;
import org.tenfour.storage.ConnectionRequests;
import org.tenfour.storage.Member;
import org.tenfour.storage.MemberErasure;

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

    private final Jdbi jdbi;
    private final Clock clock;

    public MemberData(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
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
        return Map.of(CONFIRM, this::forget, CANCEL, (c, e) -> Reply.text("Nothing was deleted."));
    }

    private Reply show(Caller caller) {
        Member m = caller.member();
        ZoneId zone = Windows.zone(caller.agency(), m);
        List<String> lines = new ArrayList<>();
        lines.add(
                "*What TenFour stores about you* (agency "
                        + AgencyNames.own(caller.agency())
                        + ")");
        lines.add("• " + Stored.PLATFORM_ID.label() + ": " + m.platformUserId());
        lines.add(
                "• "
                        + Stored.PROFILE.label()
                        + ": "
                        + orNone(m.displayName())
                        + ", "
                        + orNone(m.timeZone()));
        lines.add(
                "• "
                        + Stored.ROSTER.label()
                        + ": "
                        + (m.onRoster() ? "on the roster" : "not on the roster")
                        + "; check-ins "
                        + (m.optedOut() ? "off (opted out)" : "on")
                        + (m.snoozedUntil() != null && m.snoozedUntil().isAfter(clock.instant())
                                ? "; paused until " + DAY.format(m.snoozedUntil().atZone(zone))
                                : ""));
        lines.add(
                "• "
                        + Stored.PREFERRED_TIME.label()
                        + ": "
                        + (m.windowStart() == null
                                ? "none (agency hours)"
                                : m.windowStart()
                                        + "-"
                                        + m.windowEnd()
                                        + " "
                                        + orNone(
                                                m.windowDays().isEmpty()
                                                        ? null
                                                        : m.windowDays().stream()
                                                                .sorted()
                                                                .map(DayOfWeek::name)
                                                                .collect(
                                                                        Collectors.joining(",")))));
        lines.add(
                "• "
                        + Stored.TAGS.label()
                        + ": "
                        + (m.tagsJson() == null || m.tagsJson().equals("{}")
                                ? "none"
                                : m.tagsJson()));
        lines.add(
                "• "
                        + Stored.ROLES.label()
                        + ": "
                        + String.join(
                                ", ",
                                caller.roles().stream()
                                        .map(r -> r.name().toLowerCase(Locale.ROOT))
                                        .sorted()
                                        .toList()));
        lines.add("• " + Stored.UNREACHABLE.label() + ": " + yes(m.unreachable()));
        List<CheckIn> checkIns =
                jdbi.onDemand(CheckIns.class).forMember(caller.agency().id(), m.id());
        lines.add("• " + Stored.CHECK_INS.label() + ": " + (checkIns.isEmpty() ? "none" : ""));
        for (CheckIn c : checkIns) {
            lines.add(
                    "   – "
                            + DAY.format(c.dueAt().atZone(zone))
                            + ": "
                            + c.state().word()
                            + (c.answer() == null ? "" : " (" + c.answer().word() + ")"));
        }
        List<ConnectionRequest> requests =
                jdbi.onDemand(ConnectionRequests.class).ofMember(caller.agency().id(), m.id());
        lines.add("• " + Stored.REQUESTS.label() + ": " + (requests.isEmpty() ? "none" : ""));
        requests.forEach(
                r ->
                        lines.add(
                                "   – "
                                        + DAY.format(r.createdAt().atZone(zone))
                                        + ": "
                                        + r.state().word()
                                        + ", "
                                        + r.urgency().word()));
        lines.add(Promises.NEVER_STORED);
        lines.add("To delete all of the above: `/tenfour forgetme`.");
        return new Reply.Private(Message.text(String.join("\n", lines)));
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() ? "none" : s;
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }

    private Reply confirm(Caller caller) {
        return new Reply.Private(
                new Message(
                        "This deletes everything TenFour stores about you in "
                                + AgencyNames.own(caller.agency())
                                + " and takes you off the check-in roster. It cannot be undone. "
                                + "Coded contact logs are not affected: they are not linked to you.",
                        List.of(),
                        List.of(
                                new Button(
                                        CONFIRM,
                                        "Yes, delete my data",
                                        caller.member().id().toString(),
                                        Button.Style.DANGER),
                                Button.of(CANCEL, "Keep it", ""))));
    }

    private Reply forget(Caller caller, InboundEvent.ButtonPressed event) {
        if (!event.value().equals(caller.member().id().toString())) {
            return Reply.text("That button was not for you.");
        }
        jdbi.useTransaction(h -> erase(h, caller));
        log.info("member data erased on request in agency {}", caller.agency().id());
        return Reply.text(
                "Done: what TenFour stored about you is deleted. If you use TenFour again, it starts from nothing.");
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
    static void erase(Handle h, Caller caller) {
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
