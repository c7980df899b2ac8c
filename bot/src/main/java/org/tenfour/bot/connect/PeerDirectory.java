package org.tenfour.bot.connect;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.Field;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.Untrusted;
import org.tenfour.bot.checkin.Windows;
import org.tenfour.bot.inbound.Args;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Role;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.bot.inbound.UsageException;
import org.tenfour.bot.inbound.Values;
import org.tenfour.bot.words.Language;
import org.tenfour.bot.words.Words;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.Partnerships;
import org.tenfour.storage.Peer;
import org.tenfour.storage.Peers;
import org.tenfour.storage.Store;
import org.tenfour.storage.Tx;

/**
 * The peer directory ({@code /tenfour peers}: the caller's agency's peers and partner agencies'
 * peers who take partner requests), a peer's own profile form ({@code /tenfour profile}), and
 * peers' availability ({@code /tenfour away until 2026-12-10}, {@code /tenfour back}).
 */
final class PeerDirectory implements Feature {
    static final String PROFILE_FORM = "connect.profile";
    static final int BIO_MAX = 280;

    /** Peers a directory page lists (with full bios it stays well inside every platform's size). */
    static final int PAGE = 20;

    static final String PAGE_ACTION = "connect.peers.page";
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final Store store;
    private final Clock clock;

    PeerDirectory(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** One peer as listed. */
    record Entry(Agency agency, Member member, Peer peer) {
        /** How {@code viewer}'s people read this peer in a list. */
        String label(Agency viewer) {
            return label(viewer, Words.in(Language.EN));
        }

        /** The entry as a member reads it, in their language. */
        String label(Agency viewer, Words words) {
            return words.name(member)
                    + (peer.languages().isEmpty()
                            ? ""
                            : " (" + String.join(",", peer.languages()) + ")")
                    + " — "
                    + words.agency(agency, viewer);
        }

        List<String> languages() {
            return peer.languages();
        }
    }

    /** Who the agency's members may ask for by name. */
    static List<Entry> entries(Tx h, Agency agency) {
        List<Entry> out = new ArrayList<>();
        for (Peer p : h.attach(Peers.class).active(agency.id())) {
            h.attach(Members.class)
                    .find(agency.id(), p.memberId())
                    .ifPresent(m -> out.add(new Entry(agency, m, p)));
        }
        for (var partnerId : h.attach(Partnerships.class).partnerIds(agency.id())) {
            Agency partner = h.attach(Agencies.class).find(partnerId).orElseThrow();
            for (Peer p : h.attach(Peers.class).takingPartnerRequests(partnerId)) {
                h.attach(Members.class)
                        .find(partnerId, p.memberId())
                        .ifPresent(m -> out.add(new Entry(partner, m, p)));
            }
        }
        return out;
    }

    @Override
    public Map<Subcommand, Subcommand.Action> subcommands() {
        return Map.ofEntries(
                Map.entry(Subcommand.PROFILE, (c, a, t) -> new Reply.ShowForm(profileForm(c))),
                Map.entry(Subcommand.AWAY, this::away),
                Map.entry(Subcommand.BACK, this::back));
    }

    @Override
    public Map<String, FormAction> forms() {
        return Map.of(PROFILE_FORM, this::profileSubmitted);
    }

    /** {@code /tenfour peers} for anyone. */
    Reply list(Caller caller, Args args, String trigger) {
        int page = 1;
        try {
            page = args.isEmpty() ? 1 : Math.max(1, Integer.parseInt(args.word(0)));
        } catch (NumberFormatException notAPage) {
            // any other word shows the first page
        }
        return page(caller, page);
    }

    /**
     * One page of the directory, in the reader's language: a long list is split on purpose, never
     * cut by a platform.
     */
    private Reply page(Caller caller, int page) {
        Words w = caller.words();
        List<Entry> entries = store.withConnection(h -> entries(h, caller.agency()));
        if (entries.isEmpty()) {
            return Reply.text(w.get("peers.none"));
        }
        int pages = (entries.size() + PAGE - 1) / PAGE;
        int shown = Math.min(page, pages);
        int from = (shown - 1) * PAGE;
        List<Entry> onPage = entries.subList(from, Math.min(entries.size(), from + PAGE));
        Instant now = clock.instant();
        StringBuilder text = new StringBuilder(w.get("peers.title")).append('\n');
        for (Entry e : onPage) {
            text.append("• *")
                    .append(Untrusted.quote(w.name(e.member())))
                    .append("*, ")
                    .append(w.agency(e.agency(), caller.agency()));
            if (!e.languages().isEmpty()) {
                text.append(w.get("peers.speaks", String.join(", ", e.languages())));
            }
            text.append(
                    w.get(
                            "peers.partnerRequests",
                            w.get(e.peer().partnerRequests() ? "mydata.yes" : "mydata.no")));
            if (!e.peer().availableAt(now)) {
                text.append(
                        w.get(
                                "peers.away",
                                DAY.withLocale(w.language().locale())
                                        .format(
                                                e.peer()
                                                        .awayUntil()
                                                        .atZone(
                                                                Windows.zone(
                                                                        e.agency(), e.member())))));
            }
            if (e.peer().bio() != null && !e.peer().bio().isBlank()) {
                text.append("\n    ").append(Untrusted.quote(e.peer().bio()));
            }
            text.append('\n');
        }
        List<String> notes = new ArrayList<>();
        if (pages > 1) {
            notes.add(
                    w.get(
                            "peers.pageOf",
                            from + 1,
                            from + onPage.size(),
                            entries.size(),
                            shown,
                            pages));
        }
        notes.add(w.get("peers.partnersSee"));
        List<Button> buttons = new ArrayList<>();
        if (shown > 1) {
            buttons.add(Button.of(PAGE_ACTION, w.get("peers.previous"), String.valueOf(shown - 1)));
        }
        if (shown < pages) {
            buttons.add(
                    new Button(
                            PAGE_ACTION,
                            w.get("peers.more"),
                            String.valueOf(shown + 1),
                            Button.Style.PRIMARY));
        }
        return new Reply.Private(new Message(text.toString().strip(), notes, buttons));
    }

    @Override
    public Map<String, ButtonAction> buttons() {
        return Map.of(
                PAGE_ACTION,
                (caller, pressed) -> {
                    int page;
                    try {
                        page = Integer.parseInt(pressed.value());
                    } catch (NumberFormatException e) {
                        page = 1;
                    }
                    return page(caller, Math.max(1, page));
                });
    }

    private Form profileForm(Caller caller) {
        Peer p =
                store.repo(Peers.class)
                        .find(caller.agency().id(), caller.member().id())
                        .orElseThrow();
        List<Field> fields = new ArrayList<>();
        fields.add(
                new Field(
                        "bio",
                        "A short bio (up to " + BIO_MAX + " characters)",
                        Field.Type.SHORT_TEXT,
                        List.of(),
                        false,
                        p.bio() == null ? List.of() : List.of(p.bio())));
        fields.add(
                new Field(
                        "languages",
                        "Languages, as codes (en, es, fr)",
                        Field.Type.SHORT_TEXT,
                        List.of(),
                        false,
                        p.languages().isEmpty()
                                ? List.of()
                                : List.of(String.join(", ", p.languages()))));
        fields.add(
                new Field(
                        "partner_requests",
                        "Take requests from partner agencies",
                        Field.Type.BOOLEAN,
                        List.of(),
                        false,
                        p.partnerRequests() ? List.of("true") : List.of()));
        fields.add(
                new Field(
                        "weekly_cap",
                        "Most new contacts a week (0-20)",
                        Field.Type.SHORT_TEXT,
                        List.of(),
                        true,
                        List.of(String.valueOf(p.weeklyCap()))));
        return new Form(PROFILE_FORM, "Your peer profile", "Save", fields, "");
    }

    private Reply profileSubmitted(Caller caller, InboundEvent.FormSubmitted f) {
        if (!caller.is(Role.PEER)) {
            return Reply.text("That is for trained peer supporters.");
        }
        String bio = value(f, "bio").orElse("").strip();
        String languages = value(f, "languages").orElse("").toLowerCase(Locale.ROOT);
        Map<String, String> errors = new HashMap<>();
        if (bio.length() > BIO_MAX) {
            errors.put("bio", "Keep it to " + BIO_MAX + " characters (now " + bio.length() + ").");
        }
        List<String> codes =
                Arrays.stream(languages.split("[,\\s]+"))
                        .filter(s -> !s.isBlank())
                        .distinct()
                        .toList();
        if (codes.stream().anyMatch(c -> !c.matches("[a-z]{2,3}"))) {
            errors.put("languages", "Write language codes like en, es, fr, separated by commas.");
        }
        int cap = -1;
        try {
            cap = Integer.parseInt(value(f, "weekly_cap").orElse("").strip());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (cap < 0 || cap > 20) {
            errors.put("weekly_cap", "A whole number from 0 to 20.");
        }
        if (!errors.isEmpty()) {
            return new Reply.FormErrors(profileForm(caller), errors);
        }
        boolean partner = value(f, "partner_requests").map("true"::equals).orElse(false);
        store.repo(Peers.class)
                .setProfile(
                        caller.agency().id(),
                        caller.member().id(),
                        bio.isEmpty() ? null : bio,
                        List.copyOf(codes),
                        partner,
                        cap);
        return new Reply.FormAccepted(
                Message.text(
                        "Your profile is saved. "
                                + (partner
                                        ? "Partner agencies' members can now ask for you."
                                        : "Only your own agency's members can ask for you.")));
    }

    private static Optional<String> value(InboundEvent.FormSubmitted f, String field) {
        return Optional.ofNullable(f.values().get(field))
                .filter(v -> !v.isEmpty())
                .map(v -> v.get(0));
    }

    private Reply away(Caller caller, Args args, String trigger) {
        if (!args.word(0).equals("until") || args.size() != 2) {
            throw new UsageException("Say until when, as a date.");
        }
        LocalDate date = Values.date(args.raw(1));
        var zone = Windows.zone(caller.agency(), caller.member());
        Instant until = date.atStartOfDay(zone).toInstant();
        if (!until.isAfter(clock.instant())) {
            throw new UsageException(args.raw(1) + " is not in the future.");
        }
        store.repo(Peers.class).setAwayUntil(caller.agency().id(), caller.member().id(), until);
        return Reply.text(
                "You're on a break until "
                        + DAY.format(date)
                        + ": no new requests or check-ins reach you. "
                        + "Conversations you already have go on. `/tenfour back` ends the break early. Take care.");
    }

    private Reply back(Caller caller, Args args, String trigger) {
        store.repo(Peers.class).setAwayUntil(caller.agency().id(), caller.member().id(), null);
        return Reply.text("Welcome back: you can be asked again.");
    }
}
