package org.tenfour.adapters;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What a platform tells the product, translated into neutral records by the adapter. */
public sealed interface InboundEvent {

    /** Who caused the event. */
    Actor actor();

    /**
     * A text command after the platform's wrapping is stripped: Slack {@code /tenfour cadence
     * weekly} and a Teams {@code <at>TenFour</at> cadence weekly} both become name {@code tenfour},
     * text {@code cadence weekly}. User mentions are normalised to {@code <@USERID>}.
     *
     * <p>In a Teams 1:1 chat commands and conversation share one box: a message whose first word is
     * a command word is a command only outside a relay. Such a command carries the message {@code
     * asWritten}; during a relay the product relays it instead, unless it is {@code explicit} (the
     * bot @mentioned, or a Slack-style {@code /tenfour …}) or exactly a control word ({@code end}).
     *
     * @param name the command word ({@code tenfour}, {@code peer})
     * @param text the arguments, trimmed
     * @param where the channel or DM the command was typed in
     * @param triggerId the platform's handle to open a form in reply, or null
     * @param asWritten the message as written when it could also be conversation, or null
     * @param explicit whether the person addressed the bot unmistakably
     */
    record Command(
            Actor actor,
            String name,
            String text,
            Address where,
            String triggerId,
            String asWritten,
            boolean explicit)
            implements InboundEvent {
        public Command {
            Objects.requireNonNull(actor, "null actor");
            Address.requireText(name, "name");
            Objects.requireNonNull(text, "null text");
            Objects.requireNonNull(where, "null where");
            if (asWritten != null && asWritten.isBlank()) {
                throw new IllegalArgumentException("blank asWritten");
            }
        }

        /** A command that can be nothing else (a slash command, a channel mention). */
        public Command(Actor actor, String name, String text, Address where, String triggerId) {
            this(actor, name, text, where, triggerId, null, true);
        }

        /** Never the text as written: it may be personal. */
        @Override
        public String toString() {
            return "Command[actor="
                    + actor
                    + ", name="
                    + name
                    + ", where="
                    + where
                    + ", explicit="
                    + explicit
                    + (asWritten == null ? "" : ", asWritten=(" + asWritten.length() + " chars)")
                    + "]";
        }
    }

    /** A submitted form: values by field id (choice fields give option values; booleans "true"). */
    record FormSubmitted(
            Actor actor, String formId, Map<String, List<String>> values, String context)
            implements InboundEvent {
        public FormSubmitted {
            Objects.requireNonNull(actor, "null actor");
            Address.requireText(formId, "formId");
            values = Map.copyOf(Objects.requireNonNull(values, "null values"));
            Objects.requireNonNull(context, "null context");
        }
    }

    /**
     * A pressed button on a message sent earlier.
     *
     * @param message the message the button was on, so it can be updated
     * @param where the conversation the message is in
     * @param triggerId the platform's handle to open a form in reply, or null
     */
    record ButtonPressed(
            Actor actor,
            String actionId,
            String value,
            Address where,
            Delivery message,
            String triggerId)
            implements InboundEvent {
        public ButtonPressed {
            Objects.requireNonNull(actor, "null actor");
            Address.requireText(actionId, "actionId");
            Objects.requireNonNull(value, "null value");
        }
    }

    /**
     * The bot was installed or removed, or a person joined or left a conversation the bot is in.
     * Teams needs these to learn conversation references for later proactive messages.
     */
    record MembershipChanged(Actor actor, Change change, Address conversation)
            implements InboundEvent {
        /** What changed. */
        public enum Change {
            BOT_INSTALLED,
            BOT_REMOVED,
            MEMBER_JOINED,
            MEMBER_LEFT
        }

        public MembershipChanged {
            Objects.requireNonNull(actor, "null actor");
            Objects.requireNonNull(change, "null change");
            Objects.requireNonNull(conversation, "null conversation");
        }
    }

    /**
     * A person wrote to the bot in a direct message, and it is not a command (Slack: a {@code
     * message.im} from a person; Teams: a 1:1 message whose first word is no command). The product
     * relays it to a peer when a relay is active and never stores it.
     *
     * @param text what they wrote, as written
     * @param where the direct-message conversation
     */
    record DirectMessage(Actor actor, String text, Address where) implements InboundEvent {
        public DirectMessage {
            Objects.requireNonNull(actor, "null actor");
            Objects.requireNonNull(text, "null text");
            Objects.requireNonNull(where, "null where");
        }

        /** Never the text: it is personal. */
        @Override
        public String toString() {
            return "DirectMessage[actor="
                    + actor
                    + ", where="
                    + where
                    + ", text=("
                    + text.length()
                    + " chars)]";
        }
    }

    /** A member opened the bot's home (Slack App Home); the product may publish a view. */
    record HomeOpened(Actor actor) implements InboundEvent {
        public HomeOpened {
            Objects.requireNonNull(actor, "null actor");
        }
    }
}
