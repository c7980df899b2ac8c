package org.tenfour.storage;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Agencies (tenants). Lookups are by the agency's own id or by its platform workspace. */
@RegisterConstructorMapper(Agency.class)
public interface Agencies {

    /** Creates the agency for a workspace, or returns the existing one. */
    @SqlQuery(
            """
            insert into agency (platform, workspace_id, name)
            values (:platform, :workspaceId, :name)
            on conflict (platform, workspace_id) do update set name = agency.name
            returning id, platform, workspace_id, name, time_zone, coordinator_channel_id,
                      settings::text as settings_json, created_at""")
    Agency upsert(String platform, String workspaceId, String name);

    @SqlQuery(
            """
            select id, platform, workspace_id, name, time_zone, coordinator_channel_id,
                   settings::text as settings_json, created_at
            from agency where id = :agencyId""")
    Optional<Agency> find(UUID agencyId);

    @SqlQuery(
            """
            select id, platform, workspace_id, name, time_zone, coordinator_channel_id,
                   settings::text as settings_json, created_at
            from agency where platform = :platform and workspace_id = :workspaceId""")
    Optional<Agency> findByWorkspace(String platform, String workspaceId);

    /** Every agency: for the scheduler's sweeps, which then work agency by agency. */
    @SqlQuery(
            """
            select id, platform, workspace_id, name, time_zone, coordinator_channel_id,
                   settings::text as settings_json, created_at
            from agency order by created_at, id""")
    List<Agency> all();

    /**
     * The platform's name for the agency, kept only while the agency is still known by its id (a
     * coordinator's name is never overwritten).
     */
    @SqlUpdate(
            "update agency set name = :name where id = :agencyId and name = workspace_id and :name <> workspace_id")
    int nameFromPlatform(UUID agencyId, String name);

    /** The name a coordinator chose. */
    @SqlUpdate("update agency set name = :name where id = :agencyId")
    int rename(UUID agencyId, String name);

    @SqlUpdate("update agency set time_zone = :timeZone where id = :agencyId")
    int setTimeZone(UUID agencyId, String timeZone);

    @SqlUpdate("update agency set coordinator_channel_id = :channelId where id = :agencyId")
    int setCoordinatorChannel(UUID agencyId, String channelId);

    @SqlUpdate("update agency set settings = cast(:settingsJson as jsonb) where id = :agencyId")
    int setSettings(UUID agencyId, String settingsJson);
}
