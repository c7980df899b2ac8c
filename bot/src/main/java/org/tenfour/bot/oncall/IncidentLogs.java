package org.tenfour.bot.oncall;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tenfour.adapters.Field;
import org.tenfour.adapters.Form;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.agency.TimeZones;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Role;
import org.tenfour.bot.log.Codes;
import org.tenfour.bot.log.InteractionLogForms;
import org.tenfour.bot.log.InteractionLogService;
import org.tenfour.bot.log.PseudonymKeys;
import org.tenfour.storage.CallOut;
import org.tenfour.storage.CallOuts;
import org.tenfour.storage.Member;
import org.tenfour.storage.Members;
import org.tenfour.storage.Store;

/**
 * The lead peer's "Log a contact" on an incident: the ordinary coded log (nothing more is stored in
 * it), plus whom of the people involved it was with, which only counts that member once for the
 * incident's follow-up measure ({@link IncidentFollowUps}) and is kept nowhere.
 */
public final class IncidentLogs implements Feature {
    /** The button on the lead peer's list of who is involved; its value is the incident. */
    static final String LOG = "callout.log";

    /** The form; its context is the incident. */
    static final String FORM_ID = "log.incident";

    /** The field naming whom of the involved the contact was with (a member id). */
    static final String WHO = "who";

    /** Choices the form offers (a Slack select holds 100). */
    static final int MAX_WHO = 100;

    private final Store store;
    private final Clock clock;
    private final InteractionLogService logs;

    public IncidentLogs(Store store, Clock clock, PseudonymKeys keys) {
        this.store = store;
        this.clock = clock;
        this.logs = new InteractionLogService(store, clock, keys);
    }

    @Override
    public Map<String, ButtonAction> buttons() {
        return Map.of(LOG, this::open);
    }

    @Override
    public Map<String, FormAction> forms() {
        return Map.of(FORM_ID, this::submitted);
    }

    private Reply open(Caller caller, InboundEvent.ButtonPressed event) {
        Optional<UUID> incident = led(caller, event.value());
        if (incident.isEmpty()) {
            return Reply.text(NOT_LEAD);
        }
        return new Reply.ShowForm(
                form(
                        caller,
                        incident.get(),
                        Map.of(
                                InteractionLogForms.CONTACT_TYPE,
                                List.of(Codes.ContactType.CRITICAL_INCIDENT.code()))));
    }

    private Reply submitted(Caller caller, InboundEvent.FormSubmitted event) {
        Optional<UUID> incident = led(caller, event.context());
        if (incident.isEmpty()) {
            return Reply.text(NOT_LEAD);
        }
        UUID incidentId = incident.get();
        List<String> who = event.values().getOrDefault(WHO, List.of());
        Optional<UUID> member =
                who.size() == 1
                        ? involved(caller, incidentId).stream()
                                .map(Member::id)
                                .filter(id -> id.toString().equals(who.get(0)))
                                .findFirst()
                        : Optional.empty();
        if (member.isEmpty()) {
            return new Reply.FormErrors(
                    form(caller, incidentId, event.values()),
                    Map.of(WHO, "Choose one of the people involved."));
        }
        Map<String, List<String>> log = new HashMap<>(event.values());
        log.remove(WHO);
        var zone = TimeZones.of(caller.agency(), caller.member());
        Optional<Reply> errors =
                logs.errors(zone, log, values -> form(caller, incidentId, event.values()));
        if (errors.isPresent()) {
            return errors.get();
        }
        // counted first, once per member, in a transaction of its own: the log row is never
        // written with anything that names the incident or the member
        Instant now = clock.instant();
        if (Codes.ContactType.CRITICAL_INCIDENT
                .code()
                .equals(log.getOrDefault(InteractionLogForms.CONTACT_TYPE, List.of("")).get(0))) {
            store.useTransaction(
                    h ->
                            IncidentFollowUps.contacted(
                                    h, caller.agency().id(), incidentId, member.get(), now));
        }
        return logs.submit(
                caller.agency().id(),
                caller.member().id(),
                zone,
                log,
                values -> form(caller, incidentId, event.values()));
    }

    private static final String NOT_LEAD =
            "Only the incident's lead peer logs its follow-ups here; for any other contact use"
                    + " `/tenfour log`.";

    /** The incident, when the caller is a peer and its call-out's lead. */
    private Optional<UUID> led(Caller caller, String value) {
        if (!caller.is(Role.PEER)) {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return store.repo(CallOuts.class)
                .find(caller.agency().id(), id)
                .map(CallOut::leadPeerId)
                .filter(lead -> lead.equals(caller.member().id()))
                .map(lead -> id);
    }

    private List<Member> involved(Caller caller, UUID incidentId) {
        List<Member> out = new ArrayList<>();
        for (UUID id : store.repo(CallOuts.class).involved(caller.agency().id(), incidentId)) {
            if (out.size() == MAX_WHO) {
                break;
            }
            store.repo(Members.class).find(caller.agency().id(), id).ifPresent(out::add);
        }
        return out;
    }

    private Form form(Caller caller, UUID incidentId, Map<String, List<String>> values) {
        List<Field.Option> people =
                involved(caller, incidentId).stream()
                        .map(m -> new Field.Option(m.id().toString(), name(m)))
                        .toList();
        Field who =
                Field.choice(
                        WHO,
                        "With whom of the people involved (only counted for the incident's"
                                + " follow-up measure; never stored)",
                        people,
                        true);
        return InteractionLogForms.extended(FORM_ID, List.of(who), values, incidentId.toString());
    }

    private static String name(Member m) {
        return m.displayName() == null || m.displayName().isBlank()
                ? m.platformUserId()
                : m.displayName();
    }
}
