package org.tenfour.bot.log;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.storage.FollowUpDue;
import org.tenfour.storage.FollowUpReminders;
import org.tenfour.storage.InteractionLogs;
import org.tenfour.storage.LogCodes;
import org.tenfour.storage.LogEntry;
import org.tenfour.storage.PeerRoles;
import org.tenfour.storage.Store;

/**
 * Takes a peer's log form, validates it and stores it de-identified: codes, the peer's calendar
 * day, and a keyed pseudonym instead of the peer. Peers may list and correct their own logs for
 * {@link #CORRECTION_WINDOW}; after that a log is sealed.
 *
 * <p><b>Follow-ups without re-identification.</b> A reminder must reach the peer, but the log row
 * must not name them. So a follow-up is written twice, apart: the log row keeps only "a follow-up
 * is planned" (yes/no), and a {@code follow_up_reminder} row keeps the due day with the peer and
 * the log as keyed hashes ({@link ReminderTags}): no codes, no creation time, and nothing a reader
 * of the database can join, even though both rows are written in one transaction. The reminder row
 * is deleted as soon as it is sent, and purged if it expires unsent.
 */
public final class InteractionLogService {
    /** How long a peer may correct a log. */
    public static final Duration CORRECTION_WINDOW = Duration.ofHours(24);

    /** Button action: open the log form pre-filled to correct the log whose id is the value. */
    public static final String CORRECT_ACTION = "log.correct";

    private static final String REFUSAL =
            "That log is sealed or not one of yours: logs can be corrected for 24 hours only.";

    private final Store store;
    private final Clock clock;
    private final Pseudonyms pseudonyms;

    public InteractionLogService(Store store, Clock clock, PseudonymKeys keys) {
        this.store = Objects.requireNonNull(store, "null store");
        this.clock = Objects.requireNonNull(clock, "null clock");
        this.pseudonyms = new Pseudonyms(keys);
    }

    /** Validates and stores a submission of the log form by a peer. */
    public Reply submit(
            UUID agencyId, UUID peerMemberId, ZoneId peerZone, Map<String, List<String>> values) {
        return submit(
                agencyId,
                peerMemberId,
                peerZone,
                values,
                v -> InteractionLogForms.withValues(v, ""));
    }

    /**
     * The errors of a submission, shown on {@code form} filled with its values; empty when it would
     * be stored.
     */
    public Optional<Reply> errors(
            ZoneId peerZone,
            Map<String, List<String>> values,
            Function<Map<String, List<String>>, Form> form) {
        LogValidation.Result result =
                LogValidation.validate(values, clock.instant().atZone(peerZone).toLocalDate());
        return result.valid()
                ? Optional.empty()
                : Optional.of(new Reply.FormErrors(form.apply(values), result.errors()));
    }

    /**
     * Validates and stores a submission of a log form by a peer; an invalid one is shown again on
     * {@code form} (a form of its own that carries more than the log).
     */
    public Reply submit(
            UUID agencyId,
            UUID peerMemberId,
            ZoneId peerZone,
            Map<String, List<String>> values,
            Function<Map<String, List<String>>, Form> form) {
        Objects.requireNonNull(peerZone, "null peerZone");
        requirePeer(agencyId, peerMemberId);
        Instant now = clock.instant();
        LocalDate today = now.atZone(peerZone).toLocalDate();
        LogValidation.Result result = LogValidation.validate(values, today);
        if (!result.valid()) {
            return new Reply.FormErrors(form.apply(values), result.errors());
        }
        String pseudonym = pseudonyms.of(agencyId, peerMemberId);
        LogEntry entry =
                store.inTransaction(
                        h -> {
                            LogEntry e =
                                    h.attach(InteractionLogs.class)
                                            .insert(
                                                    agencyId,
                                                    today,
                                                    result.codes(),
                                                    pseudonym,
                                                    now,
                                                    sealedAt(now));
                            if (result.codes().followUpDate() != null) {
                                h.attach(FollowUpReminders.class)
                                        .add(
                                                agencyId,
                                                ReminderTags.peer(h, agencyId, peerMemberId),
                                                ReminderTags.log(h, agencyId, e.id()),
                                                result.codes().followUpDate());
                            }
                            return e;
                        });
        return new Reply.FormAccepted(confirmation(entry));
    }

    /** The peer's own logs still open for correction, newest first. */
    public List<LoggedContact> recentLogs(UUID agencyId, UUID peerMemberId) {
        String pseudonym = pseudonyms.of(agencyId, peerMemberId);
        return store.repo(InteractionLogs.class).open(agencyId, pseudonym, clock.instant()).stream()
                .map(InteractionLogService::contact)
                .toList();
    }

    /** The log form pre-filled with one of the peer's open logs, to correct it. */
    public Reply correctionForm(UUID agencyId, UUID peerMemberId, UUID logId) {
        Optional<LogEntry> own = ownOpen(agencyId, peerMemberId, logId);
        if (own.isEmpty()) {
            return Reply.text(REFUSAL);
        }
        LocalDate followUp =
                store.withConnection(
                        h ->
                                h
                                        .attach(FollowUpReminders.class)
                                        .dueOf(agencyId, ReminderTags.log(h, agencyId, logId))
                                        .stream()
                                        .findFirst()
                                        .orElse(null));
        return new Reply.ShowForm(
                InteractionLogForms.withValues(
                        LogValues.of(own.get(), followUp), logId.toString()));
    }

    /**
     * Replaces the codes of one of the peer's logs, if it is theirs and not yet sealed. The
     * follow-up date is checked against the log's own day.
     */
    public Reply correct(
            UUID agencyId, UUID peerMemberId, UUID logId, Map<String, List<String>> values) {
        Optional<LogEntry> own = ownOpen(agencyId, peerMemberId, logId);
        if (own.isEmpty()) {
            return Reply.text(REFUSAL);
        }
        LogValidation.Result result = LogValidation.validate(values, own.get().logDate());
        if (!result.valid()) {
            return new Reply.FormErrors(
                    InteractionLogForms.withValues(values, logId.toString()), result.errors());
        }
        String pseudonym = pseudonyms.of(agencyId, peerMemberId);
        Optional<LogEntry> corrected =
                store.inTransaction(
                        h -> {
                            Optional<LogEntry> c =
                                    h.attach(InteractionLogs.class)
                                            .correct(
                                                    agencyId,
                                                    logId,
                                                    pseudonym,
                                                    result.codes(),
                                                    clock.instant());
                            FollowUpReminders reminders = h.attach(FollowUpReminders.class);
                            String logRef = ReminderTags.log(h, agencyId, logId);
                            LocalDate before =
                                    reminders.dueOf(agencyId, logRef).stream()
                                            .findFirst()
                                            .orElse(null);
                            LocalDate after = result.codes().followUpDate();
                            if (c.isPresent() && !Objects.equals(before, after)) {
                                reminders.removeFor(agencyId, logRef);
                                if (after != null) {
                                    reminders.add(
                                            agencyId,
                                            ReminderTags.peer(h, agencyId, peerMemberId),
                                            logRef,
                                            after);
                                }
                            }
                            return c;
                        });
        return corrected
                .<Reply>map(e -> new Reply.FormAccepted(Message.text("Log corrected.")))
                .orElseGet(() -> Reply.text(REFUSAL));
    }

    /**
     * Reminders due on or before {@code day}, across agencies (the reminder job's query). Send each
     * to its peer, then call {@link #followUpSent}.
     */
    public List<FollowUpDue> dueFollowUps(LocalDate day) {
        return store.repo(FollowUpReminders.class).dueAcrossAgencies(day);
    }

    /**
     * When a log written at {@code now} is sealed: the UTC midnight at or after {@link
     * #CORRECTION_WINDOW} from now (so a peer has at least the window, and the stored time says
     * nothing finer than the day).
     */
    static Instant sealedAt(Instant now) {
        Instant end = now.plus(CORRECTION_WINDOW);
        Instant day = end.truncatedTo(ChronoUnit.DAYS);
        return day.equals(end) ? day : day.plus(Duration.ofDays(1));
    }

    /** Forgets a reminder once sent; returns whether it was still there. */
    public boolean followUpSent(UUID agencyId, UUID reminderId) {
        return store.repo(FollowUpReminders.class).sent(agencyId, reminderId);
    }

    private Optional<LogEntry> ownOpen(UUID agencyId, UUID peerMemberId, UUID logId) {
        String pseudonym = pseudonyms.of(agencyId, peerMemberId);
        return store.repo(InteractionLogs.class)
                .find(agencyId, logId)
                .filter(e -> e.peerPseudonym().equals(pseudonym))
                .filter(e -> e.sealedAt().isAfter(clock.instant()));
    }

    private void requirePeer(UUID agencyId, UUID memberId) {
        if (!store.repo(PeerRoles.class).isActivePeer(agencyId, memberId)) {
            throw new NotAPeerException();
        }
    }

    private static LoggedContact contact(LogEntry e) {
        return new LoggedContact(
                e.id(),
                e.logDate(),
                new LogCodes(
                        e.contactType(),
                        e.topicCodes(),
                        e.durationBand(),
                        e.referralCodes(),
                        null,
                        e.safetyConcern()),
                e.sealedAt());
    }

    private static Message confirmation(LogEntry e) {
        List<String> notes =
                e.safetyConcern()
                        ? List.of(
                                "You marked a safety concern. If anyone is in danger now, follow your agency's "
                                        + "crisis protocol or call 988.")
                        : List.of();
        return new Message(
                "Logged — thank you. You can correct it for the next 24 hours.",
                notes,
                List.of(Button.of(CORRECT_ACTION, "Correct", e.id().toString())));
    }
}
