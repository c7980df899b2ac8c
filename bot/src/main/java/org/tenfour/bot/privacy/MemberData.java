package org.tenfour.bot.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.agency.Promises;
import org.tenfour.bot.agency.Promises.Stored;
import org.tenfour.bot.checkin.Windows;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.storage.CheckIn;
import org.tenfour.storage.CheckIns;
import org.tenfour.storage.Member;

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
        lines.add("*What TenFour stores about you* (agency " + caller.agency().name() + ")");
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
                                        + orNone(m.windowDays())));
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
                            + c.state()
                            + (c.answer() == null ? "" : " (" + c.answer() + ")"));
        }
        List<Map<String, Object>> requests =
                jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                "select state, urgency, created_at from connection_request where agency_id = :a and member_id = :m order by created_at")
                                        .bind("a", caller.agency().id())
                                        .bind("m", m.id())
                                        .mapToMap()
                                        .list());
        lines.add("• " + Stored.REQUESTS.label() + ": " + (requests.isEmpty() ? "none" : ""));
        requests.forEach(
                r ->
                        lines.add(
                                "   – "
                                        + DAY.format(instant(r.get("created_at")).atZone(zone))
                                        + ": "
                                        + r.get("state")
                                        + ", "
                                        + r.get("urgency")));
        lines.add(Promises.NEVER_STORED);
        lines.add("To delete all of the above: `/tenfour forgetme`.");
        return new Reply.Private(Message.text(String.join("\n", lines)));
    }

    /** A timestamp column read as a map value, whichever type the driver chose. */
    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return Instant.parse(String.valueOf(value));
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
                                + caller.agency().name()
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
     * Deletes the member and everything that names them; audit entries keep the change but lose the
     * person.
     */
    static void erase(Handle h, Caller caller) {
        Member m = caller.member();
        String user = m.platformUserId();
        String key =
                caller.actor().address().platform().id()
                        + ":"
                        + caller.actor().address().workspaceId()
                        + ":"
                        + user;
        h.createUpdate(
                        "delete from relay where agency_id = :a and (member_key = :k or peer_key = :k)")
                .bind("a", caller.agency().id())
                .bind("k", key)
                .execute();
        h.createUpdate(
                        "delete from outbox where agency_id = :a and state = 'pending' and target->>'targetId' = :u")
                .bind("a", caller.agency().id())
                .bind("u", user)
                .execute();
        h.createUpdate(
                        "delete from conversation_ref where agency_id = :a and kind = 'user' and platform_id = :u")
                .bind("a", caller.agency().id())
                .bind("u", user)
                .execute();
        h.createUpdate(
                        "update audit_log set old_value = replace(old_value, :mention, '<@forgotten>'), "
                                + "new_value = replace(new_value, :mention, '<@forgotten>'), "
                                + "actor = case when actor = :u then 'forgotten' else actor end where agency_id = :a")
                .bind("a", caller.agency().id())
                .bind("u", user)
                .bind("mention", "<@" + user + ">")
                .execute();
        h.createUpdate("delete from member where agency_id = :a and id = :m")
                .bind("a", caller.agency().id())
                .bind("m", m.id())
                .execute();
    }
}
