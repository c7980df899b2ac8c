package org.tenfour.storage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** An agency's peer supporters. Every method is scoped to one agency. */
@RegisterConstructorMapper(Peer.class)
public interface Peers {
    String COLUMNS =
            """
            member_id, agency_id, active, away_until, weekly_cap,
            languages, partner_requests, bio""";

    /** Makes a member a peer (again); returns whether anything changed. */
    @SqlUpdate(
            """
            insert into peer (member_id, agency_id) values (:memberId, :agencyId)
            on conflict (member_id) do update set active = true where peer.agency_id = :agencyId and not peer.active""")
    boolean add(UUID agencyId, UUID memberId);

    /** Retires a peer (kept for history, no longer matched); returns whether anything changed. */
    @SqlUpdate(
            "update peer set active = false where agency_id = :agencyId and member_id = :memberId and active")
    boolean retire(UUID agencyId, UUID memberId);

    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from peer where agency_id = :agencyId and member_id = :memberId")
    Optional<Peer> find(UUID agencyId, UUID memberId);

    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from peer where agency_id = :agencyId and active order by created_at, member_id")
    List<Peer> active(UUID agencyId);

    @SqlUpdate(
            "update peer set away_until = :until where agency_id = :agencyId and member_id = :memberId")
    int setAwayUntil(UUID agencyId, UUID memberId, Instant until);

    @SqlUpdate(
            "update peer set weekly_cap = :cap where agency_id = :agencyId and member_id = :memberId")
    int setWeeklyCap(UUID agencyId, UUID memberId, int cap);

    /** A peer edits their own directory entry. */
    @SqlUpdate(
            """
            update peer set bio = :bio, languages = :languages,
                   partner_requests = :partnerRequests, weekly_cap = :weeklyCap
            where agency_id = :agencyId and member_id = :memberId""")
    int setProfile(
            UUID agencyId,
            UUID memberId,
            String bio,
            List<String> languages,
            boolean partnerRequests,
            int weeklyCap);

    /** Active peers of the agency who take requests from partner agencies. */
    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from peer where agency_id = :agencyId and active and partner_requests "
                    + "order by created_at, member_id")
    List<Peer> takingPartnerRequests(UUID agencyId);

    /** Check-ins assigned to each active peer with a due time in [from, to): the peer's load. */
    @SqlQuery(
            """
            select p.member_id, count(c.id) from peer p
            left join check_in c on c.peer_id = p.member_id and c.agency_id = p.agency_id
                 and c.due_at >= :from and c.due_at < :to and c.state <> 'cancelled'
            where p.agency_id = :agencyId and p.active
            group by p.member_id""")
    @KeyColumn("member_id")
    @ValueColumn("count")
    Map<UUID, Integer> load(UUID agencyId, Instant from, Instant to);
}
