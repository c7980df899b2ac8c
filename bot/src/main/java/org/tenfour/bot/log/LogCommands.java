package org.tenfour.bot.log;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.agency.AddressBook;
import org.tenfour.bot.agency.TimeZones;
import org.tenfour.bot.inbound.Args;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Role;
import org.tenfour.bot.inbound.Subcommand;
import org.tenfour.bot.outbox.OutboxKey;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.bot.resources.Category;
import org.tenfour.bot.resources.ResourceNotes;
import org.tenfour.bot.words.Language;
import org.tenfour.bot.words.Words;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.Store;

/**
 * The peer's quick log: {@code /tenfour log} opens the coded form, its submission is stored
 * de-identified, {@code /tenfour log list} shows the peer's own logs still open for correction, and
 * after each log the peer may be offered a debrief (peer wellness).
 */
public final class LogCommands implements Feature {
    private final Store store;
    private final Clock clock;
    private final InteractionLogService service;
    private final PeerWellness wellness;
    private final int wellnessThreshold;

    public LogCommands(Store store, Clock clock, PseudonymKeys keys, int wellnessThreshold) {
        this.store = store;
        this.clock = clock;
        this.service = new InteractionLogService(store, clock, keys);
        this.wellness = new PeerWellness(store, clock, keys);
        this.wellnessThreshold = wellnessThreshold;
    }

    @Override
    public Map<Subcommand, Subcommand.Action> subcommands() {
        return Map.ofEntries(Map.entry(Subcommand.LOG, this::log));
    }

    @Override
    public Map<String, FormAction> forms() {
        return Map.of(InteractionLogForms.FORM_ID, this::submitted);
    }

    @Override
    public Map<String, ButtonAction> buttons() {
        return Map.of(
                InteractionLogService.CORRECT_ACTION,
                this::correct,
                PeerWellness.DEBRIEF_ACTION,
                (c, e) ->
                        Reply.text(
                                "Thank you for looking after yourself too. "
                                        + "Type `/peer` and choose a peer to debrief with — peers deserve peer support. "
                                        + "Your employee assistance program is there for you as well."),
                LOG_ACTION,
                (c, e) ->
                        c.is(Role.PEER)
                                ? new Reply.ShowForm(
                                        InteractionLogForms.logForm(
                                                e.value().isBlank() ? null : e.value()))
                                : Reply.text("Only peers log contacts."));
    }

    /** A "Log this contact" button; its value pre-fills the contact type. */
    public static final String LOG_ACTION = "log.open";

    private Reply log(Caller caller, Args args, String trigger) {
        if (args.word(0).equals("list")) {
            List<LoggedContact> logs =
                    service.recentLogs(caller.agency().id(), caller.member().id());
            if (logs.isEmpty()) {
                return Reply.text(
                        "You have no logs open for correction (logs are sealed 24 hours after you save them).");
            }
            return new Reply.Private(
                    new Message(
                            "Your logs still open for correction: " + logs.size(),
                            List.of(),
                            logs.stream()
                                    .limit(5)
                                    .map(
                                            l ->
                                                    Button.of(
                                                            InteractionLogService.CORRECT_ACTION,
                                                            truncate("Correct " + l.summary()),
                                                            l.logId().toString()))
                                    .toList()));
        }
        return new Reply.ShowForm(InteractionLogForms.logForm(null));
    }

    private static String truncate(String label) {
        return label.length() <= 70 ? label : label.substring(0, 69) + "…";
    }

    private Reply submitted(Caller caller, InboundEvent.FormSubmitted event) {
        if (!caller.is(Role.PEER)) {
            return Reply.text("Only active peer supporters can log contacts.");
        }
        Reply reply;
        if (event.context().isBlank()) {
            reply =
                    service.submit(
                            caller.agency().id(),
                            caller.member().id(),
                            TimeZones.of(caller.agency(), caller.member()),
                            event.values());
        } else {
            reply =
                    service.correct(
                            caller.agency().id(),
                            caller.member().id(),
                            UUID.fromString(event.context()),
                            event.values());
        }
        if (reply instanceof Reply.FormAccepted accepted) {
            reply = withResources(caller, accepted, event);
            Optional<Message> offer =
                    wellness.check(caller.agency().id(), caller.member().id(), wellnessThreshold);
            offer.ifPresent(
                    m ->
                            store.useTransaction(
                                    h -> {
                                        Agency agency =
                                                h.attach(Agencies.class)
                                                        .find(caller.agency().id())
                                                        .orElseThrow();
                                        Outgoing.on(h, agency.id())
                                                .send(
                                                        OutboxKey.of(
                                                                OutboxKind.WELLNESS,
                                                                null,
                                                                caller.member().id(),
                                                                LocalDate.now(clock)),
                                                        AddressBook.member(
                                                                h, agency, caller.member()),
                                                        m,
                                                        clock.instant());
                                    }));
        }
        return reply;
    }

    /**
     * A referral logged: the peer gets the directory's entries for it to pass on. Only the code is
     * stored; which entries were shown is not.
     */
    private Reply withResources(
            Caller caller, Reply.FormAccepted accepted, InboundEvent.FormSubmitted event) {
        Set<Category> categories = EnumSet.noneOf(Category.class);
        event.values()
                .getOrDefault(InteractionLogForms.REFERRALS, List.of())
                .forEach(code -> categories.addAll(Category.forReferral(code)));
        // shown to the peer who logged the referral, in English as peers' texts are
        List<String> lines =
                ResourceNotes.lines(store, caller.agency().id(), categories, Words.in(Language.EN));
        if (lines.isEmpty()) {
            return accepted;
        }
        List<String> withHeading = new ArrayList<>();
        withHeading.add("For your referral, from the resource directory:");
        withHeading.addAll(lines);
        return new Reply.FormAccepted(ResourceNotes.beneath(accepted.confirmation(), withHeading));
    }

    private Reply correct(Caller caller, InboundEvent.ButtonPressed event) {
        try {
            return service.correctionForm(
                    caller.agency().id(), caller.member().id(), UUID.fromString(event.value()));
        } catch (IllegalArgumentException e) {
            return Reply.text("That log could not be found.");
        }
    }
}
