package org.tenfour.bot.onboarding;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.tenfour.adapters.Button;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;
import org.tenfour.bot.agency.AddressBook;
import org.tenfour.bot.agency.AgencySettings;
import org.tenfour.bot.inbound.Caller;
import org.tenfour.bot.inbound.Feature;
import org.tenfour.bot.inbound.Role;
import org.tenfour.bot.outbox.OutboxKey;
import org.tenfour.bot.outbox.Outgoing;
import org.tenfour.storage.Agency;
import org.tenfour.storage.Member;
import org.tenfour.storage.OutboxKind;
import org.tenfour.storage.PeerOnboarding;
import org.tenfour.storage.Store;
import org.tenfour.storage.Tx;

/**
 * The new peer's first message — the policy, its exceptions, the scope of the role — and the button
 * that acknowledges it. Until it is pressed the peer is out of the rotation ({@link RotationGate}).
 */
public final class Onboarding implements Feature {
    /** The acknowledgement button's action id. */
    public static final String ACKNOWLEDGE = "onboarding.ack";

    static final String SCOPE =
            "A peer supporter listens, supports and helps a colleague find the right help. You are"
                    + " not a counsellor or a clinician: you do not diagnose or treat. Refer"
                    + " (`/tenfour resources` lists where) when someone needs more than a peer:"
                    + " distress that does not ease, alcohol or substance use, family, legal or"
                    + " money trouble. If someone may harm themself or others, stay with them, give"
                    + " the crisis lines and press *Safety concern* on the request: the coordinators"
                    + " are paged. Log each contact with codes only (`/tenfour log`), never names or"
                    + " what was said.";

    private final Store store;
    private final Clock clock;

    public Onboarding(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Starts a new peer's onboarding inside the caller's transaction: the policy goes to them, and
     * they stay out of the rotation until they acknowledge it. Nothing happens for a peer who
     * started it before.
     */
    public static void begin(Tx h, Agency agency, Member peer, Instant now) {
        LocalDate today = now.atZone(ZoneId.of(agency.timeZone())).toLocalDate();
        if (!h.attach(PeerOnboarding.class).start(agency.id(), peer.id(), today)) {
            return;
        }
        Outgoing.on(h, agency.id())
                .send(
                        OutboxKey.of(OutboxKind.OTHER, null, "onboarding", peer.id()),
                        AddressBook.member(h, agency, peer),
                        policy(AgencySettings.fromJson(agency.settingsJson())),
                        now);
    }

    /** The policy, its written exceptions and the scope of the role, with the button. */
    static Message policy(AgencySettings settings) {
        return new Message(
                "*Welcome to the peer support team.* Before any offer or check-in goes out in your"
                        + " name, please read this and confirm.\n\n*Confidentiality and its written"
                        + " exceptions*\n"
                        + settings.confidentialityPolicy()
                        + "\n\n*Your role*\n"
                        + SCOPE,
                List.of(),
                List.of(
                        new Button(
                                ACKNOWLEDGE,
                                "I have read this and will follow it",
                                "",
                                Button.Style.PRIMARY)));
    }

    @Override
    public Map<String, ButtonAction> buttons() {
        return Map.of(ACKNOWLEDGE, this::acknowledge);
    }

    private Reply acknowledge(Caller caller, InboundEvent.ButtonPressed event) {
        if (!caller.is(Role.PEER)) {
            return Reply.text("This is for the program's peer supporters.");
        }
        LocalDate today =
                clock.instant().atZone(ZoneId.of(caller.agency().timeZone())).toLocalDate();
        boolean first =
                store.repo(PeerOnboarding.class)
                        .acknowledge(caller.agency().id(), caller.member().id(), today);
        return Reply.text(
                first
                        ? "Thank you. You are now in the rotation: offers and check-ins can go out"
                                + " in your name."
                        : "You have acknowledged the policy already. Thank you.");
    }
}
