package org.tenfour.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The SQL behind {@link SlackInstallationRepository}; sees only ciphertext. */
@RegisterConstructorMapper(SlackInstallationSql.Row.class)
interface SlackInstallationSql {
    String COLUMNS =
            """
            agency_id, workspace_id, team_name, bot_user_id, bot_token_enc, scopes, installer_user_id,
            installed_at""";

    /** A stored row; the token still encrypted. */
    @SuppressWarnings("ArrayRecordComponent") // a carrier, never compared or kept
    record Row(
            UUID agencyId,
            String workspaceId,
            String teamName,
            String botUserId,
            byte[] botTokenEnc,
            String scopes,
            String installerUserId,
            Instant installedAt) {}

    /**
     * Inserts or replaces the workspace's installation, unless the workspace belongs to another
     * agency.
     */
    @SqlUpdate(
            """
            insert into platform_installation
                (agency_id, platform, workspace_id, team_name, bot_user_id, bot_token_enc, scopes,
                 installer_user_id, installed_at)
            values (:agencyId, 'slack', :teamId, :teamName, :botUserId, :tokenEnc, :scopes,
                    :installerUserId, now())
            on conflict (platform, workspace_id) do update
                set team_name = excluded.team_name, bot_user_id = excluded.bot_user_id,
                    bot_token_enc = excluded.bot_token_enc, scopes = excluded.scopes,
                    installer_user_id = excluded.installer_user_id, installed_at = excluded.installed_at
                where platform_installation.agency_id = excluded.agency_id""")
    boolean upsert(
            UUID agencyId,
            String teamId,
            String teamName,
            String botUserId,
            byte[] tokenEnc,
            String scopes,
            String installerUserId);

    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from platform_installation where platform = 'slack' and workspace_id = :teamId")
    Optional<Row> findByTeam(String teamId);

    @SqlQuery(
            "select "
                    + COLUMNS
                    + """
             from platform_installation
            where platform = 'slack' and agency_id = :agencyId and workspace_id = :teamId""")
    Optional<Row> find(UUID agencyId, String teamId);

    @SqlUpdate(
            """
            delete from platform_installation
            where platform = 'slack' and agency_id = :agencyId and workspace_id = :teamId""")
    int delete(UUID agencyId, String teamId);

    /** Every sealed token, for re-encryption under a new key (maintenance, all agencies). */
    @SqlQuery(
            """
            select agency_id, workspace_id, bot_token_enc from platform_installation
            where platform = 'slack' and bot_token_enc is not null
            for update""")
    @RegisterConstructorMapper(Sealed.class)
    List<Sealed> sealedTokens();

    /** A sealed token and the row it belongs to. */
    @SuppressWarnings("ArrayRecordComponent") // a carrier, never compared or kept
    record Sealed(UUID agencyId, String workspaceId, byte[] botTokenEnc) {}

    @SqlUpdate(
            """
            update platform_installation set bot_token_enc = :tokenEnc
            where platform = 'slack' and agency_id = :agencyId and workspace_id = :teamId""")
    int reseal(UUID agencyId, String teamId, byte[] tokenEnc);

    @SqlUpdate(
            "delete from platform_installation where platform = 'slack' and workspace_id = :teamId")
    int deleteByTeam(String teamId);

    @SqlUpdate(
            """
            insert into slack_oauth_state (state_hash, expires_at) values (:stateHash, :expiresAt)
            on conflict (state_hash) do nothing""")
    boolean insertState(String stateHash, Instant expiresAt);

    @SqlUpdate("delete from slack_oauth_state where expires_at <= :now")
    int purgeStates(Instant now);

    @SqlUpdate("delete from slack_oauth_state where state_hash = :stateHash and expires_at > :now")
    boolean consumeState(String stateHash, Instant now);
}
