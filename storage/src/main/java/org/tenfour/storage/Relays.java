package org.tenfour.storage;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Relay routing, kept in PostgreSQL so that a restart or another replica routes the same way. Found
 * by a person's key (their platform identity), since a message can arrive from either agency.
 */
@RegisterConstructorMapper(Relay.class)
public interface Relays {
    String COLUMNS =
            """
            request_id, agency_id, member_key, peer_key, member_address::text as member_address_json,
            peer_address::text as peer_address_json, member_label, peer_label, started_at""";

    /** Starts routing; false when either person is already in a relay. */
    @SqlUpdate(
            """
            insert into relay (request_id, agency_id, member_key, peer_key, member_address, peer_address,
                               member_label, peer_label, started_at)
            values (:requestId, :agencyId, :memberKey, :peerKey, cast(:memberAddressJson as jsonb),
                    cast(:peerAddressJson as jsonb), :memberLabel, :peerLabel, :at)
            on conflict do nothing""")
    boolean start(
            UUID requestId,
            UUID agencyId,
            String memberKey,
            String peerKey,
            String memberAddressJson,
            String peerAddressJson,
            String memberLabel,
            String peerLabel,
            Instant at);

    /** The relay a person is in, on either side. */
    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from relay where member_key = :personKey or peer_key = :personKey limit 1")
    Optional<Relay> forPerson(String personKey);

    @SqlQuery(
            "select count(*) > 0 from relay where member_key = :personKey or peer_key = :personKey")
    boolean busy(String personKey);

    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from relay where agency_id = :agencyId and request_id = :requestId")
    Optional<Relay> find(UUID agencyId, UUID requestId);

    @SqlUpdate(
            "update relay set member_label = :label where agency_id = :agencyId and request_id = :requestId")
    int relabelMember(UUID agencyId, UUID requestId, String label);

    @SqlUpdate("delete from relay where agency_id = :agencyId and request_id = :requestId")
    boolean end(UUID agencyId, UUID requestId);
}
