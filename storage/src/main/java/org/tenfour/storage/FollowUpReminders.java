package org.tenfour.storage;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Reminders owed to peers for follow-ups they logged. A row names its peer only by a keyed tag and
 * its log only by a keyed reference (see {@link KeyedHashes}), plus the due day: a database
 * administrator can join it to nothing, not even to the log written in the same transaction. Sent
 * reminders are deleted, not marked.
 *
 * <p>{@link #dueAcrossAgencies} and {@link #purgeExpired} are the cross-agency queries: the jobs
 * serve every agency and hand each row only to that row's agency.
 */
@RegisterConstructorMapper(FollowUpDue.class)
public interface FollowUpReminders {
    String COLUMNS = "id, agency_id, peer_tag, peer_member_id, due_date";

    @SqlQuery(
            "insert into follow_up_reminder (agency_id, peer_tag, log_ref, due_date) "
                    + "values (:agencyId, :peerTag, :logRef, :dueDate) returning "
                    + COLUMNS)
    FollowUpDue add(UUID agencyId, String peerTag, String logRef, LocalDate dueDate);

    /** The due day of the reminder of one log, if it has one. */
    @SqlQuery(
            "select due_date from follow_up_reminder where agency_id = :agencyId and log_ref = :logRef")
    List<LocalDate> dueOf(UUID agencyId, String logRef);

    /** Removes the reminder of one log (its follow-up was corrected). */
    @SqlUpdate("delete from follow_up_reminder where agency_id = :agencyId and log_ref = :logRef")
    int removeFor(UUID agencyId, String logRef);

    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from follow_up_reminder where due_date <= :day order by due_date, id")
    List<FollowUpDue> dueAcrossAgencies(LocalDate day);

    /** A peer's reminders, by their tag (and, for rows written before tags, their id). */
    @SqlQuery(
            "select "
                    + COLUMNS
                    + " from follow_up_reminder where agency_id = :agencyId "
                    + "and (peer_tag = :peerTag or peer_member_id = :peerMemberId) order by due_date, id")
    List<FollowUpDue> ofPeer(UUID agencyId, String peerTag, UUID peerMemberId);

    /** Deletes a reminder once it has been sent; returns whether it existed. */
    @SqlUpdate("delete from follow_up_reminder where agency_id = :agencyId and id = :id")
    boolean sent(UUID agencyId, UUID id);

    /** Deletes reminders that were due before {@code before} and never sent; returns how many. */
    @SqlUpdate("delete from follow_up_reminder where due_date < :before")
    int purgeExpired(LocalDate before);
}
