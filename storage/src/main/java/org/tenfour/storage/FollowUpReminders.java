package org.tenfour.storage;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Reminders owed to peers for follow-ups they logged. A row names the peer and the due day only: it
 * has no link to the coded log row. Sent reminders are deleted, not marked.
 *
 * <p>{@link #dueAcrossAgencies} is the one cross-agency query: the reminder job serves every agency
 * and hands each row only to that row's agency.
 */
@RegisterConstructorMapper(FollowUpDue.class)
public interface FollowUpReminders {
    String COLUMNS = "id, agency_id, peer_member_id, due_date";

    @SqlQuery(
            "insert into follow_up_reminder (agency_id, peer_member_id, due_date) "
                    + "values (:agencyId, :peerMemberId, :dueDate) returning "
                    + COLUMNS)
    FollowUpDue add(UUID agencyId, UUID peerMemberId, LocalDate dueDate);

    /**
     * Removes one reminder of this peer for this day (used when a log's follow-up is corrected).
     */
    @SqlUpdate(
            """
            delete from follow_up_reminder where id = (
                select id from follow_up_reminder
                where agency_id = :agencyId and peer_member_id = :peerMemberId and due_date = :dueDate
                limit 1)""")
    int removeOne(UUID agencyId, UUID peerMemberId, LocalDate dueDate);

    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from follow_up_reminder where agency_id = :agencyId "
                    + "and due_date <= :day order by due_date, id")
    List<FollowUpDue> due(UUID agencyId, LocalDate day);

    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from follow_up_reminder where due_date <= :day order by due_date, id")
    List<FollowUpDue> dueAcrossAgencies(LocalDate day);

    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from follow_up_reminder where agency_id = :agencyId "
                    + "and peer_member_id = :peerMemberId order by due_date, id")
    List<FollowUpDue> ofPeer(UUID agencyId, UUID peerMemberId);

    /** Deletes a reminder once it has been sent; returns whether it existed. */
    @SqlUpdate("delete from follow_up_reminder where agency_id = :agencyId and id = :id")
    boolean sent(UUID agencyId, UUID id);

    /** Deletes reminders that were due before {@code before} and never sent; returns how many. */
    @SqlUpdate("delete from follow_up_reminder where due_date < :before")
    int purgeExpired(LocalDate before);
}
