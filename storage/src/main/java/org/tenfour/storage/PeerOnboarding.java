package org.tenfour.storage;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Which peers have acknowledged the program's policy, exceptions and scope of role. Every statement
 * names the agency. A peer with no row (added before onboarding existed) is not held back.
 */
public interface PeerOnboarding {

    /** Starts onboarding; false when the peer had started (or finished) it before. */
    @SqlUpdate(
            "insert into peer_onboarding (agency_id, member_id, sent_on) values (:agencyId,"
                    + " :memberId, :on) on conflict do nothing")
    boolean start(UUID agencyId, UUID memberId, LocalDate on);

    @SqlUpdate(
            "update peer_onboarding set acknowledged_on = :on where agency_id = :agencyId"
                    + " and member_id = :memberId and acknowledged_on is null")
    boolean acknowledge(UUID agencyId, UUID memberId, LocalDate on);

    /** Active peers who have not acknowledged yet. */
    @SqlQuery(
            "select o.member_id from peer_onboarding o join peer p on p.member_id = o.member_id"
                    + " and p.agency_id = o.agency_id where o.agency_id = :agencyId and p.active"
                    + " and o.acknowledged_on is null order by o.sent_on, o.member_id")
    List<UUID> pending(UUID agencyId);

    /**
     * Peers no offer or check-in may go out for on {@code today}: onboarding not acknowledged, or a
     * required course expired.
     */
    @SqlQuery(
            "select member_id from peer_onboarding where agency_id = :agencyId and acknowledged_on"
                    + " is null union select member_id from training_record where agency_id ="
                    + " :agencyId and required and expires_on < :today")
    List<UUID> notReady(UUID agencyId, LocalDate today);
}
