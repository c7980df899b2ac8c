package org.tenfour.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Setup grants of installers ({@link SetupGrant}); every statement names the agency. */
@RegisterConstructorMapper(SetupGrant.class)
public interface SetupGrants {
    String COLUMNS =
            """
            g.id, g.agency_id, g.member_id, m.platform_user_id, upper(g.source) as source,
            g.granted_at, g.expires_at, g.closed_at, upper(g.outcome) as outcome""";

    /** Grants the member the first setup until {@code expiresAt}; returns the grant's id. */
    @SqlQuery(
            """
            insert into setup_grant (agency_id, member_id, source, granted_at, expires_at)
            values (:agencyId, :memberId, lower(:source), :grantedAt, :expiresAt)
            returning id""")
    long grant(
            UUID agencyId,
            UUID memberId,
            SetupGrant.Source source,
            Instant grantedAt,
            Instant expiresAt);

    /** The member's open, unexpired grant, if any. */
    @SqlQuery(
            "select "
                    + COLUMNS
                    + """
             from setup_grant g join member m on m.id = g.member_id and m.agency_id = g.agency_id
            where g.agency_id = :agencyId and g.member_id = :memberId
              and g.outcome is null and g.expires_at > :now
            order by g.id desc limit 1""")
    Optional<SetupGrant> pending(UUID agencyId, UUID memberId, Instant now);

    /** The agency's grants given since {@code since}, newest first (pending, used, revoked, …). */
    @SqlQuery(
            "select "
                    + COLUMNS
                    + """
             from setup_grant g join member m on m.id = g.member_id and m.agency_id = g.agency_id
            where g.agency_id = :agencyId and g.granted_at >= :since
            order by g.id desc""")
    List<SetupGrant> since(UUID agencyId, Instant since);

    /** Whether the agency ever had a grant (an install TenFour saw). */
    @SqlQuery("select exists (select 1 from setup_grant where agency_id = :agencyId)")
    boolean any(UUID agencyId);

    /** Ends one open grant; false if it was not open. */
    @SqlUpdate(
            """
            update setup_grant set outcome = lower(:outcome), closed_at = :at
            where agency_id = :agencyId and id = :id and outcome is null""")
    boolean close(UUID agencyId, long id, SetupGrant.Outcome outcome, Instant at);

    /** Ends every open grant of the agency; returns how many. */
    @SqlUpdate(
            """
            update setup_grant set outcome = lower(:outcome), closed_at = :at
            where agency_id = :agencyId and outcome is null and expires_at > :at""")
    int closeAll(UUID agencyId, SetupGrant.Outcome outcome, Instant at);
}
