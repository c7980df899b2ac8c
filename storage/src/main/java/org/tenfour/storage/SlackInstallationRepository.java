package org.tenfour.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Slack installations in {@code platform_installation}, with the bot token encrypted by a {@link
 * SecretCipher} bound to the workspace id, and the one-time OAuth states of installs in progress
 * (stored hashed).
 *
 * <p>{@link #findByTeam} and {@link #deleteByTeam} are the lookups by workspace that identify the
 * agency of an inbound request (as {@link Agencies#findByWorkspace} does); everything else takes
 * the agency id.
 */
public final class SlackInstallationRepository {
    private final SlackInstallationSql sql;
    private final SecretCipher cipher;

    private final Jdbi jdbi;

    public SlackInstallationRepository(Store store, SecretCipher cipher) {
        this(store.jdbi(), cipher);
    }

    public SlackInstallationRepository(Jdbi jdbi, SecretCipher cipher) {
        this.jdbi = Objects.requireNonNull(jdbi, "null jdbi");
        this.sql = Repositories.of(jdbi).onDemand(SlackInstallationSql.class);
        this.cipher = Objects.requireNonNull(cipher, "null cipher");
    }

    /**
     * Re-encrypts, in one transaction, every stored token the cipher would not have written itself
     * (sealed before key ids, or under a previous key); returns how many. A token that no known key
     * opens stops it, and nothing changes.
     */
    public int resealAll() {
        return jdbi.inTransaction(
                h -> {
                    SlackInstallationSql tx =
                            Repositories.of(jdbi).bound(h, SlackInstallationSql.class);
                    int resealed = 0;
                    for (SlackInstallationSql.Sealed row : tx.sealedTokens()) {
                        if (!cipher.needsResealing(row.botTokenEnc())) {
                            continue;
                        }
                        String token = cipher.decrypt(row.botTokenEnc(), row.workspaceId());
                        resealed +=
                                tx.reseal(
                                        row.agencyId(),
                                        row.workspaceId(),
                                        cipher.encrypt(token, row.workspaceId()));
                    }
                    return resealed;
                });
    }

    /**
     * Stores (or, on a re-install, replaces) the installation; false when the workspace is already
     * installed for another agency, in which case nothing changes.
     */
    public boolean save(SlackInstallationRecord installation) {
        byte[] sealed = cipher.encrypt(installation.botToken(), installation.teamId());
        return sql.upsert(
                installation.agencyId(),
                installation.teamId(),
                installation.teamName(),
                installation.botUserId(),
                sealed,
                installation.scopes(),
                installation.installerUserId());
    }

    /** The installation of a workspace, whichever agency it belongs to. */
    public Optional<SlackInstallationRecord> findByTeam(String teamId) {
        return sql.findByTeam(teamId).map(this::open);
    }

    /** The agency's installation in a workspace. */
    public Optional<SlackInstallationRecord> find(UUID agencyId, String teamId) {
        return sql.find(agencyId, teamId).map(this::open);
    }

    /** Removes the agency's installation in a workspace; returns the rows removed. */
    public int delete(UUID agencyId, String teamId) {
        return sql.delete(agencyId, teamId);
    }

    /** Removes a workspace's installation when Slack says the app was uninstalled there. */
    public int deleteByTeam(String teamId) {
        return sql.deleteByTeam(teamId);
    }

    /** Remembers a new OAuth state until {@code expiresAt}, and forgets expired ones. */
    public void issueState(String state, Instant expiresAt, Instant now) {
        sql.purgeStates(now);
        sql.insertState(hash(state), expiresAt);
    }

    /** True exactly once for a state issued earlier and not yet expired at {@code now}. */
    public boolean consumeState(String state, Instant now) {
        return state != null && !state.isBlank() && sql.consumeState(hash(state), now);
    }

    private SlackInstallationRecord open(SlackInstallationSql.Row row) {
        String token = cipher.decrypt(row.botTokenEnc(), row.workspaceId());
        return new SlackInstallationRecord(
                row.agencyId(),
                row.workspaceId(),
                row.teamName(),
                row.botUserId(),
                token,
                row.scopes(),
                row.installerUserId(),
                row.installedAt());
    }

    private static String hash(String state) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(state.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
