package org.tenfour.bot.onboarding;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.quartz.JobKey;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.adapters.Untrusted;
import org.tenfour.bot.agency.AddressBook;
import org.tenfour.bot.inbound.Args;
import org.tenfour.bot.inbound.Audit;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.bot.inbound.UsageException;
import org.tenfour.bot.outbox.OutboxKey;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.bot.schedule.Scheduling;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.PeerOnboarding;
import org.tenfour.storage.Peers;
import org.tenfour.storage.Store;
import org.tenfour.storage.TrainingRecord;
import org.tenfour.storage.TrainingRecords;

/**
 * {@code /tenfour training add|list|remove}: coordinators keep each peer's courses. A required
 * course past its last day takes the peer out of rotation ({@link RotationGate}); the peer is
 * reminded once, 30 days before; {@code training list} counts who is out of rotation and why, and
 * names who has not acknowledged the policy yet.
 */
public final class PeerTraining implements Feature {
    /** How long before a required course expires its peer is reminded. */
    static final int REMIND_DAYS = 30;

    static final int MAX_COURSE = 60;

    private final Store store;
    private final Clock clock;

    public PeerTraining(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Map<Subcommand, Subcommand.Action> subcommands() {
        return Map.of(Subcommand.TRAINING, this::training);
    }

    /** The reminders, daily. */
    public List<Scheduling.Task> tasks() {
        return List.of(
                new Scheduling.Task(
                        JobKey.jobKey("training-reminders", "onboarding"),
                        Scheduling.every(Duration.ofHours(6)),
                        this::remindAll));
    }

    private Reply training(Caller caller, Args args, String trigger) {
        return switch (args.word(0)) {
            case "add" -> add(caller, args.from(1));
            case "list", "" -> list(caller);
            case "remove" -> remove(caller, args.word(1));
            default ->
                    throw new UsageException(
                            "Say `training add @peer \"Course\" 2026-03-01 [expires 2028-03-01]"
                                    + " [optional]`, `training list` or `training remove N`.");
        };
    }

    private Reply add(Caller caller, Args args) {
        List<String> users = args.userMentions();
        if (users.size() != 1) {
            throw new UsageException("@mention the one peer who took the course.");
        }
        List<String> rest = args.plainWords();
        if (rest.isEmpty() || rest.get(0).isBlank()) {
            throw new UsageException("Give the course's name in double quotes.");
        }
        String course = rest.get(0).strip();
        if (course.length() > MAX_COURSE) {
            throw new UsageException("Keep the course's name to " + MAX_COURSE + " characters.");
        }
        LocalDate completed = date(rest, 1, "the day it was completed");
        LocalDate expires = null;
        boolean required = true;
        for (int i = 2; i < rest.size(); i++) {
            String w = rest.get(i).toLowerCase(Locale.ROOT);
            if (w.equals("expires")) {
                expires = date(rest, ++i, "the day it expires");
            } else if (w.equals("optional")) {
                required = false;
            } else {
                throw new UsageException("I don't understand `" + rest.get(i) + "`.");
            }
        }
        if (expires != null && !expires.isAfter(completed)) {
            throw new UsageException("A course expires after the day it was completed.");
        }
        Member peer =
                store.repo(Members.class)
                        .findByPlatformUser(caller.agency().id(), users.get(0))
                        .filter(
                                m ->
                                        store
                                                .repo(Peers.class)
                                                .active(caller.agency().id())
                                                .stream()
                                                .anyMatch(p -> p.memberId().equals(m.id())))
                        .orElseThrow(
                                () ->
                                        new UsageException(
                                                "<@"
                                                        + users.get(0)
                                                        + "> is not on the peer team (`/tenfour peers"
                                                        + " add`)."));
        LocalDate until = expires;
        boolean req = required;
        store.useTransaction(
                h -> {
                    h.attach(TrainingRecords.class)
                            .add(caller.agency().id(), peer.id(), course, completed, until, req);
                    Audit.change(
                            h,
                            caller,
                            "training",
                            null,
                            "added \"" + course + "\" for <@" + users.get(0) + ">",
                            clock.instant());
                });
        return Reply.text(
                "Recorded \""
                        + course
                        + "\" for <@"
                        + users.get(0)
                        + ">"
                        + (until == null ? "" : ", valid until " + until)
                        + (req ? "" : " (optional)")
                        + ".");
    }

    private static LocalDate date(List<String> words, int i, String what) {
        if (i >= words.size()) {
            throw new UsageException("Give " + what + " as YYYY-MM-DD.");
        }
        try {
            return LocalDate.parse(words.get(i));
        } catch (DateTimeParseException e) {
            throw new UsageException(
                    "Give " + what + " as YYYY-MM-DD (not `" + words.get(i) + "`).");
        }
    }

    private Reply list(Caller caller) {
        UUID agency = caller.agency().id();
        LocalDate today = today(caller.agency());
        List<TrainingRecord> all = store.repo(TrainingRecords.class).all(agency);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            TrainingRecord r = all.get(i);
            lines.add(
                    (i + 1)
                            + ". "
                            + mention(agency, r.memberId())
                            + " — "
                            + Untrusted.quote(r.course())
                            + ", "
                            + r.completedOn()
                            + (r.expiresOn() == null ? "" : ", until " + r.expiresOn())
                            + (r.required() ? "" : " (optional)")
                            + (r.lapsed(today) ? " *lapsed*" : ""));
        }
        Set<UUID> lapsed = new HashSet<>();
        int expiring = 0;
        for (TrainingRecord r : all) {
            if (r.lapsed(today)) {
                lapsed.add(r.memberId());
            } else if (r.required()
                    && r.expiresOn() != null
                    && !r.expiresOn().isAfter(today.plusDays(REMIND_DAYS))) {
                expiring++;
            }
        }
        List<UUID> pending = store.repo(PeerOnboarding.class).pending(agency);
        StringBuilder text =
                new StringBuilder(all.isEmpty() ? "No training recorded yet." : "*Training*\n");
        text.append(String.join("\n", lines));
        text.append("\n\nOut of rotation for a lapsed required course: ")
                .append(lapsed.size())
                .append(lapsed.size() == 1 ? " peer" : " peers")
                .append(". Required courses expiring within ")
                .append(REMIND_DAYS)
                .append(" days: ")
                .append(expiring)
                .append(".");
        text.append("\nNot yet acknowledged the policy (out of rotation until they do): ")
                .append(
                        pending.isEmpty()
                                ? "nobody"
                                : String.join(
                                        ", ",
                                        pending.stream().map(id -> mention(agency, id)).toList()))
                .append(".");
        return Reply.text(text.toString());
    }

    private String mention(UUID agency, UUID memberId) {
        return store.repo(Members.class)
                .find(agency, memberId)
                .map(m -> "<@" + m.platformUserId() + ">")
                .orElse("(a former peer)");
    }

    private Reply remove(Caller caller, String number) {
        List<TrainingRecord> all = store.repo(TrainingRecords.class).all(caller.agency().id());
        int n;
        try {
            n = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw new UsageException("Give the record's number from `/tenfour training list`.");
        }
        if (n < 1 || n > all.size()) {
            throw new UsageException("There is no training record number " + n + ".");
        }
        TrainingRecord r = all.get(n - 1);
        store.useTransaction(
                h -> {
                    h.attach(TrainingRecords.class).remove(caller.agency().id(), r.id());
                    Audit.change(
                            h,
                            caller,
                            "training",
                            "\"" + r.course() + "\"",
                            "removed",
                            clock.instant());
                });
        return Reply.text("Removed training record " + n + ".");
    }

    /** Reminds each peer once, 30 days before a required course expires. */
    public int remindAll() {
        int sent = 0;
        for (Agency agency : store.repo(Agencies.class).all()) {
            LocalDate today = today(agency);
            for (TrainingRecord r :
                    store.repo(TrainingRecords.class)
                            .dueForReminder(agency.id(), today, today.plusDays(REMIND_DAYS))) {
                sent +=
                        store.inTransaction(
                                h -> {
                                    if (!h.attach(TrainingRecords.class)
                                            .reminded(agency.id(), r.id(), today)) {
                                        return 0;
                                    }
                                    Member peer =
                                            h.attach(Members.class)
                                                    .find(agency.id(), r.memberId())
                                                    .orElse(null);
                                    if (peer == null) {
                                        return 0;
                                    }
                                    Outgoing.on(h, agency.id())
                                            .send(
                                                    OutboxKey.of(
                                                            OutboxKind.OTHER,
                                                            null,
                                                            "training-reminder",
                                                            r.id()),
                                                    AddressBook.member(h, agency, peer),
                                                    Message.text(
                                                            "Your course \""
                                                                    + Untrusted.quote(r.course())
                                                                    + "\" is valid until "
                                                                    + r.expiresOn()
                                                                    + ". After that day no offers or"
                                                                    + " check-ins go out in your name"
                                                                    + " until a coordinator records"
                                                                    + " the renewal."),
                                                    clock.instant());
                                    return 1;
                                });
            }
        }
        return sent;
    }

    private LocalDate today(Agency agency) {
        return LocalDate.now(clock.withZone(ZoneId.of(agency.timeZone())));
    }
}
