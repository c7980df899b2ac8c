package org.tenfour.bot.connect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.agency.AddressBook;
import org.tenfour.bot.agency.AgencyNames;
import org.tenfour.bot.inbound.Args;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.bot.inbound.UsageException;
import org.tenfour.bot.outbox.OutboxKey;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.AuditLog;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.Partnership;
import org.tenfour.storage.Partnerships;
import org.tenfour.storage.Store;
import org.tenfour.storage.Tx;

/**
 * Partner agencies share peers: {@code /tenfour partner invite} gives a one-time code (valid 7
 * days, only its SHA-256 is stored); the other agency's coordinators run {@code /tenfour partner
 * accept CODE} — from Slack or Teams alike; {@code partner list}; {@code partner end N}. Both
 * coordinator channels are told. A partner sees nothing of the other's members.
 */
final class Partners implements Feature {
    static final Duration VALID = Duration.ofDays(7);
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"; // no 0/O, 1/I/L
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Store store;
    private final Clock clock;

    Partners(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Map<Subcommand, Subcommand.Action> subcommands() {
        return Map.ofEntries(Map.entry(Subcommand.PARTNER, this::partner));
    }

    private Reply partner(Caller caller, Args args, String trigger) {
        return switch (args.word(0)) {
            case "invite" -> invite(caller);
            case "accept" -> accept(caller, args.raw(1));
            case "list", "" -> list(caller);
            case "end" -> end(caller, args.raw(1));
            default -> throw new UsageException("I don't know `partner " + args.raw(0) + "`.");
        };
    }

    static String code() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                s.append('-');
            }
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    static String hash(String code) {
        String normal = code.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }

    private Reply invite(Caller caller) {
        String code = code();
        Instant now = clock.instant();
        store.useTransaction(
                h -> {
                    h.attach(Partnerships.class)
                            .invite(caller.agency().id(), hash(code), now.plus(VALID), now);
                    h.attach(AuditLog.class)
                            .record(
                                    caller.agency().id(),
                                    caller.member().platformUserId(),
                                    "partner invite",
                                    null,
                                    "code issued",
                                    now);
                });
        return Reply.text(
                "Your one-time partner code is *"
                        + code
                        + "* (valid 7 days). Give it privately to the other "
                        + "agency's coordinators; they type `/tenfour partner accept "
                        + code
                        + "` in their coordinator channel "
                        + "(Slack or Teams). Only peers who opt in to partner requests are shared; members are never shared.");
    }

    private Reply accept(Caller caller, String code) {
        if (code.isBlank()) {
            throw new UsageException("Give the code the other agency sent you.");
        }
        Instant now = clock.instant();
        Optional<Partnership> p =
                store.inTransaction(
                        (Tx h) -> {
                            Optional<Partnership> accepted =
                                    h.attach(Partnerships.class)
                                            .accept(caller.agency().id(), hash(code), now);
                            accepted.ifPresent(
                                    ok -> {
                                        Agency other =
                                                h.attach(Agencies.class)
                                                        .find(ok.agencyA())
                                                        .orElseThrow();
                                        tell(
                                                h,
                                                caller.agency(),
                                                "You are now partners with *"
                                                        + AgencyNames.shownTo(
                                                                other, caller.agency())
                                                        + "*: members can ask for their peers "
                                                        + "who take partner requests, and theirs for yours. `/tenfour partner end` stops it.",
                                                now,
                                                ok);
                                        tell(
                                                h,
                                                other,
                                                "*"
                                                        + AgencyNames.shownTo(
                                                                caller.agency(), other)
                                                        + "* accepted your partner invite: you now share peers who take "
                                                        + "partner requests. `/tenfour partner end` stops it.",
                                                now,
                                                ok);
                                        h.attach(AuditLog.class)
                                                .record(
                                                        caller.agency().id(),
                                                        caller.member().platformUserId(),
                                                        "partner",
                                                        null,
                                                        "partnered with "
                                                                + AgencyNames.shownTo(
                                                                        other, caller.agency()),
                                                        now);
                                    });
                            return accepted;
                        });
        return p.isPresent()
                ? Reply.none()
                : Reply.text(
                        "That code is not valid: it may be mistyped, used already, expired (codes last 7 days), "
                                + "your own agency's, or you are already partners.");
    }

    private static void tell(Tx h, Agency agency, String text, Instant now, Partnership p) {
        if (agency.coordinatorChannelId() == null) {
            return;
        }
        Outgoing.on(h, agency.id())
                .send(
                        OutboxKey.of(
                                OutboxKind.PARTNER, null, p.id(), p.state().word(), agency.id()),
                        AddressBook.channel(h, agency, agency.coordinatorChannelId()),
                        Message.text(text),
                        now);
    }

    private Reply list(Caller caller) {
        List<Partnership> active = store.repo(Partnerships.class).active(caller.agency().id());
        int open =
                store.repo(Partnerships.class).openInvites(caller.agency().id(), clock.instant());
        if (active.isEmpty()) {
            return Reply.text(
                    "No partner agencies yet"
                            + (open > 0 ? " (" + open + " invite code(s) not used yet)" : "")
                            + ". `/tenfour partner invite` makes a code for another agency.");
        }
        StringBuilder text = new StringBuilder("*Partner agencies*\n");
        for (int i = 0; i < active.size(); i++) {
            Agency other =
                    store.repo(Agencies.class)
                            .find(active.get(i).other(caller.agency().id()))
                            .orElseThrow();
            text.append(i + 1)
                    .append(". ")
                    .append(AgencyNames.shownTo(other, caller.agency()))
                    .append(" (")
                    .append(other.platform())
                    .append(")\n");
        }
        return Reply.text(text.append("`/tenfour partner end N` ends one.").toString());
    }

    private Reply end(Caller caller, String which) {
        List<Partnership> active = store.repo(Partnerships.class).active(caller.agency().id());
        int index;
        try {
            index = which.isBlank() && active.size() == 1 ? 0 : Integer.parseInt(which) - 1;
        } catch (NumberFormatException e) {
            throw new UsageException(
                    "Say which partnership, by its number in `/tenfour partner list`.");
        }
        if (index < 0 || index >= active.size()) {
            throw new UsageException(
                    "There is no partnership number " + which + "; see `/tenfour partner list`.");
        }
        Instant now = clock.instant();
        store.useTransaction(
                h ->
                        h.attach(Partnerships.class)
                                .end(caller.agency().id(), active.get(index).id(), now)
                                .ifPresent(
                                        p -> {
                                            Agency other =
                                                    h.attach(Agencies.class)
                                                            .find(p.other(caller.agency().id()))
                                                            .orElseThrow();
                                            tell(
                                                    h,
                                                    caller.agency(),
                                                    "The partnership with *"
                                                            + AgencyNames.shownTo(
                                                                    other, caller.agency())
                                                            + "* has ended: no new requests cross between you. "
                                                            + "Conversations already running finish normally.",
                                                    now,
                                                    p);
                                            tell(
                                                    h,
                                                    other,
                                                    "*"
                                                            + AgencyNames.shownTo(
                                                                    caller.agency(), other)
                                                            + "* ended the partnership: no new requests cross between you. "
                                                            + "Conversations already running finish normally.",
                                                    now,
                                                    p);
                                            h.attach(AuditLog.class)
                                                    .record(
                                                            caller.agency().id(),
                                                            caller.member().platformUserId(),
                                                            "partner",
                                                            AgencyNames.shownTo(
                                                                    other, caller.agency()),
                                                            "ended",
                                                            now);
                                        }));
        return Reply.none();
    }
}
