package org.tenfour.adapters.teams;

import java.time.Duration;
import java.util.Objects;
import org.tenfour.adapters.Address;

/**
 * Port offered by the Teams adapter when proactive installs are on: installs TenFour in a Teams
 * user's personal scope through Microsoft Graph (the documented proactive-install pattern) and
 * keeps the conversation reference of their 1:1 chat, so that the product can write to someone who
 * never opened the app. Idempotent: an app already installed is not installed again.
 */
public interface AppInstaller {

    /**
     * Installs the app for {@code user} (a Teams user id of the bot's tenant), looking the person
     * up in the conversation {@code via} (a team channel the bot is in, such as the coordinators'),
     * and opens their chat. Never throws for an answer of Graph's: the outcome says what happened.
     */
    Outcome install(Address user, Address via);

    /** What an install attempt came to. */
    sealed interface Outcome {}

    /**
     * Installed (now, or earlier by anyone) and the chat's reference kept.
     *
     * @param user the person's address with their chat
     * @param installedNow whether this call installed it (false: it was installed already)
     */
    record Reached(Address user, boolean installedNow) implements Outcome {
        public Reached {
            Objects.requireNonNull(user, "null user");
        }
    }

    /** The person is not in the directory or the team: trying again soon will not help. */
    record NotFound() implements Outcome {}

    /** Graph refused: the admin has not granted {@code permission} to the app. */
    record NotPermitted(String permission) implements Outcome {
        public NotPermitted {
            Objects.requireNonNull(permission, "null permission");
        }
    }

    /** Graph asked to slow down: nothing is sent to it before {@code retryAfter} has passed. */
    record Throttled(Duration retryAfter) implements Outcome {
        public Throttled {
            Objects.requireNonNull(retryAfter, "null retryAfter");
        }
    }

    /**
     * Another failure: worth trying again later when {@code retry} (a 5xx, a timeout), otherwise a
     * refusal such as a wrong catalogue id; {@code reason} names the call and status, no person.
     */
    record Failed(boolean retry, String reason) implements Outcome {
        public Failed {
            Objects.requireNonNull(reason, "null reason");
        }
    }
}
