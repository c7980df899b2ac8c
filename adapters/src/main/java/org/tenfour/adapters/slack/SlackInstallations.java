package org.tenfour.adapters.slack;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: where Slack installations and in-flight OAuth states are kept (the product stores them in
 * PostgreSQL, tokens encrypted). Used only in OAuth mode, except {@link #delete} on uninstall.
 */
public interface SlackInstallations {

    /** Stores a new installation, or replaces the workspace's previous one. */
    void save(SlackInstallation installation);

    /** The workspace's installation, if the app is installed there. */
    Optional<SlackInstallation> find(String teamId);

    /** Forgets the workspace's installation (the app was uninstalled or its token revoked). */
    void delete(String teamId);

    /** Remembers a freshly issued OAuth {@code state} until {@code expiresAt}. */
    void saveState(String state, Instant expiresAt);

    /**
     * True exactly once for a state saved earlier and not expired at {@code now}; it is then gone.
     */
    boolean consumeState(String state, Instant now);
}
