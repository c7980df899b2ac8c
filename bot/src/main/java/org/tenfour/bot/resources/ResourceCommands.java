package org.tenfour.bot.resources;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.Untrusted;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.inbound.Args;
import org.tenfour.bot.inbound.Audit;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Role;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.bot.inbound.UsageException;
import org.tenfour.bot.words.Words;
import org.tenfour.storage.Resource;
import org.tenfour.storage.Resources;
import org.tenfour.storage.Store;

/**
 * {@code /tenfour resources}: everyone on the roster reads the directory (all of it, or one
 * category); coordinators, in their channel, add, remove and share entries. Every change is
 * audited; reading is not recorded anywhere.
 */
public final class ResourceCommands implements Feature {
    /** Entries one agency may keep: enough for a county, few enough to read in one message. */
    static final int MAX_ENTRIES = 60;

    static final int MAX_NAME = 80;
    static final int MAX_REACH = 200;

    private final Store store;
    private final Clock clock;

    public ResourceCommands(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Map<Subcommand, Subcommand.Action> subcommands() {
        return Map.of(Subcommand.RESOURCES, this::resources);
    }

    private Reply resources(Caller caller, Args args, String trigger) {
        String verb = args.word(0);
        if (List.of("add", "remove", "share", "unshare").contains(verb)) {
            if (!caller.is(Role.COORDINATOR)) {
                return Reply.text(caller.words().get("resources.coordinatorsOnly"));
            }
            if (!caller.inCoordinatorChannel()) {
                return Reply.text(
                        "`/tenfour resources " + verb + "` works in the coordinator channel.");
            }
            return switch (verb) {
                case "add" -> add(caller, args.from(1));
                case "remove" -> remove(caller, args.word(1));
                default -> share(caller, args.word(1), verb.equals("share"));
            };
        }
        if (verb.isEmpty()) {
            return show(caller, Optional.empty());
        }
        Category category =
                Category.of(verb.startsWith("category:") ? verb.substring(9) : verb)
                        .orElseThrow(
                                () ->
                                        UsageException.said(
                                                "resources.unknownCategory",
                                                args.raw(0),
                                                Category.codes()));
        return show(caller, Optional.of(category));
    }

    private Reply show(Caller caller, Optional<Category> only) {
        boolean numbered = caller.is(Role.COORDINATOR) && caller.inCoordinatorChannel();
        List<Resource> own = store.repo(Resources.class).own(caller.agency().id());
        List<Resource> partners = store.repo(Resources.class).sharedWith(caller.agency().id());
        // the directory as a member reads it, in their language; the coordinators' notes in English
        Words w = caller.words();
        StringBuilder text = new StringBuilder(w.get("resources.title"));
        int shown = 0;
        for (Category c : Category.values()) {
            if (only.isPresent() && only.get() != c) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < own.size(); i++) {
                Resource r = own.get(i);
                if (r.category().equals(c.code())) {
                    lines.add(
                            (numbered ? (i + 1) + ". " : "• ")
                                    + entry(r)
                                    + (numbered && r.shared() ? " _(shared with partners)_" : ""));
                }
            }
            for (Resource r : partners) {
                if (r.category().equals(c.code())) {
                    lines.add("• " + entry(r) + w.get("resources.partner"));
                }
            }
            if (!lines.isEmpty()) {
                text.append("\n\n*")
                        .append(c.label(w))
                        .append("*\n")
                        .append(String.join("\n", lines));
                shown += lines.size();
            }
        }
        if (shown == 0) {
            text.append("\n\n")
                    .append(
                            only.isPresent()
                                    ? w.get("resources.noneIn", only.get().label(w))
                                    : w.get("resources.none"));
        }
        text.append("\n\n").append(w.get("resources.anyone"));
        if (numbered) {
            text.append(
                    "\nChange it: `/tenfour resources add \"Name\" \"how to reach\" category:eap"
                            + " [shared]`, `resources remove N`, `resources share N` / `unshare"
                            + " N`.");
        }
        return new Reply.Private(
                new Message(
                        text.toString(),
                        w.crisisLines(AgencySettings.fromJson(caller.agency().settingsJson())),
                        List.of()));
    }

    private static String entry(Resource r) {
        return "*" + Untrusted.quote(r.name()) + "* — " + Untrusted.quote(r.reach());
    }

    private Reply add(Caller caller, Args args) {
        String usage =
                "Give the name and how to reach it in double quotes, then the category: `/tenfour"
                        + " resources add \"Employee Assistance Program\" \"call 555-0100, 24/7\""
                        + " category:eap` (categories: "
                        + Category.codes()
                        + "; add `shared` to show it to partner agencies).";
        List<String> plain = new ArrayList<>();
        Category category = null;
        boolean shared = false;
        for (String w : args.words()) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (lower.startsWith("category:")) {
                category =
                        Category.of(lower.substring(9))
                                .orElseThrow(
                                        () ->
                                                new UsageException(
                                                        "I don't know the category `"
                                                                + w.substring(9)
                                                                + "`. Categories: "
                                                                + Category.codes()
                                                                + "."));
            } else if (lower.equals("shared")) {
                shared = true;
            } else {
                plain.add(w.strip());
            }
        }
        if (plain.size() != 2 || category == null || plain.stream().anyMatch(String::isEmpty)) {
            throw new UsageException(usage);
        }
        String name = plain.get(0);
        String reach = plain.get(1);
        if (name.length() > MAX_NAME || reach.length() > MAX_REACH) {
            throw new UsageException(
                    "Keep the name to "
                            + MAX_NAME
                            + " characters and how to reach it to "
                            + MAX_REACH
                            + ".");
        }
        if (store.repo(Resources.class).own(caller.agency().id()).size() >= MAX_ENTRIES) {
            throw new UsageException(
                    "The directory holds at most "
                            + MAX_ENTRIES
                            + " entries; remove one first (`/tenfour resources`).");
        }
        Category c = category;
        boolean s = shared;
        store.useTransaction(
                h -> {
                    h.attach(Resources.class)
                            .add(caller.agency().id(), name, reach, c.code(), s, today(caller));
                    Audit.change(
                            h,
                            caller,
                            "resources",
                            null,
                            "added \"" + name + "\" (" + c.code() + (s ? ", shared" : "") + ")",
                            clock.instant());
                });
        return Reply.text(
                "Added \""
                        + name
                        + "\" under "
                        + c.label()
                        + (s ? ", shared with partner agencies" : "")
                        + ". Members see it with `/tenfour resources`.");
    }

    private Reply remove(Caller caller, String number) {
        Resource r = numbered(caller, number);
        store.useTransaction(
                h -> {
                    h.attach(Resources.class).remove(caller.agency().id(), r.id());
                    Audit.change(
                            h,
                            caller,
                            "resources",
                            "\"" + r.name() + "\"",
                            "removed",
                            clock.instant());
                });
        return Reply.text("Removed \"" + r.name() + "\" from the directory.");
    }

    private Reply share(Caller caller, String number, boolean shared) {
        Resource r = numbered(caller, number);
        store.useTransaction(
                h -> {
                    h.attach(Resources.class).share(caller.agency().id(), r.id(), shared);
                    Audit.change(
                            h,
                            caller,
                            "resources",
                            "\"" + r.name() + "\"" + (r.shared() ? " shared" : " not shared"),
                            shared ? "shared with partners" : "not shared",
                            clock.instant());
                });
        return Reply.text(
                shared
                        ? "\"" + r.name() + "\" is now shown to partner agencies' members too."
                        : "\"" + r.name() + "\" is now shown to your agency only.");
    }

    private Resource numbered(Caller caller, String number) {
        List<Resource> own = store.repo(Resources.class).own(caller.agency().id());
        int n;
        try {
            n = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw new UsageException(
                    "Give the entry's number from `/tenfour resources` (in this channel).");
        }
        if (n < 1 || n > own.size()) {
            throw new UsageException("There is no entry number " + n + ".");
        }
        return own.get(n - 1);
    }

    private LocalDate today(Caller caller) {
        return LocalDate.now(clock.withZone(ZoneId.of(caller.agency().timeZone())));
    }
}
