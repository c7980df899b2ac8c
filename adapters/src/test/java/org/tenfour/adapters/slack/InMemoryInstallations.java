package org.tenfour.adapters.slack;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The installations port in memory, for tests. */
final class InMemoryInstallations implements SlackInstallations {
    final Map<String, SlackInstallation> byTeam = new ConcurrentHashMap<>();
    final Map<String, Instant> states = new ConcurrentHashMap<>();

    @Override
    public void save(SlackInstallation installation) {
        byTeam.put(installation.teamId(), installation);
    }

    @Override
    public Optional<SlackInstallation> find(String teamId) {
        return Optional.ofNullable(byTeam.get(teamId));
    }

    @Override
    public void delete(String teamId) {
        byTeam.remove(teamId);
    }

    @Override
    public void saveState(String state, Instant expiresAt) {
        states.put(state, expiresAt);
    }

    @Override
    public boolean consumeState(String state, Instant now) {
        Instant expiry = states.remove(state);
        return expiry != null && expiry.isAfter(now);
    }
}
