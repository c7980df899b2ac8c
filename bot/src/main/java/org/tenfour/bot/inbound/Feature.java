package org.tenfour.bot.inbound;

import java.util.Map;
import java.util.Set;
import org.tenfour.adapters.InboundEvent;
import org.tenfour.adapters.Message;
import org.tenfour.adapters.Reply;

/** A feature's contribution to the inbound routing: its subcommands, buttons, forms and home. */
public interface Feature {

    /** What this feature does for the {@code /tenfour} subcommands it owns. */
    default Map<Subcommand, Subcommand.Action> subcommands() {
        return Map.of();
    }

    /** Button handlers by action id. */
    default Map<String, ButtonAction> buttons() {
        return Map.of();
    }

    /** Form handlers by form id. */
    default Map<String, FormAction> forms() {
        return Map.of();
    }

    /**
     * Handles plain direct messages to the bot (not commands), or null when the feature does not.
     * At most one feature may: the relay.
     */
    default DirectMessageAction directMessages() {
        return null;
    }

    /**
     * Renders the caller's home (Slack App Home), or null when the feature has none. At most one
     * feature may.
     */
    default HomeAction home() {
        return null;
    }

    /** Renders a person's home. */
    @FunctionalInterface
    interface HomeAction {
        Message render(Caller caller);
    }

    /**
     * Hears that the bot was installed ({@code installer} is who did it, the event says where), or
     * null when the feature does not care.
     */
    default InstallAction installs() {
        return null;
    }

    /** Handles the bot's installation. */
    @FunctionalInterface
    interface InstallAction {
        void run(Caller installer, InboundEvent.MembershipChanged event);
    }

    /**
     * Handles a direct message that is not a command, and says when a message that looks like one
     * (a Teams chat's first word) is conversation instead.
     */
    interface DirectMessageAction {
        Reply run(Caller caller, InboundEvent.DirectMessage event);

        /** Whether what the caller writes now goes to someone (a relay is open). */
        boolean inConversation(Caller caller);

        /** The words that, alone in a message, still act during a conversation ({@code end}). */
        Set<Subcommand> controls();
    }

    /** Handles a pressed button. */
    @FunctionalInterface
    interface ButtonAction {
        Reply run(Caller caller, InboundEvent.ButtonPressed event);
    }

    /** Handles a submitted form. */
    @FunctionalInterface
    interface FormAction {
        Reply run(Caller caller, InboundEvent.FormSubmitted event);
    }
}
