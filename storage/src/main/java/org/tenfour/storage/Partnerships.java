package org.tenfour.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Partnerships between agencies. Every method is scoped to one agency (either side); an invite is
 * found only by the SHA-256 of its one-time code, which is all that is stored.
 */
@RegisterConstructorMapper(Partnership.class)
public interface Partnerships {
    String COLUMNS = "id, agency_a, agency_b, invite_until, state, created_at, ended_at";

    @SqlQuery(
            "insert into partnership (agency_a, invite_hash, invite_until, state, created_at) "
                    + "values (:agencyId, :inviteHash, :until, 'invited', :at) returning "
                    + COLUMNS)
    Partnership invite(UUID agencyId, String inviteHash, Instant until, Instant at);

    /**
     * Uses an invite once: only while unexpired, never by the inviting agency itself, and never
     * when the two agencies are already partners. Empty when the code is unknown, used or expired.
     */
    @SqlQuery(
            """
            update partnership set agency_b = :agencyId, state = 'active', invite_hash = null
            where invite_hash = :inviteHash and state = 'invited' and invite_until > :now and agency_a <> :agencyId
              and not exists (select 1 from partnership p where p.state = 'active'
                              and ((p.agency_a = partnership.agency_a and p.agency_b = :agencyId)
                                   or (p.agency_b = partnership.agency_a and p.agency_a = :agencyId)))
            returning\s"""
                    + COLUMNS)
    Optional<Partnership> accept(UUID agencyId, String inviteHash, Instant now);

    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from partnership where state = 'active' "
                    + "and (agency_a = :agencyId or agency_b = :agencyId) order by created_at, id")
    List<Partnership> active(UUID agencyId);

    /** The active partners' agency ids. */
    @SqlQuery(
            "select case when agency_a = :agencyId then agency_b else agency_a end from partnership "
                    + "where state = 'active' and (agency_a = :agencyId or agency_b = :agencyId)")
    List<UUID> partnerIds(UUID agencyId);

    @SqlQuery(
            "update partnership set state = 'ended', ended_at = :at where id = :id and state = 'active' "
                    + "and (agency_a = :agencyId or agency_b = :agencyId) returning "
                    + COLUMNS)
    Optional<Partnership> end(UUID agencyId, UUID id, Instant at);

    /** Open invites an agency issued that were never used: for the list. */
    @SqlQuery(
            "select count(*) from partnership where agency_a = :agencyId and state = 'invited' and invite_until > :now")
    int openInvites(UUID agencyId, Instant now);

    @SqlUpdate(
            "update partnership set state = 'ended', ended_at = :at, invite_hash = null "
                    + "where agency_a = :agencyId and state = 'invited' and invite_until <= :at")
    int expireInvites(UUID agencyId, Instant at);
}
