package org.tenfour.storage;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * On-call rotas: the settings, the peers in order, and one-week swaps. Every statement names the
 * agency.
 */
@RegisterConstructorMapper(OnCallRota.class)
public interface OnCallRotas {
    String COLUMNS = "agency_id, handoff_day, handoff_time, anchor_date, last_resort_member_id";

    @SqlQuery("select " + COLUMNS + " from on_call_rota where agency_id = :agencyId")
    Optional<OnCallRota> find(UUID agencyId);

    /** Agencies that have a rota (for the handoff job). */
    @SqlQuery("select agency_id from on_call_rota order by agency_id")
    List<UUID> agencies();

    /** Creates the rota with the default handoff (Monday 08:00) counting from {@code anchor}. */
    @SqlUpdate(
            """
            insert into on_call_rota (agency_id, anchor_date) values (:agencyId, :anchor)
            on conflict (agency_id) do nothing""")
    boolean create(UUID agencyId, LocalDate anchor);

    @SqlUpdate(
            """
            update on_call_rota set handoff_day = :day, handoff_time = :time, anchor_date = :anchor
            where agency_id = :agencyId""")
    int setHandoff(UUID agencyId, int day, LocalTime time, LocalDate anchor);

    @SqlUpdate(
            "update on_call_rota set last_resort_member_id = :memberId where agency_id = :agencyId")
    int setLastResort(UUID agencyId, UUID memberId);

    /** The rota's peers in their order. */
    @SqlQuery(
            "select member_id from on_call_peer where agency_id = :agencyId order by position, member_id")
    List<UUID> peers(UUID agencyId);

    /** Adds a peer at the end of the rotation; false when already on it. */
    @SqlUpdate(
            """
            insert into on_call_peer (agency_id, member_id, position)
            select :agencyId, :memberId, coalesce(max(position) + 1, 0)
            from on_call_peer where agency_id = :agencyId
            on conflict (agency_id, member_id) do nothing""")
    boolean addPeer(UUID agencyId, UUID memberId);

    @SqlUpdate("delete from on_call_peer where agency_id = :agencyId and member_id = :memberId")
    boolean removePeer(UUID agencyId, UUID memberId);

    /** One week's exception: {@code memberId} covers the week that starts on {@code weekStart}. */
    @SqlUpdate(
            """
            insert into on_call_swap (agency_id, week_start, member_id)
            values (:agencyId, :weekStart, :memberId)
            on conflict (agency_id, week_start) do update set member_id = excluded.member_id""")
    int setSwap(UUID agencyId, LocalDate weekStart, UUID memberId);

    /** The swaps of weeks starting on or after {@code from}, by week start. */
    @SqlQuery(
            """
            select week_start, member_id from on_call_swap
            where agency_id = :agencyId and week_start >= :from""")
    @KeyColumn("week_start")
    @ValueColumn("member_id")
    Map<LocalDate, UUID> swaps(UUID agencyId, LocalDate from);

    /** Forgets swaps of weeks long over. */
    @SqlUpdate("delete from on_call_swap where agency_id = :agencyId and week_start < :before")
    int forgetSwaps(UUID agencyId, LocalDate before);
}
