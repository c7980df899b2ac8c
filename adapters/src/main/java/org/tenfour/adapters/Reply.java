package org.tenfour.adapters;

import java.util.Map;
import java.util.Objects;

/**
 * The product's immediate answer to an inbound event, delivered in the platform's acknowledgement.
 */
public sealed interface Reply {

    /** Nothing to say now (work continues through the outbox). */
    record None() implements Reply {}

    /** A message only the actor sees (Slack ephemeral, Teams reply in the same conversation). */
    record Private(Message message) implements Reply {
        public Private {
            Objects.requireNonNull(message, "null message");
        }
    }

    /** Open this form for the actor. */
    record ShowForm(Form form) implements Reply {
        public ShowForm {
            Objects.requireNonNull(form, "null form");
        }
    }

    /** The submitted form was invalid: show these messages next to the named fields. */
    record FormErrors(Form form, Map<String, String> errors) implements Reply {
        public FormErrors {
            Objects.requireNonNull(form, "null form");
            errors = Map.copyOf(Objects.requireNonNull(errors, "null errors"));
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("FormErrors without errors");
            }
        }
    }

    /** The form was accepted; close it and optionally say something. */
    record FormAccepted(Message confirmation) implements Reply {}

    /** Nothing to say. */
    static Reply none() {
        return new None();
    }

    /** A private text reply. */
    static Reply text(String text) {
        return new Private(Message.text(text));
    }
}
