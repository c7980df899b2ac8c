package org.tenfour.adapters.slack;

import com.slack.api.bolt.service.OAuthStateService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Bolt's {@link OAuthStateService} on the {@link SlackInstallations} port: a random state, kept for
 * ten minutes, bound to the installing browser by Bolt's cookie and accepted once.
 */
final class PortOAuthStateService implements OAuthStateService {
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final SlackInstallations installations;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PortOAuthStateService(SlackInstallations installations, Clock clock) {
        this.installations = installations;
        this.clock = clock;
    }

    @Override
    public String generateNewStateValue() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public long getExpirationInSeconds() {
        return LIFETIME.toSeconds();
    }

    @Override
    public void addNewStateToDatastore(String state) {
        installations.saveState(state, clock.instant().plus(LIFETIME));
    }

    /** Consumes the state while checking it, so two redirects with one state cannot both pass. */
    @Override
    public boolean isAvailableInDatabase(String state) {
        return installations.consumeState(state, clock.instant());
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        // already consumed by isAvailableInDatabase
    }
}
