package org.tenfour.storage;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** An agency's roster. Every method is scoped to one agency. */
@RegisterConstructorMapper(Member.class)
public interface Members {
    String COLUMNS = """
            id, agency_id, platform_user_id, display_name, time_zone, opted_out, snoozed_until,
            unreachable, is_coordinator, on_roster, created_at""";

    /** Adds the person to the agency, or refreshes their name and zone if already known. */
    @SqlQuery("insert into member (agency_id, platform_user_id, display_name, time_zone) "
            + "values (:agencyId, :platformUserId, :displayName, :timeZone) "
            + "on conflict (agency_id, platform_user_id) do update set "
            + "display_name = coalesce(excluded.display_name, member.display_name), "
            + "time_zone = coalesce(excluded.time_zone, member.time_zone) "
            + "returning " + COLUMNS)
    Member upsert(UUID agencyId, String platformUserId, String displayName, String timeZone);

    @SqlQuery("select " + COLUMNS + " from member where agency_id = :agencyId and id = :memberId")
    Optional<Member> find(UUID agencyId, UUID memberId);

    @SqlQuery("select " + COLUMNS + " from member "
            + "where agency_id = :agencyId and platform_user_id = :platformUserId")
    Optional<Member> findByPlatformUser(UUID agencyId, String platformUserId);

    @SqlQuery("select " + COLUMNS + " from member where agency_id = :agencyId order by created_at, id")
    List<Member> list(UUID agencyId);

    @SqlUpdate("update member set opted_out = :optedOut where agency_id = :agencyId and id = :memberId")
    int setOptedOut(UUID agencyId, UUID memberId, boolean optedOut);

    @SqlUpdate("delete from member where agency_id = :agencyId and id = :memberId")
    int delete(UUID agencyId, UUID memberId);
}
