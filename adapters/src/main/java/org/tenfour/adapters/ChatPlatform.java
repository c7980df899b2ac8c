package org.tenfour.adapters;

import java.util.List;
import java.util.Optional;

/**
 * The outbound capability every platform offers: send, post, update, open a form.
 *
 * <p>Implementations throw {@link ChatPlatformException} subclasses so that the outbox can decide
 * whether to retry ({@link ChatPlatformException.RateLimited}, {@link
 * ChatPlatformException.Transient}) or to stop ({@link ChatPlatformException.Unreachable}, {@link
 * ChatPlatformException.Rejected}). They do not retry themselves: pacing, retries and idempotency
 * belong to the outbox.
 */
public interface ChatPlatform {

    /** Which platform this is. */
    Platform platform();

    /** Sends a message to a user (as a direct message) or a channel. */
    Delivery send(Address to, Message message);

    /**
     * Sends a message tagged with the outbox's idempotency key, so that {@link #findSent} can later
     * tell whether an attempt whose outcome is unknown (a crash mid-call) reached the platform.
     * Platforms that cannot carry a key send it untagged.
     */
    default Delivery send(Address to, Message message, String idempotencyKey) {
        return send(to, message);
    }

    /**
     * Looks for a message sent earlier with {@code idempotencyKey}; empty when none is found or the
     * platform cannot say (then the outbox re-sends: at least once).
     */
    default Optional<Delivery> findSent(Address to, String idempotencyKey) {
        return Optional.empty();
    }

    /** Replaces a message sent earlier (e.g. to disable its buttons once one was used). */
    void update(Address to, Delivery sent, Message message);

    /**
     * Opens a form in response to a user's interaction; {@code triggerId} is the platform's
     * short-lived handle for that interaction (Slack {@code trigger_id}).
     */
    void openForm(Address user, String triggerId, Form form);

    /** Posts a file to a user or channel; returns where it landed. */
    default Delivery upload(Address to, FileUpload file) {
        throw new ChatPlatformException.Rejected(platform().id() + " cannot upload files");
    }

    /** Looks a person up (display name, time zone); empty when the platform cannot say. */
    default Optional<UserProfile> profile(Address user) {
        return Optional.empty();
    }

    /**
     * The workspace's or tenant's own name as the platform knows it (Slack {@code team.info}), for
     * people to read instead of its id; empty when the platform cannot say.
     */
    default Optional<String> workspaceName(String workspaceId) {
        return Optional.empty();
    }

    /** The user ids in a channel (Slack channel) or group (Slack user group {@code S…}). */
    default List<String> groupMembers(Address group) {
        throw new ChatPlatformException.Rejected(platform().id() + " cannot list group members");
    }

    /**
     * Opens a conversation with several people (Slack {@code conversations.open} with the users)
     * and returns its address, for same-agency introductions; empty where the platform cannot.
     */
    default Optional<Address> openGroupConversation(List<Address> users) {
        return Optional.empty();
    }
}
