package org.tenfour.bot.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tenfour.adapters.slack.SlackInstallation;
import org.tenfour.adapters.slack.SlackInstallations;
import org.tenfour.storage.Agencies;
import org.tenfour.storage.Agency;
import org.tenfour.storage.SecretCipher;
import org.tenfour.storage.SlackInstallationRecord;
import org.tenfour.storage.SlackInstallationRepository;
import org.tenfour.storage.StorageException;
import org.tenfour.storage.Store;

/** Slack installations in PostgreSQL, bot tokens encrypted; each workspace is an agency. */
final class StoredSlackInstallations implements SlackInstallations {
    private static final Logger log = LoggerFactory.getLogger(StoredSlackInstallations.class);
    private final Store store;
    private final SlackInstallationRepository repository;

    /**
     * Also brings every stored token under the current key: tokens sealed before key ids existed,
     * or left under the other key by an interrupted {@code rotate-key}.
     */
    StoredSlackInstallations(Store store, SecretCipher cipher, Clock clock) {
        this.store = store;
        this.repository = new SlackInstallationRepository(store, cipher);
        try {
            int resealed = repository.resealAll();
            if (resealed > 0) {
                log.info(
                        "re-encrypted {} stored Slack token(s) under key {}",
                        resealed,
                        cipher.keyId());
            }
        } catch (StorageException e) {
            log.warn(
                    "stored Slack tokens not readable with this {} (key {}); those workspaces fail until it is right",
                    SecretCipher.KEY_VARIABLE,
                    cipher.keyId());
        }
    }

    @Override
    public void save(SlackInstallation i) {
        Agency agency =
                store.repo(Agencies.class)
                        .upsert(
                                "slack",
                                i.teamId(),
                                i.teamName() == null ? i.teamId() : i.teamName());
        repository.save(
                new SlackInstallationRecord(
                        agency.id(),
                        i.teamId(),
                        i.teamName(),
                        i.botUserId(),
                        i.botToken(),
                        i.scopes(),
                        i.installerUserId(),
                        null));
    }

    @Override
    public Optional<SlackInstallation> find(String teamId) {
        return repository
                .findByTeam(teamId)
                .map(
                        r ->
                                new SlackInstallation(
                                        r.teamId(),
                                        r.teamName(),
                                        r.botUserId(),
                                        r.botToken(),
                                        r.scopes(),
                                        r.installerUserId()));
    }

    @Override
    public void delete(String teamId) {
        repository.deleteByTeam(teamId);
    }

    @Override
    public void saveState(String state, Instant expiresAt) {
        repository.issueState(state, expiresAt, Instant.now());
    }

    @Override
    public boolean consumeState(String state, Instant now) {
        return repository.consumeState(state, now);
    }
}
